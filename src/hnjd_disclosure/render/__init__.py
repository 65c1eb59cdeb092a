"""Rendering reports: pure functions from the model to text and other formats.

``render`` gives the text; ``render_markdown`` and ``render_html`` give strings and
``render_docx`` the bytes of a Word file (it needs the optional extra ``docx``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

from .text import render, render_parts

if TYPE_CHECKING:
    from .docx import render_docx
    from .html import render_html
    from .markdown import render_markdown

__all__ = ["render", "render_docx", "render_html", "render_markdown", "render_parts"]

# The other formats are imported on first use: the command line renders text at every start.
_LAZY: Final = {"render_docx": ".docx", "render_html": ".html", "render_markdown": ".markdown"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
