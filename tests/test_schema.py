"""The JSON Schema describes exactly what the loader accepts."""

from __future__ import annotations

import json

import attrs
import jsonschema
import pytest
from hypothesis import given

from hnjd_disclosure import builtin_report, dumps_json
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
