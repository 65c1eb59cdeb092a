"""Reading reports: text back into the model, and figures out of any institution's report.

* :func:`parse_report`: a report in this school's layout, the inverse of the text renderer;
* :func:`extract_figures`: every quantitative claim of any report, with offsets, and each
  percentage linked to its part and whole where the text gives them;
* :func:`read_header`: institution, title, year, period, cited documents, announced parts;
* :func:`audit_text`, :func:`check_text`: the audit's checks applied to the figures of any
  text (:func:`check_document` when the document and header are read already);
* :func:`simplified`: a text with the traditional characters of the reports' names
  simplified, one for one;
* :func:`html_to_text`, :func:`docx_to_text`: a web page or a Word file as the report's text,
  which the readers above then read (tables as :func:`pipe_rows`).

Every function takes a ``str`` of at most :data:`MAX_CHARS` characters and raises
:class:`~hnjd_disclosure.errors.TextTooLargeError` beyond; :func:`parse_report` raises
:class:`~hnjd_disclosure.errors.ParseError` on text that is not such a report. No other
exception escapes on any ``str`` input.
"""

from ._text import MAX_CHARS, simplified
from .checks import Check, TextAudit, Verdict, audit_text, check_document, check_text
from .document import Cell, CellKind, Document, Heading, Paragraph, Row, Table, read_document
from .extraction import Extraction, extract
from .figures import Basis, Figure, FigureKind, Reference, extract_figures
from .header import DocumentRef, Header, read_header
from .report import parse_report
from .sources import NAVIGATION_TOKENS, docx_to_text, html_to_text, pipe_rows

__all__ = [
    "MAX_CHARS",
    "NAVIGATION_TOKENS",
    "Basis",
    "Cell",
    "CellKind",
    "Check",
    "Document",
    "DocumentRef",
    "Extraction",
    "Figure",
    "FigureKind",
    "Header",
    "Heading",
    "Paragraph",
    "Reference",
    "Row",
    "Table",
    "TextAudit",
    "Verdict",
    "audit_text",
    "check_document",
    "check_text",
    "docx_to_text",
    "extract",
    "extract_figures",
    "html_to_text",
    "parse_report",
    "pipe_rows",
    "read_document",
    "read_header",
    "simplified",
]
