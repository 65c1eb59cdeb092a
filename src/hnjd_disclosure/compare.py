"""Two reports side by side: every figure, its change, and the change as a Chinese sentence.

:func:`compare` pairs the :func:`~hnjd_disclosure.records.records` of two reports by field
path and source (published, or computed from the counts), so a changed count shows up with
every computed rate it moves. Changes are exact: ``int`` for counts, :class:`~decimal.Decimal`
for percentages and 万 figures, :class:`~fractions.Fraction` for the relative change; the
change of a percentage is also given in percentage points (百分点). Figures present in only
one report are kept, marked as such.

>>> import attrs
>>> from hnjd_disclosure import Count, builtin_report
>>> old = builtin_report(2022)
>>> adm = old.proactive.admissions
>>> new = attrs.evolve(old, proactive=attrs.evolve(old.proactive,
...     admissions=attrs.evolve(adm, planned=Count(value=5400, unit="人"))))
>>> for line in compare(old, new).sentences():
...     print(line)
计划招生较原报告增加100人
录取率（按计数计算）较原报告降低1.85个百分点
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, ClassVar, Final

from attrs import frozen

from ._table import html_table, markdown_table, number, pandas_module
from .model import AnnualReport
from .records import COMPUTED, Record, Value, records
from .stats import round_fraction

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["Change", "Comparison", "Presence", "compare"]


class Presence(enum.Enum):
    """Whether a figure is in both reports or in one only.

    >>> c = Change(path="a", label="x", kind="count", source="published", unit="人",
    ...            old=None, new=1)
    >>> c.presence is Presence.NEW_ONLY
    True
    """

    BOTH = "both"
    OLD_ONLY = "old-only"
    NEW_ONLY = "new-only"


_NUMERIC: Final = frozenset({"count", "percent", "wan", "number"})


def _signed(value: int | Decimal) -> str:
    return f"+{value}" if value > 0 else str(value)


@frozen(kw_only=True)
class Change:
    """One figure in the old and the new report (``None`` where a report lacks it).

    >>> c = Change(path="a", label="计划招生", kind="count", source="published", unit="人",
    ...            old=5300, new=5400)
    >>> c.delta, c.relative, c.sentence("上年")
    (100, Fraction(1, 53), '计划招生较上年增加100人')
    """

    path: str
    label: str
    kind: str
    source: str
    unit: str
    old: Value | None
    new: Value | None

    @property
    def presence(self) -> Presence:
        """In both reports, or in one only.

        >>> Change(path="a", label="计划招生", kind="count", source="published", unit="人",
        ...        old=5300, new=None).presence
        <Presence.OLD_ONLY: 'old-only'>
        """
        if self.old is None:
            return Presence.NEW_ONLY
        if self.new is None:
            return Presence.OLD_ONLY
        return Presence.BOTH

    @property
    def changed(self) -> bool:
        """Whether the figure differs (a figure in one report only counts as changed).

        >>> Change(path="a", label="计划招生", kind="count", source="published", unit="人",
        ...        old=5300, new=5300).changed
        False
        """
        return self.old != self.new

    @property
    def delta(self) -> int | Decimal | None:
        """``new - old`` for numeric figures in both reports; for rates it is in points.

        >>> Change(path="a", label="计划招生", kind="count", source="published", unit="人",
        ...        old=5300, new=5400).delta
        100
        """
        if self.kind not in _NUMERIC or self.old is None or self.new is None:
            return None
        assert not isinstance(self.old, str)
        assert not isinstance(self.new, str)
        return self.new - self.old

    @property
    def relative(self) -> Fraction | None:
        """``(new - old) / old`` exactly; ``None`` when undefined (old is zero, or not numeric).

        >>> Change(path="a", label="计划招生", kind="count", source="published", unit="人",
        ...        old=5300, new=5400).relative
        Fraction(1, 53)
        """
        delta = self.delta
        if delta is None or not self.old:
            return None
        assert not isinstance(self.old, str)
        return Fraction(delta) / Fraction(self.old)

    @property
    def points(self) -> Decimal | None:
        """The change of a percentage in percentage points (百分点); ``None`` otherwise.

        >>> from decimal import Decimal
        >>> Change(path="r", label="录取率", kind="percent", source="published", unit="%",
        ...        old=Decimal("99.90"), new=Decimal("99.83")).points
        Decimal('-0.07')
        """
        delta = self.delta
        return Decimal(delta) if self.kind == "percent" and delta is not None else None

    @property
    def name(self) -> str:
        """The label, marked when the figure is computed rather than published.

        >>> Change(path="r", label="录取率", kind="percent", source="computed", unit="%",
        ...        old=None, new=None).name
        '录取率（按计数计算）'
        """
        return f"{self.label}（按计数计算）" if self.source == COMPUTED else self.label

    def _show(self, value: Value | None) -> str:
        return "" if value is None else f"{value}{self.unit}"

    def sentence(self, reference: str, current: str = "本年") -> str:
        """The change as a Chinese sentence: the old report is ``reference`` (``上年``,
        ``2021年``), the new one ``current``.

        A computed rate is missing from a report only when its whole is zero: it is said to
        be undefined there, not unlisted.

        >>> Change(path="r", label="录取率", kind="percent", source="computed", unit="%",
        ...        old=Decimal("99.91"), new=None).sentence("上年")
        '录取率（按计数计算）：上年为99.91%，本年无法计算（分母为0）'
        """
        missing = "无法计算（分母为0）" if self.source == COMPUTED else "未列出"
        if self.presence is Presence.OLD_ONLY:
            return f"{self.name}：{reference}为{self._show(self.old)}，{current}{missing}"
        if self.presence is Presence.NEW_ONLY:
            return f"{self.name}：{current}为{self._show(self.new)}，{reference}{missing}"
        delta = self.delta
        if delta is None:
            if not self.changed:
                return f"{self.name}与{reference}相同"
            return f"{self.name}由{self._show(self.old)}变为{self._show(self.new)}"
        if delta == 0:
            return f"{self.name}与{reference}持平"
        if self.kind == "percent":
            verb = "提高" if delta > 0 else "降低"
            return f"{self.name}较{reference}{verb}{abs(delta)}个百分点"
        verb = "增加" if delta > 0 else "减少"
        return f"{self.name}较{reference}{verb}{abs(delta)}{self.unit}"

    def row(self) -> list[str]:
        """The cells of this change in :attr:`Comparison.HEADERS` order.

        >>> Change(path="a", label="计划招生", kind="count", source="published", unit="人",
        ...        old=5300, new=5400).row()
        ['计划招生', '5300人', '5400人', '+100', '', '+1.89%', 'a']
        """
        delta, relative, points = self.delta, self.relative, self.points
        return [
            self.name,
            self._show(self.old),
            self._show(self.new),
            "" if delta is None or points is not None else _signed(delta),
            "" if points is None else _signed(points),
            "" if relative is None else _signed(round_fraction(relative * 100, 2)) + "%",
            self.path,
        ]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping: exact numbers as strings, absent values as ``None``.

        >>> d = Change(path="a", label="计划招生", kind="count", source="published", unit="人",
        ...            old=5300, new=5400).to_dict()
        >>> d["presence"], d["delta"], d["relative"], d["points"]
        ('both', '100', '1/53', None)
        """

        def text(value: object) -> str | None:
            return None if value is None else str(value)

        return {
            "path": self.path,
            "label": self.label,
            "kind": self.kind,
            "source": self.source,
            "unit": self.unit,
            "presence": self.presence.value,
            "old": text(self.old),
            "new": text(self.new),
            "delta": text(self.delta),
            "relative": text(self.relative),
            "points": text(self.points),
        }


