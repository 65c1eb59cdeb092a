"""Every quantitative claim of any report (any institution, any layout), with where it stands.

:func:`extract_figures` finds counts with units (``5295人``, ``131条``), percentages
(``99.90%``), 万 and 亿 figures (``1.9万人``), percentage-point changes (``2.5个百分点``),
with the sentence each stands in and its character offsets in the original text. It reads
the words around each figure: its ``label`` (``实际录取``, ``录取率``), an approximation
(``近``, ``约``, ``超过``, ``余``, ``以上``), a change (``增加``, ``提高``, ``下降`` …) and a
comparison (``较上年``, ``同比``). A percentage is linked to its part and whole where the
sentence (or the table row) gives them.

How a percentage is linked (all within one paragraph, or one table written as text rows):

* a rate (``录取率为99.90%``): the part is the count since the previous percentage whose label
  shares the most characters with the rate's name (``实际录取``), else the nearest; the whole
  is the count just before the part (``计划招生5300人``), but not a count after 「其中」: the
  head of the 其中 group is the whole of its parts and of the counts after it (and of the
  counts that give the stated rate at its printed digits);
* a rate named in :data:`RATE_TERMS` (``录取率`` is 录取 / 计划): the counts whose labels say
  so, in either order (``实际录取5295人，计划招生5300人，录取率为99.90%``);
* a share after 「其中」 with no count of its own (``毕业生1000人，其中本科生占60%``): no part,
  the whole is the count before 其中;
* a share (``占比8.58%``, ``占毕业生总数的8.58%``): the part is the nearest count before it since
  the previous percentage; the whole is the count the share names (``占X的``), else the
  count of the paragraph (same unit, not smaller than the part) of which the stated share is
  the share at its printed digits, else the first such count named as a total (``总``,
  ``人数``, ``合计`` …), else the nearest;
* a table row: the part is the row's count, the whole is found among the table's counts the
  same way.

Numbers of more than 24 digits are not figures (identifiers or garbage) and are skipped;
numbers after ``第`` are ordinals, and years, months, days and document numbers (年, 月, 日, 号)
are not counts.
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Final, NamedTuple, Protocol

import attrs
from attrs import frozen

from ..numerals import from_chinese
from ._text import check_size

__all__ = ["Figure", "FigureKind", "Reference", "extract_figures"]


class FigureKind(enum.Enum):
    """What a figure is: a count, a percentage, a 万/亿 figure, a change in points, a ranking.

    >>> [f.kind.value for f in extract_figures("共300人，占60%，1.9万人，提高2个百分点，前50名")]
    ['count', 'percent', 'wan', 'points', 'ranking']
    """

    COUNT = "count"
    PERCENT = "percent"
    WAN = "wan"
    POINTS = "points"
    RANKING = "ranking"


@frozen(kw_only=True)
class Reference:
    """Another figure a percentage refers to (its part or its whole).

    >>> Reference(value=Decimal(5300), label="计划招生", span=(10, 16)).value
    Decimal('5300')
    """

    value: Decimal
    label: str
    span: tuple[int, int]


@frozen(kw_only=True)
class Figure:
    """One quantitative claim of a text, exactly as printed.

    ``value`` is the printed number (``Decimal('99.90')`` for ``99.90%``, ``Decimal('1.9')``
    for ``1.9万人``); ``unit`` what follows it (``人``, ``%``, ``万人``, ``个百分点``);
    ``span`` and ``sentence_span`` are character offsets ``(start, end)`` in the text.

    >>> fig = extract_figures("实际录取5295人，录取率为99.90%。")[0]
    >>> fig.kind, fig.value, fig.unit, fig.text, fig.span, fig.label
    (<FigureKind.COUNT: 'count'>, Decimal('5295'), '人', '5295人', (4, 9), '实际录取')
    """

    kind: FigureKind
    value: Decimal
    unit: str
    text: str
    span: tuple[int, int]
    label: str
    sentence: str
    sentence_span: tuple[int, int]
    approximate: str = ""
    change: str = ""
    comparison: str = ""
    part: Reference | None = None
    whole: Reference | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None

    @property
    def amount(self) -> Decimal:
        """The number the figure stands for (``1.9万`` → 19000).

        >>> extract_figures("关注人数1.9万人")[0].amount
        Decimal('19000')
        """
        if self.kind is not FigureKind.WAN:
            return self.value
        amount = self.value * (10_000 if self.unit.startswith("万") else 100_000_000)
        # 1.9万 is 19000, not 19000.0: a whole amount drops the printed decimals
        return Decimal(int(amount)) if amount == amount.to_integral_value() else amount

    @property
    def is_rate(self) -> bool:
        """A percentage named as a rate (``录取率``).

        >>> [f.is_rate for f in extract_figures("录取率为99.90%，省内就业占比72.78%")]
        [True, False]
        """
        return self.kind is FigureKind.PERCENT and self.label.endswith("率")

    @property
    def is_share(self) -> bool:
        """A percentage named as a share (``占比``, ``占…的``, ``比例``, ``比重``).

        >>> [f.is_share for f in extract_figures("录取率为99.90%，省内就业占比72.78%")]
        [False, True]
        """
        return self.kind is FigureKind.PERCENT and (
            "占" in self.label
            or self.label.endswith(("比例", "比重"))
            or (self.table is not None and self.whole is not None)
        )


#: Measure words that make a number a count; longest first (人次 before 人).
COUNT_UNITS: Final = (
    "人次", "课时", "学时", "小时", "余人", "个", "人", "名", "篇", "条", "期", "项", "件",
    "次", "所", "门", "家", "场", "本", "册", "份", "套", "台", "部", "位", "元", "间", "处",
    "批", "类", "张", "册", "栋", "座", "辆", "天", "户", "组", "届", "级",
)  # fmt: skip
_NOT_COUNTS: Final = frozenset({"届", "级"})  # 2022届毕业生: a cohort, not a count
_WAN_UNITS: Final = ("人次", "元", "人", "册", "字", "份", "次", "条", "篇", "平方米", "册")

_FIGURE_FOLD: Final = str.maketrans(
    "".join(chr(0xFF10 + i) for i in range(10)) + "\uff05\uff0e", "0123456789%."
)
# 5,300 or 5 300 (one space between groups of exactly three digits, after at most three)
_NUMBER: Final = re.compile(
    r"(?<![0-9.])"
    r"(?:[0-9]{1,3}(?: [0-9]{3}(?![0-9]))++|[0-9]++(?:,[0-9]{3}(?![0-9]))*+)"
    r"(?:\.[0-9]++)?+"
)
#: A count written in Chinese numerals (六十个, 两个省, 前百名): the numeral, then one of the
#: measure words below. A lone 一 is left out (一个, 一次, 一项 are mostly "a", not counts), as
#: are ordinals (第三个) and a numeral inside a longer run of numerals.
_CN_NUMERAL: Final = "零〇一二两三四五六七八九十百千"
_CN_COUNT_UNITS: Final = "个人名篇条期项件次所门家位场座栋间台套"
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
_TOTAL_WORDS: Final = ("合计", "总计", "总数", "共计", "总人数", "人数", "毕业生", "总")
_TABLE_SPLIT: Final = re.compile(r"[|\uff5c\t]|[ \u3000]{2,}+")


def extract_figures(text: str) -> tuple[Figure, ...]:
    """Every count, percentage, 万 figure and percentage-point change in ``text``.

    >>> figs = extract_figures("计划招生5300人，实际录取5295人，录取率为99.90%。")
    >>> [f.text for f in figs]
    ['5300人', '5295人', '99.90%']
    >>> rate = figs[2]
    >>> rate.part.value, rate.whole.value
    (Decimal('5295'), Decimal('5300'))

    Raises:
        TextTooLargeError: if the text is longer than :data:`~._text.MAX_CHARS`.
    """
    check_size(text)
    folded = text.translate(_FIGURE_FOLD)
    sentences = _Sentences(text)
    rows = _table_rows(text)
    raw: list[Figure] = []
    previous_end = 0
    previous_unit = ""
    for match in _numbers(folded):
        figure = _figure_at(text, folded, match, sentences, rows, previous_end, previous_unit)
        if figure is not None:
            raw.append(figure)
            previous_end = figure.span[1]
            previous_unit = figure.unit
    return tuple(_link(raw, text))


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


class _Rows:
    """The lines of the text that are table rows, with their cells' offsets."""

    def __init__(self) -> None:
        self.line_starts: list[int] = []
        self.line_ends: list[int] = []
        self.table_id: list[int] = []
        self.cells: list[list[tuple[int, int]]] = []
        #: the start of each cell of each row, for finding a cell by bisection
        self.cell_starts: list[list[int]] = []

    def find(self, pos: int) -> int | None:
        k = bisect.bisect_right(self.line_starts, pos) - 1
        if k >= 0 and pos < self.line_ends[k]:
            return k
        return None

    def column(self, row: int, pos: int) -> int | None:
        """The index of the cell of ``row`` that holds offset ``pos``, if any."""
        k = bisect.bisect_right(self.cell_starts[row], pos) - 1
        if k >= 0 and pos < self.cells[row][k][1]:
            return k
        return None


