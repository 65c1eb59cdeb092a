"""The words of findings: one writer per kind of finding, the JSON contract, the tables."""

from __future__ import annotations

import typing

import pytest

from hnjd_disclosure import builtin_report
from hnjd_disclosure.audit import Findings, audit
from hnjd_disclosure.finding import (
    Cause,
    Detail,
    Finding,
    Note,
    PartCount,
    Rule,
    Severity,
)
from hnjd_disclosure.render import findings as present


class TestWords:
    def test_every_kind_of_finding_has_words(self) -> None:
        """Each class a finding may rest on has its writer (a new one cannot be forgotten)."""
        kinds = set(typing.get_args(Detail))
        assert kinds <= set(present._words.registry)

    def test_an_unknown_detail_is_refused(self) -> None:
        """A finding resting on something else is a TypeError, not an empty message."""
        f = Finding(
            path="",
            rule="mine",
            severity=Severity.ERROR,
            published=None,
            computed=None,
            cause=None,
            detail="why",  # type: ignore[arg-type]
        )
        with pytest.raises(TypeError, match="no words"):
            present.message_zh(f)

    def test_every_cause_of_a_rate_has_words(self) -> None:
        """The causes a rate finding can have are each written in Chinese and English."""
        rounding = {Cause.HALF_EVEN, Cause.TRUNCATED, Cause.LAST_DIGIT, Cause.WRONG}
        assert set(present.CAUSE_WORDS) == rounding

    def test_a_text_finding(self) -> None:
        """A finding of a text is written from its figures, as before it was data."""
        f = Finding(
            path="",
            rule=Rule.STATED_CARDINALITY,
            severity=Severity.WARNING,
            published="8",
            computed="7",
            cause=None,
            detail=PartCount(stated=8, listed=7),
            span=(3, 7),
        )
        assert present.message_zh(f) == "所述8个部分，实际列出7个"
        assert present.finding_dict(f)["span"] == [3, 7]


class TestTables:
    def test_html_and_markdown_are_the_notebook_display(self) -> None:
        """Findings show in a notebook through the presentation module, unchanged."""
        findings = audit(builtin_report(2022))
        assert findings._repr_html_() == present.findings_html(findings)
        assert findings._repr_markdown_() == present.findings_markdown(findings)
        assert "审核结果：1项" in findings._repr_html_()

    def test_a_rule_of_your_own(self) -> None:
        """A finding with a rule id of its own and its own words is written like the others."""
        note = Finding(
            path="year",
            rule="custom",
            severity=Severity.ERROR,
            published="2022",
            computed=None,
            cause=None,
            detail=Note(zh="自定义", en="custom"),
        )
        text = present.findings_text(Findings([note]))
        assert text == "错误 ERROR year [custom]\n  自定义\n  custom\n"
        assert present.finding_dict(note)["rule"] == "custom"
