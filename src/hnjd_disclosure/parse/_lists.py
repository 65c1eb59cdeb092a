"""Enumerations in prose: ``…主要包括：A、B、C等…`` read into lead, items and tail.

The report lists what a domain disclosed (教学科研: the rules and lists; 学生管理: the aid
programmes, the rules) in one sentence each. In this school's layout a list follows a marker
(包括, optionally with a colon, or 公示); its items are separated by 、 and it ends at the
first 等 after an item's text (which starts the tail) or at the next ，。；. So an item may
start with 等 (等级考试) but not hold it further on (高等教育 would end the list).
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

__all__ = ["Listed", "find_list", "split_sentence"]

_SEPARATOR: Final = "、"
_COLONS: Final = "：:"
_ETC: Final = "等"
#: A list's run of items: each item may start with 等 but holds neither 等 further on nor
#: ，。；,; nor 、 (which separates the items); the run stops before the first of those.
_RUN: Final = re.compile(r"等?[^，。；,;、等]*+(?:、等?[^，。；,;、等]*+)*+")


class Listed(NamedTuple):
    """A sentence cut around its list: ``lead + "、".join(items) + tail`` is the sentence."""

    lead: str
    items: tuple[str, ...]
    tail: str


def find_list(text: str, marker: str) -> Listed | None:
    """The list after the first ``marker`` in ``text``, or None if none follows it.

    A list has at least two items, or one item followed by 等; every item is non-empty.

    >>> find_list("公开信息主要包括：甲办法、乙名单等，方便师生。", "包括")
    Listed(lead='公开信息主要包括：', items=('甲办法', '乙名单'), tail='等，方便师生。')
    >>> find_list("主要包括国家奖学金等资助项目。", "包括").items
    ('国家奖学金',)
    >>> find_list("包括各类信息，方便师生。", "包括") is None
    True
    """
    at = text.find(marker)
    if at < 0:
        return None
    start = at + len(marker)
    if text[start : start + 1] and text[start] in _COLONS:
        start += 1
    run = _RUN.match(text, start)
    assert run is not None  # it matches the empty string
    end = run.end()
    items = text[start:end].split(_SEPARATOR)
    ends_with_etc = text[end : end + 1] == _ETC
    if len(items) < 2 and not ends_with_etc:
        return None
    if not all(item.strip() for item in items):
        return None
    return Listed(text[:start], tuple(items), text[end:])


def split_sentence(listed: Listed) -> tuple[Listed, str]:
    """``listed`` with its tail cut after the first 。, and the rest of the text.

    >>> split_sentence(Listed("包括", ("甲", "乙"), "等项目。在网上公示丙。"))
    (Listed(lead='包括', items=('甲', '乙'), tail='等项目。'), '在网上公示丙。')
    """
    stop = listed.tail.find("。")
    if stop < 0:
        return listed, ""
    return listed._replace(tail=listed.tail[: stop + 1]), listed.tail[stop + 1 :]
