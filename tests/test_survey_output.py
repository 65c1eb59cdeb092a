"""The survey's outputs: CSV, JSON, the workbook, the HTML page, the DataFrame and the notebook
table all carry the records of ``SurveyRow.record``, and a report's hostile text stays text."""

from __future__ import annotations

import base64
import csv
import datetime
import hashlib
import io
import json
import re
import shutil
import sys
from collections.abc import Iterator
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from hnjd_disclosure import builtin_report
from hnjd_disclosure.checklist import checklist_2014
from hnjd_disclosure.errors import MissingExtraError
from hnjd_disclosure.render import render
from hnjd_disclosure.survey import (
    ItemStatus,
    Survey,
    SurveyRow,
    Weights,
    survey,
    survey_text,
    to_csv,
    to_html,
    to_json,
    to_xlsx,
)
from hnjd_disclosure.survey._output import _HEADINGS, _heading, _label, notebook_html, to_dataframe
from hnjd_disclosure.survey._score import score_points

REAL = Path(__file__).parent / "data" / "real"
HOSTILE = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://example.invalid","点我")'


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2022 report rendered, a 2023 copy of it (so one row has reuse), the real texts, and
    a file that cannot be read."""
    root = tmp_path_factory.mktemp("reports")
    text = render(builtin_report(2022), checklist=True)
    (root / "hnjd-2022.txt").write_text(text, encoding="utf-8")
    (root / "hnjd-2023.txt").write_text(text.replace("2022年", "2023年"), encoding="utf-8")
    for path in sorted(REAL.glob("*disclosure*.txt")):
        shutil.copy(path, root / path.name)
    (root / "broken.docx").write_bytes(b"not a Word file")
    return root


@pytest.fixture(scope="module")
def result(folder: Path) -> Survey:
    """The folder surveyed, with a hostile institution in first place and a formula in second."""
    ranked = survey([folder])
    rows = list(ranked.rows)
    rows[0] = attrs.evolve(rows[0], institution=HOSTILE)
    rows[1] = attrs.evolve(rows[1], institution=FORMULA)
    return attrs.evolve(ranked, rows=tuple(rows))


def one_row_survey(text: str, **changes: Any) -> Survey:
    """A survey of one text, built from survey_text, with its row's fields changed."""
    report = survey_text(text, source="one.txt")
    row = SurveyRow.of(report, score_points(report, Weights.default()))
    return Survey(rows=(attrs.evolve(row, **changes),), weights=Weights.default())


def columns_of(result: Survey) -> list[str]:
    """The columns in order: those of a readable row (an unreadable one has fewer)."""
    columns: list[str] = []
    for record in result.records():
        if len(record) > len(columns):
            columns = list(record)
    return columns


def test_the_fixture_has_every_kind_of_value(result: Survey) -> None:
    values = [v for r in result.records() for v in r.values()]
    kinds = {type(v) for v in values}
    assert {str, int, Decimal, datetime.date, type(None)} <= kinds
    assert any(r["error"] for r in result.records())
    assert any(r["sentences_carried_share"] is not None for r in result.records())


class TestHeadings:
    def test_every_column_has_a_chinese_heading(self, result: Survey) -> None:
        """A column added to record() without a heading here fails this test."""
        missing = [key for key in columns_of(result) if _heading(key) == key]
        assert missing == []

    def test_headings_are_chinese_and_distinct(self) -> None:
        assert len(set(_HEADINGS.values())) == len(_HEADINGS)
        assert all(re.search("[\u4e00-\u9fff]", h) for h in _HEADINGS.values())

    @pytest.mark.parametrize(
        ("key", "value", "shown"),
        [
            ("format", "government", "政府年报格式"),
            ("assessment", "public", "含公众评议"),
            ("figure_lawsuits", "not_given", "未给出"),
            ("format", "unheard-of", "unheard-of"),
            ("score", Decimal("1.5"), Decimal("1.5")),
        ],
    )
    def test_enumerated_values_are_shown_in_chinese(
        self, key: str, value: object, shown: object
    ) -> None:
        assert _label(key, value) == shown


