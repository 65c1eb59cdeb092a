"""The citations check: the table of known documents, their forms, slips, variants and unknowns."""

from __future__ import annotations

import datetime
import pickle
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import hnjd_disclosure.survey._citations as citations_module
from hnjd_disclosure.errors import ParseError, TextTooLargeError
from hnjd_disclosure.parse import MAX_CHARS
from hnjd_disclosure.survey._citations import (
    Citation,
    CitationVerdict,
    KnownDocument,
    check_citations,
    known_documents,
    parse_documents,
)

from .conftest import DATA
from .test_hostile import _steps

KNOWN = CitationVerdict.KNOWN
SLIP = CitationVerdict.SLIP
UNKNOWN = CitationVerdict.UNKNOWN
REAL = DATA / "real"

# The opening sentence of 湖南机电职业技术学院's 2022 report (the seed), and the one of its
# part 1 that names the 条例 without a number.
SEED = (
    "本年度报告是根据《高等学校信息公开办法》（中华人民共和国教育部令第29号）、"
    "《教育部关于公布〈高等学校信息公开事项清单〉的通知》（教办函〔2014〕23号）和湖南省教育厅"
    "《关于做好2022年高校信息公开年度报告工作的通知》（湘教办通〔2022〕30号）要求，"
    "综合我校2022年信息公开年度工作情况编制而成。\n"
    "一是细化信息公开内容。严格执行《中华人民共和国政府信息公开条例》等规定，扩大统计信息公开程度。"
)


def _doc(number: str) -> KnownDocument:
    return next(d for d in known_documents() if d.number == number)


def _one(text: str) -> Citation:
    (citation,) = check_citations(text)
    return citation


class TestTable:
    def test_the_national_documents_reports_cite_are_known(self) -> None:
        """The table holds the documents the reports cite, each number once."""
        numbers = [d.number for d in known_documents()]
        assert len(numbers) == len(set(numbers))
        for number in (
            "教育部令第29号",
            "国务院令第492号",
            "国务院令第711号",
            "教办函〔2014〕23号",
            "教办厅函〔2015〕48号",
            "教办厅〔2017〕3号",
            "教办厅函〔2018〕80号",
            "国办公开办函〔2021〕30号",
            "湘教办通〔2022〕30号",
        ):
            assert number in numbers

    def test_the_regulation_has_two_versions(self) -> None:
        """The 条例 of 2007 and its 2019 revision share a title, each under its own number."""
        versions = [d for d in known_documents() if d.title == "中华人民共和国政府信息公开条例"]
        assert sorted((d.year, d.number) for d in versions) == [
            (2007, "国务院令第492号"),
            (2019, "国务院令第711号"),
        ]

    @pytest.mark.parametrize("doc", known_documents(), ids=lambda d: d.number)
    def test_each_number_alone_is_known(self, doc: KnownDocument) -> None:
        """Every number of the table, cited alone, is recognised as its document."""
        citation = _one(f"根据{doc.number}要求")
        assert (citation.verdict, citation.document, citation.title) == (KNOWN, doc, None)

    @pytest.mark.parametrize("doc", known_documents(), ids=lambda d: d.number)
    def test_each_title_with_its_number_is_known(self, doc: KnownDocument) -> None:
        """Every title and alias, followed by its number, is known (issuer named if 关于…)."""
        for title in (doc.title, *doc.aliases):
            issuer = doc.issuer if title.startswith("关于") else ""
            citation = _one(f"根据{issuer}《{title}》（{doc.number}）要求")
            assert (citation.verdict, citation.document, citation.slip) == (KNOWN, doc, "")
            assert (citation.title, citation.number) == (title, doc.number)

    def test_rows_are_read_with_their_dates(self) -> None:
        """A row's date is a full date, or a year alone."""
        assert _doc("教育部令第29号").date == datetime.date(2010, 4, 6)
        assert (_doc("教办函〔2014〕23号").year, _doc("教办函〔2014〕23号").date) == (2014, None)

    @pytest.mark.parametrize(
        ("text", "line"),
        [
            ("number\ttitle\n", 1),
            ("# c\nnumber\ttitle\tissuer\tdate\taliases\n教育部令第29号\t办法\t教育部\n", 3),
            ("number\ttitle\tissuer\tdate\taliases\n教育部令第29号\t办法\t教育部\t2010-13\t\n", 2),
            ("number\ttitle\tissuer\tdate\taliases\n教育部令第29号\t\t教育部\t2010\t\n", 2),
            ("", 1),
        ],
        ids=["header", "cells", "date", "empty-title", "no-header"],
    )
    def test_a_malformed_table_names_its_line(self, text: str, line: int) -> None:
        """A malformed row, date or header is a ParseError naming its line."""
        with pytest.raises(ParseError) as info:
            parse_documents(text)
        assert info.value.line == line

    def test_year_is_an_int_not_a_bool(self) -> None:
        """A bool is not a year."""
        with pytest.raises(ValueError, match="year"):
            KnownDocument(title="办法", number="教育部令第29号", issuer="教育部", year=True)

    def test_value_types_pickle_hash_and_evolve(self) -> None:
        """Documents and citations are frozen, hashable and picklable."""
        citation = _one("《高等学校信息公开办法》（教育部令第29号）")
        doc = citation.document
        assert doc is not None
        for value in (doc, citation):
            assert pickle.loads(pickle.dumps(value)) == value
            assert hash(value) == hash(pickle.loads(pickle.dumps(value)))
        assert attrs.evolve(doc, year=2011).year == 2011
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            doc.year = 2011  # type: ignore[misc]


