"""Part 8 as table rows, shared by every format: one row per item of the checklist."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from attrs import frozen

from ..checklist import ChecklistItem, ChecklistStandard, checklist_2014
from ..model import AnnualReport, ChecklistEntry, DisclosureStatus

__all__ = ["HEADER", "MISSING", "Cells", "ChecklistRow", "checklist_cells", "checklist_rows"]

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

    def cells(self) -> Cells:
        """The row as text cells, the URL (if any) after the note."""
        return _cells(self.number, self.category, self.item, self.status, self.note, self.url)


#: A row as text cells: number, category, item, status, channels and note (or reason).
Cells = tuple[str, str, str, str, str]


def _cells(
    number: int, category: str, item: str, status: DisclosureStatus | None, note: str, url: str
) -> Cells:
    label = MISSING if status is None else status.label
    return (str(number), category, item, label, _joined(note, url))


def _joined(first: str, second: str) -> str:
    """The two texts that are not empty, joined with ``；`` (a generator cost more)."""
    return f"{first}；{second}" if first and second else first or second


def _row_parts(entry: ChecklistEntry | None) -> tuple[DisclosureStatus | None, str, str]:
    if entry is None:
        return None, "", ""
    if entry.status is DisclosureStatus.DISCLOSED:
        return entry.status, _joined("、".join(entry.channels), entry.note), entry.url
    return entry.status, entry.reason, ""


def _parts(
    report: AnnualReport, standard: ChecklistStandard | None
) -> Iterator[tuple[ChecklistItem, DisclosureStatus | None, str, str]]:
    """Each item of ``standard`` (default: 2014) with the status, note and URL of the report."""
    std = checklist_2014() if standard is None else standard
    table = report.checklist
    # One pass over the entries (Checklist.entry scans them: once per item was 50 scans).
    # Items are unique in a table (Checklist checks), so this is what entry() finds.
    entries = {} if table is None else {entry.item: entry for entry in table.entries}
    for item in std.items:
        yield item, *_row_parts(entries.get(item.number))


def checklist_rows(
    report: AnnualReport, standard: ChecklistStandard | None = None
) -> tuple[ChecklistRow, ...]:
    """Every item of ``standard`` (default: 2014) with the status the report gives it."""
    return tuple(
        ChecklistRow(
            number=item.number,
            category=item.category,
            item=item.text,
            status=status,
            note=note,
            url=url,
        )
        for item, status, note, url in _parts(report, standard)
    )


def checklist_cells(report: AnnualReport, standard: ChecklistStandard | None = None) -> list[Cells]:
    """The cells of every row, ``[row.cells() for row in checklist_rows(...)]`` without
    building the rows (the text renderer needs only the cells; the rows were a third of it).

    >>> from hnjd_disclosure import builtin_report
    >>> checklist_cells(builtin_report(2022))[5]
    ('6', '基本信息', '信息公开年度报告', '已公开', '湖南机电职业技术学院网站')
    """
    return [
        _cells(item.number, item.category, item.text, status, note, url)
        for item, status, note, url in _parts(report, standard)
    ]