def _table_rows(text: str) -> _Rows:
    """Lines with two or more cells (split at ``|``, tabs or runs of spaces)."""
    rows = _Rows()
    table = 0
    last_line = -2
    start = 0
    for number, line in enumerate(text.split("\n")):
        end = start + len(line)
        cells: list[tuple[int, int]] = []
        cell_start = start
        for sep in _TABLE_SPLIT.finditer(line):
            cells.append((cell_start, start + sep.start()))
            cell_start = start + sep.end()
        cells.append((cell_start, end))
        cells = [c for c in cells if text[c[0] : c[1]].strip()]
        if len(cells) >= 2:
            if number != last_line + 1:
                table += 1
            rows.line_starts.append(start)
            rows.line_ends.append(end)
            rows.table_id.append(table)
            rows.cells.append(cells)
            rows.cell_starts.append([a for a, _ in cells])
            last_line = number
        start = end + 1
    return rows


def _figure_at(
    text: str,
    folded: str,
    match: _NumberMatch,
    sentences: _Sentences,
    rows: _Rows,
    previous_end: int,
    previous_unit: str,
) -> Figure | None:
    start, end = match.span()
    digits = match.group().replace(",", "").replace(" ", "")
    if len(digits) > _MAX_DIGITS:
        return None
    before = _before(folded, start)
    row = rows.find(start)
    if before.endswith(("第", "〔", "[", "【")):
        return None
    after_at = end
    while after_at < len(folded) and after_at - end < 3 and folded[after_at] in _SPACES:
        after_at += 1
    after = folded[after_at : after_at + 6]
    kind: FigureKind
    approximate = next((w for w in _APPROX_BEFORE if before.endswith(w)), "")
    unit = ""
    if after.startswith("%"):
        kind, unit = FigureKind.PERCENT, "%"
    elif after.startswith(("个百分点", "百分点")):
        kind = FigureKind.POINTS
        unit = "个百分点" if after.startswith("个") else "百分点"
    elif after.startswith(("万", "亿")):
        kind = FigureKind.WAN
        rest = after[1:]
        tail = next((u for u in _WAN_UNITS if rest.startswith(u)), "")
        if rest.startswith("余"):
            approximate = approximate or "余"
            tail = "余" + next((u for u in _WAN_UNITS if rest[1:].startswith(u)), "")
        unit = after[0] + tail
    else:
        if after.startswith(("余", "多")) and len(after) > 1:
            word = after[0]
            unit_after = _count_unit(after[1:])
            if unit_after is None or unit_after in _NOT_COUNTS:
                return None
            kind, unit = FigureKind.COUNT, word + unit_after
            approximate = approximate or word
        else:
            found = _count_unit(after)
            if found == "名" and before.endswith("前"):
                kind, unit = FigureKind.RANKING, found
            elif found is not None and found not in _NOT_COUNTS and not _is_date_part(after):
                kind, unit = FigureKind.COUNT, found
            elif _is_cell(text, rows, row, start, end):
                kind, unit = FigureKind.COUNT, ""
            else:
                return None
    stop = after_at + len(unit) if unit else end
    after_unit = folded[stop : stop + 2]
    if not approximate:
        approximate = next((w for w in _APPROX_AFTER[:2] if after_unit.startswith(w)), "")
    try:
        value = Decimal(digits)
    except ArithmeticError:  # pragma: no cover - the pattern only matches digits
        return None
    clause = _clause(text, start, previous_end)
    if previous_unit == "个" and start - len(clause) == previous_end:
        # 10个省、自治区计划招生5300人: the things counted belong to the 10, not to 5300
        clause = clause.lstrip(_COUNTED_THINGS)
    change = next((w for w in _CHANGES if w in clause), "")
    comparison = next((w for w in _COMPARISONS if w in clause), "")
    label = _label(clause, approximate, change, comparison)
    column = None
    if row is not None:
        column = rows.column(row, start)
        first = rows.cells[row][0]
        if column:
            label = text[first[0] : first[1]].strip(" \u3000|")
    if kind is FigureKind.RANKING and start and text[start - 1] == "前":
        start -= 1
        label = label.removesuffix("前").rstrip(" \u3000")
    s_start, s_end, sentence = sentences.of(start)
    return Figure(
        kind=kind,
        value=value,
        unit=unit.replace("余", "") if kind is FigureKind.COUNT else unit,
        text=text[start:stop],
        span=(start, stop),
        label=label,
        sentence=sentence,
        sentence_span=(s_start, s_end),
        approximate=approximate,
        change=change,
        comparison=comparison,
        table=None if row is None else rows.table_id[row],
        row=row,
        column=column,
    )


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


