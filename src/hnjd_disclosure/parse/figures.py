"""Every quantitative claim of any report (any institution, any layout), with where it stands.

:func:`extract_figures` finds counts with units (``5295人``, ``131条``), percentages
(``99.90%``), ratios (``生师比17.5:1``), 万 and 亿 figures (``1.9万人``), percentage-point
changes (``2.5个百分点``) and rankings, with the sentence each stands in and its character
offsets in the original text; in a table (:mod:`.document`) every figure cell is a figure,
with its table, row and column. It reads the words around each figure: its ``label``
(``实际录取``, ``录取率``; in a table the label cell before it), an approximation (``近``,
``约``, ``超过``, ``余``, ``以上``), a change (``增加``, ``提高``, ``下降`` …) and a comparison
(``较上年``, ``同比``).

Each percentage and ratio is linked to its part and whole only with a recorded
:class:`Basis` — the clause names the whole, the rate's name says what it divides, a table's
total row or the total stated just before the table, a list written pairwise, or the one pair
of nearby counts that reproduces the printed value. Without a basis there is no link: see
:mod:`._links` for the rules.

Numbers of more than 24 digits are not figures (identifiers or garbage) and are skipped;
numbers after ``第`` are ordinals, and years, months, days and document numbers (年, 月, 日, 号)
are not counts; numbers in a table's 序号 (and similar) column are not figures.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Final, NamedTuple, Protocol

from ..numerals import from_chinese
from ._figure import Basis, Figure, FigureKind, Reference
from ._links import link
from ._text import check_size
from .document import CellKind, Document, Table, read_document

__all__ = ["Basis", "Figure", "FigureKind", "Reference", "extract_figures", "extract_from"]


#: Measure words that make a number a count; longest first (人次 before 人).
COUNT_UNITS: Final = (
    "人次", "课时", "学时", "小时", "余人", "个", "人", "名", "篇", "条", "期", "项", "件",
    "次", "所", "门", "家", "场", "本", "册", "份", "套", "台", "部", "位", "元", "间", "处",
    "批", "类", "张", "册", "栋", "座", "辆", "天", "户", "组", "届", "级",
    # the same measure words in traditional characters (copies of mainland reports)
    "項", "個", "條", "場", "門", "臺", "間", "處", "張", "組", "屆", "級",
)  # fmt: skip
_NOT_COUNTS: Final = frozenset({"届", "级", "屆", "級"})  # 2022届毕业生: a cohort, not a count
_WAN_UNITS: Final = ("人次", "元", "人", "册", "字", "份", "次", "条", "篇", "平方米", "册")

_FIGURE_FOLD: Final = str.maketrans(
    "".join(chr(0xFF10 + i) for i in range(10)) + "\uff05\uff0e", "0123456789%."
)
# 5,300 or 5 300 (one space between groups of exactly three digits, after at most three)
_NUMBER: Final = re.compile(
    r"(?<![0-9.])"
    r"(?:[0-9]{1,3}(?: [0-9]{3}(?![0-9]))++|[0-9]++(?:,[0-9]{3}(?![0-9]))*+)"
    # 39. 77% (a copy from a PDF spaced the decimals): one space after the point of a percentage
    r"(?:\.(?: (?=[0-9]++ ?[%\uff05]))?[0-9]++)?+"
)
#: A count written in Chinese numerals (六十个, 两个省, 前百名): the numeral, then one of the
#: measure words below. A lone 一 is left out (一个, 一次, 一项 are mostly "a", not counts), as
#: are ordinals (第三个) and a numeral inside a longer run of numerals.
_CN_NUMERAL: Final = "零〇一二两三四五六七八九十百千"
_CN_COUNT_UNITS: Final = "个人名篇条期项件次所门家位场座栋间台套個條項門場間臺"
_CN_NUMBER: Final = re.compile(f"[{_CN_NUMERAL}]{{1,8}}+(?=[{_CN_COUNT_UNITS}])")
_NOT_BEFORE_CN: Final = frozenset(_CN_NUMERAL + "第")
_SENTENCE_END: Final = frozenset("。！？!?\n\r\u2028\u2029")
# a half-width full stop ends a sentence unless it is a decimal point (2.5)
_SENTENCE_BREAK: Final = re.compile(
    "[" + "".join(sorted(_SENTENCE_END)) + "]|(?<![0-9])\\.|\\.(?![0-9])"
)
_CLAUSE_END: Final = frozenset("。！？!?，,；;：:\n\r|\t")
_SPACES: Final = " \u3000\xa0"
_MAX_DIGITS: Final = 24

_APPROX_BEFORE: Final = ("超过", "不少于", "不低于", "逾", "近", "约", "达近", "将近", "超")
_APPROX_AFTER: Final = ("以上", "左右", "余", "多")
_CHANGES: Final = (
    "增加了", "增加", "增长了", "增长", "提高了", "提高", "提升了", "提升", "上升了", "上升",
    "下降了", "下降", "降低了", "降低", "减少了", "减少", "增幅为", "增幅", "降幅为", "降幅",
)  # fmt: skip
_COMPARISONS: Final = ("较上一年度", "较上年度", "比上年度", "较上年", "比上年", "较去年",
                       "比去年", "同比", "较上一学年", "较上学年", "与上年相比", "较")  # fmt: skip
_CONNECTORS: Final = ("达到", "约为", "分别为", "为", "达", "是", "共计", "共", "累计", "合计",
                      "总计", "计", "有", "了")  # fmt: skip


def extract_figures(text: str) -> tuple[Figure, ...]:
    """Every count, percentage, ratio, 万 figure and percentage-point change in ``text``.

    Figures in table cells (see :func:`~.document.read_document`) carry their table, row
    and column; every percentage and ratio is linked to its part and whole only where the
    text gives a basis for the link (:class:`Basis`).

    >>> figs = extract_figures("计划招生5300人，实际录取5295人，录取率为99.90%。")
    >>> [f.text for f in figs]
    ['5300人', '5295人', '99.90%']
    >>> rate = figs[2]
    >>> rate.part.value, rate.whole.value, rate.basis.value
    (Decimal('5295'), Decimal('5300'), 'rate-name')

    Raises:
        TextTooLargeError: if the text is longer than :data:`~._text.MAX_CHARS`.
    """
    check_size(text)
    return extract_from(text, read_document(text))


def extract_from(text: str, document: Document) -> tuple[Figure, ...]:
    """The figures of ``text`` whose document is ``document`` (see :func:`extract_figures`).

    >>> text = "毕业生100人，其中升学20人，占毕业生总数的20%。"
    >>> [f.basis for f in extract_from(text, read_document(text)) if f.basis]
    [<Basis.NAMED: 'named'>]
    """
    folded = text.translate(_FIGURE_FOLD)
    sentences = _Sentences(text)
    tables = document.tables
    table_starts = [t.span[0] for t in tables]
    raw: list[Figure] = []
    previous_end = 0
    previous_unit = ""
    for match in _numbers(folded):
        start = match.span()[0]
        k = bisect.bisect_right(table_starts, start) - 1
        if k >= 0 and start < tables[k].span[1]:
            continue  # a table's figures are its cells
        figure = _figure_at(text, folded, match, sentences, previous_end, previous_unit)
        if figure is not None:
            raw.append(figure)
            previous_end = figure.span[1]
            previous_unit = figure.unit
    raw.extend(_ratios(text, folded, sentences, tables, table_starts))
    for number, table in enumerate(tables):
        raw.extend(_cell_figures(text, number, table))
    raw.sort(key=lambda f: f.span)
    return tuple(link(raw, text, document))


_CELL_KINDS: Final = {
    CellKind.COUNT: "count",
    CellKind.PERCENT: "percent",
    CellKind.WAN: "wan",
    CellKind.RATIO: "ratio",
}


def _cell_figures(text: str, number: int, table: Table) -> Iterator[Figure]:
    """The figures of a table's body cells, each labelled by the label cell before it."""
    first_body = len(table.header)
    for r, row in enumerate(table.rows[first_body:], start=first_body):
        label = ""
        sentence = text[row.span[0] : row.span[1]]
        for c, cell in enumerate(row.cells):
            if cell.kind is CellKind.LABEL:
                label = cell.text
            if not cell.kind.is_figure or cell.value is None:
                continue
            kind = FigureKind(_CELL_KINDS[cell.kind])
            unit = _cell_unit(cell.text, kind)
            yield Figure(
                kind=kind,
                # 1:4 is the ratio 1:x with x = 4 (the cell's value is its first number)
                value=_ratio_x(cell.text) if unit == "1:" else cell.value,
                unit=unit,
                text=cell.text,
                span=cell.span,
                label=label,
                sentence=sentence,
                sentence_span=row.span,
                table=number,
                row=r,
                column=c,
            )


