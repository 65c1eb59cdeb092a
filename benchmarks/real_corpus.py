"""Measure the readers on the real-text corpus (tests/data/real): printed, never asserted.

Run: ``.venv/bin/python benchmarks/real_corpus.py [--verbose] [--json]``.

For every text of the corpus (the real ones and their seeded copies) the body goes through
the public readers only, and what comes back is compared with the text's truth file:

* ``audit_text``: a finding is *true* when its span overlaps a truth item whose verdict is
  ``slip`` (a percentage or ratio; a sum's total or any of its parts; a stated count), else
  *false*. Per rule: findings, false ones, false errors, precision; and, for the rule that
  checks each kind of truth item, recall (slips with an overlapping finding of that rule ÷
  slips of that kind). Overall recall counts a slip found by a finding of any rule.
* ``extract_figures``: a truth percentage (or ratio) with both part and whole is linked
  right when the figure at the same place has ``part`` and ``whole`` at the places of the
  truth's. Places are compared by the offset of the first digit, so ``1029`` and ``1029人``
  are the same place.
* ``read_header``: the reporting period, on the texts whose truth has one; a period read
  from a text whose truth has none is counted as spurious.

``--verbose`` prints, per text, the false findings with their sentence and the slips no
finding overlaps; ``--json`` prints the summary as one JSON object instead of the table.
Exits 0.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from hnjd_disclosure.finding import Rule
from hnjd_disclosure.parse import audit_text, extract_figures, read_header

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "real"
# The rule whose business each kind of truth item is.
RULE_OF = {
    "percent": Rule.RATE_MATCHES_COUNTS,
    "sum": Rule.PARTS_SUM_TO_WHOLE,
    "count": Rule.STATED_CARDINALITY,
}
_DIGIT = re.compile(r"[0-9\uff10-\uff19]")
_SENTENCE_END = "。；;！？!?\n"


@dataclass
class Slip:
    """A truth item whose verdict is ``slip``: its kind, its places, and who found it."""

    kind: str
    label: str
    spans: list[tuple[int, int]]
    found_by: set[str] = field(default_factory=set)


@dataclass
class Tally:
    """What the readers did on the corpus."""

    texts: int = 0
    seeded: int = 0
    findings: Counter[str] = field(default_factory=Counter)
    false: Counter[str] = field(default_factory=Counter)
    false_errors: Counter[str] = field(default_factory=Counter)
    slips: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    found_any: int = 0
    links: int = 0
    links_right: int = 0
    links_same_place: int = 0
    periods: int = 0
    periods_right: int = 0
    periods_spurious: int = 0


def body_of(path: Path) -> str:
    """A corpus text's body: what follows its ``source:`` line and the empty line."""
    raw = path.read_text(encoding="utf-8")
    return raw.split("\n", 2)[2]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two character spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def place(text: str, span: tuple[int, int] | list[int]) -> int:
    """Where a printed figure is: the offset of its first digit (its start if none)."""
    start, end = span[0], span[1]
    match = _DIGIT.search(text, start, end)
    return match.start() if match else start