def _is_cell(text: str, rows: _Rows, row: int | None, start: int, end: int) -> bool:
    """Whether the number is the whole of a table cell (a count without a unit)."""
    if row is None:
        return False
    column = rows.column(row, start)
    if column is None:
        return False
    a, b = rows.cells[row][column]
    return end <= b and text[a:b].strip(" \u3000|") == text[start:end]


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


_WINDOW: Final = 30
_CANDIDATES: Final = 12  # counts of a paragraph or table a percentage may refer to


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
        stop = sentence[1]
        if n + 1 < len(marks):
            stop = min(stop, marks[n + 1])
        semicolon = bisect.bisect_left(ends, at)
        if semicolon < len(ends):
            stop = min(stop, ends[semicolon])
        parts: list[int] = []
        j = k
        while j < len(counts) and figures[counts[j]].span[0] < stop and len(parts) < _MAX_PARTS:
            if figures[counts[j]].unit == head.unit:
                parts.append(counts[j])
            j += 1
        if parts:
            groups.append((counts[k - 1], parts))
    return groups


def _link(figures: Sequence[Figure], text: str) -> list[Figure]:
    """Link each percentage to its part and whole, in one pass (linear in the figures)."""
    out = list(figures)
    # a count after 其中 is a part of the count before it (the group's head)
    heads = {part: head for head, parts in qizhong_groups(out, text) for part in parts}
    marks = [m.start() for m in re.finditer(_PARTS_WORD, text)]
    lines = [0, *(m.end() for m in re.finditer("\n", text))]
    counts: dict[tuple[str, int], list[int]] = {}
    last_percent: dict[tuple[int, int], int] = {}
    # a table's total row often comes last: a table percentage may refer to any of its rows
    table_counts: dict[int, list[int]] = {}
    for i, fig in enumerate(out):
        if fig.table is not None and fig.kind in (FigureKind.COUNT, FigureKind.WAN):
            table_counts.setdefault(fig.table, []).append(i)
    for i, fig in enumerate(out):
        key = (
            ("table", fig.table)
            if fig.table is not None
            else ("line", bisect.bisect_right(lines, fig.span[0]))
        )
        group = counts.setdefault(key, [])
        if fig.kind in (FigureKind.COUNT, FigureKind.WAN):
            group.append(i)
            if len(group) > 2 * _WINDOW:
                del group[:_WINDOW]
            continue
        if fig.kind is not FigureKind.PERCENT:
            continue
        previous = last_percent.get(fig.sentence_span, -1)
        last_percent[fig.sentence_span] = i
        if fig.change:
            continue
        if fig.table is not None:
            rows = table_counts.get(fig.table, [])
            lo = bisect.bisect_left(rows, i - 2 * _WINDOW)
            near = rows[lo : bisect.bisect_right(rows, i + 2 * _WINDOW)]
            part, whole = _part_and_whole(out, i, near, previous, heads, marks)
        else:
            part, whole = _part_and_whole(out, i, group[-_WINDOW:], previous, heads, marks)
        if part is not None or whole is not None:
            out[i] = attrs.evolve(
                fig,
                part=None if part is None else _ref(part),
                whole=None if whole is None else _ref(whole),
            )
    return out


