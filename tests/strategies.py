"""Hypothesis strategies that build valid reports explicitly (``st.builds`` skips validators)."""

from __future__ import annotations

import contextlib
import copy
import datetime
from collections.abc import Mapping
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext
from typing import Any, TypeVar, cast

import attrs
from hypothesis import strategies as st

from hnjd_disclosure.model import (
    Admissions,
    AnnualReport,
    Assessment,
    Checklist,
    ChecklistEntry,
    Complaints,
    Contact,
    DisclosureStatus,
    Domain,
    Employment,
    FinanceDomain,
    Improvement,
    Initiative,
    InstitutionKind,
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
from hnjd_disclosure.quantities import Count, Ranking, StatedPercent, WanFigure

T = TypeVar("T")

# Prose: Chinese characters, Latin letters and the report's punctuation. No digits, so that
# a figure in a generated text is always one the model put there; no 。 in titles.
_CJK = (
    "学校信息公开工作年度报告情况主动申请评议举报复议诉讼问题改进措施其他事项"
    "招生就业财务人事教学科研管理湖南机电职业技术院省市县区网站平台制度"
)
_PROSE_ALPHABET = _CJK + "ABCOAxyz" + "，、；“”《》（）"

prose = st.text(alphabet=_PROSE_ALPHABET, min_size=1, max_size=40).filter(lambda s: s.strip() != "")
sentence = st.builds(lambda s: s + "。", prose)
paragraph_list = st.lists(st.builds(lambda a, b: a + b, prose, sentence), max_size=3).map(tuple)
nonempty_paragraphs = st.lists(
    st.builds(lambda a, b: a + b, prose, sentence), min_size=1, max_size=3
).map(tuple)
title = st.text(alphabet=_CJK, min_size=1, max_size=20)


def counts(unit: str, max_value: int = 10_000_000) -> st.SearchStrategy[Count]:
    return st.integers(0, max_value).map(lambda v: Count(value=v, unit=unit))


def count_upto(unit: str, whole: int) -> st.SearchStrategy[Count]:
    return st.integers(0, whole).map(lambda v: Count(value=v, unit=unit))


@st.composite
def stated_percents(draw: st.DrawFn, max_value: int = 100) -> StatedPercent:
    decimals = draw(st.integers(0, 2))
    scaled = draw(st.integers(0, max_value * 10**decimals))
    return StatedPercent(value=Decimal(scaled).scaleb(-decimals))


@st.composite
def wan_figures(draw: st.DrawFn, unit: str) -> WanFigure:
    decimals = draw(st.integers(0, 2))
    scaled = draw(st.integers(0, 99_999))
    return WanFigure(value=Decimal(scaled).scaleb(-decimals), unit=unit)


rankings = st.one_of(
    st.integers(1, 999).map(lambda n: Ranking.of(n)),
    st.integers(1, 999).map(lambda n: Ranking.of(n, chinese=True)),
    st.just(Ranking(text="前百名")),
)

initiatives = st.builds(lambda t, b: Initiative(title=t, body=b), title, prose | st.just(""))

media_figures = st.builds(
    lambda *a: MediaFigures(
        news_articles=a[0],
        external_reports=a[1],
        wechat_issues=a[2],
        wechat_followers=a[3],
        wechat_ranking=a[4],
        weibo_award=a[5],
        weibo_posts=a[6],
        weibo_followers=a[7],
        weibo_reads=a[8],
        weibo_ranking=a[9],
        douyin_videos=a[10],
        douyin_followers=a[11],
        douyin_ranking=a[12],
    ),
    counts("篇"),
    counts("篇"),
    counts("期"),
    counts("人"),
    rankings,
    st.just("") | title,
    counts("条"),
    wan_figures("人"),
    wan_figures(""),
    rankings,
    counts("条"),
    wan_figures("人"),
    rankings,
)


@st.composite
def employments(draw: st.DrawFn) -> Employment:
    graduates = draw(st.integers(0, 100_000))
    placed = draw(st.integers(0, graduates))
    in_province = draw(st.integers(0, placed))
    out_of_province = draw(st.integers(0, placed - in_province))
    return Employment(
        home_province=draw(title),
        graduates=Count(value=graduates, unit="人"),
        placed=Count(value=placed, unit="人"),
        placement_rate=draw(stated_percents()),
        enlisted=draw(count_upto("人", placed)),
        enlisted_share=draw(stated_percents()),
        upgraded=draw(count_upto("人", placed)),
        upgraded_share=draw(stated_percents()),
        in_province=Count(value=in_province, unit="人"),
        in_province_share=draw(stated_percents()),
        out_of_province=Count(value=out_of_province, unit="人"),
        out_of_province_share=draw(stated_percents()),
    )


@st.composite
def admissions(draw: st.DrawFn) -> Admissions:
    provinces = tuple(draw(st.lists(title, min_size=1, max_size=12)))
    admitted = draw(st.integers(0, 100_000))
    return Admissions(
        heading=draw(title),
        paragraphs=draw(paragraph_list),
        provinces=provinces,
        stated_province_count=draw(st.sampled_from([len(provinces), len(provinces) + 1])),
        planned=draw(counts("人", 100_000)),
        admitted=Count(value=admitted, unit="人"),
        admission_rate=draw(stated_percents()),
        registered=draw(count_upto("人", admitted)),
        registration_rate=draw(stated_percents()),
        employment=draw(employments()),
    )


domains = st.builds(lambda h, p: Domain(heading=h, paragraphs=p), title, paragraph_list)

#: An enumeration's item: no 、 (the separator) and no digits, like the report's items.
list_item = st.text(alphabet=_CJK + "ABCOAxyz（）《》", min_size=1, max_size=12).filter(
    lambda s: s.strip() != ""
)


def item_lists(marker: str, *, ends_sentence: bool = False) -> st.SearchStrategy[ItemList]:
    """A sentence listing items after ``marker`` as the report writes them (a tail with 等;
    without a tail, at least two items). ``ends_sentence``: the tail ends the sentence."""
    etc_tail = st.builds(lambda a: "等" + a, sentence)
    return st.one_of(
        st.builds(
            lambda lead, items, tail: ItemList(lead=lead + marker, items=tuple(items), tail=tail),
            prose,
            st.lists(list_item, min_size=1, max_size=8),
            etc_tail,
        ),
        *(
            []
            if ends_sentence
            else [
                st.builds(
                    lambda lead, items: ItemList(lead=lead + marker, items=tuple(items), tail=""),
                    prose,
                    st.lists(list_item, min_size=2, max_size=8),
                )
            ]
        ),
    )


teaching_domains = st.builds(
    lambda h, p, listed: TeachingDomain(heading=h, paragraphs=p, disclosed=listed),
    title,
    paragraph_list,
    st.none() | item_lists("主要包括："),
)
student_affairs_domains = st.builds(
    lambda h, p, aid, rules: StudentAffairsDomain(heading=h, paragraphs=p, aid=aid, rules=rules),
    title,
    paragraph_list,
    st.none() | item_lists("主要包括", ends_sentence=True),
    st.none() | item_lists("公示"),
)

proactive = st.builds(
    lambda h, ch, chs, dh, p, adm, fin, per, tea, stu, oth: ProactiveDisclosure(
        heading=h,
        channels_heading=ch,
        channels=chs,
        domains_heading=dh,
        paragraphs=p,
        admissions=adm,
        finance=fin,
        personnel=per,
        teaching=tea,
        student_affairs=stu,
        other=oth,
    ),
    title,
    title,
    st.lists(prose, min_size=1, max_size=6).map(tuple),
    title,
    paragraph_list,
    admissions(),
    st.builds(
        lambda h, p, lead, n, tail: FinanceDomain(
            heading=h,
            paragraphs=p,
            procurement=Procurement(lead=lead, notices=n, tail=tail),
        ),
        title,
        paragraph_list,
        prose,
        counts("条"),
        st.just("") | sentence,
    ),
    domains,
    teaching_domains,
    student_affairs_domains,
    domains,
)


@st.composite
def request_counts(draw: st.DrawFn) -> RequestCounts:
    received = draw(st.integers(0, 500))
    left = received
    values = []
    for _ in range(5):
        v = draw(st.integers(0, left))
        values.append(v)
        left -= v
    c = [Count(value=v, unit="件") for v in values]
    return RequestCounts(
        received=Count(value=received, unit="件"),
        granted=c[0],
        partially_granted=c[1],
        refused=c[2],
        not_held=c[3],
        other_outcome=c[4],
    )


@st.composite
def other_matters(draw: st.DrawFn) -> OtherMatters:
    contact = draw(
        st.none()
        | st.builds(lambda o, t: Contact(office=o, telephone=t), title, st.just("0731－84033328"))
    )
    intro = draw(st.just("") | st.builds(lambda p: p + "请联系：", prose)) if contact else ""
    return OtherMatters(
        heading=draw(title), paragraphs=draw(paragraph_list), contact_intro=intro, contact=contact
    )


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start = draw(st.dates(datetime.date(1990, 1, 1), datetime.date(2090, 1, 1)))
    length = draw(st.integers(1, 800))
    return Period(start=start, end=start + datetime.timedelta(days=length))


urls = st.sampled_from(
    [
        "",
        "https://www.hnjd.edu.cn/xxgk/",
        "http://example.edu.cn/a?b=1&c=<2>",
        "javascript:alert(1)",
    ]
)


@st.composite
def checklist_entries(draw: st.DrawFn, item: int) -> ChecklistEntry:
    """A valid entry for ``item``: the fields its status needs, and no others."""
    status = draw(st.sampled_from(DisclosureStatus))
    if status is DisclosureStatus.DISCLOSED:
        channels = tuple(draw(st.lists(title, max_size=3)))
        url = draw(urls)
        # Where it was disclosed: channels, a URL or a note, at least one of them.
        note = draw(st.just("") | prose) if channels or url else draw(prose)
        return ChecklistEntry(
            item=item,
            status=status,
            channels=channels,
            url=url,
            evidence=draw(sentence),
            note=note,
        )
    if status is DisclosureStatus.NOT_STATED:
        return ChecklistEntry(item=item, status=status)
    return ChecklistEntry(item=item, status=status, reason=draw(prose))


@st.composite
def checklists(draw: st.DrawFn) -> Checklist:
    """A part 8 table listing some of the 50 items (unique, in any order)."""
    items = draw(st.lists(st.integers(1, 50), unique=True, max_size=50))
    return Checklist(heading=draw(title), entries=tuple(draw(checklist_entries(i)) for i in items))


@st.composite
def reports(draw: st.DrawFn, *, with_checklist: bool = False) -> AnnualReport:
    """A valid report with every section filled from the strategies above.

    Part 8 stays ``None`` unless ``with_checklist``; then the report also gets a random kind.
    """
    part_names = tuple(draw(st.lists(title, min_size=1, max_size=9)))
    bases = draw(
        st.lists(
            st.builds(
                lambda i, t, d: LegalBasis(issuer=i, title=t, doc_no=d),
                st.just("") | title,
                title,
                st.builds(lambda t, n: f"{t}〔2022〕{n}号", title, st.integers(1, 99)),
            ),
            min_size=1,
            max_size=4,
        )
    )
    return AnnualReport(
        institution=draw(title),
        year=draw(st.integers(1990, 2090)),
        title=draw(title),
        legal_basis=tuple(bases),
        period=draw(periods()),
        part_names=part_names,
        stated_part_count=draw(st.sampled_from([len(part_names), 8])),
        overview=Overview(
            heading=draw(title),
            paragraphs=draw(paragraph_list),
            initiatives=tuple(draw(st.lists(initiatives, max_size=4))),
            media=draw(st.none() | media_figures),
        ),
        proactive=draw(proactive),
        requests=RequestDisclosure(
            heading=draw(title), paragraphs=draw(paragraph_list), requests=draw(request_counts())
        ),
        assessment=Assessment(heading=draw(title), paragraphs=draw(paragraph_list)),
        complaints=Complaints(
            heading=draw(title),
            paragraphs=draw(paragraph_list),
            complaints=draw(counts("件", 50)),
            reconsiderations=draw(counts("件", 50)),
            lawsuits=draw(counts("件", 50)),
        ),
        improvement=Improvement(
            heading=draw(title),
            paragraphs=draw(paragraph_list),
            measures=tuple(draw(st.lists(initiatives, max_size=4))),
        ),
        other=draw(other_matters()),
        institution_kind=(
            draw(st.sampled_from(InstitutionKind)) if with_checklist else InstitutionKind.VOCATIONAL
        ),
        checklist=draw(checklists()) if with_checklist else None,
    )


def all_model_instances(report: AnnualReport) -> list[object]:
    """Every attrs instance inside a report (the report included), depth first."""
    out: list[object] = []

    def walk(obj: object) -> None:
        if attrs.has(type(obj)):
            out.append(obj)
            for a in attrs.fields(type(obj)):  # type: ignore[arg-type]
                walk(getattr(obj, a.name))
        elif isinstance(obj, tuple):
            for item in obj:
                walk(item)

    walk(report)
    return out


def reference_rate(part: int, whole: int, decimals: int, rounding: str = ROUND_HALF_UP) -> Decimal:
    """The test oracle: ``part / whole`` in percent, rounded by the :mod:`decimal` module.

    The division truncates at 80 digits, far beyond any difference between a ratio of
    counts below 10**9 and a rounding boundary, so the final rounding is exact.
    """
    with localcontext() as ctx:
        ctx.prec = 80
        ctx.rounding = ROUND_DOWN
        exact = Decimal(part) * 100 / Decimal(whole)
        return exact.quantize(Decimal(1).scaleb(-decimals), rounding=rounding)


def data_places(node: object, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], object]]:
    """Every place in parsed data (JSON or TOML) a value can be replaced, containers
    included, with the value there."""
    out: list[tuple[tuple[Any, ...], object]] = [(path, node)] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            out += data_places(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += data_places(value, (*path, i))
    return out


def data_replaced(data: Any, path: tuple[Any, ...], value: object) -> Any:
    """A deep copy of parsed ``data`` with the value at ``path`` replaced."""
    data = copy.deepcopy(data)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


def replace_at(obj: T, path: str, value: object) -> T:
    """A copy of ``obj`` with the field at dotted ``path`` set to ``value`` (validated again)."""
    return replace_all(obj, {path: value})


def replace_all(obj: T, changes: Mapping[str, object]) -> T:
    """A copy of ``obj`` with every dotted path of ``changes`` set at once (validated again)."""
    direct: dict[str, object] = {}
    nested: dict[str, dict[str, object]] = {}
    for path, value in changes.items():
        head, _, rest = path.partition(".")
        if rest:
            nested.setdefault(head, {})[rest] = value
        else:
            direct[head] = value
    for head, inner in nested.items():
        direct[head] = replace_all(getattr(obj, head), inner)
    return cast(T, attrs.evolve(cast(Any, obj), **direct))


@st.composite
def consistent_reports(draw: st.DrawFn) -> AnnualReport:
    """A valid report whose every published rate, share and stated number agrees with its counts,
    and whose part 8 is :func:`complete_checklist`.

    Each rate is printed with 0 to 2 decimals, rounded half-up by :func:`reference_rate`;
    wholes are never zero; 省内 + 省外 = 落实; more may be admitted than planned.
    """
    base = draw(reports())

    def stated(part: int, whole: int) -> StatedPercent:
        return StatedPercent(value=reference_rate(part, whole, draw(st.integers(0, 2))))

    def people(n: int) -> Count:
        return Count(value=n, unit="人")

    planned = draw(st.integers(1, 100_000))
    admitted = draw(st.integers(1, 2 * planned))
    registered = draw(st.integers(0, admitted))
    graduates = draw(st.integers(1, 100_000))
    placed = draw(st.integers(1, graduates))
    in_province = draw(st.integers(0, placed))
    enlisted = draw(st.integers(0, placed))
    upgraded = draw(st.integers(0, placed))
    adm = base.proactive.admissions
    employment = attrs.evolve(
        adm.employment,
        graduates=people(graduates),
        placed=people(placed),
        placement_rate=stated(placed, graduates),
        enlisted=people(enlisted),
        enlisted_share=stated(enlisted, graduates),
        upgraded=people(upgraded),
        upgraded_share=stated(upgraded, graduates),
        in_province=people(in_province),
        in_province_share=stated(in_province, placed),
        out_of_province=people(placed - in_province),
        out_of_province_share=stated(placed - in_province, placed),
    )
    admissions = attrs.evolve(
        adm,
        stated_province_count=len(adm.provinces),
        planned=people(planned),
        admitted=people(admitted),
        admission_rate=stated(admitted, planned),
        registered=people(registered),
        registration_rate=stated(registered, admitted),
        employment=employment,
    )
    return attrs.evolve(
        base,
        stated_part_count=len(base.part_names),
        proactive=attrs.evolve(base.proactive, admissions=admissions),
        checklist=complete_checklist(base.institution_kind),
    )


def complete_checklist(kind: InstitutionKind) -> Checklist:
    """A part 8 the checklist audit has nothing to say about: every item listed, the items that
    do not apply to ``kind`` as ``not_applicable`` (with the data's reason), the others as
    ``not_stated`` (so no evidence to look for in the report)."""
    from hnjd_disclosure.checklist import checklist_2014

    standard = checklist_2014()
    entries = []
    for item in standard.items:
        reason = standard.not_applicable_reason(item.number, kind)
        if reason is None:
            entries.append(ChecklistEntry(item=item.number, status=DisclosureStatus.NOT_STATED))
        else:
            status = DisclosureStatus.NOT_APPLICABLE
            entries.append(ChecklistEntry(item=item.number, status=status, reason=reason))
    return Checklist(heading="清单事项公开情况表", entries=tuple(entries))


#: Characters the text layout gives a meaning: drawn often, so that random text reaches them.
_LAYOUT = (
    "0123456789\uff11.\uff0e、，,。（）()一二三十是：电话 \t\u3000\xa0\u2028\x0b\x1c\x1f\x85\ufeff"
)
#: Any text the model may refuse: all of Unicode but lone surrogates (no UTF-8 file holds one).
any_text = st.text(
    st.characters(exclude_categories=["Cs"]) | st.sampled_from(_LAYOUT), min_size=1, max_size=12
)


def _any_text_near(value: str) -> st.SearchStrategy[str]:
    """Any text, or ``value`` with any text before or after it (so that text in a template
    sentence, which must keep its template's words, is drawn from all of Unicode too)."""
    return any_text | any_text.map(lambda a: a + value) | any_text.map(lambda a: value + a)


def with_any_text(draw: st.DrawFn, obj: T) -> T:
    """``obj`` with its text fields (and items of its text tuples) replaced by :data:`any_text`
    wherever the model accepts the replacement: all of Unicode minus what the model refuses
    (its own checks decide, field by field and between fields)."""
    from hnjd_disclosure.errors import ModelError

    if not attrs.has(type(obj)):
        return obj
    for a in attrs.fields(type(obj)):  # type: ignore[arg-type]
        value = getattr(obj, a.name)
        new: object
        if type(value) is str:
            new = draw(_any_text_near(value))
        elif type(value) is tuple and value and all(type(x) is str for x in value):
            new = tuple(draw(_any_text_near(x)) if draw(st.booleans()) else x for x in value)
        elif type(value) is tuple:
            new = tuple(with_any_text(draw, x) for x in value)
        elif attrs.has(type(value)):
            new = with_any_text(draw, value)
        else:
            continue
        with contextlib.suppress(ModelError):  # refused by the model: keep the value
            obj = attrs.evolve(cast(Any, obj), **{a.name: new})
    return obj


@st.composite
def any_text_reports(draw: st.DrawFn) -> AnnualReport:
    """A valid report whose every text field holds any text the model accepts."""
    return with_any_text(draw, draw(reports()))


def document_places(value: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every place of a JSON document: each key of each table, each item of each array."""
    out = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            out += document_places(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out += document_places(item, (*path, i))
    return out
