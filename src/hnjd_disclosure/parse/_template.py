"""Reading a template sentence (:mod:`hnjd_disclosure._templates`): in one match, or by steps.

:func:`read_template` reads a sentence of a template from a line. Most texts print the
template in its usual form, which one regular expression compiled from the template reads
in a single match. Only when that does not match does it read the sentence step by step
with the cursor (:class:`~._text.Cursor`): tolerant of spaces inside the template's words
and of thousands separators, and precise about where a sentence stops being the template
(the first literal or slot that does not fit, with its line and column).

The match must never read a text differently from the cursor, so each slot's pattern
matches a *subset* of what the slot's step accepts, and a slot is always followed by a
literal that cannot continue it (``人`` after a count, ``个部分`` after a list): where the
pattern matches, the step stops at the same character with the same value. A value the
match cannot vouch for (a year other than the report's, a day that does not exist) sends
the sentence to the cursor, which says where.

A template with a *sought* piece (prose of any length around a figure) is read by neither:
:func:`find_template` finds that piece by its rule, searching the whole line, and the slots
around it take the text between.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable
from contextvars import ContextVar
from decimal import Decimal
from typing import Any, Final, TypeVar

from .. import _templates as t
from .._checked import checked
from .._fastpath import shared_count, shared_percent, shared_ranking, shared_wan
from .._layout import NOTICES, notice_span
from ..errors import ModelError
from ..model import LegalBasis
from ..numerals import from_chinese
from ..quantities import RANKING_PATTERN, Ranking, StatedPercent, WanFigure
from ._text import Cursor, Line, fold

__all__ = ["LONE_SURROGATES", "Values", "build", "find_template", "numeral_value", "read_template"]

T = TypeVar("T")

#: The figures a template sentence gives, by field (an attribute path of the model).
Values = dict[str, Any]

#: Whether a sentence is first read in one match (tests switch it off to compare).
_MATCH_FIRST = True

# The spaces a figure may have before it (the cursor also skips U+00A0 there; the match
# leaves that rarity to the cursor, as it does spaces inside the template's words).
_SPACE_CHARS: Final = " \t\u3000"
_SPACES: Final = f"[{_SPACE_CHARS}]*+"
# a whole number as Cursor.number reads it, without thousands separators
_NUMBER: Final = _SPACES + r"([0-9]{1,15})"
# a number with an optional decimal part, as Cursor.decimal reads it
_DECIMAL: Final = _SPACES + r"([0-9]{1,15}(?:\.[0-9]{1,15})?)"
# the number of a percentage, at most six whole digits: within the readers' bound of 1,000,000
_PERCENT: Final = _SPACES + r"([0-9]{1,6}(?:\.[0-9]{1,15})?)%"
# What may not follow a whole number: a digit, a thousands separator or a decimal point
# would continue the cursor's number past where the pattern stops.
_CONTINUES_A_NUMBER: Final = frozenset("0123456789，.")
_CN_NUMERALS: Final = frozenset("零〇一二两三四五六七八九十百千")
_ASCII_DIGITS: Final = frozenset("0123456789")
# One legal basis as the preamble cites it: issuer《title》（document number）, without brackets
# of the same kind nested inside (those are left to the cursor).
_BASIS: Final = r"(?P<issuer>[^《]*)《(?P<title>[^《》]*)》（(?P<doc_no>[^（）]*)）"
_LEGAL_BASIS: Final = re.compile(_BASIS + "[、和]?")
_UNNAMED_BASIS: Final = re.sub(r"\?P<\w+>", "?:", _BASIS)


class _NotUsual(Exception):
    """The match found a value the cursor must read (to say where it is wrong)."""


#: Whether the text being read may hold a lone surrogate (a string read from a text without
#: one holds none): the reader sets it for the time of a read, and :func:`build` searches the
#: strings it is given for one only when it is true.
LONE_SURROGATES: Final[ContextVar[bool]] = ContextVar("lone_surrogates", default=True)


def build(line: Line, cls: type[T], /, **values: Any) -> T:
    """Build a model object ``cls(**values)`` (through its checked constructor: the same
    object, faster), turning a rule it breaks into a ParseError at ``line``.

    >>> build(Line("人事", 3, 0), LegalBasis, issuer="教育部", title="", doc_no="").title
    Traceback (most recent call last):
    ...
    hnjd_disclosure.errors.ParseError: line 3, column 1: not a valid report: title: must not ...
    """
    try:
        return checked(cls, lone_surrogates=LONE_SURROGATES.get())(**values)
    except ModelError as exc:
        raise line.error(f"not a valid report: {exc}") from None


def read_template(template: t.Template, line: Line, at: int = 0, *, year: int = 0) -> Values:
    """The values of ``template``'s sentence, which is the rest of ``line`` from ``at``.

    ``year`` is the report's year, which the template's year slots must print.

    >>> from hnjd_disclosure._templates import COMPLAINTS
    >>> values = read_template(COMPLAINTS, Line("本年度学校收到信息公开举报 1,200件，行政复议0件，"
    ...                                         "行政诉讼0件。", 1, 0))
    >>> values["complaints"]
    Count(value=1200, unit='件')

    Raises:
        ParseError: at the first literal or slot that does not fit.
    """
    if (sought := _sought(template)) is not None:
        values = find_template(template, line)
        if values is None:
            raise line.error(f"expected {sought[1].what}")
        return values
    if _MATCH_FIRST:
        values = _compiled(template).read(line, at, year)
        if values is not None:
            return values
    return _read_by_steps(template, line.cursor(at), line, year)


# -- in one match -----------------------------------------------------------------------------

#: A slot's value from its groups: (match, the slot's group, line, year) -> value.
_Convert = Callable[[re.Match[str], str, Line, int], Any]


class _Compiled:
    """A template as one regular expression, and how each slot's groups become values."""

    __slots__ = ("fields", "pattern")

    def __init__(self, pattern: re.Pattern[str], fields: list[tuple[str, str, _Convert]]) -> None:
        self.pattern = pattern
        self.fields = fields  # (field, group, convert)

    def read(self, line: Line, at: int, year: int) -> Values | None:
        match = self.pattern.fullmatch(line.folded, at)
        if match is None:
            return None
        try:
            values = {field: convert(match, g, line, year) for field, g, convert in self.fields}
        except _NotUsual:
            return None
        values.pop("", None)
        return values


