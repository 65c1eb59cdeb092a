"""The whole report: its identity (institution, year, legal basis, period) and its parts."""

import datetime
from collections.abc import Callable
from typing import Final

from attrs import frozen

from ..errors import ModelError
from . import _fields as f
from .checklist import Checklist, InstitutionKind
from .overview import Overview
from .parts import Assessment, Complaints, Improvement, OtherMatters, RequestDisclosure
from .proactive import ProactiveDisclosure

__all__ = ["MAX_YEAR", "MIN_YEAR", "AnnualReport", "LegalBasis", "Period", "set_html_display"]

#: What the preamble's ``{issuer}《{title}》（{doc_no}）`` cannot carry back: the reader takes
#: the issuer up to the first 《, the title up to 》 and the number up to ）( ``(`` and ``)`` are
#: read as （ and ）).
_NO_OPENING_TITLE: Final = f.Refuses(pattern="《", why="the title would start there")
_NO_BOOK_MARKS: Final = f.Refuses(pattern="[《》]", why="the title is read between 《 and 》")
_NO_BRACKETS: Final = f.Refuses(pattern="[（）()]", why="the number is read between （ and ）")
#: The part names are read up to 个部分, split at 、.
_NO_PART_BREAK: Final = f.Refuses(
    pattern="、|个部分", why="the preamble's list of parts is split at 、 and ends at 个部分"
)

#: The years a report may have (``AnnualReport.year``).
MIN_YEAR: Final = 1949
MAX_YEAR: Final = 9999


@frozen(kw_only=True)
class LegalBasis:
    """A document the report is written under: ``{issuer}《{title}》（{doc_no}）``.

    >>> LegalBasis(title="高等学校信息公开办法", doc_no="中华人民共和国教育部令第29号").issuer
    ''
    """

    #: The issuing authority as the report names it (湖南省教育厅); empty for the Ministry's.
    issuer: str = f.optional_text(label="发文机关", refuses=(_NO_OPENING_TITLE,))
    title: str = f.text(label="文件名称", refuses=(_NO_BOOK_MARKS,))
    #: The document number (教办函〔2014〕23号).
    doc_no: str = f.text(label="文号", refuses=(_NO_BRACKETS,))


@frozen(kw_only=True)
class Period:
    """The reporting period (统计起止时间), both days included.

    >>> Period(start=datetime.date(2021, 9, 1), end=datetime.date(2022, 8, 31)).days
    365
    """

    #: The first day (usually 1 September of the year before).
    start: datetime.date = f.date(label="起始日期")
    #: The last day (usually 31 August of the report's year).
    end: datetime.date = f.date(label="截止日期")

    def __attrs_post_init__(self) -> None:
        if self.start >= self.end:
            raise ModelError("end", f"must be after start ({self.start}), got {self.end}")

    @property
    def days(self) -> int:
        """Days in the period, both ends included.

        >>> Period(start=datetime.date(2021, 9, 1), end=datetime.date(2021, 9, 30)).days
        30
        """
        return (self.end - self.start).days + 1


@frozen(kw_only=True)
class AnnualReport:
    """An institution's annual information-disclosure report (信息公开年度报告).

    ``part_names`` are the parts as the preamble announces them (全文包括……等八个部分) and
    ``stated_part_count`` the number it writes; the audit checks one against the other.
    Part 8, the checklist table, is ``checklist`` (``None`` when the report does not hold it).

    >>> from hnjd_disclosure import builtin_report
    >>> r = builtin_report(2022)
    >>> r.year, r.title, len(r.part_names) == r.stated_part_count
    (2022, '2022年信息公开年度报告', True)
    """

    #: The institution's full name, the first line of the report.
    institution: str = f.text(label="学校名称")
    #: The report's year (2022年信息公开年度报告); the period ends in it.
    year: int = f.whole_number(label="年度", low=MIN_YEAR, high=MAX_YEAR)
    title: str = f.text(label="报告标题")
    #: Decides which checklist items apply; this library started from a 高职 college's report.
    institution_kind: InstitutionKind = f.choice(
        InstitutionKind, label="院校类型", default=InstitutionKind.VOCATIONAL
    )
    legal_basis: tuple[LegalBasis, ...] = f.nested_tuple(
        LegalBasis, label="编制依据", at_least_one="document"
    )
    period: Period = f.nested(Period, label="统计起止时间")
    #: The parts as the preamble names them (全文包括……等八个部分), in order.
    part_names: tuple[str, ...] = f.paragraphs(
        label="各部分名称", at_least_one="part", lines=False, refuses=(_NO_PART_BREAK,)
    )
    #: The number of parts the preamble states (checked against ``part_names`` by the audit).
    stated_part_count: int = f.whole_number(label="部分数（所述）", low=1, high=99, unit="个")
    overview: Overview = f.nested(Overview, label="一、情况概述")
    proactive: ProactiveDisclosure = f.nested(ProactiveDisclosure, label="二、主动公开情况")
    requests: RequestDisclosure = f.nested(RequestDisclosure, label="三、依申请公开和不予公开情况")
    assessment: Assessment = f.nested(Assessment, label="四、信息公开评议情况")
    complaints: Complaints = f.nested(Complaints, label="五、举报、复议、诉讼情况")
    improvement: Improvement = f.nested(Improvement, label="六、存在的问题和改进措施")
    other: OtherMatters = f.nested(OtherMatters, label="七、其他需要报告的事项")
    checklist: Checklist | None = f.optional_nested(Checklist, label="八、清单事项公开情况表")

    def _repr_html_(self) -> str | None:
        """A table of the report's figures, for notebooks (see :func:`set_html_display`)."""
        return None if _html_display is None else _html_display(self)


HtmlDisplay = Callable[[AnnualReport], str]

# The writer of a report's notebook table: a hook, not an import, since the writer
# (hnjd_disclosure.records) is a layer above the model and imports it.
_html_display: HtmlDisplay | None = None


def set_html_display(writer: HtmlDisplay | None) -> HtmlDisplay | None:
    """Set the function that writes a report's HTML table in a notebook; return the previous.

    Importing :mod:`hnjd_disclosure` sets :func:`hnjd_disclosure.records.report_html` (the
    figures, published beside computed); without a writer a notebook shows the ``repr``.

    >>> from hnjd_disclosure import builtin_report
    >>> previous = set_html_display(lambda report: f"<p>{report.year}</p>")
    >>> builtin_report(2022)._repr_html_()
    '<p>2022</p>'
    >>> _ = set_html_display(previous)
    """
    global _html_display
    previous, _html_display = _html_display, writer
    return previous
