"""One definition of the text layout, shared by the model and the reader."""

from __future__ import annotations

import itertools
import re
import sys

import pytest

from hnjd_disclosure._layout import (
    BREAK_CLASS,
    HEADING_LIKE,
    LINE_BREAKS,
    SPACE_CLASS,
    SPACES,
    heading_at_start,
    split_lines,
)
from hnjd_disclosure.parse._text import lines_of

ALL = [chr(c) for c in range(sys.maxunicode + 1)]


class TestLineBreaks:
    def test_exactly_where_splitlines_splits(self) -> None:
        """LINE_BREAKS is every character str.splitlines splits at, and no other."""
        assert set(LINE_BREAKS) == {c for c in ALL if len(f"a{c}b".splitlines()) == 2}

    def test_class_is_the_same_set(self) -> None:
        """BREAK_CLASS matches exactly LINE_BREAKS (Python; its escapes mean the same in ECMA)."""
        pattern = re.compile(f"[{BREAK_CLASS}]")
        assert {c for c in ALL if pattern.fullmatch(c)} == set(LINE_BREAKS)

    @pytest.mark.parametrize("brk", list(LINE_BREAKS))
    def test_reader_splits_at_each(self, brk: str) -> None:
        """The reader ends a line at each break."""
        assert split_lines(f"湖南{brk}机电") == ["湖南", "机电"]
        assert [line.text for line in lines_of(f"湖南{brk}机电")] == ["湖南", "机电"]


class TestSpaces:
    def test_exactly_what_strip_strips(self) -> None:
        """SPACES is every character str.isspace is true of (what the reader strips)."""
        assert set(SPACES) == {c for c in ALL if c.isspace()}

    def test_class_is_the_same_set(self) -> None:
        """SPACE_CLASS matches exactly SPACES (Python's \\s and ECMA's differ: \\x1c, \\ufeff)."""
        pattern = re.compile(f"[{SPACE_CLASS}]")
        assert {c for c in ALL if pattern.fullmatch(c)} == set(SPACES)


class TestHeadings:
    @pytest.mark.parametrize(
        ("text", "marker"),
        [
            ("1.招生", "1."),
            ("\uff11\uff0e招生", "\uff11\uff0e"),
            ("12、招生", "12、"),
            ("二、概述", "二、"),
            ("(一)方式", "(一)"),
            ("（ 二 ） 方式", "（ 二 ） "),
            ("1.5倍", None),
            ("一.概述", None),  # a . after a numeral is a full stop
            ("2022年", None),
        ],
    )
    def test_heading_at_start(self, text: str, marker: str | None) -> None:
        """The markers the reader takes for a heading, in either width."""
        assert heading_at_start(text) == marker

    def test_schema_pattern_is_the_same_test(self) -> None:
        """The model refuses (HEADING_LIKE) what the reader takes for a heading
        (heading_at_start), on every text of up to 5 of the characters involved."""
        pattern = re.compile(HEADING_LIKE)
        alphabet = "一十（(）)1\uff11.\uff0e、，, \u3000\tx5"
        for n in range(1, 6):
            for chars in itertools.product(alphabet, repeat=n):
                text = "".join(chars)
                assert (pattern.match(text) is None) == (heading_at_start(text) is None), text
