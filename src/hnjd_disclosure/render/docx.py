"""The report as a Word document (.docx) in the layout of Chinese official documents.

Follows the usual conventions of 党政机关公文格式 (GB/T 9704): A4 paper, the title centred in a
Song-style display font (方正小标宋简体, falling back to 宋体) at 二号 (22 pt), body text in
仿宋 at 三号 (16 pt) with a two-character first-line indent, and four distinct heading levels:
the title, 一、 in 黑体, （一） in 楷体, 1. in bold 仿宋. Part 8 is a Word table whose header
row repeats on every page. Chinese fonts are set with ``w:eastAsia`` on styles and runs, as
Word picks the East Asian font from there, not from the Latin font name.

python-docx is the optional extra ``docx``; it is imported only when a document is made.

>>> from hnjd_disclosure import builtin_report
>>> data = render_docx(builtin_report(2022))
>>> data[:2]
b'PK'
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any, Final

from ..errors import MissingExtraError
from ..model import AnnualReport
from ._document import HeadingBlock, Paragraph, Table, Title, document

if TYPE_CHECKING:  # pragma: no cover - typing only
    from docx.document import Document as DocxDocument
    from docx.table import Table as DocxTable
    from docx.table import _Cell as DocxCell

__all__ = ["FONTS", "render_docx"]

#: Fonts by role: the title, the body and the three heading levels below the title.
FONTS: Final = {
    "title": "方正小标宋简体",
    "body": "仿宋",
    "Heading 1": "黑体",
    "Heading 2": "楷体",
    "Heading 3": "仿宋",
}
_LATIN_FONT: Final = "Times New Roman"
_BODY_PT: Final = 16
_TITLE_PT: Final = 22
_TABLE_PT: Final = 10.5
#: Column widths of the checklist table in millimetres; they fill the 156 mm text width.
#: 类别 holds six characters a line (10.5 pt is 3.7 mm, and the cell's margins take 3.8 mm).
_COLUMN_MM: Final = (12, 26, 54, 23, 41)
#: Characters a line of the 类别 column holds; longer names are broken into balanced lines,
#: so that no character is left alone on a line (招生考试信息 wrapped 5 + 1 at 24 mm).
_CATEGORY_CHARS: Final = 6
#: The table's line height, exact: a cell of digits (序号) gets the same baseline as one of
#: Chinese text, instead of the Latin font's smaller line sitting higher.
_TABLE_LINE_PT: Final = 16
#: The page number, as official documents print it: 4号 (14 pt) 宋体, between em dashes
#: (``— 1 —``), centred in the footer.
_PAGE_NUMBER_PT: Final = 14

# XML 1.0 forbids most control characters; lxml would raise on them.
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _set_fonts(r_pr_owner: Any, east_asian: str) -> None:
    """Set the Latin and East Asian fonts of a run or style (``w:rFonts``)."""
    from docx.oxml.ns import qn

    r_pr = r_pr_owner.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    fonts.set(qn("w:ascii"), _LATIN_FONT)
    fonts.set(qn("w:hAnsi"), _LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asian)


def _style(doc: DocxDocument, name: str, font: str, size: float, *, bold: bool) -> None:
    from docx.shared import Pt, RGBColor

    style: Any = doc.styles[name]
    style.font.name = _LATIN_FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    _set_fonts(style.element, font)
    fmt = style.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(28)
    fmt.first_line_indent = Pt(0) if name == "Title" else Pt(2 * size)


def _setup(doc: DocxDocument, report: AnnualReport) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)

    _style(doc, "Normal", FONTS["body"], _BODY_PT, bold=False)
    normal: Any = doc.styles["Normal"]
    lang = OxmlElement("w:lang")
    lang.set(qn("w:eastAsia"), "zh-CN")
    normal.element.get_or_add_rPr().append(lang)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        _style(doc, name, FONTS[name], _BODY_PT, bold=name != "Heading 2")
        doc.styles[name].paragraph_format.keep_with_next = True
    _style(doc, "Title", FONTS["title"], _TITLE_PT, bold=False)
    title: Any = doc.styles["Title"]
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.line_spacing = Pt(36)
    title.paragraph_format.space_after = Pt(28)
    # The built-in Title style draws a rule under the title; official documents have none.
    p_pr = title.element.get_or_add_pPr()
    for border in p_pr.findall(qn("w:pBdr")):
        p_pr.remove(border)

    _page_numbers(section)

    props = doc.core_properties
    props.title = _clean(report.institution + report.title)
    props.language = "zh-CN"


def _page_numbers(section: Any) -> None:
    """``— N —`` centred in the footer: a PAGE field between em dashes."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Pt(0)

    def run(text: str = "") -> Any:
        added = paragraph.add_run(text)
        added.font.size = Pt(_PAGE_NUMBER_PT)
        _set_fonts(added._r, "宋体")
        return added

    run("— ")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1")):
        element = OxmlElement("w:fldChar" if kind else "w:instrText")
        if kind:
            element.set(qn("w:fldCharType"), kind)
        else:
            element.set(qn("xml:space"), "preserve")
            element.text = text
        if text == "1":  # the number shown until Word updates the field
            run("1")
            continue
        run()._r.append(element)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run()._r.append(end)
    run(" —")