class TestForms:
    @pytest.mark.parametrize(
        "text",
        [
            "《高等学校信息公开办法》（教育部令第29号）",
            "《高等学校信息公开办法》(教育部令第29号)",
            "《高等学校信息公开办法》 （ 教育部令第29号 ）",
            "《高等学校信息公开办法》教育部令第29号",
            "《高等学校信息公开办法》（中华人民共和国教育部令第29号）",
            "《高等学校信息公开办法》（教育部第29号令）",
            "《高等学校信息公开办法》（教育部令29号）",
            "《高等学校信息公开办法》（教育部令第\uff12\uff19号）",
            "《高等学校信息公开办法》（教 育 部 令 第 29 号）",
            "《高等學校信息公開辦法》(教育部令第29號)",
            "根据高等学校信息公开办法（教育部令第29号）",
            "《高等学校信息公开办法》（教育部令第29号，以下简称《办法》）",
        ],
    )
    def test_the_measures_in_their_usual_forms(self, text: str) -> None:
        """教育部令第29号 under its title: brackets, width, spaces, order, traditional forms."""
        citation = _one(text)
        assert (citation.verdict, citation.document) == (KNOWN, _doc("教育部令第29号"))
        assert citation.title is not None
        assert citation.number is not None
        assert citation.title in text
        assert citation.number in text

    @pytest.mark.parametrize(
        "title",
        [
            "教育部关于公布〈高等学校信息公开事项清单〉的通知",
            "教育部关于公布<高等学校信息公开事项清单>的通知",
            "教育部关于公布《高等学校信息公开事项清单》的通知",
            "教育部关于公布高等学校信息公开事项清单的通知",
            "教育部關于公布<高等學校信息公開事項清單>的通知",
            "高等学校信息公开事项清单",
        ],
    )
    def test_the_checklist_notice_with_nested_titles(self, title: str) -> None:
        """The notice's title with its nested 〈〉, <> or 《》, or the list's own title."""
        citation = _one(f"《{title}》（教办函〔2014〕23号）")
        assert (citation.verdict, citation.title) == (KNOWN, title)
        assert citation.document == _doc("教办函〔2014〕23号")

    def test_span_covers_title_and_number(self) -> None:
        """The span runs from the title's 《 to the number's 号."""
        text = "根据《高等学校信息公开办法》（教育部令第29号）要求"
        citation = _one(text)
        assert text[slice(*citation.span)] == "《高等学校信息公开办法》（教育部令第29号"

    def test_a_known_title_alone_is_a_citation_without_number(self) -> None:
        """A known title with no number is listed as known; a revised one as its latest version."""
        citation = _one("严格执行《中华人民共和国政府信息公开条例》等规定")
        assert (citation.verdict, citation.number) == (KNOWN, None)
        assert citation.document == _doc("国务院令第711号")

    def test_an_unknown_title_alone_is_no_citation(self) -> None:
        """A newspaper's or a school's own title without a number is not listed."""
        assert check_citations("在《中国青年报》的排名中，按照《图书馆信息公开实施细则》要求") == ()

    def test_titles_with_different_numbers_of_one_document(self) -> None:
        """Either version's number is known under the 条例's title, short or full."""
        for number in ("国务院令第492号", "国务院令第711号"):
            for title in ("中华人民共和国政府信息公开条例", "政府信息公开条例"):
                citation = _one(f"《{title}》（{number}）")
                assert (citation.verdict, citation.document) == (KNOWN, _doc(number))

    def test_citations_come_in_text_order(self) -> None:
        """Numbers alone, titled numbers and titles alone, in the order of the text."""
        found = check_citations(
            "《高等学校信息公开办法》和教办函〔2014〕23号，《政府信息公开条例》（国务院令第711号）"
        )
        assert [(c.title, c.number) for c in found] == [
            ("高等学校信息公开办法", None),
            (None, "教办函〔2014〕23号"),
            ("政府信息公开条例", "国务院令第711号"),
        ]


