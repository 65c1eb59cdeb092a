"""Field helpers shared by the model classes: typed fields with validators and metadata.

Each figure field carries metadata the rest of the library reads instead of repeating it:
``label`` (its Chinese name, for tables and comparisons) and, for counts, ``unit``.
"""

from __future__ import annotations

import datetime
import enum
import re
import weakref
from collections.abc import Callable
from typing import Any, Final

import attrs

from .._layout import (
    BREAK_CLASS,
    FIRST_INITIATIVE,
    HEADING_LIKE,
    LINE_BREAKS,
    SPACE_CLASS,
    heading_at_start,
)
from ..errors import ModelError
from ..quantities import Count, Ranking, StatedPercent, WanFigure, show_value

LABEL: Final = "label"
UNIT: Final = "unit"
KIND: Final = "kind"
#: JSON Schema keywords that say what the field's validator checks (read by
#: :mod:`hnjd_disclosure.schema`); each helper below sets them beside its validator.
SCHEMA: Final = "json_schema"

#: A one-line string: no line break, no space at either end (what the reader would split at,
#: or strip); may be empty. ``(?![\s\S])`` is the end of the text in ECMA-262 and Python alike
#: (``$`` would let a final line break through in Python).
ONE_LINE: Final = rf"^(?:[^{SPACE_CLASS}](?:[^{BREAK_CLASS}]*[^{SPACE_CLASS}])?)?(?![\s\S])"
#: A one-line string that is not empty (so not blank: it neither starts nor ends with a space).
ONE_LINE_NOT_BLANK: Final = rf"^[^{SPACE_CLASS}](?:[^{BREAK_CLASS}]*[^{SPACE_CLASS}])?(?![\s\S])"

#: A line break anywhere, or a space at either end: what a one-line text must not hold.
NOT_ONE_LINE: Final = re.compile(rf"[{BREAK_CLASS}]|^[{SPACE_CLASS}]|[{SPACE_CLASS}]\Z")

_Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

#: Validators that only check a value's type (and, for figures, the unit named in the field's
#: metadata). A value the converter built for the field's own type and metadata always passes
#: them, so its fast path skips them; construction and ``attrs.evolve`` still run them.
TYPE_CHECKS: Final[weakref.WeakSet[_Validator]] = weakref.WeakSet()


def _type_check(check: _Validator) -> _Validator:
    TYPE_CHECKS.add(check)
    return check


#: A lone surrogate: a str can hold one (JSON's ``"\\ud800"`` gives it), but no UTF-8 file
#: can, so a text holding one could be loaded and never written. Searched only in non-ASCII
#: text (``str.isascii`` is free), here and in the fast path's checks.
SURROGATE: Final = re.compile("[\ud800-\udfff]")


def has_surrogate(value: str) -> bool:
    """Whether ``value`` holds a lone surrogate (cannot be written as UTF-8).

    Encoding is a C loop about twice as fast as searching with :data:`SURROGATE`, which
    only finds where the surrogate is, for the message.

    >>> has_surrogate("湖南"), has_surrogate("湖\\ud800南")
    (False, True)
    """
    try:
        value.encode()
    except UnicodeEncodeError:
        return True
    return False


def _check_line(path: str, value: str, *, empty: bool = False) -> None:
    """Refuse an empty (unless ``empty``), multi-line or not UTF-8 encodable text, and one with
    a space at either end."""
    if not empty and not value.strip():
        raise ModelError(path, "must not be empty")
    if (found := NOT_ONE_LINE.search(value)) is not None:
        char, at = found.group(), found.start() + 1
        code = f"U+{ord(char):04X} at character {at}"
        if char in LINE_BREAKS:
            raise ModelError(path, f"must be one line (no line breaks), got {code}")
        raise ModelError(path, f"must not start or end with a space, got {code}")
    if not value.isascii() and (found := SURROGATE.search(value)) is not None:
        code = f"U+{ord(found.group()):04X}"
        where = f"at character {found.start() + 1}"
        raise ModelError(path, f"must be Unicode text, got a lone surrogate ({code}) {where}")


