"""Markdown, HTML and docx hold the same content as the text, with part 8 as a real table."""

from __future__ import annotations

import io
import pickle
import re
import sys
from html.parser import HTMLParser
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hnjd_disclosure import builtin_report, render
from hnjd_disclosure.errors import MissingExtraError
from hnjd_disclosure.model import AnnualReport, Checklist, ChecklistEntry, DisclosureStatus
from hnjd_disclosure.render._document import HeadingBlock, Paragraph, Table, Title, document
from hnjd_disclosure.render.html import render_html
from hnjd_disclosure.render.markdown import escape, render_markdown
from hnjd_disclosure.render.text import heading, render_checklist

from .strategies import checklists

REPORT = builtin_report(2022)
BLOCKS = document(REPORT)
HEADINGS = [(b.level, b.text) for b in BLOCKS if isinstance(b, HeadingBlock)]
PARAGRAPHS = [b.text for b in BLOCKS if isinstance(b, Paragraph)]
ROWS = len(next(b for b in BLOCKS if isinstance(b, Table)).rows)

EVIL = "<script>alert('x')</script>"


def _evil_report() -> AnnualReport:
    """The 2022 report with markup in its prose and unsafe URLs in part 8."""
    assert REPORT.checklist is not None
    entries = list(REPORT.checklist.entries)
    entries[5] = attrs.evolve(entries[5], url="javascript:alert(document.cookie)")
    entries[6] = attrs.evolve(entries[6], url="https://www.hnjd.edu.cn/zsjy/?a=1&b=2")
    entries[8] = attrs.evolve(entries[8], url="https://www.hnjd.edu.cn/zsw/")
    entries[9] = attrs.evolve(entries[9], channels=(EVIL, '"><img src=x onerror=alert(1)>'))
    overview = attrs.evolve(REPORT.overview, paragraphs=(EVIL + "学校高度重视。",))
    return attrs.evolve(
        REPORT,
        institution="<b>学院</b>",
        overview=overview,
        checklist=Checklist(heading="清单<i>事项</i>", entries=tuple(entries)),
    )


