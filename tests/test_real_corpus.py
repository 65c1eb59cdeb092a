"""The real-text corpus (tests/data/real) is consistent: texts, links, truth, seeded copies.

These tests check the corpus itself, not the readers: ``benchmarks/real_corpus.py`` measures
the readers on it.
"""

from __future__ import annotations

import json
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from .data.real import build_truth as bt
from .data.real import make_formats as mf
from .data.real import make_seeded as ms

REAL = Path(__file__).parent / "data" / "real"
SLUGS = bt.slugs(REAL)
ORIGINALS = [s for s in SLUGS if not s.startswith("seeded-")]
SEEDED = [s for s in SLUGS if s.startswith("seeded-")]


def links_of(slug: str) -> dict[str, Any]:
    return tomllib.loads((REAL / f"{slug}.links.toml").read_text(encoding="utf-8"))


def body_of(slug: str) -> str:
    return bt.split_text((REAL / f"{slug}.txt").read_text(encoding="utf-8"), slug)[1]


def test_at_least_30_texts_from_20_institutions() -> None:
    assert len(ORIGINALS) >= 30
    institutions = {links_of(slug)["institution"] for slug in ORIGINALS}
    assert len(institutions) >= 20
    assert all(links_of(slug).get("layout") for slug in ORIGINALS)


@pytest.mark.parametrize("slug", SLUGS)
def test_text_has_source_links_and_current_truth(slug: str) -> None:
    raw = (REAL / f"{slug}.txt").read_text(encoding="utf-8")
    assert raw.startswith(("source: http://", "source: https://"))
    source, body = bt.split_text(raw, slug)
    assert body.strip()
    assert (REAL / f"{slug}.links.toml").exists()
    # Rebuilding the truth in memory gives the committed file, byte for byte.
    committed = (REAL / f"{slug}.truth.json").read_text(encoding="utf-8")
    assert bt.build(slug, REAL) == committed
    assert json.loads(committed)["source"] == source


def test_every_links_and_truth_file_has_its_text() -> None:
    for suffix in (".links.toml", ".truth.json"):
        stems = {p.name.removesuffix(suffix) for p in REAL.glob(f"*{suffix}")}
        assert stems == set(SLUGS)


def test_the_seeded_copies_are_the_scripts() -> None:
    assert len(SEEDED) >= 6
    assert {f"seeded-{seed.slug}" for seed in ms.SEEDS} == set(SEEDED)
    for seed in ms.SEEDS:
        text, links = ms.seeded_files(seed)
        assert (REAL / f"seeded-{seed.slug}.txt").read_text(encoding="utf-8") == text
        assert (REAL / f"seeded-{seed.slug}.links.toml").read_text(encoding="utf-8") == links


def _spans(truth: dict[str, Any]) -> list[tuple[str, list[int]]]:
    """Every place of a slip in a truth file, with the kind of item it belongs to."""
    out = [("percent", p["span"]) for p in truth["percents"] if p["verdict"] == "slip"]
    for s in truth["sums"]:
        if s["verdict"] == "slip":
            out += [("sum", s["total_span"])] + [("sum", x) for x in s["parts_spans"]]
    out += [("count", c["span"]) for c in truth["counts"] if c["verdict"] == "slip"]
    return out


@pytest.mark.parametrize("seed", ms.SEEDS, ids=lambda seed: seed.slug)
def test_a_seeded_text_differs_from_its_original_in_one_figure(seed: ms.Seed) -> None:
    original, seeded = body_of(seed.slug), body_of(f"seeded-{seed.slug}")
    start, end = bt.locate(original, seed.original, seed.at, seed.slug)
    assert seeded == original[:start] + seed.changed + original[end:]
    assert len(seeded) == len(original)
    differ = [i for i, (a, b) in enumerate(zip(original, seeded, strict=True)) if a != b]
    assert differ
    assert start <= differ[0]
    assert differ[-1] < end
    # One figure: the changed characters are digits of one printed number.
    assert all(original[i].isdigit() and seeded[i].isdigit() for i in differ)
    assert bt.parse_number(seed.original) != bt.parse_number(seed.changed)
    # The truth of the copy records the changed spot as a slip, and the original has none there.
    new_end = start + len(seed.changed)
    truth = json.loads((REAL / f"seeded-{seed.slug}.truth.json").read_text(encoding="utf-8"))
    assert any(a < new_end and start < b for _, (a, b) in _spans(truth))
    before = json.loads((REAL / f"{seed.slug}.truth.json").read_text(encoding="utf-8"))
    assert not any(a < end and start < b for _, (a, b) in _spans(before))
    assert links_of(f"seeded-{seed.slug}")["seeded"]["from"] == seed.slug


