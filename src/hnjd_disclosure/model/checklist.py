"""Part 8 of the report, 清单事项公开情况表: how each checklist item was disclosed."""

from __future__ import annotations

from attrs import frozen

from . import _fields as f

__all__ = ["Checklist", "ChecklistEntry"]


@frozen(kw_only=True)
class ChecklistEntry:
    """The disclosure status of one item of the Ministry's checklist."""

    item: int = f.whole_number(label="事项序号", low=1)


@frozen(kw_only=True)
class Checklist:
    """Part 8: the table of checklist items and how each was disclosed."""

    heading: str = f.text(label="标题")
    entries: tuple[ChecklistEntry, ...] = f.nested_tuple(ChecklistEntry, label="清单事项")
