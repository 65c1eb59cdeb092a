"""Part 2 of the report, 主动公开情况: the channels of disclosure and each domain."""

from typing import Final

from attrs import frozen

from .._layout import (
    DIGIT_CLASS,
    INCLUDES,
    LIST_SEPARATOR,
    PUBLICISES,
    Listed,
    affairs_lists,
    find_list,
    fold,
    notice_span,
)
from ..errors import ModelError
from ..quantities import Count, StatedPercent
from . import _fields as f

__all__ = [
    "Admissions",
    "Domain",
    "Employment",
    "FinanceDomain",
    "ItemList",
    "ProactiveDisclosure",
    "Procurement",
    "StudentAffairsDomain",
    "TeachingDomain",
]


#: The largest number of provinces the admissions sentence can state (4 digits).
MAX_PROVINCE_COUNT: Final = 9999
#: The admissions sentence is found at its last 年面向 (``2022年面向湖南…``).
_NOT_FACING: Final = f.Refuses(pattern="年面向", why="the admissions figures are found at it")
#: The provinces are listed up to their count (``…广西10个省、自治区``), split at 、.
_NO_PROVINCE_BREAK: Final = f.Refuses(
    pattern=f"、|[{DIGIT_CLASS}](?![\\s\\S])",
    why="the provinces are split at 、 and followed by their count",
)
#: The home province is read up to 就业 and a figure (``毕业生在湖南省就业3000人``).
_NO_JOBS: Final = f.Refuses(
    pattern=f"就业[ \\t\\u3000]*[{DIGIT_CLASS}]", why="the home province ends at 就业 and a figure"
)


@frozen(kw_only=True)
class Employment:
    """The graduates of the year's cohort and where they went (就业).

    >>> from hnjd_disclosure import builtin_report
    >>> e = builtin_report(2022).proactive.admissions.employment
    >>> e.graduates.value, e.placed.value, str(e.placement_rate)
    (4846, 4338, '89.52%')
    """

    #: The institution's own province as the report writes it (湖南省): 省内 is placed there.
    home_province: str = f.text(label="本省", refuses=(_NO_JOBS, _NOT_FACING))
    graduates: Count = f.count("人", "毕业生人数")
    placed: Count = f.count("人", "毕业去向落实人数")
    placement_rate: StatedPercent = f.percent("初次就业去向落实率")
    enlisted: Count = f.count("人", "应征入伍")
    enlisted_share: StatedPercent = f.percent("应征入伍占比")
    upgraded: Count = f.count("人", "专升本")
    upgraded_share: StatedPercent = f.percent("专升本占比")
    in_province: Count = f.count("人", "省内就业")
    in_province_share: StatedPercent = f.percent("省内就业占比")
    out_of_province: Count = f.count("人", "省外就业")
    out_of_province_share: StatedPercent = f.percent("省外就业占比")

    def __attrs_post_init__(self) -> None:
        f.check_part_of_whole("placed", self.placed, "graduates", self.graduates)
        f.check_part_of_whole("enlisted", self.enlisted, "placed", self.placed)
        f.check_part_of_whole("upgraded", self.upgraded, "placed", self.placed)
        located = self.in_province.value + self.out_of_province.value
        if located > self.placed.value:
            raise ModelError(
                "out_of_province",
                f"in_province + out_of_province ({located}) must not be larger than "
                f"placed ({self.placed.value})",
            )


@frozen(kw_only=True)
class Admissions:
    """招生就业信息公开情况: prose, the admissions figures, then ``employment``.

    ``stated_province_count`` is the number the report writes (``10个省、自治区``); the
    audit checks it against ``provinces``.

    >>> from hnjd_disclosure import builtin_report
    >>> a = builtin_report(2022).proactive.admissions
    >>> a.planned.value, str(a.admission_rate), len(a.provinces) == a.stated_province_count
    (5300, '99.90%', True)
    """

    heading: str = f.text(label="标题", after_number=True)
    paragraphs: tuple[str, ...] = f.paragraphs()
    #: The provinces and autonomous regions recruited from, as the report lists them.
    provinces: tuple[str, ...] = f.paragraphs(
        label="招生省份",
        at_least_one="province",
        lines=False,
        refuses=(_NO_PROVINCE_BREAK, _NOT_FACING),
    )
    #: The number of provinces the report states (checked against ``provinces`` by the audit).
    stated_province_count: int = f.whole_number(
        label="招生省份数（所述）", high=MAX_PROVINCE_COUNT, unit="个"
    )
    planned: Count = f.count("人", "计划招生")
    admitted: Count = f.count("人", "实际录取")
    admission_rate: StatedPercent = f.percent("录取率")
    registered: Count = f.count("人", "报到")
    registration_rate: StatedPercent = f.percent("报到率")
    employment: Employment = f.nested(Employment, label="就业")

    def __attrs_post_init__(self) -> None:
        f.check_part_of_whole("registered", self.registered, "admitted", self.admitted)