@functools.cache
def _compiled(template: t.Template) -> _Compiled:
    parts: list[str] = []
    fields: list[tuple[str, str, _Convert]] = []
    groups: dict[str, str] = {}  # the group of each field read so far (for Again)
    after_number = False
    for i, piece in enumerate(template.pieces):
        if isinstance(piece, str):
            folded = fold(piece)
            # the literal after a whole number must end it
            assert not after_number or folded[0] not in _CONTINUES_A_NUMBER, piece
            parts.append(re.escape(folded))
            after_number = False
            continue
        group = f"s{i}"
        pattern, convert = _pattern(piece, group, groups)
        parts.append(pattern)
        after_number = isinstance(piece, t.Number | t.Year)
        if isinstance(piece, t.PartList | t.ProvinceList):
            fields.append((piece.count, group + "n", _list_count(piece)))
        if isinstance(piece, t.Again):
            continue  # the match checked it: no value of its own
        groups.setdefault(piece.field, group)
        fields.append((piece.field, group, convert))  # a Year's field "" is dropped
    return _Compiled(re.compile("".join(parts)), fields)


def _pattern(slot: t.Slot, group: str, groups: dict[str, str]) -> tuple[str, _Convert]:
    """A slot's pattern (its value in the group ``group``) and the conversion of its groups."""
    if isinstance(slot, t.Count):
        count = _count_in(slot.unit)
        return _named(_NUMBER, group) + re.escape(fold(slot.unit)), count
    if isinstance(slot, t.Percent):
        return _named(_PERCENT, group), lambda m, g, _ln, _y: shared_percent(m[g] + "%")
    if isinstance(slot, t.Wan):
        wan = _wan_in(slot.unit)
        return _named(_DECIMAL, group) + re.escape("万" + slot.unit), wan
    if isinstance(slot, t.Year):
        return _named(_NUMBER, group), _same_year
    if isinstance(slot, t.Number):
        return _named(_NUMBER, group), lambda m, g, _ln, _y: int(m[g])
    if isinstance(slot, t.Ranking):
        # the model's own form, so the match reads no ranking the model would refuse
        return f"(?P<{group}>{RANKING_PATTERN.pattern})", lambda m, g, _ln, _y: shared_ranking(m[g])
    if isinstance(slot, t.Date):
        day = f"{_named(_NUMBER, group + 'y')}年{_named(_NUMBER, group + 'm')}月"
        return f"{day}{_named(_NUMBER, group + 'd')}日", _date_of
    return _text_pattern(slot, group, groups)


