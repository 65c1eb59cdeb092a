"""Rendering reports: pure functions from the model to text and other formats.

``render`` gives the text; ``render_markdown`` and ``render_html`` give strings and
``render_docx`` the bytes of a Word file (it needs the optional extra ``docx``).
"""

from .docx import render_docx
from .html import render_html
from .markdown import render_markdown
from .text import render, render_parts

__all__ = ["render", "render_docx", "render_html", "render_markdown", "render_parts"]
