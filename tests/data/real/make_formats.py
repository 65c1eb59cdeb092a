"""Write web-page and Word copies of a few corpus texts, from the same paragraphs and cells.

For each text of :data:`FORMATS`, ``<slug>.html`` (a page with navigation, a style sheet and
a script around the content, tables as ``<table>`` with ``rowspan``/``colspan``) and
``<slug>.docx`` (paragraphs, and tables whose spans are merged cells) hold the paragraphs
and table cells of ``<slug>.txt``: every paragraph is a line of the body and every cell's
text is printed in the body. Where the text version flattens a merged cell (a group label
printed on the group's first row only, a two-level header), the copies restore the merge.
The figures and links read from a copy should be those of the text: the same values, parts
and wholes (offsets differ, so the truth files apply by value).

Run: ``python tests/data/real/make_formats.py`` (needs python-docx, in the test group).
"""

from __future__ import annotations

import html
import itertools
import sys
from dataclasses import dataclass
from pathlib import Path

# Run as a script: the checkout's root on the path makes the corpus package importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from tests.data.real import build_truth as bt

HERE = bt.HERE


@dataclass(frozen=True)
class Cell:
    """One table cell: its text as printed, and how many rows and columns it spans."""

    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class Table:
    """A table's rows of cells (a spanned cell appears once, in its first row and column)."""

    rows: tuple[tuple[Cell, ...], ...]


Block = str | Table


def _lines(slug: str) -> list[str]:
    raw = (HERE / f"{slug}.txt").read_text(encoding="utf-8")
    return bt.split_text(raw, slug)[1].split("\n")


def _pipe_cells(line: str) -> tuple[Cell, ...]:
    return tuple(Cell(part.strip()) for part in line.split("|") if part.strip())


def _henan_college_a() -> list[Block]:
    lines = _lines("henan-college-a-employment-2022")
    rows = tuple(_pipe_cells(line) for line in lines[3:30])
    return [*lines[0:3], Table(rows)]


def _whu_graduates() -> list[Block]:
    lines = [line for line in _lines("whu-graduates-2013") if line]
    head = (
        (
            Cell("学 历", rowspan=2),
            Cell("毕业生人数", rowspan=2),
            Cell("男 生", colspan=2),
            Cell("女 生", colspan=2),
        ),
        tuple(Cell(t) for t in ("人数", "比例", "人数", "比例")),
    )
    cells = lines[lines.index("本科") :]
    body = tuple(tuple(Cell(t) for t in cells[i : i + 6]) for i in range(0, len(cells), 6))
    return [*lines[0:5], Table(head + body)]


def _zuel_teaching() -> list[Block]:
    lines = _lines("zuel-teaching-2019")
    table3 = Table(
        (
            (Cell(""), *_pipe_cells(lines[5])),
            _pipe_cells(lines[6]),
            _pipe_cells(lines[7]),
        )
    )
    head = (
        (
            Cell("项目", rowspan=2, colspan=2),
            Cell("专任教师", colspan=2),
            Cell("外聘教师", colspan=2),
        ),
        _pipe_cells(lines[11]),
        (Cell("总计", colspan=2), *_pipe_cells(lines[12])[1:]),
    )
    groups = [i for i in range(13, 30) if len(_pipe_cells(lines[i])) == 6] + [30]
    body: list[tuple[Cell, ...]] = []
    for first, nxt in itertools.pairwise(groups):
        label, *rest = _pipe_cells(lines[first])
        body.append((Cell(label.text, rowspan=nxt - first), *rest))
        body += [_pipe_cells(lines[i]) for i in range(first + 1, nxt)]
    return [*lines[0:5], table3, *lines[8:10], Table(head + tuple(body)), *lines[30:34]]


FORMATS = {
    "henan-college-a-employment-2022": _henan_college_a,
    "whu-graduates-2013": _whu_graduates,
    "zuel-teaching-2019": _zuel_teaching,
}


def blocks_of(slug: str) -> list[Block]:
    """The paragraphs and tables of a text, each checked against its body."""
    blocks = FORMATS[slug]()
    body = bt.split_text((HERE / f"{slug}.txt").read_text(encoding="utf-8"), slug)[1]
    for block in blocks:
        texts = [c.text for row in block.rows for c in row] if isinstance(block, Table) else [block]
        for text in texts:
            if text not in body:
                raise bt.CorpusError(f"{slug}: {text!r} is not printed in the body")
    return blocks


def grid(table: Table) -> list[list[str]]:
    """The table as a full grid: a spanned cell's text in every position it covers."""
    out: list[list[str | None]] = []
    width = sum(c.colspan for c in table.rows[0])
    for r, row in enumerate(table.rows):
        while len(out) <= r:
            out.append([None] * width)
        col = 0
        for cell in row:
            while out[r][col] is not None:
                col += 1
            for dr in range(cell.rowspan):
                while len(out) <= r + dr:
                    out.append([None] * width)
                for dc in range(cell.colspan):
                    out[r + dr][col + dc] = cell.text
            col += cell.colspan
    if any(text is None for row in out for text in row):
        raise bt.CorpusError("a table leaves a position empty")
    return [[text or "" for text in row] for row in out]


def html_of(slug: str) -> str:
    """The web-page copy: navigation, style and script around the paragraphs and tables."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        '<head><meta charset="utf-8">',
        f"<title>{html.escape(slug)}</title>",
        "<style>table { border-collapse: collapse } td, th { border: 1px solid #999 }</style>",
        "<script>var visits = 12345; var share = '99.99%';</script>",
        "</head>",
        "<body>",
        '<nav><a href="/">首页</a> | <a href="/xxgk/">信息公开</a> | <a href="/jy/">就业</a></nav>',
        "<main>",
    ]
    for block in blocks_of(slug):
        if isinstance(block, str):
            parts.append(f"<p>{html.escape(block)}</p>")
            continue
        parts.append("<table>")
        for row in block.rows:
            cells = []
            for cell in row:
                span = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
                    f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
                )
                cells.append(f"<td{span}>{html.escape(cell.text)}</td>")
            parts.append("<tr>" + "".join(cells) + "</tr>")
        parts.append("</table>")
    parts += ["</main>", "<footer>版权所有</footer>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def write_docx(slug: str, path: Path) -> None:
    """The Word copy: paragraphs, and tables whose spans are merged cells."""
    import docx

    document = docx.Document()
    for block in blocks_of(slug):
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        cells = grid(block)
        table = document.add_table(rows=len(cells), cols=len(cells[0]))
        table.style = "Table Grid"
        taken: set[tuple[int, int]] = set()
        for r, row in enumerate(block.rows):
            col = 0
            for cell in row:
                while (r, col) in taken:
                    col += 1
                target = table.cell(r, col)
                if cell.rowspan > 1 or cell.colspan > 1:
                    target = target.merge(table.cell(r + cell.rowspan - 1, col + cell.colspan - 1))
                target.text = cell.text
                taken |= {
                    (r + dr, col + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan)
                }
                col += cell.colspan
    document.save(str(path))


def main() -> int:
    for slug in FORMATS:
        (HERE / f"{slug}.html").write_text(html_of(slug), encoding="utf-8")
        write_docx(slug, HERE / f"{slug}.docx")
    return 0


if __name__ == "__main__":
    sys.exit(main())
