"""The library's exceptions: one small hierarchy, each naming where the input is at fault.

Every exception the library raises on bad input derives from :class:`HnjdError`, and
those caused by the input also from :class:`ValueError`, so ``except ValueError`` works
for callers that do not know this library.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

__all__ = [
    "DataError",
    "FileTooLargeError",
    "HnjdError",
    "Issue",
    "MissingExtraError",
    "MissingFiguresError",
    "ModelError",
    "ParseError",
    "SourceError",
    "TextTooLargeError",
    "UnknownYearError",
    "ZeroWholeError",
    "escape",
]

#: The spaces (Unicode category Zs) other than " ": not printable to ``str.isprintable``, but
#: a terminal shows them as spaces, and Chinese text has U+3000 often.
_SPACES: Final = frozenset(
    "\xa0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
)


def escape(text: str) -> str:
    """``text`` with every character a terminal may act on written as ``repr`` writes it.

    Escaped: the controls (``\\n``, ESC, BEL, the C1 controls), line and paragraph separators,
    format characters (bidirectional overrides, zero-width characters), lone surrogates,
    private-use and unassigned code points: all that ``str.isprintable`` refuses but spaces.
    An error message built with it is one line, and carries no terminal control sequence.

    >>> print(escape("2022\\nforged line\\x1b[2J 湖南\\u3000机电\\u2028"))
    2022\\nforged line\\x1b[2J 湖南\u3000机电\\u2028
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch in _SPACES else repr(ch)[1:-1] for ch in text)


class HnjdError(Exception):
    """Base class of every error this library raises on purpose.

    >>> issubclass(ModelError, HnjdError), issubclass(DataError, ValueError)
    (True, True)
    """


class ModelError(HnjdError, ValueError):
    """A value violates a rule of the model (a negative count, a part larger than its whole).

    ``path`` is the dotted field path relative to the object being built, e.g. ``registered``;
    the loader prefixes it with the path of that object in the document.

    >>> str(ModelError("registered", "must not be larger than admitted (5295), got 5296"))
    'registered: must not be larger than admitted (5295), got 5296'
    """

    def __init__(self, path: str, message: str) -> None:
        super().__init__(path, message)
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return escape(f"{self.path}: {self.message}" if self.path else self.message)


class Issue(tuple[str, str]):
    """One problem found in a document: ``(path, message)``.

    >>> issue = Issue("proactive.admissions.planned", "must not be negative")
    >>> print(issue)
    proactive.admissions.planned: must not be negative
    >>> issue.path
    'proactive.admissions.planned'
    """

    __slots__ = ()

    def __new__(cls, path: str, message: str) -> Issue:
        return super().__new__(cls, (path, message))

    def __getnewargs__(self) -> tuple[str, str]:
        # Pickle (a worker process reporting a bad document) calls __new__ with these.
        return self[0], self[1]

    @property
    def path(self) -> str:
        """The dotted field path (``""`` for the document as a whole).

        >>> Issue("proactive.admissions.planned", "must not be negative").path
        'proactive.admissions.planned'
        """
        return self[0]

    @property
    def message(self) -> str:
        """What is wrong there.

        >>> Issue("proactive.admissions.planned", "must not be negative").message
        'must not be negative'
        """
        return self[1]

    def __str__(self) -> str:
        return escape(f"{self.path}: {self.message}" if self.path else self.message)


class DataError(HnjdError, ValueError):
    """A data document (TOML or JSON) is malformed or does not describe a valid report.

    ``source`` names the document (a file name, or ``<data>``); ``issues`` lists every
    problem found, each with its field path. ``str()`` is one line per issue in the form
    ``source: path: message``.

    >>> err = DataError("report.toml", [Issue("proactive.admissions.planned",
    ...                                       'expected an integer >= 0, got "abc"')])
    >>> print(err)
    report.toml: proactive.admissions.planned: expected an integer >= 0, got "abc"
    """

    def __init__(self, source: str, issues: Sequence[Issue]) -> None:
        super().__init__(source, tuple(issues))
        self.source = source
        self.issues: tuple[Issue, ...] = tuple(issues)

    def __str__(self) -> str:
        source = escape(self.source)
        return "\n".join(f"{source}: {issue}" for issue in self.issues)

    @property
    def first_line(self) -> str:
        """The first issue alone, as the CLI prints it.

        >>> DataError("r.toml", [Issue("a", "bad"), Issue("b", "worse")]).first_line
        'r.toml: a: bad (and 1 more)'
        """
        more = len(self.issues) - 1
        suffix = f" (and {more} more)" if more > 0 else ""
        source = escape(self.source)
        return f"{source}: {self.issues[0]}{suffix}" if self.issues else source