class TestVariants:
    @pytest.mark.parametrize(
        "number",
        [
            "教办函〔2014〕23号",
            "教办函[2014]23号",
            "教办函【2014】23号",
            "教办函(2014)23号",
            "教办函（2014）23号",
            "教办函\uff3b2014\uff3d23号",
            "教办函﹝2014﹞23号",
            "教办函〔\uff12\uff10\uff11\uff14〕\uff12\uff13号",
            "教办函 〔 2014 〕 23 号",
            "教办函〔2014〕第23号",
            "教辦函〔2014〕23號",
        ],
    )
    def test_a_typographic_variant_is_not_a_slip(self, number: str) -> None:
        """Brackets, width, spaces and 第 are ways of writing the same number."""
        for text in (f"《高等学校信息公开事项清单》（{number}）", f"按照{number}文件"):
            citation = _one(text)
            assert (citation.verdict, citation.slip) == (KNOWN, "")
            assert citation.document == _doc("教办函〔2014〕23号")
            assert citation.number == number


class TestSlips:
    @pytest.mark.parametrize(
        ("text", "document", "slip"),
        [
            (
                "《高等学校信息公开事项清单》（教办厅函〔2014〕23号）",
                "教办函〔2014〕23号",
                "教办厅函〔2014〕23号 is cited for 《高等学校信息公开事项清单》, "
                "whose number is 教办函〔2014〕23号",
            ),
            (
                "《教育部关于公布〈高等学校信息公开事项清单〉的通知》（教办函〔2015〕23号）",
                "教办函〔2014〕23号",
                "教办函〔2015〕23号 is cited for "
                "《教育部关于公布〈高等学校信息公开事项清单〉的通知》, "
                "whose number is 教办函〔2014〕23号",
            ),
            (
                "《高等学校信息公开事项清单》（教办函〔2014〕32号）",
                "教办函〔2014〕23号",
                "教办函〔2014〕32号 is cited for 《高等学校信息公开事项清单》, "
                "whose number is 教办函〔2014〕23号",
            ),
            (
                "《中华人民共和国政府信息公开条例》（教育部令第29号）",
                "国务院令第711号",
                "教育部令第29号 is the number of 《高等学校信息公开办法》, not of "
                "《中华人民共和国政府信息公开条例》, whose number is 国务院令第711号 "
                "(earlier 国务院令第492号)",
            ),
            (
                "《高等学校信息公开办法》（国务院令第711号）",
                "教育部令第29号",
                "国务院令第711号 is the number of 《中华人民共和国政府信息公开条例》, not of "
                "《高等学校信息公开办法》, whose number is 教育部令第29号",
            ),
            (
                "《政府信息公开条例》（国务院令第712号）",
                "国务院令第711号",
                "国务院令第712号 is cited for 《政府信息公开条例》, "
                "whose number is 国务院令第711号 (earlier 国务院令第492号)",
            ),
            (
                "教育部办公厅《关于全面推进高校信息公开做好信息公开年度报告工作的通知》"
                "（教办厅函〔2018〕81号）",
                "教办厅函〔2018〕80号",
                "教办厅函〔2018〕81号 is cited for "
                "《关于全面推进高校信息公开做好信息公开年度报告工作的通知》, "
                "whose number is 教办厅函〔2018〕80号",
            ),
            (
                "《教育部办公厅关于进一步落实高校信息公开清单做好高校信息公开年度报告工作的通知》"
                "（教办厅函〔2013〕48号）",
                "教办厅函〔2015〕48号",
                "教办厅函〔2013〕48号 is the number of "
                "《教育部办公厅关于做好2012-2013学年度高校信息公开工作年度报告工作的通知》, not of "
                "《教育部办公厅关于进一步落实高校信息公开清单做好高校信息公开年度报告工作的通知》, "
                "whose number is 教办厅函〔2015〕48号",
            ),
        ],
        ids=["issuer-code", "year", "serial", "29-for-regulation", "711-for-measures",
             "no-such-order", "issuer-before-title", "another-notice"],
    )  # fmt: skip
    def test_a_slip_names_the_document_it_should_be(
        self, text: str, document: str, slip: str
    ) -> None:
        """A known title with another number, or a known number under another known title."""
        citation = _one(text)
        assert (citation.verdict, citation.document, citation.slip) == (SLIP, _doc(document), slip)

    def test_a_number_alone_is_never_a_slip(self) -> None:
        """教办厅函〔2014〕23号 alone: no title says what it was meant to be."""
        citation = _one("按照教办厅函〔2014〕23号要求")
        assert (citation.verdict, citation.document, citation.slip) == (UNKNOWN, None, "")


