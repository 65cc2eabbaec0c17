"""Optional dependencies: imported where a feature needs them, with the extra to install.

The core install analyses articles and keeps a DuckDB corpus. PostgreSQL, Dask, WARC input
and the explorer are extras (pyproject.toml), each imported only by the feature that needs it:

    pip install 'newsgraph[postgres]'   # --db postgresql://...
    pip install 'newsgraph[dask]'       # ingest --engine dask
    pip install 'newsgraph[warc]'       # .warc / .warc.gz input
    pip install 'newsgraph[web]'        # newsgraph serve, the explorer (newsgraph.web)

`require(module, extra, feature)` imports a module of an extra or raises `MissingExtra`, which
the command line prints as one line (exit 2) and Python code can catch as an ImportError.
"""
from __future__ import annotations

import importlib
from types import ModuleType

from .errors import UsageError


class MissingExtra(UsageError, ImportError):
    """A feature's optional dependency is not installed; the message names the extra."""


def require(module: str, extra: str, feature: str) -> ModuleType:
    """`module`, imported; MissingExtra saying `pip install 'newsgraph[extra]'` when absent."""
    try:
        return importlib.import_module(module)
    except ImportError as err:
        top = module.split(".")[0]
        if err.name is not None and err.name.split(".")[0] != top:
            raise  # the module is there but broken: not a missing extra
        raise MissingExtra(f"{feature} needs {top}, which is not installed: "
                           f"pip install 'newsgraph[{extra}]'") from err
