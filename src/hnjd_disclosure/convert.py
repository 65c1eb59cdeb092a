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
from .model._fields import FigureIn, members_by_value
from .quantities import Count, Ranking, StatedPercent, WanFigure, check_count, show_value

if TYPE_CHECKING:
    import cattrs

__all__ = ["make_converter", "structure", "structure_report", "unstructure"]

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


def figure_problem(value: object, kind: str, unit: str) -> str | None:
    """Why ``value`` cannot be a figure of ``kind`` (count, percent, wan, ranking) written in
    ``unit`` (the field's metadata), or None if it can. Used to check the figures already
    filled in while a draft still has others to fill in.

    >>> figure_problem(5300, "count", "人") is None, figure_problem("5300", "count", "人")
    (True, 'expected an integer >= 0, got "5300"')
    >>> figure_problem("99.9", "percent", "%")
    'expected a percentage such as "99.90%", got "99.9"'
    """
    hook: Callable[[object, type], object]
    if kind == "count":
        hook = _count_hook(unit)
    elif kind == "wan":
        hook = _wan_hook(unit.removeprefix("万"))
    else:
        hook = {"percent": _percent, "ranking": _ranking}[kind]
    try:
        hook(value, object)
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
        rule = a.validator
        if isinstance(rule, FigureIn):
            hook = _count_hook if rule.kind is Count else _wan_hook
            overrides[a.name] = override(struct_hook=hook(rule.unit))
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
def make_converter(*, native_dates: bool) -> cattrs.Converter:
    """The strict converter between reports and plain data.

    With ``native_dates`` dates stay :class:`datetime.date` objects (for TOML); without,
    they are ISO strings (for JSON). The converter is built once per setting.

    >>> conv = make_converter(native_dates=False)
    >>> conv.unstructure(StatedPercent.parse("99.90%"))
    '99.90%'
    """
    import cattrs

    c = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    c.register_structure_hook(str, _strict_str)
    c.register_structure_hook(int, _strict_int)
    c.register_structure_hook(StatedPercent, _percent)
    c.register_structure_hook(Ranking, _ranking)
    c.register_structure_hook(datetime.date, _native_date if native_dates else _iso_date)
    c.register_structure_hook_factory(_is_tuple, _tuple_factory)
    c.register_structure_hook_factory(_is_enum, _enum_factory)
    c.register_structure_hook_factory(attrs.has, _attrs_structure_factory)

    c.register_unstructure_hook(Count, operator.attrgetter("value"))
    c.register_unstructure_hook(StatedPercent, str)
    c.register_unstructure_hook(WanFigure, lambda v: v.text)
    c.register_unstructure_hook(Ranking, str)
    c.register_unstructure_hook(tuple, lambda v: [c.unstructure(x) for x in v])
    c.register_unstructure_hook_factory(_is_tuple, _tuple_unstructure_factory)
    if not native_dates:
        c.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    else:
        c.register_unstructure_hook(datetime.date, lambda v: v)
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
    ...     structure({"title": 5, "doc_no": "x"}, LegalBasis, native_dates=False)
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
def _fast_structure(
    cl: type[T], native_dates: bool, unicode_known: bool = False
) -> Callable[[object], T]:
    def detailed(value: object, tp: Any) -> Any:
        # Built on first need: the model has no field the fast path leaves to it.
        return make_converter(native_dates=native_dates).structure(value, tp)

    date_hook = _native_date if native_dates else _iso_date
    return fast_structure_fn(
        cl, date_hook=date_hook, detailed=detailed, unicode_known=unicode_known
    )


def structure(data: object, cl: type[T], *, source: str = "<data>", native_dates: bool) -> T:
    """Build a model object of class ``cl`` from plain data, strictly.

    Valid data takes a fast path that checks each value once; anything it refuses goes
    through the detailed converter, which names every problem with its path.

    >>> from hnjd_disclosure.model import LegalBasis
    >>> structure({"title": "高等学校信息公开办法", "doc_no": "教育部令第29号"}, LegalBasis,
    ...           native_dates=False)
    LegalBasis(issuer='', title='高等学校信息公开办法', doc_no='教育部令第29号')

    Raises:
        DataError: listing every problem with its field path.
    """
    return structure_parsed(data, cl, source, native_dates, unicode_known=False)


def structure_parsed(
    data: object, cl: type[T], source: str, native_dates: bool, *, unicode_known: bool
) -> T:
    """:func:`structure`; ``unicode_known`` says that no string of ``data`` holds a lone
    surrogate (its parser refused them), so that the fast path need not look for one."""
    if attrs.has(cl):
        try:
            fast = _fast_structure(cl, native_dates, unicode_known)
            return fast(data)  # type: ignore[no-any-return]
        except Exception:
            pass  # the detailed path below explains the failure
    converter = make_converter(native_dates=native_dates)
    from cattrs import BaseValidationError

    try:
        return converter.structure(data, cl)
    except (BaseValidationError, ModelError, KeyError) as exc:
        raise DataError(source, issues_of(exc)) from None


def structure_report(
    data: object, *, source: str = "<data>", native_dates: bool = False
) -> AnnualReport:
    """Build an :class:`AnnualReport` from plain data (parsed TOML or JSON).

    >>> structure_report({"year": "2022"}, source="r.json")
    Traceback (most recent call last):
    ...
    hnjd_disclosure.errors.DataError: r.json: institution: required key missing
    ...

    Raises:
        DataError: listing every problem with its field path.
    """
    return structure(data, AnnualReport, source=source, native_dates=native_dates)


def unstructure(obj: object, *, native_dates: bool = False) -> Any:
    """Turn a model object into plain data (dicts, lists, strings, integers, dates).

    >>> unstructure(Ranking(text="前50名"))
    '前50名'
    >>> from hnjd_disclosure.io import builtin_report
    >>> unstructure(builtin_report(2022))["period"]
    {'start': '2021-09-01', 'end': '2022-08-31'}
    """
    return make_converter(native_dates=native_dates).unstructure(obj)
