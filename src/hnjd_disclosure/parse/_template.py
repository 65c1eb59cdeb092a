"""A template sentence compiled to one regular expression: the readers' fast path.

The cursor (:class:`~._text.Cursor`) reads a template sentence step by step: tolerant of
spaces inside the template's words and of thousands separators, and precise about where
a sentence stops being the template. That costs a Python call per word and per figure.
Most texts print the template in its usual form, which one regular expression reads in a
single match; only when it does not match does a reader fall back to the cursor.

The fast path must never read a text differently from the cursor, so each field pattern
matches a *subset* of what the cursor's step accepts, and a field is always followed by a
literal that cannot continue it (``人`` after a count, ``%`` after a percentage): where the
pattern matches, the cursor's step stops at the same character with the same value.
"""

from __future__ import annotations

import re
import string
from typing import Final

from ._text import fold

__all__ = ["compile_template"]

# The spaces a figure may have before it (the cursor also skips U+00A0 there; the fast
# path leaves that rarity to the cursor, as it does spaces inside the template's words).
_SPACES: Final = r"[ \t\u3000]*+"

# The kinds of figure, ``{name:kind}``: the spaces skipped before it, and its digits.
_KINDS: Final = {
    # a whole number as Cursor.number reads it, without thousands separators
    "number": (_SPACES, r"[0-9]{1,15}"),
    # a number with an optional decimal part, as Cursor.decimal reads it
    "decimal": (_SPACES, r"[0-9]{1,15}(?:\.[0-9]{1,15})?"),
    # the number of a percentage (the % is the template's), at most six whole digits: within
    # the readers' bound of 1,000,000 without a check
    "percent": (_SPACES, r"[0-9]{1,6}(?:\.[0-9]{1,15})?"),
}
# What may not follow a number field: a digit, a thousands separator or a decimal point
# would continue the cursor's number past where the pattern stops.
_CONTINUES_A_NUMBER: Final = frozenset("0123456789，.")


def compile_template(sentence: str, **patterns: str) -> re.Pattern[str]:
    """Compile ``sentence`` to a regular expression over the folded text.

    The literal text of ``sentence`` is matched as written (folded, so ``,`` means ``，``);
    ``{name:kind}`` is a figure of ``kind`` (``number``, ``decimal``, ``percent``) and
    ``{name}`` the pattern ``patterns[name]``; each is the group ``name`` of the match.

    >>> pattern = compile_template("招生{planned:number}人，{provinces}等", provinces="[^等]*")
    >>> match = pattern.fullmatch("招生 5300人，湖南等")
    >>> match["planned"], match["provinces"]
    ('5300', '湖南')
    """
    parts: list[str] = []
    kind_before = ""
    for literal, name, kind, _ in string.Formatter().parse(sentence):
        folded = fold(literal)
        if kind_before:  # the literal after a figure must end it
            assert folded, sentence
            assert folded[0] not in _CONTINUES_A_NUMBER, sentence
        parts.append(re.escape(folded))
        if name is None:
            break
        if kind:
            spaces, body = _KINDS[kind]
            parts.append(f"{spaces}(?P<{name}>{body})")
        else:
            parts.append(f"(?P<{name}>{patterns[name]})")
        kind_before = kind or ""
    return re.compile("".join(parts))