#: The value that marks a figure still to fill in (Chinese for "to be filled in"); kept here,
#: beside the error it causes, so that reading a report need not import :mod:`.draft`.
PLACEHOLDER: Final = "待填写"


class MissingFiguresError(DataError):
    """A draft still has values marked to fill in (``待填写``): ``paths`` names the figures,
    ``undecided`` the checklist items (part 8) whose status is still to decide.

    ``invalid`` lists the figures already filled in whose values are not valid (checked one
    by one; the rules between figures wait for the complete report).

    >>> err = MissingFiguresError("report-2023.toml", ["proactive.admissions.planned"])
    >>> print(err.first_line)
    report-2023.toml: 1 figure still to fill in (待填写): proactive.admissions.planned
    >>> err = MissingFiguresError("r.toml", ["a.b"], [Issue("a.c", "expected an integer")])
    >>> print(err.first_line)
    r.toml: 1 figure still to fill in (待填写): a.b; 1 invalid: a.c: expected an integer
    >>> print(MissingFiguresError("r.toml", [], undecided=[1, 2]).first_line)
    r.toml: 2 checklist items still to decide (待填写): 1, 2
    """

    def __init__(
        self,
        source: str,
        paths: Sequence[str],
        invalid: Sequence[Issue] = (),
        *,
        undecided: Sequence[int] = (),
    ) -> None:
        missing = [Issue(p, "still to fill in (待填写)") for p in paths]
        items = [Issue("checklist.entries", f"item {n}: status still to decide") for n in undecided]
        super().__init__(source, [*missing, *items, *invalid])
        self.paths: tuple[str, ...] = tuple(paths)
        self.undecided: tuple[int, ...] = tuple(undecided)
        self.invalid: tuple[Issue, ...] = tuple(invalid)

    @property
    def first_line(self) -> str:
        """Everything still to fill in (and every invalid figure) on one line, as the CLI prints it.

        >>> err = MissingFiguresError("2023.toml", ["complaints.complaints", "complaints.lawsuits"])
        >>> print(err.first_line)
        2023.toml: 2 figures still to fill in (待填写): complaints.complaints, complaints.lawsuits
        """
        parts = []
        if self.paths:
            n = len(self.paths)
            noun = "figure" if n == 1 else "figures"
            parts.append(f"{n} {noun} still to fill in (待填写): {', '.join(self.paths)}")
        if self.undecided:
            n = len(self.undecided)
            noun = "checklist item" if n == 1 else "checklist items"
            items = ", ".join(map(str, self.undecided))
            parts.append(f"{n} {noun} still to decide (待填写): {items}")
        if self.invalid:
            parts.append(f"{len(self.invalid)} invalid: " + "; ".join(map(str, self.invalid)))
        return escape(f"{escape(self.source)}: " + "; ".join(parts))

    def lines(self) -> list[str]:
        """The counts on a line each, then one figure (or item) a line (a draft has dozens:
        one line of them all was 1,400 characters), then the invalid ones, each escaped.

        >>> err = MissingFiguresError("2023.toml", ["complaints.complaints", "complaints.lawsuits"])
        >>> print("\\n".join(err.lines()))
        2023.toml: 2 figures still to fill in (待填写):
          complaints.complaints
          complaints.lawsuits
        """
        source = escape(self.source)
        out: list[str] = []
        if self.paths:
            n = len(self.paths)
            noun = "figure" if n == 1 else "figures"
            out.append(f"{source}: {n} {noun} still to fill in (待填写):")
            out += [f"  {escape(path)}" for path in self.paths]
        if self.undecided:
            n = len(self.undecided)
            noun = "checklist item" if n == 1 else "checklist items"
            out.append(f"{source}: {n} {noun} still to decide (待填写):")
            out += [f"  {item}" for item in self.undecided]
        if self.invalid:
            out.append(f"{source}: {len(self.invalid)} filled in but invalid:")
            out += [f"  {issue}" for issue in self.invalid]
        return out


