"""The report as a sequence of blocks (headings, paragraphs, the checklist table).

Markdown, HTML and docx render the same blocks, so they hold the same content as the text
format: the text renderer's part functions supply the paragraphs, and their
:class:`~hnjd_disclosure.render.text.Heading` values say which of them are headings.
"""

from __future__ import annotations

from typing import Final

from attrs import frozen

from ..checklist import checklist_2014
from ..model import AnnualReport
from ._checklist import HEADER, ChecklistRow, checklist_rows
from .text import Heading, checklist_heading, render_header, render_parts

__all__ = ["Block", "HeadingBlock", "Paragraph", "Table", "Title", "document"]

#: Document heading levels: the title is 1, parts (一、) 2, （一） 3, 1. 4.
TITLE_LEVEL: Final = 1


@frozen(kw_only=True)
class Title:
    """The document title: the institution and the report's title."""

    institution: str
    title: str

    @property
    def text(self) -> str:
        """The title on one line, e.g. ``湖南机电职业技术学院2022年信息公开年度报告``."""
        return self.institution + self.title


@frozen(kw_only=True)
class HeadingBlock:
    """A heading; ``level`` 2 is a part (一、), 3 a section (（一）), 4 a subsection (1.)."""

    level: int
    text: str


@frozen(kw_only=True)
class Paragraph:
    """A paragraph of body text."""

    text: str


@frozen(kw_only=True)
class Table:
    """The checklist table: a caption, column headings and one row per item."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[ChecklistRow, ...]


Block = Title | HeadingBlock | Paragraph | Table


def _block(text: str) -> HeadingBlock | Paragraph:
    if isinstance(text, Heading):
        return HeadingBlock(level=text.level + TITLE_LEVEL, text=str(text))
    return Paragraph(text=text)


def document(report: AnnualReport, *, checklist: bool = True) -> tuple[Block, ...]:
    """The report as blocks, part 8 included when ``checklist`` and the report holds it.

    >>> from hnjd_disclosure import builtin_report
    >>> blocks = document(builtin_report(2022))
    >>> blocks[0].text, blocks[2], len(blocks[-1].rows)
    ('湖南机电职业技术学院2022年信息公开年度报告', HeadingBlock(level=2, text='一、情况概述'), 50)
    """
    institution, title, preamble = render_header(report)
    blocks: list[Block] = [Title(institution=institution, title=title), Paragraph(text=preamble)]
    for _, part_heading, paragraphs in render_parts(report):
        blocks.append(_block(part_heading))
        blocks += [_block(p) for p in paragraphs]
    part8 = checklist_heading(report)
    if checklist and part8 is not None:
        rows = checklist_rows(report)
        caption = f"高等学校信息公开事项清单（{checklist_2014().doc_no}）共{len(rows)}项"
        blocks += [_block(part8), Table(caption=caption, header=HEADER, rows=rows)]
    return tuple(blocks)
