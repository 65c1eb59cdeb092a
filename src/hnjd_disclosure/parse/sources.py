"""Web pages and Word files as a report's plain text, which every reader then reads.

:func:`html_to_text` and :func:`docx_to_text` turn a document into the text a reader of the
page or the file sees, one line per paragraph, so that :func:`~.extract_figures`,
:func:`~.audit_text` and :func:`~.read_header` read a web page or a Word file exactly as they
read the same report copied into a ``.txt`` file. The rules, the same for both formats:

* a paragraph-level element (``<p>``, ``<div>``, ``<h1>``, ``<li>`` …; a Word paragraph) is a
  line; inline whitespace is collapsed to one space (Word keeps its spaces and tabs, which it
  shows as written); ``<br>`` (a Word line break) breaks the line; entities are decoded;
* a table is one line per row, ``| cell | cell |`` (:func:`pipe_rows`), with an empty line
  before and after it and its ``<caption>`` on the line before it. Merged cells
  (``rowspan``/``colspan``; Word's ``gridSpan``/``vMerge``) are expanded to a full grid: a
  merged label is repeated in every place it covers, a merged number (a count, a percentage,
  a 万 figure) is written once, at its top-left place, so that no number is counted twice.
  A table inside a cell is flattened into that cell's text;
* left out, with all they contain: ``<script>``, ``<style>``, ``<noscript>``, ``<template>``,
  ``<iframe>``, ``<head>`` (and ``<title>``), comments, hidden elements (``hidden``,
  ``display:none``) and navigation: ``<nav>``, ``<aside>``, ``role="navigation"``, a page's
  ``<header>`` and ``<footer>`` (not those of an ``<article>``, ``<main>`` or ``<section>``,
  which hold the article's title and date) and elements whose ``class`` or ``id`` holds one of
  :data:`NAVIGATION_TOKENS`. In a Word file, a paragraph in the Caption style (题注) just
  before a table is the table's caption; page headers, footers, footnotes and text boxes are
  not read; automatic numbering (``1.``, ``（一）`` made by a list style) is not in the text,
  as python-docx does not render it: only numbering typed as text is.

Web pages are read with the standard library's :class:`html.parser.HTMLParser`: it accepts
the broken markup real sites serve, is maintained with CPython and adds no dependency (lxml's
HTML parser is libxml2's, not HTML5's, and a compiled dependency; html5lib is much slower and
barely maintained; BeautifulSoup only wraps one of these). HTMLParser builds no tree, so the
end tags HTML lets authors leave out (``p``, ``li``, ``td``, ``th``, ``tr``, ``thead``,
``tbody``, ``tfoot``, ``option``) are implied here, as browsers do. Some CPython releases
take quadratic time in HTMLParser on unterminated markup (``<a<a<a…``, an unclosed
``<!--``); such markup is turned into text first, so the time is linear everywhere. Word files
are read with python-docx, the optional extra ``docx``.

>>> print(html_to_text("<p>毕业生<b>3652</b>人</p><table><tr><th>省份<th>人数"
...                    "<tr><td>四川<td>107</table>"), end="")
毕业生3652人
<BLANKLINE>
| 省份 | 人数 |
| 四川 | 107 |
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator, Sequence
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any, Final

from ..errors import MissingExtraError, SourceError, TextTooLargeError
from ._text import MAX_CHARS, fold

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

__all__ = ["NAVIGATION_TOKENS", "docx_to_text", "html_to_text", "pipe_rows"]

#: The ``class`` and ``id`` tokens that mark an element as navigation (left out with all it holds).
NAVIGATION_TOKENS: Final = frozenset(
    {"nav", "navbar", "menu", "breadcrumb", "crumb", "footer", "sidebar"}
)

#: Elements left out with all they hold (navigation by class, role or landmark is added to them).
_SKIPPED: Final = frozenset(
    {"script", "style", "noscript", "template", "iframe", "head", "title", "nav", "aside"}
)
# a <header> or <footer> is the page's banner only outside these (ARIA's landmark rule)
_SECTIONING: Final = frozenset({"article", "main", "section"})
_LANDMARKS: Final = frozenset({"header", "footer"})
# what a <head> holds; anything else starts the body, as in browsers
_HEAD_CONTENT: Final = frozenset(
    {"title", "meta", "link", "style", "script", "noscript", "base", "template"}
)
_VOID: Final = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)  # fmt: skip
#: Elements whose start and end break the line; the start of one also ends an open <p>.
_BLOCKS: Final = frozenset(
    {"address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
     "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
     "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
     "nav", "ol", "option", "p", "pre", "section", "summary", "table", "ul"}
)  # fmt: skip
_CELLS: Final = frozenset({"td", "th"})
_ROW_GROUPS: Final = frozenset({"thead", "tbody", "tfoot"})
_TABLE_PARTS: Final = _CELLS | _ROW_GROUPS | {"tr", "caption"}

#: HTML's limits on spans (a larger colspan is 1000; a rowspan stops at the table's last row).
_MAX_COLSPAN: Final = 1000
_MAX_ROWSPAN: Final = 65534

# A number a merged cell must not repeat: a count, a percentage, a 万 figure, with its unit.
# (Matched on the folded text: full-width digits, ％ and ． are ASCII there, ',' is '，'.)
_NUMBER: Final = re.compile(
    r"[+-]?[0-9]+(?:，[0-9]{3})*(?:\.[0-9]+)?(?:[%‰]|万|亿)?(?:人次|万元|亿元|[人名个项件次篇所门元])?"
)
_SPAN_VALUE: Final = re.compile(r"[ \t\n\r\f]*\+?([0-9]+)")


class _Span:
    """One cell as written: its text (one line) and how many rows and columns it covers."""

    __slots__ = ("colspan", "rowspan", "text")

    def __init__(self, text: str, rowspan: int = 1, colspan: int = 1) -> None:
        self.text = text
        self.rowspan = rowspan
        self.colspan = colspan


def _cell_text(text: str) -> str:
    """A cell's text on one line: whitespace collapsed, ``|`` written ``｜``."""
    return " ".join(text.split()).replace("|", "｜")


