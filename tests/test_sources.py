"""Web pages and Word files as a report's text (hnjd_disclosure.parse.sources)."""

from __future__ import annotations

import contextlib
import html
import html.parser
import importlib.util
import io
import sys
import zipfile
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import docx
import pytest
from docx.table import Table
from hypothesis import given
from hypothesis import strategies as st

import hnjd_disclosure.parse.sources as sources
from hnjd_disclosure.errors import MissingExtraError, SourceError, TextTooLargeError
from hnjd_disclosure.io import read_report_text
from hnjd_disclosure.parse import (
    MAX_CHARS,
    NAVIGATION_TOKENS,
    Figure,
    audit_text,
    docx_to_text,
    extract_figures,
    html_to_text,
    pipe_rows,
)
from hnjd_disclosure.parse.figures import Reference

from .conftest import DATA
from .test_hostile import _steps as count_steps


def _table(rows: Sequence[Sequence[str]]) -> str:
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table>{body}</table>"


def _lines(text: str) -> list[str]:
    return text.splitlines()


class TestPipeRows:
    @pytest.mark.parametrize(
        ("grid", "rows"),
        [
            ([["省份", "人数", "占比"]], ("| 省份 | 人数 | 占比 |",)),
            ([["", "5"]], ("|  | 5 |",)),
            ([["a|b", "x\ny"]], ("| a｜b | x y |",)),
            ([["  四川 \u3000省 ", "107"]], ("| 四川 省 | 107 |",)),
            ([["", ""], ["1", "2"]], ("| 1 | 2 |",)),
            ([], ()),
        ],
        ids=["plain", "empty-cell", "bar-and-break", "spaces", "empty-row", "no-rows"],
    )
    def test_rows(self, grid: list[list[str]], rows: tuple[str, ...]) -> None:
        """Cells are joined by ' | ' inside '| … |'; '|' is '｜', whitespace one space; a row
        of empty cells is left out."""
        assert pipe_rows(grid) == rows


class TestParagraphs:
    def test_block_elements_are_lines(self) -> None:
        """Paragraph-level elements become lines; inline elements do not break them."""
        page = "<h1>标题</h1><div>第一段<span>，续</span></div><p>第二段<b>5300</b>人</p>"
        assert _lines(html_to_text(page)) == ["标题", "第一段，续", "第二段5300人"]

    def test_whitespace_collapsed_and_entities_decoded(self) -> None:
        """Inline whitespace (newlines, &nbsp;, ideographic spaces) is one space; entities
        are decoded."""
        page = "<p>\n  计划招生&nbsp;&nbsp;5300人\n，A&amp;B &lt;1&gt;\u3000\u3000完</p>"
        assert html_to_text(page) == "计划招生 5300人 ，A&B <1> 完\n"

    def test_br_breaks_the_line(self) -> None:
        assert _lines(html_to_text("<p>一<br>二<br/>三</br>四</p>")) == ["一", "二", "三", "四"]

    def test_pre_keeps_its_lines(self) -> None:
        """A <pre> block keeps its line breaks and its spaces (space-aligned columns)."""
        page = "<pre>省份    人数\n四川    107\n</pre>"
        assert _lines(html_to_text(page)) == ["省份    人数", "四川    107"]

    def test_no_text(self) -> None:
        assert html_to_text("") == ""
        assert html_to_text("<html><head><title>x</title></head><body> </body></html>") == ""

    def test_not_a_str(self) -> None:
        with pytest.raises(TypeError, match="expected a str, got bytes"):
            html_to_text(b"<p>x</p>")  # type: ignore[arg-type]


