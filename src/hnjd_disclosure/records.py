"""Flat records of every figure of one or many reports, for tables and data frames.

The walk is generic: every attrs field whose metadata has a ``kind`` (count, percent, 万
figure, ranking, stated number) is a figure, with its Chinese ``label`` and ``unit`` from the
same metadata. The rates computed from the counts (:data:`hnjd_disclosure.stats.RATES`)
come as extra records whose ``source`` is ``"computed"``, rounded half-up to the decimals
the report printed; a rate of a zero whole is undefined and has no record.

>>> from hnjd_disclosure import builtin_report
>>> rows = records(builtin_report(2022))
>>> [(r.label, r.display, r.source) for r in rows if r.path.endswith("admission_rate")]
[('录取率', '99.90%', 'published'), ('录取率', '99.91%', 'computed')]
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import cache, partial
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import attrs

from ._table import html_table, number, pandas_module
from .errors import ZeroWholeError
from .model import AnnualReport
from .model._fields import KIND, LABEL, UNIT
from .quantities import Count, Ranking, StatedPercent, WanFigure
from .stats import RATES, computed_rate

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = [
    "COMPUTED",
    "PUBLISHED",
    "Record",
    "field_label",
    "records",
    "report_html",
    "to_dataframe",
]

PUBLISHED: Final = "published"
COMPUTED: Final = "computed"

Value = int | Decimal | str


class Record(NamedTuple):
    """One figure of one report: a row of a table (an immutable named tuple, so that a corpus
    of reports gives its records cheaply: about 0.2 µs a row against 0.8 µs for a frozen attrs
    class, which was a seventh of loading, auditing and tabulating a report).

    ``value`` is an ``int`` for counts and stated numbers, a :class:`~decimal.Decimal` for
    percentages (the number before ``%``) and 万 figures (the number before ``万``), and the
    text for rankings. ``source`` is ``"published"`` or ``"computed"``.

    >>> from hnjd_disclosure import builtin_report
    >>> r = next(r for r in records(builtin_report(2022)) if r.label == "计划招生")
    >>> r.value, r.unit, r.kind, r.source
    (5300, '人', 'count', 'published')
    """

    year: int
    institution: str
    path: str
    label: str
    value: Value
    unit: str
    kind: str
    source: str

    @property
    def display(self) -> str:
        """The figure as the report writes it (``5300人``, ``99.90%``, ``1.9万人``).

        >>> from hnjd_disclosure import builtin_report
        >>> [r.display for r in records(builtin_report(2022)) if r.label == "录取率"]
        ['99.90%', '99.91%']
        """
        return f"{self.value}{self.unit}"


#: Record from a tuple of its 8 fields in order: ``tuple.__new__`` called from C, without the
#: keyword handling of ``Record(...)`` or the length check of ``Record._make``.
_new_record: Final[Callable[[tuple[Any, ...]], Record]] = partial(tuple.__new__, Record)


def _attrs_class(tp: Any) -> type | None:
    if attrs.has(tp):
        return typing.cast(type, tp)
    for arg in typing.get_args(tp):
        found = _attrs_class(arg)
        if found is not None:
            return found
    return None


@cache
def _field(path: str) -> attrs.Attribute[Any]:
    cls: type | None = AnnualReport
    found: attrs.Attribute[Any] | None = None
    for name in path.split("."):
        if cls is None:
            raise KeyError(path)
        fields = {a.name: a for a in attrs.fields(attrs.resolve_types(cls))}
        if name not in fields:
            raise KeyError(path)
        found = fields[name]
        cls = _attrs_class(found.type)
    assert found is not None
    return found


def field_label(path: str) -> str:
    """The Chinese label of the field at a dotted ``path`` of :class:`AnnualReport`.

    >>> field_label("proactive.admissions.employment.placement_rate")
    '初次就业去向落实率'

    Raises:
        KeyError: if no field has that path.
    """
    label: str = _field(path).metadata.get(LABEL, "")
    return label or path.rpartition(".")[2]


def _figure_value(figure: object, unit: str) -> tuple[Value, str]:
    """A figure's value and the unit it is written with (``unit`` from the field's metadata
    when the figure does not carry its own)."""
    kind = type(figure)
    if kind is Count:
        return figure.value, figure.unit or unit  # type: ignore[attr-defined]
    if kind is StatedPercent:
        return figure.value, "%"  # type: ignore[attr-defined]
    if kind is WanFigure:
        return figure.value, "万" + figure.unit  # type: ignore[attr-defined]
    if kind is Ranking:
        return figure.text, unit  # type: ignore[attr-defined]
    assert kind is int
    return figure, unit  # type: ignore[return-value]


#: How the walk treats a field: a figure, an object (or None), or a tuple of objects.
_FIGURE, _OBJECT, _OBJECTS = 0, 1, 2


@cache
def _plan(cls: type) -> tuple[tuple[str, int, str, str, str], ...]:
    """The fields of ``cls`` the walk visits: ``(name, how, label, unit, kind)``, the last
    three from a figure's metadata. Fields that cannot hold a figure (text, paragraphs,
    dates, objects without figures such as the 50 checklist entries) are left out, so a
    corpus walk does not look at them in every report."""
    steps = []
    for a in attrs.fields(attrs.resolve_types(cls)):
        if KIND in a.metadata:
            meta = a.metadata
            steps.append((a.name, _FIGURE, meta.get(LABEL, ""), meta.get(UNIT, ""), meta[KIND]))
        elif (inner := _attrs_class(a.type)) is not None and _plan(inner):
            how = _OBJECTS if typing.get_origin(a.type) is tuple else _OBJECT
            steps.append((a.name, how, "", "", ""))
    return tuple(steps)


def _walk(obj: Any, prefix: str, head: tuple[int, str], out: list[Record]) -> None:
    """Append a published record of every figure under ``obj`` to ``out``.

    A list, not a generator: each record would otherwise pass up through a generator frame
    per level of nesting. ``head`` is the report's year and institution.
    """
    year, institution = head
    cls: Any = type(obj)
    for name, how, label, unit, kind in _plan(cls):
        value = getattr(obj, name)
        if how == _FIGURE:
            number, written = _figure_value(value, unit)
            # positional: a named tuple built from keywords takes twice as long
            out.append(
                _new_record(
                    (year, institution, prefix + name, label, number, written, kind, PUBLISHED)
                )
            )
        elif how == _OBJECT:
            if value is not None:
                _walk(value, f"{prefix}{name}.", head, out)
        else:
            for i, item in enumerate(value):
                _walk(item, f"{prefix}{name}[{i}].", head, out)


def _records_of(report: AnnualReport, out: list[Record]) -> None:
    year, institution = report.year, report.institution
    _walk(report, "", (year, institution), out)
    for spec in RATES:
        try:
            computed = computed_rate(report, spec)
        except ZeroWholeError:
            continue
        label = field_label(spec.path)
        out.append(
            _new_record((year, institution, spec.path, label, computed, "%", "percent", COMPUTED))
        )


def records(reports: AnnualReport | Iterable[AnnualReport]) -> tuple[Record, ...]:
    """Every figure of one report, or of many in turn, as flat records.

    >>> from hnjd_disclosure import builtin_report
    >>> r = records(builtin_report(2022))[0]
    >>> r.path, r.label, r.value, r.unit, r.source
    ('stated_part_count', '部分数（所述）', 8, '个', 'published')
    """
    many = (reports,) if isinstance(reports, AnnualReport) else reports
    out: list[Record] = []
    for report in many:
        _records_of(report, out)
    return tuple(out)


def to_dataframe(reports: AnnualReport | Iterable[AnnualReport]) -> pandas.DataFrame:
    """The records of :func:`records` as a pandas DataFrame, one row per record.

    ``value`` is numeric (``float64``: a count, the number of a percentage or of a 万 figure,
    the rank of a ranking claim), so ``frame.value.mean()`` and ``astype`` work; ``display``
    keeps the figure as printed (``99.90%``, ``前百名``), digits and all.

    Needs the optional extra: ``pip install "hnjd-disclosure[pandas]"``.

    >>> from hnjd_disclosure import builtin_report
    >>> frame = to_dataframe(builtin_report(2022))
    >>> list(frame.columns)
    ['year', 'institution', 'path', 'label', 'value', 'display', 'unit', 'kind', 'source']
    >>> row = frame[frame.path == "proactive.admissions.admission_rate"].iloc[0]
    >>> float(row.value), row.display, str(frame.value.dtype)
    (99.9, '99.90%', 'float64')

    Raises:
        ImportError: if pandas is not installed, saying how to install it.
    """
    pandas = pandas_module("to_dataframe")
    rows = [(*r[:4], number(r.value), r.display, *r[5:]) for r in records(reports)]
    columns = [*Record._fields[:5], "display", *Record._fields[5:]]
    frame = pandas.DataFrame(rows, columns=columns)
    return frame.astype({"value": "float64"})


def report_html(report: AnnualReport) -> str:
    """An HTML table of a report's figures, published beside computed (for notebooks).

    >>> from hnjd_disclosure import builtin_report
    >>> "<td>99.91%</td>" in report_html(builtin_report(2022))
    True
    """
    rows = records(report)
    computed = {r.path: r.display for r in rows if r.source == COMPUTED}
    table = [
        [r.label, r.display, computed.get(r.path, ""), r.path]
        for r in rows
        if r.source == PUBLISHED
    ]
    caption = f"{report.institution}{report.title}"
    return html_table(["项目", "公布值", "计算值", "字段"], table, caption=caption)
