"""Pure text -> record transforms. No I/O, no Prefect, nothing from flows/."""

from transforms.compiled import install as _use_compiled_modules

_use_compiled_modules()  # the extractor's Cython builds, where they match the source
