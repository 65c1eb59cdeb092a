"""Interim: the citations check lands from its own branch (issue 13); this finds nothing."""

from __future__ import annotations

import enum

from attrs import frozen


@frozen(kw_only=True)
class KnownDocument:
    title: str
    number: str
    issuer: str
    year: int


class CitationVerdict(enum.Enum):
    KNOWN = "known"
    SLIP = "slip"
    UNKNOWN = "unknown"


@frozen(kw_only=True)
class Citation:
    title: str | None
    number: str | None
    span: tuple[int, int]
    verdict: CitationVerdict
    document: KnownDocument | None
    slip: str


def check_citations(text: str) -> tuple[Citation, ...]:
    return ()
