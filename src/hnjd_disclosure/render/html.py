"""The report as one self-contained HTML page that the school could publish as it is.

The page has ``lang="zh-CN"``, a charset and a viewport, headings ``h1`` (the title) to
``h4`` (``1.`` sections), part 8 as a real ``<table>``, inline CSS and no external asset. On a
narrow screen the table's rows become cards, each cell labelled with its column.

Every text from the data goes through :func:`html.escape`, and a URL becomes a link only
when its scheme is http or https (:func:`~hnjd_disclosure.render._links.safe_url`); a data
file holding ``<script>`` or ``javascript:`` injects nothing.

>>> from hnjd_disclosure import builtin_report
>>> page = render_html(builtin_report(2022))
>>> page.startswith("<!DOCTYPE html>"), page.count("<tr")
(True, 51)
"""

from __future__ import annotations

import re
from html import escape
from typing import Final

from ..model import AnnualReport
from ._checklist import ChecklistRow
from ._document import HeadingBlock, Paragraph, Table, Title, document
from ._links import safe_url

__all__ = ["render_html"]

# Song for headings and FangSong for body text, as in printed official documents, with fonts
# that phones and Linux desktops actually have as fallbacks.
_CSS: Final = """
:root { color-scheme: light; }
body { margin: 0; background: #f4f4f1; color: #1b1b1b;
  font-family: "FangSong", "STFangsong", "仿宋", "Noto Serif CJK SC", "Source Han Serif SC",
    "Songti SC", serif;
  font-size: 17px; line-height: 1.8; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; background: #fff; }
h1, h2, h3, h4 { line-height: 1.4; margin: 1.6em 0 0.6em; }
h1 { font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", "Noto Serif CJK SC",
    "Songti SC", serif; font-size: 1.6rem; text-align: center; margin-top: 0.5em; }
h1 .institution { display: block; font-size: 1.15rem; font-weight: normal; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "PingFang SC", sans-serif;
  font-size: 1.2rem; }
h3 { font-family: "KaiTi", "楷体", "STKaiti", "Noto Serif CJK SC", serif; font-size: 1.1rem; }
h4 { font-size: 1rem; }
p { margin: 0 0 0.8em; text-indent: 2em; text-align: justify; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; font-size: 0.9rem; line-height: 1.5; }
caption { text-align: left; padding-bottom: 0.5em; color: #555; }
th, td { border: 1px solid #999; padding: 0.35em 0.5em; vertical-align: top; text-align: left;
  overflow-wrap: anywhere; }
thead th { white-space: nowrap; background: #eceae4;
  font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; }
td.number, td.status { white-space: nowrap; text-align: center; }
td.category { min-width: 7em; }
td.where { width: 28%; }
tr.disclosed td.status { color: #1d6b2f; }
tr.missing td.status { color: #a11; }
tr.not_applicable td { color: #666; }
@media (max-width: 40rem) {
  main { padding: 1rem 0.9rem 2rem; }
  table, caption, tbody, tr, td { display: block; width: 100%; box-sizing: border-box; }
  thead { position: absolute; left: -9999px; }
  tr { border: 1px solid #999; margin-bottom: 0.7em; padding: 0.3em 0.5em; }
  td { border: none; padding: 0.1em 0; text-align: left !important; min-width: 0 !important;
    white-space: normal !important; }
  td:empty { display: none; }
  td.number, td.category { display: inline; font-weight: bold; }
  td.number::after { content: ". "; }
  td.status::before, td.where::before { content: attr(data-label) "："; color: #555; }
  /* the column widths of the wide table do not hold for a card: the full card's width */
  td.where, td.category { width: 100%; }
}
.tel { white-space: nowrap; }
"""


def _keep_together(html: str, telephone: str) -> str:
    """``html`` with the (escaped) telephone number kept on one line: a phone number broken
    at its dash (``0731－`` / ``84033328``) on a narrow screen reads as two numbers."""
    if not telephone or telephone not in html:
        return html
    # not inside an entity (&#x27; holds digits): only the text between entities is searched
    parts = _ENTITY.split(html)
    kept = f'<span class="tel">{telephone}</span>'
    return "".join(p if i % 2 else p.replace(telephone, kept) for i, p in enumerate(parts))


_ENTITY: Final = re.compile(r"(&[#\w]+;)")


def _heading(level: int, text: str) -> str:
    return f"<h{level}>{escape(text)}</h{level}>"


def _where(row: ChecklistRow) -> str:
    parts = [escape(row.note)] if row.note else []
    if row.url:
        url = safe_url(row.url)
        if url is None:
            parts.append(f'<span class="url">{escape(row.url)}</span>')
        else:
            parts.append(f'<a href="{escape(url)}" rel="noopener noreferrer">{escape(url)}</a>')
    return "；".join(parts)


def _table(table: Table) -> list[str]:
    labels = [escape(h) for h in table.header]
    out = [
        "<table>",
        f"<caption>{escape(table.caption)}</caption>",
        "<thead>",
        "<tr>" + "".join(f'<th scope="col">{h}</th>' for h in labels) + "</tr>",
        "</thead>",
        "<tbody>",
    ]
    for row in table.rows:
        cells = (
            ("number", escape(str(row.number))),
            ("category", escape(row.category)),
            ("item", escape(row.item)),
            ("status", escape(row.status_label)),
            ("where", _where(row)),
        )
        tds = "".join(
            f'<td class="{cls}" data-label="{label}">{html}</td>'
            for (cls, html), label in zip(cells, labels, strict=True)
        )
        kind = "missing" if row.status is None else row.status.value
        out.append(f'<tr class="{kind}">{tds}</tr>')
    out += ["</tbody>", "</table>"]
    return out


def render_html(report: AnnualReport, *, checklist: bool = True) -> str:
    """The whole report as one HTML page, part 8 as a table (left out if ``checklist`` is false).

    >>> from hnjd_disclosure import builtin_report
    >>> page = render_html(builtin_report(2022))
    >>> page.startswith("<!DOCTYPE html>"), "<table" in page
    (True, True)
    """
    contact = report.other.contact
    telephone = escape(contact.telephone) if contact is not None else ""
    body: list[str] = []
    for block in document(report, checklist=checklist):
        if isinstance(block, Title):
            body.append(
                f'<h1><span class="institution">{escape(block.institution)}</span>'
                f"{escape(block.title)}</h1>"
            )
        elif isinstance(block, HeadingBlock):
            body.append(_heading(block.level, block.text))
        elif isinstance(block, Paragraph):
            body.append(f"<p>{_keep_together(escape(block.text), telephone)}</p>")
        else:
            body += _table(block)
    head = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(report.institution + report.title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
    ]
    return "\n".join([*head, *body, "</main>", "</body>", "</html>"]) + "\n"
