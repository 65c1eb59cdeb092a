"""Fast paths of the converter: structuring with one validation pass, and unstructuring.

Structuring
-----------

The detailed converter (:mod:`hnjd_disclosure.convert`) checks every value in its hooks, records
where each error happened, and then each attrs constructor runs every field validator again.
For valid data, the common case, that is the same work twice plus the bookkeeping.

Here each attrs class gets one generated function that checks every value once, with checks
at least as strict as the hook and the validator together, builds the instance without running
again the validators those checks already covered, and still runs ``__attrs_post_init__`` (the
rules between fields). A class whose one rule between fields is its
:class:`~.model._fields.Variants` (the checklist entry: what each status requires) gets one
function per value of its tag instead, each checking inline what that value requires, allows
and forbids, as a tagged union is validated; no post-init runs. Validators it does not know
are called as attrs would call them. The
figure value types (:class:`Count`, :class:`StatedPercent`, ...) are built by their own
validating constructors and shared between reports: they are immutable, and a corpus repeats
the same figures over and over.

Any failure raises; the caller then runs the detailed converter on the same data, so error
messages are exactly the detailed ones. The fast path may refuse data the detailed path
accepts (it then just costs the detailed time), never the reverse.

Unstructuring
-------------
cattrs' generated unstructure functions call a hook per field and a function per nested
object. :func:`unstructure_fn` writes one function per class that builds the whole tree of
dicts inline (a function per class only for the items of a tuple), with the same keys in
the same order (fields without a default first, then the others when not at their
default) and the converter's own hooks for the values of other types.
"""

from __future__ import annotations

import datetime
import enum
import linecache
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final, Protocol

import attrs

from .model import _fields
from .quantities import Count, Ranking, StatedPercent, WanFigure

__all__ = ["DataFormat", "exec_generated", "fast_structure_fn", "unstructure_fn"]

#: Figures shared between loaded reports; cleared when it grows past this many entries.
_MAX_SHARED: Final = 1 << 16
_shared: dict[tuple[object, ...], Any] = {}


def _figure(make: Callable[[Any, str], Any], kind: type, value: object, unit: str = "") -> Any:
    """The figure ``make(value, unit)`` builds (with its validators), shared between reports."""
    # True == 1 and hashes alike: the type check must come before the lookup.
    if type(value) is not kind:
        raise TypeError(value)
    key = (make, value, unit)
    found = _shared.get(key)
    if found is None:
        if len(_shared) >= _MAX_SHARED:
            _shared.clear()
        found = _shared[key] = make(value, unit)
    return found


def _new_count(value: int, unit: str) -> Count:
    return Count(value=value, unit=unit)


def _new_percent(value: str, _: str) -> StatedPercent:
    return StatedPercent.parse(value)


def _new_wan(value: str, unit: str) -> WanFigure:
    return WanFigure.parse(value, unit=unit)


def _new_ranking(value: str, _: str) -> Ranking:
    return Ranking(text=value)


def shared_count(value: int, unit: str) -> Count:
    """``Count(value=value, unit=unit)``, shared like the figures of loaded reports."""
    return _figure(_new_count, int, value, unit)  # type: ignore[no-any-return]


def shared_percent(text: str) -> StatedPercent:
    """``StatedPercent.parse(text)`` (``"99.90%"``), shared like the figures of loaded reports."""
    return _figure(_new_percent, str, text)  # type: ignore[no-any-return]


def shared_ranking(text: str) -> Ranking:
    """``Ranking(text=text)``, shared like the figures of loaded reports."""
    return _figure(_new_ranking, str, text)  # type: ignore[no-any-return]


def _new_wan_of_digits(digits: str, unit: str) -> WanFigure:
    return WanFigure(value=Decimal(digits), unit=unit)


def shared_wan(digits: str, unit: str) -> WanFigure:
    """``WanFigure(value=Decimal(digits), unit=unit)`` (``"1.9"``, ``"人"``), shared like the
    figures of loaded reports."""
    return _figure(_new_wan_of_digits, str, digits, unit)  # type: ignore[no-any-return]


def _strings(value: object) -> tuple[str, ...]:
    if type(value) is not list and type(value) is not tuple:
        raise TypeError(value)
    for item in value:
        if type(item) is not str:
            raise TypeError(item)
    return tuple(value)


