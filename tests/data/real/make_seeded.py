"""Write seeded copies of a few real texts, each with exactly one printed figure changed.

For every seed, ``seeded-<slug>.txt`` is the text ``<slug>.txt`` with one occurrence of a
printed figure replaced, and ``seeded-<slug>.links.toml`` is the original's links with
every reference moved to the same figure in the new body (and the changed figure's own
reference rewritten), plus a ``[seeded]`` table saying what was changed. The truth of the
copies is then computed by ``build_truth.py`` like any other text: the changed spot comes
out with the verdict ``"slip"``.

Run: ``python tests/data/real/make_seeded.py && python tests/data/real/build_truth.py``.
Standard library only.
"""

from __future__ import annotations

import json
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Run as a script: the checkout's root on the path makes the corpus package importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from tests.data.real import build_truth as bt

HERE = bt.HERE


@dataclass(frozen=True)
class Seed:
    """One printed figure to change: its text and occurrence, what to write, and why."""

    slug: str
    original: str
    at: int
    changed: str
    what: str


SEEDS: tuple[Seed, ...] = (
    Seed("henan-college-a-employment-2022", "4.77%", 2, "4.47%", "a share in a pipe table"),
    Seed("tianjin-college-employment-2022", "80.37%", 1, "83.07%", "a rate in a pipe table"),
    Seed("whu-graduates-2013", "6668", 2, "6686", "a total row cell, one cell per line"),
    Seed("afc-disclosure-2022", "8个", 1, "9个", "a stated count of parts"),
    Seed("sichuan-college-employment-2022", "5 个", 1, "6 个", "a stated count before its list"),
    Seed("whu-freshmen-2017", "62.13%", 1, "66.13%", "a rate written in prose"),
    Seed("liaoning-univ-admissions-2022", "2806人", 1, "2860人", "a part of a 其中 list in prose"),
)

# The keys of a links file that name a printed string, each with its occurrence key.
_REFS = {
    "percent": (("text", "at"), ("part", "part_at"), ("whole", "whole_at")),
    "stated_count": (("text", "at"),),
    "sum": (("total", "total_at"),),
}


def _move(
    old_body: str, new_body: str, seed: Seed, span: tuple[int, int], text: str, at: int
) -> tuple[str, int]:
    """The (text, occurrence) in the new body of the reference ``text``/``at`` of the old."""
    start, _ = bt.locate(old_body, text, at, seed.slug)
    if start == span[0] and text == seed.original:
        text = seed.changed
    elif start >= span[1]:
        start += len(seed.changed) - len(seed.original)
    return text, bt.occurrence_of(new_body, text, start)


def seeded_links(links: dict[str, Any], old_body: str, new_body: str, seed: Seed) -> dict[str, Any]:
    """The links of the seeded copy: every reference moved to the new body."""
    span = bt.locate(old_body, seed.original, seed.at, seed.slug)
    out: dict[str, Any] = {
        k: v for k, v in links.items() if not isinstance(v, list) or k == "period"
    }
    for table, keys in _REFS.items():
        entries: list[dict[str, Any]] = []
        for entry in links.get(table, []):
            moved = dict(entry)
            for key, at_key in keys:
                if key in entry:
                    text, at = _move(
                        old_body, new_body, seed, span, entry[key], int(entry.get(at_key, 1))
                    )
                    moved[key], moved[at_key] = text, at
            if table == "sum":
                moved["parts"] = [
                    list(_move(old_body, new_body, seed, span, str(t), int(a)))
                    for t, a in entry["parts"]
                ]
            entries.append(moved)
        if entries:
            out[table] = entries
    out["seeded"] = {
        "from": seed.slug,
        "original": seed.original,
        "changed": seed.changed,
        "at": bt.occurrence_of(new_body, seed.changed, span[0]),
        "what": seed.what,
    }
    return out


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"no TOML for {value!r}")


def to_toml(links: dict[str, Any]) -> str:
    """A links file's text (scalars and string lists first, then the tables)."""
    lines = [f"{k} = {_value(v)}" for k, v in links.items() if not isinstance(v, dict | list)]
    if "period" in links:
        lines.append(f"period = {_value(links['period'])}")
    for table in ("percent", "sum", "stated_count"):
        for entry in links.get(table, []):
            lines += ["", f"[[{table}]]"] + [f"{k} = {_value(v)}" for k, v in entry.items()]
    if "seeded" in links:
        lines += ["", "[seeded]"] + [f"{k} = {_value(v)}" for k, v in links["seeded"].items()]
    return "\n".join(lines) + "\n"


def seeded_files(seed: Seed) -> tuple[str, str]:
    """The content of ``seeded-<slug>.txt`` and of its links file."""
    raw = (HERE / f"{seed.slug}.txt").read_text(encoding="utf-8")
    source, body = bt.split_text(raw, seed.slug)
    links = tomllib.loads((HERE / f"{seed.slug}.links.toml").read_text(encoding="utf-8"))
    start, end = bt.locate(body, seed.original, seed.at, seed.slug)
    new_body = body[:start] + seed.changed + body[end:]
    new_links = seeded_links(links, body, new_body, seed)
    return f"source: {source}\n\n{new_body}", to_toml(new_links)


def main() -> int:
    for seed in SEEDS:
        text, links = seeded_files(seed)
        (HERE / f"seeded-{seed.slug}.txt").write_text(text, encoding="utf-8")
        (HERE / f"seeded-{seed.slug}.links.toml").write_text(links, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