def pipe_rows(grid: Iterable[Sequence[str]]) -> tuple[str, ...]:
    """The rows of a table as the readers read them: ``| cell | cell |``, one line a row.

    A cell's whitespace (line breaks too) is collapsed to one space, and a ``|`` in it is
    written ``｜``; an empty cell stays empty; a row of empty cells is left out.

    >>> pipe_rows([["省份", "人数"], ["四川", "107"], ["", ""], ["合计|总", ""]])
    ('| 省份 | 人数 |', '| 四川 | 107 |', '| 合计｜总 |  |')
    """
    out = []
    for row in grid:
        cells = [_cell_text(cell) for cell in row]
        if any(cells):
            out.append("| " + " | ".join(cells) + " |")
    return tuple(out)


def _span_count(value: str | None, *, default: int, limit: int) -> int:
    """A span attribute as HTML reads it (leading digits), ``default`` if there are none."""
    match = _SPAN_VALUE.match(value or "")
    if match is None:
        return default
    digits = match.group(1)
    return limit if len(digits) > 6 else min(int(digits), limit)


def _expand(rows: Sequence[Sequence[_Span]]) -> list[list[str]]:
    """The full grid of a table's cells, merged cells expanded (labels repeated, numbers once).

    Raises:
        TextTooLargeError: if the grid's rows would be longer than :data:`MAX_CHARS`.
    """
    budget = MAX_CHARS // 3  # each place is at least three characters: ' x |'
    grid: list[list[str | None]] = [[] for _ in rows]
    used = 0
    for r, row in enumerate(rows):
        line, col = grid[r], 0
        for span in row:
            while col < len(line) and line[col] is not None:
                col += 1
            down, across = min(span.rowspan, len(rows) - r), span.colspan
            used += down * across
            if used > budget:
                raise TextTooLargeError(3 * used, MAX_CHARS)
            _cover(grid[r : r + down], col, across, _spread_text(span, down, across))
            line[col] = span.text
            col += across
    width = max(map(len, grid), default=0)
    if len(grid) * width > budget:
        raise TextTooLargeError(3 * len(grid) * width, MAX_CHARS)
    return [[c or "" for c in line] + [""] * (width - len(line)) for line in grid]


