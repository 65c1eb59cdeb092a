"""No input makes the readers fail with anything but their documented errors."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hnjd_disclosure.parse
from hnjd_disclosure._templates import PROCUREMENT
from hnjd_disclosure.errors import ParseError, TextTooLargeError
from hnjd_disclosure.parse import (
    MAX_CHARS,
    audit_text,
    extract_figures,
    parse_report,
    read_header,
)
from hnjd_disclosure.parse._template import read_template
from hnjd_disclosure.parse._text import Line
from hnjd_disclosure.parse.header import _PARTS

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


# -- linear growth, counted in steps (never in seconds) -------------------------------------

_PARSE_DIR = str(Path(hnjd_disclosure.parse.__file__).parent)


def _steps(
    reader: Callable[[str], object], text: str, files: tuple[str, ...] = (_PARSE_DIR,)
) -> int:
    """The lines of the readers' Python code (in ``files``) executed while reading ``text``."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(files) else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        with contextlib.suppress(ParseError, TextTooLargeError):
            reader(text)
    finally:
        sys.settrace(previous)
    return count


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "1  " * n,  # a table row of n cells split at two spaces
        lambda n: "|1" * n,  # a table row of n cells split at |
        lambda n: "1\t" * n,  # a table row of n cells split at tabs
        lambda n: " " * n + "1人" * n,  # one sentence of n figures after n spaces
        lambda n: "1人，录取率为10%，" * n,
        lambda n: "共3000人，其中" + "1人，" * n,
        # a long table: each row's share checked against the relation its column keeps
        lambda n: (
            "| 地区 | 人数 | 占比 |\n" + "| 某地 | 1 | 1.00% |\n" * n + "| 合计 | 9 | 100% |\n"
        ),
    ],
    ids=["two-spaces", "bars", "tabs", "spaces-then-figures", "rates", "qizhong", "long-table"],
)
def test_figures_work_grows_linearly(make: Callable[[int], str]) -> None:
    """Eight times the text costs about eight times the steps, not 64 times."""
    for reader in (extract_figures, audit_text):
        small, large = _steps(reader, make(300)), _steps(reader, make(2400))
        assert large <= 10 * small, (reader.__name__, small, large)


def test_figures_share_their_sentence() -> None:
    """The figures of one long sentence share one copy of it (memory linear in the text)."""
    figures = extract_figures("标题。" + "1人" * 10_000)
    assert len(figures) == 10_000
    assert len({id(f.sentence) for f in figures}) == 1


def test_parts_never_start_inside_a_run_of_spaces() -> None:
    """The part-count pattern starts at a prefix or where a run of spaces starts, so a run of
    spaces is crossed by one match attempt, not by one for each of its spaces."""
    text = "x" + " " * 5 + "6个部分"
    assert [_PARTS.match(text, i) is not None for i in range(1, 6)] == [True] + [False] * 4
    found = _PARTS.search("全文 共 6 个部分")
    assert found is not None
    assert found.group() == "共 6 个部分"
    assert read_header("1" + " " * 100_000 + "人").stated_part_count is None


class _CountingStr(str):
    """A string that counts the characters its slices and indexing copy."""

    copied = 0

    def __getitem__(self, key: Any) -> str:
        out = super().__getitem__(key)
        _CountingStr.copied += len(out)
        return out


def _procurement_copies(n: int) -> int:
    text = "发布公开信息共131条，" + "1条" * n
    _CountingStr.copied = 0
    values = read_template(PROCUREMENT, Line(text, 1, 0, folded=_CountingStr(text)))
    assert (values["lead"], values["notices"].value) == ("发布公开信息共", 131)
    return _CountingStr.copied


def test_procurement_line_read_in_linear_work() -> None:
    """A procurement line with many counts in 条: the text before each is not copied."""
    small, large = _procurement_copies(1000), _procurement_copies(8000)
    assert large <= 10 * small + 100, (small, large)