class TestUnknown:
    def test_an_unknown_document_is_unknown(self) -> None:
        """A provincial notice the table does not hold: not verifiable, no document."""
        citation = _one(
            "《安徽省教育厅关于做好2022年高校信息公开年度报告工作的通知》(皖教秘〔2022〕457号)"
        )
        assert (citation.verdict, citation.document, citation.slip) == (UNKNOWN, None, "")
        assert citation.number == "皖教秘〔2022〕457号"

    def test_a_title_without_its_issuer_names_no_document(self) -> None:
        """「关于做好2022年……」 is the title of many issuers' notices: never a slip alone."""
        text = "《关于做好2022年高校信息公开年度报告工作的通知》（皖教秘〔2022〕457号）"
        assert _one(text).verdict is UNKNOWN
        assert _one("安徽省教育厅" + text).verdict is UNKNOWN
        assert _one("湖南省教育厅" + text).verdict is SLIP

    def test_a_province_s_code_is_not_the_ministry_s(self) -> None:
        """皖教办函〔2014〕23号 is a provincial number, not 教办函〔2014〕23号."""
        citation = _one("《高等学校信息公开事项清单》（皖教办函〔2014〕23号）")
        assert (citation.verdict, citation.number) == (SLIP, "皖教办函〔2014〕23号")
        assert _one("按照豫教办函〔2014〕23号").verdict is UNKNOWN

    def test_a_known_number_under_an_unknown_title(self) -> None:
        """A school's own rules under 教育部令第29号: the number's document, but unverifiable."""
        citation = _one("《某某大学信息公开实施细则》（教育部令第29号）")
        assert (citation.verdict, citation.document, citation.slip) == (
            UNKNOWN,
            _doc("教育部令第29号"),
            "",
        )

    def test_a_known_title_inside_a_longer_name_is_not_taken(self) -> None:
        """上海市政府信息公开条例 is not the 条例 of the State Council (no false slip)."""
        citation = _one("根据上海市政府信息公开条例（沪府令第1号）")
        assert (citation.verdict, citation.title) == (UNKNOWN, None)

    def test_an_order_without_issuer_is_no_number(self) -> None:
        """第1号 or （2022）12号 after an ordinary word is not a document number."""
        assert check_citations("宿舍（2022）12号楼，第1号文件，令第2号") == ()

    def test_a_number_without_its_code_under_a_known_title(self) -> None:
        """〔2014〕23号 under the checklist's title: the code left out, year and serial agree."""
        assert _one("《高等学校信息公开事项清单》（〔2014〕23号）").verdict is KNOWN
        assert _one("《高等学校信息公开事项清单》（〔2015〕23号）").verdict is SLIP

    def test_a_number_without_issuer(self) -> None:
        """〔2022〕19号 is a number whose issuer the text does not print."""
        citation = _one("《关于2022年安徽省高校信息公开评议工作的提示函》（〔2022〕19号）")
        assert (citation.verdict, citation.number) == (UNKNOWN, "〔2022〕19号")


