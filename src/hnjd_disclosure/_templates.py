"""The template sentences of the report, each declared once: literal pieces and typed slots.

A :class:`Template` is a tuple of pieces: a ``str`` is literal text, a :class:`Slot` is a
figure or a name taken from the model (its ``field``, an attribute path such as
``employment.graduates`` on the object the sentence describes). From one template

* the renderer writes the sentence (:func:`hnjd_disclosure.render.text.write`),
* the reader matches it whole with one regular expression, and, when that fails, reads it
  step by step, naming the first literal or slot that does not fit with its line and column
  (:mod:`hnjd_disclosure.parse._template`).

The literal pieces are cut where the step reader should name what it expected: ``"，实际录取"``
is one piece, so a text that stops being the template there reads
``expected 「，实际录取」``. A slot that ends with a unit (``5300人``, ``99.90%``) reads its unit
too; a literal after a whole number never starts with a digit, ``，`` or ``.`` (which would
continue the number).

Two sentences hold prose of any length around their figure (the procurement line, the contact
line): no literal before the figure tells where the prose ends. Their templates have one
*sought* piece, found by searching the whole line by a rule of :mod:`hnjd_disclosure._layout`
(:class:`NoticeCount`, :class:`Marker`), which the model checks its fields against; the
:class:`Prose` and :class:`Name` slots around it take the text between.

What such a template cannot declare: where its prose ends is no literal but the result of a
search (the count after 共, else the last; the last 「，电话：」), so the reader has neither a
one-match form nor a step-by-step reading of it, and a line without the sought piece is refused
as a whole (``expected the procurement count 「…共N条…」`` at the line's start), never at a
column inside it. The contact line's closing 。 may be missing or half-width (published texts
end so): a tolerance of :class:`Name`, the only slot a closing stop follows.

>>> COMPLAINTS.pieces[:2]
('本年度学校收到信息公开举报', Count(field='complaints', unit='件'))
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from ._layout import PHONE

__all__ = [
    "ADMISSIONS",
    "COMPLAINTS",
    "CONTACT",
    "MEDIA",
    "PREAMBLE",
    "PROCUREMENT",
    "REQUESTS",
    "Again",
    "Award",
    "Bases",
    "Count",
    "Date",
    "HomeName",
    "Marker",
    "Name",
    "NoticeCount",
    "Number",
    "PartList",
    "Percent",
    "Prose",
    "ProvinceList",
    "Ranking",
    "Slot",
    "Template",
    "Wan",
    "Year",
]


@attrs.frozen
class Slot:
    """A place in a template filled from the model: ``field`` is its attribute path.

    A kind of slot with no attribute of its own (:class:`Number`, :class:`Percent`, ...) is a
    plain subclass: its name is all that differs, and it inherits the methods attrs made for
    this class (``Percent("x") != Ranking("x")``: equality compares the classes too) instead of
    having the same ones generated and compiled again at every start.

    >>> Percent("rate"), Percent("rate") == Percent("rate"), Percent("rate") == Ranking("rate")
    (Percent(field='rate'), True, False)
    """

    field: str


class Number(Slot):
    """A whole number, written as digits (``2022``)."""

    __slots__ = ()


@attrs.frozen
class Year(Slot):
    """The report's year (``2022``), which the reader checks; no field of the object."""

    field: str = ""


@attrs.frozen
class Count(Slot):
    """A :class:`~hnjd_disclosure.quantities.Count` with its ``unit`` (``5300人``)."""

    unit: str


class Percent(Slot):
    """A :class:`~hnjd_disclosure.quantities.StatedPercent` as printed (``99.90%``)."""

    __slots__ = ()


@attrs.frozen
class Wan(Slot):
    """A :class:`~hnjd_disclosure.quantities.WanFigure`: digits, 万, ``unit`` (``1.9万人``)."""

    unit: str


class Ranking(Slot):
    """A :class:`~hnjd_disclosure.quantities.Ranking` as published (``前50名``)."""

    __slots__ = ()


