"""Chinese numerals agree with cn2an, an independent implementation."""

from __future__ import annotations

import cn2an  # type: ignore[import-untyped]
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hnjd_disclosure.numerals import from_chinese, to_chinese


@given(st.integers(0, 9999))
def test_to_chinese_matches_cn2an(n: int) -> None:
    """Spelling agrees with cn2an's an2cn for every number in range."""
    assert to_chinese(n) == cn2an.an2cn(n)


@given(st.integers(0, 9999))
def test_from_chinese_inverts_to_chinese(n: int) -> None:
    """Reading a spelled number gives the number back."""
    assert from_chinese(to_chinese(n)) == n


@pytest.mark.parametrize("bad", [-1, 10_000, True, 1.0])
def test_to_chinese_rejects_out_of_range(bad: object) -> None:
    """Only ints from 0 to 9999 are spelled."""
    with pytest.raises(ValueError, match="expected an integer"):
        to_chinese(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["", "八八", "十十", "abc", "百千"])
def test_from_chinese_rejects_non_numerals(bad: str) -> None:
    """Malformed numerals raise instead of guessing."""
    with pytest.raises(ValueError, match="not a Chinese numeral"):
        from_chinese(bad)