class _Page(HTMLParser):
    """Collects what the tests look at: tags, headings, table rows, links, texts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[tuple[int, str]] = []
        self.paragraphs: list[str] = []
        self.rows: list[list[str]] = []
        self.doctype = ""
        self._text: list[str] | None = None
        self._in_tbody = False

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("h1", "h2", "h3", "h4", "p", "td"):
            self._text = []
        elif tag == "tbody":
            self._in_tbody = True
        elif tag == "tr" and self._in_tbody:
            self.rows.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3", "h4") and self._text is not None:
            self.headings.append((int(tag[1]), "".join(self._text)))
        elif tag == "p" and self._text is not None:
            self.paragraphs.append("".join(self._text))
        elif tag == "td" and self._text is not None and self._in_tbody:
            self.rows[-1].append("".join(self._text))
        elif tag == "tbody":
            self._in_tbody = False
        if tag in ("h1", "h2", "h3", "h4", "p", "td"):
            self._text = None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


class TestText:
    def test_heading_is_a_str_with_a_level(self) -> None:
        """Headings compare as strings, survive pickling, and concatenation drops the level."""
        h = heading(2, 1, "方式")
        assert h == "（一）方式"
        copy = pickle.loads(pickle.dumps(h))
        assert (copy, copy.level) == (h, 2)
        assert type(heading(3, 1, "网站") + "；") is str

    def test_default_leaves_part_8_out(self) -> None:
        """The text format writes part 8 only when asked."""
        assert "八、清单事项公开情况表" not in render(REPORT)
        assert render(REPORT, checklist=True).startswith(render(REPORT).rstrip("\n"))

    def test_checklist_table(self) -> None:
        """With checklist=True part 8 follows, a header line and one line per item."""
        text = render(REPORT, checklist=True)
        tail = text.split("八、清单事项公开情况表\n\n", 1)[1].splitlines()
        assert tail == render_checklist(REPORT)
        assert len(tail) == 1 + ROWS
        assert tail[0] == "序号｜类别｜清单事项｜公开情况｜公开渠道及说明"
        assert all(line.startswith(f"{n}｜") for n, line in enumerate(tail[1:], 1))

    def test_no_part_8_without_a_table(self) -> None:
        """A report without part 8 renders the same with or without checklist=True."""
        plain = attrs.evolve(REPORT, checklist=None)
        assert render(plain, checklist=True) == render(plain)


def _unescape(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


class TestMarkdown:
    MD = render_markdown(REPORT)

    def test_same_headings_and_paragraphs(self) -> None:
        """Markdown holds the same headings and paragraphs as the text renderer gives."""
        blocks = [_unescape(b) for b in self.MD.split("\n\n")]
        assert blocks[0] == "# " + REPORT.institution + REPORT.title
        headings = [
            (len(b) - len(b.lstrip("#")), b.lstrip("#").strip())
            for b in blocks
            if b.startswith("#")
        ]
        assert headings[1:] == HEADINGS
        body = [b for b in blocks if not b.startswith(("#", "|", "高等学校信息公开事项清单"))]
        assert body == PARAGRAPHS

    def test_text_paragraphs_all_appear(self) -> None:
        """Every non-empty line of the published text layout is a block of the Markdown."""
        blocks = {_unescape(b).lstrip("# ") for b in self.MD.split("\n\n")}
        lines = [line for line in render(REPORT).splitlines()[2:] if line]
        assert all(line in blocks for line in lines)

    def test_table_has_one_row_per_item(self) -> None:
        """Part 8 is a Markdown table: header, delimiter, then 50 rows."""
        rows = [line for line in self.MD.splitlines() if line.startswith("| ")]
        assert rows[0] == "| 序号 | 类别 | 清单事项 | 公开情况 | 公开渠道及说明 |"
        assert rows[1].startswith("| --- |")
        numbers = [int(r.split(" | ")[0][2:]) for r in rows[2:]]
        assert numbers == list(range(1, ROWS + 1))
        assert all(r.count(" | ") == 4 for r in rows)
        assert rows[2 + 14].endswith("| 已公开 | 报告未载明本项的公开渠道。 |")
        assert not [r for r in rows if r.endswith("| 已公开 |  |")]

    def test_markup_in_the_data_stays_text(self) -> None:
        """Markup and pipes in the data are escaped; only http(s) URLs become links."""
        md = render_markdown(_evil_report())
        assert "<script>" not in md
        assert r"\<script\>alert('x')\</script\>" in md
        assert "<javascript:" not in md
        assert "<https://www.hnjd.edu.cn/zsw/>" in md
        assert "javascript:alert(document.cookie)" in md
        rows = [line for line in md.splitlines() if line.startswith("| ")]
        assert all(re.sub(r"\\\|", "", r).count(" | ") == 4 for r in rows)


class TestMarkdownEscape:
    """escape() neutralises markup as CommonMark reads it (checked with markdown-it-py)."""

    @pytest.mark.parametrize(
        ("text", "escaped"),
        [
            ("1. 不是列表", "1\\. 不是列表"),
            ("12) 不是列表", "12\\) 不是列表"),
            ("2.财务与招标信息公开情况", "2\\.财务与招标信息公开情况"),
            ("# 不是标题", "\\# 不是标题"),
            ("2022年", "2022年"),
            ("2022# 年", "2022# 年"),
            ("见https://hnjd.edu.cn/xxgk", "见https\\://hnjd.edu.cn/xxgk"),
            ("见 www.hnjd.edu.cn", "见 www\\.hnjd.edu.cn"),
            ("FTP://a.cn", "FTP\\://a.cn"),
        ],
    )
    def test_escaped_form(self, text: str, escaped: str) -> None:
        """An ordered-list marker keeps its digits and escapes its delimiter (``1\\.``); a URL
        in prose escapes its colon or its dot, so GitHub's autolinking leaves it text."""
        assert escape(text) == escaped

    @given(
        st.lists(st.sampled_from([*"#>+-=*_`[]<>|~&!\\()0123456789.) a中：:/", "www.", "http"]))
        .map("".join)
        .map(str.strip)
        .filter(bool)
    )
    def test_commonmark_shows_the_text(self, text: str) -> None:
        """Escaped one-line prose is one paragraph of plain text, equal to the prose."""
        markdown_it = pytest.importorskip("markdown_it")
        tokens = markdown_it.MarkdownIt("commonmark").parse(escape(text))
        assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
        children = tokens[1].children or []
        assert all(c.type == "text" for c in children)
        assert "".join(c.content for c in children) == text


