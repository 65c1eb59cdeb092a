"""The JSON Schema refuses what the loader refuses field by field, and accepts valid reports.

Relations between fields (a part not larger than its whole, an item listed once) are the
loader's alone: see hnjd_disclosure.schema.
"""

from __future__ import annotations

import json

import attrs
import jsonschema
import pytest
from hypothesis import given

from hnjd_disclosure import builtin_report, dumps_json, loads_json
from hnjd_disclosure.errors import DataError
from hnjd_disclosure.model import AnnualReport, Checklist
from hnjd_disclosure.schema import json_schema

from .strategies import checklists, reports

VALIDATOR = jsonschema.Draft202012Validator(json_schema())


def test_schema_is_valid() -> None:
    """The schema itself is a valid draft 2020-12 schema."""
    jsonschema.Draft202012Validator.check_schema(json_schema())


@given(reports())
def test_generated_reports_validate(report: AnnualReport) -> None:
    """The JSON of any valid report validates against the schema."""
    VALIDATOR.validate(json.loads(dumps_json(report)))


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("proactive", "admissions", "planned"), "5300"),
        (("proactive", "admissions", "admission_rate"), 99.9),
        (("overview", "media", "weibo_followers"), "19000"),
        (("proactive", "unknown"), 1),
    ],
)
def test_schema_rejects_what_the_loader_rejects(path: tuple[str, ...], value: object) -> None:
    """Wrong types and unknown keys fail schema validation too."""
    data = json.loads(dumps_json(builtin_report(2022)))
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    assert not VALIDATOR.is_valid(data)


class TestChecklistSchema:
    def test_2022_validates(self) -> None:
        """The built-in report, part 8 and institution kind included, validates."""
        data = json.loads(dumps_json(builtin_report(2022)))
        assert data["checklist"]["entries"]
        VALIDATOR.validate(data)

    @given(checklists())
    def test_generated_tables_validate(self, table: Checklist) -> None:
        """The JSON of any valid part 8 validates against the schema."""
        VALIDATOR.validate(
            json.loads(dumps_json(attrs.evolve(builtin_report(2022), checklist=table)))
        )

    @pytest.mark.parametrize(
        ("key", "value"), [("status", "published"), ("item", "6"), ("channels", "网站")]
    )
    def test_entry_fields(self, key: str, value: object) -> None:
        """Unknown statuses and wrong types fail schema validation too."""
        data = json.loads(dumps_json(builtin_report(2022)))
        data["checklist"]["entries"][5][key] = value
        assert not VALIDATOR.is_valid(data)

    def test_unknown_kind(self) -> None:
        """Only the enum's kinds are valid."""
        data = json.loads(dumps_json(builtin_report(2022)))
        data["institution_kind"] = "专科"
        assert not VALIDATOR.is_valid(data)


def _changed(path: tuple[str | int, ...], value: object) -> dict[str, object]:
    """The JSON data of the 2022 report with the value at ``path`` set (or added)."""
    data = json.loads(dumps_json(builtin_report(2022)))
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("year",), 1900),
        (("year",), 10000),
        (("overview", "heading"), ""),
        (("overview", "heading"), " \u3000"),
        (("title",), "2022年\n信息公开年度报告"),
        (("title",), "2022年信息公开年度报告\n"),
        (("overview", "paragraphs", 0), "第一行\n第二行"),
        (("overview", "paragraphs", 0), "一行\r"),
        (("proactive", "channels"), []),
        (("proactive", "teaching", "disclosed", "items"), []),
        (("proactive", "student_affairs", "rules", "items", 0), "甲、乙"),
        (("proactive", "student_affairs", "aid", "items", 1), " "),
        (("stated_part_count",), 0),
        (("legal_basis", 0, "issuer"), "湖南省\n教育厅"),
        (("checklist", "entries", 0, "item"), 51),
        (("checklist", "entries", 0), {"item": 1, "status": "disclosed"}),
        (("checklist", "entries", 0), {"item": 1, "status": "disclosed", "evidence": " "}),
        (("checklist", "entries", 0), {"item": 1, "status": "disclosed", "evidence": "句。"}),
        (
            ("checklist", "entries", 0),
            {"item": 1, "status": "disclosed", "evidence": "句。", "channels": []},
        ),
        (("checklist", "entries", 0), {"item": 1, "status": "not_applicable"}),
        (("checklist", "entries", 0), {"item": 1, "status": "not_disclosed", "reason": ""}),
        (("checklist", "entries", 0), {"item": 1, "status": "not_stated", "note": "x"}),
        (("checklist", "entries", 0), {"item": 1, "status": "not_stated", "channels": ["网"]}),
    ],
)
def test_schema_and_loader_refuse_alike(path: tuple[str | int, ...], value: object) -> None:
    """Each document the loader refuses for a single field, the schema refuses too."""
    data = _changed(path, value)
    assert not VALIDATOR.is_valid(data)
    with pytest.raises(DataError):
        loads_json(json.dumps(data, ensure_ascii=False))


@pytest.mark.parametrize(
    "entry",
    [
        {
            "item": 1,
            "status": "disclosed",
            "evidence": "句。",
            "note": "报告未载明本项的公开渠道。",
        },
        {"item": 1, "status": "disclosed", "evidence": "句。", "url": "https://a.edu.cn/"},
        {"item": 1, "status": "disclosed", "evidence": "句。", "channels": ["网"], "url": ""},
        {"item": 1, "status": "not_stated", "url": "", "channels": []},
    ],
)
def test_schema_and_loader_accept_alike(entry: dict[str, object]) -> None:
    """Entries that say just what their status needs pass both (empty optional fields too)."""
    data = _changed(("checklist", "entries", 0), entry)
    VALIDATOR.validate(data)
    loads_json(json.dumps(data, ensure_ascii=False))


@given(reports(with_checklist=True))
def test_valid_reports_pass_both(report: AnnualReport) -> None:
    """Any valid report, part 8 and kind included, loads back and validates."""
    text = dumps_json(report)
    assert loads_json(text) == report
    VALIDATOR.validate(json.loads(text))