def _text_pattern(slot: t.Slot, group: str, groups: dict[str, str]) -> tuple[str, _Convert]:
    """The pattern and conversion of a slot of text: names, lists, the legal bases."""
    if isinstance(slot, t.Bases):
        # several bases: the cursor reads them (and brackets nested in them) the same way
        return f"(?P<{group}>{_UNNAMED_BASIS}(?:[、和]{_UNNAMED_BASIS})*)", _bases_of
    if isinstance(slot, t.PartList):
        # no 个 in the names, so the 个部分 matched is the first (the cursor reads up to it)
        names = f"(?P<{group}>[^个]*)等(?P<{group}n>[零〇一二两三四五六七八九十百千]+)"
        return names, lambda m, g, ln, _y: tuple(_original(ln, m, g).split("、"))
    if isinstance(slot, t.ProvinceList):
        # no 个 in the list; the count is all the digits before 个
        names = f"(?P<{group}>[^个]*)(?P<{group}n>(?<![0-9])[0-9]{{1,4}})"
        return names, lambda m, g, ln, _y: _names(_original(ln, m, g))
    if isinstance(slot, t.Award):
        # An award with no ， or space in it is the cursor's (up to the first marker),
        # stripped; the cursor reads no award when the text starts with ``otherwise``.
        other, marker = re.escape(fold(slot.otherwise)), re.escape(fold(slot.marker))
        award = f"(?:{other}|(?!{other})(?P<{group}>[^，\\s]+){marker})"
        return award, lambda m, g, ln, _y: "" if m[g] is None else _original(ln, m, g)
    if isinstance(slot, t.HomeName):
        # a name without the first character of ``before`` or spaces: the ``before`` after it
        # is the first (the cursor's), and the name is the cursor's, stripped
        name = f"(?P<{group}>[^{re.escape(slot.before[0])}\\s]+)"
        return name, lambda m, g, ln, _y: _original(ln, m, g)
    assert isinstance(slot, t.Again), slot
    return f"(?P={groups[slot.field]})", lambda m, g, ln, _y: None


def _count_in(unit: str) -> _Convert:
    return lambda m, g, _ln, _y: shared_count(int(m[g]), unit)


def _wan_in(unit: str) -> _Convert:
    return lambda m, g, _ln, _y: shared_wan(m[g], unit)


def _named(pattern: str, group: str) -> str:
    """``pattern`` with its one group named ``group``."""
    return pattern.replace("(", f"(?P<{group}>", 1)


def _original(line: Line, match: re.Match[str], group: str) -> str:
    """The text of ``group`` of a match on the folded line, as the line writes it."""
    start, end = match.span(group)
    return line.text[start:end]


def _same_year(match: re.Match[str], group: str, _line: Line, year: int) -> int:
    if int(match[group]) != year:
        raise _NotUsual
    return year


def _date_of(match: re.Match[str], group: str, _line: Line, _year: int) -> datetime.date:
    """The date of the groups ``{group}y``, ``{group}m``, ``{group}d``, if it exists."""
    try:
        return datetime.date(
            int(match[group + "y"]), int(match[group + "m"]), int(match[group + "d"])
        )
    except (ValueError, OverflowError):
        raise _NotUsual from None