def _ref(fig: Figure) -> Reference:
    return Reference(value=fig.amount, label=fig.label, span=fig.span)


def _part_and_whole(
    figures: Sequence[Figure],
    i: int,
    counts: Sequence[int],
    previous_pct: int,
    heads: dict[int, int],
    marks: Sequence[int],
) -> tuple[Figure | None, Figure | None]:
    """Part and whole of percentage ``i`` among the earlier ``counts`` of its passage.

    ``heads`` maps a count after 「其中」 to the count before it; ``marks`` are the offsets of
    the 其中 of the text.
    """
    fig = figures[i]
    if fig.table is not None:
        in_row = [j for j in counts if figures[j].row == fig.row and j < i]
        if not in_row:
            return None, None
        part = figures[in_row[-1]]
        wholes = [figures[j] for j in counts if figures[j].row != fig.row]
        return part, _choose_whole(fig, part, wholes)
    same_sentence = [j for j in counts if figures[j].sentence_span == fig.sentence_span]
    if fig.is_share and same_sentence:
        # 毕业生1000人，其中本科生占60%: the count before 其中 is the whole, the part no count
        head = figures[same_sentence[-1]]
        at = bisect.bisect_left(marks, fig.span[0]) - 1
        if at >= 0 and head.span[1] <= marks[at]:
            return None, head
    since = [j for j in same_sentence if j > previous_pct]
    if fig.is_rate:
        by_name = _named_rate(fig, figures, since, same_sentence)
        if by_name is not None:
            return by_name
    if not since:
        return _named_part(fig, figures, counts)
    if fig.is_rate:
        stem = fig.label[:-1]
        part_index = max(since, key=lambda j: (_common(stem, figures[j].label), j))
        return figures[part_index], _rate_whole(fig, figures, part_index, same_sentence, heads)
    part = figures[since[-1]]
    named = _named_whole(fig.label)
    wholes = [figures[j] for j in counts if figures[j].span[0] < part.span[0]]
    if named:
        best = max(wholes, key=lambda w: (_common(named, w.label), w.span[0]), default=None)
        if best is not None and _common(named, best.label) >= 2:
            return part, best
    return part, _choose_whole(fig, part, wholes)