def _ratio_x(cell: str) -> Decimal:
    """The x of a ratio ``1:x`` written in a cell."""
    return Decimal(cell.translate(_FIGURE_FOLD).replace(" ", "").rpartition(":")[2])


def _cell_unit(cell: str, kind: FigureKind) -> str:
    folded = cell.translate(_FIGURE_FOLD)
    rest = folded.lstrip("0123456789.,: ")
    if kind is FigureKind.RATIO:
        return "1:" if folded.startswith("1:") and not folded.endswith(":1") else ":1"
    if kind is FigureKind.PERCENT:
        return "%"
    return rest.strip()


# 17.5:1, 3.49：1, 1:17.5 after a name with 比 (生师比, 男女比例, 之比)
_RATIO: Final = re.compile(
    r"(?<![0-9.])([0-9]++(?:\. ?[0-9]++)?+) ?[:：\u2236] ?"
    r"([0-9]++(?:\. ?[0-9]++)?+)(?![0-9.:：\u2236])"
    r"|(?<=生师比)[为是达约]?([0-9]++(?:\.[0-9]++)?+)(?![0-9.:：\u2236%])"
)


def _ratios(
    text: str,
    folded: str,
    sentences: _Sentences,
    tables: Sequence[Table],
    table_starts: Sequence[int],
) -> Iterator[Figure]:
    """Ratios written ``x:1`` (or ``1:x``) after a name holding 比."""
    for m in _RATIO.finditer(folded):
        start, stop = m.span()
        if m.group(3) is not None:
            start = m.start(3)
        k = bisect.bisect_right(table_starts, start) - 1
        if k >= 0 and start < tables[k].span[1]:
            continue
        # 3. 95: 1 (a copy from a PDF spaced the decimals) is 3.95:1
        left = (m.group(1) or m.group(3)).replace(" ", "")
        right = None if m.group(2) is None else m.group(2).replace(" ", "")
        if right is None:  # 生师比为20.55: a ratio x:1 written as its number
            right = "1"
        if right == "1":
            value, unit = left, ":1"
        elif left == "1":
            value, unit = right, "1:"
        else:
            continue
        clause = _clause(text, start, 0)
        if "比" not in clause[-12:]:
            continue
        s_start, s_end, sentence = sentences.of(start)
        yield Figure(
            kind=FigureKind.RATIO,
            value=Decimal(value),
            unit=unit,
            text=text[start:stop],
            span=(start, stop),
            label=_label(clause, "", "", ""),
            sentence=sentence,
            sentence_span=(s_start, s_end),
        )


