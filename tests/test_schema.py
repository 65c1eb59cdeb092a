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
from hypothesis import strategies as st

from hnjd_disclosure import builtin_report, dumps_json, loads_json
from hnjd_disclosure.errors import DataError, Issue
from hnjd_disclosure.model import AnnualReport, Checklist
from hnjd_disclosure.schema import json_schema

from .strategies import checklists, document_places, reports

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


FORMAT_VALIDATOR = jsonschema.Draft202012Validator(
    json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
DOCUMENT = json.loads(dumps_json(builtin_report(2022)))

#: What only the loader checks (schema.py says so): relations between fields.
RELATIONS = (
    "must not be larger than",
    "must not outnumber",
    "must be after start",
    "is listed twice",
    "is required when contact_intro is given",
    "would be read back",  # a field the rest of its template sentence makes unreadable
)


PLACES = document_places(DOCUMENT)
_EDGES = "\x1c\x1f\x85\ufeff\u2028\x0b \u3000\t\ud800\udc00。：、1.（一）"


@st.composite
def _near(draw: st.DrawFn, path: tuple[str | int, ...]) -> object:
    """A value like the one at ``path``, changed at an edge: what tells the two checks apart."""
    value: object = DOCUMENT
    for step in path:
        value = value[step]  # type: ignore[index]
    if isinstance(value, str):
        edge = draw(st.text(st.sampled_from(_EDGES), max_size=2))
        return draw(st.sampled_from([edge + value, value + edge, value[:1] + edge, edge]))
    if isinstance(value, int) and not isinstance(value, bool):
        return draw(st.sampled_from([float(value), value + 1, -1, value * 10**6, str(value)]))
    return draw(st.sampled_from([None, [], {}, "", 0]))


_ANY = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text()
    | st.sampled_from(
        ["2021-02-30", "2021-9-1", "20210901", "2021-09-01\n", "99.90%", "1.9万", "前50名", "高职"]
    )
)


@given(st.data())
def test_schema_is_the_loader_field_by_field(data: st.DataObject) -> None:
    """Any value at any place: the schema (format checking on) and the loader agree, but where
    the loader refuses a relation between fields only."""
    path = data.draw(st.sampled_from(PLACES))
    value = data.draw(_near(path) | _ANY)
    document = _changed(path, value)
    schema_ok = FORMAT_VALIDATOR.is_valid(document)
    issues: tuple[Issue, ...] = ()
    try:
        loads_json(json.dumps(document))
    except DataError as exc:
        issues = exc.issues
    if not issues:
        assert schema_ok, (path, value, list(FORMAT_VALIDATOR.iter_errors(document))[:1])
    elif schema_ok:
        assert all(any(r in i.message for r in RELATIONS) for i in issues), (path, value, issues)


@pytest.mark.parametrize(
    ("path", "value", "valid"),
    [
        (("proactive", "admissions", "planned"), 5300.0, True),  # JSON's integer 5300
        (("proactive", "admissions", "planned"), 5300.5, False),
        (("institution",), "湖南\ud800", False),
        (("institution",), "湖南\U0001f600", True),
        (("period", "start"), "2021-02-30", False),
        (("period", "start"), "20210901", False),
        (("overview", "media"), None, True),
        (("checklist",), None, True),
        (("institution",), "湖南\x1c", False),
        (("institution",), "湖南\x1f", False),
        (("institution",), "湖南\x85机电", False),
        (("institution",), "湖南\ufeff", True),
        (("institution",), "\ufeff湖南\x1f机电", True),
        (("proactive", "admissions", "admission_rate"), "99.90%\n", False),
        (("overview", "initiatives", 0, "title"), "细化。内容", False),
        (("other", "contact", "office"), "办公室：", False),
    ],
)
def test_the_issue_cases(path: tuple[str | int, ...], value: object, valid: bool) -> None:
    """The cases where the two once disagreed: each is valid to both or to neither."""
    document = _changed(path, value)
    assert FORMAT_VALIDATOR.is_valid(document) is valid
    if valid:
        loads_json(json.dumps(document))
    else:
        with pytest.raises(DataError):
            loads_json(json.dumps(document))
