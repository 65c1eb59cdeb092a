"""One template per sentence: what the renderer writes from it, the reader reads back."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from hnjd_disclosure import ParseError, builtin_report
from hnjd_disclosure import _templates as t
from hnjd_disclosure.parse._template import read_template
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