class TestHtml:
    PAGE = render_html(REPORT)

    def test_self_contained_page(self) -> None:
        """One page: doctype, zh-CN, charset, viewport, inline CSS, no external asset."""
        page = _parse(self.PAGE)
        assert page.doctype.lower() == "doctype html"
        tags = dict(page.tags)
        assert tags["html"]["lang"] == "zh-CN"
        assert any(t == "meta" and a.get("charset") == "utf-8" for t, a in page.tags)
        assert any(t == "meta" and a.get("name") == "viewport" for t, a in page.tags)
        assert {"style", "main", "table", "thead", "tbody", "caption"} <= set(tags)
        assert not any(t in ("script", "link", "img", "iframe") for t, _ in page.tags)
        assert not any("src" in a for _, a in page.tags)

    def test_phone_layout(self) -> None:
        """On a phone, 公开渠道及说明 takes the card's width (td.where kept 28%), and the
        telephone number does not break at its dash."""
        css = self.PAGE.split("<style>")[1].split("</style>")[0]
        narrow = css[css.index("@media (max-width: 40rem)") :]
        where = re.search(r"td\.where[^{]*\{[^}]*width:\s*([^;}]+)", narrow)
        assert where is not None
        assert where.group(1).strip() == "100%"
        assert ".tel { white-space: nowrap; }" in css
        assert '<span class="tel">0731－84033328</span>' in self.PAGE

    def test_headings_and_paragraphs(self) -> None:
        """Headings h1 to h4 and paragraphs are those of the document, in order."""
        page = _parse(self.PAGE)
        assert page.headings == [(1, REPORT.institution + REPORT.title), *HEADINGS]
        assert page.paragraphs == PARAGRAPHS

    def test_one_table_row_per_item(self) -> None:
        """Part 8 is a table with one row per checklist item, five cells each."""
        page = _parse(self.PAGE)
        assert len(page.rows) == ROWS == 50
        assert [int(r[0]) for r in page.rows] == list(range(1, 51))
        assert page.rows[5][2:4] == ["信息公开年度报告", "已公开"]
        assert page.rows[14][3:] == ["已公开", "报告未载明本项的公开渠道。"]
        disclosed = [r for r in page.rows if r[3] == "已公开"]
        assert all(r[4] for r in disclosed)
        assert all(len(r) == 5 for r in page.rows)

    def test_data_cannot_inject_markup(self) -> None:
        """<script> in prose and javascript: URLs render inert; http(s) URLs become links."""
        html = render_html(_evil_report())
        page = _parse(html)
        assert not any(t in ("script", "img", "b", "i") for t, _ in page.tags)
        assert not any("onerror" in a for _, a in page.tags)
        hrefs = [a["href"] for t, a in page.tags if t == "a"]
        assert hrefs == ["https://www.hnjd.edu.cn/zsjy/?a=1&b=2", "https://www.hnjd.edu.cn/zsw/"]
        assert 'href="https://www.hnjd.edu.cn/zsjy/?a=1&amp;b=2"' in html
        assert EVIL in page.paragraphs[1]
        assert "javascript:alert(document.cookie)" in page.rows[5][4]
        assert (2, "八、清单<i>事项</i>") in page.headings

    @given(checklists())
    def test_any_table_gives_one_well_formed_page(self, table: Checklist) -> None:
        """Any valid table gives a page with 50 rows and only http(s) links."""
        page = _parse(render_html(attrs.evolve(REPORT, checklist=table)))
        assert len(page.rows) == 50
        hrefs = [a["href"] or "" for t, a in page.tags if t == "a"]
        assert all(h.startswith(("http://", "https://")) for h in hrefs)


@pytest.fixture(scope="module")
def doc() -> Any:
    """The 2022 report as a .docx, reopened with python-docx."""
    docx = pytest.importorskip("docx")
    from hnjd_disclosure.render.docx import render_docx

    return docx.Document(io.BytesIO(render_docx(REPORT)))


