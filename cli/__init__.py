"""CLI subcommands, one module each. A module exposes `register(commands)`.

Modules for commands that run no flow must not import Prefect, even indirectly.
"""

from __future__ import annotations

import storage  # noqa: F401  (first: it sets Arrow's allocator before pyarrow loads)


class UsageError(Exception):
    """A mistake the user can fix; the CLI prints it without a traceback and exits 2."""