#: Rates whose name says what they divide: the words of the part's and the whole's labels.
RATE_TERMS: Final = {
    "录取率": ("录取", "计划"),
    "报到率": ("报到", "录取"),
    "就业率": ("就业", "毕业"),
    "升学率": ("升学", "毕业"),
}


def _named_rate(
    fig: Figure, figures: Sequence[Figure], since: Sequence[int], same_sentence: Sequence[int]
) -> tuple[Figure, Figure] | None:
    """A rate of :data:`RATE_TERMS` whose part and whole its sentence names, in any order.

    >>> rate = extract_figures("实际录取5295人，计划招生5300人，录取率为99.90%。")[-1]
    >>> rate.part.label, rate.whole.label
    ('实际录取', '计划招生')
    """
    terms = next((t for name, t in RATE_TERMS.items() if fig.label.endswith(name)), None)
    if terms is None:
        return None
    part_word, whole_word = terms
    parts = [
        figures[j]
        for j in since
        if part_word in figures[j].label and whole_word not in figures[j].label
    ]
    if not parts:
        return None
    part = parts[-1]
    wholes = [
        figures[j]
        for j in same_sentence
        if whole_word in figures[j].label and figures[j].unit == part.unit
    ]
    return (part, wholes[-1]) if wholes else None


def _rate_whole(
    fig: Figure,
    figures: Sequence[Figure],
    part_index: int,
    same_sentence: Sequence[int],
    heads: dict[int, int],
) -> Figure | None:
    """The whole of a rate whose part is ``part_index``: an earlier count of its sentence.

    In order: the head of the part's 其中 group; the nearest count that is not itself a part
    of a 其中 group (``共有毕业生3652人，其中已就业3301人…；升学512人，升学率…``: the whole of
    升学 is 3652, not 3301); the nearest count. The first of these of which the stated rate
    is the part's share at its printed digits wins, else the first: a link that is only
    inferred must not contradict a plain reading of the text.
    """
    part = figures[part_index]
    earlier = [j for j in same_sentence if j < part_index and figures[j].unit == part.unit]
    if not earlier:
        return None
    order: list[int] = []
    head = heads.get(part_index)
    if head is not None and head in earlier:
        order.append(head)
    order.extend(j for j in reversed(earlier) if j not in heads)
    order.append(earlier[-1])
    for j in order:
        whole = figures[j]
        if whole.amount and _rounds_to(part.amount, whole.amount, fig.value):
            return whole
    return figures[order[0]]