def _objects(fn: Callable[[object], Any], value: object) -> tuple[Any, ...]:
    if type(value) is not list and type(value) is not tuple:
        raise TypeError(value)
    return tuple(map(fn, value))


def exec_generated(source: str, name: str, ns: dict[str, Any]) -> None:
    """Run generated ``source`` in ``ns`` under the file name ``<name>``, registered with
    :mod:`linecache` (as cattrs does) so that a traceback through it shows its lines."""
    filename = f"<{name}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    exec(compile(source, filename, "exec"), ns)


class DataFormat(Protocol):
    """What the fast path reads of a data format (:class:`hnjd_disclosure.convert.DataFormat`)."""

    @property
    def structure_date(self) -> Callable[[object, type], datetime.date]:
        """The hook turning the format's date into a :class:`datetime.date`."""

    @property
    def surrogate_free(self) -> bool:
        """No string of the data holds a lone surrogate (its parser refused them)."""


class _Reject(Exception):
    """The data needs the detailed path (a missing key, an extra key, a bad default)."""


def _string_checks(
    validator: object, name: str, ns: dict[str, Any], data_format: DataFormat
) -> tuple[list[str], object]:
    """The inline tests of a string field read off its validator (a :class:`~._fields.OneLine`,
    alone or first in an :class:`~._fields.AllOf` with :class:`~._fields.Refuses` and
    :class:`~._fields.AfterNumber` rules): the
    expressions over ``v`` that refuse it, and the validators they leave to call (an
    ``AllOf``, or None). No tests when the validator does not start with ``OneLine``."""
    found = _fields.inline_text_rules(
        validator, name, ns, items=False, lone_surrogates=not data_format.surrogate_free
    )
    if found is None:
        return [], validator
    return list(found.codes), found.rest


def _unit(a: attrs.Attribute[Any]) -> str:
    """The unit of a figure field, as its :class:`~._fields.FigureIn` rule states it."""
    assert isinstance(a.validator, _fields.FigureIn)
    return a.validator.unit