@frozen(kw_only=True)
class Comparison:
    """Every figure of two reports side by side (see :func:`compare`).

    >>> from hnjd_disclosure import builtin_report
    >>> same = compare(builtin_report(2022), builtin_report(2022))
    >>> same.changed, same.sentences()
    ((), ())
    """

    old_year: int
    new_year: int
    changes: tuple[Change, ...]

    HEADERS: ClassVar[tuple[str, ...]] = (
        "项目",
        "原值",
        "新值",
        "变化",
        "百分点",
        "相对变化",
        "字段",
    )

    @property
    def same_year(self) -> bool:
        """Whether both reports are of one year (two versions, or two institutions).

        >>> Comparison(old_year=2022, new_year=2022, changes=()).same_year
        True
        """
        return self.old_year == self.new_year

    @property
    def reference(self) -> str:
        """How the new report names the old one: ``上年``, ``2020年`` if not consecutive, or
        ``原报告`` (the original report) if both are of the same year.

        >>> years = (2021, 2020, 2022)
        >>> [Comparison(old_year=y, new_year=2022, changes=()).reference for y in years]
        ['上年', '2020年', '原报告']
        """
        if self.same_year:
            return "原报告"
        return "上年" if self.new_year == self.old_year + 1 else f"{self.old_year}年"

    @property
    def current(self) -> str:
        """How the sentences name the new report: ``本年``, or ``新报告`` for the same year.

        >>> [Comparison(old_year=y, new_year=2022, changes=()).current for y in (2021, 2022)]
        ['本年', '新报告']
        """
        return "新报告" if self.same_year else "本年"

    @property
    def changed(self) -> tuple[Change, ...]:
        """The changes that are changes: different, or present in one report only.

        >>> from hnjd_disclosure import builtin_report
        >>> compare(builtin_report(2022), builtin_report(2022)).changed
        ()
        """
        return tuple(c for c in self.changes if c.changed)

    def sentences(self, *, everything: bool = False) -> tuple[str, ...]:
        """One Chinese sentence per changed figure (per figure, with ``everything``).

        >>> import attrs
        >>> from hnjd_disclosure import Count, builtin_report
        >>> old = builtin_report(2022)
        >>> adm = attrs.evolve(old.proactive.admissions, planned=Count(value=5400, unit="人"))
        >>> proactive = attrs.evolve(old.proactive, admissions=adm)
        >>> new = attrs.evolve(old, year=2023, proactive=proactive)
        >>> compare(old, new).sentences()
        ('计划招生较上年增加100人', '录取率（按计数计算）较上年降低1.85个百分点')
        """
        chosen = self.changes if everything else self.changed
        return tuple(c.sentence(self.reference, self.current) for c in chosen)

    def rows(self, *, everything: bool = False) -> list[list[str]]:
        """The table of changed figures (of all, with ``everything``), in :attr:`HEADERS` order.

        >>> from hnjd_disclosure import builtin_report
        >>> same = compare(builtin_report(2022), builtin_report(2022))
        >>> same.rows(), same.rows(everything=True)[0]
        ([], ['部分数（所述）', '8个', '8个', '0', '', '0.00%', 'stated_part_count'])
        """
        return [c.row() for c in (self.changes if everything else self.changed)]

    def to_dict(self, *, everything: bool = True) -> dict[str, Any]:
        """A JSON-ready mapping of the two years and every change (only the changed figures
        with ``everything=False``, as ``diff --json`` without ``--all``).

        >>> from hnjd_disclosure import builtin_report
        >>> same = compare(builtin_report(2022), builtin_report(2022))
        >>> d = same.to_dict()
        >>> d["old_year"], d["new_year"], d["changes"][0]["label"], d["changes"][0]["delta"]
        (2022, 2022, '部分数（所述）', '0')
        >>> same.to_dict(everything=False)["changes"]
        []
        """
        return {
            "old_year": self.old_year,
            "new_year": self.new_year,
            "changes": [c.to_dict() for c in (self.changes if everything else self.changed)],
        }

    def to_dataframe(self, *, everything: bool = True) -> pandas.DataFrame:
        """Every change (only the changed ones with ``everything=False``) as a pandas DataFrame:
        ``old``, ``new``, ``delta``, ``points`` and ``relative`` numeric (``float64``, NaN where
        absent), ``old_display`` and ``new_display`` as printed.

        >>> from hnjd_disclosure import builtin_report
        >>> frame = compare(builtin_report(2022), builtin_report(2022)).to_dataframe()
        >>> planned = frame[frame.path == "proactive.admissions.planned"].iloc[0]
        >>> float(planned.old), float(planned.delta), planned.old_display
        (5300.0, 0.0, '5300人')

        Raises:
            ImportError: if pandas is not installed, saying how to install it.
        """
        pandas = pandas_module("Comparison.to_dataframe")
        chosen = self.changes if everything else self.changed
        numeric = ("old", "new", "delta", "points", "relative")
        rows = [
            (
                *(c.path, c.label, c.kind, c.source, c.unit, c.presence.value),
                *(number(getattr(c, name)) for name in numeric),
                *(c._show(c.old), c._show(c.new)),
            )
            for c in chosen
        ]
        columns = ["path", "label", "kind", "source", "unit", "presence", *numeric]
        frame = pandas.DataFrame(rows, columns=[*columns, "old_display", "new_display"])
        return frame.astype(dict.fromkeys(numeric, "float64"))

    def to_text(self) -> str:
        """The changed figures as Chinese sentences, one a line.

        >>> c = Change(path="a", label="计划招生", kind="count", source="published", unit="人",
        ...            old=5300, new=5400)
        >>> print(Comparison(old_year=2021, new_year=2022, changes=(c,)).to_text(), end="")
        计划招生较上年增加100人
        """
        lines = self.sentences() or (f"与{self.reference}相比，没有变化",)
        return "".join(f"{line}\n" for line in lines)

    def headers(self) -> list[str]:
        """The table headers, with the two years (and which report is which, for one year).

        >>> Comparison(old_year=2021, new_year=2022, changes=()).headers()[:3]
        ['项目', '2021年', '2022年']
        >>> Comparison(old_year=2022, new_year=2022, changes=()).headers()[1]
        '原报告（2022年）'
        """
        if self.same_year:
            old, new = f"原报告（{self.old_year}年）", f"新报告（{self.new_year}年）"
        else:
            old, new = f"{self.old_year}年", f"{self.new_year}年"
        return [*self.HEADERS[:1], old, new, *self.HEADERS[3:]]

    def _repr_html_(self) -> str:
        if self.same_year:
            caption = f"{self.new_year}年的两份报告比较：{len(self.changed)}项变化"
        else:
            caption = f"{self.new_year}年与{self.old_year}年比较：{len(self.changed)}项变化"
        return html_table(self.headers(), self.rows(everything=True), caption=caption)

    def _repr_markdown_(self) -> str:
        return markdown_table(self.headers(), self.rows(everything=True))


def _keyed(rows: tuple[Record, ...]) -> dict[tuple[str, str], Record]:
    return {(r.path, r.source): r for r in rows}


def _pairs(old: AnnualReport, new: AnnualReport) -> Iterator[Change]:
    before, after = _keyed(records(old)), _keyed(records(new))
    keys = list(before) + [k for k in after if k not in before]
    for key in keys:
        a, b = before.get(key), after.get(key)
        some = a if a is not None else b
        assert some is not None
        yield Change(
            path=some.path,
            label=some.label,
            kind=some.kind,
            source=some.source,
            unit=some.unit,
            old=None if a is None else a.value,
            new=None if b is None else b.value,
        )


def compare(old: AnnualReport, new: AnnualReport) -> Comparison:
    """Every figure of ``old`` and ``new`` side by side, with its change.

    >>> from hnjd_disclosure import builtin_report
    >>> report = builtin_report(2022)
    >>> c = compare(report, report)
    >>> len(c.changes) == len(c.rows(everything=True)), c.to_text()
    (True, '与原报告相比，没有变化\\n')
    """
    return Comparison(old_year=old.year, new_year=new.year, changes=tuple(_pairs(old, new)))
