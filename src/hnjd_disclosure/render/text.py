"""The report as Chinese text, in the layout of Chinese official documents.

Headings are numbered 一、 then （一） then 1. and initiatives 一是/二是; punctuation is
full-width; dates read 2021年9月1日. Published figures are written exactly as published.
Each part has its own pure function returning its paragraphs; :func:`render` joins them,
one paragraph per line with a blank line between. The sentences that carry the figures
(the preamble, the media passage, the admissions and employment figures, the procurement
line, the request and complaint figures, the contact line) are written by :func:`write`
from their templates in :mod:`hnjd_disclosure._templates`;
:func:`~hnjd_disclosure.parse.parse_report` reads them back from the same templates.
"""

from __future__ import annotations

import functools
import linecache
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final

from .. import _templates as t
from .._templates import ADMISSIONS, COMPLAINTS, MEDIA, PREAMBLE, REQUESTS, Template
from ..model import (
    Admissions,
    AnnualReport,
    Assessment,
    Complaints,
    Domain,
    FinanceDomain,
    Improvement,
    Initiative,
    LegalBasis,
    MediaFigures,
    OtherMatters,
    Overview,
    ProactiveDisclosure,
    RequestDisclosure,
    StudentAffairsDomain,
    TeachingDomain,
)
from ..numerals import to_chinese
from . import _format as fmt

__all__ = [
    "PART_RENDERERS",
    "Heading",
    "admissions_sentences",
    "checklist_heading",
    "complaints_sentence",
    "contact_sentence",
    "legal_basis_phrase",
    "media_sentences",
    "render",
    "render_assessment",
    "render_checklist",
    "render_complaints",
    "render_header",
    "render_improvement",
    "render_other",
    "render_overview",
    "render_parts",
    "render_proactive",
    "render_requests",
    "requests_sentence",
    "write",
]


class Heading(str):
    """A heading among a part's paragraphs: a ``str`` that remembers its ``level`` (1 to 3).

    Part renderers return plain lists of strings; other formats (Markdown, HTML, docx) tell
    headings from paragraphs by this type. Joining or concatenating gives a plain ``str``,
    so ``heading(3, 1, x) + "；"`` (a numbered list item, not a heading) is a paragraph.

    >>> h = Heading("一、情况概述", level=1)
    >>> h == "一、情况概述", h.level, type(h + "。") is str
    (True, 1, True)
    """

    __slots__ = ("level",)
    level: int

    def __new__(cls, text: str, *, level: int) -> Heading:
        self = super().__new__(cls, text)
        self.level = level
        return self

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, int]]:
        return (str(self),), {"level": self.level}


def heading(level: int, number: int, text: str) -> Heading:
    """A numbered heading: level 1 ``一、``, level 2 ``（一）``, level 3 ``1.``.

    >>> heading(1, 2, "主动公开情况"), heading(2, 1, "方式"), heading(3, 6, "其他")
    ('二、主动公开情况', '（一）方式', '6.其他')
    """
    if level == 1:
        return Heading(f"{to_chinese(number)}、{text}", level=1)
    if level == 2:
        return Heading(f"（{to_chinese(number)}）{text}", level=2)
    return Heading(f"{number}.{text}", level=3)


def initiative(number: int, item: Initiative) -> str:
    """``一是{title}。{body}``."""
    return f"{to_chinese(number)}是{item.title}。{item.body}"


def _initiatives(items: Sequence[Initiative]) -> list[str]:
    return [initiative(i, item) for i, item in enumerate(items, 1)]


def _append(paragraphs: list[str], sentences: str) -> list[str]:
    """Continue the last paragraph with ``sentences`` (or start one if there is none)."""
    if paragraphs:
        return [*paragraphs[:-1], paragraphs[-1] + sentences]
    return [sentences]


def enumerate_zh(items: Sequence[str], last: str = "和") -> str:
    """``a、b和c``: items joined by 、 with ``last`` before the final one.

    >>> enumerate_zh(["甲"]), enumerate_zh(["甲", "乙", "丙"])
    ('甲', '甲、乙和丙')
    """
    if len(items) <= 1:
        return "".join(items)
    return "、".join(items[:-1]) + last + items[-1]


def legal_basis_phrase(basis: LegalBasis) -> str:
    """``湖南省教育厅《关于……的通知》（湘教办通〔2022〕30号）``.

    >>> from hnjd_disclosure.model import LegalBasis
    >>> legal_basis_phrase(LegalBasis(title="高等学校信息公开办法", doc_no="教育部令第29号"))
    '《高等学校信息公开办法》（教育部令第29号）'
    """
    return f"{basis.issuer}《{basis.title}》（{basis.doc_no}）"


