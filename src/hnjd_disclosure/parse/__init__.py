"""Reading reports: text back into the model, and figures out of any institution's report.

* :func:`parse_report`: a report in this school's layout, the inverse of the text renderer.
"""

from ._text import MAX_CHARS
from .report import parse_report

__all__ = ["MAX_CHARS", "parse_report"]
