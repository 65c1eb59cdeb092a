"""Which URLs from the data may become links."""

from __future__ import annotations

from typing import Final
from urllib.parse import urlsplit

__all__ = ["safe_url"]

_SAFE_SCHEMES: Final = frozenset({"http", "https"})


def safe_url(url: str) -> str | None:
    """``url`` if it is an http(s) URL with a host and no space or quote, else ``None``.

    Anything else (``javascript:``, ``data:``, a relative path) is shown as text, never linked.

    >>> safe_url("https://www.hnjd.edu.cn/xxgk/"), safe_url("javascript:alert(1)")
    ('https://www.hnjd.edu.cn/xxgk/', None)
    >>> safe_url(" JavaScript:alert(1)"), safe_url("http://")
    (None, None)
    """
    if any(c.isspace() or c in "<>\"'`" for c in url) or not url.isprintable():
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in _SAFE_SCHEMES or not parts.netloc:
        return None
    return url
