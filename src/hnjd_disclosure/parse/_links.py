"""Linking percentages and ratios to their part and whole, each link with its basis.

A link is made only where the text gives a reason for it (:class:`~.figures.Basis`), tried in
this order:

1. **the rate's name** (:data:`RATE_TERMS`): ``录取率`` divides a count labelled 录取 by one
   labelled 计划, found in the paragraph (or the table) before the rate;
2. **a list written pairwise**: ``分别为A人、B人，分别占毕业生总数的X%、Y%``: the k-th
   percentage after 「分别」 is the share of the k-th count before it, over the whole the
   clause names (else over the one count that reproduces every share of the list: a fit);
3. **the named whole**: ``专升本416人，占毕业生总数的8.58%``: the part is the count just before
   the share in its clause group, the whole the count whose label the clause names; a whole
   that is named but not found means no link;
4. **a table**: a row's count over the total row of its column (合计、总计), else over the
   total the line before the table states (the count that equals the column's sum, else the
   one count named as a total);
5. **an arithmetic fit**: the part is the count just before the percentage in its clause
   group; the whole the one value among the earlier counts of the paragraph that reproduces
   the printed value (四舍五入 at its digits). Two values that both fit: no link.

A link of 1-4 that does not reproduce the printed value gives way to another reading of the
same sentence or row that does (then a fit): a mismatch stands only when nothing else fits.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Any, Final, TypeVar

import attrs

from ._figure import Basis, Figure, FigureKind, Reference
from .document import Cell, CellKind, Document, Row, Table

__all__ = ["RATE_TERMS", "link", "rounds_to"]

#: Rates whose name says what they divide: the words of the part's and of the whole's labels.
RATE_TERMS: Final = {
    "录取率": (("录取",), ("计划",)),
    "报到率": (("报到",), ("录取",)),
    "落实率": (("落实", "去向"), ("毕业",)),
    # not a bare 就业: 「升学…、就业3950人」 is one destination among others
    "就业率": (("已就业", "就业人数", "就业总", "实现就业", "落实"), ("毕业",)),
    "升学率": (("升学",), ("毕业",)),
    "签约率": (("签约",), ("毕业",)),
    "合格率": (("合格",), ("参加", "参考", "考试", "报考", "抽检", "检测")),
    "通过率": (("通过",), ("参加", "参考", "考试", "报考")),
    "回收率": (("回收",), ("发放",)),
    "生师比": (("学生", "在校生"), ("教师",)),
    "男女比": (("男",), ("女",)),
}

_T = TypeVar("_T")
_LINKED: Final = (FigureKind.PERCENT, FigureKind.RATIO)
_AMOUNTS: Final = (FigureKind.COUNT, FigureKind.WAN)
_COUNTS: Final = (CellKind.COUNT, CellKind.WAN)  # the cells that hold amounts
_WINDOW: Final = 24  # the counts of a paragraph a figure may refer to
_NAMED_BACK: Final = 40  # counts before a paragraph where a named whole may stand
_SEPARATORS: Final = frozenset("、，,和与及 \u3000")


def rounds_to(part: Decimal, whole: Decimal, stated: Decimal, unit: str = "%") -> bool:
    """Whether ``part / whole`` rounds half-up (四舍五入) to ``stated`` at its digits.

    ``unit`` ``%`` compares the percentage, ``:1`` the ratio ``x:1``, ``1:`` the ratio ``1:x``.

    >>> rounds_to(Decimal(5295), Decimal(5300), Decimal("99.91")), rounds_to(
    ...     Decimal(35), Decimal(2), Decimal("17.5"), ":1")
    (True, True)
    """
    if not whole or not part:
        return False
    exponent = stated.as_tuple().exponent
    if not isinstance(exponent, int):
        return False
    scale = 10 ** max(0, -exponent)
    if unit == "1:":
        part, whole = whole, part
    factor = 100 if unit == "%" else 1
    pn, pd = part.as_integer_ratio()
    wn, wd = whole.as_integer_ratio()
    sn, sd = stated.as_integer_ratio()
    if wn < 0 or pn < 0:
        return False
    # floor(part/whole * factor * scale + 1/2), in integers
    rounded = (2 * pn * wd * factor * scale + pd * wn) // (2 * pd * wn)
    return bool(rounded * sd == sn * scale)


class _Context:
    """What the linker looks up: figures by span, counts by line, each table's cells."""

    def __init__(self, figures: Sequence[Figure], text: str, document: Document) -> None:
        self.figures = figures
        self.text = text
        self.document = document
        self.by_span = {f.span: i for i, f in enumerate(figures)}
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.prose_counts: list[int] = [
            i for i, f in enumerate(figures) if f.kind in _AMOUNTS and f.table is None
        ]
        self.prose_starts = [figures[i].span[0] for i in self.prose_counts]
        self.table_ends = [t.span[1] for t in document.tables]
        # per table: each row's total row; per column relation: which rows keep it
        self._totals: dict[int, list[Row | None]] = {}
        self._kept: dict[tuple[object, ...], _Kept] = {}
        self._column_fits: dict[tuple[int, int, int], Figure | None] = {}

    def total_rows(self, table_index: int) -> list[Row | None]:
        """For each row of a table, its total row: the next one below it, else the last one
        above it (found in two passes, once per table)."""
        found = self._totals.get(table_index)
        if found is None:
            rows = self.document.tables[table_index].rows
            found = [None] * len(rows)
            below: Row | None = None
            for k in range(len(rows) - 1, -1, -1):
                found[k] = below
                below = rows[k] if rows[k].total else below
            above: Row | None = None
            for k, row in enumerate(rows):
                if found[k] is None:
                    found[k] = above
                above = row if row.total else above
            self._totals[table_index] = found
        return found

    def kept(
        self,
        key: tuple[object, ...],
        table_index: int,
        fig: Figure,
        part_column: int,
        whole_of: Callable[[int], Decimal | None],
    ) -> _Kept:
        """For each body row of the figure's column (totals and subtotals left out), whether
        it reproduces its printed value as its part over ``whole_of(row index)``: computed
        once per table, column and relation ``key``."""
        cache_key = (table_index, fig.column, part_column, *key)
        known = self._kept.get(cache_key)
        if known is None:
            found: dict[int, bool] = {}
            table = self.document.tables[table_index]
            column, kind, unit = fig.column or 0, _cell_kind(fig), _unit(fig)
            for k, r in enumerate(table.body, start=len(table.header)):
                if r.total or r.subtotal or max(column, part_column) >= len(r.cells):
                    continue
                a, c = r.cells[part_column], r.cells[column]
                whole = whole_of(k)
                if a.value is None or c.value is None or c.kind is not kind or not whole:
                    continue
                found[k] = rounds_to(a.value, whole, c.value, unit)
            known = _Kept(found)
            self._kept[cache_key] = known
        return known

    def line_of(self, pos: int) -> int:
        return bisect.bisect_right(self.line_starts, pos) - 1

    def counts_before(self, pos: int, *, lines_back: int = 0, limit: int = _WINDOW) -> list[int]:
        """Prose counts before ``pos``: those of its line, and of ``lines_back`` lines before."""
        line = self.line_of(pos)
        first_line_start = self.line_starts[max(0, line - lines_back)]
        hi = bisect.bisect_left(self.prose_starts, pos)
        lo = bisect.bisect_left(self.prose_starts, first_line_start)
        lo = max(lo, hi - limit)
        return self.prose_counts[lo:hi]

    def table_totals_near(self, pos: int) -> list[int]:
        """The total-row counts of the tables that start within a few lines of ``pos``
        (a sentence before a table, 「具体情况如下表」, or after it)."""
        line = self.line_of(pos)
        lo = self.line_starts[max(0, line - _FIT_LINES)]
        hi = self.line_starts[min(len(self.line_starts) - 1, line + 3)]
        tables = self.document.tables
        out: list[int] = []
        k = bisect.bisect_left(self.table_ends, lo)
        while k < len(tables) and tables[k].span[0] <= hi:
            for row in tables[k].body:
                if row.total:
                    out += [
                        j
                        for j in _cell_indices(self, row.cells)
                        if self.figures[j].kind in _AMOUNTS
                    ]
            k += 1
        return out

    def counts_in(self, span: tuple[int, int]) -> list[int]:
        lo = bisect.bisect_left(self.prose_starts, span[0])
        hi = bisect.bisect_left(self.prose_starts, span[1])
        return self.prose_counts[lo:hi][:_WINDOW]


