"""The report as Markdown (CommonMark with a GFM table for part 8).

Every text from the data is escaped, so prose cannot turn into markup: ``<script>`` stays
text. A URL becomes a link only when its scheme is http or https.

>>> from hnjd_disclosure import builtin_report
>>> md = render_markdown(builtin_report(2022))
>>> md.splitlines()[0]
'# 湖南机电职业技术学院2022年信息公开年度报告'
>>> "| 6 | 基本信息 | 信息公开年度报告 | 已公开 | 湖南机电职业技术学院网站 |" in md
True
"""

from __future__ import annotations

import re
from typing import Final

from ..model import AnnualReport
from ._checklist import ChecklistRow
from ._document import HeadingBlock, Paragraph, Table, Title, document
from ._links import safe_url

__all__ = ["escape", "render_markdown"]

# Characters that can open inline markup anywhere in a line.
_INLINE: Final = re.compile(r"([\\`*_\[\]<>|~&!])")
# What opens a block at the start of a line (heading, quote, list, rule): a marker character,
# or the digits and delimiter of an ordered list item. The delimiter is what gets escaped
# (``1\\.``): a backslash before a digit escapes nothing and CommonMark shows it.
_LINE_START: Final = re.compile(r"^(\s*)(?:(\d+)([.)])|([#>+\-=]))")


# What GitHub's autolinking (a GFM extension) makes a live link in plain text: a URL's
# scheme and its colon, or www and its dot, wherever they stand (escaping too often costs
# nothing). A backslash before the colon or the dot (ASCII punctuation, which CommonMark
# shows without the backslash) keeps it text.
_AUTOLINK: Final = re.compile(r"(?i)(?:https?|ftp)(?=://)|www(?=\.)")


def escape(text: str) -> str:
    """``text`` with every Markdown construct neutralised by backslashes, a URL typed into
    prose included (GitHub would link it).

    >>> escape("<script>alert(1)</script> a|b")
    '\\\\<script\\\\>alert(1)\\\\</script\\\\> a\\\\|b'
    >>> escape("# 不是标题")
    '\\\\# 不是标题'
    >>> print(escape("1. 不是列表"), escape("2）全角不必"), escape("3) 不是列表"))
    1\\. 不是列表 2）全角不必 3\\) 不是列表
    >>> print(escape("见 https://hnjd.edu.cn 或 www.hnjd.edu.cn"))
    见 https\\://hnjd.edu.cn 或 www\\.hnjd.edu.cn
    """
    out = _INLINE.sub(r"\\\1", text)
    if "://" in out or "ww." in out.lower():
        out = _AUTOLINK.sub(lambda m: m.group() + "\\", out)
    return _LINE_START.sub(_escape_marker, out)


def _escape_marker(m: re.Match[str]) -> str:
    space, digits, delimiter, marker = m.groups()
    return f"{space}{digits}\\{delimiter}" if digits else f"{space}\\{marker}"


def _where(row: ChecklistRow) -> str:
    parts = [escape(row.note)] if row.note else []
    if row.url:
        url = safe_url(row.url)
        parts.append(f"<{url}>" if url is not None else escape(row.url))
    return "；".join(parts)


def _table(table: Table) -> list[str]:
    lines = [
        escape(table.caption),
        "",
        "| " + " | ".join(table.header) + " |",
        "| " + " | ".join("---" for _ in table.header) + " |",
    ]
    for row in table.rows:
        cells = (
            str(row.number),
            escape(row.category),
            escape(row.item),
            row.status_label,
            _where(row),
        )
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def render_markdown(report: AnnualReport, *, checklist: bool = True) -> str:
    """The whole report as Markdown, part 8 as a table (without it if ``checklist`` is false).

    >>> from hnjd_disclosure import builtin_report
    >>> render_markdown(builtin_report(2022)).splitlines()[0]
    '# 湖南机电职业技术学院2022年信息公开年度报告'
    """
    out: list[str] = []
    for block in document(report, checklist=checklist):
        if isinstance(block, Title):
            out.append("# " + escape(block.text))
        elif isinstance(block, HeadingBlock):
            out.append("#" * block.level + " " + escape(block.text))
        elif isinstance(block, Paragraph):
            out.append(escape(block.text))
        else:
            out.append("\n".join(_table(block)))
    return "\n\n".join(out) + "\n"