def _spread_text(span: _Span, down: int, across: int) -> str:
    """What a merged cell gives each place it covers: its label, but a number only once."""
    if (down > 1 or across > 1) and _NUMBER.fullmatch(fold(span.text)):
        return ""
    return span.text


def _cover(lines: Sequence[list[str | None]], col: int, across: int, text: str) -> None:
    """Fill ``across`` places from ``col`` of each of ``lines`` with ``text``."""
    for target in lines:
        if len(target) < col + across:
            target.extend([None] * (col + across - len(target)))
        target[col : col + across] = [text] * across


class _Lines:
    """The lines of the text being written, tables among them, within the size limit."""

    __slots__ = ("lines", "size")

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.size = 0

    def add(self, line: str) -> None:
        if line or (self.lines and self.lines[-1]):  # never two empty lines in a row
            self.lines.append(line)
            self.size += len(line) + 1
            if self.size > MAX_CHARS:
                raise TextTooLargeError(self.size, MAX_CHARS)

    def table(self, rows: Sequence[Sequence[_Span]], caption: str = "") -> None:
        piped = pipe_rows(_expand(rows))
        if piped:
            self.add("")
        if caption:
            self.add(caption)
        for line in piped:
            self.add(line)
        if piped:
            self.add("")

    def text(self) -> str:
        lines = self.lines[:-1] if self.lines and not self.lines[-1] else self.lines
        return "".join(line + "\n" for line in lines)


# -- web pages -------------------------------------------------------------------------------


def _tame(html: str) -> str:
    """``html`` with the markup that can never be complete written as text: a '<' after the
    last '>' and an '<!--' after the last '-->' (some HTMLParser releases search to the end
    of the input again for each of them); and ``<![`` (a CDATA section or a conditional
    comment's marker, which HTMLParser 3.11 may fail on) as a comment, as browsers read it."""
    split = html.rfind(">") + 1
    html = html[:split] + html[split:].replace("<", "&lt;")
    split = max(0, html.rfind("-->") - 3)
    html = html[:split] + html[split:].replace("<!--", "&lt;!--")
    return html.replace("<![", "<!-[")


class _Table:
    """A table being read: its rows, caption and the text found between its cells."""

    __slots__ = ("before", "caption", "flat", "rows", "scope")

    def __init__(self, scope: dict[str, int], *, flat: bool) -> None:
        self.rows: list[list[_Span]] = []
        self.caption: list[str] = []
        self.before: list[str] = []  # text in the table but in no cell (browsers move it out)
        self.scope = scope  # the open elements of the table itself: rows, cells, row groups
        self.flat = flat  # a table in a cell: its text joins the cell's


class _Frame:
    """An open element."""

    __slots__ = ("attrs", "counts", "sink", "skip", "table", "tag")

    def __init__(self, tag: str, counts: dict[str, int], *, skip: bool) -> None:
        self.tag = tag
        self.counts = counts  # the scope it is counted in
        self.skip = skip
        self.sink: list[str] | None = None  # the text sink to restore when it closes
        self.table: _Table | None = None  # the table it opens, or the cell's table
        self.attrs: list[tuple[str, str | None]] = []