def _bases_of(match: re.Match[str], group: str, line: Line, _year: int) -> tuple[LegalBasis, ...]:
    return tuple(
        _legal_basis(
            line,
            _original(line, basis, "issuer"),
            _original(line, basis, "title"),
            _original(line, basis, "doc_no"),
        )
        for basis in _LEGAL_BASIS.finditer(line.folded, *match.span(group))
    )


def _list_count(slot: t.PartList | t.ProvinceList) -> _Convert:
    if isinstance(slot, t.PartList):
        return lambda m, g, _ln, _y: numeral_value(m[g])
    return lambda m, g, _ln, _y: int(m[g])


def _names(listed: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in listed.rstrip().split("、"))


def numeral_value(label: str) -> int:
    """The value of Chinese numerals (``八`` is 8), or -1 if they are not a number."""
    try:
        return from_chinese(label)
    except ValueError:
        return -1


def _legal_basis(line: Line, issuer: str, title: str, doc_no: str) -> LegalBasis:
    return build(line, LegalBasis, issuer=issuer, title=title, doc_no=doc_no)


# -- by searching ------------------------------------------------------------------------------

_Sought = t.NoticeCount | t.Marker
# The closing stops of a sentence whose last slot is a name: 。 or a '.' that folding left as
# it is (after a digit, 0731-84033328.); the stop may also be missing.
_STOPS: Final = "。."


@functools.cache
def _sought(template: t.Template) -> tuple[int, _Sought] | None:
    """The piece of ``template`` found by searching, and its index, if it has one."""
    return next(((i, p) for i, p in enumerate(template.pieces) if isinstance(p, _Sought)), None)


def find_template(template: t.Template, line: Line) -> Values | None:
    """The values of ``template``'s sentence, the whole ``line``, if its sought piece is found.

    >>> from hnjd_disclosure._templates import CONTACT
    >>> line = Line("请联系：党政办公室， 电话：0731-84033328。", 1, 0)
    >>> find_template(CONTACT, line)["contact.telephone"]
    '0731-84033328'
    >>> find_template(CONTACT, Line("请联系党政办公室。", 1, 0)) is None
    True

    Raises:
        ParseError: if the sought figure is too long a number.
    """
    found = _sought(template)
    assert found is not None, template.what
    i, sought = found
    span = _find(sought, line.folded)
    if span is None:
        return None
    start, end = span
    values: Values = {}
    if isinstance(sought, t.NoticeCount):
        values[sought.field] = _notices(sought, line, start)
        start = len(line.text[:start].rstrip(_SPACE_CHARS))  # the figure's spaces
    _read_between(template.pieces[:i], line, 0, start, values)
    _read_between(template.pieces[i + 1 :], line, end, len(line.text), values)
    return values


def _find(sought: _Sought, folded: str) -> tuple[int, int] | None:
    """Where ``sought`` stands in the folded line, by its rule."""
    if isinstance(sought, t.NoticeCount):
        return notice_span(folded)
    last = None
    for last in sought.pattern.finditer(folded):  # noqa: B007 (the last one is wanted)
        pass
    return None if last is None else last.span()


def _notices(slot: t.NoticeCount, line: Line, start: int) -> Any:
    match = NOTICES.match(line.folded, start)
    assert match is not None  # notice_span found it there
    digits = match[1].replace("，", "")
    if len(digits) > 15:
        raise line.error("expected a number of at most 15 digits", start)
    return shared_count(int(digits), slot.unit)


def _read_between(
    pieces: tuple[t.Piece, ...], line: Line, lo: int, hi: int, values: Values
) -> None:
    """The slots of ``pieces`` from ``lo`` to ``hi`` of the line: each prose ``through`` a
    literal ends after its last one; the last slot takes the rest, less the closing stop."""
    *slots, last = [p for p in pieces if not isinstance(p, str)]
    closing = pieces[pieces.index(last) + 1 :]
    for slot in slots:
        assert isinstance(slot, t.Prose), slot
        assert slot.through, slot  # else it would take all and leave the next slot nothing
        at = line.folded.rfind(fold(slot.through), lo, hi)
        cut = lo if at < 0 else at + len(slot.through)
        values[slot.field] = line.text[lo:cut]
        lo = cut
    text = line.text[lo:hi]
    if isinstance(last, t.Name):
        assert closing in ((), ("。",)), closing
        text = text.rstrip()
        if closing and text and fold(text[-1]) in _STOPS:
            text = text[:-1]
        text = text.strip()
    else:
        assert isinstance(last, t.Prose), last
        assert not closing, closing  # prose is kept as written: a stop would be its own
    values[last.field] = text