def link(figures: Sequence[Figure], text: str, document: Document) -> list[Figure]:
    """Each percentage and ratio of ``figures`` with its part, whole and basis, where the text
    gives them (linear in the figures: each looks at a bounded window)."""
    out = list(figures)
    ctx = _Context(out, text, document)
    for i, fig in enumerate(out):
        if fig.kind not in _LINKED or fig.change:
            continue
        found = _table_link(ctx, fig) if fig.table is not None else _prose_link(ctx, i, fig)
        if found is None:
            continue
        part, whole, basis = found
        if not rounds_to(part.amount, whole.amount, fig.value, _unit(fig)):
            other = _other_reading(ctx, fig, part)
            if other is not None:
                part, whole, basis = *other, Basis.FIT
        out[i] = attrs.evolve(fig, part=_ref(ctx, part), whole=_ref(ctx, whole), basis=basis)
    _series(ctx, out)
    return out


_SERIES_MIN: Final = 2  # members of a series that must agree on its whole
_SHARE_AFTER: Final = re.compile(r"[，,]?(?:其中)?占(?:比|比例)?(?:为|达|约)?")


def _series(ctx: _Context, out: list[Figure]) -> None:
    """``A 300人，占30%；B 200人，占20%；C 100人，占15%``: shares written one after another,
    each right after its count. When at least two members reproduce their values over one
    whole, and none over another, a member without a link is of that whole too (basis
    ``SERIES``): the series shows what its shares divide."""
    for members in _shares_by_sentence(out):
        if len(members) < _SERIES_MIN + 1:
            continue
        parts = {i: _count_right_before(ctx, out[i]) for i in members}
        whole_ref = _series_whole(out, members, parts)
        if whole_ref is None:
            continue
        for i in members:
            part = parts[i]
            if out[i].whole is not None or part is None or part.amount > whole_ref.value:
                continue
            out[i] = attrs.evolve(out[i], part=_ref(ctx, part), whole=whole_ref, basis=Basis.SERIES)


