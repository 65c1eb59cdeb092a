"""Compute the truth of the real-text corpus from its texts and their hand-written links.

Every ``<slug>.txt`` here holds ``source: URL``, an empty line, then the text as stored (the
*body*); every ``<slug>.links.toml`` says, by printed string and occurrence, what each
percentage divides, which totals the body lists parts of, and which stated counts
introduce a list. This script resolves those strings to offsets in the body, does the
arithmetic exactly (fractions, rounded half-up at the printed number of decimals) and
writes ``<slug>.truth.json``. Nothing in the truth is judged by eye.

Run: ``python tests/data/real/build_truth.py`` (``--check`` compares instead of writing and
exits 1 when a truth file is missing or stale). Standard library only.
"""

from __future__ import annotations

import json
import math
import re
import sys
import tomllib
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

# ASCII and full-width digits (U+FF10..U+FF19); full-width point, comma, percent and colon.
DIGITS = "0123456789" + "".join(chr(0xFF10 + i) for i in range(10))
_TO_ASCII = str.maketrans(
    {chr(0xFF10 + i): str(i) for i in range(10)} | {"．": ".", "，": ",", "％": "%", "：": ":"}
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_RATIO_SEPARATORS = ":\u2236："  # colon, RATIO (U+2236), full-width colon
_CN_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_CN_UNITS = {"十": 10, "百": 100}
_SCALE = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
# What a percentage or a ratio looks like when printed with its sign: every such match in
# a body must be covered by an annotated ``[[percent]]`` (bare numbers in a column headed
# 比例(%) cannot be found this way, and are annotated by reading).
_D = "0-9\uff10-\uff19"
_PERCENT_SIGNED = re.compile(rf"[{_D}](?:[{_D}.． ]*[{_D}])?\s*[%％]")
_RATIO_SIGNED = re.compile(r"(?<![0-9.])\d+(?:\.\d+)?[:\u2236：]\d+(?:\.\d+)?(?![0-9])")


class CorpusError(ValueError):
    """A text or its links do not fit the corpus format (the message says where)."""


def split_text(raw: str, name: str = "") -> tuple[str, str]:
    """The source URL and the body of a corpus file's content."""
    first, sep, rest = raw.partition("\n")
    if not first.startswith("source: ") or not sep:
        raise CorpusError(f"{name}: the first line must be 'source: URL'")
    blank, sep, body = rest.partition("\n")
    if blank or not sep:
        raise CorpusError(f"{name}: the second line must be empty")
    return first.removeprefix("source: ").strip(), body


def _is_digit(ch: str) -> bool:
    return ch != "" and ch in DIGITS


def occurrences(body: str, needle: str) -> list[int]:
    """Start offsets of ``needle`` in ``body`` that are not part of a longer number.

    A needle that begins with a digit does not match after a digit, a decimal point, or a
    thousands comma; one that ends with a digit does not match before a digit, or before
    ``.``/``,`` followed by a digit. So ``"107"`` is not found in ``"1107"`` nor ``"44"`` in
    ``"44.05%"``.
    """
    if not needle:
        raise CorpusError("empty string to find")
    starts: list[int] = []
    i = body.find(needle)
    while i >= 0:
        j = i + len(needle)
        ok = True
        if _is_digit(needle[0]) and i > 0:
            before = body[i - 1]
            if (
                _is_digit(before)
                or before in ".．"
                or (before in ",，" and i > 1 and _is_digit(body[i - 2]))
            ):
                ok = False
        if _is_digit(needle[-1]) and j < len(body):
            after = body[j]
            if _is_digit(after) or (
                after in ".．,，" and j + 1 < len(body) and _is_digit(body[j + 1])
            ):
                ok = False
        if ok:
            starts.append(i)
        i = body.find(needle, i + 1)
    return starts


def locate(body: str, text: str, at: int, where: str) -> tuple[int, int]:
    """The span of the ``at``-th (1-based) occurrence of ``text``; fails loudly."""
    found = occurrences(body, text)
    if at < 1 or at > len(found):
        raise CorpusError(f"{where}: {text!r} occurrence {at} not found ({len(found)} in body)")
    return found[at - 1], found[at - 1] + len(text)


def occurrence_of(body: str, text: str, start: int) -> int:
    """Which occurrence (1-based) of ``text`` begins at ``start``."""
    found = occurrences(body, text)
    if start not in found:
        raise CorpusError(f"{text!r} does not occur at offset {start}")
    return found.index(start) + 1


def parse_number(text: str) -> Decimal:
    """The value of a printed figure: ``1,234``, full-width digits, spaced digits, 万/亿."""
    folded = text.translate(_TO_ASCII).replace(" ", "").replace(",", "")
    match = _NUMBER.search(folded)
    if match is None:
        raise CorpusError(f"no number in {text!r}")
    value = Decimal(match.group())
    rest = folded[match.end() :]
    if rest[:1] in _SCALE:
        value *= _SCALE[rest[:1]]
    return value


def decimals_of(text: str) -> int:
    """How many decimals a printed number has."""
    folded = text.translate(_TO_ASCII).replace(" ", "").replace(",", "")
    match = _NUMBER.search(folded)
    if match is None:
        raise CorpusError(f"no number in {text!r}")
    _, _, frac = match.group().partition(".")
    return len(frac)


def parse_cardinal(text: str) -> int:
    """The count of ``5个``, ``31 个``, ``七个``, ``八部分``, ``二十八个``, ``六個``."""
    folded = text.translate(_TO_ASCII).replace(" ", "")
    match = re.match(r"\d+", folded)
    if match:
        return int(match.group())
    total, current, seen = 0, 0, False
    for ch in folded:
        if ch in _CN_DIGITS:
            current, seen = _CN_DIGITS[ch], True
        elif ch in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[ch]
            current, seen = 0, True
        else:
            break
    if not seen:
        raise CorpusError(f"no count in {text!r}")
    return total + current


def _round(value: Fraction, places: int, mode: str) -> Decimal:
    scaled = value * 10**places
    if mode == "half-up":
        n = math.floor(scaled + Fraction(1, 2))
    elif mode == "half-even":
        n = round(scaled)
    else:  # truncated
        n = math.floor(scaled)
    return Decimal(n).scaleb(-places)


def _plain(value: Decimal) -> str:
    """A Decimal without exponent or trailing zeros after the point."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _ratio_sides(text: str) -> tuple[str, str, str] | None:
    folded = text.replace(" ", "")
    for sep in _RATIO_SEPARATORS:
        if sep in folded:
            left, _, right = folded.partition(sep)
            return left, sep, right
    return None


def _printed_and_exact(
    text: str, kind: str, part: Fraction, whole: Fraction
) -> tuple[str, Fraction, str, str]:
    """The printed number, the exact value it stands for, and what is printed around it.

    A percentage is 100 times part ÷ whole; a ratio ``x:1`` (or a bare 生师比 ``20.55``) is
    part ÷ whole, and ``1:x`` is whole ÷ part. Other ratios (``7:5``) give ``""``.
    """
    folded = text.replace(" ", "")
    if kind == "percent":
        number = _NUMBER.search(folded.translate(_TO_ASCII))
        if number is None:
            raise CorpusError(f"no number in {text!r}")
        return text, part / whole * 100, "", folded[number.end() :]
    sides = _ratio_sides(text)
    if sides is None:
        return text, part / whole, "", ""
    left, sep, right = sides
    if parse_number(right) == 1:
        return left, part / whole, "", sep + right
    if parse_number(left) == 1:
        return right, whole / part, left + sep, ""
    return "", Fraction(0), "", ""


def _figure_ref(body: str, entry: dict[str, Any], key: str, where: str) -> dict[str, Any] | None:
    if key not in entry:
        return None
    text = entry[key]
    span = locate(body, text, int(entry.get(f"{key}_at", 1)), f"{where} {key}")
    return {"span": list(span), "text": text, "value": _plain(parse_number(text))}


def _percent_truth(body: str, entry: dict[str, Any], where: str) -> dict[str, Any]:
    text = entry["text"]
    kind = entry.get("kind", "percent")
    if kind not in ("percent", "ratio"):
        raise CorpusError(f"{where}: kind must be 'percent' or 'ratio', not {kind!r}")
    span = locate(body, text, int(entry.get("at", 1)), where)
    part = _figure_ref(body, entry, "part", where)
    whole = _figure_ref(body, entry, "whole", where)
    out: dict[str, Any] = {
        "span": list(span),
        "text": text,
        "kind": kind,
        "part": part,
        "whole": whole,
        "computed": None,
        "verdict": "unverifiable",
        "cause": None,
    }
    if part is None or whole is None:
        return out
    part_value, whole_value = Fraction(Decimal(part["value"])), Fraction(Decimal(whole["value"]))
    if whole_value == 0:
        raise CorpusError(f"{where}: whole is zero")
    printed_text, exact, prefix, suffix = _printed_and_exact(text, kind, part_value, whole_value)
    if printed_text == "":
        raise CorpusError(f"{where}: a ratio is checked only as x:1 or 1:x, not {text!r}")
    places = decimals_of(printed_text)
    printed = parse_number(printed_text)
    computed = _round(exact, places, "half-up")
    out["computed"] = f"{prefix}{computed}{suffix}"
    if computed == printed:
        out["verdict"] = "ok"
    else:
        out["verdict"] = "slip"
        if _round(exact, places, "half-even") == printed:
            out["cause"] = "half-even"
        elif _round(exact, places, "truncated") == printed:
            out["cause"] = "truncated"
        else:
            out["cause"] = "wrong"
    return out


def _sum_truth(body: str, entry: dict[str, Any], where: str) -> dict[str, Any]:
    total_text = entry["total"]
    total_span = locate(body, total_text, int(entry.get("total_at", 1)), f"{where} total")
    spans: list[list[int]] = []
    added = Decimal(0)
    for pair in entry["parts"]:
        if not (isinstance(pair, list) and len(pair) == 2):
            raise CorpusError(f"{where}: each part is [text, occurrence]")
        text, at = str(pair[0]), int(pair[1])
        spans.append(list(locate(body, text, at, f"{where} part")))
        added += parse_number(text)
    if len({tuple(s) for s in spans}) != len(spans):
        raise CorpusError(f"{where}: a part is listed twice")
    exhaustive = entry.get("exhaustive")
    if not isinstance(exhaustive, bool):
        raise CorpusError(f"{where}: exhaustive must be true or false")
    total = parse_number(total_text)
    ok = added == total if exhaustive else added <= total
    return {
        "total_span": list(total_span),
        "parts_spans": spans,
        "added": _plain(added),
        "total": _plain(total),
        "exhaustive": exhaustive,
        "verdict": "ok" if ok else "slip",
    }


def _count_truth(body: str, entry: dict[str, Any], where: str) -> dict[str, Any]:
    text = entry["text"]
    span = locate(body, text, int(entry.get("at", 1)), where)
    items = entry.get("items")
    if not isinstance(items, list):
        raise CorpusError(f"{where}: items must be a list (empty when the text gives none)")
    for item in items:
        if str(item) not in body:
            raise CorpusError(f"{where}: item {item!r} is not in the body")
    stated = parse_cardinal(text)
    listed = len(items) if items else None
    verdict = "unverifiable" if listed is None else ("ok" if listed == stated else "slip")
    return {
        "span": list(span),
        "text": text,
        "stated": stated,
        "listed": listed,
        "verdict": verdict,
    }


def _check_complete(body: str, percents: list[dict[str, Any]], name: str) -> None:
    covered = [tuple(p["span"]) for p in percents]
    for pattern in (_PERCENT_SIGNED, _RATIO_SIGNED):
        for match in pattern.finditer(body):
            a, b = match.span()
            if not any(s < b and a < e for s, e in covered):
                raise CorpusError(f"{name}: {match.group()!r} at {a} is not annotated")
    starts = [p["span"][0] for p in percents]
    if starts != sorted(starts) or len(set(starts)) != len(starts):
        raise CorpusError(f"{name}: [[percent]] entries must be in body order, each once")


def truth_of(raw: str, links: dict[str, Any], name: str = "") -> dict[str, Any]:
    """The truth of one text (its file content) and its parsed links."""
    source, body = split_text(raw, name)
    period = links.get("period")
    if period is not None and not (
        isinstance(period, list)
        and len(period) == 2
        and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(d)) for d in period)
    ):
        raise CorpusError(f"{name}: period must be two ISO dates")
    percents = [
        _percent_truth(body, e, f"{name} percent #{i + 1}")
        for i, e in enumerate(links.get("percent", []))
    ]
    _check_complete(body, percents, name)
    sums = [_sum_truth(body, e, f"{name} sum #{i + 1}") for i, e in enumerate(links.get("sum", []))]
    counts = [
        _count_truth(body, e, f"{name} stated_count #{i + 1}")
        for i, e in enumerate(links.get("stated_count", []))
    ]
    return {
        "source": source,
        "period": list(period) if period is not None else None,
        "percents": percents,
        "sums": sums,
        "counts": counts,
    }


def dumps(truth: dict[str, Any]) -> str:
    """The truth file's content: sorted keys, UTF-8 text, indent 1, final newline."""
    return json.dumps(truth, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def slugs(folder: Path = HERE) -> list[str]:
    """Every text of the corpus (seeded copies included), sorted."""
    return sorted(p.name.removesuffix(".txt") for p in folder.glob("*.txt"))


def build(slug: str, folder: Path = HERE) -> str:
    """The truth file content for one slug."""
    raw = (folder / f"{slug}.txt").read_text(encoding="utf-8")
    links_path = folder / f"{slug}.links.toml"
    if not links_path.exists():
        raise CorpusError(f"{slug}: no {links_path.name}")
    links = tomllib.loads(links_path.read_text(encoding="utf-8"))
    return dumps(truth_of(raw, links, slug))


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale: list[str] = []
    for slug in slugs():
        content = build(slug)
        path = HERE / f"{slug}.truth.json"
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != content:
                stale.append(path.name)
        else:
            path.write_text(content, encoding="utf-8")
    for name in stale:
        print(f"stale or missing: {name}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