class TestDocxLayout:
    """What a reader of the Word file saw: no page numbers, 序号 higher than the text, 类别
    wrapping one character onto its own line."""

    def test_page_numbers_centred_between_dashes(self, doc: Any) -> None:
        """The footer prints ``— N —`` centred: a PAGE field between em dashes."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        (footer,) = doc.sections[0].footer.paragraphs
        assert footer.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert footer.text == "— 1 —"
        xml = footer._p.xml
        assert 'w:fldCharType="begin"' in xml
        assert "PAGE" in xml
        assert 'w:fldCharType="end"' in xml

    def test_table_lines_have_one_height(self, doc: Any) -> None:
        """Every line of the table is of exact height, so digits and Chinese share a baseline."""
        from docx.enum.text import WD_LINE_SPACING

        (table,) = doc.tables
        for row in table.rows:
            for cell in row.cells:
                fmt = cell.paragraphs[0].paragraph_format
                assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY

    def test_category_lines_are_balanced(self, doc: Any) -> None:
        """A category longer than a line is broken into even lines: no character alone."""
        (table,) = doc.tables
        for row in list(table.rows)[1:]:
            lines = row.cells[1].text.split("\n")
            assert all(len(line) <= 6 for line in lines), lines
            assert len(lines) == 1 or min(map(len, lines)) >= 2, lines


class TestDocx:
    def test_headings_and_paragraphs(self, doc: Any) -> None:
        """The document reopens with the title, the headings by level and every paragraph."""
        paragraphs = doc.paragraphs
        styled = [(p.style.name, p.text) for p in paragraphs if p.text]
        assert styled[0] == ("Title", f"{REPORT.institution}\n{REPORT.title}")
        headings = [
            (int(name.split()[-1]) + 1, text) for name, text in styled if name.startswith("Heading")
        ]
        assert headings == HEADINGS
        body = [text for name, text in styled if name == "Normal"]
        assert body[: len(PARAGRAPHS)] == PARAGRAPHS

    def test_checklist_table(self, doc: Any) -> None:
        """Part 8 is a Word table: a header row that repeats, then one unsplittable row per item."""
        (table,) = doc.tables
        assert len(table.rows) == 1 + 50
        assert [c.text for c in table.rows[0].cells] == [
            "序号",
            "类别",
            "清单事项",
            "公开情况",
            "公开渠道及说明",
        ]
        assert [int(r.cells[0].text) for r in table.rows[1:]] == list(range(1, 51))
        assert table.rows[6].cells[3].text == "已公开"
        assert table.rows[15].cells[4].text == "报告未载明本项的公开渠道。"
        assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
        assert all(row._tr.xpath("./w:trPr/w:cantSplit") for row in table.rows)

    def test_chinese_fonts_are_set(self, doc: Any) -> None:
        """Runs carry East Asian fonts: Song-style title, 黑体/楷体/仿宋 headings, 仿宋 body."""
        from docx.oxml.ns import qn

        def east_asian(p: Any) -> str:
            run = p.runs[0]
            return str(run._r.rPr.rFonts.get(qn("w:eastAsia")))

        by_style: dict[str, set[str]] = {}
        for p in doc.paragraphs:
            if p.runs:
                by_style.setdefault(p.style.name, set()).add(east_asian(p))
        assert by_style == {
            "Title": {"方正小标宋简体"},
            "Heading 1": {"黑体"},
            "Heading 2": {"楷体"},
            "Heading 3": {"仿宋"},
            "Normal": {"仿宋"},
        }
        assert doc.styles["Heading 3"].font.bold
        assert not doc.styles["Heading 2"].font.bold

    def test_control_characters_do_not_break_the_document(self) -> None:
        """Characters XML cannot hold are replaced, not passed to Word."""
        docx = pytest.importorskip("docx")
        from hnjd_disclosure.render.docx import render_docx

        overview = attrs.evolve(REPORT.overview, paragraphs=("学校\x07重视。",))
        data = render_docx(attrs.evolve(REPORT, overview=overview))
        texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
        assert "学校\ufffd重视。" in texts

    def test_without_the_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without python-docx the renderer says how to install the extra."""
        from hnjd_disclosure.render.docx import render_docx

        monkeypatch.setitem(sys.modules, "docx", None)
        with pytest.raises(MissingExtraError, match=r'pip install "hnjd-disclosure\[docx\]"'):
            render_docx(REPORT)


class TestDocument:
    def test_part_8_only_with_a_table(self) -> None:
        """Without part 8 the document ends with part 7."""
        blocks = document(attrs.evolve(REPORT, checklist=None))
        assert not any(isinstance(b, Table) for b in blocks)
        assert isinstance(blocks[0], Title)

    def test_missing_items_are_marked(self) -> None:
        """Items the table does not list still get a row, marked 未填写."""
        table = Checklist(
            heading="清单事项公开情况表",
            entries=(ChecklistEntry(item=2, status=DisclosureStatus.NOT_STATED),),
        )
        (part8,) = [
            b for b in document(attrs.evolve(REPORT, checklist=table)) if isinstance(b, Table)
        ]
        assert [r.status_label for r in part8.rows[:3]] == ["未填写", "报告未载明", "未填写"]