def _shares_by_sentence(out: Sequence[Figure]) -> Iterable[list[int]]:
    """The shares of the prose (no change), grouped by sentence."""
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for i, fig in enumerate(out):
        if fig.table is None and fig.kind is FigureKind.PERCENT and fig.is_share and not fig.change:
            by_sentence.setdefault(fig.sentence_span, []).append(i)
    return by_sentence.values()


def _series_whole(
    out: Sequence[Figure], members: Sequence[int], parts: dict[int, Figure | None]
) -> Reference | None:
    """The whole of a series: the one whole of at least two members linked to the count
    right before them, if no member divides by another."""
    fitting = [
        fig.whole
        for i in members
        if (fig := out[i]).whole is not None
        and fig.part is not None
        and (part := parts[i]) is not None
        and fig.part.span == part.span
    ]
    if len({w.value for w in fitting}) != 1 or len(fitting) < _SERIES_MIN:
        return None
    wholes = {w.value for i in members if (w := out[i].whole) is not None}
    return fitting[-1] if wholes == {fitting[0].value} else None


def _count_right_before(ctx: _Context, fig: Figure) -> Figure | None:
    """The count written just before a share, with only 「，占」 (占比, 占比为…) between."""
    j = ctx.by_span[fig.span] - 1
    if j < 0:
        return None
    before = ctx.figures[j]
    if before.kind not in _AMOUNTS or before.sentence_span != fig.sentence_span:
        return None
    between = ctx.text[before.span[1] : fig.span[0]].replace(" ", "")
    return before if _SHARE_AFTER.fullmatch(between) else None


def _unit(fig: Figure) -> str:
    return "%" if fig.kind is FigureKind.PERCENT else fig.unit


def _ref(ctx: _Context, fig: Figure) -> Reference:
    """A figure as a part or a whole; a table cell named by its column (人数), not its row."""
    label = fig.label
    if fig.table is not None and fig.column is not None:
        label = ctx.document.tables[fig.table].column_name(fig.column) or label
    return Reference(value=fig.amount, label=label, span=fig.span)


#: Measure words that count the same things (people: 人, 名, 位).
_SAME_UNIT: Final = {"名": "人", "位": "人", "个": "個", "项": "項", "条": "條"}


def _compatible(a: Figure, b: Figure) -> bool:
    """Whether two counts count the same kind of thing (a unit missing in a table cell fits)."""
    if not a.unit or not b.unit or "个" in (a.unit, b.unit):
        return True  # a table cell's bare number; 个, the generic measure word (计划8825个)
    return _SAME_UNIT.get(a.unit, a.unit) == _SAME_UNIT.get(b.unit, b.unit)


# -- prose ------------------------------------------------------------------------------------


def _prose_link(ctx: _Context, i: int, fig: Figure) -> tuple[Figure, Figure, Basis] | None:
    figures = ctx.figures
    para = ctx.counts_before(fig.span[0])
    same = [j for j in para if figures[j].sentence_span == fig.sentence_span]
    after = ctx.counts_in((fig.span[1], fig.sentence_span[1]))
    found = (
        _by_rate_name(ctx, fig, [*para, *after])
        or _pairwise(ctx, fig, same)
        or _named_ratio(ctx, fig, para)
    )
    if found is not None:
        return found
    part = _prose_part(ctx, i, fig, para, same)
    if part is None:
        return None
    named = _named_whole(fig.label)
    if named:
        return _named_link(ctx, fig, part, named)
    return _implied_link(ctx, fig, part, same)


def _prose_part(
    ctx: _Context, i: int, fig: Figure, para: Sequence[int], same: Sequence[int]
) -> Figure | None:
    """The part of a share: the last count of its sentence since the previous share, else
    the count the share names."""
    figures = ctx.figures
    since = [j for j in same if figures[j].span[0] >= _previous_linked_end(ctx, i, fig)]
    part = figures[since[-1]] if since else _named_part(ctx, fig, para)
    subject = fig.label[: fig.label.find("占")] if "占" in fig.label else ""
    if part is not None and len(subject) >= 2 and _common(subject, part.label) < 2:
        # 「…副高职以上职称228人；双师素质教师占68.85%」: the share names its own part
        part = _named_part(ctx, fig, para)
    return part


