"""Optional Cython builds of the extractor's modules, loaded only while they match the source.

`make compile` (part of `make install`) compiles each module in COMPILED_MODULES, unchanged,
to a binary named after a hash of its source. At import, the finder that
`transforms/__init__.py` installs loads a module's binary only when one exists for the source
as it is now: an edited module runs as plain Python until the next build, so a stale binary
is never run. Without a build (no C compiler, CONFLICT_EVENTS_PURE_PYTHON=1), everything
runs as plain Python, the same rows, slower (bench/bench_extract.py measures both).
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import os
import sys
from pathlib import Path

# The modules the extractor spends its time in; compiled as they are, with no Cython typing.
COMPILED_MODULES = (
    "places",
    "casualties",
    "mentions",
    "taxonomy",
    "dates",
    "numbers",
    "text",
    "extract",
)
PACKAGE = Path(__file__).resolve().parent
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]  # the ABI tag: another Python finds none


def compiled_dir() -> Path:
    """Where the binaries live: $CONFLICT_EVENTS_COMPILED_DIR, else inside the environment."""
    override = os.environ.get("CONFLICT_EVENTS_COMPILED_DIR")
    return Path(override) if override else Path(sys.prefix) / "conflict-events-compiled"


def binary_path(module: str, root: Path | None = None) -> Path | None:
    """The binary for `module`'s source as it is now (None if the source cannot be read)."""
    try:
        digest = hashlib.sha256((PACKAGE / f"{module}.py").read_bytes()).hexdigest()[:16]
    except OSError:
        return None
    return (root or compiled_dir()) / f"{module}-{digest}{SUFFIX}"


class CompiledFinder:
    """A meta path finder for `transforms.<module>`: its binary if it matches the source."""

    @staticmethod
    def find_spec(name: str, path=None, target=None):
        package, _, module = name.rpartition(".")
        if package != __package__ or module not in COMPILED_MODULES:
            return None
        binary = binary_path(module)
        if binary is None or not binary.is_file():
            return None  # no build for this source: the plain module
        loader = importlib.machinery.ExtensionFileLoader(name, str(binary))
        return importlib.util.spec_from_file_location(name, binary, loader=loader)


def install() -> None:
    """Put the finder first, unless CONFLICT_EVENTS_PURE_PYTHON is set."""
    if os.environ.get("CONFLICT_EVENTS_PURE_PYTHON"):
        return
    if not any(finder is CompiledFinder for finder in sys.meta_path):
        sys.meta_path.insert(0, CompiledFinder)


def is_compiled(module: object) -> bool:
    return str(getattr(module, "__file__", "")).endswith(SUFFIX)


def loaded_build() -> str:
    """Which extractor this process runs, for benchmark output."""
    import transforms.places

    return "compiled (Cython)" if is_compiled(transforms.places) else "plain Python"


def build(root: Path | None = None) -> list[str]:
    """Compile every module whose source has no binary yet; returns the modules compiled.

    Cython and a C compiler are needed only here. The C sources and objects are built in a
    temporary folder, and each binary is moved into place whole.
    """
    import tempfile

    root = root or compiled_dir()
    todo = [m for m in COMPILED_MODULES if not binary_path(m, root).is_file()]
    if not todo:
        return []
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="compile-", dir=root) as scratch:
        built = _cythonize(todo, Path(scratch))
        for module in todo:
            os.replace(built[module], binary_path(module, root))
    for stale in root.glob(f"*{SUFFIX}"):  # binaries of sources that have changed since
        module = stale.name.split("-", 1)[0]
        if module not in COMPILED_MODULES or stale != binary_path(module, root):
            stale.unlink()
    return todo


def _cythonize(modules: list[str], scratch: Path) -> dict[str, Path]:
    from Cython.Build import cythonize
    from setuptools import Distribution, Extension

    package = scratch / "transforms"
    package.mkdir()
    sources = [package / f"{m}.py" for m in modules]
    for module, copy in zip(modules, sources, strict=True):
        copy.write_bytes((PACKAGE / f"{module}.py").read_bytes())
    extensions = cythonize(
        # -w: the generated C draws array-bounds warnings from gcc 12 that say nothing of ours
        [Extension(f"transforms.{p.stem}", [str(p)], extra_compile_args=["-w"]) for p in sources],
        # annotation_typing off: type hints stay hints, as in Python ("list" takes a subclass)
        compiler_directives={"language_level": 3, "annotation_typing": False},
        quiet=True,
    )
    command = Distribution({"ext_modules": extensions}).get_command_obj("build_ext")
    command.build_lib, command.build_temp = str(scratch / "lib"), str(scratch / "tmp")
    command.parallel = os.cpu_count() or 1
    command.ensure_finalized()
    command.run()
    return {m: scratch / "lib" / "transforms" / f"{m}{SUFFIX}" for m in modules}


def main() -> int:
    """`make compile`: build what is missing, say where; never fail the install over it."""
    try:
        compiled = build()
    except Exception as error:  # no Cython, no C compiler: the extractor still runs, slower
        print(f"compiled extractor not built ({type(error).__name__}: {error}); plain Python")
        return 0
    done = f"built {', '.join(compiled)}" if compiled else "up to date"
    print(f"compiled extractor: {done} in {compiled_dir()}")
    return 0