def _named_part(
    fig: Figure, figures: Sequence[Figure], counts: Sequence[int]
) -> tuple[Figure | None, Figure | None]:
    """``升学占比为52%`` with no count before it: the part is the count named ``升学``."""
    stem = fig.label
    if "占" in stem and not stem.endswith("占比"):
        stem = stem[: stem.rfind("占")]  # 研究生占在校生总数的比例: the part is 研究生
    for word in ("占比", "比例", "比重", "率", "所占", "占"):
        stem = stem.replace(word, "")
    if len(stem) < 2:
        return None, None
    scored = [(j, _common(stem, figures[j].label)) for j in counts]
    best = max(scored, key=lambda pair: (pair[1], pair[0]), default=None)
    if best is None or best[1] < 2:
        return None, None
    part = figures[best[0]]
    wholes = [figures[j] for j in counts if figures[j].span[0] < part.span[0]]
    return part, _choose_whole(fig, part, wholes)


def _named_whole(label: str) -> str:
    at = label.rfind("占")
    if at < 0:
        return ""
    named = label[at + 1 :]
    for word in ("的比例", "的比重", "比例", "比重", "的", "总数", "比"):
        if named.endswith(word):
            named = named[: -len(word)]
    return named


def _choose_whole(fig: Figure, part: Figure, wholes: Sequence[Figure]) -> Figure | None:
    candidates = [
        w
        for w in wholes[-_CANDIDATES:]
        if w.unit == part.unit and w.amount >= part.amount and w.amount
    ]
    if not candidates:
        return None
    for w in candidates:
        if _rounds_to(part.amount, w.amount, fig.value):
            return w
    totals = [w for w in candidates if any(t in w.label for t in _TOTAL_WORDS)]
    if totals:
        return totals[0]
    return candidates[-1]


def _rounds_to(part: Decimal, whole: Decimal, stated: Decimal) -> bool:
    """Whether part/whole rounds half-up (四舍五入) to ``stated`` percent at its digits."""
    exponent = stated.as_tuple().exponent
    if not isinstance(exponent, int):
        return False
    decimals = max(0, -exponent)
    scale = 10**decimals
    pn, pd = part.as_integer_ratio()
    wn, wd = whole.as_integer_ratio()
    sn, sd = stated.as_integer_ratio()
    # floor(part/whole * 100 * scale + 1/2), in integers
    rounded = (2 * pn * wd * 100 * scale + pd * wn) // (2 * pd * wn)
    return bool(rounded * sd == sn * scale)


def _common(a: str, b: str) -> int:
    """The length of the longest common substring of two short labels."""
    a, b = a[-40:], b[-40:]
    best = 0
    for i in range(len(a)):
        for j in range(len(b)):
            k = 0
            while i + k < len(a) and j + k < len(b) and a[i + k] == b[j + k]:
                k += 1
            best = max(best, k)
    return best
