"""Errors are one line each and quote values escaped: no forged line, no terminal control."""

from __future__ import annotations

import contextlib
import io as stdio
import json
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hnjd_disclosure import builtin_report, dumps_json
from hnjd_disclosure.cli import main
from hnjd_disclosure.errors import DataError, Issue, ModelError, ParseError, escape
from hnjd_disclosure.io import loads_json
from hnjd_disclosure.parse import parse_report

from .strategies import document_places

DOCUMENT = json.loads(dumps_json(builtin_report(2022)))


PATHS = document_places(DOCUMENT)


def _replaced(path: tuple[str | int, ...], value: object) -> Any:
    document = json.loads(json.dumps(DOCUMENT))
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return document


def _safe_line(text: str) -> bool:
    """One line, and nothing a terminal acts on (what escape() leaves)."""
    return all(ch.isprintable() or unicodedata.category(ch) == "Zs" for ch in text)


values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=5,
)


def _stderr_of(*argv: str) -> tuple[int, str]:
    err = stdio.StringIO()
    with contextlib.redirect_stderr(err):
        status = main(list(argv), stdout=stdio.StringIO())
    return status, err.getvalue()


class TestEscape:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("x\nhnjd-disclosure: all good", "x\\nhnjd-disclosure: all good"),
            ("\x1b]0;title\x07\x1b[2J", "\\x1b]0;title\\x07\\x1b[2J"),
            ("湖南\u2028机电\x85\x0b\x0c\x1c", "湖南\\u2028机电\\x85\\x0b\\x0c\\x1c"),
            ("\u202e\ufeff\ud800", "\\u202e\\ufeff\\ud800"),
            ("湖南\u3000机电 学院", "湖南\u3000机电 学院"),
        ],
    )
    def test_escapes_what_a_terminal_acts_on(self, text: str, expected: str) -> None:
        """Controls, separators, format characters and surrogates are escaped; spaces stay."""
        assert escape(text) == expected

    @given(st.text())
    def test_always_one_safe_line(self, text: str) -> None:
        """Whatever the text, the escaped text is one line with no control character."""
        assert _safe_line(escape(text))


class TestErrorLines:
    def test_forged_line_in_a_value(self) -> None:
        """A value holding a line break and an error-like line stays inside one quoted line."""
        document = _replaced(("year",), "x\nhnjd-disclosure: all good, report valid")
        with pytest.raises(DataError) as info:
            loads_json(json.dumps(document), source="r.json")
        expected = (
            'r.json: year: expected an integer, got "x\\nhnjd-disclosure: all good, report v..."'
        )
        assert str(info.value) == expected

    def test_key_with_a_separator(self) -> None:
        """An unknown key is quoted escaped too, and keeps its message."""
        document = _replaced(("proactive", "admissions", "x\x1fy\nz"), 1)
        with pytest.raises(DataError) as info:
            loads_json(json.dumps(document))
        assert info.value.issues[0] == Issue("proactive.admissions.x\\x1fy\\nz", "unknown key")

    def test_model_and_parse_errors(self) -> None:
        """ModelError and ParseError print escaped."""
        assert str(ModelError("a", "got \x1b[2J")) == "a: got \\x1b[2J"
        with pytest.raises(ParseError) as info:
            parse_report("湖南\x1b[2J\u2029\n本年度报告是根据\x1b]0;x\x07")
        assert _safe_line(str(info.value))

    @given(st.sampled_from(PATHS), values)
    def test_any_value_anywhere_gives_one_escaped_line(
        self, path: tuple[str | int, ...], value: object
    ) -> None:
        """Any value at any place of a data file: exit 0, or exit 2 with one escaped line."""
        text = json.dumps(_replaced(path, value), ensure_ascii=False, allow_nan=True)
        with tempfile.TemporaryDirectory() as folder:
            file = Path(folder) / "r\x1b[2J\n.json"
            file.write_text(text, encoding="utf-8", errors="surrogatepass")
            status, err = _stderr_of("check", str(file))
        assert status in (0, 1, 2)
        if status == 2:
            assert err.endswith("\n")
            assert _safe_line(err[:-1]), err
        else:
            assert err == ""

    @given(st.text())
    def test_any_text_gives_one_escaped_parse_error(self, text: str) -> None:
        """The text reader's errors quote the text escaped."""
        error = ""
        try:
            parse_report(text)
        except ParseError as exc:
            error = str(exc)
        assert _safe_line(error)