class ParseError(HnjdError, ValueError):
    """A text could not be read: ``line`` and ``column`` (both 1-based) say where.

    >>> print(ParseError("expected a heading 一、", line=3, column=1))
    line 3, column 1: expected a heading 一、
    """

    def __init__(self, message: str, *, line: int, column: int) -> None:
        super().__init__(message, line, column)
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {escape(self.message)}"


class SourceError(HnjdError, ValueError):
    """A document could not be turned into a report's text: ``source`` names it.

    A Word file that is not one (or is damaged), bytes in no encoding a web page may use, a
    file that cannot be read or is larger than the readers take.

    >>> print(SourceError("report.docx", "not a Word document (.docx): File is not a zip file"))
    report.docx: not a Word document (.docx): File is not a zip file
    """

    def __init__(self, source: str, message: str) -> None:
        super().__init__(source, message)
        self.source = source
        self.message = message

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class UnknownYearError(HnjdError, LookupError):
    """No built-in report exists for the year asked for.

    >>> print(UnknownYearError(1999, [2022]))
    no built-in report for year 1999 (available: 2022)
    """

    def __init__(self, year: object, available: Sequence[int]) -> None:
        super().__init__(year, tuple(available))
        self.year = year
        self.available = tuple(available)

    def __str__(self) -> str:
        years = ", ".join(str(y) for y in self.available) or "none"
        return f"no built-in report for year {self.year!r} (available: {years})"


class TextTooLargeError(HnjdError, ValueError):
    """A text is longer than the readers accept (``limit`` characters).

    >>> print(TextTooLargeError(25_000_000, 20_000_000))
    text too large: 25000000 characters (the limit is 20000000)
    """

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(size, limit)
        self.size = size
        self.limit = limit

    def __str__(self) -> str:
        return f"text too large: {self.size} characters (the limit is {self.limit})"


class FileTooLargeError(HnjdError, ValueError):
    """A file is larger than its reader accepts (``limit`` bytes); ``size`` is its size, or
    ``None`` when it grew past the limit while being read.

    >>> print(FileTooLargeError(2_147_483_648, 16_777_216))
    file too large: 2147483648 bytes (the limit is 16777216)
    >>> print(FileTooLargeError(None, 16_777_216))
    file too large: more than 16777216 bytes (the limit is 16777216)
    """

    def __init__(self, size: int | None, limit: int) -> None:
        super().__init__(size, limit)
        self.size = size
        self.limit = limit

    def __str__(self) -> str:
        size = f"more than {self.limit}" if self.size is None else str(self.size)
        return f"file too large: {size} bytes (the limit is {self.limit})"


class MissingExtraError(HnjdError, ImportError):
    """A feature needs an optional extra that is not installed; the message says how to get it.

    >>> print(MissingExtraError("docx", "python-docx"))
    this needs python-docx: pip install "hnjd-disclosure[docx]"
    """

    def __init__(self, extra: str, package: str) -> None:
        super().__init__(extra, package)
        self.extra = extra
        self.package = package

    def __str__(self) -> str:
        return f'this needs {self.package}: pip install "hnjd-disclosure[{self.extra}]"'


class ZeroWholeError(HnjdError, ValueError):
    """A rate or share of a zero whole was asked for: it is undefined, not zero.

    ``whole`` names the whole (a field path such as ``proactive.admissions.planned``).

    >>> print(ZeroWholeError("proactive.admissions.planned"))
    proactive.admissions.planned: is zero, so the rate is undefined
    """

    def __init__(self, whole: str) -> None:
        super().__init__(whole)
        self.whole = whole

    def __str__(self) -> str:
        return f"{escape(self.whole)}: is zero, so the rate is undefined"
