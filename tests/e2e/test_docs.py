"""The README and docs/ stay true: their links resolve, their commands exist and parse, and the
README's query, export and report commands print what the README shows.

Commands are read from fenced blocks: every line of an `sh` block is a command; in a `console`
block a line `$ COMMAND` is a command and the lines after it, up to the next `$`, its output.
Outputs are compared with spaces folded; a line `...` stands for any lines, and `...` inside a
line for any text. A stale example fails with what the command printed, ready to paste.
"""

from __future__ import annotations

import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BIN = Path(sys.executable).parent
FENCE = re.compile(r"^```(\w*)\s*$")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
SUBSTITUTION = re.compile(r"\$\(([^()]*)\)")  # $(...) without nested parentheses
CONTROL = {"|", "||", "&&", ";"}
REDIRECT = {">", ">>", "<", "2>", "2>&1"}
# Commands the docs run in a samples run: they read the warehouse, or nothing but a gold file.
RUNNABLE = {"query", "export", "report", "eval"}
# Paths that `make run` creates, so a command may name them before they exist.
MADE_BY_RUN = ("data/lake", "data/warehouse.duckdb")


@dataclass(frozen=True)
class Command:
    doc: Path
    line: int
    text: str
    output: tuple[str, ...] | None = None  # what a `console` block shows it printing

    @property
    def where(self) -> str:
        return f"{self.doc.relative_to(ROOT)}:{self.line}"


def fenced_blocks(path: Path) -> list[tuple[str, int, list[str]]]:
    """(language, line number of the first line, lines) of every fenced block in a file."""
    blocks, current = [], None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        fence = FENCE.match(line)
        if current is None and fence:
            current = (fence.group(1), number + 1, [])
        elif current is not None and line.startswith("```"):
            blocks.append(current)
            current = None
        elif current is not None:
            current[2].append(line)
    return blocks


def commands_in(path: Path) -> list[Command]:
    found = []
    for language, first, lines in fenced_blocks(path):
        if language == "sh":
            found += _sh_commands(path, first, lines)
        elif language == "console":
            found += _console_commands(path, first, lines)
    return found


def _sh_commands(path: Path, first: int, lines: list[str]) -> list[Command]:
    found, pending, start = [], "", first
    for number, line in enumerate(lines, start=first):
        if not pending:
            start = number
        if line.rstrip().endswith("\\"):  # a command continued on the next line
            pending += line.rstrip()[:-1] + " "
            continue
        text = (pending + line).strip()
        pending = ""
        if text and not text.startswith("#"):
            found.append(Command(path, start, text))
    return found


def _console_commands(path: Path, first: int, lines: list[str]) -> list[Command]:
    found: list[Command] = []
    for number, line in enumerate(lines, start=first):
        if line.startswith("$ "):
            found.append(Command(path, number, line[2:].strip(), ()))
        elif found:
            last = found[-1]
            found[-1] = Command(last.doc, last.line, last.text, (*last.output, line))
    return found


ALL_COMMANDS = [command for doc in DOCS for command in commands_in(doc)]


def simple_commands(text: str) -> list[list[str]]:
    """The words of each simple command in a line: pipelines, `&&` and `$(...)` taken apart,
    redirections and their targets dropped, leading VAR=value assignments dropped."""
    inner = [simple_commands(sub) for sub in SUBSTITUTION.findall(text)]
    lexer = shlex.shlex(
        SUBSTITUTION.sub("SUBSTITUTED", text), posix=True, punctuation_chars="|&;<>"
    )
    lexer.whitespace_split = True
    lexer.commenters = "#"
    parts: list[list[str]] = [[]]
    skip_next = False
    for token in lexer:
        if skip_next:
            skip_next = False
        elif token in CONTROL:
            parts.append([])
        elif token in REDIRECT:
            skip_next = True
        else:
            parts[-1].append(token)
    words = [_without_assignments(part) for part in parts]
    return [w for w in words if w] + [w for sub in inner for w in sub]


def _without_assignments(words: list[str]) -> list[str]:
    while words and re.match(r"^[A-Z_][A-Z0-9_]*=", words[0]):
        words = words[1:]
    return words


# --- links ---------------------------------------------------------------------------------


def heading_anchors(path: Path) -> set[str]:
    """GitHub's anchors for the headings of a Markdown file."""
    anchors = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            anchors.add(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return anchors


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_resolve_to_files_in_the_repository(doc):
    broken = []
    for target in LINK.findall(doc.read_text(encoding="utf-8")):
        if re.match(r"^[a-z]+:", target):
            continue  # http(s), mailto: not a file of the repository
        file_part, _, anchor = target.partition("#")
        resolved = (doc.parent / file_part).resolve() if file_part else doc
        if not resolved.exists() or ROOT not in (resolved, *resolved.parents):
            broken.append(f"{target}: no such file in the repository")
        elif anchor and resolved.suffix == ".md" and anchor not in heading_anchors(resolved):
            broken.append(f"{target}: no heading with that anchor")
    assert not broken, f"{doc.relative_to(ROOT)}: " + "; ".join(broken)


def test_the_docs_have_commands_to_check():
    readme = [c for c in ALL_COMMANDS if c.doc.name == "README.md"]
    assert any(c.text == "make run" for c in readme) and any(c.output for c in readme)
    assert len(ALL_COMMANDS) > 40


def test_readme_stays_short():
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) <= 200