class Date(Slot):
    """A date written ``2021年9月1日``."""

    __slots__ = ()


class Bases(Slot):
    """The legal bases ``issuer《title》（doc_no）``, joined by 、 and 和 before the last."""

    __slots__ = ()


@attrs.frozen
class PartList(Slot):
    """Names joined by 、, then ``等`` and their stated number (field ``count``) in numerals;
    the piece after it starts with ``until``."""

    count: str
    until: str


@attrs.frozen
class ProvinceList(Slot):
    """Names joined by 、, then their stated number (field ``count``) in digits; the piece
    after it starts with ``until``."""

    count: str
    until: str


@attrs.frozen
class Award(Slot):
    """One-line text followed by ``marker`` (``官微荣获全国百强，发布博文``), or ``otherwise``
    when the text is empty."""

    marker: str
    otherwise: str


@attrs.frozen
class HomeName(Slot):
    """One-line text up to ``before`` followed by a figure (``湖南省`` of ``湖南省就业3200人``)."""

    before: str


class Again(Slot):
    """The text of an earlier slot with the same ``field``, repeated."""

    __slots__ = ()


@attrs.frozen
class NoticeCount(Slot):
    """A count in ``unit`` found by searching the line: the one after 共, else the last
    (:func:`~hnjd_disclosure._layout.notice_span`); ``what`` names it when there is none."""

    unit: str
    what: str


@attrs.frozen(kw_only=True)
class Marker(Slot):
    """The literal ``text``, found by searching the line: the last match of ``pattern``
    (which also allows spaces and half-width punctuation); ``what`` names it."""

    field: str = ""
    text: str
    pattern: re.Pattern[str]
    what: str


@attrs.frozen
class Prose(Slot):
    """Text kept as written, from the piece before it to the sought piece after it (less the
    spaces a figure may have before it) or to the end of the line; with ``through``, up to
    and including the last ``through`` before the next slot, or empty when there is none."""

    through: str = ""


class Name(Slot):
    """One-line text between the pieces around it, stripped of spaces at its ends; the
    sentence's closing stop after it may be missing or half-width."""

    __slots__ = ()


Piece = str | Slot


@attrs.frozen(cache_hash=True)
class Template:
    """A template sentence: its ``pieces`` in order; ``what`` names it in error messages."""

    what: str
    pieces: tuple[Piece, ...]

    @property
    def opening(self) -> str:
        """The literal the sentence starts with (after its first slot, if that is one).

        >>> MEDIA.opening, ADMISSIONS.opening
        ('截至目前，校园网', '年面向')
        """
        return next(p for p in self.pieces if isinstance(p, str))


def _counts(unit: str, *pairs: tuple[str, str]) -> tuple[Piece, ...]:
    """``label, Count(field, unit)`` for each ``(label, field)``."""
    return tuple(piece for label, field in pairs for piece in (label, Count(field, unit)))


#: The preamble (on an :class:`~hnjd_disclosure.model.AnnualReport`).
PREAMBLE: Final = Template(
    "the preamble",
    (
        "本年度报告是根据",
        Bases("legal_basis"),
        "要求，综合我校",
        Number("year"),
        "年信息公开年度工作情况编制而成。全文包括",
        PartList("part_names", count="stated_part_count", until="个部分"),
        "个部分。本年度报告中所列数据的统计起止时间为",
        Date("period.start"),
        "至",
        Date("period.end"),
        "。",
    ),
)