class TestSeed:
    def test_the_seed_citations_are_all_known(self) -> None:
        """The seed report cites the Measures, the checklist notice and Hunan's notice rightly."""
        found = check_citations(SEED)
        assert [(c.number, c.verdict) for c in found] == [
            ("中华人民共和国教育部令第29号", KNOWN),
            ("教办函〔2014〕23号", KNOWN),
            ("湘教办通〔2022〕30号", KNOWN),
            (None, KNOWN),
        ]
        assert [c.document.number for c in found if c.document is not None] == [
            "教育部令第29号",
            "教办函〔2014〕23号",
            "湘教办通〔2022〕30号",
            "国务院令第711号",
        ]

    def test_the_published_text_agrees(self, published_text: str) -> None:
        """The whole published 2022 text gives the same four citations."""
        found = check_citations(published_text)
        assert [c.number for c in found] == [c.number for c in check_citations(SEED)]
        assert {c.verdict for c in found} == {KNOWN}


def _real_texts() -> list[Path]:
    return sorted(REAL.glob("*.txt"))


class TestRealTexts:
    @pytest.mark.parametrize("path", _real_texts(), ids=lambda p: p.stem)
    def test_real_texts_have_no_slip(self, path: Path) -> None:
        """No real text gives a slip (none of their citations is wrong: checked by hand)."""
        body = path.read_text(encoding="utf-8").split("\n", 2)[2]
        assert [c.slip for c in check_citations(body) if c.verdict is SLIP] == []

    @pytest.mark.parametrize(
        ("slug", "expected"),
        [
            (
                "ctbu-disclosure-2022",
                ["国务院令第711号", "教育部令第29号", "教办函〔2014〕23号", "教办厅〔2017〕3号"],
            ),
            (
                # in traditional characters; its title of 教办厅函〔2018〕80号 is the alias
                "hfuu-disclosure-2022",
                ["教育部令第29号", "教办函〔2014〕23号", "教办厅函〔2018〕80号"],
            ),
            ("ustc-disclosure-2021", ["教育部令第29号", "教办函〔2014〕23号"]),
            ("hlbrc-disclosure-2021", ["国务院令第711号", "教育部令第29号"]),
            (
                # titles alone: the 条例 twice (full and short), the format of the yearly report
                "yiwu-ibc-disclosure-2022",
                ["国务院令第711号", "国务院令第711号", "国办公开办函〔2021〕30号"],
            ),
        ],
    )  # fmt: skip
    def test_real_citations_are_recognised(self, slug: str, expected: list[str]) -> None:
        """The national documents real reports cite are known, in their order."""
        body = (REAL / f"{slug}.txt").read_text(encoding="utf-8").split("\n", 2)[2]
        found = check_citations(body)
        assert [c.document.number for c in found if c.verdict is KNOWN and c.document] == expected


# ----- properties ----------------------------------------------------------------------------

_PIECES = (
    "《高等学校信息公开办法》",
    "《政府信息公开条例》",
    "《高等学校信息公开事项清单》",
    "《关于做好2022年高校信息公开年度报告工作的通知》",
    "《某某》",
    "湖南省教育厅",
    "（教育部令第29号）",
    "(国务院令第711号)",
    "教办函〔2014〕23号",
    "教办厅函[2014]23号",
    "湘教办通〔2022〕30号",
    "〔2022〕19号",
    "第29号令",
    "《",
    "》",
    "（",
    "）",
    "、",
    "和",
    "根据",
    " ",
    "\n",
)
_citing_text = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)


