"""The document layer: a report's text as headings, paragraphs and tables.

:func:`read_document` cuts any report's text into blocks, in order:

* :class:`Heading`: a line numbered as official documents number them, with its level
  (``一、`` 1, ``（一）`` 2, ``1.`` 3, ``(1)`` 4); text after the heading's first ``。`` on the
  same line is a paragraph of its own;
* :class:`Paragraph`: any other line of text, with its sentences and clauses (offsets);
* :class:`Table`: rows of cells, recovered from what copies of real reports hold:

  - pipe tables (``| 省份 | 人数 | 占比 |``, with or without the outer pipes, Markdown's
    ``|---|`` line skipped), also broken ones: a row that a web page spilled over several
    lines (``重庆市 | 107 | 4.58% | 1244 |`` then ``53.25% |``) is joined again up to the
    header's column count, and empty cells are kept;
  - tab-separated columns, and columns aligned with spaces (runs of two or more spaces, or
    single spaces between short cells when every row has as many cells);
  - one cell per line (``省份`` ``人数`` ``占比`` ``湖南`` ``3000`` ``60%`` …): the column count is
    the header's, the number of label lines before the rows whose cells keep one kind per
    column;
  - rows flattened into one line (``省份 人数 占比 湖南 3000 60% 广东 200 4%``), read the
    same way.

Every cell has a kind (:class:`CellKind`: label, count, percentage, ratio, 万 figure, empty)
and offsets in the text; leading rows without figures are the header; a row labelled
合计、总计、小计、共计 (spaces inside ignored) is a total row. Columns headed 序号、编号、年份
and the like hold identifiers, not figures: their cells are labels.

The document is built in time linear in the text.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Final

import attrs
from attrs import frozen

from ._text import check_size

__all__ = [
    "Block",
    "Cell",
    "CellKind",
    "Document",
    "Heading",
    "Paragraph",
    "Row",
    "Table",
    "TableLayout",
    "read_document",
]


class CellKind(enum.Enum):
    """What a table cell holds.

    >>> table = read_document("地区|人数|占比|比例|金额\\n湖南|3000人|60%|3:1|1.9万\\n").tables[0]
    >>> [c.kind.value for c in table.rows[1].cells]
    ['label', 'count', 'percent', 'ratio', 'wan']
    """

    EMPTY = "empty"
    LABEL = "label"
    COUNT = "count"
    PERCENT = "percent"
    RATIO = "ratio"
    WAN = "wan"

    @property
    def is_figure(self) -> bool:
        """Whether a cell of this kind is a figure (not a label, not empty).

        >>> CellKind.PERCENT.is_figure, CellKind.LABEL.is_figure
        (True, False)
        """
        return self not in (CellKind.EMPTY, CellKind.LABEL)


class TableLayout(enum.Enum):
    """How a table was written in the text.

    >>> read_document("a\\tb\\n1\\t2\\n").tables[0].layout
    <TableLayout.TABS: 'tabs'>
    """

    PIPES = "pipes"
    TABS = "tabs"
    SPACES = "spaces"
    CELL_PER_LINE = "cell-per-line"
    FLATTENED = "flattened"


@frozen(kw_only=True)
class Cell:
    """One cell: its text (stripped), offsets in the text, kind and number.

    ``value`` is the printed number (``Decimal('60')`` for ``60%``, ``Decimal('3')`` for
    ``3:1``, ``Decimal('1.9')`` for ``1.9万``), ``None`` for labels and empty cells.

    >>> cell = read_document("地区|占比\\n湖南|60.5%\\n").tables[0].rows[1].cells[1]
    >>> cell.text, cell.kind.value, cell.value, cell.span
    ('60.5%', 'percent', Decimal('60.5'), (9, 14))
    """

    text: str
    span: tuple[int, int]
    kind: CellKind
    value: Decimal | None = None


@frozen(kw_only=True)
class Row:
    """A table row: its cells, offsets, and whether it is a total (合计/总计/共计) or a
    subtotal (小计).

    >>> rows = read_document("地区|人数\\n湖南|3\\n合 计|3\\n").tables[0].rows
    >>> [(r.label, r.total) for r in rows]
    [('地区', False), ('湖南', False), ('合 计', True)]
    """

    cells: tuple[Cell, ...]
    span: tuple[int, int]
    total: bool = False
    subtotal: bool = False

    @property
    def label(self) -> str:
        """The row's first label cell (``''`` if it has none).

        >>> read_document("地区|人数\\n湖南|3\\n").tables[0].rows[1].label
        '湖南'
        """
        return next((c.text for c in self.cells if c.kind is CellKind.LABEL), "")


@frozen(kw_only=True)
class Table:
    """A table: header rows, body rows, how it was written, and the line before it.

    ``caption_span`` is the offsets of the non-blank line just before the table (its
    caption, or the sentence that introduces it), if there is one.

    >>> t = read_document("去向如下：\\n去向|人数\\n升学|4\\n就业|6\\n合计|10\\n").tables[0]
    >>> len(t.header), len(t.body), t.columns, t.caption_span, t.layout.value
    (1, 3, 2, (0, 5), 'pipes')
    """

    header: tuple[Row, ...]
    body: tuple[Row, ...]
    span: tuple[int, int]
    layout: TableLayout
    columns: int
    caption_span: tuple[int, int] | None = None

    @property
    def rows(self) -> tuple[Row, ...]:
        """Header and body rows, in order.

        >>> len(read_document("a|b\\n1|2\\n").tables[0].rows)
        2
        """
        return self.header + self.body

    def column_name(self, column: int) -> str:
        """The header's text for a column (header rows joined with ``/``).

        >>> read_document("地区|人数\\n湖南|3\\n").tables[0].column_name(1)
        '人数'
        """
        names = [
            row.cells[column].text
            for row in self.header
            if column < len(row.cells) and row.cells[column].text
        ]
        return "/".join(dict.fromkeys(names))


@frozen(kw_only=True)
class Heading:
    """A numbered heading: its level (1 for ``一、``, 2 for ``（一）``, 3 for ``1.``, 4 for
    ``(1)``), its number as printed, its title and offsets.

    >>> h = read_document("（二）主动公开情况\\n").blocks[0]
    >>> h.level, h.number, h.title
    (2, '（二）', '主动公开情况')
    """

    level: int
    number: str
    title: str
    span: tuple[int, int]


@frozen(kw_only=True)
class Paragraph:
    """A line of text that is neither a heading nor part of a table.

    >>> read_document("学校共有毕业生100人。\\n").blocks[0].text
    '学校共有毕业生100人。'
    """

    text: str
    span: tuple[int, int]

    @property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        """The offsets of its sentences (each ends with 。！？ or the paragraph).

        >>> p = read_document("毕业生100人，其中升学20人。就业率为80%！\\n").blocks[0]
        >>> [p.text[a - p.span[0] : b - p.span[0]] for a, b in p.sentences]
        ['毕业生100人，其中升学20人。', '就业率为80%！']
        """
        return _pieces(self.text, self.span[0], _SENTENCE_ENDS)

    @property
    def clauses(self) -> tuple[tuple[int, int], ...]:
        """The offsets of its clauses (each ends with ，；：、 or a sentence's end).

        >>> p = read_document("毕业生100人，其中升学20人；就业80人。\\n").blocks[0]
        >>> [p.text[a - p.span[0] : b - p.span[0]] for a, b in p.clauses]
        ['毕业生100人，', '其中升学20人；', '就业80人。']
        """
        return _pieces(self.text, self.span[0], _CLAUSE_ENDS)


_SENTENCE_ENDS: Final = frozenset("。！？!?")
_CLAUSE_ENDS: Final = _SENTENCE_ENDS | frozenset("，,；;：:")


def _pieces(text: str, offset: int, ends: frozenset[str]) -> tuple[tuple[int, int], ...]:
    """The offsets of the runs of ``text`` that end with one of ``ends`` (or the text)."""
    return tuple(
        (offset + m.start(), offset + m.end()) for m in _piece_pattern(ends).finditer(text)
    )


@functools.cache
def _piece_pattern(ends: frozenset[str]) -> re.Pattern[str]:
    chars = re.escape("".join(sorted(ends)))
    return re.compile(f"[^{chars}]*+[{chars}]|[^{chars}]++")


Block = Heading | Paragraph | Table


@frozen(kw_only=True)
class Document:
    """A text's blocks in order.

    >>> doc = read_document("一、概述\\n毕业生100人。\\n地区|人数\\n湖南|100\\n")
    >>> [type(b).__name__ for b in doc.blocks]
    ['Heading', 'Paragraph', 'Table']
    """

    blocks: tuple[Block, ...]

    @property
    def tables(self) -> tuple[Table, ...]:
        """The tables, in order.

        >>> len(read_document("a|b\\n1|2\\n\\nc|d\\n3|4\\n").tables)
        2
        """
        return tuple(b for b in self.blocks if isinstance(b, Table))


# -- cells ------------------------------------------------------------------------------------

_FOLD: Final = str.maketrans(
    "".join(chr(0xFF10 + i) for i in range(10)) + "\uff05\uff0e\uff1a", "0123456789%.:"
)
_NUM: Final = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_COUNT_CELL: Final = re.compile(
    rf"(?:{_NUM})(?:人次|人|个|名|篇|条|期|项|件|次|所|门|家|场|本|份|套|台|部|位|元|间|处|万元)?"
)
_PERCENT_CELL: Final = re.compile(rf"(?:{_NUM}) ?%")
_RATIO_CELL: Final = re.compile(rf"(?:{_NUM}) ?: ?(?:{_NUM})")
_WAN_CELL: Final = re.compile(rf"(?:{_NUM}) ?[万亿](?:人次|人|元|册|次|条|篇|平方米)?")
_NUMBER_AT: Final = re.compile(_NUM)
#: Headers of columns whose numbers are identifiers, not figures.
IDENTIFIER_COLUMNS: Final = (
    "序号", "编号", "年份", "年度", "学年", "时间", "日期", "排名", "名次", "代码", "电话",
    "邮编", "届别", "批次",
)  # fmt: skip
#: Labels of total rows (spaces inside a label are ignored: 合  计).
TOTAL_WORDS: Final = ("合计", "总计", "共计", "总数", "总人数", "全校合计", "全院合计")
SUBTOTAL_WORDS: Final = ("小计",)
_SPACES: Final = " \t\u3000\xa0"


def _cell(text: str, start: int, end: int) -> Cell:
    """The cell of ``text[start:end]``, stripped, typed."""
    while start < end and text[start] in _SPACES:
        start += 1
    while end > start and text[end - 1] in _SPACES:
        end -= 1
    raw = text[start:end]
    kind, value = _kind(raw)
    return Cell(text=raw, span=(start, end), kind=kind, value=value)


def _kind(raw: str) -> tuple[CellKind, Decimal | None]:
    if not raw:
        return CellKind.EMPTY, None
    folded = raw.translate(_FOLD)
    if not folded[0].isdigit() or len(folded) > 40:
        return CellKind.LABEL, None
    for pattern, kind in (
        (_PERCENT_CELL, CellKind.PERCENT),
        (_RATIO_CELL, CellKind.RATIO),
        (_WAN_CELL, CellKind.WAN),
        (_COUNT_CELL, CellKind.COUNT),
    ):
        if pattern.fullmatch(folded):
            number = _NUMBER_AT.match(folded)
            assert number is not None
            return kind, Decimal(number.group().replace(",", ""))
    return CellKind.LABEL, None


def _label_only(cell: Cell) -> Cell:
    return attrs.evolve(cell, kind=CellKind.LABEL, value=None) if cell.kind.is_figure else cell


# -- lines ------------------------------------------------------------------------------------


class _Line:
    __slots__ = ("end", "start", "stripped")

    def __init__(self, start: int, end: int, stripped: str) -> None:
        self.start = start
        self.end = end
        self.stripped = stripped


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    start = 0
    for piece in text.split("\n"):
        end = start + len(piece)
        stop = end - 1 if piece.endswith("\r") else end
        out.append(_Line(start, stop, text[start:stop].strip(_SPACES)))
        start = end + 1
    return out


_PIPE: Final = re.compile("[|\uff5c]")
_MD_RULE: Final = re.compile(r"[|\uff5c]?\s*:?-{2,}:?\s*(?:[|\uff5c]\s*:?-{2,}:?\s*)*[|\uff5c]?")
_MULTI_SPACE: Final = re.compile("[ \u3000\xa0]{2,}|\t")
_ANY_SPACE: Final = re.compile("[ \u3000\xa0\t]+")
_SENTENCE_MARKS: Final = frozenset("。，；：！？,;!?、“”《》")
_MAX_CELL: Final = 30


def _pipe_cells(text: str, line: _Line) -> list[tuple[int, int]] | None:
    """The cells of a pipe row (outer pipes optional), or ``None`` if it is not one."""
    seg = text[line.start : line.end]
    seps = [m.start() for m in _PIPE.finditer(seg)]
    if not seps:
        return None
    bounds: list[tuple[int, int]] = []
    prev = 0
    for at in seps:
        bounds.append((prev, at))
        prev = at + 1
    bounds.append((prev, len(seg)))
    # a leading pipe (only spaces before it) and a trailing one open and close the row
    if not seg[: seps[0]].strip(_SPACES):
        bounds = bounds[1:]
    if bounds and not seg[seps[-1] + 1 :].strip(_SPACES):
        bounds = bounds[:-1]
    if not bounds:
        return None
    return [(line.start + a, line.start + b) for a, b in bounds]


def _split_cells(line: _Line, text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    seg_start = line.start
    seg = text[line.start : line.end]
    # leading and trailing spaces are not separators
    lead = len(seg) - len(seg.lstrip(_SPACES))
    trail = len(seg.rstrip(_SPACES))
    cells: list[tuple[int, int]] = []
    prev = lead
    for m in pattern.finditer(seg, lead, trail):
        cells.append((seg_start + prev, seg_start + m.start()))
        prev = m.end()
    cells.append((seg_start + prev, seg_start + trail))
    return cells


def _is_cell_text(s: str) -> bool:
    return 0 < len(s) <= _MAX_CELL and not any(ch in _SENTENCE_MARKS for ch in s)


# -- headings ---------------------------------------------------------------------------------

_HEADING: Final = (
    (1, re.compile(r"[一二三四五六七八九十]{1,3}[、．.]")),
    (2, re.compile(r"[（(][一二三四五六七八九十]{1,3}[)）]")),
    (
        3,
        re.compile(
            r"[0-9\uff10-\uff19]{1,2}(?:[.．、](?![0-9\uff10-\uff19])|[)）](?![0-9\uff10-\uff19]))"
        ),
    ),
    (4, re.compile(r"[（(][0-9\uff10-\uff19]{1,2}[)）]")),
)
_HEADING_MAX: Final = 40


_HEADING_START: Final = frozenset(
    "一二三四五六七八九十（(0123456789" + "".join(chr(0xFF10 + i) for i in range(10))
)


def _heading(text: str, line: _Line) -> tuple[Heading, int] | None:
    """The heading a line starts with and where its title ends, if it is one."""
    if not line.stripped or line.stripped[0] not in _HEADING_START:
        return None
    lead = line.start + (
        len(text[line.start : line.end]) - len(text[line.start : line.end].lstrip(_SPACES))
    )
    for level, pattern in _HEADING:
        m = pattern.match(text, lead, line.end)
        if m is None:
            continue
        rest = text[m.end() : line.end]
        stop = rest.find("。")
        title_end = m.end() + (len(rest) if stop < 0 else stop)
        title = text[m.end() : title_end].strip(_SPACES)
        if not title or len(title) > _HEADING_MAX or title[0].isdigit():
            return None
        if stop >= 0 and title_end + 1 >= line.end:
            title_end = line.end  # the whole line is the heading, its 。 included
        end = title_end if stop < 0 else min(title_end + 1, line.end)
        return Heading(level=level, number=m.group(), title=title, span=(lead, end)), end
    return None


# -- reading ----------------------------------------------------------------------------------


def read_document(text: str) -> Document:
    """The blocks of ``text``: headings, paragraphs and tables, in order.

    >>> doc = read_document(
    ...     "就业地区分布如下：\\n| 地区 | 人数 | 占比 |\\n| 湖南 | 30 | 60% |\\n"
    ...     "| 广东 | 20 | 40% |\\n| 合计 | 50 | 100% |\\n"
    ... )
    >>> t = doc.tables[0]
    >>> [r.label for r in t.body], [r.total for r in t.body], t.column_name(2)
    (['湖南', '广东', '合计'], [False, False, True], '占比')

    Raises:
        TextTooLargeError: if the text is longer than :data:`~._text.MAX_CHARS`.
    """
    check_size(text)
    lines = _lines(text)
    blocks: list[Block] = []
    # a detector that found no table in the run of lines it read is not asked again inside
    # that run: each line is read a bounded number of times (linear in the text)
    tried: dict[str, int] = {}
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if not line.stripped:
            i += 1
            continue
        found = None
        for name, applies, detect in _DETECTORS:
            if tried.get(name, -1) > i or not applies(line.stripped):
                continue
            found, reached = detect(text, lines, i)
            if found is not None:
                break
            tried[name] = reached
        if found is not None:
            table, i = found
            blocks.append(_with_caption(table, blocks))
            continue
        flat = _flattened(text, line) if _spaces_in(line.stripped) >= 5 else None
        if flat is not None:
            blocks.append(_with_caption(flat, blocks))
            i += 1
            continue
        blocks.extend(_text_blocks(text, line))
        i += 1
    return Document(blocks=tuple(blocks))


_TAB: Final = re.compile("\t+")


def _tabs(text: str, lines: Sequence[_Line], i: int) -> _Found:
    return _sep_table(text, lines, i, _TAB, TableLayout.TABS)


def _spaced(text: str, lines: Sequence[_Line], i: int) -> _Found:
    return _sep_table(text, lines, i, _MULTI_SPACE, TableLayout.SPACES)


def _single_spaced(text: str, lines: Sequence[_Line], i: int) -> _Found:
    return _sep_table(text, lines, i, _ANY_SPACE, TableLayout.SPACES)


def _text_blocks(text: str, line: _Line) -> Iterator[Block]:
    found = _heading(text, line)
    if found is None:
        yield _paragraph(text, line.start, line.end)
        return
    heading, end = found
    yield heading
    if text[end : line.end].strip(_SPACES):
        yield _paragraph(text, end, line.end)


def _paragraph(text: str, start: int, end: int) -> Paragraph:
    while start < end and text[start] in _SPACES:
        start += 1
    while end > start and text[end - 1] in _SPACES:
        end -= 1
    return Paragraph(text=text[start:end], span=(start, end))


def _with_caption(table: Table, blocks: Sequence[Block]) -> Table:
    if not blocks or isinstance(blocks[-1], Table):
        return table
    return attrs.evolve(table, caption_span=blocks[-1].span)


def _make_table(text: str, raw_rows: Sequence[Sequence[Cell]], layout: TableLayout) -> Table | None:
    """A table from rows of cells: header rows, identifier columns, total rows."""
    rows = [list(r) for r in raw_rows if any(c.kind is not CellKind.EMPTY for c in r)]
    if len(rows) < 2:
        return None
    n_header = _header_rows(rows)
    header = rows[:n_header]
    body = _carry_spanned_labels(rows[n_header:])
    if not any(c.kind.is_figure for r in body for c in r):
        return None
    body = _retype_unit_columns(header, _without_identifiers(header, body))
    return Table(
        header=tuple(_row(r) for r in header),
        body=tuple(_row(r) for r in body),
        span=_span_of(rows),
        layout=layout,
        columns=max(len(r) for r in rows),
    )


def _span_of(rows: Sequence[Sequence[Cell]]) -> tuple[int, int]:
    return min(c.span[0] for r in rows for c in r), max(c.span[1] for r in rows for c in r)


def _header_rows(rows: Sequence[Sequence[Cell]]) -> int:
    """How many rows at the top (at most 3, never all) hold no figure: the header."""
    n = 0
    while n < min(3, len(rows) - 1) and not any(c.kind.is_figure for c in rows[n]):
        n += 1
    return n


def _without_identifiers(
    header: Sequence[Sequence[Cell]], body: list[list[Cell]]
) -> list[list[Cell]]:
    """The body with the numbers of identifier columns (序号 …) read as labels."""
    ids = {
        k
        for row in header
        for k, c in enumerate(row)
        if any(word in c.text for word in IDENTIFIER_COLUMNS)
    }
    if not ids:
        return body
    return [[_label_only(c) if k in ids else c for k, c in enumerate(r)] for r in body]


def _retype_unit_columns(
    header: Sequence[Sequence[Cell]], body: list[list[Cell]]
) -> list[list[Cell]]:
    """The body with the bare numbers of columns headed as percentages or ratios retyped,
    in the columns that hold no figure of that kind of their own (no % of its own)."""
    retyped = {
        k: kind
        for k, kind in _unit_columns(header, max(_used(r) for r in body)).items()
        if not any(k < len(r) and r[k].kind is kind for r in body)
    }
    if not retyped:
        return body
    return [[_retyped(c, retyped.get(k)) for k, c in enumerate(r)] for r in body]


#: Headers of columns whose bare numbers are percentages (``比例`` over ``77.69``) or
#: ratios x:1 (``生师比`` over ``20.55``).
PERCENT_COLUMNS: Final = ("比例", "占比", "百分比", "比重", "率", "%", "％")
RATIO_COLUMNS: Final = ("生师比",)


def _unit_columns(header: Sequence[Sequence[Cell]], columns: int) -> dict[int, CellKind]:
    """The columns a header names as percentages or ratios. A header row with fewer cells
    than the table (its first cell merged over several columns: ``数量 | 比例(%)`` under
    ``专任教师``) names the columns at the right."""
    out: dict[int, CellKind] = {}
    for row in header:
        cells = [c for c in row if c.kind is not CellKind.EMPTY]
        offset = columns - len(cells) if len(cells) < len(row) or len(row) < columns else 0
        for k, c in enumerate(cells, start=max(0, offset)):
            if any(word in c.text for word in RATIO_COLUMNS):
                out[k] = CellKind.RATIO
            elif any(word in c.text for word in PERCENT_COLUMNS):
                out[k] = CellKind.PERCENT
    return out


def _retyped(cell: Cell, kind: CellKind | None) -> Cell:
    """A bare number under a percentage or ratio header is that kind of figure."""
    if kind is None or cell.kind is not CellKind.COUNT or cell.value is None:
        return cell
    if not cell.text.translate(_FOLD).replace(".", "").replace(",", "").isdigit():
        return cell  # a count with its unit (5人) stays a count
    if kind is CellKind.PERCENT and cell.value > 100:
        return cell
    return attrs.evolve(cell, kind=kind)


def _prefix(cells: Sequence[Cell]) -> int:
    """The number of label cells before the row's first figure."""
    return next((k for k, c in enumerate(cells) if c.kind.is_figure), len(cells))


def _is_total_label(cell: Cell) -> bool:
    return "".join(cell.text.split()).startswith(TOTAL_WORDS + SUBTOTAL_WORDS)


def _used(row: Sequence[Cell]) -> int:
    """The cells of a row up to its last non-empty one."""
    return next(
        (k + 1 for k in range(len(row) - 1, -1, -1) if row[k].kind is not CellKind.EMPTY), 0
    )


def _carry_spanned_labels(body: list[list[Cell]]) -> list[list[Cell]]:
    """Rows that lost the label cells a merged (rowspan) cell gave the rows above them get
    those cells back: ``| 西南地区 | 重庆市 | 107 |`` then ``| 四川省 | 1029 |`` reads as
    ``| 西南地区 | 四川省 | 1029 |``, so that every row keeps its columns."""
    full = [_prefix(r) for r in body if r and r[-1].kind is not CellKind.EMPTY]
    if not full:
        return body
    width = max(full)
    if width < 2 or full.count(width) < 2:
        return body
    widest = max(_used(r) for r in body)
    out: list[list[Cell]] = []
    for row in body:
        out.append(_carried(row, out[-1] if out else None, width, widest))
    return out


def _carried(row: list[Cell], previous: list[Cell] | None, width: int, widest: int) -> list[Cell]:
    """``row`` with the ``width`` label columns it lacks: a total label merged over them
    repeated, or the labels of the ``previous`` row (merged over both) carried down."""
    p = _prefix(row)
    if not 1 <= p < width:
        return row
    if _is_total_label(row[0]):
        if _used(row) < widest:
            return [*[row[0]] * (width - p), *row]  # 「总计」 merged over the label columns
        return row
    if previous is None or _prefix(previous) < width or p >= len(row):
        return row
    filled = sum(1 for c in row if c.kind is not CellKind.EMPTY)
    row = [*previous[: width - p], *row]
    while len(row) > len(previous) and row[-1].kind is CellKind.EMPTY:
        row.pop()
    if filled + width - p > len(row):
        row = row[: filled + width - p]
    return row


def _row(cells: Sequence[Cell]) -> Row:
    """A row; it is a total (subtotal) row when a label before its first figure says so
    (a 序号 cell may stand before 合计)."""
    labels = ["".join(c.text.split()) for c in cells[: _prefix(cells)] if c.text]
    subtotal = any(label.startswith(SUBTOTAL_WORDS) for label in labels)
    total = any(label.startswith(TOTAL_WORDS) for label in labels) or "".join(labels) in TOTAL_WORDS
    return Row(
        cells=tuple(cells),
        span=(cells[0].span[0], cells[-1].span[1]),
        total=total and not subtotal,
        subtotal=subtotal,
    )


def _pipe_table(text: str, lines: Sequence[_Line], i: int) -> _Found:
    first = _pipe_cells(text, lines[i])
    if first is None or len(first) < 2:
        return None, i + 1
    rows: list[list[Cell]] = []
    columns = len(first)
    j = i
    pending: list[Cell] | None = None
    while j < len(lines) and lines[j].stripped:
        line = lines[j]
        j += 1
        if _MD_RULE.fullmatch(line.stripped):
            continue
        bounds = _row_bounds(text, line, continuing=pending is not None)
        if bounds is None:
            j -= 1
            break
        cells = [_cell(text, a, b) for a, b in bounds]
        if pending is not None and _continues(pending, cells, columns, line.stripped):
            pending.extend(cells)
            continue
        if pending is not None:
            rows.append(pending)
        pending = cells
        columns = max(columns, len(cells)) if not rows else columns
    if pending is not None:
        rows.append(pending)
    table = _make_table(text, rows, TableLayout.PIPES)
    return (None, j) if table is None else ((table, j), j)


def _row_bounds(text: str, line: _Line, *, continuing: bool) -> list[tuple[int, int]] | None:
    """The cells of a line of a pipe table; a line without pipes continues a row cut short
    by the page (``continuing``) if it is short, else it ends the table (``None``)."""
    bounds = _pipe_cells(text, line)
    if bounds is None and continuing and _is_cell_text(line.stripped):
        return [(line.start, line.end)]
    return bounds


def _continues(pending: Sequence[Cell], cells: Sequence[Cell], columns: int, line: str) -> bool:
    """Whether ``cells`` (of a line not starting with a pipe) complete the short row
    ``pending`` rather than start a row."""
    return (
        len(pending) < columns
        and line[0] not in "|\uff5c"
        and len(pending) + len(cells) <= columns
        and len(cells) < columns
    )


def _sep_table(
    text: str, lines: Sequence[_Line], i: int, sep: re.Pattern[str], layout: TableLayout
) -> _Found:
    """Consecutive lines split by ``sep`` into as many short cells each (tabs: the rows may
    differ in length by empty trailing cells)."""
    strict = sep is _ANY_SPACE
    rows, j = _sep_rows(text, lines, i, sep, strict=strict)
    if len(rows) < 2:
        return None, max(j, i + 1)
    if strict and any(
        c.kind is CellKind.LABEL and _looks_like_prose(c.text) for r in rows for c in r
    ):
        return None, j
    table = _make_table(text, rows, layout)
    return (None, j) if table is None else ((table, j), j)


def _sep_rows(
    text: str, lines: Sequence[_Line], i: int, sep: re.Pattern[str], *, strict: bool
) -> tuple[list[list[Cell]], int]:
    """The rows of cells the lines from ``i`` on split into by ``sep`` (all of the first
    row's width if ``strict``), and the line after the last of them."""
    rows: list[list[Cell]] = []
    j = i
    while j < len(lines) and lines[j].stripped:
        bounds = _split_cells(lines[j], text, sep)
        if len(bounds) < 2:
            break
        cells = [_cell(text, a, b) for a, b in bounds]
        if not all(_is_cell_text(c.text) or not c.text for c in cells):
            break
        if strict and rows and len(cells) != len(rows[0]):
            break
        rows.append(cells)
        j += 1
    return rows, j


def _looks_like_prose(cell: str) -> bool:
    return len(cell) > 16


def _kinds_of(cells: Sequence[Cell]) -> tuple[bool, ...]:
    return tuple(c.kind.is_figure for c in cells)


def _grid(cells: Sequence[Cell], width: int, leading: int) -> list[list[Cell]] | None:
    """Cells one after another read as a header of labels, then rows of ``width`` that
    start ``leading`` label cells before the first figure, whose columns keep one kind
    (label or figure) and which hold at least one figure each. The header may be longer
    than a row (a header of two levels: 男生 over 人数 and 比例)."""
    first = next((k for k, c in enumerate(cells) if c.kind.is_figure), None)
    if first is None:
        return None
    start = first - leading
    if start < 1 or start > 3 * width:
        return None
    rows = [list(cells[k : k + width]) for k in range(start, len(cells) - width + 1, width)]
    if len(rows) < 2:
        return None
    pattern = _kinds_of(rows[0])
    body = []
    for row in rows:
        if _kinds_of(row) != pattern:
            break
        body.append(row)
    if len(body) < 2:
        return None
    header = list(cells[:start])
    if len(header) % width == 0:
        return [header[k : k + width] for k in range(0, len(header), width)] + body
    return [header, *body]


def _best_grid(cells: Sequence[Cell]) -> list[list[Cell]] | None:
    best: list[list[Cell]] | None = None
    best_size = 0
    for width in range(2, 9):
        for leading in range(min(width, 3)):
            rows = _grid(cells, width, leading)
            size = (
                0 if rows is None else sum(len(r) for r in rows if any(c.kind.is_figure for c in r))
            )
            if rows is not None and size > best_size:
                best, best_size = rows, size
    return best


_PER_LINE_MAX: Final = 400  # lines: a longer run of short lines is read in pieces
_LEAD: Final = 4  # a table of one cell per line may start a few lines into a run

_Found = tuple[tuple[Table, int] | None, int]


def _cell_per_line(text: str, lines: Sequence[_Line], i: int) -> _Found:
    """One cell per line (single blank lines between them allowed): the table starts at
    ``i`` or at one of the next few lines (a title or a unit line may stand before it);
    else no table starts in this run of short lines."""
    taken, j = _short_lines(text, lines, i)
    if len(taken) < 4:
        return None, i + 1
    cells = [_cell(text, lines[k].start, lines[k].end) for k in taken]
    for lead in range(_LEAD):
        rows = _best_grid(cells[lead:])
        if rows is None:
            continue
        if lead:
            return None, taken[lead]  # the lines before the table are text
        table = _make_table(text, rows, TableLayout.CELL_PER_LINE)
        if table is None:
            break
        end = taken[sum(len(r) for r in rows) - 1] + 1
        return (table, end), end
    return None, j


def _short_lines(text: str, lines: Sequence[_Line], i: int) -> tuple[list[int], int]:
    """The lines from ``i`` on that may each be a cell (at most :data:`_PER_LINE_MAX`; no
    pipe row, no heading; single blank lines skipped), and the line where the run stops."""
    taken: list[int] = []
    j = i
    while j < len(lines) and len(taken) < _PER_LINE_MAX:
        line = lines[j]
        if not line.stripped:
            if taken and j + 1 < len(lines) and lines[j + 1].stripped:
                j += 1
                continue
            break
        if not _is_cell_text(line.stripped) or _pipe_cells(text, line) is not None:
            break
        if _heading(text, line) is not None:
            break
        taken.append(j)
        j += 1
    return taken, j


def _flattened(text: str, line: _Line) -> Table | None:
    bounds = _split_cells(line, text, _ANY_SPACE)
    if len(bounds) < 6:
        return None
    cells = [_cell(text, a, b) for a, b in bounds]
    if not all(_is_cell_text(c.text) for c in cells):
        return None
    rows = _best_grid(cells)
    if rows is None or sum(len(r) for r in rows) != len(cells):
        return None
    return _make_table(text, rows, TableLayout.FLATTENED)


def _spaces_in(line: str) -> int:
    return line.count(" ") + line.count("\u3000") + line.count("\t")


_DETECTORS: Final = (
    ("pipes", lambda line: "|" in line or "\uff5c" in line, _pipe_table),
    ("tabs", lambda line: "\t" in line, _tabs),
    ("spaces", lambda line: "  " in line or "\u3000" in line or "\xa0" in line, _spaced),
    ("cell-per-line", _is_cell_text, _cell_per_line),
    ("single-spaces", lambda line: _spaces_in(line) > 0, _single_spaced),
)
