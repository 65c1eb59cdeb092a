"""Part 8 as table rows, shared by every format: one row per item of the checklist."""

from __future__ import annotations

from typing import Final

from attrs import frozen

from ..checklist import ChecklistStandard, checklist_2014
from ..model import AnnualReport, ChecklistEntry, DisclosureStatus

__all__ = ["HEADER", "MISSING", "ChecklistRow", "checklist_rows"]

#: The column headings of the table.
HEADER: Final = ("序号", "类别", "清单事项", "公开情况", "公开渠道及说明")

#: The status cell of an item the report's table does not list.
MISSING: Final = "未填写"


@frozen(kw_only=True)
class ChecklistRow:
    """One row of the table; ``note`` is the channels and note (disclosed) or the reason.

    The URL of a disclosed item is apart, ``url``: a renderer may make it a link.

    ``status`` is ``None`` for an item the report's table does not list.

    >>> from hnjd_disclosure import builtin_report
    >>> rows = checklist_rows(builtin_report(2022))
    >>> rows[5].item, rows[5].status_label, rows[5].note
    ('信息公开年度报告', '已公开', '湖南机电职业技术学院网站')
    >>> rows[14].note
    '报告未载明本项的公开渠道。'
    """

    number: int
    category: str
    item: str
    status: DisclosureStatus | None
    note: str
    url: str

    @property
    def status_label(self) -> str:
        """The status as the table writes it (``已公开``, or ``未填写`` when missing)."""
        return MISSING if self.status is None else self.status.label

    def cells(self) -> tuple[str, str, str, str, str]:
        """The row as text cells, the URL (if any) after the note."""
        note = _joined(self.note, self.url)
        return (str(self.number), self.category, self.item, self.status_label, note)


def _joined(first: str, second: str) -> str:
    """The two texts that are not empty, joined with ``；`` (a generator cost more)."""
    return f"{first}；{second}" if first and second else first or second


def _row_parts(entry: ChecklistEntry | None) -> tuple[DisclosureStatus | None, str, str]:
    if entry is None:
        return None, "", ""
    if entry.status is DisclosureStatus.DISCLOSED:
        return entry.status, _joined("、".join(entry.channels), entry.note), entry.url
    return entry.status, entry.reason, ""


def checklist_rows(
    report: AnnualReport, standard: ChecklistStandard | None = None
) -> tuple[ChecklistRow, ...]:
    """Every item of ``standard`` (default: 2014) with the status the report gives it."""
    std = checklist_2014() if standard is None else standard
    table = report.checklist
    # One pass over the entries (Checklist.entry scans them: once per item was 50 scans).
    # Items are unique in a table (Checklist checks), so this is what entry() finds.
    entries = {} if table is None else {entry.item: entry for entry in table.entries}
    rows = []
    for item in std.items:
        status, note, url = _row_parts(entries.get(item.number))
        rows.append(
            ChecklistRow(
                number=item.number,
                category=item.category,
                item=item.text,
                status=status,
                note=note,
                url=url,
            )
        )
    return tuple(rows)