def test_every_package_has_a_line_in_the_tree():
    tree = (ROOT / "docs" / "development.md").read_text(encoding="utf-8")
    top = [d for d in ROOT.iterdir() if d.is_dir() and not d.name.startswith((".", "tests"))]
    packages = sorted(
        init.parent.relative_to(ROOT).as_posix() for d in top for init in d.rglob("__init__.py")
    )
    missing = [p for p in packages if f"| `{p}/` |" not in tree]
    assert not missing, f"docs/development.md has no row for {missing}"


def test_every_reject_reason_is_documented():
    from transforms.ingest.rejects import REASONS

    inputs = (ROOT / "docs" / "inputs.md").read_text(encoding="utf-8")
    written = _reasons_written_in_code()
    assert written <= set(REASONS), f"codes missing from REASONS: {written - set(REASONS)}"
    missing = [r for r in REASONS if f"| `{r}` |" not in inputs]
    assert not missing, f"docs/inputs.md has no row for {missing}"


def _reasons_written_in_code() -> set[str]:
    """Reason codes passed to Rejected(...), TransientFetchError(...) or a reject row."""
    pattern = re.compile(
        r"(?:Rejected|TransientFetchError|reject_row\(STAGE,|\.reject\([^,]+,)\s*\(?\s*\"([a-z_]+)\""
    )
    found = set()
    for package in ("transforms", "sources", "flows", "engine", "storage"):
        for path in (ROOT / package).rglob("*.py"):
            found |= set(pattern.findall(path.read_text(encoding="utf-8")))
    return found


# --- commands: they exist and parse --------------------------------------------------------


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=lambda c: c.where)
def test_command_names_what_exists(command):
    for words in simple_commands(command.text):
        problem = check_words(words)
        assert problem is None, f"{command.where}: {command.text}\n  {problem}"


def check_words(words: list[str]) -> str | None:
    program, args = words[0], words[1:]
    if program == "make":
        return _check_make(args)
    if program == "export":
        return None if all("=" in a for a in args) else f"export without VAR=value: {args}"
    if program in ("tail", "head"):
        return None
    if not program.startswith(".venv/bin/"):
        return (
            f"unknown program {program!r}: use .venv/bin/..., make, or teach tests/e2e/test_docs.py"
        )
    name = program.removeprefix(".venv/bin/")
    checks = {
        "conflict-events": _check_cli,
        "python": _check_python,
        "prefect": _check_prefect,
        "pytest": _check_pytest,
        "ruff": lambda a: None if a and a[0] in ("check", "format") else f"ruff {a}?",
    }
    if not (BIN / name).exists():
        return f"{program} is not installed in the venv"
    return checks[name](args) if name in checks else None


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w-]*):", text, re.M))


def _check_make(args: list[str]) -> str | None:
    for arg in args:
        if arg.startswith("BENCH="):
            bench = ROOT / "bench" / f"bench_{arg.removeprefix('BENCH=')}.py"
            if not bench.exists():
                return f"no benchmark {bench.relative_to(ROOT)}"
        elif "=" not in arg and arg not in makefile_targets():
            return f"no make target {arg!r}"
    return None


def _check_cli(args: list[str]) -> str | None:
    from cli.main import build_parser

    try:
        parsed = build_parser().parse_args(args)
    except SystemExit:
        return f"conflict-events does not accept {args}"
    named = [*getattr(parsed, "sources", []), *getattr(parsed, "urls", [])]
    if parsed.command == "eval":
        named.append(parsed.gold)
    missing = [p for p in named if not _exists_or_is_the_users(p)]
    return f"no such file in the repository: {missing}" if missing else None


def _exists_or_is_the_users(path: str) -> bool:
    """Relative paths must exist in the checkout (or be made by `make run`); absolute paths and
    URLs stand for the user's own."""
    if re.match(r"^[a-z0-9]+://", path) or path.startswith("/") or path in MADE_BY_RUN:
        return True
    return bool(glob.glob(str(ROOT / path)))


def _check_python(args: list[str]) -> str | None:
    if args[:1] == ["-c"]:
        compile(args[1], "<docs>", "exec")
        return None
    if args[:1] == ["-m"]:
        module = ROOT / Path(*args[1].split("."))
        if not (module.with_suffix(".py").exists() or (module / "__main__.py").exists()):
            return f"no module {args[1]} in the repository"
        return None
    return f"python {args}: use -m MODULE or -c CODE"


