"""Everything the readers find in a text, as one value: its header, tables and figures.

:func:`extract` is what ``hnjd-disclosure extract`` prints: the header facts
(:func:`~.header.read_header`), the tables of the document layer
(:func:`~.document.read_document`) and every figure with its part, whole and basis
(:func:`~.figures.extract_figures`), each with offsets in the text. :meth:`Extraction.to_dict`
is the JSON form (``extract --json``).
"""

from __future__ import annotations

import datetime
import enum
from decimal import Decimal
from typing import Any

import attrs
from attrs import frozen

from ._figure import Figure
from ._text import check_size
from .document import Cell, Row, Table, read_document
from .figures import extract_from
from .header import Header, read_header

__all__ = ["Extraction", "extract"]


@frozen(kw_only=True)
class Extraction:
    """A text's header, tables and figures.

    >>> e = extract("某某学院\\n2022年报告\\n地区|人数|占比\\n湖南|3|60%\\n合计|5|100%\\n")
    >>> e.header.institution, len(e.tables), [f.text for f in e.figures][:3]
    ('某某学院', 1, ['3', '60%', '5'])
    """

    header: Header
    tables: tuple[Table, ...]
    figures: tuple[Figure, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``header``, ``tables`` (cells with offsets), ``figures``.

        >>> d = extract("毕业生100人，其中升学20人，占毕业生总数的20%。").to_dict()
        >>> sorted(d), d["figures"][-1]["basis"], d["figures"][-1]["whole"]["value"]
        (['figures', 'header', 'tables'], 'named', '100')
        """
        return {
            "header": attrs.asdict(self.header, value_serializer=_value),
            "tables": [_table(t) for t in self.tables],
            "figures": [attrs.asdict(f, value_serializer=_value) for f in self.figures],
        }


def extract(text: str) -> Extraction:
    """The header, tables and figures of ``text``.

    >>> extract("地区|人数\\n湖南|3\\n").tables[0].rows[1].label
    '湖南'

    Raises:
        TextTooLargeError: if the text is longer than :data:`~._text.MAX_CHARS`.
    """
    check_size(text)
    document = read_document(text)
    return Extraction(
        header=read_header(text),
        tables=document.tables,
        figures=extract_from(text, document),
    )


def _value(_: object, __: object, v: object) -> object:
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, enum.Enum):
        return v.value
    if isinstance(v, datetime.date):
        return v.isoformat()
    return v


def _cell(c: Cell) -> dict[str, Any]:
    return {
        "text": c.text,
        "span": list(c.span),
        "kind": c.kind.value,
        "value": None if c.value is None else str(c.value),
    }


def _row(r: Row) -> dict[str, Any]:
    return {
        "cells": [_cell(c) for c in r.cells],
        "span": list(r.span),
        "total": r.total,
        "subtotal": r.subtotal,
    }


def _table(t: Table) -> dict[str, Any]:
    return {
        "span": list(t.span),
        "layout": t.layout.value,
        "columns": t.columns,
        "caption_span": None if t.caption_span is None else list(t.caption_span),
        "header": [_row(r) for r in t.header],
        "body": [_row(r) for r in t.body],
    }
