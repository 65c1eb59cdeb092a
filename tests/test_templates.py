"""One template per sentence: what the renderer writes from it, the reader reads back."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from hnjd_disclosure import ParseError, builtin_report
from hnjd_disclosure import _templates as t
from hnjd_disclosure.parse._template import find_template, read_template
from hnjd_disclosure.parse._text import Line
from hnjd_disclosure.render.text import write

REPORT = builtin_report(2022)
SENTENCES: list[tuple[t.Template, Any]] = [
    (t.PREAMBLE, REPORT),
    (t.MEDIA, REPORT.overview.media),
    (t.ADMISSIONS, REPORT.proactive.admissions),
    (t.REQUESTS, REPORT.requests.requests),
    (t.COMPLAINTS, REPORT.complaints),
]
IDS = [template.what for template, _ in SENTENCES]


def _value(source: object, field: str) -> object:
    for name in field.split("."):
        source = getattr(source, name)
    return source


def _fields(template: t.Template) -> list[str]:
    slots = [p for p in template.pieces if isinstance(p, t.Slot) and p.field]
    counts = [p.count for p in slots if isinstance(p, t.PartList | t.ProvinceList)]
    return [p.field for p in slots if not isinstance(p, t.Again)] + counts


class TestTemplates:
    @pytest.mark.parametrize(("template", "source"), SENTENCES, ids=IDS)
    def test_reads_what_it_writes(self, template: t.Template, source: object) -> None:
        """Every field of a template reads back as the value it was written from."""
        values = read_template(template, Line(write(template, source, year=2022), 1, 0), year=2022)
        assert values == {field: _value(source, field) for field in _fields(template)}

    @pytest.mark.parametrize(("template", "source"), SENTENCES, ids=IDS)
    def test_step_reader_names_the_literal_that_does_not_fit(
        self, template: t.Template, source: object
    ) -> None:
        """A literal with its last character changed is named, at its column, by the step reader."""
        text = write(template, source, year=2022)
        literal = next(p for p in reversed(template.pieces) if isinstance(p, str) and len(p) > 1)
        at = text.rindex(literal)
        end = at + len(literal)
        broken = text[: end - 1] + "X" + text[end:]
        with pytest.raises(ParseError) as info:
            read_template(template, Line(broken, 3, 2), year=2022)
        assert info.value.message.startswith(
            f"expected 「{literal}」, found 「{broken[at : at + 12]}」"
        )
        assert (info.value.line, info.value.column) == (3, 2 + at + 1)

    def test_literal_after_a_number_cannot_continue_it(self) -> None:
        """No literal after a whole number starts with a digit, a separator or a point."""
        for template, _ in SENTENCES:
            pieces = template.pieces
            for slot, after in itertools.pairwise(pieces):
                if isinstance(slot, t.Number | t.Year):
                    assert isinstance(after, str)
                    assert after[0] not in "0123456789,，.", template.what


SOUGHT: list[tuple[t.Template, Any]] = [
    (t.PROCUREMENT, REPORT.proactive.finance.procurement),
    (t.CONTACT, REPORT.other),
]


class TestSoughtTemplates:
    @pytest.mark.parametrize(("template", "source"), SOUGHT, ids=[s.what for s, _ in SOUGHT])
    def test_reads_what_it_writes(self, template: t.Template, source: object) -> None:
        """Every field of a template with a sought piece reads back as it was written from."""
        values = read_template(template, Line(write(template, source), 1, 0))
        fields = [p.field for p in template.pieces if isinstance(p, t.Slot) and p.field]
        assert values == {field: _value(source, field) for field in fields}

    @pytest.mark.parametrize(
        ("text", "lead", "notices", "tail"),
        [
            ("发布通知3条，共 131条，确保公开。", "发布通知3条，共", 131, "，确保公开。"),
            ("发布通知3条，另有 1,310 条。", "发布通知3条，另有", 1310, "。"),
        ],
    )
    def test_procurement_count_after_gong_else_the_last(
        self, text: str, lead: str, notices: int, tail: str
    ) -> None:
        """The count read is the one after 共, else the last; its spaces are not the lead's."""
        values = read_template(t.PROCUREMENT, Line(text, 1, 0))
        assert (values["lead"], values["notices"].value, values["tail"]) == (lead, notices, tail)

    def test_procurement_without_a_count_names_it(self) -> None:
        """A procurement line without a count in 条 is refused at its line."""
        with pytest.raises(ParseError, match="expected the procurement count 「…共N条…」") as info:
            read_template(t.PROCUREMENT, Line("发布公开信息若干。", 4, 2))
        assert (info.value.line, info.value.column) == (4, 3)

    @pytest.mark.parametrize(
        ("text", "intro", "office", "telephone"),
        [
            ("请联系：甲：党政办， 电话 ：0731。", "请联系：甲：", "党政办", "0731"),
            ("党政办，电话：1，电话：0731-2.", "党政办，电话：", "1", "0731-2"),
            ("请联系：党政办,电话:0731", "请联系：", "党政办", "0731"),
        ],
    )
    def test_contact_at_the_last_phone_marker(
        self, text: str, intro: str, office: str, telephone: str
    ) -> None:
        """The telephone follows the last 「，电话：」, the intro ends at the last colon before
        it, and the closing stop may be missing or half-width."""
        values = read_template(t.CONTACT, Line(text, 1, 0))
        got = (values["contact_intro"], values["contact.office"], values["contact.telephone"])
        assert got == (intro, office, telephone)

    def test_no_contact_without_the_marker(self) -> None:
        """A line without 「，电话：」 holds no contact."""
        assert find_template(t.CONTACT, Line("请联系党政办公室。", 1, 0)) is None
