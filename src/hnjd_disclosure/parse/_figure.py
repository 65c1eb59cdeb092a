"""The types of the figure reader: a figure, its kind, the figures it refers to, and why."""

from __future__ import annotations

import enum
from decimal import Decimal

from attrs import frozen

__all__ = ["Basis", "Figure", "FigureKind", "Reference"]


class FigureKind(enum.Enum):
    """What a figure is: a count, a percentage, a ratio, a 万/亿 figure, a change in points,
    a ranking.

    >>> from hnjd_disclosure.parse import extract_figures
    >>> text = "共300人，占60%，1.9万人，提高2个百分点，前50名，生师比17.5:1"
    >>> [f.kind.value for f in extract_figures(text)]
    ['count', 'percent', 'wan', 'points', 'ranking', 'ratio']
    """

    COUNT = "count"
    PERCENT = "percent"
    WAN = "wan"
    POINTS = "points"
    RANKING = "ranking"
    RATIO = "ratio"


class Basis(enum.Enum):
    """Why a percentage or ratio is linked to its part and whole.

    * ``NAMED``: the clause names the whole (``占毕业生总数的8.58%``), or the sentence sets it
      (``在7206名新生中，…4477人，占62.13%``);
    * ``RATE_NAME``: the rate's name says what it divides (``录取率`` is 录取 ÷ 计划);
    * ``TABLE_TOTAL``: a table row's count over its column's total row (合计、总计);
    * ``TABLE_CAPTION``: a table row's count over the total the line before the table states;
    * ``TABLE_ROW``: a row's count over another count of the same row, the relation every
      other row of those columns keeps (``生源人数 | 回生源地就业人数 | 比例``);
    * ``LIST_HEAD``: a share in a list after 「其中」 that follows its head directly
      (``发布信息164项，其中：招生13项，占7.9%；…``), over the head;
    * ``SERIES``: a share in a series of shares, each right after its count, at least two of
      which reproduce their values over one whole and none over another (``A 300人，占30%；
      B 200人，占20%；C 100人，占15%``), over that whole;
    * ``PAIRWISE``: a list written pairwise (``分别为A人、B人，分别占X%、Y%``), over a named whole;
    * ``FIT``: the one pair of nearby counts that reproduces the printed value: a link that
      only arithmetic suggests, used to link, never to accuse.

    >>> [b.value for b in Basis if not b.explicit]
    ['fit']
    """

    NAMED = "named"
    RATE_NAME = "rate-name"
    TABLE_TOTAL = "table-total"
    TABLE_CAPTION = "table-caption"
    TABLE_ROW = "table-row"
    LIST_HEAD = "list-head"
    SERIES = "series"
    PAIRWISE = "pairwise"
    FIT = "fit"

    @property
    def explicit(self) -> bool:
        """Whether the text itself says what the figure divides (a mismatch is an error).

        >>> Basis.NAMED.explicit, Basis.FIT.explicit
        (True, False)
        """
        return self is not Basis.FIT


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

    >>> from hnjd_disclosure.parse import extract_figures
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
    basis: Basis | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None

    @property
    def amount(self) -> Decimal:
        """The number the figure stands for (``1.9万`` → 19000).

        >>> from hnjd_disclosure.parse import extract_figures
        >>> extract_figures("关注人数1.9万人")[0].amount
        Decimal('19000')
        """
        if self.kind is not FigureKind.WAN:
            return self.value
        amount = self.value * (10_000 if self.unit.startswith(("万", "萬")) else 100_000_000)
        # 1.9万 is 19000, not 19000.0: a whole amount drops the printed decimals
        return Decimal(int(amount)) if amount == amount.to_integral_value() else amount

    @property
    def is_rate(self) -> bool:
        """A percentage named as a rate (``录取率``).

        >>> from hnjd_disclosure.parse import extract_figures
        >>> [f.is_rate for f in extract_figures("录取率为99.90%，省内就业占比72.78%")]
        [True, False]
        """
        return self.kind is FigureKind.PERCENT and self.label.endswith("率")

    @property
    def is_share(self) -> bool:
        """A percentage named as a share (``占比``, ``占…的``, ``比例``, ``比重``).

        >>> from hnjd_disclosure.parse import extract_figures
        >>> [f.is_share for f in extract_figures("录取率为99.90%，省内就业占比72.78%")]
        [False, True]
        """
        return self.kind is FigureKind.PERCENT and (
            "占" in self.label or self.label.endswith(("比例", "比重")) or self.table is not None
        )