class _PageReader(HTMLParser):
    """Streams a page into lines: a stack of open elements, no tree."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = _Lines()
        self.line: list[str] = []  # the document's current line
        self.sink = self.line  # where text goes: the line, a cell, a caption
        self.stack: list[_Frame] = []
        self.scopes: list[dict[str, int]] = [{}]  # a table, a cell, a caption start one
        self.tables: list[_Table] = []
        self.lists: list[str] = []  # the open li, ul and ol, innermost last
        self.skip = 0
        self.pre = 0
        self.sectioning = 0

    # -- text --------------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.pre and self.sink is self.line and "\n" in data:
            first, *rest = data.split("\n")
            self.sink.append(first)
            for piece in rest:
                self.flush()
                self.sink.append(piece)
        else:
            self.sink.append(data)

    def flush(self) -> None:
        text = "".join(self.line)
        self.line.clear()
        text = text.strip() if self.pre else " ".join(text.split())
        if text:
            self.out.add(text)

    def boundary(self) -> None:
        if self.sink is self.line:
            self.flush()
        else:
            self.sink.append(" ")

    # -- tags --------------------------------------------------------------------------------

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <div/>: empty, as in XHTML (an open <div class="menu"> would hide the rest)
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.scopes[-1].get("head") and tag not in _HEAD_CONTENT:
            self.pop_to("head")  # <body>, or content: the head ends (a missing </head>)
        if tag == "br":
            self.boundary()
            return
        if tag in _BLOCKS and self.scopes[-1].get("p"):
            self.pop_to("p")
        if tag in _VOID:
            if tag == "hr":
                self.boundary()
            return
        if tag in _TABLE_PARTS or tag == "table":
            self.table_start(tag, attrs)
            return
        self.close_implied(tag)
        if tag in _BLOCKS:
            self.boundary()
        self.push(tag, attrs)

    def close_implied(self, tag: str) -> None:
        """An open ``<li>`` of the innermost list ends at the next ``<li>``, an open
        ``<option>`` at the next ``<option>`` (their end tags are optional)."""
        if tag == "li" and self.lists and self.lists[-1] == "li" and self.scopes[-1].get("li"):
            self.pop_to("li")
        elif tag == "option" and self.scopes[-1].get("option"):
            self.pop_to("option")

    def handle_endtag(self, tag: str) -> None:
        if tag in _TABLE_PARTS:
            if self.tables and self.tables[-1].scope.get(tag):
                self.pop_to(tag)
        elif tag == "table":
            if self.tables:
                self.pop_to("table")
        elif self.scopes[-1].get(tag):
            self.pop_to(tag)
        elif tag in ("p", "br"):  # </p> alone is an empty paragraph, </br> a <br>
            self.boundary()

    def hidden(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in _SKIPPED or (tag in _LANDMARKS and not self.sectioning):
            return True
        for name, value in attrs:
            if name == "hidden":
                return True
            if value is None:
                continue
            if name in ("class", "id") and not NAVIGATION_TOKENS.isdisjoint(value.lower().split()):
                return True
            if name == "role" and value.strip().lower() == "navigation":
                return True
            if name == "style" and "display:none" in "".join(value.lower().split()):
                return True
        return False

    def push(self, tag: str, attrs: list[tuple[str, str | None]]) -> _Frame:
        counts = self.scopes[-1]
        counts[tag] = counts.get(tag, 0) + 1
        frame = _Frame(tag, counts, skip=self.hidden(tag, attrs))
        self.stack.append(frame)
        self.skip += frame.skip
        if tag == "pre":
            self.pre += 1
        elif tag in _SECTIONING:
            self.sectioning += 1
        elif tag in ("li", "ul", "ol"):
            self.lists.append(tag)
        return frame

    def pop_to(self, tag: str) -> None:
        """Close the open elements down to the innermost ``tag`` (which is open)."""
        while True:
            frame = self.stack.pop()
            self.end(frame)
            if frame.tag == tag:
                return

    def end(self, frame: _Frame) -> None:
        """Undo what opening ``frame`` did."""
        tag = frame.tag
        frame.counts[tag] -= 1
        if tag in _BLOCKS:
            self.boundary()
        self.skip -= frame.skip
        if tag == "pre":
            self.pre -= 1
        elif tag in _SECTIONING:
            self.sectioning -= 1
        elif tag in ("li", "ul", "ol"):
            self.lists.pop()
        if frame.table is None:
            return
        if tag != "table":
            self.cell_end(frame, frame.table)
            return
        self.scopes.pop()
        self.tables.pop()
        if frame.table.flat:
            self.sink.append(" ")
        else:
            assert frame.sink is not None
            self.sink = frame.sink
            self.table_end(frame.table)

    # -- tables ------------------------------------------------------------------------------

    def table_start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.open_table(attrs)
            return
        if not self.tables:
            return  # a cell outside any table is ignored, as browsers do
        table = self.tables[-1]
        while self.scopes[-1] is not table.scope:  # end the open cell or caption
            self.pop_to(self.stack[-1].tag)
        self.end_rows(tag, table)
        if tag == "tr" or (tag in _CELLS and not table.scope.get("tr")):
            self.push("tr", [])
            table.rows.append([])
            if table.flat:
                self.sink.append(" ")
        if tag in _CELLS or tag == "caption":
            self.open_cell(tag, attrs, table)
        elif tag in _ROW_GROUPS:
            self.push(tag, attrs)

    def end_rows(self, tag: str, table: _Table) -> None:
        """A ``<tr>`` ends the open row; a row group (``<tbody>`` …) the open row and group."""
        if tag in _ROW_GROUPS or tag == "tr":
            for part in ("tr", *_ROW_GROUPS) if tag in _ROW_GROUPS else ("tr",):
                if table.scope.get(part):
                    self.pop_to(part)

    def open_table(self, attrs: list[tuple[str, str | None]]) -> None:
        if self.tables and self.scopes[-1] is self.tables[-1].scope:
            self.handle_endtag("table")  # a table directly in a table ends it
        flat = bool(self.tables)
        if not flat:
            self.boundary()
        frame = self.push("table", attrs)
        frame.table = _Table({}, flat=flat)
        frame.sink = self.sink
        self.scopes.append(frame.table.scope)
        self.tables.append(frame.table)
        if not flat:
            self.sink = frame.table.before
        else:
            self.sink.append(" ")

    def open_cell(self, tag: str, attrs: list[tuple[str, str | None]], table: _Table) -> None:
        frame = self.push(tag, attrs)
        frame.table, frame.sink, frame.attrs = table, self.sink, attrs
        self.scopes.append({})
        if table.flat:
            self.sink.append(" ")
        else:
            self.sink = []

    def cell_end(self, frame: _Frame, table: _Table) -> None:
        self.scopes.pop()
        if table.flat:
            self.sink.append(" ")
            return
        text = _cell_text("".join(self.sink))
        assert frame.sink is not None
        self.sink = frame.sink
        if frame.tag == "caption":
            table.caption.append(text)
            return
        if not frame.attrs:
            table.rows[-1].append(_Span(text))
            return
        values = dict(frame.attrs)
        rows = _span_count(values.get("rowspan"), default=1, limit=_MAX_ROWSPAN) or _MAX_ROWSPAN
        cols = _span_count(values.get("colspan"), default=1, limit=_MAX_COLSPAN) or 1
        table.rows[-1].append(_Span(text, rows, cols))

    def table_end(self, table: _Table) -> None:
        before = " ".join("".join(table.before).split())
        if before:
            self.out.add(before)
        self.out.table(table.rows, " ".join(" ".join(table.caption).split()))

    def finish(self) -> str:
        """Close the page (what is still open ends here) and return its text."""
        self.close()
        while self.stack:
            self.end(self.stack.pop())
        self.flush()
        return self.out.text()


def html_to_text(html: str) -> str:
    """The text of a web page as its reader sees it: paragraphs as lines, tables as pipe rows.

    Navigation, scripts and styles are left out; merged cells are expanded (see the module's
    documentation for every rule).

    >>> page = '''<nav>首页 &gt; 信息公开</nav><h1>2023届毕业生&nbsp;就业质量</h1>
    ... <table><caption>表1 生源地</caption>
    ... <tr><th rowspan=2>省份<th colspan=2>毕业生
    ... <tr><th>人数<th>占比
    ... <tr><td>四川省<td>107<td>4.58%
    ... <tr><td rowspan=2>其他<td>20<td rowspan=2>1.2%
    ... <tr><td>3
    ... </table><script>var x = 1;</script><p>共计2335人</p>'''
    >>> print(html_to_text(page), end="")
    2023届毕业生 就业质量
    <BLANKLINE>
    表1 生源地
    | 省份 | 毕业生 | 毕业生 |
    | 省份 | 人数 | 占比 |
    | 四川省 | 107 | 4.58% |
    | 其他 | 20 | 1.2% |
    | 其他 | 3 |  |
    <BLANKLINE>
    共计2335人

    Raises:
        TypeError: if ``html`` is not a ``str``.
        TextTooLargeError: if the text would be longer than :data:`MAX_CHARS` characters.
    """
    if not isinstance(html, str):
        raise TypeError(f"expected a str, got {type(html).__name__}")
    reader = _PageReader()
    reader.feed(_tame(html))
    return reader.finish()


# -- Word files ------------------------------------------------------------------------------

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC = _W + "p", _W + "tbl", _W + "tr", _W + "tc"
_VAL: Final = _W + "val"
# the runs Word shows: in the paragraph, a link, a tracked insertion, a field, a smart tag
_RUNS: Final = (
    "w:r | w:hyperlink/w:r | w:ins/w:r | w:fldSimple/w:r | w:smartTag/w:r | w:sdt/w:sdtContent/w:r"
)


def _open_docx(data: bytes) -> DocxDocument:
    """The Word document in ``data``.

    Raises:
        MissingExtraError: if python-docx is not installed.
        SourceError: if ``data`` is not a Word document, or unpacks beyond the size limit.
    """
    try:
        import docx
        from docx.opc.exceptions import OpcError
    except ImportError:
        raise MissingExtraError("docx", "python-docx") from None
    import zipfile
    import zlib

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > 8 * MAX_CHARS:  # a zip bomb: zipfile stops at the size it declares
            limit = f"(the limit is {8 * MAX_CHARS})"
            raise SourceError("<docx>", f"unpacks to {unpacked} bytes {limit}")
        return docx.Document(io.BytesIO(data))
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OpcError,
        SyntaxError,  # lxml's XMLSyntaxError
        KeyError,
        ValueError,
        EOFError,
        NotImplementedError,
        RuntimeError,
        OSError,
        zlib.error,
    ) as exc:
        detail = " ".join(str(exc).split()) or type(exc).__name__
        raise SourceError("<docx>", f"not a Word document (.docx): {detail}") from None


def _blocks(parent: Any) -> Iterator[Any]:
    """The paragraphs and tables of a body or a cell, in order (content controls opened)."""
    for child in parent.iterchildren():
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag in (_W + "sdt", _W + "customXml"):
            content = child.find(_W + "sdtContent") if child.tag == _W + "sdt" else child
            if content is not None:
                yield from _blocks(content)


def _paragraph(p: Any) -> str:
    return "".join(run.text for run in p.xpath(_RUNS))


def _flat(element: Any) -> str:
    """The text of a cell's paragraphs and tables (a table in a cell is flattened)."""
    parts = []
    for block in _blocks(element):
        if block.tag == _P:
            parts.append(_paragraph(block))
        else:
            parts.extend(_flat(tc) for tr in block.iterchildren(_TR) for tc in tr.iterchildren(_TC))
    return _cell_text(" ".join(parts))