def _named_link(
    ctx: _Context, fig: Figure, part: Figure, named: str
) -> tuple[Figure, Figure, Basis] | None:
    """The part over the whole the clause names, else over a table's total near it."""
    whole = _find_named(ctx, named, part, fig.value if fig.kind is FigureKind.PERCENT else None)
    if whole is not None:
        return part, whole, Basis.NAMED
    # the named whole is not written before: a table's total near it may be it
    whole = _fit(ctx, fig, part, ctx.table_totals_near(fig.span[0]))
    return None if whole is None else (part, whole, Basis.FIT)


def _implied_link(
    ctx: _Context, fig: Figure, part: Figure, same: Sequence[int]
) -> tuple[Figure, Figure, Basis] | None:
    """The part over the sentence's base, the head of its list, else the one earlier count
    that fits."""
    base = _sentence_base(ctx, part, same)
    if base is not None:
        return part, base, Basis.NAMED
    head = _list_head(ctx, fig, part, same)
    if head is not None:
        return part, head, Basis.LIST_HEAD
    if fig.kind is FigureKind.RATIO:
        return None
    earlier = ctx.counts_before(part.span[0], lines_back=_FIT_LINES, limit=_NAMED_BACK)
    whole = _fit(ctx, fig, part, [*earlier, *ctx.table_totals_near(fig.span[0])])
    return None if whole is None else (part, whole, Basis.FIT)


_FIT_LINES: Final = 8  # lines before a figure whose counts an arithmetic fit may take
# 「在7206名新生中，」「2022届3652名毕业生中，」: the count the sentence takes as its base
_BASE_AFTER: Final = re.compile(r"[^，,。；;：:\n]{0,15}中[，,：:]")


# 「外聘教师与专任教师人数之比为0.47:1」: the part is named before 与, the whole after it
_RATIO_NAMES: Final = re.compile(
    r"([^，,。；;与和]{1,12})[与和]([^，,。；;与和]{1,12}?)(?:人数|数量|数)?之?比"
)


def _named_ratio(
    ctx: _Context, fig: Figure, para: Sequence[int]
) -> tuple[Figure, Figure, Basis] | None:
    if fig.kind is not FigureKind.RATIO:
        return None
    m = _RATIO_NAMES.search(fig.label)
    if m is None:
        return None
    names = m.group(1).removesuffix("人数"), m.group(2)
    found: list[Figure] = []
    for name in names:
        matches = [
            ctx.figures[j] for j in para if _common(name, ctx.figures[j].label) >= min(len(name), 3)
        ]
        if not matches:
            return None
        found.append(matches[-1])
    part, whole = found
    if part.span == whole.span:
        return None
    return part, whole, Basis.NAMED


def _list_head(ctx: _Context, fig: Figure, part: Figure, same: Sequence[int]) -> Figure | None:
    """``发布信息164项，其中：招生13项，占7.9%；…``: a list after 其中 that follows its head
    directly (no percentage between them) gives its shares over the head."""
    start = max(fig.sentence_span[0], part.span[0] - _PAIRWISE_REACH)
    at = ctx.text.rfind("其中", start, part.span[0])
    if at < 0:
        return None
    heads = [ctx.figures[j] for j in same if ctx.figures[j].span[1] <= at]
    if not heads:
        return None
    head = heads[-1]
    between = ctx.text[head.span[1] : at]
    if "%" in between or "％" in between or len(between) > 6:
        return None
    # the share follows its part directly: 「招生13项，占7.9%」, not 「…228人；雙師教師占68.85%」
    if not fig.is_share or not _directly_after(ctx.text, part, fig):
        return None
    if not _compatible(head, part) or head.amount < part.amount:
        return None
    return head


def _directly_after(text: str, part: Figure, fig: Figure) -> bool:
    """Whether only a comma and 占 (占比, 占比为…) stand between a count and its share."""
    between = text[part.span[1] : fig.span[0]]
    return len(between) <= 6 and "占" in between and not any(ch in "；;。：:" for ch in between)


def _sentence_base(ctx: _Context, part: Figure, same: Sequence[int]) -> Figure | None:
    """A count the sentence sets as the base of what follows (``在7206名新生中，…``)."""
    for j in same:
        base = ctx.figures[j]
        if base.span[0] >= part.span[0] or base.amount < part.amount:
            continue
        if _BASE_AFTER.match(ctx.text, base.span[1], base.span[1] + 20):
            return base
    return None


def _previous_linked_end(ctx: _Context, i: int, fig: Figure) -> int:
    """The end of the previous percentage or ratio in ``fig``'s sentence (else its start)."""
    for j in range(i - 1, max(-1, i - _WINDOW), -1):
        other = ctx.figures[j]
        if other.sentence_span != fig.sentence_span:
            break
        if other.kind in _LINKED:
            return other.span[1]
    return fig.sentence_span[0]