# -- step by step -----------------------------------------------------------------------------


def _read_by_steps(template: t.Template, c: Cursor, line: Line, year: int) -> Values:
    values: Values = {}
    for piece in template.pieces:
        if isinstance(piece, str):
            c.expect(piece)
        else:
            _STEPS[type(piece)](piece, c, values, line, year)
    if not c.at_end():
        raise c.error(f"the end of {template.what}")
    return values


_Step = Callable[[Any, Cursor, Values, Line, int], None]


def _step_count(slot: t.Count, c: Cursor, values: Values, _line: Line, _year: int) -> None:
    values[slot.field] = shared_count(c.count(slot.unit), slot.unit)


def _step_number(slot: t.Number, c: Cursor, values: Values, _line: Line, _year: int) -> None:
    values[slot.field] = c.number()


def _step_year(slot: t.Year, c: Cursor, _values: Values, _line: Line, year: int) -> None:
    start = c.pos
    if c.number() != year:
        c.pos = start
        raise c.error(f"the report's year {year}")


def _step_percent(slot: t.Percent, c: Cursor, values: Values, _line: Line, _year: int) -> None:
    start = c.pos
    value = c.decimal()
    c.expect("%")
    if value > 1_000_000:
        c.pos = start
        raise c.error("a percentage")
    values[slot.field] = StatedPercent(value=value)


def _step_wan(slot: t.Wan, c: Cursor, values: Values, _line: Line, _year: int) -> None:
    value: Decimal = c.decimal()
    c.expect("万" + slot.unit)
    values[slot.field] = WanFigure(value=value, unit=slot.unit)


def _step_ranking(slot: t.Ranking, c: Cursor, values: Values, _line: Line, _year: int) -> None:
    c.expect("前")
    start = c.pos
    while c.pos < len(c.folded) and (c.folded[c.pos] in _CN_NUMERALS or c.folded[c.pos].isdigit()):
        c.pos += 1
    text = "前" + c.folded[start : c.pos] + "名"
    c.expect("名")
    try:
        Ranking(text=text)
    except ModelError:
        c.pos = start
        raise c.error("a ranking such as 前50名") from None
    values[slot.field] = shared_ranking(text)


def _step_date(slot: t.Date, c: Cursor, values: Values, _line: Line, _year: int) -> None:
    """``2021年9月1日`` (also ``2021.9.1``, ``2021-9-1``, ``2021/9/1``)."""
    start = c.pos
    year = c.number()
    c.skip_space()
    sep = c.folded[c.pos : c.pos + 1]
    if sep not in ("年", ".", "-", "/"):
        raise c.error("a date such as 2021年9月1日")
    c.pos += 1
    month = c.number()
    c.expect("月" if sep == "年" else sep)
    day = c.number()
    if sep == "年":
        c.expect("日")
    try:
        values[slot.field] = datetime.date(year, month, day)
    except (ValueError, OverflowError):
        c.pos = start
        raise c.error("a valid date") from None


def _step_bases(slot: t.Bases, c: Cursor, values: Values, line: Line, _year: int) -> None:
    """Each ``issuer《title》（doc_no）``, then 、 or 和 before the next."""
    bases: list[LegalBasis] = []
    while True:
        issuer = c.take_until("《", "a document 《…》")
        title = _bracketed(c, "《", "》")
        c.skip_space()
        doc_no = _bracketed(c, "（", "）")
        bases.append(_legal_basis(line, issuer, title, doc_no))
        c.skip_space()
        if c.pos < len(c.folded) and c.folded[c.pos] in "、和":
            c.pos += 1
            continue
        break
    values[slot.field] = tuple(bases)