#: A template's writer: its sentence for the object it describes and the report's year.
_Writer = Callable[[Any, int], str]


def write(template: Template, source: object, *, year: int = 0) -> str:
    """The sentence of ``template`` with the figures and names of ``source``.

    ``year`` is the report's year, which the template's
    :class:`~hnjd_disclosure._templates.Year` slots print.

    >>> from hnjd_disclosure import builtin_report
    >>> from hnjd_disclosure._templates import COMPLAINTS
    >>> write(COMPLAINTS, builtin_report(2022).complaints)
    '本年度学校收到信息公开举报0件，行政复议0件，行政诉讼0件。'
    """
    return _writer(template)(source, year)


@functools.cache
def _writer(template: Template) -> _Writer:
    """``template`` compiled to a function that joins its pieces, as an f-string would.

    The source is registered with :mod:`linecache`, so a traceback through it shows it.
    """
    namespace: dict[str, Any] = {}
    terms: list[str] = []
    for i, piece in enumerate(template.pieces):
        if isinstance(piece, str):
            terms.append(repr(piece))
        elif isinstance(piece, t.Year):
            terms.append("str(year)")
        elif isinstance(piece, t.Marker):
            terms.append(repr(piece.text))
        else:
            namespace[f"show{i}"] = _show(piece)
            fields = [piece.field]
            if isinstance(piece, t.PartList | t.ProvinceList):
                fields.append(piece.count)
            terms.append(f"show{i}({', '.join('source.' + f for f in fields)})")
    body = ",\n        ".join(terms)
    source = f"def write(source, year):\n    return ''.join((\n        {body},\n    ))\n"
    filename = f"<hnjd_disclosure template: {template.what}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)
    writer: _Writer = namespace["write"]
    return writer


def _show(slot: t.Slot) -> Callable[..., str]:
    """How the value (or values) of ``slot`` is printed."""
    if isinstance(slot, t.PartList):
        return lambda names, count: f"{'、'.join(names)}等{to_chinese(count)}"
    if isinstance(slot, t.ProvinceList):
        return lambda names, count: f"{'、'.join(names)}{count}"
    if isinstance(slot, t.Award):
        marker, otherwise = slot.marker, slot.otherwise
        return lambda award: f"{award}{marker}" if award else otherwise
    return _SHOW[type(slot)]


def _bases(bases: Sequence[LegalBasis]) -> str:
    return enumerate_zh([legal_basis_phrase(b) for b in bases])


#: How the value of each kind of slot is printed (but the lists and the award: see _show).
_SHOW: Final[dict[type[t.Slot], Callable[[Any], str]]] = {
    t.Number: str,
    t.Count: fmt.count,
    t.NoticeCount: fmt.count,
    t.Percent: fmt.percent,
    t.Wan: fmt.wan,
    t.Ranking: fmt.ranking,
    t.Date: fmt.date,
    t.Bases: _bases,
    t.HomeName: str,
    t.Prose: str,
    t.Name: str,
    t.Again: str,
}


def render_header(report: AnnualReport) -> list[str]:
    """The institution, the title and the preamble (basis, parts, period).

    >>> from hnjd_disclosure import builtin_report
    >>> render_header(builtin_report(2022))[:2]
    ['湖南机电职业技术学院', '2022年信息公开年度报告']
    """
    preamble = write(PREAMBLE, report)
    return [report.institution, report.title, preamble]


def media_sentences(year: int, media: MediaFigures) -> str:
    """The media passage of part 1 (``截至目前，校园网2022年发布新闻403篇，……``).

    >>> from hnjd_disclosure import builtin_report
    >>> report = builtin_report(2022)
    >>> media_sentences(report.year, report.overview.media).split("，")[:3]
    ['截至目前', '校园网2022年发布新闻403篇', '外媒宣传报道358篇']
    """
    return write(MEDIA, media, year=year)


def render_overview(report: AnnualReport, overview: Overview | None = None) -> list[str]:
    """Part 1 without its heading: paragraphs, initiatives, then the media passage.

    ``overview`` replaces the report's own part 1 (to render an edited one).

    >>> from hnjd_disclosure import builtin_report
    >>> report = builtin_report(2022)
    >>> paragraphs = render_overview(report)
    >>> for paragraph in paragraphs[1:]:
    ...     print(paragraph.split("。")[0])
    一是细化信息公开内容
    二是完善信息公开教育培训和制度建设
    三是信息公开渠道与校园融媒体有机结合
    >>> "截至目前，校园网2022年发布新闻403篇" in paragraphs[-1]
    True
    """
    part = report.overview if overview is None else overview
    body = [*part.paragraphs]
    items = _initiatives(part.initiatives)
    if part.media is not None:
        items = _append(items, media_sentences(report.year, part.media))
    return body + items