def good_line(value: object) -> bool:
    """Whether ``value`` is a one-line, non-blank, UTF-8 encodable string without a space at
    either end (the common case, in one expression; :func:`_check_line` says what is wrong,
    and where). The fast load path checks strings with it too."""
    return (
        type(value) is str
        and NOT_ONE_LINE.search(value) is None
        and value != ""
        and (value.isascii() or not has_surrogate(value))
    )


def good_optional_line(value: object) -> bool:
    """:func:`good_line`, the empty string allowed."""
    return (
        type(value) is str
        and NOT_ONE_LINE.search(value) is None
        and (value.isascii() or not has_surrogate(value))
    )


def _good_lines(value: tuple[object, ...]) -> bool:
    """:func:`good_line` of every item (a report has dozens of paragraphs)."""
    return all(map(good_line, value))


#: ``STR_ONLY.issuperset(map(type, items))``: every item is exactly a ``str``, checked in C.
STR_ONLY: Final = frozenset({str})


def _line(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not good_line(value):
        if type(value) is not str:
            raise ModelError(attribute.name, f"expected a string, got {show_value(value)}")
        _check_line(attribute.name, value)


def _optional_line(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if type(value) is not str:
        raise ModelError(attribute.name, f"expected a string, got {show_value(value)}")
    if not good_optional_line(value):
        _check_line(attribute.name, value, empty=True)


def _lines(_: object, attribute: attrs.Attribute[tuple[str, ...]], value: object) -> None:
    if type(value) is not tuple:
        raise ModelError(attribute.name, f"expected a tuple of strings, got {show_value(value)}")
    if _good_lines(value):
        return
    # Something is wrong: find the first item at fault and say what, at its index.
    for i, item in enumerate(value):
        if type(item) is not str:
            raise ModelError(f"{attribute.name}[{i}]", f"expected a string, got {show_value(item)}")
        _check_line(f"{attribute.name}[{i}]", item)


#: The separator of an enumeration in Chinese prose (顿号).
ITEM_SEPARATOR: Final = "、"


def _items(instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: object) -> None:
    _lines(instance, attribute, value)
    assert isinstance(value, tuple)
    if not value:
        raise ModelError(attribute.name, "must list at least one item")
    if ITEM_SEPARATOR not in "".join(value):
        return
    for i, item in enumerate(value):
        if ITEM_SEPARATOR in item:
            raise ModelError(
                f"{attribute.name}[{i}]", f"an item must not contain {ITEM_SEPARATOR!r}: {item!r}"
            )


def _of_type(cls: type) -> _Validator:
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not cls:
            got = f"{type(value).__name__} {show_value(value)}"
            raise ModelError(attribute.name, f"expected {cls.__name__}, got {got}")

    return _type_check(check)


def _tuple_of(cls: type) -> _Validator:
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not tuple:
            raise ModelError(attribute.name, f"expected a tuple, got {show_value(value)}")
        for i, item in enumerate(value):
            if type(item) is not cls:
                raise ModelError(
                    f"{attribute.name}[{i}]", f"expected {cls.__name__}, got {show_value(item)}"
                )

    return _type_check(check)


def _count_with_unit(unit: str) -> _Validator:
    def check(_: object, attribute: attrs.Attribute[Count], value: object) -> None:
        if type(value) is not Count:
            raise ModelError(attribute.name, f"expected a Count, got {show_value(value)}")
        if value.unit != unit:
            raise ModelError(attribute.name, f"expected a count in {unit}, got {value}")

    return _type_check(check)


#: The digits a text written after a number ``1.`` must not start with (``1.5`` is a number).
_DIGIT_START: Final = r"^[0-9\uff10-\uff19]"


def _after_number(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    items = value if isinstance(value, tuple) else (value,)
    for i, item in enumerate(items):
        if isinstance(item, str) and item[:1] in _DIGITS:
            where = f"{attribute.name}[{i}]" if isinstance(value, tuple) else attribute.name
            message = "must not start with a digit: it follows its number (1.) in the text"
            raise ModelError(where, message)


_DIGITS: Final = frozenset("0123456789" + "".join(chr(0xFF10 + i) for i in range(10)))


def _without(char: str, why: str) -> _Validator:
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, str) and char in value:
            raise ModelError(attribute.name, f"must not contain {char} ({why})")

    return check


def text(
    *, label: str = "", after_number: bool = False, without: tuple[str, str] | None = None
) -> Any:
    """A one-line, non-empty string; with ``after_number`` it is written after a number
    (``1.招生考试信息``: a domain's heading), so it must not start with a digit; ``without``
    is a character it must not hold, and why (the reader would end the text there)."""
    schema: dict[str, Any] = {"pattern": ONE_LINE_NOT_BLANK}
    validators: list[_Validator] = [_line]
    if after_number:
        schema["not"] = {"pattern": _DIGIT_START}
        validators.append(_after_number)
    if without is not None:
        schema["not"] = {"pattern": re.escape(without[0])}
        validators.append(_without(*without))
    validator: Any = validators[0] if len(validators) == 1 else validators
    return attrs.field(validator=validator, metadata={LABEL: label, SCHEMA: schema})


def optional_text(*, label: str = "", default: str = "") -> Any:
    """A one-line string that may be empty."""
    metadata = {LABEL: label, SCHEMA: {"pattern": ONE_LINE}}
    return attrs.field(default=default, validator=_optional_line, metadata=metadata)


def _not_empty(what: str) -> _Validator:
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, tuple) and not value:
            raise ModelError(attribute.name, f"must list at least one {what}")

    return check


def _paragraph_lines(
    instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: object
) -> None:
    _lines(instance, attribute, value)
    assert isinstance(value, tuple)
    for i, item in enumerate(value):
        if (marker := heading_at_start(item)) is not None:
            message = f"must not start like a heading ({marker!r}): it would be read as one"
            raise ModelError(f"{attribute.name}[{i}]", message)


def _before_initiatives(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    for i, item in enumerate(value if isinstance(value, tuple) else ()):
        if isinstance(item, str) and item.startswith(FIRST_INITIATIVE):
            message = f"must not start with {FIRST_INITIATIVE!r}: it would be read as an initiative"
            raise ModelError(f"{attribute.name}[{i}]", message)


def paragraphs(
    *,
    label: str = "段落",
    default: tuple[str, ...] | None = None,
    at_least_one: str = "",
    lines: bool = True,
    after_number: bool = False,
    before_initiatives: bool = False,
) -> Any:
    """A tuple of paragraphs, each one non-empty line; with ``at_least_one`` (what an item is,
    for the message) the tuple must not be empty. With ``lines`` (the default) each is a line
    of its own in the text, so it must not start like a heading (``1.``, ``（一）``); with
    ``after_number`` each follows a number (``1.``), so it must not start with a digit; with
    ``before_initiatives`` they come before initiatives, so none starts with ``一是``."""
    schema: dict[str, Any] = {"items": {"pattern": ONE_LINE_NOT_BLANK}}
    validators: list[_Validator] = [_paragraph_lines if lines else _lines]
    if lines:
        schema["items"]["not"] = {"pattern": HEADING_LIKE}
    if after_number:
        schema["items"]["not"] = {"pattern": _DIGIT_START}
        validators.append(_after_number)
    if before_initiatives:
        schema["items"]["not"] = {"pattern": f"^(?:{FIRST_INITIATIVE}|{HEADING_LIKE[4:]}"}
        validators.append(_before_initiatives)
    if at_least_one:
        schema["minItems"] = 1
        validators.append(_not_empty(at_least_one))
    validator: Any = validators[0] if len(validators) == 1 else validators
    kwargs: dict[str, Any] = {} if default is None else {"default": default}
    return attrs.field(validator=validator, metadata={LABEL: label, SCHEMA: schema}, **kwargs)


def items(*, label: str = "") -> Any:
    """The items of an enumeration (at least one), each a non-empty line without ``、``."""
    edge, inner = f"[^{SPACE_CLASS}{ITEM_SEPARATOR}]", f"[^{BREAK_CLASS}{ITEM_SEPARATOR}]"
    item = rf"^{edge}(?:{inner}*{edge})?(?![\s\S])"
    schema = {"minItems": 1, "items": {"pattern": item}}
    return attrs.field(validator=_items, metadata={LABEL: label, SCHEMA: schema})


def count(unit: str, label: str) -> Any:
    """A :class:`Count` in ``unit``."""
    return attrs.field(
        validator=_count_with_unit(unit), metadata={LABEL: label, UNIT: unit, KIND: "count"}
    )


def percent(label: str) -> Any:
    """A :class:`StatedPercent` as published."""
    return attrs.field(
        validator=_of_type(StatedPercent), metadata={LABEL: label, UNIT: "%", KIND: "percent"}
    )


def wan(unit: str, label: str) -> Any:
    """A :class:`WanFigure` (approximate, in 万) whose unit is ``unit``."""

    def check(_: object, attribute: attrs.Attribute[WanFigure], value: object) -> None:
        if type(value) is not WanFigure:
            raise ModelError(attribute.name, f"expected a WanFigure, got {show_value(value)}")
        if value.unit != unit:
            raise ModelError(attribute.name, f"expected a figure in 万{unit}, got {value}")

    return attrs.field(
        validator=_type_check(check), metadata={LABEL: label, UNIT: "万" + unit, KIND: "wan"}
    )


def ranking(label: str) -> Any:
    """A :class:`Ranking` claim."""
    return attrs.field(validator=_of_type(Ranking), metadata={LABEL: label, KIND: "ranking"})


def nested(cls: type, *, label: str = "") -> Any:
    """A section of the report, an instance of ``cls``."""
    return attrs.field(validator=_of_type(cls), metadata={LABEL: label})


def optional_nested(cls: type, *, label: str = "") -> Any:
    """A section that may be absent (``None``)."""

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and type(value) is not cls:
            raise ModelError(
                attribute.name, f"expected {cls.__name__} or None, got {show_value(value)}"
            )

    return attrs.field(default=None, validator=_type_check(check), metadata={LABEL: label})


def nested_tuple(cls: type, *, label: str = "", default: tuple[Any, ...] | None = None) -> Any:
    """A tuple of ``cls`` instances."""
    if default is None:
        return attrs.field(validator=_tuple_of(cls), metadata={LABEL: label})
    return attrs.field(default=default, validator=_tuple_of(cls), metadata={LABEL: label})


def choice(cls: type[enum.Enum], *, label: str = "", default: Any = attrs.NOTHING) -> Any:
    """A member of the enumeration ``cls`` (data holds its value, e.g. ``"高职"``)."""

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not cls:
            choices = ", ".join(repr(m.value) for m in cls)
            raise ModelError(attribute.name, f"expected one of {choices}, got {show_value(value)}")

    return attrs.field(default=default, validator=_type_check(check), metadata={LABEL: label})


def whole_number(*, label: str = "", low: int = 0, high: int | None = None, unit: str = "") -> Any:
    """An ``int`` (not a ``bool``) in ``low..high``; with a ``unit`` it is a stated figure."""

    def check(_: object, attribute: attrs.Attribute[int], value: object) -> None:
        if type(value) is not int or value < low or (high is not None and value > high):
            bound = f">= {low}" if high is None else f"from {low} to {high}"
            raise ModelError(
                attribute.name, f"expected an integer {bound}, got {show_value(value)}"
            )

    bounds = {"minimum": low} if high is None else {"minimum": low, "maximum": high}
    metadata: dict[str, Any] = {LABEL: label, SCHEMA: bounds}
    if unit:
        metadata |= {UNIT: unit, KIND: "number"}
    return attrs.field(validator=check, metadata=metadata)


def date(*, label: str = "") -> Any:
    """A :class:`datetime.date` (not a datetime)."""
    return attrs.field(validator=_of_type(datetime.date), metadata={LABEL: label})


def check_part_of_whole(
    part_name: str, part: Count | int, whole_name: str, whole: Count | int
) -> None:
    """Raise :class:`ModelError` at ``part_name`` if the part is larger than the whole."""
    p = part.value if isinstance(part, Count) else part
    w = whole.value if isinstance(whole, Count) else whole
    if p > w:
        raise ModelError(part_name, f"must not be larger than {whole_name} ({w}), got {p}")
