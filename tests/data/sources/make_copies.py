"""Write one small report three ways, from the same cells: text, web page and Word file.

Run from the repository: ``.venv/bin/python tests/data/sources/make_copies.py``. It writes
``report.txt`` (the table as pipe rows), ``report.html`` (a real ``<table>`` with merged cells,
inside a page with navigation, a script and a style) and ``report.docx`` (a Word table with
merged cells) beside itself. ``tests/test_sources.py`` checks that the three give the same
figures, links and findings, and that these files are what this script writes.

The figures are made up and consistent: 1869 + 107 + 95 + 264 = 2335, and every share is
its count divided by 2335, rounded half-up to two decimals.
"""

from __future__ import annotations

import html
import io
import sys
import zipfile
from pathlib import Path

import docx

from hnjd_disclosure.parse import pipe_rows

HERE = Path(__file__).parent

TITLE = "湘江职业技术学院2023届毕业生就业质量年度报告"
HEADING = "一、毕业生规模和生源"
BEFORE = (
    "2023届毕业生共2335人，其中男生1398人，占毕业生总数的59.87%；女生937人，占毕业生总数的40.13%。",
    "毕业生来自全国4个省份，生源地分布见表1。",
)
CAPTION = "表1 2023届毕业生生源地分布"
#: The table as its reader sees it: every place of the grid, a merged label in each place.
GRID = (
    ("区域", "省份", "毕业生", "毕业生"),
    ("区域", "省份", "人数", "占比"),
    ("省内", "湖南省", "1869", "80.04%"),
    ("省外", "四川省", "107", "4.58%"),
    ("省外", "贵州省", "95", "4.07%"),
    ("省外", "其他省份", "264", "11.31%"),
    ("合计", "合计", "2335", "100.00%"),
)
#: The merged cells: (row, column, rows, columns) of each, in the grid above.
MERGED = ((0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 1, 2), (3, 0, 3, 1), (6, 0, 1, 2))
HEADER_ROWS = 2
AFTER = ("毕业去向落实率为91.60%，较上年提高1.2个百分点。",)


def _span_at(row: int, col: int) -> tuple[int, int] | None:
    """(rows, columns) of the cell written at this place; None where a merged cell covers it."""
    for r, c, rows, cols in MERGED:
        if (r, c) == (row, col):
            return rows, cols
        if r <= row < r + rows and c <= col < c + cols:
            return None
    return 1, 1


def text() -> str:
    """The report as text: paragraphs as lines, the table as pipe rows."""
    table = ["", CAPTION, *pipe_rows(GRID), ""]
    return "\n".join([TITLE, HEADING, *BEFORE, *table, *AFTER]) + "\n"


def page() -> str:
    """The report as a web page, inside a site's navigation, script and style."""
    rows = []
    for r, row in enumerate(GRID):
        tag = "th" if r < HEADER_ROWS else "td"
        cells = []
        for c, cell in enumerate(row):
            span = _span_at(r, c)
            if span is None:
                continue
            attrs = (f' rowspan="{span[0]}"' if span[0] > 1 else "") + (
                f' colspan="{span[1]}"' if span[1] > 1 else ""
            )
            cells.append(f"<{tag}{attrs}>{html.escape(cell)}</{tag}>")
        rows.append("    <tr>" + "".join(cells) + "</tr>")
    paragraphs = "\n".join(f"  <p>{html.escape(p)}</p>" for p in BEFORE)
    after = "\n".join(f"  <p>{html.escape(p)}</p>" for p in AFTER)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{html.escape(TITLE)}</title>
<style>table {{ border-collapse: collapse }} td, th {{ border: 1px solid #999 }}</style>
<script>var visits = "共12000人次";</script>
</head>
<body>
<header><a href="/">学校首页</a> | <a href="/xxgk/">信息公开</a></header>
<nav><ul><li><a href="/">首页</a><li><a href="/jy/">就业创业</a></ul></nav>
<div class="breadcrumb">当前位置：首页 &gt; 就业创业 &gt; 质量报告</div>
<main><article>
  <h1>{html.escape(TITLE)}</h1>
  <h2>{html.escape(HEADING)}</h2>
{paragraphs}
  <table>
    <caption>{html.escape(CAPTION)}</caption>
{chr(10).join(rows)}
  </table>
{after}
</article></main>
<aside class="sidebar">阅读次数：3521</aside>
<footer>版权所有 © 2023 湘江职业技术学院 湘ICP备00000000号</footer>
<script>document.title += "";</script>
</body>
</html>
"""


def word() -> bytes:
    """The report as a Word file, the table's merged cells merged in Word."""
    document = docx.Document()
    document.add_heading(TITLE, level=0)
    document.add_heading(HEADING, level=1)
    for paragraph in BEFORE:
        document.add_paragraph(paragraph)
    document.add_paragraph(CAPTION, style="Caption")
    table = document.add_table(rows=len(GRID), cols=len(GRID[0]))
    for r, c, rows, cols in MERGED:
        table.cell(r, c).merge(table.cell(r + rows - 1, c + cols - 1))
    for r, row in enumerate(GRID):
        for c, cell in enumerate(row):
            if _span_at(r, c) is not None:
                table.cell(r, c).text = cell
    for paragraph in AFTER:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return _fixed_times(out.getvalue())


def _fixed_times(data: bytes) -> bytes:
    """The same archive with every member dated 1980-01-01, so the file is the same each run."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info))
    return out.getvalue()


def main(directory: Path = HERE) -> None:
    """Write report.txt, report.html and report.docx into ``directory``."""
    (directory / "report.txt").write_text(text(), encoding="utf-8")
    (directory / "report.html").write_text(page(), encoding="utf-8")
    (directory / "report.docx").write_bytes(word())


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