def admissions_sentences(year: int, domain: Admissions) -> str:
    """The admissions and employment figures (``2022年面向……计划招生5300人，……``).

    >>> from hnjd_disclosure import builtin_report
    >>> report = builtin_report(2022)
    >>> text = admissions_sentences(report.year, report.proactive.admissions)
    >>> "计划招生5300人，实际录取5295人，录取率为99.90%" in text
    True
    """
    return write(ADMISSIONS, domain, year=year)


def _domain(number: int, domain: Domain) -> list[str]:
    return [heading(3, number, domain.heading), *domain.paragraphs]


def _teaching_domain(number: int, domain: TeachingDomain) -> list[str]:
    listed = [domain.disclosed.text] if domain.disclosed is not None else []
    return [heading(3, number, domain.heading), *domain.paragraphs, *listed]


def _student_affairs_domain(number: int, domain: StudentAffairsDomain) -> list[str]:
    # The aid sentence and the rules sentence make one paragraph, as published.
    listed = "".join(x.text for x in (domain.aid, domain.rules) if x is not None)
    return [heading(3, number, domain.heading), *domain.paragraphs, *([listed] if listed else [])]


def _admissions_domain(year: int, number: int, domain: Admissions) -> list[str]:
    body = _append([*domain.paragraphs], admissions_sentences(year, domain))
    return [heading(3, number, domain.heading), *body]


def _finance_domain(number: int, domain: FinanceDomain) -> list[str]:
    procurement = write(t.PROCUREMENT, domain.procurement)
    return [heading(3, number, domain.heading), *domain.paragraphs, procurement]


def render_proactive(report: AnnualReport) -> list[str]:
    """Part 2 without its heading: (一) the channels, (二) each domain.

    >>> from hnjd_disclosure import builtin_report
    >>> [p for p in render_proactive(builtin_report(2022)) if getattr(p, "level", 0) == 2]
    ['（一）学校主动公开各类信息的方式', '（二）主动公开信息情况']
    """
    part: ProactiveDisclosure = report.proactive
    last = len(part.channels)
    channels = [
        heading(3, i, text) + ("。" if i == last else "；")
        for i, text in enumerate(part.channels, 1)
    ]
    return [
        heading(2, 1, part.channels_heading),
        *channels,
        heading(2, 2, part.domains_heading),
        *part.paragraphs,
        *_admissions_domain(report.year, 1, part.admissions),
        *_finance_domain(2, part.finance),
        *_domain(3, part.personnel),
        *_teaching_domain(4, part.teaching),
        *_student_affairs_domain(5, part.student_affairs),
        *_domain(6, part.other),
    ]


def requests_sentence(part: RequestDisclosure) -> str:
    """The request counts as a sentence (only written when requests were received).

    >>> from hnjd_disclosure import builtin_report
    >>> requests_sentence(builtin_report(2022).requests).split("，")[:3]
    ['本年度学校共收到信息公开申请0件', '其中予以公开0件', '部分公开0件']
    """
    return write(REQUESTS, part.requests)


def render_requests(report: AnnualReport) -> list[str]:
    """Part 3 without its heading.

    >>> from hnjd_disclosure import builtin_report
    >>> render_requests(builtin_report(2022))
    ['本年度学校没有收到师生和公众的信息公开申请。']
    """
    part = report.requests
    extra = [requests_sentence(part)] if part.requests.received.value else []
    return [*part.paragraphs, *extra]


def render_assessment(report: AnnualReport) -> list[str]:
    """Part 4 without its heading.

    >>> from hnjd_disclosure import builtin_report
    >>> render_assessment(builtin_report(2022))[0][:11]
    '本年度，师生对学校信息'
    """
    part: Assessment = report.assessment
    return [*part.paragraphs]


def complaints_sentence(part: Complaints) -> str:
    """The complaint counts as a sentence (only written when any is non-zero).

    >>> from hnjd_disclosure import builtin_report
    >>> complaints_sentence(builtin_report(2022).complaints)
    '本年度学校收到信息公开举报0件，行政复议0件，行政诉讼0件。'
    """
    return write(COMPLAINTS, part)


def render_complaints(report: AnnualReport) -> list[str]:
    """Part 5 without its heading.

    >>> from hnjd_disclosure import builtin_report
    >>> render_complaints(builtin_report(2022))
    ['本年度学校未收到信息公开工作相关投诉与举报材料。']
    """
    part = report.complaints
    counts = (part.complaints, part.reconsiderations, part.lawsuits)
    extra = [complaints_sentence(part)] if any(c.value for c in counts) else []
    return [*part.paragraphs, *extra]