def _check_prefect(args: list[str]) -> str | None:
    # cyclopts resolves the command and binds its options without running it (a private
    # module: if Prefect moves it, update this import).
    from prefect.cli._app import _app

    try:
        _app.parse_args(args, exit_on_error=False, print_error=False)
    except Exception as error:  # cyclopts' usage errors have no common public base
        return f"prefect {' '.join(args)}: {error}"
    return None


def _check_pytest(args: list[str]) -> str | None:
    registered = {line.split(":")[0] for line in _pytest_markers()}
    for flag, value in zip(args, args[1:], strict=False):
        if flag == "-m":
            unknown = set(re.findall(r"\w+", value)) - registered - {"not", "and", "or"}
            if unknown:
                return f"unregistered markers {unknown}"
    paths = [a for a in args if "/" in a and not a.startswith("-")]
    missing = [p for p in paths if not (ROOT / p).exists()]
    return f"no such test path {missing}" if missing else None


def _pytest_markers() -> list[str]:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["pytest"]["ini_options"]["markers"]


# --- the README's examples run, against one samples run -------------------------------------


@pytest.fixture(scope="module")
def samples_run(tmp_path_factory) -> tuple[Path, str]:
    """A checkout-like folder where `make run` has run: (folder, what `make run` printed).

    It holds the Makefile, pyproject.toml and the samples, with `.venv` linked to this venv; the
    install step is marked done (`make -o`), so the run neither builds a venv nor touches it.
    """
    folder = tmp_path_factory.mktemp("readme")
    shutil.copy2(ROOT / "Makefile", folder / "Makefile")
    shutil.copy2(ROOT / "pyproject.toml", folder / "pyproject.toml")
    shutil.copytree(SAMPLES, folder / "data" / "samples")
    (folder / ".venv").symlink_to(BIN.parent, target_is_directory=True)
    run = subprocess.run(
        ["make", "--no-print-directory", "-o", ".venv/bin/.installed", "run"],
        cwd=folder,
        env=_env(folder),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return folder, run.stdout


def _env(folder: Path) -> dict[str, str]:
    # Under `make test` the outer make's variables would make this one print its directory.
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    return env | {"PREFECT_HOME": str(folder / ".prefect"), "PYTHONPATH": str(ROOT)}


def runnable(command: Command) -> bool:
    words = simple_commands(command.text)[0]
    return words[0] == ".venv/bin/conflict-events" and words[1] in RUNNABLE


RUN_COMMANDS = [c for c in ALL_COMMANDS if runnable(c)]
README_MAKE_RUN = [c for c in ALL_COMMANDS if c.text == "make run" and c.output]


@pytest.mark.parametrize("command", RUN_COMMANDS, ids=lambda c: c.where)
def test_command_runs_as_printed(samples_run, command):
    folder, _ = samples_run
    # eval reads files of the checkout (docs/examples/); the others read the samples run.
    cwd = ROOT if simple_commands(command.text)[0][1] == "eval" else folder
    result = subprocess.run(
        ["bash", "-c", "set -o pipefail; " + command.text],
        cwd=cwd,
        env=_env(folder),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"{command.where}: {command.text}\n{result.stderr[-2000:]}"
    if command.output:
        assert_output(command, result.stdout)


@pytest.mark.parametrize("command", README_MAKE_RUN, ids=lambda c: c.where)
def test_make_run_prints_what_the_readme_shows(samples_run, command):
    assert_output(command, samples_run[1])


def assert_output(command: Command, printed: str) -> None:
    expected = _fold(command.output)
    actual = _fold(printed.splitlines())
    pattern = "".join(
        r"(?:[^\n]*\n)*?" if line == "..." else re.escape(line).replace(r"\.\.\.", "[^\n]*") + "\n"
        for line in expected
    )
    if not re.fullmatch(pattern, "".join(line + "\n" for line in actual)):
        pytest.fail(f"{command.where}: `{command.text}` printed something else:\n\n{printed}")


def _fold(lines) -> list[str]:
    folded = [" ".join(line.split()) for line in lines]
    while folded and not folded[-1]:
        folded.pop()
    return folded


def test_output_matching_catches_a_stale_example():
    stale = Command(ROOT / "README.md", 1, "x", ("wrote 2 events to events.csv (acled-csv)",))
    with pytest.raises(pytest.fail.Exception, match="printed something else"):
        assert_output(stale, "wrote 5 events to events.csv (acled-csv)\n")
    elided = Command(ROOT / "README.md", 1, "x", ("a ... c", "...", "(5 rows)"))
    assert_output(elided, "a  b   c\nrow\nrow\n(5 rows)\n")