def _word_count(element: Any, path: str, *, default: int) -> int:
    """The ``w:val`` of the property at ``path`` (``tcPr/gridSpan``) as a span's count."""
    found = element.find("/".join(_W + name for name in path.split("/")))
    value = None if found is None else found.get(_VAL)
    return default if found is None else _span_count(value, default=default, limit=_MAX_COLSPAN)


def _word_rows(tbl: Any) -> list[list[_Span]]:
    """A Word table's rows as spans: ``gridSpan`` is a colspan, a ``vMerge`` run a rowspan."""
    rows: list[list[_Span]] = []
    merging: dict[int, _Span] = {}  # grid column -> the cell a vMerge there continues
    for tr in tbl.iterchildren(_TR):
        col = _word_count(tr, "trPr/gridBefore", default=0)
        row = [_Span("", 1, col)] if col else []
        for tc in tr.iterchildren(_TC):
            across = _word_count(tc, "tcPr/gridSpan", default=1) or 1
            merge = tc.find(f"{_W}tcPr/{_W}vMerge")
            state = None if merge is None else (merge.get(_VAL) or "continue")
            if state == "continue" and col in merging:
                merging[col].rowspan += 1
            else:
                span = _Span(_flat(tc), 1, across)
                row.append(span)
                if state == "restart":
                    merging[col] = span
                else:
                    merging.pop(col, None)
            col += across
        rows.append(row)
    return rows