class _Numeral(NamedTuple):
    """A number written in Chinese numerals, shaped like the ``re.Match`` of a digit run
    (its ``group()`` is the number in digits) so that it is read like one."""

    start: int
    end: int
    digits: str

    def span(self) -> tuple[int, int]:
        return self.start, self.end

    def group(self) -> str:
        return self.digits


class _NumberMatch(Protocol):
    def span(self) -> tuple[int, int]: ...
    def group(self) -> str: ...


def _numbers(folded: str) -> Iterator[_NumberMatch]:
    """The numbers of the text in order: digit runs and counts in Chinese numerals."""
    numerals = [n for m in _CN_NUMBER.finditer(folded) if (n := _numeral(m, folded))]
    i = 0
    for match in _NUMBER.finditer(folded):
        while i < len(numerals) and numerals[i].start < match.start():
            yield numerals[i]
            i += 1
        yield match
    yield from numerals[i:]


def _numeral(match: re.Match[str], folded: str) -> _Numeral | None:
    text, start = match.group(), match.start()
    # (a match may start inside a longer run of numerals: the search goes on from there)
    if text == "一" or (start and folded[start - 1] in _NOT_BEFORE_CN):
        return None
    try:
        value = from_chinese(text.replace("两", "二").replace("〇", "零"))
    except ValueError:
        return None
    return _Numeral(match.start(), match.end(), str(value))


