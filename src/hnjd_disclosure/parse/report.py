"""Read a report in this school's layout back into the model: the inverse of the renderer.

:func:`parse_report` reads the text :func:`hnjd_disclosure.render.render` writes (and the
published 2022 text) and returns the :class:`~hnjd_disclosure.model.AnnualReport`.

What is normalised, and where:

* lines: blank lines carry no meaning; each line is stripped of surrounding whitespace
  (also U+3000); any line break (``\\r\\n``, ``\\r``, ``\\u2028`` …) ends a line;
* headings (``一、``, ``（一）``, ``1.``): ASCII or full-width parentheses, ``、 . ．`` after
  the number, spaces around the marker;
* the template sentences (the preamble, the admissions and employment figures, the media
  passage, the procurement count, requests, complaints, the contact line): spaces anywhere,
  full-width or half-width digits and punctuation, thousands separators (``5,300``);
* before the title: any lines (a web page's navigation) are skipped.

Prose (paragraphs, titles, initiatives' bodies, the lead and tail of the procurement line)
is kept exactly as written.

Each template sentence is declared once, in :mod:`hnjd_disclosure._templates`, and read from
its template (:func:`._template.read_template`): whole, with one regular expression of its
usual form; only when that does not match, step by step with the cursor, which accepts the
tolerant forms above and says where a sentence stops being the template.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any, Final

from .._fastpath import shared_count
from .._layout import (
    FIRST_INITIATIVE,
    HEADING_STARTS,
    HEADINGS,
    INCLUDES,
    Listed,
    affairs_lists,
    find_list,
)
from .._templates import (
    ADMISSIONS,
    COMPLAINTS,
    CONTACT,
    MEDIA,
    PREAMBLE,
    PROCUREMENT,
    REQUESTS,
    Count,
    Template,
)
from ..errors import ParseError
from ..model import (
    Admissions,
    AnnualReport,
    Assessment,
    Complaints,
    Contact,
    Domain,
    Employment,
    FinanceDomain,
    Improvement,
    Initiative,
    ItemList,
    LegalBasis,
    MediaFigures,
    OtherMatters,
    Overview,
    Period,
    ProactiveDisclosure,
    Procurement,
    RequestCounts,
    RequestDisclosure,
    StudentAffairsDomain,
    TeachingDomain,
)
from ..model._fields import has_surrogate
from ..numerals import to_chinese
from ._template import (
    LONE_SURROGATES,
    Values,
    build,
    find_template,
    numeral_value,
    read_template,
)
from ._text import Line, check_size, fold, lines_of

__all__ = ["parse_report"]


#: A heading's line, its text, and the lines under it.
_Section = tuple[Line, str, list[Line]]

#: What the preamble gives: the legal bases, the period, the part names and their stated count.
_Header = tuple[tuple[LegalBasis, ...], Period, tuple[str, ...], int]


class _Level:
    """A heading level: its pattern (group 1 the number) and what such a heading starts with."""

    __slots__ = ("pattern", "starts")

    def __init__(self, pattern: re.Pattern[str], starts: frozenset[str]) -> None:
        self.pattern = pattern
        # most lines fail this test, so they are rejected without running the pattern
        self.starts = starts


# The model refuses a paragraph that starts like any of these (the same patterns).
_LEVEL1, _LEVEL2, _LEVEL3 = map(_Level, HEADINGS, HEADING_STARTS)
_PART_COUNT: Final = 7


def parse_report(text: str) -> AnnualReport:
    """Read a report written in this school's layout (the inverse of ``render``).

    >>> from hnjd_disclosure import builtin_report, render
    >>> report = builtin_report(2022)
    >>> parse_report(render(report)).proactive == report.proactive
    True

    Raises:
        ParseError: with the line and column where the text stops being such a report.
        TextTooLargeError: if the text is longer than :data:`~._text.MAX_CHARS`.
    """
    # a byte-order mark left at the start of a decoded file is not part of the text
    text = check_size(text).removeprefix("\ufeff")
    # one search of the whole text spares one in each string read from it
    token = LONE_SURROGATES.set(not text.isascii() and has_surrogate(text))
    try:
        return _Reader(lines_of(text)).report()
    finally:
        LONE_SURROGATES.reset(token)


def _heading(line: Line, level: _Level, number: int) -> str | None:
    """The heading text if ``line`` is heading ``number`` of ``level``."""
    folded = line.folded
    if folded[:1] not in level.starts:
        return None
    match = level.pattern.match(folded)
    if match is None:
        return None
    label = match.group(1)
    value = int(label) if label.isdigit() else _heading_number(label)
    if value != number:
        return None
    return line.text[match.end() :]


def _next_heading(
    lines: Sequence[Line], start: int, level: _Level, number: int
) -> tuple[int, str | None]:
    """The index and text of the first heading ``number`` of ``level`` from ``start`` on.

    ``(len(lines), None)`` if there is none.
    """
    starts = level.starts
    for i in range(start, len(lines)):
        # the first-character test inline: most lines are not headings of this level
        if lines[i].folded[:1] in starts:
            title = _heading(lines[i], level, number)
            if title is not None:
                return i, title
    return len(lines), None


# A heading's number is at most four numerals, and the same few (一 … 七) in every report.
# (Only those are cached: a cache of any numeral would keep a long one of a hostile text.)
@functools.lru_cache(maxsize=256)
def _heading_number(label: str) -> int:
    return numeral_value(label)


class _Reader:
    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.year = 0

    def _end_error(self, expected: str) -> ParseError:
        last = self.lines[-1].number if self.lines else 1
        return ParseError(f"expected {expected}, found the end of the text", line=last, column=1)

    # -- the whole report ---------------------------------------------------------------------

    def report(self) -> AnnualReport:
        lines = self.lines
        at = next((i for i, ln in enumerate(lines) if ln.folded.startswith(PREAMBLE.opening)), None)
        if at is None:
            first = lines[0] if lines else Line("", 1, 0)
            raise first.error(f"expected the preamble 「{PREAMBLE.opening}…」 after the title")
        if at == 0:
            raise lines[at].error("expected the institution and the title before the preamble")
        institution, title = self._title_lines(lines[:at])
        header = self._preamble(lines[at])
        bodies = self._parts(at + 1)
        heads = [h for h, _ in bodies]
        parts = [b for _, b in bodies]
        first_line = lines[at]
        overview = self._overview(heads[0], parts[0])
        proactive = self._proactive(heads[1], parts[1])
        requests = self._requests(heads[2], parts[2])
        assessment = build(
            heads[3][0], Assessment, heading=heads[3][1], paragraphs=_texts(parts[3])
        )
        complaints = self._complaints(heads[4], parts[4])
        improvement = self._improvement(heads[5], parts[5])
        other = self._other(heads[6], parts[6])
        basis, period, names, stated = header
        return build(
            first_line,
            AnnualReport,
            institution=institution,
            year=self.year,
            title=title,
            legal_basis=basis,
            period=period,
            part_names=names,
            stated_part_count=stated,
            overview=overview,
            proactive=proactive,
            requests=requests,
            assessment=assessment,
            complaints=complaints,
            improvement=improvement,
            other=other,
        )

    @staticmethod
    def _title_lines(before: Sequence[Line]) -> tuple[str, str]:
        """Institution and title: the two lines before the preamble, past any navigation."""
        if len(before) == 1:
            # a copy that joined them: 湖南机电职业技术学院 2022年信息公开年度报告
            joined = _JOINED_TITLE.fullmatch(before[0].text)
            if joined is None:
                raise before[0].error("expected the institution and the title on two lines")
            return joined.group(1), joined.group(2)
        if len(before) == 2:
            return before[0].text, before[1].text
        # A web page: the title is the last line naming a report, the institution above it.
        index = max(
            (i for i in range(1, len(before)) if "报告" in before[i].text), default=len(before) - 1
        )
        return before[index - 1].text, before[index].text

    def _parts(self, start: int) -> list[tuple[tuple[Line, str], list[Line]]]:
        """Split the lines after the preamble at the headings 一、 … 七、 (and stop at 八、)."""
        lines = self.lines
        out: list[tuple[tuple[Line, str], list[Line]]] = []
        i = start
        title = _heading(lines[i], _LEVEL1, 1) if i < len(lines) else None
        for number in range(1, _PART_COUNT + 1):
            if i >= len(lines):
                raise self._end_error(f"the heading 「{to_chinese(number)}、」")
            if title is None or not title.strip():
                raise lines[i].error(f"expected the heading 「{to_chinese(number)}、…」")
            end, following = _next_heading(lines, i + 1, _LEVEL1, number + 1)
            out.append(((lines[i], title), lines[i + 1 : end]))
            i, title = end, following
        return out

    # -- the preamble ---------------------------------------------------------------------------

    def _preamble(self, line: Line) -> _Header:
        values = read_template(PREAMBLE, line)
        self.year = values["year"]
        period = build(line, Period, start=values["period.start"], end=values["period.end"])
        return values["legal_basis"], period, values["part_names"], values["stated_part_count"]

    # -- part 1 ---------------------------------------------------------------------------------

    def _overview(self, head: tuple[Line, str], body: list[Line]) -> Overview:
        paragraphs, initiatives, last = _initiative_lines(body)
        media = None
        target = last if last is not None else (paragraphs[-1] if paragraphs else None)
        if target is not None:
            found = self._media(target)
            if found is not None:
                prefix, media = found
                if last is not None:
                    initiatives[-1] = _initiative_of(
                        _replace(last, prefix), _marker(len(initiatives))
                    )
                elif prefix.strip():
                    paragraphs[-1] = _replace(target, prefix)
                else:
                    paragraphs.pop()
        return build(
            head[0],
            Overview,
            heading=head[1],
            paragraphs=_texts(paragraphs),
            initiatives=tuple(initiatives),
            media=media,
        )

    def _media(self, line: Line) -> tuple[str, MediaFigures] | None:
        at = line.folded.rfind(MEDIA.opening)
        if at < 0:
            return None
        values = read_template(MEDIA, line, at, year=self.year)
        return line.text[:at], build(line, MediaFigures, **values)

    # -- part 2 ---------------------------------------------------------------------------------

    def _proactive(self, head: tuple[Line, str], body: list[Line]) -> ProactiveDisclosure:
        if not body:
            raise head[0].error("expected the heading 「（一）…」 after this heading")
        channels_heading = _heading(body[0], _LEVEL2, 1)
        if channels_heading is None:
            raise body[0].error("expected the heading 「（一）…」")
        i, channels = _channels(body)
        if i >= len(body):
            raise self._end_error("the heading 「（二）…」")
        domains_heading = _heading(body[i], _LEVEL2, 2)
        assert domains_heading is not None
        first, domains = self._domains(body, i + 1)
        paragraphs = body[i + 1 : first]
        admissions = self._admissions(domains[0])
        finance = self._finance(domains[1])
        personnel = _domain(domains[2])
        teaching = _teaching(domains[3])
        student_affairs = _student_affairs(domains[4])
        other = _domain(domains[5])
        return build(
            head[0],
            ProactiveDisclosure,
            heading=head[1],
            channels_heading=channels_heading,
            channels=tuple(channels),
            domains_heading=domains_heading,
            paragraphs=_texts(paragraphs),
            admissions=admissions,
            finance=finance,
            personnel=personnel,
            teaching=teaching,
            student_affairs=student_affairs,
            other=other,
        )

    def _domains(self, body: list[Line], start: int) -> tuple[int, list[_Section]]:
        """The index of heading 「1.」 from ``start`` on, and the six domains from there."""
        domains: list[_Section] = []
        first, title = _next_heading(body, start, _LEVEL3, 1)
        i = first
        for number in range(1, 7):
            if i >= len(body):
                raise self._end_error(f"the heading 「{number}.…」")
            # where the lines did not end, the search stopped at heading ``number``
            assert title is not None
            end, following = (
                (len(body), None)
                if number == 6
                else _next_heading(body, i + 1, _LEVEL3, number + 1)
            )
            domains.append((body[i], title, body[i + 1 : end]))
            i, title = end, following
        return first, domains

    def _admissions(self, domain: _Section) -> Admissions:
        start, heading, lines = domain
        if not lines:
            raise start.error(
                f"expected the admissions figures 「…{ADMISSIONS.opening}…」 after this heading"
            )
        last = lines[-1]
        at = _admissions_start(last.folded, self.year)
        if at < 0:
            raise last.error(f"expected the admissions figures 「…{ADMISSIONS.opening}…」")
        prefix = last.text[:at]
        paragraphs = [*lines[:-1], _replace(last, prefix)] if prefix.strip() else lines[:-1]
        values = _nested(read_template(ADMISSIONS, last, at, year=self.year))
        employment = build(last, Employment, **values.pop("employment"))
        return build(
            last,
            Admissions,
            heading=heading,
            paragraphs=_texts(paragraphs),
            employment=employment,
            **values,
        )

    def _finance(self, domain: _Section) -> FinanceDomain:
        start, heading, lines = domain
        if not lines:
            raise start.error("expected the procurement line 「…共N条…」 after this heading")
        last = lines[-1]
        values = read_template(PROCUREMENT, last)
        procurement = build(last, Procurement, **values)
        return build(
            start,
            FinanceDomain,
            heading=heading,
            paragraphs=_texts(lines[:-1]),
            procurement=procurement,
        )

    # -- parts 3 to 7 ---------------------------------------------------------------------------

    def _requests(self, head: tuple[Line, str], body: list[Line]) -> RequestDisclosure:
        lines, values = _figures_at_end(REQUESTS, body)
        where = body[-1] if body else head[0]
        requests = build(where, RequestCounts, **values)
        return build(
            head[0], RequestDisclosure, heading=head[1], paragraphs=_texts(lines), requests=requests
        )

    def _complaints(self, head: tuple[Line, str], body: list[Line]) -> Complaints:
        lines, values = _figures_at_end(COMPLAINTS, body)
        return build(head[0], Complaints, heading=head[1], paragraphs=_texts(lines), **values)

    def _improvement(self, head: tuple[Line, str], body: list[Line]) -> Improvement:
        paragraphs, measures, _ = _initiative_lines(body)
        return build(
            head[0],
            Improvement,
            heading=head[1],
            paragraphs=_texts(paragraphs),
            measures=tuple(measures),
        )

    def _other(self, head: tuple[Line, str], body: list[Line]) -> OtherMatters:
        lines = body
        intro = ""
        contact = None
        values = find_template(CONTACT, body[-1]) if body else None
        if values is not None:
            found = _nested(values)
            intro = found["contact_intro"]
            contact = build(body[-1], Contact, **found["contact"])
            lines = body[:-1]
        return build(
            head[0],
            OtherMatters,
            heading=head[1],
            paragraphs=_texts(lines),
            contact_intro=intro,
            contact=contact,
        )


_JOINED_TITLE: Final = re.compile(
    r"([^ \t\u3000]{2,60}?(?:大学|学院|学校))[ \t\u3000]*+([^ \t\u3000].{0,80}报告)"
)


def _channels(body: list[Line]) -> tuple[int, list[str]]:
    """The channels 「1.…」 after the heading 「（一）」, and the index of the line after them."""
    i = 1
    channels: list[str] = []
    while i < len(body):
        # a channel 「1.…」 or the heading 「（二）…」 (they start differently: never both)
        channel = _heading(body[i], _LEVEL3, len(channels) + 1)
        if channel is None:
            if _heading(body[i], _LEVEL2, 2) is not None:
                break
            raise body[i].error(f"expected the channel 「{len(channels) + 1}.…」 or 「（二）…」")
        if channel and fold(channel[-1]) in "；。":
            channel = channel[:-1]
        channels.append(channel)
        i += 1
    return i, channels


def _admissions_start(folded: str, year: int) -> int:
    """Where the admissions figures start: the year before the last 「年面向」, or -1."""
    at = opening = folded.rfind(ADMISSIONS.opening)
    if opening < 0:
        return -1
    while at > 0 and folded[at - 1] in " \t\u3000":
        at -= 1
    digits = str(year)
    if folded.endswith(digits, 0, at):
        # the report's year only: a paragraph before it may end with a digit (…共3 + 2022年)
        return at - len(digits)
    while at > 0 and folded[at - 1].isdigit() and folded[at - 1].isascii():
        at -= 1
    return at


def _figures_at_end(template: Template, body: list[Line]) -> tuple[list[Line], Values]:
    """The lines before the sentence of ``template`` and its figures, if the last line is it;
    else all the lines, and the figures zero."""
    if body and _compact(body[-1]).startswith(template.opening):
        return body[:-1], read_template(template, body[-1])
    return body, _zeros(template)


@functools.cache
def _zeros(template: Template) -> Values:
    """Each count of ``template`` zero (read only: shared by every call)."""
    return {p.field: shared_count(0, p.unit) for p in template.pieces if isinstance(p, Count)}


def _nested(values: Values) -> dict[str, Any]:
    """The values of ``a.b`` fields gathered under ``a``: ``{"a": {"b": …}, …}``."""
    out: dict[str, Any] = {}
    for field, value in values.items():
        head, dot, rest = field.partition(".")
        if dot:
            out.setdefault(head, {})[rest] = value
        else:
            out[field] = value
    return out


def _compact(line: Line) -> str:
    """The line folded, without any space."""
    return "".join(line.folded.split())


def _texts(lines: Sequence[Line]) -> tuple[str, ...]:
    return tuple([line.text for line in lines])  # a list is built faster than a generator runs


def _replace(line: Line, text: str) -> Line:
    """The start of ``line`` (``text`` is a prefix of it), keeping its place."""
    return Line(text, line.number, line.indent, line.folded[: len(text)])


def _domain(domain: _Section) -> Domain:
    start, heading, lines = domain
    return build(start, Domain, heading=heading, paragraphs=_texts(lines))


def _item_list(line: Line, listed: Listed | None) -> ItemList | None:
    """The list read from ``line``, if any."""
    if listed is None:
        return None
    return build(line, ItemList, lead=listed.lead, items=listed.items, tail=listed.tail)


def _teaching(domain: _Section) -> TeachingDomain:
    """Prose, then the sentence listing what was disclosed (「…包括：A、B等…」), if any."""
    start, heading, lines = domain
    listed = find_list(lines[-1].text, INCLUDES) if lines else None
    if listed is None:
        return build(start, TeachingDomain, heading=heading, paragraphs=_texts(lines))
    return build(
        lines[-1],
        TeachingDomain,
        heading=heading,
        paragraphs=_texts(lines[:-1]),
        disclosed=_item_list(lines[-1], listed),
    )


def _student_affairs(domain: _Section) -> StudentAffairsDomain:
    """Prose, then a paragraph listing the aid programmes (「…包括A、B等…。」) and the rules
    published (「…公示A、B等…」), either of which may be missing."""
    start, heading, lines = domain
    aid, rules = affairs_lists(lines[-1].text if lines else "")
    if aid is None and rules is None:
        return build(start, StudentAffairsDomain, heading=heading, paragraphs=_texts(lines))
    return build(
        lines[-1],
        StudentAffairsDomain,
        heading=heading,
        paragraphs=_texts(lines[:-1]),
        aid=_item_list(lines[-1], aid),
        rules=_item_list(lines[-1], rules),
    )


def _initiative_lines(body: list[Line]) -> tuple[list[Line], list[Initiative], Line | None]:
    """Split a body into paragraphs, then the initiatives 一是/二是/…; also the last one's line."""
    paragraphs: list[Line] = []
    initiatives: list[Initiative] = []
    last: Line | None = None
    number, marker = 1, FIRST_INITIATIVE  # the next initiative's
    for line in body:
        if line.text.startswith(marker):
            initiatives.append(_initiative_of(line, marker))
            last = line
            number += 1
            marker = _marker(number)
        elif initiatives:
            raise line.error(f"expected 「{marker}…」 or the next heading")
        else:
            paragraphs.append(line)
    return paragraphs, initiatives, last


@functools.lru_cache(maxsize=64)  # the same few in every report
def _marker(number: int) -> str:
    """The marker of initiative ``number``: 一是, 二是 …"""
    return to_chinese(number) + "是"


def _initiative_of(line: Line, marker: str) -> Initiative:
    """The initiative on ``line``, which starts with its ``marker``."""
    rest = line.text[len(marker) :]
    stop = rest.find("。")
    if stop < 0:
        raise line.error("expected 「。」 after the title of the initiative")
    return build(line, Initiative, title=rest[:stop], body=rest[stop + 1 :])