def sentence_at(text: str, span: tuple[int, int]) -> str:
    """The sentence (or table line) around a span, for printing."""
    start = max((text.rfind(c, 0, span[0]) for c in _SENTENCE_END), default=-1) + 1
    ends = [i for i in (text.find(c, span[1]) for c in _SENTENCE_END) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return text[start:end].strip()


def slips_of(truth: dict[str, Any]) -> list[Slip]:
    """The truth items of a text whose verdict is ``slip``."""
    out = [
        Slip("percent", p["text"], [tuple(p["span"])])
        for p in truth["percents"]
        if p["verdict"] == "slip"
    ]
    out += [
        Slip(
            "sum",
            f"{s['total']} (parts add up to {s['added']})",
            [tuple(s["total_span"]), *(tuple(x) for x in s["parts_spans"])],
        )
        for s in truth["sums"]
        if s["verdict"] == "slip"
    ]
    out += [
        Slip("count", c["text"], [tuple(c["span"])])
        for c in truth["counts"]
        if c["verdict"] == "slip"
    ]
    return out


def measure_text(name: str, body: str, truth: dict[str, Any], tally: Tally, verbose: bool) -> None:
    """Run the readers on one body and add what they did to the tally."""
    slips = slips_of(truth)
    false_lines: list[str] = []
    for finding in audit_text(body):
        rule = finding.rule
        tally.findings[rule] += 1
        span = finding.span
        hit = [s for s in slips if span is not None and any(overlaps(span, x) for x in s.spans)]
        for slip in hit:
            slip.found_by.add(rule)
        if not hit:
            tally.false[rule] += 1
            if finding.severity.value == "error":
                tally.false_errors[rule] += 1
            where = sentence_at(body, span) if span is not None else "(no span)"
            false_lines.append(
                f"  FALSE {finding.severity.value} [{rule}] {finding.published} "
                f"(computed {finding.computed}): {where}"
            )
    missed: list[str] = []
    for slip in slips:
        tally.slips[slip.kind] += 1
        if RULE_OF[slip.kind] in slip.found_by:
            tally.found[slip.kind] += 1
        if slip.found_by:
            tally.found_any += 1
        else:
            missed.append(f"  MISSED {slip.kind} {slip.label}")

    figures = {place(body, f.span): f for f in extract_figures(body)}
    wrong_links: list[str] = []
    for p in truth["percents"]:
        if p["part"] is None or p["whole"] is None:
            continue
        tally.links += 1
        figure = figures.get(place(body, p["span"]))
        part_ok = figure is not None and figure.part is not None
        whole_ok = figure is not None and figure.whole is not None
        same_place = False
        if figure is not None and figure.part is not None and figure.whole is not None:
            part_ok = place(body, figure.part.span) == place(body, p["part"]["span"])
            whole_ok = place(body, figure.whole.span) == place(body, p["whole"]["span"])
            same_place = part_ok and whole_ok
            # the same number printed at another place (本科毕业生7448人 in the prose and 7448
            # in the table) is the same part or whole
            part_ok = part_ok or figure.part.value == Decimal(p["part"]["value"])
            whole_ok = whole_ok or figure.whole.value == Decimal(p["whole"]["value"])
        tally.links_same_place += same_place
        if part_ok and whole_ok:
            tally.links_right += 1
        else:
            wrong_links.append(f"  LINK {p['text']} = {p['part']['text']} / {p['whole']['text']}")

    header = read_header(body)
    got = header.period_start, header.period_end
    period = truth["period"]
    if period is not None:
        tally.periods += 1
        if [d.isoformat() if d else None for d in got] == period:
            tally.periods_right += 1
    elif got != (None, None):
        tally.periods_spurious += 1

    if verbose and (false_lines or missed or wrong_links):
        print(f"{name}:")
        for line in false_lines + missed + wrong_links:
            print(line)


def ratio(n: int, d: int) -> float | None:
    """``n / d``, or None when there is nothing to divide."""
    return n / d if d else None


def summary(tally: Tally) -> dict[str, Any]:
    """The numbers of a run, JSON-ready."""
    rules = sorted(set(tally.findings) | set(RULE_OF.values()))
    kind_of = {rule: kind for kind, rule in RULE_OF.items()}
    per_rule: dict[str, Any] = {}
    for rule in rules:
        n, false = tally.findings[rule], tally.false[rule]
        kind = kind_of.get(rule)
        per_rule[rule] = {
            "findings": n,
            "false": false,
            "false_errors": tally.false_errors[rule],
            "precision": ratio(n - false, n),
            "slips": tally.slips[kind] if kind else None,
            "found": tally.found[kind] if kind else None,
            "recall": ratio(tally.found[kind], tally.slips[kind]) if kind else None,
        }
    all_slips = sum(tally.slips.values())
    all_findings = sum(tally.findings.values())
    all_false = sum(tally.false.values())
    return {
        "texts": tally.texts,
        "seeded": tally.seeded,
        "rules": per_rule,
        "findings": all_findings,
        "false_findings": all_false,
        "false_errors": sum(tally.false_errors.values()),
        "precision": ratio(all_findings - all_false, all_findings),
        "slips": all_slips,
        "slips_found": tally.found_any,
        "recall": ratio(tally.found_any, all_slips),
        "links": tally.links,
        "links_right": tally.links_right,
        "link_accuracy": ratio(tally.links_right, tally.links),
        "links_same_place": tally.links_same_place,
        "link_accuracy_same_place": ratio(tally.links_same_place, tally.links),
        "periods": tally.periods,
        "periods_right": tally.periods_right,
        "periods_spurious": tally.periods_spurious,
    }


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def print_table(s: dict[str, Any]) -> None:
    """The summary as a few aligned lines."""
    print(f"real-text corpus: {s['texts']} texts ({s['seeded']} of them seeded copies)")
    head = f"{'rule':<24}{'findings':>9}{'false':>7}{'false err':>10}{'precision':>10}"
    print(head + f"{'slips':>7}{'found':>7}{'recall':>8}")
    for rule, r in s["rules"].items():
        slips = "" if r["slips"] is None else str(r["slips"])
        found = "" if r["found"] is None else str(r["found"])
        recall = "" if r["slips"] is None else _pct(r["recall"])
        print(
            f"{rule:<24}{r['findings']:>9}{r['false']:>7}{r['false_errors']:>10}"
            f"{_pct(r['precision']):>10}{slips:>7}{found:>7}{recall:>8}"
        )
    print(
        f"all rules: {s['findings']} findings, {s['false_findings']} false "
        f"({s['false_errors']} of them errors), precision {_pct(s['precision'])}; "
        f"slips found by any rule {s['slips_found']}/{s['slips']} ({_pct(s['recall'])})"
    )
    print(
        f"links right: {s['links_right']}/{s['links']} ({_pct(s['link_accuracy'])}; "
        f"at the very places the truth names: {_pct(s['link_accuracy_same_place'])}); "
        f"periods right: {s['periods_right']}/{s['periods']}, "
        f"spurious: {s['periods_spurious']}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--verbose", action="store_true", help="per text: what went wrong")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args(argv)
    tally = Tally()
    for path in sorted(CORPUS.glob("*.txt")):
        name = path.name.removesuffix(".txt")
        truth = json.loads((CORPUS / f"{name}.truth.json").read_text(encoding="utf-8"))
        tally.texts += 1
        tally.seeded += name.startswith("seeded-")
        measure_text(name, body_of(path), truth, tally, args.verbose and not args.json)
    s = summary(tally)
    if args.json:
        print(json.dumps(s, ensure_ascii=False, indent=1, sort_keys=True))
    else:
        print_table(s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