class _Sentences:
    """The sentences of the text, each found, trimmed and copied once (many figures share
    one sentence: a long sentence is not copied or trimmed again for each of them)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in _SENTENCE_BREAK.finditer(text))]
        self._found: dict[int, tuple[int, int, str]] = {}

    def of(self, pos: int) -> tuple[int, int, str]:
        """The span and text of the sentence holding offset ``pos``."""
        k = bisect.bisect_right(self.starts, pos) - 1
        found = self._found.get(k)
        if found is None:
            found = self._trim(k)
            self._found = {k: found}  # figures come in order: only the last one is asked again
        return found

    def _trim(self, k: int) -> tuple[int, int, str]:
        text, starts = self.text, self.starts
        start = starts[k]
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        # keep the closing 。 with its sentence; drop the line break
        while end > start and text[end - 1] in "\n\r\u2028\u2029":
            end -= 1
        while start < end and text[start] in " \t\u3000":
            start += 1
        return start, end, text[start:end]


class _Unit(NamedTuple):
    """What follows a number: the figure's kind, its unit as written (``余人``, ``万元``), and
    the approximation the unit itself states (``余``, ``多``) or ``""``."""

    kind: FigureKind
    text: str
    approximate: str = ""


# units a number is followed by, whatever stood before it; longest first
_FIXED_UNITS: Final = (
    ("%", FigureKind.PERCENT),
    ("个百分点", FigureKind.POINTS),
    ("百分点", FigureKind.POINTS),
)
_WAN: Final = frozenset("万亿萬億")
_ORDINAL_BEFORE: Final = ("第", "〔", "[", "【")  # 第3名, 〔2022〕12号: not figures


def _figure_at(
    text: str,
    folded: str,
    match: _NumberMatch,
    sentences: _Sentences,
    previous_end: int,
    previous_unit: str,
) -> Figure | None:
    """The figure whose number is ``match``, or ``None`` if the number is not a figure (an
    ordinal, a year, a number without a unit); ``previous_end`` and ``previous_unit`` are
    those of the figure before it."""
    start, end = match.span()
    digits = match.group().replace(",", "").replace(" ", "")
    if len(digits) > _MAX_DIGITS:
        return None
    before = _before(folded, start)
    if before.endswith(_ORDINAL_BEFORE):
        return None
    after_at = _skip_spaces(folded, end)
    unit = _unit_after(folded[after_at : after_at + 6], before)
    if unit is None:
        return None
    stop = after_at + len(unit.text)
    approximate = _approximation(before, unit, folded[stop : stop + 2])
    clause = _clause(text, start, previous_end)
    if previous_unit == "个" and start - len(clause) == previous_end:
        # 10个省、自治区计划招生5300人: the things counted belong to the 10, not to 5300
        clause = clause.lstrip(_COUNTED_THINGS)
    change = _first_in(clause, _CHANGES)
    comparison = _first_in(clause, _COMPARISONS)
    label = _label(clause, approximate, change, comparison)
    if unit.kind is FigureKind.RANKING and start and text[start - 1] == "前":
        start -= 1
        label = label.removesuffix("前").rstrip(" \u3000")
    s_start, s_end, sentence = sentences.of(start)
    return Figure(
        kind=unit.kind,
        value=Decimal(digits),
        unit=unit.text.replace("余", "") if unit.kind is FigureKind.COUNT else unit.text,
        text=text[start:stop],
        span=(start, stop),
        label=label,
        sentence=sentence,
        sentence_span=(s_start, s_end),
        approximate=approximate,
        change=change,
        comparison=comparison,
    )


def _approximation(before: str, unit: _Unit, after_unit: str) -> str:
    """The word saying a figure is approximate: before it (``近``), in its unit (``余人``) or
    after it (``以上``); ``""`` if none."""
    return (
        next((w for w in _APPROX_BEFORE if before.endswith(w)), "")
        or unit.approximate
        or next((w for w in _APPROX_AFTER[:2] if after_unit.startswith(w)), "")
    )


def _first_in(clause: str, words: Sequence[str]) -> str:
    """The first of ``words`` that ``clause`` holds, or ``""``."""
    return next((w for w in words if w in clause), "")


def _skip_spaces(folded: str, end: int) -> int:
    """Where the unit after a number ending at ``end`` starts: after at most 3 spaces."""
    at = end
    while at < len(folded) and at - end < 3 and folded[at] in _SPACES:
        at += 1
    return at


def _unit_after(after: str, before: str) -> _Unit | None:
    """The kind and unit of a number followed by ``after`` and preceded by ``before``, or
    ``None`` if it is not a figure (a year, a cohort, a number without a unit)."""
    for prefix, kind in _FIXED_UNITS:
        if after.startswith(prefix):
            return _Unit(kind, prefix)
    if after[:1] in _WAN:
        return _wan_unit(after)
    return _count_unit_after(after, before)


def _wan_unit(after: str) -> _Unit:
    """The unit of a 万 or 亿 figure: 万, 万人, 万余元 …"""
    rest = after[1:]
    if rest.startswith("余"):
        return _Unit(FigureKind.WAN, after[0] + "余" + _wan_tail(rest[1:]), "余")
    return _Unit(FigureKind.WAN, after[0] + _wan_tail(rest))


def _wan_tail(rest: str) -> str:
    return next((u for u in _WAN_UNITS if rest.startswith(u)), "")


def _count_unit_after(after: str, before: str) -> _Unit | None:
    """The unit of a count (``人``, ``余人``, ``多项``) or a ranking (``前10名``)."""
    if after.startswith(("余", "多")) and len(after) > 1:
        word = after[0]
        unit = _count_unit(after[1:])
        if unit is None or unit in _NOT_COUNTS:
            return None
        return _Unit(FigureKind.COUNT, word + unit, word)
    unit = _count_unit(after)
    if unit == "名" and before.endswith("前"):
        return _Unit(FigureKind.RANKING, unit)
    if unit is None or unit in _NOT_COUNTS or _is_date_part(after):
        return None
    return _Unit(FigureKind.COUNT, unit)


_UNITS_2: Final = frozenset(u for u in COUNT_UNITS if len(u) == 2)
_UNITS_1: Final = frozenset(u for u in COUNT_UNITS if len(u) == 1)


def _count_unit(after: str) -> str | None:
    """The measure word ``after`` starts with, if any (two-character words first)."""
    if after[:2] in _UNITS_2:
        return after[:2]
    if after[:1] in _UNITS_1:
        return after[:1]
    return None


def _is_date_part(after: str) -> bool:
    return after.startswith(("年", "月", "日", "号", "时", "分"))


def _before(folded: str, start: int) -> str:
    """Up to 8 characters before ``start``, spaces removed."""
    return folded[max(0, start - 12) : start].replace(" ", "").replace("\u3000", "")[-8:]


_COUNTED_THINGS: Final = "省市县区国家地城自治、（）()份类所项门部分专业院系个"


def _clause(text: str, start: int, previous_end: int) -> str:
    """The text from the start of the clause (after ，；：。, a line break or the previous
    figure) to ``start``."""
    i = start
    limit = max(0, start - 80, previous_end)
    while i > limit and text[i - 1] not in _CLAUSE_END:
        i -= 1
    return text[i:start]


def _label(clause: str, approximate: str, change: str, comparison: str) -> str:
    """The words naming the figure: the clause without connectors and qualifiers."""
    label = clause.strip(" \u3000\t、.")
    for word in ("其中，", "其中", "另外", "此外"):
        if label.startswith(word):
            label = label[len(word) :]
    for _ in range(4):
        before = label
        for word in (approximate, change, comparison, *_CONNECTORS, *_APPROX_BEFORE):
            if word and label.endswith(word):
                label = label[: -len(word)].rstrip(" \u3000")
        if label == before:
            break
    if comparison and comparison in label:
        label = label.replace(comparison, "", 1)
    if change and label.endswith(change):
        label = label[: -len(change)]
    return label.strip(" \u3000")


# -- linking percentages ----------------------------------------------------------------------


_PARTS_WORD: Final = "其中"
_PARTS_END: Final = re.compile("[；;]")
_MAX_PARTS: Final = 50


def qizhong_groups(figures: Sequence[Figure], text: str) -> list[tuple[int, list[int]]]:
    """The counts a 「其中」 splits: ``(head, parts)`` as indices into ``figures``.

    The head is the count just before 其中 in its sentence; the parts are the counts in the
    head's unit after it, up to the end of the clause group (``；``, the end of the sentence)
    or the next 其中.

    >>> figs = extract_figures("共有毕业生3652人，其中就业3301人、升学200人；专升本416人。")
    >>> [(figs[h].value, [figs[p].value for p in ps]) for h, ps in qizhong_groups(figs, "")]
    []
    >>> text = "共有毕业生3652人，其中就业3301人、升学200人；专升本416人。"
    >>> [(figs[h].value, [figs[p].value for p in ps]) for h, ps in qizhong_groups(figs, text)]
    [(Decimal('3652'), [Decimal('3301'), Decimal('200')])]
    """
    counts = [i for i, f in enumerate(figures) if f.kind is FigureKind.COUNT and f.unit]
    marks = [m.start() for m in re.finditer(_PARTS_WORD, text)]
    ends = [m.start() for m in _PARTS_END.finditer(text)]
    groups: list[tuple[int, list[int]]] = []
    k = 0  # index into counts, advanced monotonically (linear overall)
    for n, at in enumerate(marks):
        while k < len(counts) and figures[counts[k]].span[1] <= at:
            k += 1
        if k == 0:
            continue
        head = figures[counts[k - 1]]
        sentence = head.sentence_span
        if not sentence[0] <= at < sentence[1]:
            continue
        next_mark = marks[n + 1] if n + 1 < len(marks) else sentence[1]
        stop = min(sentence[1], next_mark, _next_at(ends, at, sentence[1]))
        parts = _parts_from(figures, counts, k, stop, head.unit)
        if parts:
            groups.append((counts[k - 1], parts))
    return groups


def _next_at(offsets: Sequence[int], at: int, default: int) -> int:
    """The first of the sorted ``offsets`` at or after ``at``, or ``default``."""
    i = bisect.bisect_left(offsets, at)
    return offsets[i] if i < len(offsets) else default


def _parts_from(
    figures: Sequence[Figure], counts: Sequence[int], k: int, stop: int, unit: str
) -> list[int]:
    """The counts in ``unit`` from ``counts[k]`` on that start before ``stop`` (at most
    :data:`_MAX_PARTS`), as indices into ``figures``."""
    parts: list[int] = []
    j = k
    while j < len(counts) and figures[counts[j]].span[0] < stop and len(parts) < _MAX_PARTS:
        if figures[counts[j]].unit == unit:
            parts.append(counts[j])
        j += 1
    return parts