class TestImpliedEndTags:
    @pytest.mark.parametrize(
        ("page", "lines"),
        [
            ("<p>一<p>二<div>三</div>", ["一", "二", "三"]),
            ("<ul><li>一<li>二<li>三</ul>后", ["一", "二", "三", "后"]),
            ("<ul><li>一<ul><li>甲<li>乙</ul><li>二</ul>", ["一", "甲", "乙", "二"]),
            ("<select><option>一<option>二</select>", ["一", "二"]),
            ("<p>一</p></p>二", ["一", "二"]),
        ],
        ids=["p", "li", "nested-li", "option", "stray-end-p"],
    )
    def test_blocks(self, page: str, lines: list[str]) -> None:
        assert _lines(html_to_text(page)) == lines

    @pytest.mark.parametrize(
        "page",
        [
            "<table><tr><td>省份<td>人数<tr><td>四川<td>107</table>",
            "<table><thead><tr><th>省份<th>人数<tbody><tr><td>四川<td>107</table>",
            "<table><td>省份<td>人数<tr><td>四川<td>107",  # no first <tr>, no </table>
            "<table><tr><td>省份</td><td>人数</td></tr><tr><td>四川</td><td>107</td></tr></table>",
        ],
        ids=["cells-and-rows", "row-groups", "unclosed-table", "all-closed"],
    )
    def test_table_parts(self, page: str) -> None:
        """td, th, tr, thead and tbody end where the next one starts, as in browsers."""
        assert _lines(html_to_text(page)) == ["| 省份 | 人数 |", "| 四川 | 107 |"]

    def test_end_tag_of_an_element_outside_the_table_is_ignored(self) -> None:
        """</div> inside a cell cannot close a <div> opened before the table."""
        page = "<div><table><tr><td>1</div><td>2</table>后</div>"
        assert _lines(html_to_text(page)) == ["| 1 | 2 |", "", "后"]


class TestLeftOut:
    @pytest.mark.parametrize(
        "element",
        [
            "<script>var a = '<p>5人</p>';</script>",
            "<style>p { color: red }</style>",
            "<noscript>请启用脚本</noscript>",
            "<template><p>模板</p></template>",
            "<iframe>框架</iframe>",
            "<!-- 注释 5人 -->",
            "<nav>首页 &gt; 信息公开</nav>",
            "<aside>相关文章</aside>",
            '<div role="navigation">导航</div>',
            "<header>学校首页 | 学校概况</header>",
            "<footer>版权所有</footer>",
            '<div hidden="">隐藏</div>',
            '<div style="display: none">隐藏</div>',
        ],
    )
    def test_element(self, element: str) -> None:
        page = f"<html><head><title>标题</title></head><body>{element}<p>正文</p></body></html>"
        assert html_to_text(page) == "正文\n"

    @pytest.mark.parametrize("token", sorted(NAVIGATION_TOKENS))
    def test_navigation_by_class_or_id(self, token: str) -> None:
        """An element whose class or id is a navigation token is left out with its content."""
        page = f'<div class="top {token.upper()}"><ul><li>首页</ul></div><div id="{token}">x</div>'
        assert html_to_text(page + "<p>正文</p>") == "正文\n"

    @pytest.mark.parametrize(
        ("page", "text"),
        [
            ("<html><head><title>标题</title><meta charset=utf-8><p>正文", "正文\n"),
            ("<head><title>标题</title><style>p {}</style><body>正文", "正文\n"),
            ("<head><title>标题</title><table><tr><td>正文</table>", "| 正文 |\n"),
        ],
        ids=["no-end-of-head", "no-end-of-head-before-body", "table"],
    )
    def test_content_ends_an_unclosed_head(self, page: str, text: str) -> None:
        """Without </head>, the first element a head cannot hold starts the body."""
        assert html_to_text(page) == text

    def test_a_class_that_only_contains_a_token_is_kept(self) -> None:
        assert html_to_text('<div class="main-nav-content">正文</div>') == "正文\n"

    def test_header_and_footer_of_an_article_are_kept(self) -> None:
        """An article's <header> holds its title: only the page's header and footer are
        navigation (ARIA's banner and contentinfo)."""
        page = (
            "<header>网站导航</header><article><header><h1>2023年信息公开年度报告</h1></header>"
            "<p>正文</p><footer>发布日期：2023-10-30</footer></article><footer>版权</footer>"
        )
        assert _lines(html_to_text(page)) == [
            "2023年信息公开年度报告",
            "正文",
            "发布日期：2023-10-30",
        ]

    def test_self_closed_navigation_hides_nothing_after_it(self) -> None:
        assert html_to_text('<div class="menu"/><p>正文</p><script/>后') == "正文\n后\n"

    def test_conditional_comment_markers(self) -> None:
        """The markers of a conditional comment are left out, what they enclose is kept."""
        assert html_to_text("<![if !IE]>条件<![endif]><![CDATA[x]]>") == "条件\n"

    def test_a_less_than_sign_in_an_attribute(self) -> None:
        page = '<a title="上一篇<<" onclick="if (a<b) go()">链接</a> <b>a < b</b>'
        assert html_to_text(page) == "链接 a < b\n"

    def test_unclosed_comment_is_text(self) -> None:
        """A '<!--' never closed is text, as browsers show it (and it costs linear time)."""
        assert html_to_text("<p>正文</p><!-- 5人") == "正文\n<!-- 5人\n"