def csv_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


class TestCsv:
    def test_it_starts_with_a_byte_order_mark_for_excel(self, result: Survey) -> None:
        text = to_csv(result)
        assert text.startswith("\ufeff")
        assert text.encode("utf-8")[:3] == b"\xef\xbb\xbf"

    def test_it_parses_back_to_the_records(self, result: Survey) -> None:
        """Every column and every value comes back, as text: dates ISO, Decimals exact."""
        rows = list(csv.DictReader(io.StringIO(to_csv(result).removeprefix("\ufeff"))))
        columns = columns_of(result)
        assert list(rows[0]) == columns
        assert len(rows) == len(result.rows)
        for got, record in zip(rows, result.records(), strict=True):
            want = {key: csv_text(record.get(key)) for key in columns}
            if record["institution"] == FORMULA:
                want["institution"] = "'" + FORMULA
            assert got == want
            for key, value in record.items():
                if isinstance(value, Decimal):
                    assert Decimal(got[key]) == value
                elif isinstance(value, datetime.date):
                    assert datetime.date.fromisoformat(got[key]) == value

    def test_pandas_reads_it_with_the_same_columns(self, result: Survey) -> None:
        pd = pytest.importorskip("pandas")
        data = to_csv(result).encode("utf-8")
        frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
        assert list(frame.columns) == columns_of(result)

    def test_a_text_a_spreadsheet_would_run_is_written_as_text(self, result: Survey) -> None:
        assert "'=HYPERLINK(" in to_csv(result)

    @pytest.mark.parametrize(
        ("value", "written"),
        [(Decimal("87.5"), "87.5"), (Decimal("0.8125"), "0.8125"), (Decimal("1E+1"), "10")],
    )
    def test_decimals_are_written_exactly_never_in_exponent_form(
        self, value: Decimal, written: str
    ) -> None:
        text = to_csv(one_row_survey("某某大学2022年信息公开年度报告\n", score=value))
        assert text.splitlines()[1].split(",")[1] == written

    def test_an_empty_survey_is_the_mark_alone(self) -> None:
        assert to_csv(Survey(rows=(), weights=Weights.default())) == "\ufeff"


def json_form(value: object) -> object:
    return value.isoformat() if isinstance(value, datetime.date) else value


class TestJson:
    def test_it_loads_to_the_weights_and_the_records(self, result: Survey) -> None:
        data = json.loads(to_json(result), parse_float=Decimal)
        assert list(data) == ["weights", "rows"]
        weights = attrs.asdict(result.weights)
        weights["required_citations"] = list(weights["required_citations"])
        assert data["weights"] == weights
        assert data["rows"] == [
            {key: json_form(value) for key, value in record.items()} for record in result.records()
        ]

    def test_decimals_are_json_numbers_with_their_digits(self) -> None:
        text = to_json(one_row_survey("某某大学2022年信息公开年度报告\n", score=Decimal("87.50")))
        assert '"score": 87.50,' in text
        assert json.loads(text)["rows"][0]["score"] == 87.5

    def test_one_row_per_line(self, result: Survey) -> None:
        lines = to_json(result).splitlines()
        assert len(lines) == 2 + len(result.rows) + 1

    def test_an_empty_survey_has_no_rows(self) -> None:
        assert json.loads(to_json(Survey(rows=(), weights=Weights.default())))["rows"] == []

    def test_text_is_written_as_is_and_escaped_where_json_needs(self) -> None:
        text = to_json(one_row_survey("某某大学2022年信息公开年度报告\n", institution='大学"\n'))
        assert '"institution": "大学\\"\\n"' in text
        assert json.loads(text)["rows"][0]["institution"] == '大学"\n'


def workbook(result: Survey) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(to_xlsx(result)))