def _optional_class(tp: Any) -> Any:
    """``C`` if ``tp`` is ``C | None`` for an attrs class ``C``, else None."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is type(None) and attrs.has(args[0]):
            return args[0]
    return None


def _tuple_item(tp: Any) -> Any:
    """``X`` if ``tp`` is ``tuple[X, ...]``, else None."""
    if typing.get_origin(tp) is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return args[0]
    return None


@attrs.frozen
class _Variant:
    """One value of a class's :class:`~._fields.Variants`: what the builder of that value
    reads of each field."""

    rules: _fields.Variants
    value: enum.Enum

    @property
    def one_of(self) -> tuple[str, ...]:
        return self.rules.one_of.get(self.value, ())

    def role(self, name: str) -> str:
        """``tag``, ``required``, ``forbidden``, or ``""`` (as the field itself says)."""
        if name == self.rules.tag:
            return "tag"
        if name not in self.rules.decided:
            return ""
        required, allowed = self.rules.fields[self.value]
        if name in required:
            return "required"
        return "" if name in allowed else "forbidden"


class _Builder:
    """Generates the fast function of each attrs class, once per converter."""

    def __init__(self, data_format: DataFormat, detailed: Callable[[object, Any], Any]) -> None:
        self.data_format = data_format
        self.detailed = detailed
        self.fns: dict[type, Callable[[object], Any]] = {}

    def fn(self, cl: type) -> Callable[[object], Any]:
        if cl not in self.fns:
            if getattr(cl, "__attrs_post_init__", None) is _fields.check_variants:
                self.fns[cl] = self._by_variant(cl, cl.variants)  # type: ignore[attr-defined]
            else:
                self.fns[cl] = self._generate(cl)
        return self.fns[cl]

    def _by_variant(self, cl: type, variants: _fields.Variants) -> Callable[[object], Any]:
        """One function per value of the tag, each checking what that value requires, allows
        and forbids (no post-init), picked by the tag's data value."""
        by_value = {
            member.value: self._generate(cl, _Variant(variants, member))
            for member in variants.fields
        }
        tag = variants.tag

        def fast(d: object) -> Any:
            if type(d) is not dict:
                raise _Reject
            return by_value[d[tag]](d)

        return fast

    def _value(
        self, a: attrs.Attribute[Any], ns: dict[str, Any], src: str
    ) -> tuple[list[str], object]:
        """Lines turning the raw value ``src`` into ``f_<name>``, and the validator they leave
        to run (None when they cover it). (Fewer lines: compiling them is much of a
        command-line start.)"""
        lines, covered = self._value_lines(a, ns, src)
        if a.type is str or _tuple_item(a.type) is str:
            return lines, covered
        return lines, None if covered else a.validator

    def _value_lines(
        self, a: attrs.Attribute[Any], ns: dict[str, Any], src: str
    ) -> tuple[list[str], Any]:
        tp: Any = a.type
        name, out = a.name, f"f_{a.name}"
        type_checked = isinstance(a.validator, _fields.TypeRule)
        # Checks that use the value more than once name it v.
        v = [] if src == "v" else [f"v = {src}"]
        if tp is str:
            codes, rest = _string_checks(a.validator, name, ns, self.data_format)
            if codes:
                return [*v, f"if {' or '.join(codes)}: raise _Reject", f"{out} = v"], rest
            return [*v, "if type(v) is not str: raise _Reject", f"{out} = v"], a.validator
        if tp is int:
            if isinstance(a.validator, _fields.WholeNumber):
                code = a.validator.refuses_code()
                return [*v, f"if {code}: raise _Reject", f"{out} = v"], True
            return [*v, "if type(v) is not int: raise _Reject", f"{out} = v"], False
        if tp is Count:
            ns[f"u_{name}"] = _unit(a)
            return [f"{out} = _figure(_new_count, int, {src}, u_{name})"], type_checked
        if tp is WanFigure:
            ns[f"u_{name}"] = _unit(a)
            return [f"{out} = _figure(_new_wan, str, {src}, u_{name})"], type_checked
        if tp is StatedPercent:
            return [f"{out} = _figure(_new_percent, str, {src})"], type_checked
        if tp is Ranking:
            return [f"{out} = _figure(_new_ranking, str, {src})"], type_checked
        if tp is datetime.date:
            return [f"{out} = _date({src}, _datetype)"], type_checked
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            # As the converter's enum hook: the member whose value is this string.
            ns[f"e_{name}"] = _fields.members_by_value(tp)
            check = "if type(v) is not str: raise _Reject"
            return [*v, check, f"{out} = e_{name}[v]"], type_checked
        if attrs.has(tp):
            ns[f"s_{name}"] = self.fn(tp)
            return [f"{out} = s_{name}({src})"], type_checked
        if (inner := _optional_class(tp)) is not None:
            ns[f"s_{name}"] = self.fn(inner)
            return [*v, f"{out} = None if v is None else s_{name}(v)"], type_checked
        item = _tuple_item(tp)
        if item is str:
            return self._texts(a, ns, src)
        if item is not None and isinstance(item, type) and attrs.has(item):
            ns[f"s_{name}"] = self.fn(item)
            return [f"{out} = _objects(s_{name}, {src})"], type_checked
        # Anything else goes through the detailed converter, and its validator runs.
        ns[f"t_{name}"] = tp
        return [f"{out} = _detailed({src}, t_{name})"], False

    def _texts(
        self, a: attrs.Attribute[Any], ns: dict[str, Any], src: str
    ) -> tuple[list[str], object]:
        """Lines checking a tuple of texts item by item, as its rules read (a
        :class:`~._fields.Lines`, alone or first in an :class:`~._fields.AllOf` with
        :class:`~._fields.Refuses`, :class:`~._fields.AfterNumber` and :class:`~._fields.NotEmpty`
        rules), and the validators
        they leave to call (or None)."""
        out = f"f_{a.name}"
        found = _fields.inline_text_rules(
            a.validator, a.name, ns, items=True, lone_surrogates=not self.data_format.surrogate_free
        )
        if found is None:
            return [f"{out} = _strings({src})"], a.validator
        lines = [f"w = {src}", "if type(w) is not list and type(w) is not tuple: raise _Reject"]
        if found.not_empty:
            lines.append("if not w: raise _Reject")
        codes = " or ".join(found.codes)
        lines += ["for v in w:", f"    if {codes}: raise _Reject", f"{out} = tuple(w)"]
        return lines, found.rest

    def _generate(self, cl: type, variant: _Variant | None = None) -> Callable[[object], Any]:
        fields = attrs.fields(attrs.resolve_types(cl))
        ns: dict[str, Any] = {
            "_cls": cl,
            "_new": object.__new__,
            "_set": object.__setattr__,
            "_Reject": _Reject,
            "_M": attrs.NOTHING,
            "_figure": _figure,
            "_new_count": _new_count,
            "_new_percent": _new_percent,
            "_new_wan": _new_wan,
            "_new_ranking": _new_ranking,
            "_strings": _strings,
            "_objects": _objects,
            "_date": self.data_format.structure_date,
            "_datetype": datetime.date,
            "_detailed": self.detailed,
            **_fields.FAST_NAMES,
        }
        if any(a.converter is not None for a in fields) or hasattr(cl, "__attrs_pre_init__"):
            # Not a shape this path knows: let attrs build it from structured values.
            return self._by_constructor(cl)
        required = 0
        lines = ["def fast(d):", "    if type(d) is not dict: raise _Reject", "    n = 0"]
        to_validate = []
        for a in fields:
            role = "" if variant is None else variant.role(a.name)
            if role == "tag":
                ns["t_tag"] = variant.value  # type: ignore[union-attr]
                lines.append(f"    f_{a.name} = t_tag")  # the caller picked it by the key's value
                required += 1
                continue
            if role == "forbidden":  # at its default; given, the count of keys refuses it
                lines.append(f"    {self._default(a, ns)}")
                continue
            needed = a.default is attrs.NOTHING or role == "required"
            src = f"d[{a.name!r}]" if needed else "v"
            value_lines, leftover = self._value(a, ns, src)
            if leftover is not None:
                to_validate.append(a)
                ns[f"a_{a.name}"] = a
                ns[f"val_{a.name}"] = leftover
            if needed:
                required += 1
                lines += [f"    {line}" for line in value_lines]
                if role == "required":
                    given = _fields.Variants.given_code(f"f_{a.name}", text=a.type is str)
                    lines.append(f"    if not {given}: raise _Reject")
                continue
            lines += [f"    v = d.get({a.name!r}, _M)", "    if v is _M:"]
            lines.append(f"        {self._default(a, ns)}")
            lines += ["    else:", "        n += 1"]
            lines += [f"        {line}" for line in value_lines]
        lines.append(f"    if len(d) != {required} + n: raise _Reject")
        if variant is not None and (one_of := variant.one_of):
            types = {a.name: a.type for a in fields}
            codes = [_fields.Variants.given_code(f"f_{n}", text=types[n] is str) for n in one_of]
            lines.append(f"    if not ({' or '.join(codes)}): raise _Reject")
        lines.append("    inst = _new(_cls)")
        lines += [f"    _set(inst, {a.name!r}, f_{a.name})" for a in fields]
        lines += [f"    val_{a.name}(inst, a_{a.name}, f_{a.name})" for a in to_validate]
        if variant is None and hasattr(cl, "__attrs_post_init__"):
            lines.append("    inst.__attrs_post_init__()")
        lines.append("    return inst")
        source = "\n".join(lines)
        name = f"{cl.__module__}.{cl.__qualname__}"
        if variant is not None:
            name += f" {variant.rules.tag}={variant.value.value}"
        exec_generated(source, f"fast structure {name}", ns)
        fast: Callable[[object], Any] = ns["fast"]
        return fast

    def _default(self, a: attrs.Attribute[Any], ns: dict[str, Any]) -> str:
        """The line giving a missing key its default, or refusing it for the detailed path."""
        default = a.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            return "raise _Reject"
        if a.validator is not None:
            try:
                a.validator(None, a, default)
            except Exception:
                return "raise _Reject"
        ns[f"d_{a.name}"] = default
        return f"f_{a.name} = d_{a.name}"

    def _by_constructor(self, cl: type) -> Callable[[object], Any]:
        detailed = self.detailed

        def build(d: object) -> Any:
            return detailed(d, cl)

        return build