class TestTables:
    def test_caption_and_empty_lines_around(self) -> None:
        page = "<p>前</p><table><caption>表1 生源</caption><tr><td>四川<td>107</table><p>后</p>"
        assert _lines(html_to_text(page)) == ["前", "", "表1 生源", "| 四川 | 107 |", "", "后"]

    def test_rowspan_label_repeated_number_once(self) -> None:
        """A merged label is repeated in every place it covers, a merged number written once
        (so that it is not counted twice)."""
        page = (
            "<table><tr><th rowspan=2>类别<th colspan=2>毕业生"
            "<tr><th>人数<th>占比"
            "<tr><td rowspan=2>升学<td>20<td rowspan=2>1.2%"
            "<tr><td>3"
            "<tr><td>合计<td colspan=2>2,335人</table>"
        )
        assert _lines(html_to_text(page)) == [
            "| 类别 | 毕业生 | 毕业生 |",
            "| 类别 | 人数 | 占比 |",
            "| 升学 | 20 | 1.2% |",
            "| 升学 | 3 |  |",
            "| 合计 | 2,335人 |  |",
        ]

    @pytest.mark.parametrize(
        ("cell", "repeated"),
        [
            ("5300", False),
            ("5,300人", False),
            ("99.90%", False),
            ("\uff11\uff0e\uff19万", False),
            ("-3.5%", False),
            ("1.9万人", False),
            ("2022年", True),
            ("四川省", True),
            ("——", True),
        ],
    )
    def test_what_counts_as_a_number(self, cell: str, repeated: bool) -> None:
        page = f"<table><tr><td rowspan=2>{cell}<td>a<tr><td>b</table>"
        second = html_to_text(page).splitlines()[1]
        assert second == (f"| {cell} | b |" if repeated else "|  | b |")

    @pytest.mark.parametrize(
        ("attrs", "rows"),
        [
            ('rowspan="0"', ["| a | 1 |", "| a | 2 |", "| a | 3 |"]),
            ('rowspan="99999999999"', ["| a | 1 |", "| a | 2 |", "| a | 3 |"]),
            ('rowspan="x" colspan="-2"', ["| a | 1 |", "| 2 |  |", "| 3 |  |"]),
            ('colspan="0"', ["| a | 1 |", "| 2 |  |", "| 3 |  |"]),
            ('colspan=" 2abc"', ["| a | a | 1 |", "| 2 |  |  |", "| 3 |  |  |"]),
        ],
        ids=["rowspan-0", "huge-rowspan", "bad-values", "colspan-0", "leading-digits"],
    )
    def test_span_values_as_html_reads_them(self, attrs: str, rows: list[str]) -> None:
        """rowspan=0 and a rowspan past the last row stop at the last row; values that are not
        numbers are 1."""
        page = f"<table><tr><td {attrs}>a<td>1<tr><td>2<tr><td>3</table>"
        assert _lines(html_to_text(page)) == rows

    def test_nested_table_is_flattened_into_its_cell(self) -> None:
        page = "<table><tr><td>总计<td><table><tr><td>男<td>1</table>女 2</table>"
        assert _lines(html_to_text(page)) == ["| 总计 | 男 1 女 2 |"]

    def test_text_between_cells_comes_before_the_table(self) -> None:
        assert _lines(html_to_text("<table>单位：人<tr><td>1</table>")) == ["单位：人", "", "| 1 |"]

    def test_cell_breaks_are_spaces(self) -> None:
        page = "<table><tr><td><p>毕业</p><p>去向</p><td>a<br>b|c</table>"
        assert html_to_text(page) == "| 毕业 去向 | a b｜c |\n"

    def test_table_in_a_table_ends_it(self) -> None:
        page = "<table><tr><td>1<table><tr><td>2</table>"
        assert _lines(html_to_text(page)) == ["| 1 2 |"]
        assert _lines(html_to_text("<table><tr><td>1</td></tr><table><tr><td>2")) == [
            "| 1 |",
            "",
            "| 2 |",
        ]

    @given(
        st.lists(
            st.lists(st.text(max_size=8), min_size=1, max_size=4).map(tuple),
            min_size=1,
            max_size=5,
        ).filter(lambda rows: len({len(r) for r in rows}) == 1)
    )
    def test_a_table_is_its_pipe_rows(self, grid: list[tuple[str, ...]]) -> None:
        """For any grid of cell strings, the page's table is what the shared writer writes."""
        expected = "".join(row + "\n" for row in pipe_rows(grid))
        assert html_to_text(_table(grid)) == expected