@frozen(kw_only=True)
class Domain:
    """A domain of proactive disclosure written as prose (人事, 其他).

    >>> from hnjd_disclosure import builtin_report
    >>> builtin_report(2022).proactive.personnel.heading
    '人事信息公开情况'
    """

    heading: str = f.text(label="标题", after_number=True)
    paragraphs: tuple[str, ...] = f.paragraphs()


@frozen(kw_only=True)
class ItemList:
    """A sentence that lists what was disclosed: ``{lead}{items joined by 、}{tail}``.

    The items are data (the rules, lists or programmes a domain published); ``lead`` and
    ``tail`` are the prose around them, kept as published (the tail usually starts with 等).

    >>> from hnjd_disclosure import builtin_report
    >>> listed = builtin_report(2022).proactive.teaching.disclosed
    >>> listed.items[:3]
    ('学分制管理办法', '学习成果认定与转换办法', '专业设置')
    >>> listed.text.endswith("科研奖励等，为师生提供快捷方便的服务，提高办事效率。")
    True
    """

    lead: str = f.text(label="前文")
    items: tuple[str, ...] = f.items(label="事项")
    tail: str = f.optional_text(label="后文", refuses=(f.LIST_TAIL,))

    def __attrs_post_init__(self) -> None:
        if len(self.items) == 1 and not self.tail.startswith("等"):
            message = "must start with 等 after a single item: it would be read back as no list"
            raise ModelError("tail", message)

    @property
    def text(self) -> str:
        """The sentence as the report writes it.

        >>> from hnjd_disclosure import builtin_report
        >>> aid = builtin_report(2022).proactive.student_affairs.aid
        >>> aid.items[:2], "主要包括国家奖学金、国家励志奖学金、" in aid.text
        (('国家奖学金', '国家励志奖学金'), True)
        """
        return self.lead + LIST_SEPARATOR.join(self.items) + self.tail


def _check_listed(
    name: str, listed: ItemList | None, got: Listed | None, marker: str, last: str
) -> None:
    """Raise :class:`ModelError` unless the reader gets ``listed`` back (``got``, read after
    ``marker``); ``last`` is the path of the paragraph read when there is no list."""
    want = None if listed is None else Listed(listed.lead, listed.items, listed.tail)
    if got == want:
        return
    if want is None:
        assert got is not None
        message = f"would be read back as a list after {marker}: {got.items!r}"
        raise ModelError(last, message)
    why = f"the list is read after the first {marker} (or {marker}：)"
    if got is None:
        raise ModelError(f"{name}.lead", f"would be read back as no list ({why})")
    for part in ("lead", "items", "tail"):
        if getattr(got, part) != getattr(want, part):
            raise ModelError(
                f"{name}.{part}", f"would be read back as {getattr(got, part)!r} ({why})"
            )


def _last_paragraph(paragraphs: tuple[str, ...]) -> tuple[str, str]:
    """The last paragraph (empty without any) and its path."""
    if not paragraphs:
        return "", "paragraphs"
    return paragraphs[-1], f"paragraphs[{len(paragraphs) - 1}]"


@frozen(kw_only=True)
class TeachingDomain:
    """教学科研信息公开情况: prose, then the sentence listing the rules and lists disclosed.

    ``disclosed`` is None when the report does not list them (the prose says it all).

    >>> from hnjd_disclosure import builtin_report
    >>> len(builtin_report(2022).proactive.teaching.disclosed.items)
    8
    """

    heading: str = f.text(label="标题", after_number=True)
    paragraphs: tuple[str, ...] = f.paragraphs(default=())
    disclosed: ItemList | None = f.optional_nested(ItemList, label="公开的教务信息")

    def __attrs_post_init__(self) -> None:
        last, where = _last_paragraph(self.paragraphs)
        text = last if self.disclosed is None else self.disclosed.text
        _check_listed("disclosed", self.disclosed, find_list(text, INCLUDES), INCLUDES, where)


