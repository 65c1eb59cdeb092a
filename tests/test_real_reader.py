"""The text reader on real reports (tests/data/real): no false finding, every seeded slip
found, most percentages linked to the part and whole the text gives, and the same results
from the web-page and Word copies.

The measurement is ``benchmarks/real_corpus.py`` (which prints the numbers per rule); this
test holds its results to the bars of issue 10.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from hnjd_disclosure.io import read_report_text
from hnjd_disclosure.parse import audit_text, extract_figures

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "real"


@cache
def _summary() -> dict[str, Any]:
    spec = importlib.util.spec_from_file_location(
        "real_corpus", ROOT / "benchmarks" / "real_corpus.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    tally = module.Tally()
    for path in sorted(CORPUS.glob("*.txt")):
        name = path.name.removesuffix(".txt")
        truth = json.loads((CORPUS / f"{name}.truth.json").read_text(encoding="utf-8"))
        tally.texts += 1
        tally.seeded += name.startswith("seeded-")
        module.measure_text(name, module.body_of(path), truth, tally, False)
    summary: dict[str, Any] = module.summary(tally)
    return summary


def test_no_false_finding_on_the_whole_corpus() -> None:
    """A finding accuses a published report: none may be false (warnings included)."""
    summary = _summary()
    assert summary["texts"] >= 30
    assert summary["false_findings"] == 0, summary["rules"]


def test_every_slip_is_found() -> None:
    """Every slip of the corpus — the seeded ones and the two real ones — is found."""
    summary = _summary()
    assert summary["slips"] >= 10
    assert summary["slips_found"] == summary["slips"]


def test_percentages_are_linked_to_the_part_and_whole_the_text_gives() -> None:
    """At least 90% of the percentages the truth links are linked to the same counts."""
    assert _summary()["link_accuracy"] >= 0.90


def test_periods() -> None:
    summary = _summary()
    assert summary["periods_spurious"] == 0
    assert summary["periods_right"] >= summary["periods"] - 2


def _key(figures: Any) -> list[tuple[object, ...]]:
    return [
        (
            f.kind,
            f.value,
            f.text,
            f.label,
            f.basis,
            None if f.part is None else (f.part.value, f.part.label),
            None if f.whole is None else (f.whole.value, f.whole.label),
        )
        for f in figures
    ]


@pytest.mark.parametrize("stem", sorted(p.stem for p in CORPUS.glob("*.html")), ids=lambda s: s)
def test_web_page_and_word_copies_give_the_same_figures_and_links(stem: str) -> None:
    """A real table as a web page and as a Word file made from the same cells: the same
    figures, links and findings, and its percentages linked."""
    pytest.importorskip("docx")
    page = read_report_text(str(CORPUS / f"{stem}.html"))
    word = read_report_text(str(CORPUS / f"{stem}.docx"))
    assert _key(extract_figures(page)) == _key(extract_figures(word))
    assert any(k[4] is not None for k in _key(extract_figures(page)))
    assert [(f.rule, f.severity, f.published, f.computed) for f in audit_text(page)] == [
        (f.rule, f.severity, f.published, f.computed) for f in audit_text(word)
    ]