@given(_citing_text, st.text(alphabet="".join(set("".join(_PIECES))), max_size=60))
def test_appending_unrelated_text_changes_no_verdict(text: str, extra: str) -> None:
    """A text's citations stay as they are when a line of other text follows it."""
    before = check_citations(text)
    after = check_citations(text + "\n" + extra)
    assert after[: len(before)] == before
    assert all(c.span[0] > len(text) for c in after[len(before) :])


@given(_citing_text)
def test_every_citation_spans_its_title_and_number(text: str) -> None:
    """The span covers the number as written (at its end) and the title (at its start)."""
    for citation in check_citations(text):
        cited = text[slice(*citation.span)]
        if citation.number is not None:
            assert cited.endswith(citation.number)
        if citation.title is not None:
            assert citation.title in cited
        assert (citation.verdict is SLIP) == bool(citation.slip)


@given(st.one_of(st.text(), _citing_text))
def test_any_text_gives_ordered_citations_inside_it(text: str) -> None:
    """Any text is read without error; citations are in order, within the text."""
    found = check_citations(text)
    assert [c.span for c in found] == sorted(c.span for c in found)
    assert all(0 <= c.span[0] < c.span[1] <= len(text) for c in found)


# ----- hostile texts -------------------------------------------------------------------------

_MEGABYTE = 1_000_000


@pytest.mark.parametrize(
    "text",
    [
        "《" * _MEGABYTE,
        "《" * (_MEGABYTE // 2) + "》" * (_MEGABYTE // 2),
        "教办函〔2014〕23号" * (_MEGABYTE // 13),
        "《高等学校信息公开办法》（教育部令第29号）" * (_MEGABYTE // 22),
        "令" + " " * _MEGABYTE + "第1号",
        "（2014）" * (_MEGABYTE // 6),
        "教" * _MEGABYTE + "〔2014〕23号",
    ],
    ids=["opens", "nested", "numbers", "titled", "spaces", "brackets", "han-run"],
)
def test_a_hostile_megabyte_completes(text: str) -> None:
    """Texts built to make a scanner backtrack are read to the end (times: benchmarks/)."""
    found = check_citations(text)
    assert all(c.verdict is not SLIP for c in found)


def test_size_limit() -> None:
    """Beyond MAX_CHARS the text is refused."""
    with pytest.raises(TextTooLargeError):
        check_citations(" " * (MAX_CHARS + 1))


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "《" * n + "》" * n,
        lambda n: "《高等学校信息公开办法》（教育部令第29号）" * n,
        lambda n: "根据高等学校信息公开办法（教育部令第29号）" * n,
        lambda n: "教" * n + "〔2014〕23号" * n,
        lambda n: "《" + "关于" * n + "》（教办函〔2014〕23号）",
    ],
    ids=["nested", "titled", "plain-titles", "han-then-numbers", "long-title"],
)
def test_work_grows_linearly(make: Callable[[int], str]) -> None:
    """Eight times the text costs about eight times the steps, not 64 times."""
    files = (citations_module.__file__,)
    small = _steps(check_citations, make(100), files)
    large = _steps(check_citations, make(800), files)
    assert large <= 10 * max(small, 1), (small, large)


def test_a_real_slip_the_issue_names() -> None:
    # office.ynu.edu.cn/info/1052/1088.htm (信息公开指南, 2020-11-04), as published
    text = (
        "为深入贯彻落实《高等学校信息公开办法》《教育部关于公布〈高等学校信息公开事项清单〉的"
        "通知》(教办厅函〔2014〕23号)和《云南省教育厅关于做好2020年高校信息公开年度报告工作的"
        "通知》要求,公开内容如下:"
    )
    found = [(c.verdict, c.number) for c in check_citations(text)]
    assert found == [
        (CitationVerdict.KNOWN, None),
        (CitationVerdict.SLIP, "教办厅函〔2014〕23号"),
    ]
    slip = check_citations(text)[1]
    assert slip.document is not None
    assert slip.document.number == "教办函〔2014〕23号"
