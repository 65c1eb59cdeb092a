"""Parts 3 to 7 of the report: requests, assessment, complaints, improvement, other matters."""

from typing import Final

from attrs import frozen

from .._layout import PHONE, fold
from ..errors import ModelError
from ..quantities import Count
from . import _fields as f
from .overview import Initiative

#: The contact line is ``{intro}{office}，电话：{telephone}。``; the reader finds its last
#: ``，电话：`` (:data:`~hnjd_disclosure._layout.PHONE`) and takes the office after the last
#: colon before it.
_NO_COLON: Final = f.Refuses(pattern="[：:]", why="a colon ends the contact's intro")
_NO_PHONE: Final = f.Refuses(
    pattern=PHONE.pattern, why="the telephone is read after the last 「，电话：」"
)

__all__ = [
    "Assessment",
    "Complaints",
    "Contact",
    "Improvement",
    "OtherMatters",
    "RequestCounts",
    "RequestDisclosure",
]


@frozen(kw_only=True)
class RequestCounts:
    """Requests for disclosure received in the year and how they were answered (件).

    >>> from hnjd_disclosure import builtin_report
    >>> counts = builtin_report(2022).requests.requests
    >>> counts.received
    Count(value=0, unit='件')
    """

    received: Count = f.count("件", "收到申请")
    granted: Count = f.count("件", "予以公开")
    partially_granted: Count = f.count("件", "部分公开")
    refused: Count = f.count("件", "不予公开")
    not_held: Count = f.count("件", "信息不存在")
    other_outcome: Count = f.count("件", "其他处理")

    @property
    def answered(self) -> int:
        """Requests answered in any way.

        >>> from hnjd_disclosure import builtin_report
        >>> builtin_report(2022).requests.requests.answered
        0
        """
        return (
            self.granted.value
            + self.partially_granted.value
            + self.refused.value
            + self.not_held.value
            + self.other_outcome.value
        )

    def __attrs_post_init__(self) -> None:
        if self.answered > self.received.value:
            raise ModelError(
                "received",
                f"the answers ({self.answered}) must not outnumber the requests received "
                f"({self.received.value})",
            )


@frozen(kw_only=True)
class RequestDisclosure:
    """Part 3, 依申请公开和不予公开情况: prose, and the counts when there were requests.

    >>> from hnjd_disclosure import builtin_report
    >>> builtin_report(2022).requests.paragraphs[0]
    '本年度学校没有收到师生和公众的信息公开申请。'
    """

    heading: str = f.text(label="标题")
    paragraphs: tuple[str, ...] = f.paragraphs()
    requests: RequestCounts = f.nested(RequestCounts, label="依申请公开")


@frozen(kw_only=True)
class Assessment:
    """Part 4, 信息公开评议情况.

    >>> from hnjd_disclosure import builtin_report
    >>> builtin_report(2022).assessment.heading
    '信息公开评议情况'
    """

    heading: str = f.text(label="标题")
    paragraphs: tuple[str, ...] = f.paragraphs()


@frozen(kw_only=True)
class Complaints:
    """Part 5: complaints (举报), reconsiderations (复议) and lawsuits (诉讼), with counts.

    >>> from hnjd_disclosure import builtin_report
    >>> c = builtin_report(2022).complaints
    >>> c.complaints.value, c.reconsiderations.value, c.lawsuits.value
    (0, 0, 0)
    """

    heading: str = f.text(label="标题")
    paragraphs: tuple[str, ...] = f.paragraphs()
    complaints: Count = f.count("件", "举报")
    reconsiderations: Count = f.count("件", "行政复议")
    lawsuits: Count = f.count("件", "行政诉讼")


@frozen(kw_only=True)
class Improvement:
    """Part 6, 存在的问题和改进措施: the problems (prose) and the numbered measures.

    >>> from hnjd_disclosure import builtin_report
    >>> [m.title for m in builtin_report(2022).improvement.measures][0]
    '进一步强化公开信息的政策解读和公众参与'
    """

    heading: str = f.text(label="标题")
    paragraphs: tuple[str, ...] = f.paragraphs(before_initiatives=True)
    measures: tuple[Initiative, ...] = f.nested_tuple(Initiative, label="改进措施")


@frozen(kw_only=True)
class Contact:
    """Who to ask about the report: ``{office}，电话：{telephone}``.

    >>> from hnjd_disclosure import builtin_report
    >>> builtin_report(2022).other.contact.telephone
    '0731－84033328'
    """

    #: The office to contact about the report (党政办公室), without ``：``.
    office: str = f.text(label="联系部门", refuses=(_NO_COLON,))
    #: Its telephone number as printed (0731－84033328).
    telephone: str = f.text(label="电话", refuses=(_NO_PHONE,))


@frozen(kw_only=True)
class OtherMatters:
    """Part 7, 其他需要报告的事项: prose, and the contact office after ``contact_intro``.

    >>> from hnjd_disclosure import builtin_report
    >>> builtin_report(2022).other.contact.office
    '湖南机电职业技术学院党政办公室'
    """

    heading: str = f.text(label="标题")
    paragraphs: tuple[str, ...] = f.paragraphs()
    #: The sentence before the contact (本报告电子版可在……查看下载……请联系：).
    contact_intro: str = f.optional_text(label="联系说明")
    contact: Contact | None = f.optional_nested(Contact, label="联系方式")

    def __attrs_post_init__(self) -> None:
        if self.contact_intro and self.contact is None:
            raise ModelError("contact", "is required when contact_intro is given")
        if self.contact_intro and fold(self.contact_intro[-1]) != "：":
            message = "must end with ： before the contact: the office would be read back from it"
            raise ModelError("contact_intro", message)
        if self.contact is None and self.paragraphs:
            last = len(self.paragraphs) - 1
            if PHONE.search(self.paragraphs[last]):
                message = "would be read back as the contact: it holds 「，电话：」"
                raise ModelError(f"paragraphs[{last}]", message)
