"""The JSON Schema describes exactly what the loader accepts."""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import given

from hnjd_disclosure import builtin_report, dumps_json
from hnjd_disclosure.model import AnnualReport
from hnjd_disclosure.schema import json_schema

from .strategies import reports

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