class TestXlsx:
    def test_it_has_the_three_sheets(self, result: Survey) -> None:
        assert workbook(result).sheetnames == ["排名", "清单事项", "权重"]

    def test_the_ranked_sheet_has_the_rows_numbers_as_numbers_dates_as_dates(
        self, result: Survey
    ) -> None:
        sheet = workbook(result)["排名"]
        rows = list(sheet.iter_rows(values_only=True))
        columns = columns_of(result)
        assert list(rows[0]) == [_heading(key) for key in columns]
        assert len(rows) == 1 + len(result.rows)
        for got, record in zip(rows[1:], result.records(), strict=True):
            for key, cell in zip(columns, got, strict=True):
                value = record.get(key)
                if isinstance(value, Decimal):
                    assert cell == float(value)
                elif isinstance(value, datetime.date):
                    assert cell == datetime.datetime.combine(value, datetime.time())
                elif value is None or value == "":
                    assert cell is None
                else:
                    assert cell == _label(key, value)

    def test_the_header_is_frozen_filtered_and_wide_enough(self, result: Survey) -> None:
        sheet = workbook(result)["排名"]
        assert sheet.freeze_panes == "A2"
        last = get_column_letter(len(columns_of(result)))
        assert sheet.auto_filter.ref == f"A1:{last}{len(result.rows) + 1}"
        institution = columns_of(result).index("institution") + 1
        letter = get_column_letter(institution)
        names = [r["institution"] or "" for r in result.records()]
        chinese = [name for name in names if re.fullmatch("[\u4e00-\u9fff]+", name)]
        assert chinese
        # a Chinese character takes two columns' width
        assert (sheet.column_dimensions[letter].width or 0) >= 2 * max(map(len, chinese))

    def test_a_formula_in_a_report_stays_text(self, result: Survey) -> None:
        cells = [c for row in workbook(result)["排名"].iter_rows() for c in row]
        (cell,) = [c for c in cells if c.value == FORMULA]
        assert cell.data_type == "s"

    def test_the_items_sheet_has_each_reports_status_for_each_item(self, result: Survey) -> None:
        sheet = workbook(result)["清单事项"]
        rows = list(sheet.iter_rows(values_only=True))
        standard = checklist_2014()
        assert rows[0][4:] == tuple(f"{i.number}. {i.text}" for i in standard.items)
        assert len(rows) == 1 + len(result.rows)
        for got, row in zip(rows[1:], result.rows, strict=True):
            assert got[4 : 4 + len(row.items)] == tuple(_label("item", s.value) for s in row.items)
        assert sheet.freeze_panes == "E2"

    def test_the_items_sheet_colours_each_status(self, result: Survey) -> None:
        sheet = workbook(result)["清单事项"]
        (area,) = list(sheet.conditional_formatting)
        assert str(area.sqref) == f"E2:BB{len(result.rows) + 1}"
        formulas = {rule.formula[0] for rule in area.rules}
        assert formulas == {f'"{_label("item", s)}"' for s in ItemStatus._value2member_map_}

    def test_the_weights_sheet_has_every_weight(self, result: Survey) -> None:
        rows = list(workbook(result)["权重"].iter_rows(values_only=True))
        assert rows[0] == ("权重", "值")
        weights = {key: value for key, value, *_ in rows[1:]}
        assert weights["part"] == 2
        assert weights["merged"] == 0.5
        assert weights["required_citations"] == "、".join(result.weights.required_citations)

    def test_control_characters_do_not_break_the_file(self) -> None:
        one = one_row_survey("某某大学2022年信息公开年度报告\n", institution="大学\x0b\x00")
        assert workbook(one)["排名"]["C2"].value == "大学\ufffd\ufffd"

    def test_without_openpyxl_it_says_which_extra_to_install(
        self, result: Survey, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(sys.modules, "openpyxl", None)
        with pytest.raises(MissingExtraError, match=r"hnjd-disclosure\[xlsx\]"):
            to_xlsx(result)


class Page(HTMLParser):
    """What a browser would build: tables' rows, SVGs, links and sources, scripts, the text of
    each cell."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.cells: list[list[str]] = []
        self.headers: list[tuple[str | None, str]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.style = ""
        self._script: dict[str, str | None] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.stack.append(tag)
        if tag == "tr" and "tbody" in self.stack and self._in_survey_table():
            self.cells.append([])
        if tag in ("td", "th", "script", "style"):
            self._text = []
        if tag == "script":
            self._script = dict(attrs)
        if tag == "th" and "thead" in self.stack and self._in_survey_table():
            self.headers.append((dict(attrs).get("title"), ""))

    def _in_survey_table(self) -> bool:
        tables = [a for t, a in self.tags if t == "table"]
        return bool(tables) and tables[-1].get("id") == "survey-table"

    def handle_endtag(self, tag: str) -> None:
        text = "".join(self._text)
        if tag == "td" and "tbody" in self.stack and self._in_survey_table() and self.cells:
            self.cells[-1].append(text)
        if tag == "th" and "thead" in self.stack and self._in_survey_table():
            self.headers[-1] = (self.headers[-1][0], text)
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, text))
            self._script = None
        if tag == "style":
            self.style = text
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        self._text.append(data)


def parsed(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    return parser


def attributes(page: Page) -> Iterator[tuple[str, str, str]]:
    for tag, attrs_ in page.tags:
        for name, value in attrs_.items():
            yield tag, name, value or ""


class TestHtml:
    def test_the_table_has_a_row_per_report_in_rank_order(self, result: Survey) -> None:
        page = parsed(to_html(result))
        columns = columns_of(result)
        assert [key for key, _ in page.headers] == columns
        assert [text for _, text in page.headers] == [_heading(key) for key in columns]
        assert len(page.cells) == len(result.rows)
        rank, institution = columns.index("rank"), columns.index("institution")
        assert [c[rank] for c in page.cells] == [csv_text(r.rank) for r in result.rows]
        assert [c[institution] for c in page.cells] == [r.institution or "" for r in result.rows]

    def test_hostile_text_is_shown_as_text(self, result: Survey) -> None:
        """The institution <script>alert(1)</script> is a cell's text, not an element."""
        text = to_html(result)
        page = parsed(text)
        assert HOSTILE not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
        assert page.cells[0][columns_of(result).index("institution")] == HOSTILE
        assert [tag for tag, _ in page.tags].count("script") == 2

    def test_the_data_block_is_json_that_cannot_close_its_script(self, result: Survey) -> None:
        page = parsed(to_html(result))
        (data,) = [body for a, body in page.scripts if a.get("type") == "application/json"]
        assert "</" not in data
        assert "<" not in data
        loaded = json.loads(data, parse_float=Decimal)
        assert loaded["columns"] == columns_of(result)
        assert [r["institution"] for r in loaded["rows"]] == [r.institution for r in result.rows]

    def test_it_has_two_inline_svg_charts(self, result: Survey) -> None:
        page = parsed(to_html(result))
        svgs = [a for tag, a in page.tags if tag == "svg"]
        assert len(svgs) == 2
        assert all(a.get("role") == "img" for a in svgs)

    def test_the_histogram_counts_every_scored_report(self, result: Survey) -> None:
        text = to_html(result)
        bars = re.findall(r'<rect class="bar"[^>]*><title>[^<]*：(\d+) 份</title>', text)
        assert len(bars) == 10
        assert sum(map(int, bars)) == sum(r.score is not None for r in result.rows)

    def test_the_bar_chart_starts_with_the_most_often_missing_item(self, result: Survey) -> None:
        text = to_html(result)
        (number, count), *_ = sorted(result.missing_items().items(), key=lambda p: (-p[1], p[0]))
        first = re.search(r'<rect class="miss"[^>]*><title>(\d+)\. [^<]*：(\d+) 份', text)
        assert first is not None
        assert (int(first.group(1)), int(first.group(2))) == (number, count)

    def test_it_loads_nothing_and_links_nowhere(self, result: Survey) -> None:
        page = parsed(to_html(result))
        for tag, name, value in attributes(page):
            if name in ("src", "href", "xlink:href", "action", "srcset", "poster", "data"):
                assert value.startswith("#"), (tag, name, value)
            assert "javascript:" not in value.lower()
        assert not [tag for tag, _ in page.tags if tag in ("link", "img", "iframe", "object")]

    def test_only_its_own_style_and_script_may_run(self, result: Survey) -> None:
        """The Content-Security-Policy names the hashes of the page's own style and script."""
        page = parsed(to_html(result))
        (policy,) = [
            a["content"] or ""
            for tag, a in page.tags
            if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"
        ]
        (script,) = [body for a, body in page.scripts if "type" not in a]

        def hashed(source: str) -> str:
            digest = hashlib.sha256(source.encode("utf-8")).digest()
            return f"'sha256-{base64.b64encode(digest).decode()}'"

        assert f"script-src {hashed(script)}" in policy
        assert f"style-src {hashed(page.style)}" in policy
        assert "default-src 'none'" in policy

    def test_the_script_is_the_same_whatever_the_reports_say(self, result: Survey) -> None:
        """Data reaches the script only through the JSON block, never spliced into its code."""

        def script(page: str) -> str:
            (body,) = [body for a, body in parsed(page).scripts if "type" not in a]
            return body

        empty = Survey(rows=(), weights=Weights.default())
        assert script(to_html(result)) == script(to_html(empty))

    def test_it_is_a_chinese_page_with_filters_and_sortable_headings(self, result: Survey) -> None:
        page = parsed(to_html(result))
        (html_tag,) = [a for tag, a in page.tags if tag == "html"]
        assert html_tag["lang"] == "zh-CN"
        keys = {a.get("data-key") for tag, a in page.tags if tag == "select"}
        assert keys == {"format", "kind"}
        buttons = [a for tag, a in page.tags if tag == "button"]
        assert [b.get("data-key") for b in buttons] == columns_of(result)
        assert all(b.get("type") == "button" for b in buttons)

    def test_an_empty_survey_still_makes_a_page(self) -> None:
        page = parsed(to_html(Survey(rows=(), weights=Weights.default())))
        assert page.cells == []
        assert len([tag for tag, _ in page.tags if tag == "svg"]) == 2


class TestDataframe:
    def test_it_has_the_columns_and_numeric_dtypes(self, result: Survey) -> None:
        pytest.importorskip("pandas")
        frame = result.to_dataframe()
        assert list(frame.columns) == columns_of(result)
        assert len(frame) == len(result.rows)
        assert str(frame["score"].dtype) == "float64"
        assert str(frame["rank"].dtype) == "Int64"
        assert str(frame["items_disclosed"].dtype) == "Int64"
        assert str(frame["period_start"].dtype).startswith("datetime64")
        assert frame["score"].tolist()[:3] == [float(r.score or 0) for r in result.rows[:3]]

    def test_a_missing_value_is_missing(self, result: Survey) -> None:
        pd = pytest.importorskip("pandas")
        frame = to_dataframe(result)
        unread = [i for i, r in enumerate(result.rows) if r.error is not None]
        assert unread
        assert frame.loc[unread[0], "rank"] is pd.NA
        assert frame["score"].isna().sum() == sum(r.score is None for r in result.rows)

    def test_without_pandas_it_says_how_to_install_it(
        self, result: Survey, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(ImportError, match=r"hnjd-disclosure\[pandas\]"):
            result.to_dataframe()


class TestNotebook:
    def test_it_shows_at_most_twenty_rows_escaped(self, result: Survey) -> None:
        many = attrs.evolve(result, rows=result.rows * 3)
        text = many._repr_html_()
        assert text == notebook_html(many)
        assert text.count("<tr") == 1 + 20
        assert "&lt;script&gt;" in text
        assert HOSTILE not in text
        assert f"共 {len(many.rows)} 份报告，前 20 份" in text