def test_the_seeds_cover_each_kind_of_slip() -> None:
    kinds = set()
    for seed in ms.SEEDS:
        truth = json.loads((REAL / f"seeded-{seed.slug}.truth.json").read_text(encoding="utf-8"))
        kinds |= {kind for kind, _ in _spans(truth)}
    assert kinds == {"percent", "sum", "count"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,234人", Decimal(1234)),
        ("\uff11\uff12\uff13", Decimal(123)),  # full-width digits
        ("338.8647萬人", Decimal("3388647")),
        ("7 4 . 0 5 %", Decimal("74.05")),
        ("36,654.8", Decimal("36654.8")),
    ],
)
def test_printed_numbers_parse(text: str, value: Decimal) -> None:
    assert bt.parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "count"), [("5 个", 5), ("七个", 7), ("二十八个", 28), ("兩部份", 2), ("十五", 15)]
)
def test_stated_counts_parse(text: str, count: int) -> None:
    assert bt.parse_cardinal(text) == count


def test_occurrences_skip_parts_of_longer_numbers() -> None:
    body = "1107人，107人，44.05%，1,107人，44人"
    assert bt.occurrences(body, "107") == [6]
    assert bt.occurrences(body, "44") == [25]


@pytest.mark.parametrize(
    ("printed", "part", "whole", "verdict", "cause"),
    [
        ("12.5%", "1", "8", "ok", None),
        ("13%", "1", "8", "ok", None),
        ("12%", "1", "8", "slip", "half-even"),
        ("66.66%", "2", "3", "slip", "truncated"),
        ("60%", "2", "3", "slip", "wrong"),
    ],
)
def test_percentages_are_computed_exactly(
    printed: str, part: str, whole: str, verdict: str, cause: str | None
) -> None:
    raw = f"source: https://example.org/\n\n共{whole}人，其中{part}人，占{printed}。"
    links = {"percent": [{"text": printed, "part": f"{part}人", "whole": f"{whole}人"}]}
    truth = bt.truth_of(raw, links)
    assert (truth["percents"][0]["verdict"], truth["percents"][0]["cause"]) == (verdict, cause)


def test_ratios_are_computed_both_ways() -> None:
    raw = (
        "source: https://example.org/\n\n男生3627人，女生1414人，男女比例为2.57:1，女男比例1:0.39。"
    )
    links = {
        "percent": [
            {"text": "2.57:1", "part": "3627人", "whole": "1414人", "kind": "ratio"},
            {"text": "1:0.39", "part": "3627人", "whole": "1414人", "kind": "ratio"},
        ]
    }
    truth = bt.truth_of(raw, links)
    assert [p["computed"] for p in truth["percents"]] == ["2.57:1", "1:0.39"]
    assert [p["verdict"] for p in truth["percents"]] == ["ok", "ok"]


def test_a_missing_string_or_an_unannotated_percentage_fails_loudly() -> None:
    raw = "source: https://example.org/\n\n共8人，占12.5%，另占3%。"
    with pytest.raises(bt.CorpusError, match="not found"):
        bt.truth_of(raw, {"percent": [{"text": "12.6%"}]})
    with pytest.raises(bt.CorpusError, match="not annotated"):
        bt.truth_of(raw, {"percent": [{"text": "12.5%"}]})


@pytest.mark.parametrize("slug", sorted(mf.FORMATS))
def test_the_web_page_and_word_copies_hold_the_texts_cells(slug: str) -> None:
    import docx

    assert (REAL / f"{slug}.html").read_text(encoding="utf-8") == mf.html_of(slug)
    blocks = mf.blocks_of(slug)
    document = docx.Document(str(REAL / f"{slug}.docx"))
    assert [p.text for p in document.paragraphs] == [b for b in blocks if isinstance(b, str)]
    tables = [b for b in blocks if isinstance(b, mf.Table)]
    assert len(document.tables) == len(tables)
    for table, expected in zip(document.tables, tables, strict=True):
        assert [[cell.text for cell in row.cells] for row in table.rows] == mf.grid(expected)
