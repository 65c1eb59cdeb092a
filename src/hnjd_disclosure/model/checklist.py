"""Part 8 of the report, 清单事项公开情况表: how each checklist item was disclosed.

Each entry gives one item of the Ministry's checklist (教办函〔2014〕23号) a status. The fields
an entry needs depend on its status, and the entry checks them:

==================  ==========================================================
``disclosed``       ``evidence`` (the report's own sentence) required; where it was
                    disclosed: at least one of ``channels``, ``url`` and ``note``
                    (the note says what the report says about where, e.g. that it
                    names no channel); no ``reason``
``not_applicable``  ``reason`` required; nothing else
``not_disclosed``   ``reason`` required; nothing else
``not_stated``      nothing: the report does not say
==================  ==========================================================
"""

import enum
from typing import ClassVar, Final

from attrs import frozen

from ..errors import ModelError
from . import _fields as f

__all__ = [
    "FIELDS_BY_STATUS",
    "ONE_OF_BY_STATUS",
    "STATUS_FIELDS",
    "Checklist",
    "ChecklistEntry",
    "DisclosureStatus",
    "InstitutionKind",
]

#: The checklist of 2014 has 50 items, numbered from 1.
ITEM_COUNT: Final = 50


class InstitutionKind(enum.Enum):
    """The kind of institution, which decides the checklist items that apply to it.

    >>> InstitutionKind("高职").name
    'VOCATIONAL'
    """

    #: 本科院校: an undergraduate university or college.
    UNDERGRADUATE = "本科"
    #: 高职院校 (高等职业院校): a higher vocational college.
    VOCATIONAL = "高职"


class DisclosureStatus(enum.Enum):
    """How an item of the checklist was disclosed; ``label`` is its Chinese name.

    >>> DisclosureStatus("not_stated").label
    '报告未载明'
    """

    DISCLOSED = "disclosed"
    NOT_APPLICABLE = "not_applicable"
    NOT_DISCLOSED = "not_disclosed"
    NOT_STATED = "not_stated"

    @property
    def label(self) -> str:
        """The status as the table writes it.

        >>> DisclosureStatus.DISCLOSED.label, DisclosureStatus.NOT_STATED.label
        ('已公开', '报告未载明')
        """
        return _STATUS_LABELS[self]


_STATUS_LABELS: Final = {
    DisclosureStatus.DISCLOSED: "已公开",
    DisclosureStatus.NOT_APPLICABLE: "不适用",
    DisclosureStatus.NOT_DISCLOSED: "未公开",
    DisclosureStatus.NOT_STATED: "报告未载明",
}


#: The fields of an entry whose presence its status decides (the three tables are stated
#: once, as :data:`STATUS_RULES`).
STATUS_FIELDS: Final = ("channels", "url", "evidence", "note", "reason")

#: Per status, the fields it requires and those it allows; every other status field stays empty.
FIELDS_BY_STATUS: Final = {
    DisclosureStatus.DISCLOSED: (("evidence",), ("channels", "url", "note")),
    DisclosureStatus.NOT_APPLICABLE: (("reason",), ()),
    DisclosureStatus.NOT_DISCLOSED: (("reason",), ()),
    DisclosureStatus.NOT_STATED: ((), ()),
}

#: Per status, fields of which at least one must be given (the first names the error): a
#: disclosure says where it was made, or says in its note that the report does not say where.
ONE_OF_BY_STATUS: Final = {DisclosureStatus.DISCLOSED: ("channels", "url", "note")}


#: The status rules as one value.
STATUS_RULES: Final = f.Variants(
    tag="status", decided=STATUS_FIELDS, fields=FIELDS_BY_STATUS, one_of=ONE_OF_BY_STATUS
)


@frozen(kw_only=True)
class ChecklistEntry:
    """The disclosure status of one item of the Ministry's checklist.

    >>> ChecklistEntry(item=6, status=DisclosureStatus.DISCLOSED, channels=("学校网站",),
    ...                evidence="本报告电子版可在学校网站查看下载。").status.label
    '已公开'
    >>> ChecklistEntry(item=11, status=DisclosureStatus.NOT_APPLICABLE)
    Traceback (most recent call last):
    ...
    hnjd_disclosure.errors.ModelError: reason: required when the status is not_applicable
    >>> ChecklistEntry(item=11, status=DisclosureStatus.NOT_STATED, reason="本校无此事项。")
    Traceback (most recent call last):
    ...
    hnjd_disclosure.errors.ModelError: reason: not allowed when the status is not_stated
    >>> ChecklistEntry(item=15, status=DisclosureStatus.DISCLOSED, evidence="公开财务信息。")
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    hnjd_disclosure.errors.ModelError: channels: required when ..., unless url or note is given

    Raises:
        ModelError: if a field the status needs is missing or a field it forbids is set.
    """

    #: The item's number in the Ministry's checklist (1 to 50).
    item: int = f.whole_number(label="事项序号", low=1, high=ITEM_COUNT)
    #: disclosed (已公开), not_applicable (不适用), not_disclosed (未公开), not_stated (报告未载明).
    status: DisclosureStatus = f.choice(DisclosureStatus, label="公开情况")
    #: Where it was disclosed, as the report names it (disclosed only).
    channels: tuple[str, ...] = f.paragraphs(label="公开渠道", default=(), lines=False)
    #: The web address where it was disclosed (disclosed only).
    url: str = f.optional_text(label="公开网址")
    #: The report's own sentence the status rests on (required when disclosed).
    evidence: str = f.optional_text(label="报告依据")
    #: What the report says about where, e.g. that it names no channel (disclosed only).
    note: str = f.optional_text(label="公开说明")
    #: Why the item does not apply or was not disclosed (required for those statuses).
    reason: str = f.optional_text(label="说明")

    #: What each status requires, allows and forbids (the entry's check, the fast path's
    #: builders and the JSON Schema read it).
    variants: ClassVar[f.Variants] = STATUS_RULES
    __attrs_post_init__ = f.check_variants


@frozen(kw_only=True)
class Checklist:
    """Part 8: the table of checklist items and how each was disclosed.

    >>> Checklist(heading="清单事项公开情况表", entries=()).status_of(6) is None
    True

    Raises:
        ModelError: if an item is listed twice.
    """

    heading: str = f.text(label="标题")
    entries: tuple[ChecklistEntry, ...] = f.nested_tuple(ChecklistEntry, label="清单事项")

    def __attrs_post_init__(self) -> None:
        seen: set[int] = set()
        for i, entry in enumerate(self.entries):
            if entry.item in seen:
                raise ModelError(f"entries[{i}].item", f"item {entry.item} is listed twice")
            seen.add(entry.item)

    def entry(self, item: int) -> ChecklistEntry | None:
        """The entry of item number ``item``, or ``None`` if the table does not list it.

        >>> from hnjd_disclosure import builtin_report
        >>> checklist = builtin_report(2022).checklist
        >>> checklist.entry(6).channels, checklist.entry(99)
        (('湖南机电职业技术学院网站',), None)
        """
        for entry in self.entries:
            if entry.item == item:
                return entry
        return None

    def status_of(self, item: int) -> DisclosureStatus | None:
        """The status of item number ``item``, or ``None`` if the table does not list it.

        >>> from hnjd_disclosure import builtin_report
        >>> builtin_report(2022).checklist.status_of(1)
        <DisclosureStatus.NOT_STATED: 'not_stated'>
        """
        entry = self.entry(item)
        return None if entry is None else entry.status
