"""Field helpers shared by the model classes: typed fields with validators and metadata.

Each figure field carries metadata the rest of the library reads instead of repeating it:
``label`` (its Chinese name, for tables and comparisons) and, for counts, ``unit``.
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from .._layout import (
    BREAK_CLASS,
    FIRST_INITIATIVE,
    HEADING_LIKE,
    LINE_BREAKS,
    LIST_SEPARATOR,
    SPACE_CLASS,
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


class TypeRule:
    """A rule that only checks a value's type (and, for a figure, its unit). A value the
    converter built for the field's own type and rule always passes it, so the fast path
    skips it; construction and ``attrs.evolve`` still run it."""

    __slots__ = ()


#: A lone surrogate: a str can hold one (JSON's ``"\\ud800"`` gives it), but no UTF-8 file
#: can, so a text holding one could be loaded and never written. Searched only in non-ASCII
#: text (``str.isascii`` is free), here and in the fast path's checks. The pattern's text: it
#: is searched only to say where a refused text holds one (``re`` compiles it then, once).
SURROGATE: Final = "[\ud800-\udfff]"


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
    if not value.isascii() and (found := re.search(SURROGATE, value)) is not None:
        code = f"U+{ord(found.group()):04X}"
        where = f"at character {found.start() + 1}"
        raise ModelError(path, f"must be Unicode text, got a lone surrogate ({code}) {where}")


def _good_lines(value: tuple[object, ...]) -> bool:
    """:func:`good_line` of every item (a report has dozens of paragraphs)."""
    return all(map(good_line, value))


@attrs.frozen
class OneLine:
    """The rule of one-line text, stated once: a string with no line break, no space at either
    end and no lone surrogate, not empty unless ``empty``. It is the field's validator, gives
    the test the fast structuring path inlines (:meth:`refuses_code`) and the JSON Schema.

    >>> OneLine().schema() == {"pattern": ONE_LINE_NOT_BLANK}
    True
    >>> eval(OneLine().refuses_code(), {**FAST_NAMES, "v": " 湖南"})
    True
    """

    empty: bool = False

    def __call__(self, _: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not (good_optional_line(value) if self.empty else good_line(value)):
            if type(value) is not str:
                raise ModelError(attribute.name, f"expected a string, got {show_value(value)}")
            _check_line(attribute.name, value, empty=self.empty)

    def refuses_code(self, *, lone_surrogates: bool = True) -> str:
        """A Python expression over ``v``, true where the rule refuses ``v``; the names it uses
        are :data:`FAST_NAMES`. Without ``lone_surrogates`` the data cannot hold one (its
        parser refused them) and the search for one is left out: it costs about 8% of a load.
        """
        code = "type(v) is not str" + ("" if self.empty else ' or v == ""')
        # str.strip strips exactly SPACE_CLASS, and a printable text holds no line break and
        # no surrogate (the tests check both over all of Unicode): only text that is not
        # printable is searched, as a search is several times slower than these two calls.
        search = "_not_one_line(v) is not None"
        search = f"({search} or _surrogate(v))" if lone_surrogates else search
        return f"{code} or v != v.strip() or not v.isprintable() and {search}"

    def schema(self) -> dict[str, str]:
        """The JSON Schema of the text the rule accepts."""
        return {"pattern": ONE_LINE if self.empty else ONE_LINE_NOT_BLANK}


#: The names the expressions of :meth:`OneLine.refuses_code` and :meth:`Lines.item_code` use
#: besides ``v``.
FAST_NAMES: Final = {
    "_surrogate": has_surrogate,
    "_not_one_line": NOT_ONE_LINE.search,
}

_line: Final = OneLine()
_optional_line: Final = OneLine(empty=True)


def _accepts(rule: OneLine) -> Callable[[object], bool]:
    """The test of ``rule`` as a function (its :meth:`~OneLine.refuses_code`, negated)."""
    accepts: Callable[[object], bool] = eval(
        f"lambda v: not ({rule.refuses_code()})", dict(FAST_NAMES)
    )
    return accepts


#: Whether a value is a one-line, non-blank, UTF-8 encodable string without a space at either
#: end (:func:`_check_line` says what is wrong, and where).
good_line: Final = _accepts(_line)
#: :func:`good_line`, the empty string allowed.
good_optional_line: Final = _accepts(_optional_line)


@attrs.frozen
class AllOf:
    """Validators run in turn (attrs' ``and_``, but inspectable: the fast path reads them).

    >>> AllOf(validators=(OneLine(),)).validators[0].empty
    False
    """

    validators: tuple[_Validator, ...]

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        for validator in self.validators:
            validator(instance, attribute, value)


@attrs.frozen
class Lines:
    """The rule of a tuple of texts, stated once: a tuple whose every item is one line of
    non-blank text (:class:`OneLine`). It is the field's validator and gives the test the fast
    structuring path inlines for each item (:meth:`item_code`); the rules of what an item may
    hold besides (not a heading at its start, ...) are :class:`Refuses` values beside it.

    >>> eval(Lines().item_code(), {**FAST_NAMES, "v": " 总则"})
    True
    """

    def __call__(self, _: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not tuple:
            got = show_value(value)
            raise ModelError(attribute.name, f"expected a tuple of strings, got {got}")
        if not _good_lines(value):
            # Something is wrong: find the first item at fault and say what, at its index.
            for i, item in enumerate(value):
                if type(item) is not str:
                    got = show_value(item)
                    raise ModelError(f"{attribute.name}[{i}]", f"expected a string, got {got}")
                _check_line(f"{attribute.name}[{i}]", item)

    def item_code(self, *, lone_surrogates: bool = True) -> str:
        """A Python expression over an item ``v``, true where the rule refuses it; the names
        it uses are :data:`FAST_NAMES`; ``lone_surrogates`` as for :meth:`OneLine.refuses_code`.
        """
        return _line.refuses_code(lone_surrogates=lone_surrogates)


@attrs.frozen
class NotEmpty:
    """The rule of a tuple that lists at least one ``what``.

    >>> NotEmpty(what="item").schema()
    {'minItems': 1}
    """

    what: str

    def __call__(self, _: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, tuple) and not value:
            raise ModelError(attribute.name, f"must list at least one {self.what}")

    def schema(self) -> dict[str, int]:
        """The JSON Schema of a tuple the rule accepts."""
        return {"minItems": 1}

    def value_code(self, name: str, ns: dict[str, Any]) -> str:
        """A Python expression over ``v``, true where the rule refuses the value ``v``."""
        return "isinstance(v, tuple) and not v"


@attrs.frozen
class OfType(TypeRule):
    """The rule of a field holding exactly a ``cls`` (a figure, a section, a date).

    >>> OfType(cls=datetime.date).cls.__name__
    'date'
    """

    cls: type

    def __call__(self, _: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not self.cls:
            got = f"{type(value).__name__} {show_value(value)}"
            raise ModelError(attribute.name, f"expected {self.cls.__name__}, got {got}")

    def value_code(self, name: str, ns: dict[str, Any]) -> str:
        """A Python expression over ``v``, true where the rule refuses the value ``v``; the
        values it uses are put in ``ns`` under names made from ``name``.

        >>> ns = {}
        >>> eval(OfType(cls=int).value_code("x", ns), {**ns, "v": True})
        True
        """
        ns[f"k_{name}"] = self.cls
        return f"type(v) is not k_{name}"


@attrs.frozen
class OptionalOf(TypeRule):
    """The rule of a section that may be absent: a ``cls`` or None."""

    cls: type

    def __call__(self, _: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and type(value) is not self.cls:
            message = f"expected {self.cls.__name__} or None, got {show_value(value)}"
            raise ModelError(attribute.name, message)

    def value_code(self, name: str, ns: dict[str, Any]) -> str:
        """As :meth:`OfType.value_code`, None allowed."""
        ns[f"k_{name}"] = self.cls
        return f"v is not None and type(v) is not k_{name}"


@attrs.frozen
class TupleOf(TypeRule):
    """The rule of a tuple of ``cls`` instances."""

    cls: type

    def __call__(self, _: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not tuple:
            raise ModelError(attribute.name, f"expected a tuple, got {show_value(value)}")
        for i, item in enumerate(value):
            if type(item) is not self.cls:
                got = show_value(item)
                raise ModelError(
                    f"{attribute.name}[{i}]", f"expected {self.cls.__name__}, got {got}"
                )

    def value_code(self, name: str, ns: dict[str, Any]) -> str:
        """As :meth:`OfType.value_code`, of a tuple's every item."""
        ns[f"only_{name}"] = frozenset({self.cls})
        return f"type(v) is not tuple or not only_{name}.issuperset(map(type, v))"


@attrs.frozen
class FigureIn(TypeRule):
    """The rule of a figure field, stated once: a :class:`Count` or a :class:`WanFigure`
    (``kind``) in ``unit`` (for a 万 figure, the unit after 万: ``人``, or ``""``). The
    converters build the field's figure in this unit, and its metadata shows it.

    >>> FigureIn(kind=WanFigure, unit="人").shown, FigureIn(kind=Count, unit="篇").shown
    ('万人', '篇')
    """

    kind: type[Count] | type[WanFigure]
    unit: str

    @property
    def shown(self) -> str:
        """The unit as the text prints it after the number (``万人`` for a 万 figure)."""
        return "万" + self.unit if self.kind is WanFigure else self.unit

    def __call__(self, _: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not self.kind:
            got = show_value(value)
            raise ModelError(attribute.name, f"expected a {self.kind.__name__}, got {got}")
        assert isinstance(value, Count | WanFigure)
        if value.unit != self.unit:
            what = "a count in" if self.kind is Count else "a figure in"
            raise ModelError(attribute.name, f"expected {what} {self.shown}, got {value}")

    def value_code(self, name: str, ns: dict[str, Any]) -> str:
        """As :meth:`OfType.value_code`, the unit too.

        >>> ns = {}
        >>> code = FigureIn(kind=Count, unit="人").value_code("x", ns)
        >>> eval(code, {**ns, "v": Count(value=3, unit="人")}), eval(code, {**ns, "v": 3})
        (False, True)
        """
        ns[f"k_{name}"], ns[f"u_{name}"] = self.kind, self.unit
        return f"type(v) is not k_{name} or v.unit != u_{name}"


@attrs.frozen
class AfterNumber:
    """The rule of a text written after its number (``1.招生考试信息``: a domain's heading):
    it must not start with a digit (``1.5`` would be read as one number). Like
    :class:`Refuses`, it gives the check, the search the fast path calls and the pattern
    of the schema.

    >>> AfterNumber().search()("５项") is not None, AfterNumber().allows("项5")
    (True, True)
    """

    #: The digits such a text must not start with, ASCII and full-width.
    pattern: str = r"^[0-9\uff10-\uff19]"

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        """``pattern`` compiled on first use, then kept (a slot: reading it costs what reading
        a field does); not compiled at import, where no rule needs it yet."""
        return re.compile(self.pattern)

    def __call__(self, _: object, attribute: attrs.Attribute[Any], value: object) -> None:
        items = value if isinstance(value, tuple) else (value,)
        for i, item in enumerate(items):
            if isinstance(item, str) and self.regex.search(item) is not None:
                where = f"{attribute.name}[{i}]" if isinstance(value, tuple) else attribute.name
                message = "must not start with a digit: it follows its number (1.) in the text"
                raise ModelError(where, message)

    def allows(self, value: str) -> bool:
        """Whether ``value`` passes the rule."""
        return self.regex.search(value) is None

    def search(self) -> Callable[[str], re.Match[str] | None]:
        """The search the fast structuring path calls on a string: a match where the rule
        refuses it."""
        return self.regex.search


_after_number: Final = AfterNumber()


@attrs.frozen
class Refuses:
    """A rule of text a template sentence sets: refuse a string (or an item of a tuple of
    strings) in which ``pattern`` is found; ``why`` says what the reader would do instead.

    ``pattern`` means the same in Python and in ECMA-262, so it is also the field's JSON
    Schema (under ``not``); a pattern starting with ``^`` says what the text must not start
    with.

    >>> rule = Refuses(pattern="[《》]", why="read between 《 and 》")
    >>> rule.schema(), rule.allows("高等学校信息公开办法")
    ({'pattern': '[《》]'}, True)
    >>> rule.check("title", "关于《通知》")
    Traceback (most recent call last):
    ...
    hnjd_disclosure.errors.ModelError: title: must not contain 《 (read between 《 and 》)
    """

    pattern: str
    why: str = ""
    #: The message instead of the usual one, a format of ``found`` (what the pattern found)
    #: and ``value`` (the text).
    message: str = ""

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        """``pattern`` compiled on first use, then kept (as :attr:`AfterNumber.regex`)."""
        return re.compile(self.pattern)

    def __call__(self, _: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is str:
            if self.regex.search(value) is not None:
                self.check(attribute.name, value)
        elif type(value) is tuple:
            for i, item in enumerate(value):
                if type(item) is str:
                    self.check(f"{attribute.name}[{i}]", item)

    def check(self, path: str, value: str) -> None:
        """Raise :class:`ModelError` at ``path`` if ``value`` holds the pattern."""
        found = self.regex.search(value)
        if found is not None:
            if self.message:
                raise ModelError(path, self.message.format(found=found.group(), value=value))
            verb = "start with" if self.pattern.startswith("^") else "contain"
            raise ModelError(path, f"must not {verb} {found.group()} ({self.why})")

    def allows(self, value: str) -> bool:
        """Whether ``value`` passes the rule."""
        return self.regex.search(value) is None

    def search(self) -> Callable[[str], re.Match[str] | None]:
        """The search the fast structuring path calls on a string: a match where the rule
        refuses it."""
        return self.regex.search

    def schema(self) -> dict[str, str]:
        """The JSON Schema of what the rule refuses (under ``not``)."""
        return {"pattern": self.pattern}


def _refusing(patterns: list[str]) -> dict[str, Any]:
    """The ``not`` of a field's schema refusing what any of ``patterns`` finds."""
    if len(patterns) == 1:
        return {"pattern": patterns[0]}
    return {"anyOf": [{"pattern": p} for p in patterns]}


def text(*, label: str = "", after_number: bool = False, refuses: tuple[Refuses, ...] = ()) -> Any:
    """A one-line, non-empty string; with ``after_number`` it is written after a number
    (``1.招生考试信息``: a domain's heading), so it must not start with a digit; ``refuses``
    are the rules of the template sentence it is written in."""
    schema: dict[str, Any] = _line.schema()
    validators: list[_Validator] = [_line]
    nots = [r.pattern for r in refuses]
    if after_number:
        nots.insert(0, _after_number.pattern)
        validators.append(_after_number)
    validators += refuses
    if nots:
        schema["not"] = _refusing(nots)
    validator: Any = validators[0] if len(validators) == 1 else AllOf(validators=tuple(validators))
    return attrs.field(validator=validator, metadata={LABEL: label, SCHEMA: schema})


def optional_text(*, label: str = "", default: str = "", refuses: tuple[Refuses, ...] = ()) -> Any:
    """A one-line string that may be empty; ``refuses`` as for :func:`text`."""
    schema: dict[str, Any] = _optional_line.schema()
    if refuses:
        schema["not"] = _refusing([r.pattern for r in refuses])
    validator: Any = AllOf(validators=(_optional_line, *refuses)) if refuses else _optional_line
    return attrs.field(
        default=default, validator=validator, metadata={LABEL: label, SCHEMA: schema}
    )


#: A paragraph on a line of its own does not start like a heading (``1.``, ``（一）``, ``二、``):
#: it would be read as one.
_NOT_HEADING: Final = Refuses(
    pattern=HEADING_LIKE,
    message="must not start like a heading ({found!r}): it would be read as one",
)
#: A paragraph before the initiatives of part 1 or 6 does not start as the first one does.
_INITIATIVE_FIRST: Final = Refuses(
    pattern=f"^{FIRST_INITIATIVE}",
    message="must not start with {found!r}: it would be read as an initiative",
)


def paragraphs(
    *,
    label: str = "段落",
    default: tuple[str, ...] | None = None,
    at_least_one: str = "",
    lines: bool = True,
    after_number: bool = False,
    before_initiatives: bool = False,
    refuses: tuple[Refuses, ...] = (),
) -> Any:
    """A tuple of paragraphs, each one non-empty line; with ``at_least_one`` (what an item is,
    for the message) the tuple must not be empty. With ``lines`` (the default) each is a line
    of its own in the text, so it must not start like a heading (``1.``, ``（一）``); with
    ``after_number`` each follows a number (``1.``), so it must not start with a digit; with
    ``before_initiatives`` they come before initiatives, so none starts with ``一是``;
    ``refuses`` are the rules of the template sentence each is written in."""
    schema: dict[str, Any] = {"items": _line.schema()}
    validators: list[_Validator] = [Lines()]
    nots = []
    if lines:
        nots.append(_NOT_HEADING.pattern)
        validators.append(_NOT_HEADING)
    if after_number:
        nots.append(_after_number.pattern)
        validators.append(_after_number)
    rules = (_INITIATIVE_FIRST, *refuses) if before_initiatives else refuses
    nots += [r.pattern for r in rules]
    validators += rules
    if nots:
        schema["items"]["not"] = _refusing(nots)
    if at_least_one:
        not_empty = NotEmpty(what=at_least_one)
        schema |= not_empty.schema()
        validators.append(not_empty)
    validator: Any = validators[0] if len(validators) == 1 else AllOf(validators=tuple(validators))
    kwargs: dict[str, Any] = {} if default is None else {"default": default}
    return attrs.field(validator=validator, metadata={LABEL: label, SCHEMA: schema}, **kwargs)


#: What an item of an enumeration must not hold beside 、: the reader ends the list at the
#: first ，。；,; or at a 等 after an item's first character (高等教育 would end it).
_ITEM_STOP: Final = Refuses(pattern=r"[，。；,;]|[\s\S]等", why="the list of items would end there")
#: How an enumeration's tail starts: with 等 or a stop (or it is empty).
LIST_TAIL: Final = Refuses(
    pattern="^[^等，。；,;]",
    why="a list's tail starts with 等 or one of ，。；,;: the list would go on",
)


#: An item of an enumeration holds no 、 (the reader splits the list at each).
_NO_SEPARATOR: Final = Refuses(
    pattern=LIST_SEPARATOR, message="an item must not contain {found!r}: {value!r}"
)


def items(*, label: str = "") -> Any:
    """The items of an enumeration (at least one), each a non-empty line without ``、``, stops
    (``，。；``) or a 等 after its first character."""
    not_empty = NotEmpty(what="item")
    rules = (_NO_SEPARATOR, _ITEM_STOP)
    item = {**_line.schema(), "not": _refusing([r.pattern for r in rules])}
    schema = {**not_empty.schema(), "items": item}
    validator = AllOf(validators=(Lines(), not_empty, *rules))
    return attrs.field(validator=validator, metadata={LABEL: label, SCHEMA: schema})


def _figure_field(rule: FigureIn, label: str, kind: str) -> Any:
    metadata = {LABEL: label, UNIT: rule.shown, KIND: kind}
    return attrs.field(validator=rule, metadata=metadata)


def count(unit: str, label: str) -> Any:
    """A :class:`Count` in ``unit``."""
    return _figure_field(FigureIn(kind=Count, unit=unit), label, "count")


def percent(label: str) -> Any:
    """A :class:`StatedPercent` as published."""
    return attrs.field(
        validator=OfType(cls=StatedPercent), metadata={LABEL: label, UNIT: "%", KIND: "percent"}
    )


def wan(unit: str, label: str) -> Any:
    """A :class:`WanFigure` (approximate, in 万) whose unit is ``unit``."""
    return _figure_field(FigureIn(kind=WanFigure, unit=unit), label, "wan")


def ranking(label: str) -> Any:
    """A :class:`Ranking` claim."""
    return attrs.field(validator=OfType(cls=Ranking), metadata={LABEL: label, KIND: "ranking"})


def nested(cls: type, *, label: str = "") -> Any:
    """A section of the report, an instance of ``cls``."""
    return attrs.field(validator=OfType(cls=cls), metadata={LABEL: label})


def optional_nested(cls: type, *, label: str = "") -> Any:
    """A section that may be absent (``None``)."""
    return attrs.field(default=None, validator=OptionalOf(cls=cls), metadata={LABEL: label})


def nested_tuple(
    cls: type, *, label: str = "", default: tuple[Any, ...] | None = None, at_least_one: str = ""
) -> Any:
    """A tuple of ``cls`` instances; with ``at_least_one`` (what an item is, for the message)
    it must not be empty."""
    metadata: dict[str, Any] = {LABEL: label}
    validator: Any = TupleOf(cls=cls)
    if at_least_one:
        not_empty = NotEmpty(what=at_least_one)
        metadata[SCHEMA] = not_empty.schema()
        validator = AllOf(validators=(validator, not_empty))
    if default is None:
        return attrs.field(validator=validator, metadata=metadata)
    return attrs.field(default=default, validator=validator, metadata=metadata)


@functools.cache
def members_by_value(cls: type[enum.Enum]) -> dict[object, enum.Enum]:
    """The members of ``cls`` by the value data holds (the lookup both converters use).

    >>> from hnjd_disclosure.model import InstitutionKind
    >>> members_by_value(InstitutionKind)["高职"]
    <InstitutionKind.VOCATIONAL: '高职'>
    """
    return {m.value: m for m in cls}


@attrs.frozen
class Choice(TypeRule):
    """The rule of an enumeration field: a member of ``cls``; data holds its value, looked up
    in :func:`members_by_value`.

    >>> from hnjd_disclosure.model import InstitutionKind
    >>> Choice(cls=InstitutionKind).choices
    "'本科', '高职'"
    """

    cls: type[enum.Enum]

    @property
    def choices(self) -> str:
        """The values allowed, for a message."""
        return ", ".join(repr(v) for v in members_by_value(self.cls))

    def __call__(self, _: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not self.cls:
            message = f"expected one of {self.choices}, got {show_value(value)}"
            raise ModelError(attribute.name, message)

    def value_code(self, name: str, ns: dict[str, Any]) -> str:
        """As :meth:`OfType.value_code`: a member of the enumeration."""
        ns[f"k_{name}"] = self.cls
        return f"type(v) is not k_{name}"


def choice(cls: type[enum.Enum], *, label: str = "", default: Any = attrs.NOTHING) -> Any:
    """A member of the enumeration ``cls`` (data holds its value, e.g. ``"高职"``)."""
    return attrs.field(default=default, validator=Choice(cls=cls), metadata={LABEL: label})


@attrs.frozen
class WholeNumber:
    """The rule of an integer field, stated once: an ``int`` (not a ``bool``) from ``low``
    (to ``high``, if given). It is the field's validator, gives the test the fast
    structuring path inlines, and its JSON Schema bounds.

    >>> eval(WholeNumber(low=1, high=50).refuses_code(), {"v": 51})
    True
    """

    low: int = 0
    high: int | None = None

    def __call__(self, _: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if (
            type(value) is not int
            or value < self.low
            or (self.high is not None and value > self.high)
        ):
            bound = f">= {self.low}" if self.high is None else f"from {self.low} to {self.high}"
            raise ModelError(
                attribute.name, f"expected an integer {bound}, got {show_value(value)}"
            )

    def refuses_code(self) -> str:
        """A Python expression over ``v``, true where the rule refuses ``v``."""
        code = f"type(v) is not int or v < {self.low}"
        return code if self.high is None else f"{code} or v > {self.high}"

    def value_code(self, name: str, ns: dict[str, Any]) -> str:
        """:meth:`refuses_code`, as the other rules of a value give theirs."""
        return self.refuses_code()

    def schema(self) -> dict[str, int]:
        """The JSON Schema bounds of the integers the rule accepts."""
        return {"minimum": self.low} | ({} if self.high is None else {"maximum": self.high})


def whole_number(*, label: str = "", low: int = 0, high: int | None = None, unit: str = "") -> Any:
    """An ``int`` (not a ``bool``) in ``low..high``; with a ``unit`` it is a stated figure."""
    rule = WholeNumber(low=low, high=high)
    metadata: dict[str, Any] = {LABEL: label, SCHEMA: rule.schema()}
    if unit:
        metadata |= {UNIT: unit, KIND: "number"}
    return attrs.field(validator=rule, metadata=metadata)


def date(*, label: str = "") -> Any:
    """A :class:`datetime.date` (not a datetime)."""
    return attrs.field(validator=OfType(cls=datetime.date), metadata={LABEL: label})


def check_part_of_whole(
    part_name: str, part: Count | int, whole_name: str, whole: Count | int
) -> None:
    """Raise :class:`ModelError` at ``part_name`` if the part is larger than the whole."""
    p = part.value if isinstance(part, Count) else part
    w = whole.value if isinstance(whole, Count) else whole
    if p > w:
        raise ModelError(part_name, f"must not be larger than {whole_name} ({w}), got {p}")


@attrs.frozen
class Variants:
    """Rules between fields that one field's value decides, stated once (a tagged union
    over one class): for each value of the field ``tag``, the fields it requires (non-blank)
    and those it allows, and fields of which at least one must be given (the first names
    the error); every other field of ``decided`` stays at its default.

    A class states it as ``variants`` and takes :func:`check_variants` as its
    ``__attrs_post_init__``; the fast structuring path reads it to build one function per
    value of the tag (and calls no post-init), and the JSON Schema writes one branch per
    value.

    >>> from hnjd_disclosure.model import ChecklistEntry, DisclosureStatus
    >>> ChecklistEntry.variants.fields[DisclosureStatus.NOT_STATED]
    ((), ())
    """

    tag: str
    decided: tuple[str, ...]
    #: Per value of the tag (the enum member): the fields it requires and those it allows.
    fields: Mapping[Any, tuple[tuple[str, ...], tuple[str, ...]]]
    #: Per value of the tag: fields of which at least one must be given.
    one_of: Mapping[Any, tuple[str, ...]]

    @staticmethod
    def given(value: str | tuple[str, ...]) -> bool:
        """Whether a field holds something: a non-blank string or a non-empty tuple."""
        return bool(value.strip()) if isinstance(value, str) else bool(value)

    @staticmethod
    def given_code(name: str, *, text: bool) -> str:
        """:meth:`given` as a Python expression over the variable ``name`` (a string if
        ``text``, else a tuple), for the fast path."""
        return f"{name}.strip()" if text else name

    def check(self, instance: object) -> None:
        """Raise :class:`ModelError` at the first field ``instance``'s tag requires and it
        lacks, or forbids and it has."""
        tag = getattr(instance, self.tag)
        required, allowed = self.fields[tag]
        for name in required:
            if not self.given(getattr(instance, name)):
                raise ModelError(name, f"required when the {self.tag} is {tag.value}")
        for name in self.decided:
            if name not in required + allowed and getattr(instance, name):
                raise ModelError(name, f"not allowed when the {self.tag} is {tag.value}")
        one_of = self.one_of.get(tag, ())
        if one_of and not any(self.given(getattr(instance, name)) for name in one_of):
            others = " or ".join(one_of[1:])
            message = f"required when the {self.tag} is {tag.value}, unless {others} is given"
            raise ModelError(one_of[0], message)


def check_variants(instance: Any) -> None:
    """The ``__attrs_post_init__`` of a class whose one rule between fields is its
    ``variants`` (a :class:`Variants`)."""
    type(instance).variants.check(instance)


@attrs.frozen
class InlineText:
    """The tests the rules of a text field (or of each item of a tuple of texts) give the
    generated constructors, read off the rule values by :func:`inline_text_rules`."""

    #: Python expressions over ``v`` (the text, or an item), each true where a rule refuses it;
    #: the names they use are :data:`FAST_NAMES` and those the function put in ``ns``.
    codes: tuple[str, ...]
    #: The tuple must not be empty (a :class:`NotEmpty` rule among the items' rules).
    not_empty: bool
    #: The validators the tests leave to call (an :class:`AllOf`), or None.
    rest: Any


def inline_text_rules(
    validator: object, name: str, ns: dict[str, Any], *, items: bool, lone_surrogates: bool = True
) -> InlineText | None:
    """The inline tests of a text field's ``validator``: a :class:`OneLine` (of a tuple's items
    with ``items``: a :class:`Lines`), alone or first in an :class:`AllOf` with
    :class:`Refuses` and :class:`AfterNumber` rules (and, of items, :class:`NotEmpty`). The
    searches the tests call are put in ``ns`` under names made from ``name``;
    ``lone_surrogates`` as for :meth:`OneLine.refuses_code`. None when the validator does not
    start with that rule.

    >>> ns = {}
    >>> rule = AllOf(validators=(OneLine(), AfterNumber()))
    >>> found = inline_text_rules(rule, "x", ns, items=False)
    >>> found.codes[1], found.rest, eval(" or ".join(found.codes), {**FAST_NAMES, **ns, "v": "1项"})
    ('r_x_1(v) is not None', None, True)
    """
    parts = validator.validators if isinstance(validator, AllOf) else (validator,)
    if not parts or not isinstance(parts[0], Lines if items else OneLine):
        return None
    first = parts[0]
    codes = [
        first.item_code(lone_surrogates=lone_surrogates)
        if isinstance(first, Lines)
        else first.refuses_code(lone_surrogates=lone_surrogates)
    ]
    not_empty = False
    rest = []
    for i, part in enumerate(parts[1:], 1):
        if isinstance(part, Refuses | AfterNumber):
            ns[f"r_{name}_{i}"] = part.search()
            codes.append(f"r_{name}_{i}(v) is not None")
        elif items and isinstance(part, NotEmpty):
            not_empty = True
        else:
            rest.append(part)
    return InlineText(tuple(codes), not_empty, AllOf(validators=tuple(rest)) if rest else None)


def value_rule_code(rule: object, name: str, ns: dict[str, Any]) -> str | None:
    """A Python expression over ``v``, true where ``rule`` refuses the structured value ``v``:
    the rule's own ``value_code`` (the rules of a value's type, :class:`NotEmpty`,
    :class:`WholeNumber`), which puts the values it uses in ``ns`` under names made from
    ``name``. None for a rule without one.

    >>> value_rule_code(WholeNumber(low=1), "x", {}), value_rule_code(OneLine(), "x", {})
    ('type(v) is not int or v < 1', None)
    """
    code = getattr(rule, "value_code", None)
    return None if code is None else code(name, ns)
