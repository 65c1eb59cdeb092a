"""Small HTML and Markdown tables for notebook display (``_repr_html_``, ``_repr_markdown_``)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from decimal import Decimal
from types import ModuleType

__all__ = ["html_table", "markdown_table", "number", "pandas_module"]


def pandas_module(what: str) -> ModuleType:
    """pandas, imported on first use (an optional extra).

    >>> pandas_module("to_dataframe").__name__
    'pandas'

    Raises:
        ImportError: if pandas is not installed, saying how to install it.
    """
    import importlib

    try:
        return importlib.import_module("pandas")
    except ImportError as exc:
        raise ImportError(f'{what} needs pandas: pip install "hnjd-disclosure[pandas]"') from exc


def number(value: object) -> float:
    """A figure's value as a float for a numeric column: counts and Decimals as their number,
    a ranking claim (``前百名``) as its rank, anything else (absent) as NaN.

    >>> number(5300), number(Decimal("99.90")), number("前百名"), number(None)
    (5300.0, 99.9, 100.0, nan)
    """
    from .quantities import Ranking

    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return float(Ranking(text=value).top)
        except ValueError:
            return float("nan")
    return float("nan")


def html_table(headers: Sequence[str], rows: Sequence[Sequence[str]], caption: str = "") -> str:
    """An HTML table with every cell escaped.

    >>> html_table(["a"], [["<1>"]])
    '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>&lt;1&gt;</td></tr></tbody></table>'
    """
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub-flavoured Markdown table; ``|`` in a cell is escaped.

    >>> print(markdown_table(["a", "b"], [["1", "x|y"]]))
    | a | b |
    | --- | --- |
    | 1 | x\\|y |
    """

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return "\n".join([line(headers), line(["---"] * len(headers)), *(line(r) for r in rows)])