@frozen(kw_only=True)
class StudentAffairsDomain:
    """学生管理信息公开情况: prose, then one paragraph of two sentences listing the student
    aid programmes publicised (``aid``) and the student-management rules published
    (``rules``); either is None when the report does not list it.

    >>> from hnjd_disclosure import builtin_report
    >>> affairs = builtin_report(2022).proactive.student_affairs
    >>> affairs.aid.items[0], len(affairs.aid.items), affairs.rules.items[-1]
    ('国家奖学金', 13, '成立学风建设领导小组')
    """

    heading: str = f.text(label="标题", after_number=True)
    paragraphs: tuple[str, ...] = f.paragraphs(default=())
    aid: ItemList | None = f.optional_nested(ItemList, label="资助项目")
    rules: ItemList | None = f.optional_nested(ItemList, label="学生管理制度")

    def __attrs_post_init__(self) -> None:
        aid, rules = self.aid, self.rules
        if aid is not None and rules is not None and aid.tail.find("。") != len(aid.tail) - 1:
            message = (
                "must end with its first 。 before the rules: they would be read back as its tail"
            )
            raise ModelError("aid.tail", message)
        last, where = _last_paragraph(self.paragraphs)
        text = "".join(x.text for x in (aid, rules) if x is not None) or last
        got_aid, got_rules = affairs_lists(text)
        # the rules first: rules not read back would be read as the aid's tail
        _check_listed("rules", rules, got_rules, PUBLICISES, where)
        _check_listed("aid", aid, got_aid, INCLUDES, where)


@frozen(kw_only=True)
class Procurement:
    """The procurement paragraph: ``{lead}{notices}{tail}``, e.g. ``…等公开信息共131条，确保…``.

    >>> from hnjd_disclosure import builtin_report
    >>> builtin_report(2022).proactive.finance.procurement.notices.value
    131
    """

    lead: str = f.text(label="前文")
    notices: Count = f.count("条", "采购公开信息")
    tail: str = f.optional_text(label="后文")

    def __attrs_post_init__(self) -> None:
        count = f"{self.notices.value}条"
        sentence = fold(self.lead + count + self.tail)
        span = notice_span(sentence)
        at = len(self.lead)
        if span != (at, at + len(count)):
            assert span is not None  # the count itself is one
            where = "tail" if span[0] >= at + len(count) else "lead"
            found = sentence[span[0] : span[1]]
            message = (
                f"would be read back with the count {found}, not {count} "
                "(the count read is the one after 共, else the last in 条)"
            )
            raise ModelError(where, message)


@frozen(kw_only=True)
class FinanceDomain:
    """财务与招标信息公开情况: prose, then the procurement paragraph with its notice count.

    >>> from hnjd_disclosure import builtin_report
    >>> builtin_report(2022).proactive.finance.heading
    '财务与招标信息公开情况'
    """

    heading: str = f.text(label="标题", after_number=True)
    paragraphs: tuple[str, ...] = f.paragraphs()
    procurement: Procurement = f.nested(Procurement, label="招标采购")


@frozen(kw_only=True)
class ProactiveDisclosure:
    """Part 2, 主动公开情况: (一) the channels of disclosure, (二) each domain in turn.

    >>> from hnjd_disclosure import builtin_report
    >>> p = builtin_report(2022).proactive
    >>> len(p.channels), p.admissions.heading
    (5, '招生就业信息公开情况')
    """

    heading: str = f.text(label="标题")
    #: The heading of the list of channels, （一） of part 2.
    channels_heading: str = f.text(label="公开方式标题")
    #: The ways the institution discloses information, one line each (1. 2. 3. …).
    channels: tuple[str, ...] = f.paragraphs(
        label="公开方式", at_least_one="channel", lines=False, after_number=True
    )
    #: The heading of the domains, （二） of part 2.
    domains_heading: str = f.text(label="公开情况标题")
    paragraphs: tuple[str, ...] = f.paragraphs()
    admissions: Admissions = f.nested(Admissions, label="招生就业")
    finance: FinanceDomain = f.nested(FinanceDomain, label="财务与招标")
    personnel: Domain = f.nested(Domain, label="人事")
    teaching: TeachingDomain = f.nested(TeachingDomain, label="教学科研")
    student_affairs: StudentAffairsDomain = f.nested(StudentAffairsDomain, label="学生管理")
    other: Domain = f.nested(Domain, label="其他")