def _rate_terms(label: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    return next((terms for name, terms in RATE_TERMS.items() if name in label[-8:]), None)


def _by_rate_name(
    ctx: _Context, fig: Figure, candidates: Iterable[int]
) -> tuple[Figure, Figure, Basis] | None:
    terms = _rate_terms(fig.label)
    if terms is None:
        return None
    parts, wholes = _named_by_terms(_rate_pool(ctx, fig, candidates), *terms)
    if not wholes or not parts:
        return None
    part = _nearest(parts, fig)
    others = [w for w in wholes if w.span != part.span and _compatible(w, part)]
    if not others:
        return None
    return part, _nearest(others, fig), Basis.RATE_NAME


def _named_by_terms(
    pool: Sequence[Figure], part_words: Sequence[str], whole_words: Sequence[str]
) -> tuple[list[Figure], list[Figure]]:
    """The counts of ``pool`` labelled as parts, and those labelled as wholes, of a rate."""
    wholes = [
        f
        for f in pool
        if _has(f, whole_words) and not _has(f, part_words) and not f.label.startswith("其中")
    ]
    parts = [f for f in pool if _has(f, part_words) and not _has(f, whole_words)]
    return parts or [f for f in pool if _has(f, part_words)], wholes


def _rate_pool(ctx: _Context, fig: Figure, candidates: Iterable[int]) -> list[Figure]:
    """The counts a rate's name may point to: of its table (or prose), else of its sentence."""
    pool = [ctx.figures[j] for j in candidates]
    if fig.table is not None:
        return [f for f in pool if f.table == fig.table or f.table is None]
    return [f for f in pool if f.sentence_span == fig.sentence_span]


def _has(f: Figure, words: Sequence[str]) -> bool:
    return any(w in f.label for w in words)


def _nearest(figures: Sequence[Figure], fig: Figure) -> Figure:
    """The nearest of ``figures`` before ``fig``, in its sentence first."""
    return max(figures, key=lambda f: (f.sentence_span == fig.sentence_span, f.span[0]))


_PAIRWISE: Final = "分别"
_PAIRWISE_REACH: Final = 200  # characters before a share where its 分别 may stand


def _pairwise(
    ctx: _Context, fig: Figure, same: Sequence[int]
) -> tuple[Figure, Figure, Basis] | None:
    """``分别为A人、B人，分别占X%、Y%``: the k-th share is of the k-th count."""
    text, figures = ctx.text, ctx.figures
    s_start = max(fig.sentence_span[0], fig.span[0] - _PAIRWISE_REACH)
    at = text.rfind(_PAIRWISE, s_start, fig.span[0])
    if at < 0:
        return None
    run = [
        f
        for f in _sentence_figures(ctx, fig)
        if f.kind is fig.kind and at < f.span[0] and not f.change
    ]
    run = _contiguous(text, run)
    if fig not in run or len(run) < 2:
        return None
    counts = _contiguous(text, [figures[j] for j in same if figures[j].span[1] <= at])
    if len(counts) < len(run):
        return None
    parts = counts[-len(run) :]
    part = parts[run.index(fig)]
    named = _named_whole(text[at : run[0].span[0]])
    if named:
        whole = _find_named(ctx, named, parts[0])
        return None if whole is None else (part, whole, Basis.PAIRWISE)
    whole = _pairwise_fit(ctx, parts, run)
    return None if whole is None else (part, whole, Basis.FIT)


def _pairwise_fit(ctx: _Context, parts: Sequence[Figure], run: Sequence[Figure]) -> Figure | None:
    """The nearest count before the parts that reproduces every share of the run."""
    for j in reversed(ctx.counts_before(parts[0].span[0])):
        candidate = ctx.figures[j]
        if all(
            _compatible(p, candidate) and rounds_to(p.amount, candidate.amount, f.value, _unit(f))
            for p, f in zip(parts, run, strict=True)
        ):
            return candidate
    return None


def _sentence_figures(ctx: _Context, fig: Figure) -> list[Figure]:
    i = ctx.by_span[fig.span]
    lo = i
    while lo > 0 and ctx.figures[lo - 1].sentence_span == fig.sentence_span and i - lo < _WINDOW:
        lo -= 1
    hi = i
    n = len(ctx.figures)
    while (
        hi + 1 < n and ctx.figures[hi + 1].sentence_span == fig.sentence_span and hi - i < _WINDOW
    ):
        hi += 1
    return list(ctx.figures[lo : hi + 1])


def _contiguous(text: str, run: Sequence[Figure]) -> list[Figure]:
    """The last stretch of ``run`` whose figures are written one after another, with only
    a label and a separator between them (no other clause)."""
    if not run:
        return []
    out = [run[-1]]
    for f in reversed(run[:-1]):
        between = text[f.span[1] : out[0].span[0]]
        if len(between) > 16 or any(ch in "。；;：:" for ch in between):
            break
        if not any(ch in _SEPARATORS for ch in between):
            break
        out.insert(0, f)
    return out


def _named_part(ctx: _Context, fig: Figure, para: Sequence[int]) -> Figure | None:
    """``升学占比为52%`` with no count before it: the part is the count named ``升学``."""
    stem = fig.label
    if "占" in stem and not stem.endswith("占比"):
        stem = stem[: stem.rfind("占")]  # 研究生占在校生总数的比例: the part is 研究生
    for word in ("占比", "比例", "比重", "率", "所占", "占", "其中"):
        stem = stem.replace(word, "")
    if len(stem) < 2:
        return None
    scored = [(j, _common(stem, ctx.figures[j].label)) for j in para]
    best = max(scored, key=lambda pair: (pair[1], pair[0]), default=None)
    if best is None or best[1] < max(2, len(stem) - 1):
        return None
    return ctx.figures[best[0]]


def _named_whole(label: str) -> str:
    """What a share's clause names as its whole (``占毕业生总数的`` → ``毕业生``)."""
    at = label.rfind("占")
    if at < 0:
        return ""
    named = label[at + 1 :].replace(" ", "").replace("\u3000", "")
    for _ in range(3):
        for word in (
            "的比例",
            "的比重",
            "比例",
            "比重",
            "的",
            "总数",
            "总人数",
            "人数",
            "比",
            "总",
        ):
            named = named.removesuffix(word)
    for word in ("全校", "全院", "学校", "我校", "全部", "所有"):
        named = named.removeprefix(word)
    return named


def _find_named(
    ctx: _Context, named: str, part: Figure, stated: Decimal | None = None
) -> Figure | None:
    """The count before ``part`` (its paragraph, or the paragraphs just before) whose label
    holds the named whole — all of it, or all but one character of a longer name — and that
    is not itself a part of that whole (a count followed by its own share of it). Of several
    such counts, the one that reproduces ``stated``; else one value they all share; else none."""
    candidates = ctx.counts_before(part.span[0], lines_back=6, limit=_NAMED_BACK)
    found = [ctx.figures[j] for j in candidates if _bears_name(ctx, j, named, part)]
    if not found:
        return None
    fitting = [w for w in found if stated is not None and rounds_to(part.amount, w.amount, stated)]
    if fitting:
        return fitting[-1]
    # counts of different values all bear the name (本科毕业生, 共有毕业生): the one written as
    # the total (共, 总, 合计, 全校) if only one is, else none
    if len({w.amount for w in found}) > 1:
        found = [w for w in found if any(t in w.label for t in _TOTAL_MARKS)]
    return found[-1] if len({w.amount for w in found}) == 1 else None


def _bears_name(ctx: _Context, j: int, named: str, part: Figure) -> bool:
    """Whether count ``j`` may be the whole ``named`` of ``part``: a count of the same things,
    not smaller, whose label holds the name, and not followed by its own share of it."""
    whole = ctx.figures[j]
    if not _compatible(whole, part) or whole.amount < part.amount or whole.change:
        return False
    label = whole.label.replace(" ", "")
    need = len(named) if len(named) <= 3 else len(named) - 1
    if _common(named, label) < need and not _in_order(named, label):
        return False
    following = ctx.figures[j + 1] if j + 1 < len(ctx.figures) else None
    # a sibling: 「中部地区就业1024人，占就业总人数的…」
    return not (
        following is not None
        and following.kind is FigureKind.PERCENT
        and _named_whole(following.label) == named
    )


_TOTAL_MARKS: Final = ("共", "总", "合计", "全校", "全院", "全体")


def _in_order(named: str, label: str) -> bool:
    """Whether every character of ``named`` stands in ``label``, in order (发布信息 in
    「主页发布各类信息」)."""
    rest = iter(label)
    return len(named) >= 2 and all(ch in rest for ch in named)


def _fit(ctx: _Context, fig: Figure, part: Figure, earlier: Sequence[int]) -> Figure | None:
    """The one value among ``earlier`` counts that reproduces ``fig`` as ``part``'s share."""
    fits: dict[Decimal, Figure] = {}
    for j in earlier:
        whole = ctx.figures[j]
        if whole.span == part.span or not _compatible(whole, part) or whole.change:
            continue
        if rounds_to(part.amount, whole.amount, fig.value, _unit(fig)):
            fits[whole.amount] = whole  # the nearest of equal values
    return _the_one(fits)


def _other_reading(ctx: _Context, fig: Figure, part: Figure) -> tuple[Figure, Figure] | None:
    """Another pair of the same sentence or row (or of the table's totals) that reproduces
    the printed value, if exactly one value of the whole does."""
    if fig.table is not None:
        table = ctx.document.tables[fig.table]
        row = table.rows[fig.row or 0]
        parts = [f for f in _cells_as_figures(ctx, row.cells) if f.kind in _AMOUNTS]
        wholes = parts + _table_wholes(ctx, table)
    else:
        parts = [f for f in _sentence_figures(ctx, fig) if f.kind in _AMOUNTS]
        wholes = parts + [ctx.figures[j] for j in ctx.counts_before(fig.span[0])]
    found: dict[tuple[Decimal, Decimal], tuple[Figure, Figure]] = {}
    for p in parts:
        for w in wholes:
            if p.span == w.span or not _compatible(p, w) or w.change or p.change:
                continue
            if rounds_to(p.amount, w.amount, fig.value, _unit(fig)):
                found.setdefault((p.amount, w.amount), (p, w))
    return _the_one(found)


# -- tables -----------------------------------------------------------------------------------


def _cell_indices(ctx: _Context, cells: Iterable[Cell]) -> list[int]:
    """The indices of the figures the cells hold (labels and empty cells hold none)."""
    return [j for cell in cells if (j := ctx.by_span.get(cell.span)) is not None]


def _cells_as_figures(ctx: _Context, cells: Iterable[Cell]) -> list[Figure]:
    return [ctx.figures[j] for j in _cell_indices(ctx, cells)]


def _table_wholes(ctx: _Context, table: Table) -> list[Figure]:
    wholes = [
        f
        for row in table.body
        if row.total or row.subtotal
        for f in _cells_as_figures(ctx, row.cells)
        if f.kind in _AMOUNTS
    ]
    if table.caption_span is not None:
        wholes += [ctx.figures[j] for j in ctx.counts_in(table.caption_span)]
    return wholes


def _table_link(ctx: _Context, fig: Figure) -> tuple[Figure, Figure, Basis] | None:
    table = ctx.document.tables[fig.table or 0]
    row = table.rows[fig.row or 0]
    by_name = _table_rate_name(ctx, fig, table)
    if by_name is not None:
        return by_name
    part_column = _part_column(row, fig.column or 0)
    if part_column is None:
        return None
    part = ctx.figures[ctx.by_span[row.cells[part_column].span]]
    if row.total and rounds_to(part.amount, part.amount, fig.value, _unit(fig)):
        return part, part, Basis.TABLE_TOTAL  # the total is 100% of itself
    return (
        _total_row_link(ctx, fig, row, part, part_column)
        or _row_relation(ctx, fig, row, part_column)
        or _caption_link(ctx, fig, table, part, part_column)
        or _fit_before(ctx, fig, table, part, part_column)
    )


def _table_rate_name(
    ctx: _Context, fig: Figure, table: Table
) -> tuple[Figure, Figure, Basis] | None:
    """A rate's name read over the table's counts and its caption's."""
    if _rate_terms(fig.label) is None:
        return None
    pool = [ctx.by_span[f.span] for f in _table_figures(ctx, table) if f.kind in _AMOUNTS]
    if table.caption_span is not None:
        pool = ctx.counts_in(table.caption_span) + pool
    return _by_rate_name(ctx, fig, pool)


def _part_column(row: Row, column: int) -> int | None:
    """The last column of counts left of ``column`` in ``row``: the part's."""
    return next(
        (k for k in range(min(column, len(row.cells)) - 1, -1, -1) if row.cells[k].kind in _COUNTS),
        None,
    )


def _total_row_link(
    ctx: _Context, fig: Figure, row: Row, part: Figure, part_column: int
) -> tuple[Figure, Figure, Basis] | None:
    """The part over its row's total row, when the other rows of the column keep that
    relation: a relation of the table's structure is explicit only when the other rows keep
    it (most of them, and at least one); else the column divides by something else."""
    if row.total:
        return None
    t = fig.table or 0
    totals = ctx.total_rows(t)
    total = totals[fig.row or 0]
    if total is None or part_column >= len(total.cells):
        return None
    cell = total.cells[part_column]
    if cell.kind not in _COUNTS or not _supported(
        ctx.kept(("total",), t, fig, part_column, _total_value(totals, part_column)), fig
    ):
        return None
    return part, ctx.figures[ctx.by_span[cell.span]], Basis.TABLE_TOTAL


def _caption_link(
    ctx: _Context, fig: Figure, table: Table, part: Figure, part_column: int
) -> tuple[Figure, Figure, Basis] | None:
    """The part over the total the caption states, when the other rows keep that relation
    (or the one caption count that fits)."""
    if table.caption_span is None:
        return None
    found = _caption_whole(ctx, fig, table, part, part_column)
    if found is None:
        return None
    stated = found[1]
    caption = ctx.kept(
        ("caption", stated.span), fig.table or 0, fig, part_column, lambda _: stated.amount
    )
    return found if found[2] is Basis.FIT or _supported(caption, fig) else None


def _fit_before(
    ctx: _Context, fig: Figure, table: Table, part: Figure, part_column: int
) -> tuple[Figure, Figure, Basis] | None:
    """The one count before the table that fits the whole column, else this row."""
    before = ctx.counts_before(table.span[0], lines_back=_FIT_LINES, limit=_NAMED_BACK)
    fitted = _column_fit(ctx, fig, part_column, before) or _fit(ctx, fig, part, before)
    return None if fitted is None else (part, fitted, Basis.FIT)


def _total_value(totals: Sequence[Row | None], column: int) -> Callable[[int], Decimal | None]:
    """The value, in ``column``, of each row's total row (``None`` where there is none)."""

    def value(row_index: int) -> Decimal | None:
        total = totals[row_index]
        if total is None or column >= len(total.cells):
            return None
        cell = total.cells[column]
        return cell.value if cell.kind in _COUNTS else None

    return value


class _Kept:
    """Which rows of a column keep a relation, and how many do and do not."""

    def __init__(self, rows: dict[int, bool]) -> None:
        self.rows = rows
        self.kept = sum(rows.values())
        self.broken = len(rows) - self.kept

    def others(self, row: int | None) -> tuple[int, int]:
        """How many rows other than ``row`` keep the relation, and how many do not."""
        own = self.rows.get(row) if row is not None else None
        return self.kept - (own is True), self.broken - (own is False)


def _supported(kept: _Kept, fig: Figure) -> bool:
    """Whether the other rows of the figure's column keep a relation: at least one, and at
    least as many as do not."""
    yes, no = kept.others(fig.row)
    return yes >= 1 and yes >= no


def _column_fit(
    ctx: _Context, fig: Figure, part_column: int, candidates: Sequence[int]
) -> Figure | None:
    """The one value among the counts before the table that reproduces every percentage of
    the figure's column from its row's count (small shares fit many wholes one by one);
    found once per column."""
    key = (fig.table or 0, fig.column or 0, part_column)
    if key not in ctx._column_fits:
        table = ctx.document.tables[key[0]]
        column = key[1]
        pairs = [
            (r.cells[part_column].value, r.cells[column].value)
            for r in table.body
            if not r.total
            and max(column, part_column) < len(r.cells)
            and r.cells[part_column].kind in _COUNTS
            and r.cells[column].kind is _cell_kind(fig)
        ]
        fits: dict[Decimal, Figure] = {}
        for j in candidates if len(pairs) >= 2 else ():
            whole = ctx.figures[j]
            if all(
                a is not None and c is not None and rounds_to(a, whole.amount, c, _unit(fig))
                for a, c in pairs
            ):
                fits[whole.amount] = whole
        ctx._column_fits[key] = _the_one(fits)
    return ctx._column_fits[key]


def _the_one(found: dict[Any, _T]) -> _T | None:
    """The one value found, or ``None`` when none or several were (no link on a guess)."""
    return next(iter(found.values())) if len(found) == 1 else None


_ROW_RELATION_MIN: Final = 2  # other rows that must keep the relation


def _row_relation(
    ctx: _Context, fig: Figure, row: Row, part_column: int
) -> tuple[Figure, Figure, Basis] | None:
    """``| 483 | 157 | 32.51% |``: the percentage is the part over another count of its row,
    as in every other row of the same columns (at least two, and five for each that does not)."""
    table = ctx.document.tables[fig.table or 0]
    for other, cell in enumerate(row.cells):
        if other in (part_column, fig.column) or cell.kind not in _COUNTS:
            continue

        def whole_of(row_index: int, other: int = other) -> Decimal | None:
            cells = table.rows[row_index].cells
            return cells[other].value if other < len(cells) else None

        kept = ctx.kept(("row", other), fig.table or 0, fig, part_column, whole_of)
        yes, no = kept.others(fig.row)
        if yes >= _ROW_RELATION_MIN and no * 5 <= yes:
            part = ctx.figures[ctx.by_span[row.cells[part_column].span]]
            return part, ctx.figures[ctx.by_span[cell.span]], Basis.TABLE_ROW
    return None


def _cell_kind(fig: Figure) -> CellKind:
    """The kind of the cells that hold figures like ``fig`` (a percentage or a ratio)."""
    return CellKind.PERCENT if fig.kind is FigureKind.PERCENT else CellKind.RATIO


def _table_figures(ctx: _Context, table: Table) -> list[Figure]:
    return [f for row in table.body for f in _cells_as_figures(ctx, row.cells)]


def _caption_whole(
    ctx: _Context, fig: Figure, table: Table, part: Figure, part_column: int
) -> tuple[Figure, Figure, Basis] | None:
    assert table.caption_span is not None
    captions = [ctx.figures[j] for j in ctx.counts_in(table.caption_span)]
    captions = [c for c in captions if c.amount >= part.amount and not c.change]
    if not captions:
        return None
    total = _caption_total(captions, _column_sum(table, part_column))
    if total is not None:
        return part, total, Basis.TABLE_CAPTION
    fit = _the_one(
        {c.amount: c for c in captions if rounds_to(part.amount, c.amount, fig.value, _unit(fig))}
    )
    return None if fit is None else (part, fit, Basis.FIT)


def _caption_total(captions: Sequence[Figure], column_sum: Decimal) -> Figure | None:
    """The caption's count that equals the column's sum, else the one named as a total."""
    exact = [c for c in captions if c.amount == column_sum]
    if exact:
        return exact[0]
    totals = [c for c in captions if any(w in c.label for w in ("共", "合计", "总"))]
    return totals[0] if len(totals) == 1 else None


def _column_sum(table: Table, column: int) -> Decimal:
    """The sum of the counts of a column, totals and subtotals left out."""
    return sum(
        (
            row.cells[column].value or Decimal(0)
            for row in table.body
            if not row.total
            and not row.subtotal
            and column < len(row.cells)
            and row.cells[column].kind is CellKind.COUNT
        ),
        Decimal(0),
    )


def _common(a: str, b: str) -> int:
    """The length of the longest common substring of two short labels."""
    a, b = a[-40:], b[-40:]
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size
