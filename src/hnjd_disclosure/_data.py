"""The package's own data files (``data/...``), read beside its modules.

A wheel installs the package as a directory, so a data file is a path under it.
``importlib.resources`` would import tempfile, zipfile, shutil and the compression modules
(10 ms of every ``hnjd-disclosure render``, which writes part 8), and pathlib with the
``urllib.parse`` and ``ipaddress`` it imports 4 ms more; ``os.path`` is already imported.
"""

from __future__ import annotations

import os
from typing import Final

__all__ = ["package_path", "package_text"]

_ROOT: Final = os.path.dirname(__file__)


def package_path(name: str) -> str:
    """The path of the package data file ``name`` (a path under the package, with ``/``).

    >>> package_path("data/checklist-2014.tsv").endswith(os.path.join("data", "checklist-2014.tsv"))
    True
    """
    return os.path.join(_ROOT, *name.split("/"))


def package_text(name: str) -> str:
    """The UTF-8 text of the package data file ``name``.

    >>> "教育部办公厅" in package_text("data/documents.tsv")
    True
    """
    with open(package_path(name), encoding="utf-8") as fh:
        return fh.read()