def _balanced(text: str, per_line: int) -> list[str]:
    """``text`` in lines of at most ``per_line`` characters, as even as can be.

    >>> _balanced("学位、学科信息", 6), _balanced("基本信息", 6)
    (['学位、学', '科信息'], ['基本信息'])
    """
    lines = -(-len(text) // per_line)
    if lines <= 1:
        return [text]
    size = -(-len(text) // lines)
    return [text[i : i + size] for i in range(0, len(text), size)]


def _add_text(doc: DocxDocument, text: str, style: str, font: str) -> None:
    paragraph = doc.add_paragraph(style=style)
    run = paragraph.add_run(_clean(text))
    _set_fonts(run._r, font)


def _add_table(doc: DocxDocument, table: Table) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    caption = doc.add_paragraph(style="Normal")
    caption.paragraph_format.first_line_indent = Pt(0)
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_fonts(caption.add_run(_clean(table.caption))._r, FONTS["body"])

    grid = doc.add_table(rows=1 + len(table.rows), cols=len(table.header))
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    _keep_rows_whole(grid)
    for column, mm in zip(grid.columns, _COLUMN_MM, strict=True):
        column.width = Mm(mm)
    texts = [table.header, *(row.cells() for row in table.rows)]
    for r, (row, values) in enumerate(zip(grid.rows, texts, strict=True)):
        for c, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            _fill_cell(cell, r, c, value)


def _keep_rows_whole(grid: DocxTable) -> None:
    """Repeat the header row on every page, and never split a row across pages."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for r, row in enumerate(grid.rows):
        flags = ("w:tblHeader", "w:cantSplit") if r == 0 else ("w:cantSplit",)
        for flag in flags:
            element = OxmlElement(flag)
            element.set(qn("w:val"), "true")
            row._tr.get_or_add_trPr().append(element)


def _fill_cell(cell: DocxCell, r: int, c: int, value: str) -> None:
    """Write ``value`` into the cell of row ``r`` and column ``c`` of the checklist table:
    the header bold and centred, long category names balanced over lines."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Mm, Pt

    cell.width = Mm(_COLUMN_MM[c])
    paragraph = cell.paragraphs[0]
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(_TABLE_LINE_PT)
    if r == 0 or c in (0, 3):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    else:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    lines = _balanced(value, _CATEGORY_CHARS) if r > 0 and c == 1 else [value]
    for i, line in enumerate(lines):
        run = paragraph.add_run(_clean(line))
        if i < len(lines) - 1:
            run.add_break()
        run.font.size = Pt(_TABLE_PT)
        run.font.bold = r == 0
        _set_fonts(run._r, FONTS["Heading 1"] if r == 0 else FONTS["body"])


def render_docx(report: AnnualReport, *, checklist: bool = True) -> bytes:
    """The whole report as the bytes of a .docx file, part 8 as a table.

    >>> import pathlib, tempfile, docx
    >>> from hnjd_disclosure import builtin_report
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "report-2022.docx"
    >>> _ = path.write_bytes(render_docx(builtin_report(2022)))
    >>> doc = docx.Document(str(path))
    >>> doc.paragraphs[0].text.splitlines(), doc.paragraphs[2].text, len(doc.tables[0].rows)
    (['湖南机电职业技术学院', '2022年信息公开年度报告'], '一、情况概述', 51)

    Raises:
        MissingExtraError: if python-docx (the extra ``docx``) is not installed.
    """
    try:
        import docx
    except ImportError:
        raise MissingExtraError("docx", "python-docx") from None

    doc = docx.Document()
    _setup(doc, report)
    for block in document(report, checklist=checklist):
        if isinstance(block, Title):
            paragraph = doc.add_paragraph(style="Title")
            _set_fonts(paragraph.add_run(_clean(block.institution))._r, FONTS["title"])
            paragraph.add_run().add_break()
            _set_fonts(paragraph.add_run(_clean(block.title))._r, FONTS["title"])
        elif isinstance(block, HeadingBlock):
            style = f"Heading {block.level - 1}"
            _add_text(doc, block.text, style, FONTS[style])
        elif isinstance(block, Paragraph):
            _add_text(doc, block.text, "Normal", FONTS["body"])
        else:
            _add_table(doc, block)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
