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

Each template sentence is first read whole, with one regular expression of its usual form
(:mod:`._template`); only when that does not match is it read step by step with the cursor,
which accepts the tolerant forms above and says where a sentence stops being the template.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Final, NamedTuple, TypeVar

from .._fastpath import shared_count, shared_percent, shared_ranking
from .._layout import FIRST_INITIATIVE, HEADING_STARTS, HEADINGS
from ..errors import ModelError, ParseError
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
from ..numerals import from_chinese, to_chinese
from ..quantities import RANKING_PATTERN, Count, Ranking, StatedPercent, WanFigure
from ._lists import Listed, find_list, split_sentence
from ._template import compile_template
from ._text import Cursor, Line, check_size, fold, lines_of

__all__ = ["parse_report"]

T = TypeVar("T")

_PREAMBLE: Final = "本年度报告是根据"
_CN_NUMERALS: Final = frozenset("零〇一二两三四五六七八九十百千")

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
_ASCII_DIGITS: Final = frozenset("0123456789")


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
    lines = lines_of(check_size(text).removeprefix("\ufeff"))
    reader = _Reader(lines)
    return reader.report()


def _build(line: Line, make: Callable[[], T]) -> T:
    """Build a model object, turning a rule it breaks into a ParseError at ``line``."""
    try:
        return make()
    except ModelError as exc:
        raise line.error(f"not a valid report: {exc}") from None


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
    return _chinese(label)


