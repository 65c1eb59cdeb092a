"""(Un)structuring reports: one strict cattrs converter between the model and plain data.

Plain data is what TOML and JSON hold: dicts, lists, strings, integers (and, in TOML, dates).
The converter never coerces: ``"12"`` is not 12, ``True`` is not 1, ``1.9`` is not a count,
and unknown keys are rejected. Figures are written as the report prints them: counts as
integers, percentages as ``"99.90%"``, 万 figures as ``"1.9万"``, rankings as ``"前50名"``.

This module is pure: it turns data into a model and back, and reads no file.

cattrs is imported when a converter is first built: valid data takes the fast path of
:mod:`hnjd_disclosure._fastpath`, so a command that only reads valid data never needs it.
"""

from __future__ import annotations

import datetime
import enum
import operator
import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from ._fastpath import fast_structure_fn, unstructure_fn
from .errors import DataError, Issue, ModelError, escape
from .model import AnnualReport
from .model._fields import FigureIn, OfType, members_by_value
from .quantities import Count, Ranking, StatedPercent, WanFigure, check_count, show_value

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "JSON",
    "SURROGATE_FREE_JSON",
    "TOML",
    "DataFormat",
    "make_converter",
    "structure",
    "structure_report",
    "unstructure",
]

T = TypeVar("T")

_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _strict_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise ModelError("", f"expected a string, got {show_value(value)}")
    return value


def _strict_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise ModelError("", f"expected an integer, got {show_value(value)}")
    return value


def _percent(value: object, _: type) -> StatedPercent:
    if type(value) is not str:
        raise ModelError("", f'expected a percentage such as "99.90%", got {show_value(value)}')
    try:
        return StatedPercent.parse(value)
    except ModelError as exc:
        raise ModelError("", exc.message) from None


def _ranking(value: object, _: type) -> Ranking:
    try:
        return Ranking(text=_strict_str(value, str))
    except ModelError as exc:
        raise ModelError("", exc.message) from None


def _count_hook(unit: str) -> Callable[[object, type], Count]:
    def structure_count(value: object, _: type) -> Count:
        return Count(value=check_count(value, path=""), unit=unit)

    return structure_count


def _wan_hook(unit: str) -> Callable[[object, type], WanFigure]:
    def structure_wan(value: object, _: type) -> WanFigure:
        try:
            return WanFigure.parse(_strict_str(value, str), unit=unit)
        except ModelError as exc:
            raise ModelError("", exc.message) from None

    return structure_wan


#: The hooks of the figures written as text, whatever their field.
_TEXT_FIGURE_HOOKS: Final[dict[type, Callable[[object, type], object]]] = {
    StatedPercent: _percent,
    Ranking: _ranking,
}


def _figure_hook(rule: object) -> Callable[[object, type], object]:
    """The structure hook of a figure field, read off its rule (:class:`FigureIn` for a count
    or a 万 figure in its unit, :class:`OfType` for a percentage or a ranking)."""
    if isinstance(rule, FigureIn):
        return (_count_hook if rule.kind is Count else _wan_hook)(rule.unit)
    assert isinstance(rule, OfType)
    return _TEXT_FIGURE_HOOKS[rule.cls]


def figure_problem(value: object, rule: object) -> str | None:
    """Why ``value`` cannot be the figure a field of ``rule`` (its validator) holds, or None
    if it can. Used to check the figures already filled in while a draft still has others to
    fill in.

    >>> from hnjd_disclosure.model import Admissions
    >>> planned = attrs.fields(Admissions).planned.validator
    >>> figure_problem(5300, planned) is None, figure_problem("5300", planned)
    (True, 'expected an integer >= 0, got "5300"')
    >>> figure_problem("99.9", OfType(cls=StatedPercent))
    'expected a percentage such as "99.90%", got "99.9"'
    """
    try:
        _figure_hook(rule)(value, object)
    except ModelError as exc:
        return exc.message
    return None


def _native_date(value: object, _: type) -> datetime.date:
    if type(value) is not datetime.date:
        hint = " (write it without quotes)" if isinstance(value, str) else ""
        raise ModelError("", f"expected a date such as 2021-09-01{hint}, got {show_value(value)}")
    return value


def _iso_date(value: object, _: type) -> datetime.date:
    if type(value) is not str or not _ISO_DATE.fullmatch(value):
        raise ModelError("", f'expected a date such as "2021-09-01", got {show_value(value)}')
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ModelError("", f"not a valid date: {show_value(value)}") from None


def _same_date(value: datetime.date) -> datetime.date:
    return value