def _bracketed(c: Cursor, open_: str, close: str) -> str:
    """The text inside ``open_ … close`` (nesting allowed), consuming both brackets."""
    c.expect(open_)
    depth = 1
    start = at = c.pos
    f = c.folded
    # from close to close: the depth can only reach 0 at one
    while (stop := f.find(close, at)) >= 0:
        depth += f.count(open_, at, stop) - 1
        at = stop + 1
        if depth == 0:
            c.pos = at
            return c.text[start:stop]
    raise c.error(f"「{close}」 closing 「{open_}」")


def _step_part_list(slot: t.PartList, c: Cursor, values: Values, _line: Line, _y: int) -> None:
    """``甲、乙等八``: the names, 等, and their number (numerals, or up to three digits)."""
    names_text = c.take_until(slot.until, "the parts")
    end = c.pos
    n = len(names_text)
    while n and (names_text[n - 1] in _CN_NUMERALS or fold(names_text[n - 1]) in _ASCII_DIGITS):
        n -= 1
    numeral = fold(names_text[n:]).strip()
    head = names_text[:n].rstrip()
    if not numeral or not head.endswith("等"):
        c.pos = end
        raise c.error(f"「等N{slot.until}」 after the parts")
    digits_only = all(ch in _ASCII_DIGITS for ch in numeral)
    values[slot.count] = (
        int(numeral) if digits_only and len(numeral) < 4 else numeral_value(numeral)
    )
    values[slot.field] = tuple(head[:-1].split("、"))


def _step_province_list(
    slot: t.ProvinceList, c: Cursor, values: Values, _line: Line, _year: int
) -> None:
    """``湖南、新疆2``: the names, and their number in at most four digits."""
    listed = c.take_until(slot.until, "the provinces")
    end = c.pos
    n = len(listed)
    while n and fold(listed[n - 1]) in "0123456789":
        n -= 1
    if n == len(listed):
        c.pos = end
        raise c.error(f"the number of provinces before 「{slot.until}」")
    if len(listed) - n > 4:
        c.pos = n
        raise c.error("a number of provinces of at most 4 digits")
    values[slot.count] = int(fold(listed[n:]))
    values[slot.field] = _names(listed[:n])


def _step_award(slot: t.Award, c: Cursor, values: Values, _line: Line, _year: int) -> None:
    award = ""
    otherwise = fold(slot.otherwise)
    if c.find(slot.marker) >= 0 and fold(c.text[c.pos :]).lstrip()[: len(otherwise)] != otherwise:
        award = c.take_until(slot.marker, "the Weibo award").strip()
        c.expect(slot.marker)
    else:
        c.expect(slot.otherwise)
    values[slot.field] = award


def _step_home_name(slot: t.HomeName, c: Cursor, values: Values, _line: Line, _year: int) -> None:
    found = _followed_by_a_figure(slot.before).search(c.folded, c.pos)
    if found is None:
        raise c.error(f"the home province followed by 「{slot.before}N人」")
    values[slot.field] = c.text[c.pos : found.start()].strip()
    c.pos = found.start()


@functools.cache
def _followed_by_a_figure(literal: str) -> re.Pattern[str]:
    return re.compile(re.escape(fold(literal)) + r"(?=[ \t\u3000]*+[0-9])")


def _step_again(slot: t.Again, c: Cursor, values: Values, _line: Line, _year: int) -> None:
    c.expect(values[slot.field])


#: How each kind of slot is read step by step: it moves the cursor and sets its values.
_STEPS: Final[dict[type[t.Slot], _Step]] = {
    t.Count: _step_count,
    t.Number: _step_number,
    t.Year: _step_year,
    t.Percent: _step_percent,
    t.Wan: _step_wan,
    t.Ranking: _step_ranking,
    t.Date: _step_date,
    t.Bases: _step_bases,
    t.PartList: _step_part_list,
    t.ProvinceList: _step_province_list,
    t.Award: _step_award,
    t.HomeName: _step_home_name,
    t.Again: _step_again,
}