#: The media passage of part 1 (on :class:`~hnjd_disclosure.model.MediaFigures`).
MEDIA: Final = Template(
    "the media passage",
    (
        "截至目前，校园网",
        Year(),
        "年发布新闻",
        Count("news_articles", "篇"),
        "，外媒宣传报道",
        Count("external_reports", "篇"),
        "，官方微信公众号推送主题信息",
        Count("wechat_issues", "期"),
        "，关注人数达",
        Count("wechat_followers", "人"),
        "，全年综合影响力在《中国青年报》每周的全国排名官微数据统计中一直稳居",
        Ranking("wechat_ranking"),
        "。",
        Award("weibo_award", marker="，发布博文", otherwise="官方微博发布博文"),
        Count("weibo_posts", "条"),
        "，关注人数达",
        Wan("weibo_followers", "人"),
        "，超话总阅读量达",
        Wan("weibo_reads", ""),
        "，每月的全国排名官博数据稳居",
        Ranking("weibo_ranking"),
        "。官方抖音发布视频",
        Count("douyin_videos", "条"),
        "，关注人数达",
        Wan("douyin_followers", "人"),
        "，全国综合影响力在《中国大学生在线》每月的全国排名中一直稳居",
        Ranking("douyin_ranking"),
        "。",
    ),
)

#: The admissions and employment figures (on :class:`~hnjd_disclosure.model.Admissions`).
ADMISSIONS: Final = Template(
    "the admissions figures",
    (
        Year(),
        "年面向",
        ProvinceList("provinces", count="stated_province_count", until="个省、自治区"),
        "个省、自治区计划招生",
        Count("planned", "人"),
        "，实际录取",
        Count("admitted", "人"),
        "，录取率为",
        Percent("admission_rate"),
        "，报到",
        Count("registered", "人"),
        "，报到率",
        Percent("registration_rate"),
        "。",
        Year(),
        "届毕业生人数",
        Count("employment.graduates", "人"),
        "，毕业去向落实人数为",
        Count("employment.placed", "人"),
        "，初次就业去向落实率为",
        Percent("employment.placement_rate"),
        "，其中应征入伍",
        Count("employment.enlisted", "人"),
        "，占比",
        Percent("employment.enlisted_share"),
        "，专升本",
        Count("employment.upgraded", "人"),
        "，占比",
        Percent("employment.upgraded_share"),
        "。毕业生在",
        # the province's name may itself hold 就业: the figure follows the 就业 it ends at
        HomeName("employment.home_province", before="就业"),
        "就业",
        Count("employment.in_province", "人"),
        "，占比",
        Percent("employment.in_province_share"),
        "，非",
        Again("employment.home_province"),
        "就业人数",
        Count("employment.out_of_province", "人"),
        "，占比",
        Percent("employment.out_of_province_share"),
        "。",
    ),
)

#: The request figures of part 3 (on :class:`~hnjd_disclosure.model.RequestCounts`).
REQUESTS: Final = Template(
    "the request figures",
    (
        *_counts(
            "件",
            ("本年度学校共收到信息公开申请", "received"),
            ("，其中予以公开", "granted"),
            ("，部分公开", "partially_granted"),
            ("，不予公开", "refused"),
            ("，信息不存在", "not_held"),
            ("，其他处理", "other_outcome"),
        ),
        "。",
    ),
)

#: The complaint figures of part 5 (on :class:`~hnjd_disclosure.model.Complaints`).
COMPLAINTS: Final = Template(
    "the complaint figures",
    (
        *_counts(
            "件",
            ("本年度学校收到信息公开举报", "complaints"),
            ("，行政复议", "reconsiderations"),
            ("，行政诉讼", "lawsuits"),
        ),
        "。",
    ),
)

#: The procurement line of 财务与招标 (on :class:`~hnjd_disclosure.model.Procurement`):
#: prose around a count that only the rule of :class:`NoticeCount` finds.
PROCUREMENT: Final = Template(
    "the procurement line",
    (
        Prose("lead"),
        NoticeCount("notices", "条", what="the procurement count 「…共N条…」"),
        Prose("tail"),
    ),
)

#: The contact line ending part 7 (on :class:`~hnjd_disclosure.model.OtherMatters`): the
#: intro ends at its last colon, the office runs to the last 「，电话：」.
CONTACT: Final = Template(
    "the contact line",
    (
        Prose("contact_intro", through="："),
        Name("contact.office"),
        Marker(text="，电话：", pattern=PHONE, what="「，电话：」"),
        Name("contact.telephone"),
        "。",
    ),
)