class TestHostile:
    """Hostile markup gives text or a documented error, in time linear in its size."""

    @pytest.mark.parametrize(
        "page",
        [
            "<div>" * 100_000 + "正文",
            "<table><tr><td>" * 20_000 + "1",
            "<p><b><i>" * 30_000,
            "</div></p></td></tr></table>" * 20_000,
            "<a" * 50_000,
            "<!--" * 50_000,
            "<![CDATA[" * 20_000,
            "<a b='" * 20_000,
            "&#" * 50_000 + "&#x110000;&#0;&nbsp",
            "<table>" + "<tr><td rowspan=65534>1" * 1_000,
            "<script>" + "</scr" * 20_000,
        ],
        ids=[
            "nesting",
            "nested-tables",
            "unclosed-inline",
            "stray-ends",
            "unterminated-tags",
            "unclosed-comments",
            "cdata",
            "open-quotes",
            "charrefs",
            "rowspans",
            "unclosed-script",
        ],
    )
    def test_completes(self, page: str) -> None:
        html_to_text(page)

    def test_a_megabyte_of_cells(self) -> None:
        """1 MB of <td> (one row of empty cells) is read to the end: no text. (10 MB takes
        ten times as long: benchmarks/bench_hostile.py; the steps are counted below.)"""
        assert html_to_text("<table><tr>" + "<td>" * 250_000) == ""

    def test_a_grid_beyond_the_limit_is_refused(self) -> None:
        """Spans cannot make the text larger than the readers take."""
        page = "<table>" + "<tr><td colspan=1000>1" * (MAX_CHARS // 2000)
        with pytest.raises(TextTooLargeError):
            html_to_text(page)

    @given(st.text(alphabet="<>/!-[]&#;='\" abtdrpl\n", max_size=200))
    def test_markup_soup(self, page: str) -> None:
        html_to_text(page)

    @pytest.mark.parametrize(
        "make",
        [
            lambda n: "<a" * n,
            lambda n: "</" * n,
            lambda n: "<?" * n,
            lambda n: "<!--" * n,
            lambda n: "<div>" * n + "</span>" * n,
            lambda n: "<li><ul>" + "<span>" * n + "<li>" * n,
            lambda n: "<table>" + "<td>" * n,
            lambda n: "<table><tr><td>" * n,
        ],
        ids=[
            "tags",
            "end-tags",
            "pis",
            "comments",
            "stray-ends",
            "list-items",
            "cells",
            "nested-tables",
        ],
    )
    def test_work_grows_linearly(self, make: Callable[[int], str]) -> None:
        """Eight times the markup costs about eight times the steps, not 64 times."""
        small, large = _steps(make(300)), _steps(make(2400))
        assert large <= 10 * small, (small, large)


# HTMLParser's loops count too: some releases of it are quadratic on unterminated markup.
_COUNTED = (str(Path(sources.__file__).parent), str(Path(html.parser.__file__).parent))


def _steps(page: str) -> int:
    """The lines of Python executed by html_to_text (and HTMLParser) on ``page``."""
    return count_steps(html_to_text, page, _COUNTED)


# -- Word ------------------------------------------------------------------------------------


def _docx_bytes(build: Callable[[Any], None]) -> bytes:
    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _fill(table: Table, rows: Sequence[Sequence[str]]) -> None:
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


class TestDocx:
    def test_paragraphs_and_tables_in_order(self) -> None:
        def build(document: Any) -> None:
            document.add_heading("一、招生就业", level=1)
            document.add_paragraph("计划招生5300人，\t实际录取5295人。")
            _fill(document.add_table(rows=2, cols=2), [["省份", "人数"], ["四川", "107"]])
            paragraph = document.add_paragraph("第一行")
            paragraph.add_run().add_break()
            paragraph.add_run("第二行")

        assert _lines(docx_to_text(_docx_bytes(build))) == [
            "一、招生就业",
            "计划招生5300人，\t实际录取5295人。",
            "",
            "| 省份 | 人数 |",
            "| 四川 | 107 |",
            "",
            "第一行",
            "第二行",
        ]

    def test_merged_cells(self) -> None:
        """gridSpan and vMerge are expanded like colspan and rowspan: labels repeated,
        numbers once."""

        def build(document: Any) -> None:
            table = document.add_table(rows=4, cols=3)
            _fill(table, [["类别", "毕业生", ""], ["", "人数", "占比"], ["升学", "20", "1.2%"]])
            table.cell(0, 1).merge(table.cell(0, 2))
            table.cell(0, 0).merge(table.cell(1, 0))
            table.cell(2, 0).merge(table.cell(3, 0))
            table.cell(2, 2).merge(table.cell(3, 2))
            table.cell(3, 1).text = "3"

        assert _lines(docx_to_text(_docx_bytes(build))) == [
            "| 类别 | 毕业生 | 毕业生 |",
            "| 类别 | 人数 | 占比 |",
            "| 升学 | 20 | 1.2% |",
            "| 升学 | 3 |  |",
        ]

    def test_nested_table_is_flattened(self) -> None:
        def build(document: Any) -> None:
            outer = document.add_table(rows=1, cols=2)
            outer.cell(0, 0).text = "总计"
            inner = outer.cell(0, 1).add_table(rows=1, cols=2)
            _fill(inner, [["男", "1"]])

        assert _lines(docx_to_text(_docx_bytes(build))) == ["| 总计 | 男 1 |"]

    @pytest.mark.parametrize(
        "data",
        [b"", b"not a zip", b"PK\x03\x04" + b"\x00" * 40],
        ids=["empty", "text", "broken-zip"],
    )
    def test_not_a_word_document(self, data: bytes) -> None:
        with pytest.raises(SourceError, match=r"^<docx>: not a Word document \(\.docx\)"):
            docx_to_text(data)

    def test_a_zip_that_is_not_a_word_document(self) -> None:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            archive.writestr("hello.txt", "hi")
        with pytest.raises(SourceError, match="not a Word document"):
            docx_to_text(out.getvalue())

    @given(st.data())
    def test_damaged_word_documents(self, data: st.DataObject) -> None:
        """A Word file cut short or with bytes changed gives text or SourceError."""
        good = bytearray(_docx_bytes(lambda d: d.add_paragraph("5300人")))
        for _ in range(data.draw(st.integers(1, 4))):
            at = data.draw(st.integers(0, len(good) - 1))
            good[at] = data.draw(st.integers(0, 255))
        cut = data.draw(st.integers(0, len(good)))
        with contextlib.suppress(SourceError):
            docx_to_text(bytes(good[:cut]) if data.draw(st.booleans()) else bytes(good))

    def test_unpacking_beyond_the_limit(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A file whose parts unpack to more than 8 bytes a character the readers take is
        refused before it is unpacked (a zip bomb)."""
        data = _docx_bytes(lambda d: d.add_paragraph("5300人"))
        monkeypatch.setattr(sources, "MAX_CHARS", 1000)
        with pytest.raises(SourceError, match=r"unpacks to \d+ bytes \(the limit is 8000\)"):
            docx_to_text(data)

    def test_without_python_docx(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setitem(sys.modules, "docx", None)
        with pytest.raises(MissingExtraError, match=r'pip install "hnjd-disclosure\[docx\]"'):
            docx_to_text(b"PK")

    def test_not_bytes(self) -> None:
        with pytest.raises(TypeError, match="expected bytes, got str"):
            docx_to_text("x")  # type: ignore[arg-type]


def test_figures_of_a_page_are_those_of_its_text() -> None:
    """The readers read a page's text: figures at the same places as in the same text."""
    page = "<p>计划招生5300人，实际录取5295人，录取率为99.90%。</p>"
    text = html_to_text(page)
    assert [f.text for f in extract_figures(text)] == ["5300人", "5295人", "99.90%"]


# -- one report three ways -------------------------------------------------------------------

COPIES = DATA / "sources"
SUFFIXES = (".txt", ".html", ".docx")


def _make_copies() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_copies", COPIES / "make_copies.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _reference(ref: Reference | None) -> tuple[object, ...] | None:
    return None if ref is None else (ref.value, ref.label)


def _figure(f: Figure) -> tuple[object, ...]:
    """What a figure says, without where it stands."""
    return f.kind, f.value, f.text, f.label, _reference(f.part), _reference(f.whole)


class TestCopies:
    """The same report as text, web page and Word file (tests/data/sources/make_copies.py)."""

    @pytest.mark.parametrize("suffix", SUFFIXES)
    def test_committed_copies_are_what_the_script_writes(self, tmp_path: Path, suffix: str) -> None:
        _make_copies().main(tmp_path)
        name = "report" + suffix
        assert (tmp_path / name).read_bytes() == (COPIES / name).read_bytes()

    def test_same_figures_and_links(self) -> None:
        figures = {s: [_figure(f) for f in extract_figures(_copy(s))] for s in SUFFIXES}
        assert figures[".txt"] == figures[".html"] == figures[".docx"]
        linked = {(f[2], f[4], f[5]) for f in figures[".txt"] if f[4] is not None}
        assert ("59.87%", (Decimal(1398), "男生"), (Decimal(2335), "2023届毕业生")) in linked

    def test_same_findings(self) -> None:
        findings = {
            s: [(f.rule, f.severity, f.published, f.computed) for f in audit_text(_copy(s))]
            for s in SUFFIXES
        }
        assert findings[".txt"] == findings[".html"] == findings[".docx"]

    def test_a_slip_is_found_in_every_copy(self) -> None:
        """A share changed in the table is found whichever copy it is read from."""
        for suffix in SUFFIXES:
            text = _copy(suffix).replace("4.58%", "4.85%")
            assert "4.85%" in [f.published for f in audit_text(text)], suffix


def _copy(suffix: str) -> str:
    return read_report_text(COPIES / ("report" + suffix))