def fast_structure_fn(
    cl: type, *, data_format: DataFormat, detailed: Callable[[object, Any], Any]
) -> Callable[[object], Any]:
    """The fast function for attrs class ``cl``: plain data in, instance out, or any exception.

    ``data_format`` gives the hook of its dates, and says whether its parser has refused lone
    surrogates (then the functions skip looking for one); ``detailed`` structures a value of
    a type this path does not know.

    >>> from hnjd_disclosure.convert import JSON
    >>> from hnjd_disclosure.model import Period
    >>> fast = fast_structure_fn(Period, data_format=JSON, detailed=None)
    >>> fast({"start": "2021-09-01", "end": "2022-08-31"}).days
    365
    """
    return _Builder(data_format, detailed).fn(cl)


class _Unstructurer:
    """Generates the unstructure function of each attrs class, given the converter's hooks."""

    def __init__(self, hook_of: Callable[[Any], Callable[[Any], Any]]) -> None:
        self.hook_of = hook_of
        self.fns: dict[type, Callable[[Any], Any]] = {}
        self.ns: dict[str, Any] = {}
        self.names = 0

    def _name(self, prefix: str) -> str:
        self.names += 1
        return f"{prefix}{self.names}"

    def fn(self, cl: type) -> Callable[[Any], Any]:
        if cl not in self.fns:
            lines: list[str] = []
            result = self._object(cl, "o", lines)
            body = "\n".join(f"    {line}" for line in [*lines, f"return {result}"])
            source = f"def unstructure(o):\n{body}"
            ns = dict(self.ns)
            exec_generated(source, f"fast unstructure {cl.__module__}.{cl.__qualname__}", ns)
            self.fns[cl] = ns["unstructure"]
        return self.fns[cl]

    def _object(self, cl: type, src: str, lines: list[str]) -> str:
        """Lines building the dict of instance ``src`` of ``cl``; returns its variable."""
        fields = attrs.fields(attrs.resolve_types(cl))
        parts = [
            f"{a.name!r}: {self._value(a.type, f'{src}.{a.name}', lines)}"
            for a in fields
            if a.default is attrs.NOTHING
        ]
        result = self._name("r")
        lines.append(f"{result} = {{{', '.join(parts)}}}")
        for a in fields:
            if a.default is attrs.NOTHING:
                continue
            value, default = self._name("v"), self._name("d")
            self.ns[default] = a.default
            # attrs' __ne__ is two Python calls; None is only ever equal to itself.
            differs = "is not" if a.default is None else "!="
            lines += [f"{value} = {src}.{a.name}", f"if {value} {differs} {default}:"]
            inner: list[str] = []
            expr = self._value(a.type, value, inner)
            lines += [f"    {line}" for line in [*inner, f"{result}[{a.name!r}] = {expr}"]]
        return result

    def _value(self, tp: Any, src: str, lines: list[str]) -> str:
        """An expression of the plain value of ``src``, after any ``lines`` it needs."""
        if tp is str or tp is int:
            return src
        # Figures as the converter's hooks write them (str(), .text), without the call into
        # their Python __str__: a report has dozens.
        if tp is Count:
            return f"{src}.value"
        if tp is StatedPercent:
            return f'str({src}.value) + "%"'
        if tp is WanFigure:
            return f'str({src}.value) + "万"'
        if tp is Ranking:
            return f"{src}.text"
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            # As cattrs writes an enum member (.value); _value_ is the documented attribute
            # behind that property, a quarter of its cost, and part 8 has 50 of them.
            return f"{src}._value_"
        if attrs.has(tp):
            value = self._name("n")
            lines.append(f"{value} = {src}")
            return self._object(tp, value, lines)
        if (inner := _optional_class(tp)) is not None:
            value, result = self._name("n"), self._name("r")
            lines += [f"{value} = {src}", f"if {value} is None:", f"    {result} = None", "else:"]
            sub: list[str] = []
            expr = self._object(inner, value, sub)
            lines += [f"    {line}" for line in [*sub, f"{result} = {expr}"]]
            return result
        item = _tuple_item(tp)
        if item is str or item is int:
            return f"list({src})"
        if item is not None and isinstance(item, type) and attrs.has(item):
            fn = self._name("f")
            self.ns[fn] = self.fn(item)
            return f"[{fn}(x) for x in {src}]"
        hook = self._name("h")
        self.ns[hook] = self.hook_of(tp)
        return f"{hook}({src})"


def unstructure_fn(
    cl: type, hook_of: Callable[[Any], Callable[[Any], Any]]
) -> Callable[[Any], Any]:
    """The unstructure function of attrs class ``cl``; ``hook_of(tp)`` gives other types' hooks.

    Figures are written as the converter's hooks write them: counts as their value,
    percentages and 万 figures as printed.

    >>> from hnjd_disclosure.model import Period
    >>> period = Period(start=datetime.date(2021, 9, 1), end=datetime.date(2022, 8, 31))
    >>> unstructure_fn(Period, lambda tp: datetime.date.isoformat)(period)
    {'start': '2021-09-01', 'end': '2022-08-31'}
    """
    return _Unstructurer(hook_of).fn(cl)