def _chinese(label: str) -> int:
    try:
        return from_chinese(label)
    except ValueError:
        return -1


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
        at = next((i for i, ln in enumerate(lines) if ln.folded.startswith(_PREAMBLE)), None)
        if at is None:
            first = lines[0] if lines else Line("", 1, 0)
            raise first.error(f"expected the preamble 「{_PREAMBLE}…」 after the title")
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
        assessment = _build(
            heads[3][0], lambda: Assessment(heading=heads[3][1], paragraphs=_texts(parts[3]))
        )
        complaints = self._complaints(heads[4], parts[4])
        improvement = self._improvement(heads[5], parts[5])
        other = self._other(heads[6], parts[6])
        basis, period, names, stated = header
        return _build(
            first_line,
            lambda: AnnualReport(
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
            ),
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
        fast = self._preamble_in_one_match(line)
        return fast if fast is not None else self._preamble_by_steps(line)

    def _preamble_in_one_match(self, line: Line) -> _Header | None:
        """The preamble in its usual form (see :mod:`._template`), or None."""
        match = _PREAMBLE_SENTENCES.fullmatch(line.folded)
        if match is None:
            return None
        start, stop = _date_in(match, "start"), _date_in(match, "end")
        if start is None or stop is None:
            return None  # no such day: the cursor says where
        self.year = int(match["year"])
        bases = tuple(
            _legal_basis(
                line,
                _original(line, basis, "issuer"),
                _original(line, basis, "title"),
                _original(line, basis, "doc_no"),
            )
            for basis in _LEGAL_BASIS.finditer(line.folded, *match.span("bases"))
        )
        period = _build(line, lambda: Period(start=start, end=stop))
        names = tuple(_original(line, match, "names").split("、"))
        return bases, period, names, _chinese(match["numeral"])

    def _preamble_by_steps(self, line: Line) -> _Header:
        c = line.cursor()
        c.expect(_PREAMBLE)
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
        c.expect("要求，综合我校")
        self.year = c.number()
        c.expect("年信息公开年度工作情况编制而成。全文包括")
        names_text = c.take_until("个部分", "the parts")
        end = c.pos
        n = len(names_text)
        while n and (names_text[n - 1] in _CN_NUMERALS or fold(names_text[n - 1]) in _ASCII_DIGITS):
            n -= 1
        numeral = fold(names_text[n:]).strip()
        head = names_text[:n].rstrip()
        if not numeral or not head.endswith("等"):
            c.pos = end
            raise c.error("「等N个部分」 after the parts")
        digits_only = all(ch in _ASCII_DIGITS for ch in numeral)
        stated = int(numeral) if digits_only and len(numeral) < 4 else _chinese(numeral)
        names = tuple(head[:-1].split("、"))
        c.expect("个部分。本年度报告中所列数据的统计起止时间为")
        start = _date(c)
        c.expect("至")
        stop = _date(c)
        c.expect("。")
        if not c.at_end():
            raise c.error("the end of the preamble")
        period = _build(line, lambda: Period(start=start, end=stop))
        return tuple(bases), period, names, stated

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
        return _build(
            head[0],
            lambda: Overview(
                heading=head[1],
                paragraphs=_texts(paragraphs),
                initiatives=tuple(initiatives),
                media=media,
            ),
        )

    def _media(self, line: Line) -> tuple[str, MediaFigures] | None:
        at = line.folded.rfind("截至目前，校园网")
        if at < 0:
            return None
        figures = self._media_in_one_match(line, at)
        if figures is None:
            figures = self._media_by_steps(line.cursor(at))
        f = figures
        media = _build(
            line,
            lambda: MediaFigures(
                news_articles=shared_count(f.news, "篇"),
                external_reports=shared_count(f.external, "篇"),
                wechat_issues=shared_count(f.issues, "期"),
                wechat_followers=shared_count(f.followers, "人"),
                wechat_ranking=shared_ranking(f.wechat_rank),
                weibo_award=f.award,
                weibo_posts=shared_count(f.posts, "条"),
                weibo_followers=f.weibo_followers,
                weibo_reads=f.reads,
                weibo_ranking=shared_ranking(f.weibo_rank),
                douyin_videos=shared_count(f.videos, "条"),
                douyin_followers=f.douyin_followers,
                douyin_ranking=shared_ranking(f.douyin_rank),
            ),
        )
        return line.text[:at], media

    def _media_in_one_match(self, line: Line, at: int) -> _Media | None:
        """The media passage in its usual form (see :mod:`._template`), or None."""
        match = _MEDIA_SENTENCES.fullmatch(line.folded, at)
        if match is None or int(match["year"]) != self.year:
            return None
        award = "" if match["award"] is None else _original(line, match, "award")
        return _Media(
            news=int(match["news"]),
            external=int(match["external"]),
            issues=int(match["issues"]),
            followers=int(match["followers"]),
            wechat_rank=match["wechat_rank"],
            award=award,
            posts=int(match["posts"]),
            weibo_followers=WanFigure(value=Decimal(match["weibo_followers"]), unit="人"),
            reads=WanFigure(value=Decimal(match["reads"]), unit=""),
            weibo_rank=match["weibo_rank"],
            videos=int(match["videos"]),
            douyin_followers=WanFigure(value=Decimal(match["douyin_followers"]), unit="人"),
            douyin_rank=match["douyin_rank"],
        )

    def _media_by_steps(self, c: Cursor) -> _Media:
        c.expect("截至目前，校园网")
        self._expect_year(c)
        c.expect("年发布新闻")
        news = c.count("篇")
        c.expect("，外媒宣传报道")
        external = c.count("篇")
        c.expect("，官方微信公众号推送主题信息")
        issues = c.count("期")
        c.expect("，关注人数达")
        followers = c.count("人")
        c.expect("，全年综合影响力在《中国青年报》每周的全国排名官微数据统计中一直稳居")
        wechat_rank = _ranking(c)
        c.expect("。")
        award = ""
        if c.find("，发布博文") >= 0 and fold(c.text[c.pos :]).lstrip()[:8] != "官方微博发布博文":
            award = c.take_until("，发布博文", "the Weibo award").strip()
            c.expect("，发布博文")
        else:
            c.expect("官方微博发布博文")
        posts = c.count("条")
        c.expect("，关注人数达")
        weibo_followers = _wan(c, "人")
        c.expect("，超话总阅读量达")
        reads = _wan(c, "")
        c.expect("，每月的全国排名官博数据稳居")
        weibo_rank = _ranking(c)
        c.expect("。官方抖音发布视频")
        videos = c.count("条")
        c.expect("，关注人数达")
        douyin_followers = _wan(c, "人")
        c.expect("，全国综合影响力在《中国大学生在线》每月的全国排名中一直稳居")
        douyin_rank = _ranking(c)
        c.expect("。")
        if not c.at_end():
            raise c.error("the end of the media passage")
        return _Media(
            news=news,
            external=external,
            issues=issues,
            followers=followers,
            wechat_rank=wechat_rank,
            award=award,
            posts=posts,
            weibo_followers=weibo_followers,
            reads=reads,
            weibo_rank=weibo_rank,
            videos=videos,
            douyin_followers=douyin_followers,
            douyin_rank=douyin_rank,
        )

    def _expect_year(self, c: Cursor) -> None:
        start = c.pos
        if c.number() != self.year:
            c.pos = start
            raise c.error(f"the report's year {self.year}")

    # -- part 2 ---------------------------------------------------------------------------------

    def _proactive(self, head: tuple[Line, str], body: list[Line]) -> ProactiveDisclosure:
        if not body:
            raise head[0].error("expected the heading 「（一）…」 after this heading")
        channels_heading = _heading(body[0], _LEVEL2, 1)
        if channels_heading is None:
            raise body[0].error("expected the heading 「（一）…」")
        i = 1
        channels: list[str] = []
        while i < len(body):
            # a channel 「1.…」 or the heading 「（二）…」 (they start differently: never both)
            channel = _heading(body[i], _LEVEL3, len(channels) + 1)
            if channel is None:
                if _heading(body[i], _LEVEL2, 2) is not None:
                    break
                raise body[i].error(
                    f"expected the channel 「{len(channels) + 1}.…」 or 「（二）…」"
                )
            if channel and fold(channel[-1]) in "；。":
                channel = channel[:-1]
            channels.append(channel)
            i += 1
        if i >= len(body):
            raise self._end_error("the heading 「（二）…」")
        domains_heading = _heading(body[i], _LEVEL2, 2)
        assert domains_heading is not None
        domains: list[tuple[Line, str, list[Line]]] = []
        first, title = _next_heading(body, i + 1, _LEVEL3, 1)
        paragraphs = body[i + 1 : first]
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
        admissions = self._admissions(domains[0])
        finance = self._finance(domains[1])
        personnel = _domain(domains[2])
        teaching = _teaching(domains[3])
        student_affairs = _student_affairs(domains[4])
        other = _domain(domains[5])
        return _build(
            head[0],
            lambda: ProactiveDisclosure(
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
            ),
        )

    def _admissions(self, domain: tuple[Line, str, list[Line]]) -> Admissions:
        start, heading, lines = domain
        if not lines:
            raise start.error("expected the admissions figures 「…年面向…」 after this heading")
        last = lines[-1]
        folded = last.folded
        at = folded.rfind("年面向")
        while at > 0 and folded[at - 1] in " \t\u3000":
            at -= 1
        year = str(self.year)
        if folded.endswith(year, 0, at):
            # the report's year only: a paragraph before it may end with a digit (…共3 + 2022年)
            at -= len(year)
        else:
            while at > 0 and folded[at - 1].isdigit() and folded[at - 1].isascii():
                at -= 1
        if folded.rfind("年面向") < 0:
            raise last.error("expected the admissions figures 「…年面向…」")
        prefix = last.text[:at]
        paragraphs = [*lines[:-1], _replace(last, prefix)] if prefix.strip() else lines[:-1]
        figures = self._admissions_in_one_match(last, at)
        if figures is None:
            figures = self._admissions_by_steps(last.cursor(at))
        f = figures

        def people(v: int) -> Count:
            return shared_count(v, "人")

        employment = _build(
            last,
            lambda: Employment(
                home_province=f.home,
                graduates=people(f.graduates),
                placed=people(f.placed),
                placement_rate=f.placement_rate,
                enlisted=people(f.enlisted),
                enlisted_share=f.enlisted_share,
                upgraded=people(f.upgraded),
                upgraded_share=f.upgraded_share,
                in_province=people(f.in_province),
                in_province_share=f.in_share,
                out_of_province=people(f.out_province),
                out_of_province_share=f.out_share,
            ),
        )
        return _build(
            last,
            lambda: Admissions(
                heading=heading,
                paragraphs=_texts(paragraphs),
                provinces=f.provinces,
                stated_province_count=f.stated,
                planned=people(f.planned),
                admitted=people(f.admitted),
                admission_rate=f.admission_rate,
                registered=people(f.registered),
                registration_rate=f.registration_rate,
                employment=employment,
            ),
        )

    def _admissions_in_one_match(self, line: Line, at: int) -> _Enrolment | None:
        """The admissions and employment figures in their usual form, or None."""
        match = _ADMISSIONS_SENTENCES.fullmatch(line.folded, at)
        if match is None or not int(match["year"]) == int(match["graduation_year"]) == self.year:
            return None
        listed = _original(line, match, "provinces")

        def percent(name: str) -> StatedPercent:
            return shared_percent(match[name] + "%")

        return _Enrolment(
            provinces=tuple(p.strip() for p in listed.rstrip().split("、")),
            stated=int(match["province_count"]),
            planned=int(match["planned"]),
            admitted=int(match["admitted"]),
            admission_rate=percent("admission_rate"),
            registered=int(match["registered"]),
            registration_rate=percent("registration_rate"),
            graduates=int(match["graduates"]),
            placed=int(match["placed"]),
            placement_rate=percent("placement_rate"),
            enlisted=int(match["enlisted"]),
            enlisted_share=percent("enlisted_share"),
            upgraded=int(match["upgraded"]),
            upgraded_share=percent("upgraded_share"),
            home=_original(line, match, "home"),
            in_province=int(match["in_province"]),
            in_share=percent("in_share"),
            out_province=int(match["out_province"]),
            out_share=percent("out_share"),
        )

    def _admissions_by_steps(self, c: Cursor) -> _Enrolment:
        self._expect_year(c)
        c.expect("年面向")
        listed = c.take_until("个省、自治区", "the provinces")
        end = c.pos
        n = len(listed)
        while n and fold(listed[n - 1]) in "0123456789":
            n -= 1
        if n == len(listed):
            c.pos = end
            raise c.error("the number of provinces before 「个省、自治区」")
        if len(listed) - n > 4:
            c.pos = n
            raise c.error("a number of provinces of at most 4 digits")
        stated = int(fold(listed[n:]))
        provinces = tuple(p.strip() for p in listed[:n].rstrip().split("、"))
        c.expect("个省、自治区计划招生")
        planned = c.count("人")
        c.expect("，实际录取")
        admitted = c.count("人")
        c.expect("，录取率为")
        admission_rate = _percent(c)
        c.expect("，报到")
        registered = c.count("人")
        c.expect("，报到率")
        registration_rate = _percent(c)
        c.expect("。")
        self._expect_year(c)
        c.expect("届毕业生人数")
        graduates = c.count("人")
        c.expect("，毕业去向落实人数为")
        placed = c.count("人")
        c.expect("，初次就业去向落实率为")
        placement_rate = _percent(c)
        c.expect("，其中应征入伍")
        enlisted = c.count("人")
        c.expect("，占比")
        enlisted_share = _percent(c)
        c.expect("，专升本")
        upgraded = c.count("人")
        c.expect("，占比")
        upgraded_share = _percent(c)
        c.expect("。毕业生在")
        # the province's name may itself contain 就业: the figure follows the last one
        found = _JOBS_AT.search(c.folded, c.pos)
        if found is None:
            raise c.error("the home province followed by 「就业N人」")
        home = c.text[c.pos : found.start()].strip()
        c.pos = found.start()
        c.expect("就业")
        in_province = c.count("人")
        c.expect("，占比")
        in_share = _percent(c)
        c.expect("，非")
        c.expect(home)
        c.expect("就业人数")
        out_province = c.count("人")
        c.expect("，占比")
        out_share = _percent(c)
        c.expect("。")
        if not c.at_end():
            raise c.error("the end of the admissions figures")
        return _Enrolment(
            provinces=provinces,
            stated=stated,
            planned=planned,
            admitted=admitted,
            admission_rate=admission_rate,
            registered=registered,
            registration_rate=registration_rate,
            graduates=graduates,
            placed=placed,
            placement_rate=placement_rate,
            enlisted=enlisted,
            enlisted_share=enlisted_share,
            upgraded=upgraded,
            upgraded_share=upgraded_share,
            home=home,
            in_province=in_province,
            in_share=in_share,
            out_province=out_province,
            out_share=out_share,
        )

    def _finance(self, domain: tuple[Line, str, list[Line]]) -> FinanceDomain:
        start, heading, lines = domain
        if not lines:
            raise start.error("expected the procurement line 「…共N条…」 after this heading")
        last = lines[-1]
        lead, notices, tail = _procurement(last)
        procurement = _build(
            last,
            lambda: Procurement(lead=lead, notices=shared_count(notices, "条"), tail=tail),
        )
        return _build(
            start,
            lambda: FinanceDomain(
                heading=heading, paragraphs=_texts(lines[:-1]), procurement=procurement
            ),
        )

    # -- parts 3 to 7 ---------------------------------------------------------------------------

    def _requests(self, head: tuple[Line, str], body: list[Line]) -> RequestDisclosure:
        counts = [0] * 6
        lines = body
        prefix = "本年度学校共收到信息公开申请"
        fast = _REQUESTS_SENTENCE.fullmatch(body[-1].folded) if body else None
        if fast is not None:
            counts = [int(fast[name]) for name in _REQUEST_FIGURES]
            lines = body[:-1]
        elif body and _compact(body[-1]).startswith(prefix):
            c = body[-1].cursor()
            c.expect(prefix)
            counts[0] = c.count("件")
            for i, label in enumerate(
                ("，其中予以公开", "，部分公开", "，不予公开", "，信息不存在", "，其他处理"), 1
            ):
                c.expect(label)
                counts[i] = c.count("件")
            c.expect("。")
            if not c.at_end():
                raise c.error("the end of the request figures")
            lines = body[:-1]
        k = [shared_count(v, "件") for v in counts]
        where = body[-1] if body else head[0]
        requests = _build(
            where,
            lambda: RequestCounts(
                received=k[0],
                granted=k[1],
                partially_granted=k[2],
                refused=k[3],
                not_held=k[4],
                other_outcome=k[5],
            ),
        )
        return _build(
            head[0],
            lambda: RequestDisclosure(heading=head[1], paragraphs=_texts(lines), requests=requests),
        )

    def _complaints(self, head: tuple[Line, str], body: list[Line]) -> Complaints:
        counts = [0, 0, 0]
        lines = body
        prefix = "本年度学校收到信息公开举报"
        fast = _COMPLAINTS_SENTENCE.fullmatch(body[-1].folded) if body else None
        if fast is not None:
            counts = [int(fast[name]) for name in _COMPLAINT_FIGURES]
            lines = body[:-1]
        elif body and _compact(body[-1]).startswith(prefix):
            c = body[-1].cursor()
            c.expect(prefix)
            counts[0] = c.count("件")
            c.expect("，行政复议")
            counts[1] = c.count("件")
            c.expect("，行政诉讼")
            counts[2] = c.count("件")
            c.expect("。")
            if not c.at_end():
                raise c.error("the end of the complaint figures")
            lines = body[:-1]
        k = [shared_count(v, "件") for v in counts]
        return _build(
            head[0],
            lambda: Complaints(
                heading=head[1],
                paragraphs=_texts(lines),
                complaints=k[0],
                reconsiderations=k[1],
                lawsuits=k[2],
            ),
        )

    def _improvement(self, head: tuple[Line, str], body: list[Line]) -> Improvement:
        paragraphs, measures, _ = _initiative_lines(body)
        return _build(
            head[0],
            lambda: Improvement(
                heading=head[1], paragraphs=_texts(paragraphs), measures=tuple(measures)
            ),
        )

    def _other(self, head: tuple[Line, str], body: list[Line]) -> OtherMatters:
        lines = body
        intro = ""
        contact = None
        if body:
            last = body[-1]
            match = None
            for found in _PHONE.finditer(last.folded):
                match = found
            if match is not None:
                before = last.text[: match.start()]
                colon = max(last.folded.rfind("：", 0, match.start()), -1)
                intro = before[: colon + 1]
                office = before[colon + 1 :].strip()
                telephone = last.text[match.end() :].rstrip()
                if telephone and fold(telephone[-1]) in "。.":
                    telephone = telephone[:-1]
                telephone = telephone.strip()
                contact = _build(last, lambda: Contact(office=office, telephone=telephone))
                lines = body[:-1]
        return _build(
            head[0],
            lambda: OtherMatters(
                heading=head[1], paragraphs=_texts(lines), contact_intro=intro, contact=contact
            ),
        )


# -- the template sentences in their usual form, each read in one match (see ._template) ------

# One legal basis as the preamble cites it: issuer《title》（document number）, without brackets
# of the same kind nested inside (those are left to the cursor).
_BASIS: Final = r"(?P<issuer>[^《]*)《(?P<title>[^《》]*)》（(?P<doc_no>[^（）]*)）"
_LEGAL_BASIS: Final = re.compile(_BASIS + "[、和]?")
_UNNAMED_BASIS: Final = re.sub(r"\?P<\w+>", "?:", _BASIS)
_PREAMBLE_SENTENCES: Final = compile_template(
    _PREAMBLE + "{bases}要求，综合我校{year:number}年信息公开年度工作情况编制而成。"
    "全文包括{names}等{numeral}个部分。本年度报告中所列数据的统计起止时间为"
    "{start_year:number}年{start_month:number}月{start_day:number}日至"
    "{end_year:number}年{end_month:number}月{end_day:number}日。",
    bases=rf"{_UNNAMED_BASIS}(?:[、和]{_UNNAMED_BASIS})*",
    # no 个 in the names, so the 个部分 matched is the first (the cursor reads up to it)
    names="[^个]*",
    numeral="[零〇一二两三四五六七八九十百千]+",
)

# A ranking in the model's own form (the pattern Ranking checks), so the fast path reads no
# ranking the model would refuse: the cursor refuses those with its own message.
_RANKING_FORM: Final = RANKING_PATTERN.pattern
_MEDIA_SENTENCES: Final = compile_template(
    "截至目前，校园网{year:number}年发布新闻{news:number}篇，外媒宣传报道{external:number}篇，"
    "官方微信公众号推送主题信息{issues:number}期，关注人数达{followers:number}人，"
    "全年综合影响力在《中国青年报》每周的全国排名官微数据统计中一直稳居{wechat_rank}。"
    "{weibo}{posts:number}条，关注人数达{weibo_followers:decimal}万人，"
    "超话总阅读量达{reads:decimal}万，每月的全国排名官博数据稳居{weibo_rank}。"
    "官方抖音发布视频{videos:number}条，关注人数达{douyin_followers:decimal}万人，"
    "全国综合影响力在《中国大学生在线》每月的全国排名中一直稳居{douyin_rank}。",
    wechat_rank=_RANKING_FORM,
    weibo_rank=_RANKING_FORM,
    douyin_rank=_RANKING_FORM,
    # The cursor reads an award (up to the first ，发布博文) unless the sentence starts with
    # 官方微博发布博文; an award with no ， or space in it is that same text, stripped.
    weibo=r"官方微博发布博文|(?!官方微博发布博文)(?P<award>[^，\s]+)，发布博文",
)


class _Media(NamedTuple):
    """The figures of the media passage, as read (one field per figure of the template)."""

    news: int
    external: int
    issues: int
    followers: int
    wechat_rank: str
    award: str
    posts: int
    weibo_followers: WanFigure
    reads: WanFigure
    weibo_rank: str
    videos: int
    douyin_followers: WanFigure
    douyin_rank: str


_ADMISSIONS_SENTENCES: Final = compile_template(
    "{year:number}年面向{provinces}{province_count}个省、自治区计划招生{planned:number}人，"
    "实际录取{admitted:number}人，录取率为{admission_rate:percent}%，"
    "报到{registered:number}人，报到率{registration_rate:percent}%。"
    "{graduation_year:number}届毕业生人数{graduates:number}人，"
    "毕业去向落实人数为{placed:number}人，初次就业去向落实率为{placement_rate:percent}%，"
    "其中应征入伍{enlisted:number}人，占比{enlisted_share:percent}%，"
    "专升本{upgraded:number}人，占比{upgraded_share:percent}%。"
    "毕业生在{home}就业{in_province:number}人，占比{in_share:percent}%，"
    "非{home_again}就业人数{out_province:number}人，占比{out_share:percent}%。",
    # no 个 in the list, so the 个省、自治区 matched is the first (the cursor reads up to it);
    # the count is all the digits before it
    provinces="[^个]*",
    province_count="(?<![0-9])[0-9]{1,4}",
    # a name without 就 or spaces: the 就业 after it is the first (the cursor's), and the name
    # is the cursor's, stripped
    home=r"[^就\s]+",
    home_again="(?P=home)",
)


class _Enrolment(NamedTuple):
    """The admissions and employment figures, as read (one field per figure of the template)."""

    provinces: tuple[str, ...]
    stated: int
    planned: int
    admitted: int
    admission_rate: StatedPercent
    registered: int
    registration_rate: StatedPercent
    graduates: int
    placed: int
    placement_rate: StatedPercent
    enlisted: int
    enlisted_share: StatedPercent
    upgraded: int
    upgraded_share: StatedPercent
    home: str
    in_province: int
    in_share: StatedPercent
    out_province: int
    out_share: StatedPercent


_REQUEST_FIGURES: Final = (
    "received",
    "granted",
    "partially_granted",
    "refused",
    "not_held",
    "other_outcome",
)
_REQUESTS_SENTENCE: Final = compile_template(
    "本年度学校共收到信息公开申请{received:number}件，其中予以公开{granted:number}件，"
    "部分公开{partially_granted:number}件，不予公开{refused:number}件，"
    "信息不存在{not_held:number}件，其他处理{other_outcome:number}件。"
)
_COMPLAINT_FIGURES: Final = ("complaints", "reconsiderations", "lawsuits")
_COMPLAINTS_SENTENCE: Final = compile_template(
    "本年度学校收到信息公开举报{complaints:number}件，"
    "行政复议{reconsiderations:number}件，行政诉讼{lawsuits:number}件。"
)


_JOBS_AT: Final = re.compile(r"就业(?=[ \t\u3000]*+[0-9])")
_JOINED_TITLE: Final = re.compile(
    r"([^ \t\u3000]{2,60}?(?:大学|学院|学校))[ \t\u3000]*+([^ \t\u3000].{0,80}报告)"
)
_PHONE: Final = re.compile(r"，[ \t\u3000]*电话[ \t\u3000]*：[ \t\u3000]*")


def _original(line: Line, match: re.Match[str], group: str) -> str:
    """The text of ``group`` of a match on the folded line, as the line writes it."""
    start, end = match.span(group)
    return line.text[start:end]


def _date_in(match: re.Match[str], name: str) -> datetime.date | None:
    """The date of the groups ``{name}_year``, ``{name}_month``, ``{name}_day``, if it exists."""
    year, month, day = match[f"{name}_year"], match[f"{name}_month"], match[f"{name}_day"]
    try:
        return datetime.date(int(year), int(month), int(day))
    except (ValueError, OverflowError):
        return None


def _compact(line: Line) -> str:
    """The line folded, without any space."""
    return "".join(line.folded.split())


def _texts(lines: Sequence[Line]) -> tuple[str, ...]:
    return tuple([line.text for line in lines])  # a list is built faster than a generator runs


def _replace(line: Line, text: str) -> Line:
    """The start of ``line`` (``text`` is a prefix of it), keeping its place."""
    return Line(text, line.number, line.indent, line.folded[: len(text)])


def _legal_basis(line: Line, issuer: str, title: str, doc_no: str) -> LegalBasis:
    return _build(line, lambda: LegalBasis(issuer=issuer, title=title, doc_no=doc_no))


def _domain(domain: tuple[Line, str, list[Line]]) -> Domain:
    start, heading, lines = domain
    return _build(start, lambda: Domain(heading=heading, paragraphs=_texts(lines)))


def _item_list(listed: Listed) -> ItemList:
    return ItemList(lead=listed.lead, items=listed.items, tail=listed.tail)


def _teaching(domain: tuple[Line, str, list[Line]]) -> TeachingDomain:
    """Prose, then the sentence listing what was disclosed (「…包括：A、B等…」), if any."""
    start, heading, lines = domain
    listed = find_list(lines[-1].text, "包括") if lines else None
    if listed is None:
        return _build(start, lambda: TeachingDomain(heading=heading, paragraphs=_texts(lines)))
    return _build(
        lines[-1],
        lambda: TeachingDomain(
            heading=heading, paragraphs=_texts(lines[:-1]), disclosed=_item_list(listed)
        ),
    )


def _student_affairs(domain: tuple[Line, str, list[Line]]) -> StudentAffairsDomain:
    """Prose, then a paragraph listing the aid programmes (「…包括A、B等…。」) and the rules
    published (「…公示A、B等…」), either of which may be missing."""
    start, heading, lines = domain
    last = lines[-1].text if lines else ""
    aid = find_list(last, "包括")
    rest = last
    if aid is not None:
        aid, rest = split_sentence(aid)
    rules = find_list(rest, "公示") if rest else None
    if aid is not None and rules is None and rest:
        aid = aid._replace(tail=aid.tail + rest)  # the rest of the paragraph is the aid's
    if aid is None and rules is None:
        return _build(
            start, lambda: StudentAffairsDomain(heading=heading, paragraphs=_texts(lines))
        )
    return _build(
        lines[-1],
        lambda: StudentAffairsDomain(
            heading=heading,
            paragraphs=_texts(lines[:-1]),
            aid=None if aid is None else _item_list(aid),
            rules=None if rules is None else _item_list(rules),
        ),
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
    return _build(line, lambda: Initiative(title=rest[:stop], body=rest[stop + 1 :]))


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


def _date(c: Cursor) -> datetime.date:
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
        return datetime.date(year, month, day)
    except (ValueError, OverflowError):
        c.pos = start
        raise c.error("a valid date") from None


def _percent(c: Cursor) -> StatedPercent:
    start = c.pos
    value = c.decimal()
    c.expect("%")
    if value > 1_000_000:
        c.pos = start
        raise c.error("a percentage")
    return StatedPercent(value=value)


def _wan(c: Cursor, unit: str) -> WanFigure:
    value: Decimal = c.decimal()
    c.expect("万" + unit)
    return WanFigure(value=value, unit=unit)


def _ranking(c: Cursor) -> str:
    c.expect("前")
    start = c.pos
    while c.pos < len(c.folded) and (c.folded[c.pos] in _CN_NUMERALS or c.folded[c.pos].isdigit()):
        c.pos += 1
    inner = c.folded[start : c.pos]
    c.expect("名")
    text = "前" + inner + "名"
    try:
        Ranking(text=text)
    except ModelError:
        c.pos = start
        raise c.error("a ranking such as 前50名") from None
    return text


def _procurement(line: Line) -> tuple[str, int, str]:
    """``{lead}{N}条{tail}``: the count is the one after 共, else the last count in 条."""
    folded = line.folded
    last = chosen = None
    for found in _NOTICES.finditer(folded):
        last = found
        if _after_gong(folded, found.start()):
            chosen = found
    if last is None:
        raise line.error("expected the procurement count 「…共N条…」")
    match = chosen or last
    digits = match.group(1).replace("，", "")
    if len(digits) > 15:
        raise line.error("expected a number of at most 15 digits", match.start())
    lead = line.text[: match.start()].rstrip(" \t\u3000")
    return lead, int(digits), line.text[match.end() :]


def _after_gong(folded: str, at: int) -> bool:
    """Whether 共 stands before offset ``at`` (spaces between).

    Looks back over the spaces only, without copying the text before ``at``: a line with
    many counts is read in time linear in its length.
    """
    while at > 0 and folded[at - 1].isspace():
        at -= 1
    return at > 0 and folded[at - 1] == "共"


_NOTICES: Final = re.compile(r"(?<![0-9])([0-9]++(?:，[0-9]{3}(?![0-9]))*+)[ \t\u3000]*+条")
