"""Enumerations in prose: ``…主要包括：A、B、C等…`` read into lead, items and tail.

The grammar is :mod:`hnjd_disclosure._layout`'s, which the model checks its lists with too,
so that every list the model accepts is read back as it is.
"""

from __future__ import annotations

from .._layout import Listed, find_list, split_sentence

__all__ = ["Listed", "find_list", "split_sentence"]
