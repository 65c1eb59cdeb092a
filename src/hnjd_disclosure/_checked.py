"""Checked constructors: an attrs class built from structured values with its rules inline.

The reader (:mod:`hnjd_disclosure.parse`) builds every model object from values it has
already made: strings, tuples of strings, figures, dates, enumeration members and the nested
objects it built before. Calling the class runs every field validator, each a Python call or
more (a tuple of paragraphs is a call per paragraph); for a report that is most of a read.

:func:`checked` gives, for an attrs class, one generated function taking the same keyword
arguments as the class. It tests every value inline with the expressions the field's rules
give (:func:`~hnjd_disclosure.model._fields.inline_text_rules`,
:func:`~hnjd_disclosure.model._fields.value_rule_code`), so no rule is stated twice, builds
the instance with ``object.__new__`` without running again the validators those tests cover,
then calls the validators they do not cover and ``__attrs_post_init__``, as attrs would.

Whenever a test does not vouch for a value (a wrong type, a rule refusing it, a missing or
unknown argument) the function calls the class itself with the same arguments: the error
(a :class:`~hnjd_disclosure.errors.ModelError` and its message) is exactly the class's own.
The tests may refuse values the class accepts (that then costs the class's time), never the
reverse.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Final, TypeVar, cast

import attrs

from ._fastpath import exec_generated
from .model import _fields

__all__ = ["checked"]

T = TypeVar("T")

#: The names the generated code uses for itself: a field of that name is not generated.
_RESERVED: Final = frozenset({"v", "w", "inst", "extra"})


class _Reject(Exception):
    """A value the inline tests do not vouch for: the class itself is called."""


def _slow(cls: type[T], given: dict[str, Any], extra: dict[str, Any]) -> T:
    """``cls`` called with the arguments given (those left out are not passed)."""
    return cls(**{name: v for name, v in given.items() if v is not attrs.NOTHING}, **extra)


def _field_lines(
    a: attrs.Attribute[Any], ns: dict[str, Any], lone_surrogates: bool
) -> tuple[list[str], object]:
    """The lines testing field ``a``'s value (the parameter of its name), and the validator
    they leave to call (None when they cover it)."""
    name, validator = a.name, a.validator
    if validator is None:
        return [], None
    texts = functools.partial(_fields.inline_text_rules, lone_surrogates=lone_surrogates)
    found = texts(validator, name, ns, items=False)
    if found is not None:
        return [f"v = {name}", f"if {' or '.join(found.codes)}: raise _Reject"], found.rest
    found = texts(validator, name, ns, items=True)
    if found is not None:
        # exactly a tuple, as a Lines rule requires, then each item as the rules read
        lines = [f"w = {name}", "if type(w) is not tuple: raise _Reject"]
        if found.not_empty:
            lines.append("if not w: raise _Reject")
        lines += ["for v in w:", f"    if {' or '.join(found.codes)}: raise _Reject"]
        return lines, found.rest
    parts = validator.validators if isinstance(validator, _fields.AllOf) else (validator,)
    codes, rest = [], []
    for i, part in enumerate(parts):
        code = _fields.value_rule_code(part, f"{name}_{i}", ns)
        if code is None:
            rest.append(part)
        else:
            codes.append(code)
    lines = [f"v = {name}", f"if {' or '.join(codes)}: raise _Reject"] if codes else []
    if not rest:
        return lines, None
    return lines, rest[0] if len(rest) == 1 else _fields.AllOf(validators=tuple(rest))


def _parameter(a: attrs.Attribute[Any], ns: dict[str, Any]) -> tuple[str, list[str]]:
    """The parameter of field ``a`` and the lines refusing it when it is left out (a required
    field, or a default the class makes each time)."""
    default = a.default
    if default is attrs.NOTHING or isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return f"{a.name}=_M", [f"if {a.name} is _M: raise _Reject"]
    ns[f"d_{a.name}"] = default
    return f"{a.name}=d_{a.name}", []


def _generate(cls: type, lone_surrogates: bool) -> Callable[..., Any]:
    fields = attrs.fields(attrs.resolve_types(cast(Any, cls)))
    ns: dict[str, Any] = {
        "_cls": cls,
        "_new": object.__new__,
        "_set": object.__setattr__,
        "_Reject": _Reject,
        "_M": attrs.NOTHING,
        "_slow": _slow,
        **_fields.FAST_NAMES,
    }
    names = [a.name for a in fields]
    if (
        any(a.converter is not None or not a.init or a.alias != a.name for a in fields)
        or hasattr(cls, "__attrs_pre_init__")
        or _RESERVED.intersection(names)
    ):
        return cls  # not a shape generated here: the class itself
    params, tests, validate = [], ["if extra: raise _Reject"], []
    for a in fields:
        param, missing = _parameter(a, ns)
        lines, leftover = _field_lines(a, ns, lone_surrogates)
        params.append(param)
        tests += missing + lines
        if leftover is not None:
            ns[f"a_{a.name}"], ns[f"val_{a.name}"] = a, leftover
            validate.append(f"    val_{a.name}(inst, a_{a.name}, {a.name})")
    if set(ns).intersection(names):
        return cls  # a field named like a value of the generated code
    given = ", ".join(f"{n!r}: {n}" for n in names)
    lines = [
        f"def checked(*, {', '.join(params)}, **extra):",
        "    try:",
        *[f"        {line}" for line in tests],
        "    except _Reject:",
        f"        return _slow(_cls, {{{given}}}, extra)",
        "    inst = _new(_cls)",
        *[f"    _set(inst, {n!r}, {n})" for n in names],
        *validate,
    ]
    if hasattr(cls, "__attrs_post_init__"):
        lines.append("    inst.__attrs_post_init__()")
    lines.append("    return inst")
    exec_generated("\n".join(lines), f"checked {cls.__module__}.{cls.__qualname__}", ns)
    made: Callable[..., Any] = ns["checked"]
    return made


#: The checked constructors made so far, by class and ``lone_surrogates``.
_made: dict[tuple[type, bool], Callable[..., Any]] = {}


def checked(cls: type[T], *, lone_surrogates: bool = True) -> Callable[..., T]:
    """The checked constructor of attrs class ``cls``: ``checked(cls)(**kwargs)`` is
    ``cls(**kwargs)`` (an equal instance, or the class's own error), faster for valid values.

    Without ``lone_surrogates`` the caller vouches that no string it gives holds a lone
    surrogate (they are all read from a text without one): the tests leave out the search.

    >>> import datetime
    >>> from hnjd_disclosure.model import Period
    >>> start, end = datetime.date(2021, 9, 1), datetime.date(2022, 8, 31)
    >>> checked(Period)(start=start, end=end) == Period(start=start, end=end)
    True
    >>> checked(Period)(start=end, end=start)
    Traceback (most recent call last):
    ...
    hnjd_disclosure.errors.ModelError: end: must be after start (2022-08-31), got 2021-09-01
    """
    made = _made.get((cls, lone_surrogates))
    if made is None:
        made = _made[cls, lone_surrogates] = _generate(cls, lone_surrogates)
    return made
