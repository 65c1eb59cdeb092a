"""No input makes the readers fail with anything but their documented errors."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hnjd_disclosure.errors import ParseError, TextTooLargeError
from hnjd_disclosure.parse import (
    MAX_CHARS,
    audit_text,
    extract_figures,
    parse_report,
    read_header,
)

from .conftest import DATA

PUBLISHED = (DATA / "hnjd-2022-report.txt").read_text(encoding="utf-8")
# characters the readers treat specially, so random text often reaches the interesting paths
_SPECIAL = (
    "0123456789.,%\uff05\uff0e，。、；：:（）()《》〔〕一二三四五六七八九十"
    "是个人名件条万亿占比率为较上年提高\n\t \u3000|"
)


def _all_readers(text: str) -> None:
    error: ParseError | None = None
    try:
        parse_report(text)
    except ParseError as exc:
        error = exc
    if error is not None:
        assert min(error.line, error.column) >= 1
    extract_figures(text)
    read_header(text)
    audit_text(text)


@given(st.text())
def test_arbitrary_unicode(text: str) -> None:
    _all_readers(text)


@given(st.text(alphabet=_SPECIAL, max_size=300))
def test_report_alphabet(text: str) -> None:
    _all_readers(text)


@st.composite
def mangled(draw: st.DrawFn) -> str:
    """The published text with random cuts, duplications and character swaps."""
    text = PUBLISHED
    for _ in range(draw(st.integers(1, 6))):
        n = len(text)
        i = draw(st.integers(0, max(0, n - 1)))
        j = draw(st.integers(i, min(n, i + 200)))
        op = draw(st.sampled_from(["cut", "dup", "swap", "insert"]))
        if op == "cut":
            text = text[:i] + text[j:]
        elif op == "dup":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "swap" and j - i >= 2:
            text = text[:i] + text[j - 1] + text[i + 1 : j - 1] + text[i] + text[j:]
        else:
            text = text[:i] + draw(st.text(alphabet=_SPECIAL, max_size=5)) + text[i:]
    return text


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(mangled())
def test_mangled_published_text(text: str) -> None:
    _all_readers(text)


@pytest.mark.parametrize(
    "text",
    [
        "录取" + "9" * 100_000 + "人",
        "%" * 100_000,
        "1" * 100_000 + "%",
        "1%" * 20_000,
        "1," * 20_000 + "人",
        "《" * 50_000,
        "全文包括" + "和" * 50_000 + "等八个部分",
        "计划招生" + " " * 50_000 + "5人",
        PUBLISHED.replace("5300", "5" * 100_000),
    ],
    ids=[
        "digits",
        "percents",
        "digits-percent",
        "many-percents",
        "commas",
        "brackets",
        "he",
        "spaces",
        "long-figure-in-report",
    ],
)
def test_pathological_inputs_complete(text: str) -> None:
    """Inputs built to make a regex backtrack finish (times are measured in benchmarks/)."""
    _all_readers(text)


def test_size_limit() -> None:
    """Beyond MAX_CHARS every reader refuses the text with TextTooLargeError."""
    text = " " * (MAX_CHARS + 1)
    for reader in (parse_report, extract_figures, read_header, audit_text):
        with pytest.raises(TextTooLargeError) as info:
            reader(text)
        assert info.value.limit == MAX_CHARS


def test_ten_megabytes_complete() -> None:
    """A 10 MB text (the report repeated) is read to the end; times are in benchmarks/."""
    copies = 10_000_000 // len(PUBLISHED.encode("utf-8")) + 1
    text = PUBLISHED * copies
    assert len(text.encode("utf-8")) >= 10_000_000
    _all_readers(text)
    assert len(extract_figures(text)) == copies * len(extract_figures(PUBLISHED))