def docx_to_text(data: bytes) -> str:
    """The text of a Word file (.docx): paragraphs as lines, tables as pipe rows, in order.

    Merged cells are expanded as in :func:`html_to_text`. Needs python-docx (the extra
    ``docx``).

    >>> import io, docx
    >>> doc = docx.Document()
    >>> _ = doc.add_paragraph("2023届毕业生共2335人。")
    >>> table = doc.add_table(rows=3, cols=3)
    >>> for cell, text in zip(table._cells, ["省份", "人数", "占比", "四川", "107", "4.58%"]):
    ...     cell.text = text
    >>> merged = table.cell(1, 0).merge(table.cell(2, 0))
    >>> table.cell(2, 1).text, table.cell(2, 2).text = "3", "0.13%"
    >>> out = io.BytesIO(); doc.save(out)
    >>> print(docx_to_text(out.getvalue()), end="")
    2023届毕业生共2335人。
    <BLANKLINE>
    | 省份 | 人数 | 占比 |
    | 四川 | 107 | 4.58% |
    | 四川 | 3 | 0.13% |

    Raises:
        TypeError: if ``data`` is not ``bytes``.
        MissingExtraError: if python-docx is not installed.
        SourceError: if ``data`` is not a Word document (its ``source`` is ``<docx>``).
        TextTooLargeError: if the text would be longer than :data:`MAX_CHARS` characters.
    """
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"expected bytes, got {type(data).__name__}")
    document = _open_docx(bytes(data))
    captions = _caption_styles(document)
    out, caption = _Lines(), ""
    for block in _blocks(document.element.body):
        if block.tag == _TBL:
            out.table(_word_rows(block), caption)
            caption = ""
            continue
        if caption:  # not before a table after all
            out.add(caption)
        style = block.find(f"{_W}pPr/{_W}pStyle")
        text = _paragraph(block)
        caption = (
            " ".join(text.split()) if style is not None and style.get(_VAL) in captions else ""
        )
        if not caption:
            for line in text.splitlines():
                if line.strip():
                    out.add(line.strip())
    if caption:
        out.add(caption)
    return out.text()


def _caption_styles(document: DocxDocument) -> frozenset[str]:
    """The ids of the paragraph styles named ``caption`` (Word's 题注; ids vary by language)."""
    return frozenset(
        style.get(_W + "styleId")
        for style in document.styles.element.iterchildren(_W + "style")
        if (name := style.find(_W + "name")) is not None
        and (name.get(_VAL) or "").lower() == "caption"
    )