def render_improvement(report: AnnualReport) -> list[str]:
    """Part 6 without its heading: the problems, then the measures 一是/二是/三是.

    >>> from hnjd_disclosure import builtin_report
    >>> for paragraph in render_improvement(builtin_report(2022))[1:]:
    ...     print(paragraph.split("。")[0])
    一是进一步强化公开信息的政策解读和公众参与
    二是进一步强化信息公开的统筹协调和监督管理
    三是进一步强化信息公开的内涵建设和效能发挥
    """
    part: Improvement = report.improvement
    return [*part.paragraphs, *_initiatives(part.measures)]


def contact_sentence(part: OtherMatters) -> str:
    """``{intro}{office}，电话：{telephone}。``.

    >>> from hnjd_disclosure import builtin_report
    >>> contact_sentence(builtin_report(2022).other).split("请联系：")[1]
    '湖南机电职业技术学院党政办公室，电话：0731－84033328。'
    """
    assert part.contact is not None
    return write(t.CONTACT, part)


def render_other(report: AnnualReport) -> list[str]:
    """Part 7 without its heading.

    >>> from hnjd_disclosure import builtin_report
    >>> render_other(builtin_report(2022))[0].split("，")[0]
    '本报告电子版可在湖南机电职业技术学院网站查看下载'
    """
    part = report.other
    extra = [contact_sentence(part)] if part.contact is not None else []
    return [*part.paragraphs, *extra]


PartRenderer = Callable[[AnnualReport], list[str]]

#: The parts in order, each as (attribute of the report, renderer of its body).
PART_RENDERERS: Final[tuple[tuple[str, PartRenderer], ...]] = (
    ("overview", render_overview),
    ("proactive", render_proactive),
    ("requests", render_requests),
    ("assessment", render_assessment),
    ("complaints", render_complaints),
    ("improvement", render_improvement),
    ("other", render_other),
)


def render_parts(report: AnnualReport) -> Iterable[tuple[str, str, list[str]]]:
    """Each part as ``(attribute, numbered heading, paragraphs)``, in order.

    >>> from hnjd_disclosure import builtin_report
    >>> [title for _, title, _ in render_parts(builtin_report(2022))][:2]
    ['一、情况概述', '二、主动公开情况']
    """
    for number, (name, body) in enumerate(PART_RENDERERS, 1):
        title: str = getattr(report, name).heading
        yield name, heading(1, number, title), body(report)


def checklist_heading(report: AnnualReport) -> Heading | None:
    """Part 8's numbered heading (``八、清单事项公开情况表``), or ``None`` without part 8.

    >>> from hnjd_disclosure import builtin_report
    >>> h = checklist_heading(builtin_report(2022))
    >>> h, h.level
    ('八、清单事项公开情况表', 1)
    """
    if report.checklist is None:
        return None
    return heading(1, len(PART_RENDERERS) + 1, report.checklist.heading)


def render_checklist(report: AnnualReport) -> list[str]:
    """Part 8 without its heading, as a plain-text table: a header line, then one line per item.

    Cells are separated by a full-width bar ``｜``; a report without part 8 gives no lines.

    >>> from hnjd_disclosure import builtin_report
    >>> render_checklist(builtin_report(2022))[6]
    '6｜基本信息｜信息公开年度报告｜已公开｜湖南机电职业技术学院网站'
    """
    if report.checklist is None:
        return []
    # Imported here: the published text has no part 8, and the command line should not load
    # the checklist data at every start.
    from ._checklist import HEADER, checklist_cells

    return ["｜".join(cells) for cells in (HEADER, *checklist_cells(report))]


def render(report: AnnualReport, *, checklist: bool = False) -> str:
    """The whole report as Chinese text: one paragraph per line, blank lines between.

    The published text announces part 8 but does not print it, so part 8 (the checklist
    table) is written only with ``checklist=True`` (and when the report holds one).

    >>> from hnjd_disclosure import builtin_report
    >>> text = render(builtin_report(2022))
    >>> text.splitlines()[:2]
    ['湖南机电职业技术学院', '2022年信息公开年度报告']
    >>> "录取率为99.90%" in text
    True
    """
    head = render_header(report)
    lines = [head[0], head[1], "", head[2]]
    for _, title, paragraphs in render_parts(report):
        lines += ["", title, ""]
        lines += _blank_separated(paragraphs)
    part8 = checklist_heading(report)
    if checklist and part8 is not None:
        lines += ["", part8, "", *render_checklist(report)]
    return "\n".join(lines) + "\n"


def _blank_separated(paragraphs: Sequence[str]) -> list[str]:
    out: list[str] = []
    for i, p in enumerate(paragraphs):
        if i:
            out.append("")
        out.append(p)
    return out