@attrs.frozen(kw_only=True, cache_hash=True)
class DataFormat:
    """A data format as the converter sees it, one value per format (as cattrs has one
    converter per format in ``cattrs.preconf``): how it holds dates, and whether its parser
    has refused lone surrogates, so that the fast path need not look for one.

    >>> JSON.structure_date("2021-09-01", datetime.date), TOML.unstructure_date(
    ...     datetime.date(2021, 9, 1))
    (datetime.date(2021, 9, 1), datetime.date(2021, 9, 1))
    >>> SURROGATE_FREE_JSON.name, SURROGATE_FREE_JSON.surrogate_free
    ('JSON', True)
    """

    name: str
    #: The hook turning the format's date into a :class:`datetime.date`.
    structure_date: Callable[[object, type], datetime.date]
    #: What the format holds for a date.
    unstructure_date: Callable[[datetime.date], object]
    #: No string of the data holds a lone surrogate (its parser refused them).
    surrogate_free: bool = False


#: TOML: dates are TOML's own (:class:`datetime.date`); a quoted date is refused.
TOML: Final = DataFormat(name="TOML", structure_date=_native_date, unstructure_date=_same_date)
#: JSON: dates are ISO strings (``"2021-09-01"``).
JSON: Final = DataFormat(
    name="JSON", structure_date=_iso_date, unstructure_date=datetime.date.isoformat
)
#: JSON read from text in which the parser cannot meet a lone surrogate (no escape, decoded
#: strictly from UTF-8): the same converter, without the search for one.
SURROGATE_FREE_JSON: Final = attrs.evolve(JSON, surrogate_free=True)


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, enum.Enum)


def _enum_factory(tp: Any, _: cattrs.BaseConverter) -> Callable[[object, type], Any]:
    by_value = members_by_value(tp)
    choices = ", ".join(f'"{v}"' for v in by_value)

    def structure_enum(value: object, _: type) -> Any:
        if type(value) is not str or value not in by_value:
            raise ModelError("", f"expected one of {choices}, got {show_value(value)}")
        return by_value[value]

    return structure_enum


def _tuple_factory(tp: Any, converter: cattrs.BaseConverter) -> Callable[[object, type], Any]:
    from cattrs.cols import homogenous_tuple_structure_factory

    inner = homogenous_tuple_structure_factory(tp, converter)

    def structure_tuple(value: object, cl: type) -> Any:
        if type(value) not in (list, tuple):
            raise ModelError("", f"expected an array, got {show_value(value)}")
        return inner(value, cl)

    return structure_tuple


def _is_tuple(tp: Any) -> bool:
    from cattrs.cols import is_sequence

    return bool(is_sequence(tp)) and getattr(tp, "__origin__", None) is tuple


def _attrs_structure_factory(cl: Any, converter: cattrs.Converter) -> Any:
    from cattrs.gen import make_dict_structure_fn, override

    overrides: dict[str, Any] = {}
    for a in attrs.fields(attrs.resolve_types(cl)):
        if isinstance(a.validator, FigureIn):
            overrides[a.name] = override(struct_hook=_figure_hook(a.validator))
    inner = make_dict_structure_fn(cl, converter, _cattrs_forbid_extra_keys=True, **overrides)

    def structure_class(value: object, tp: type) -> Any:
        if not isinstance(value, Mapping):
            raise ModelError("", f"expected a table, got {show_value(value)}")
        return inner(value, tp)

    return structure_class


def _tuple_unstructure_factory(tp: Any, converter: cattrs.BaseConverter) -> Any:
    # One hook looked up here, not a dispatch on each item's runtime type.
    item = tp.__args__[0]
    if item is str or item is int:
        return list
    hook = converter.get_unstructure_hook(item)
    return lambda value: [hook(x) for x in value]


def _attrs_unstructure_factory(cl: Any, converter: cattrs.Converter) -> Any:
    # What cattrs' make_dict_unstructure_fn(..., _cattrs_omit_if_default=True) builds, with
    # nested objects inlined: the same dicts, faster (tests/test_fastpath.py compares them).
    return unstructure_fn(cl, converter.get_unstructure_hook)


@cache
def make_converter(data_format: DataFormat) -> cattrs.Converter:
    """The strict converter between reports and plain data of ``data_format``, built once
    per format.

    >>> conv = make_converter(JSON)
    >>> conv.unstructure(StatedPercent.parse("99.90%"))
    '99.90%'
    """
    if data_format.surrogate_free:  # the same converter: only the fast path differs
        return make_converter(attrs.evolve(data_format, surrogate_free=False))
    import cattrs

    c = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    c.register_structure_hook(str, _strict_str)
    c.register_structure_hook(int, _strict_int)
    for figure, hook in _TEXT_FIGURE_HOOKS.items():
        c.register_structure_hook(figure, hook)
    c.register_structure_hook(datetime.date, data_format.structure_date)
    c.register_structure_hook_factory(_is_tuple, _tuple_factory)
    c.register_structure_hook_factory(_is_enum, _enum_factory)
    c.register_structure_hook_factory(attrs.has, _attrs_structure_factory)

    c.register_unstructure_hook(Count, operator.attrgetter("value"))
    c.register_unstructure_hook(StatedPercent, str)
    c.register_unstructure_hook(WanFigure, lambda v: v.text)
    c.register_unstructure_hook(Ranking, str)
    c.register_unstructure_hook(tuple, lambda v: [c.unstructure(x) for x in v])
    c.register_unstructure_hook_factory(_is_tuple, _tuple_unstructure_factory)
    c.register_unstructure_hook(datetime.date, data_format.unstructure_date)
    c.register_unstructure_hook_factory(attrs.has, _attrs_unstructure_factory)
    return c


_SEP: Final = "\x1f"


def _format_exception(exc: BaseException, tp: type | None) -> str:
    """Describe one leaf error; ``path{_SEP}message`` when it knows a deeper path."""
    if isinstance(exc, ModelError):
        return f"{exc.path}{_SEP}{exc.message}"
    if isinstance(exc, KeyError):
        return f"{_SEP}required key missing"
    from cattrs.errors import ForbiddenExtraKeysError

    if isinstance(exc, ForbiddenExtraKeysError):
        # A key is the document's own text: escaped (and so free of _SEP) like any value.
        keys = sorted(map(escape, exc.extra_fields))
        if len(keys) == 1:
            return f"{keys[0]}{_SEP}unknown key"
        return f"{_SEP}unknown keys: {', '.join(keys)}"
    return f"{_SEP}invalid value ({type(exc).__name__}: {escape(str(exc))})"


def _join(path: str, tail: str) -> str:
    if not tail:
        return path
    if not path or tail.startswith("["):
        return path + tail
    return f"{path}.{tail}"


def issues_of(exc: BaseException) -> list[Issue]:
    """Turn a structuring failure into issues, each with its dotted field path.

    >>> from hnjd_disclosure.model import LegalBasis
    >>> try:
    ...     structure({"title": 5, "doc_no": "x"}, LegalBasis)
    ... except DataError as exc:
    ...     print(exc.issues)
    (('title', 'expected a string, got 5'),)
    """
    from cattrs.v import transform_error

    out = []
    for line in transform_error(exc, path="$", format_exception=_format_exception):
        described, _, where = line.rpartition(" @ ")
        tail, _, message = described.partition(_SEP)
        path = where.removeprefix("$").removeprefix(".")
        out.append(Issue(_join(path, tail), message))
    return out


@cache
def _fast_structure(cl: type[T], data_format: DataFormat) -> Callable[[object], T]:
    def detailed(value: object, tp: Any) -> Any:
        # Built on first need: the model has no field the fast path leaves to it.
        return make_converter(data_format).structure(value, tp)

    return fast_structure_fn(cl, data_format=data_format, detailed=detailed)


def structure(
    data: object, cl: type[T], *, source: str = "<data>", data_format: DataFormat = JSON
) -> T:
    """Build a model object of class ``cl`` from plain data of ``data_format``, strictly.

    Valid data takes a fast path that checks each value once; anything it refuses goes
    through the detailed converter, which names every problem with its path.

    >>> from hnjd_disclosure.model import LegalBasis
    >>> structure({"title": "高等学校信息公开办法", "doc_no": "教育部令第29号"}, LegalBasis)
    LegalBasis(issuer='', title='高等学校信息公开办法', doc_no='教育部令第29号')

    Raises:
        DataError: listing every problem with its field path.
    """
    if attrs.has(cl):
        try:
            fast = _fast_structure(cl, data_format)
            return fast(data)  # type: ignore[no-any-return]
        except Exception:
            pass  # the detailed path below explains the failure
    converter = make_converter(data_format)
    from cattrs import BaseValidationError

    try:
        return converter.structure(data, cl)
    except (BaseValidationError, ModelError, KeyError) as exc:
        raise DataError(source, issues_of(exc)) from None


def structure_report(
    data: object, *, source: str = "<data>", data_format: DataFormat = JSON
) -> AnnualReport:
    """Build an :class:`AnnualReport` from plain data (parsed TOML or JSON, as
    ``data_format`` says).

    >>> structure_report({"year": "2022"}, source="r.json")
    Traceback (most recent call last):
    ...
    hnjd_disclosure.errors.DataError: r.json: institution: required key missing
    ...

    Raises:
        DataError: listing every problem with its field path.
    """
    return structure(data, AnnualReport, source=source, data_format=data_format)


def unstructure(obj: object, *, data_format: DataFormat = JSON) -> Any:
    """Turn a model object into plain data of ``data_format`` (dicts, lists, strings,
    integers, and dates as the format holds them).

    >>> unstructure(Ranking(text="前50名"))
    '前50名'
    >>> from hnjd_disclosure.io import builtin_report
    >>> unstructure(builtin_report(2022))["period"]
    {'start': '2021-09-01', 'end': '2022-08-31'}
    """
    return make_converter(data_format).unstructure(obj)
