"""Reading and writing reports as TOML and JSON, the built-in reports, and report texts.

The ``loads_*``/``dumps_*`` functions are pure (text in, text out); :func:`load`,
:func:`save` and :func:`read_report_text` touch the file system. :func:`save` writes
atomically (a temporary file renamed into place), refuses to replace an existing file unless
``force=True``, and never replaces anything but a regular file; new files get the umask's
permissions, replaced ones keep theirs.
"""

from __future__ import annotations

import errno
import importlib
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable
from functools import cache, partial
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar

from ._data import package_path
from .convert import JSON, SURROGATE_FREE_JSON, TOML, DataFormat, structure, unstructure
from .errors import (
    PLACEHOLDER,
    DataError,
    FileTooLargeError,
    Issue,
    MissingFiguresError,
    SourceError,
    TextTooLargeError,
    UnknownYearError,
)
from .model import AnnualReport

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "MAX_DATA_BYTES",
    "REPORT_TEXT_SUFFIXES",
    "Format",
    "available_years",
    "builtin_report",
    "dumps_json",
    "dumps_json_bytes",
    "dumps_toml",
    "format_of",
    "load",
    "load_many",
    "loads",
    "loads_json",
    "loads_toml",
    "map_reports",
    "read_bounded",
    "read_report_text",
    "save",
    "write_bytes_atomic",
    "write_text_atomic",
]

Format = Literal["toml", "json"]

#: A report to load: a path to a ``.toml`` or ``.json`` file, or a JSON document as bytes.
Source = str | os.PathLike[str] | bytes

T = TypeVar("T")

#: The largest data file :func:`load` reads, in bytes (16 MiB: a report's data is about 30 KB,
#: so a file this large is not a report; reading one whole stays within about 10 times this
#: in memory).
MAX_DATA_BYTES: Final = 16 * 1024 * 1024

#: How much :func:`read_bounded` asks of the system at a time.
_CHUNK: Final = 1 << 20

# Beside this module: a wheel installs it as a directory (no zip import to support). A str
# joined by os.path: pathlib (with urllib.parse and ipaddress, which it imports) was 4 ms of
# every `hnjd-disclosure render --year 2022`; only the functions given a path import it.
_REPORTS: Final = package_path("data/reports")


@cache
def _orjson() -> ModuleType | None:
    """orjson if installed, imported on first use (the CLI must start fast).

    Optional: it writes JSON several times faster than json, with the same result. It is
    not used to read: it keeps the last of duplicate keys silently (see :func:`_parse_json`).
    """
    # import_module keeps the type ModuleType whether or not orjson (and its stubs) is
    # installed, so mypy gives the same answer everywhere.
    try:
        return importlib.import_module("orjson")
    except ImportError:  # pragma: no cover - depends on the environment
        return None


def _parse_json(text: str | bytes) -> Any:
    """The parsed document.

    A key given twice in an object raises :class:`_DuplicateKey`: orjson (and json without a
    hook) keeps the last value silently, so the document would not say what a reader of it
    sees first. json's C scanner with a hook checks it (orjson has no such option).
    A number with a zero fraction (``5300.0``) is read as an integer, as JSON Schema reads it.
    """
    import json  # imported on first use (the CLI must start fast)

    return json.loads(text, object_pairs_hook=_unique, parse_float=_json_number)


def _json_number(text: str) -> float | int:
    """A JSON number written with a point or an exponent: JSON has one kind of number, and
    ``5300.0`` is the integer 5300 to it (and to JSON Schema's ``"integer"``); ``1.9`` stays
    a float, which no field of the model accepts."""
    value = float(text)
    return int(value) if value.is_integer() else value


class _DuplicateKey(Exception):
    """A JSON object gives a key twice (found again with its path by :func:`_duplicate_at`)."""


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    d = dict(pairs)
    if len(d) != len(pairs):
        raise _DuplicateKey
    return d


def _duplicate_at(text: str | bytes) -> str:
    """The path of the first key given twice in ``text`` (a document json reads)."""
    import json

    root = json.loads(text, object_pairs_hook=list)
    todo: list[tuple[str, Any]] = [("", root)]
    while todo:
        path, value = todo.pop()
        if isinstance(value, list) and value and all(type(p) is tuple for p in value):
            seen: set[str] = set()
            for key, _ in value:
                if key in seen:
                    return f"{path}.{key}" if path else key
                seen.add(key)
            todo += [(f"{path}.{k}" if path else k, v) for k, v in reversed(value)]
        elif isinstance(value, list):
            todo += [(f"{path}[{i}]", v) for i, v in reversed(list(enumerate(value)))]
    return ""  # pragma: no cover - only called when json found a duplicate


def _json_format(text: str | bytes) -> DataFormat:
    """:data:`~.convert.SURROGATE_FREE_JSON` if json cannot read a lone surrogate from the
    bytes ``text`` (memchr searches, where looking in every string of the document costs
    more), else :data:`~.convert.JSON`.

    A lone surrogate comes from an escape (a backslash); from a str (which may hold one);
    and from bytes, which json decodes with ``surrogatepass``, from UTF-16 or UTF-32 (whose
    JSON has NUL bytes) or from UTF-8's form of one (ED A0..BF). A str decoded strictly from
    bytes this finds free holds none either.
    """
    if not isinstance(text, bytes) or b"\\" in text or b"\x00" in text or b"\xed" in text:
        return JSON
    return SURROGATE_FREE_JSON


def _write_json(data: Any, indent: int | None) -> str:
    import json

    if indent == 2 and (orjson := _orjson()) is not None:
        try:
            # OPT_INDENT_2 writes exactly what json.dumps(indent=2, ensure_ascii=False) writes,
            text: str = orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()
        except TypeError:
            pass  # but refuses an integer beyond 64 bits, which json writes
        else:
            return text + "\n"
    return json.dumps(data, ensure_ascii=False, indent=indent) + "\n"


def loads_toml(text: str, *, source: str = "<toml>") -> AnnualReport:
    """Read a report from TOML text.

    >>> r = loads_toml(dumps_toml(builtin_report(2022)))
    >>> r == builtin_report(2022)
    True

    Raises:
        MissingFiguresError: if figures or checklist statuses are still ``待填写`` (a draft),
            naming them all.
        DataError: if the TOML is malformed (with its line and column), nested too deeply or
            holds an integer too long for Python to read, or is not a valid report (with the
            field path).
    """
    import tomllib  # on first use: the built-in reports are read from JSON

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(source, [Issue("", f"malformed TOML: {exc}")]) from None
    except (RecursionError, ValueError) as exc:
        raise _beyond_limits("TOML", exc, source) from None
    # tomllib refuses an escaped surrogate, but text given as str may hold one.
    return _report_of(data, source, text, TOML)


def loads_json(text: str | bytes, *, source: str = "<json>") -> AnnualReport:
    """Read a report from JSON text.

    >>> loads_json(dumps_json(builtin_report(2022))) == builtin_report(2022)
    True
    >>> loads_json("[1,", source="r.json")
    Traceback (most recent call last):
    ...
    hnjd_disclosure.errors.DataError: r.json: malformed JSON: Expecting value (line 1 column 4)

    Raises:
        MissingFiguresError: if figures or checklist statuses are still ``待填写`` (a draft),
            naming them all.
        DataError: if the JSON is malformed (with its line and column), nested too deeply or
            holds an integer too long for Python to read, or is not a valid report (with the
            field path).
    """
    return _loads_json(text, source, _json_format(text))


def _loads_json(text: str | bytes, source: str, data_format: DataFormat) -> AnnualReport:
    from json import JSONDecodeError

    try:
        data = _parse_json(text)
    except JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        raise DataError(source, [Issue("", f"malformed JSON: {exc.msg} ({where})")]) from None
    except UnicodeDecodeError as exc:
        raise DataError(source, [Issue("", f"not UTF-8 text: {exc.reason}")]) from None
    except (RecursionError, ValueError) as exc:
        raise _beyond_limits("JSON", exc, source) from None
    except _DuplicateKey:
        path = _duplicate_at(text)
        raise DataError(source, [Issue(path, "duplicate key (given more than once)")]) from None
    return _report_of(data, source, text, data_format)


def _beyond_limits(fmt: str, exc: RecursionError | ValueError, source: str) -> DataError:
    """The error for a document past the interpreter's limits (checked by the parser)."""
    if isinstance(exc, RecursionError):
        return DataError(source, [Issue("", f"malformed {fmt}: nested too deeply")])
    message = str(exc)
    if message.startswith("Exceeds the limit"):  # int(): sys.get_int_max_str_digits()
        digits = sys.get_int_max_str_digits()
        message = f"an integer of more than {digits} digits"
    return DataError(source, [Issue("", f"malformed {fmt}: {message}")])


def _report_of(
    data: object, source: str, text: str | bytes, data_format: DataFormat
) -> AnnualReport:
    """The report of ``data`` parsed from ``text`` in ``data_format``; nesting too deep for
    the checks is a DataError too."""
    try:
        _refuse_draft(data, source, text)
        return structure(data, AnnualReport, source=source, data_format=data_format)
    except RecursionError:
        raise DataError(source, [Issue("", "nested too deeply")]) from None


def _may_hold_placeholder(text: str | bytes) -> bool:
    """Whether a value of the document parsed from ``text`` can be the placeholder 待填写.

    It can only if the text holds it as such or written with escapes (``\\u5f85...``, so any
    backslash counts), or the bytes are not UTF-8 (JSON also reads UTF-16 and UTF-32, whose
    ASCII has NUL bytes).
    Looking in the text is a fast C search; walking the parsed document cost more than the
    whole load of a valid report.
    """
    # One-character searches first (memchr); a report rarely has a backslash at all.
    if isinstance(text, bytes):
        if b"\x00" in text or b"\\" in text:
            return True
        return _PLACEHOLDER_UTF8 in text
    return "\\" in text or PLACEHOLDER in text


_PLACEHOLDER_UTF8: Final = PLACEHOLDER.encode()


def _refuse_draft(data: object, source: str, text: str | bytes) -> None:
    # Before the converter: a draft's placeholders are "still to fill in", not type errors.
    if not _may_hold_placeholder(text):
        return
    from .draft import invalid_figures, missing_figures, undecided_items

    missing, undecided = missing_figures(data), undecided_items(data)
    if missing or undecided:
        raise MissingFiguresError(source, missing, invalid_figures(data), undecided=undecided)


def loads(text: str, fmt: Format, *, source: str | None = None) -> AnnualReport:
    """Read a report from text in the given format.

    >>> loads(dumps_json(builtin_report(2022)), "json").year
    2022
    """
    if fmt == "toml":
        return loads_toml(text, source=source or "<toml>")
    return loads_json(text, source=source or "<json>")


def dumps_toml(report: AnnualReport) -> str:
    """Write a report as TOML text; ``loads_toml(dumps_toml(r)) == r``.

    >>> dumps_toml(builtin_report(2022)).splitlines()[0]
    'institution = "湖南机电职业技术学院"'
    """
    import tomli_w  # only writing TOML needs it

    return tomli_w.dumps(unstructure(report, data_format=TOML))


def dumps_json(report: AnnualReport, *, indent: int | None = 2) -> str:
    """Write a report as JSON text (UTF-8, Chinese kept readable); lossless.

    >>> dumps_json(builtin_report(2022), indent=None).startswith('{"institution": "湖南机电')
    True
    """
    return _write_json(unstructure(report), indent)


def dumps_json_bytes(report: AnnualReport) -> bytes:
    """Write a report as compact JSON (no whitespace), UTF-8 encoded; lossless.

    For storing or sending many reports: about twice as fast as :func:`dumps_json` with
    orjson installed (the same bytes either way).

    >>> report = builtin_report(2022)
    >>> dumps_json_bytes(report)[:19]
    b'{"institution":"\\xe6\\xb9\\x96'
    >>> loads_json(dumps_json_bytes(report)) == report
    True
    """
    data = unstructure(report)
    if (orjson := _orjson()) is not None:
        try:
            written: bytes = orjson.dumps(data)
        except TypeError:
            pass  # an integer beyond 64 bits, which json writes
        else:
            return written
    import json

    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def format_of(path: str | os.PathLike[str]) -> Format:
    """The data format named by a file's suffix (``.toml`` or ``.json``).

    >>> format_of("report-2023.toml"), format_of("R.JSON")
    ('toml', 'json')

    Raises:
        DataError: for any other suffix.
    """
    suffix = _suffix(path)
    if suffix == ".toml":
        return "toml"
    if suffix == ".json":
        return "json"
    raise DataError(str(path), [Issue("", "expected a .toml or .json file")])


def _suffix(path: str | os.PathLike[str]) -> str:
    """The suffix of ``path``'s last component, lower-cased (``pathlib``'s reading of it)."""
    from pathlib import PurePath  # not at import: the built-in reports need no pathlib

    return PurePath(path).suffix.lower()


def load(path: str | os.PathLike[str]) -> AnnualReport:
    """Read a report from a ``.toml`` or ``.json`` file.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "report.toml"
    >>> save(builtin_report(2022), path)
    >>> load(path).institution
    '湖南机电职业技术学院'

    Raises:
        DataError: if the file is missing, unreadable, not a regular file (a device, a FIFO),
            larger than :data:`MAX_DATA_BYTES`, malformed or not a valid report.
    """
    fmt = format_of(path)
    try:
        raw = read_bounded(path, MAX_DATA_BYTES)
    except OSError as exc:
        raise DataError(str(path), [Issue("", f"cannot read: {exc.strerror or exc}")]) from None
    except FileTooLargeError as exc:
        raise DataError(str(path), [Issue("", f"{exc} for a data file")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(str(path), [Issue("", f"not UTF-8 text: {exc.reason}")]) from None
    if fmt == "json":
        # Decoded strictly, the text holds a lone surrogate only as an escape.
        return _loads_json(text, str(path), _json_format(raw))
    return loads_toml(text, source=str(path))


def read_bounded(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at ``path``, if it holds at most ``limit`` of them.

    What is not a regular file (a device such as ``/dev/zero``, a FIFO, a directory) is
    refused before it is opened or read, and a file is read in chunks of 1 MiB up to
    ``limit + 1`` bytes: memory stays within twice ``limit``, whatever the file (one that
    grows, or whose size the system does not know, as files in ``/proc``).

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "report.toml"
    >>> _ = path.write_bytes(b"year = 2022")
    >>> read_bounded(path, 100)
    b'year = 2022'
    >>> read_bounded(path, 5)
    Traceback (most recent call last):
    ...
    hnjd_disclosure.errors.FileTooLargeError: file too large: 11 bytes (the limit is 5)

    Raises:
        OSError: if the file cannot be read, or is not a regular file (``not a regular file``
            and its kind in the message).
        FileTooLargeError: if it holds more than ``limit`` bytes.
    """
    _refuse_special(os.stat(path), path)
    # O_NONBLOCK: a FIFO put in the file's place since the stat does not block the open.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb", buffering=0) as handle:
        status = os.fstat(fd)
        _refuse_special(status, path)
        if status.st_size > limit:
            raise FileTooLargeError(status.st_size, limit)
        chunks: list[bytes] = []
        size = 0
        while size <= limit and (chunk := handle.read(min(_CHUNK, limit + 1 - size))):
            chunks.append(chunk)
            size += len(chunk)
    if size > limit:
        raise FileTooLargeError(None, limit)
    return b"".join(chunks)


def _refuse_special(status: os.stat_result, path: str | os.PathLike[str]) -> None:
    if not stat.S_ISREG(status.st_mode):
        kind = _file_kind(status.st_mode)
        raise OSError(errno.EINVAL, f"not a regular file ({kind})", str(path))


def _load_source(numbered: tuple[int, Source]) -> AnnualReport:
    index, source = numbered
    if isinstance(source, bytes):
        return loads_json(source, source=f"<document {index}>")
    return load(source)


def _load_and_apply(fn: Callable[[AnnualReport], T], numbered: tuple[int, Source]) -> T:
    return fn(_load_source(numbered))


def map_reports(
    fn: Callable[[AnnualReport], T], sources: Iterable[Source], *, workers: int = 1
) -> list[T]:
    """Load each report and apply ``fn`` to it, in ``workers`` processes; results in order.

    A source is a path to a ``.toml`` or ``.json`` file, or a JSON document as bytes (named
    ``<document i>`` in errors, ``i`` counting from 0). With ``workers > 1`` each process
    loads its share and only ``fn``'s results travel back, so ``fn`` and its results must be
    picklable (a function defined at module level). Use this to audit or tabulate thousands
    of reports; :func:`load_many` is ``map_reports`` returning the reports themselves.

    >>> doc = dumps_json(builtin_report(2022)).encode()
    >>> map_reports(str, [], workers=2)
    []
    >>> [r.year for r in load_many([doc, doc])]
    [2022, 2022]

    Raises:
        DataError: for the first source (in order) that is not a valid report.
        ValueError: if ``workers`` is less than 1.
    """
    if type(workers) is not int or workers < 1:
        raise ValueError(f"workers must be an integer >= 1, got {workers!r}")
    numbered = list(enumerate(sources))
    work = partial(_load_and_apply, fn)
    if workers == 1 or len(numbered) < 2:
        return [work(item) for item in numbered]
    # Imported here: most programs never start a pool, and the CLI must start fast.
    from concurrent.futures import ProcessPoolExecutor

    workers = min(workers, len(numbered))
    # A few chunks per process: large enough to amortise pickling, small enough to balance.
    chunksize = max(1, len(numbered) // (workers * 4))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(work, numbered, chunksize=chunksize))


def load_many(sources: Iterable[Source], *, workers: int = 1) -> list[AnnualReport]:
    """Load many reports (paths or JSON bytes), in ``workers`` processes; results in order.

    See :func:`map_reports` for the sources and ``workers``; with workers the reports are
    pickled back to this process, which costs about as much as loading them, so prefer
    :func:`map_reports` to compute something from each report in the workers.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "report-2022.toml"
    >>> save(builtin_report(2022), path)
    >>> reports = load_many([path, dumps_json_bytes(builtin_report(2022))])
    >>> [r.year for r in reports], reports[0] == reports[1]
    ([2022, 2022], True)

    Raises:
        DataError: for the first source (in order) that is not a valid report.
        ValueError: if ``workers`` is less than 1.
    """
    return map_reports(_identity, sources, workers=workers)


def _identity(report: AnnualReport) -> AnnualReport:
    return report


#: Plain text and Markdown (UTF-8), read as they are.
TEXT_SUFFIXES: Final = (".txt", ".text", ".md")
#: Web pages, read by :func:`~hnjd_disclosure.parse.html_to_text`.
HTML_SUFFIXES: Final = (".html", ".htm")
#: Word files, read by :func:`~hnjd_disclosure.parse.docx_to_text`.
DOCX_SUFFIXES: Final = (".docx",)
#: Every file :func:`read_report_text` reads (compared ignoring case).
REPORT_TEXT_SUFFIXES: Final = TEXT_SUFFIXES + HTML_SUFFIXES + DOCX_SUFFIXES

# <meta charset="gbk"> or <meta http-equiv="Content-Type" content="text/html; charset=gbk">
# (a pattern, compiled on first use: every start of the CLI imports this module)
_META_CHARSET: Final = rb"(?i)<meta[^>]*?charset\s*=\s*[\"']?\s*([-A-Za-z0-9_.:]+)"
# What browsers read for the labels pages declare (WHATWG's Encoding standard): GB2312 and
# GBK pages are decoded as GB18030, their superset; Latin-1 as windows-1252; UTF-16 as UTF-8.
_CHARSET_READ_AS: Final = {
    **dict.fromkeys(("gb2312", "gbk", "x-gbk", "cp936", "gb_2312-80", "csgb2312"), "gb18030"),
    **dict.fromkeys(("iso-8859-1", "latin1", "ascii", "us-ascii"), "cp1252"),
    **dict.fromkeys(("utf-16", "utf-16le", "utf-16be"), "utf-8"),
}
_BOMS: Final = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _decode_page(data: bytes, source: str) -> str:
    """A web page's bytes as text: by its BOM; else the charset its ``<meta>`` declares in
    the first 4096 bytes; else UTF-8 if they are UTF-8; else GB18030."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            tried = [codec]
            data = data[len(bom) :]
            break
    else:
        declared = re.search(_META_CHARSET, data[:4096])
        label = declared.group(1).decode("ascii").lower() if declared else "utf-8"
        tried = list(dict.fromkeys((_CHARSET_READ_AS.get(label, label), "utf-8", "gb18030")))
    for codec in tried:
        try:
            return data.decode(codec)
        except (LookupError, UnicodeError):
            continue
    raise SourceError(source, f"not text in {', '.join(tried)}")


def read_report_text(path: str | os.PathLike[str], limit: int | None = None) -> str:
    """A report's text from a file, by its suffix: ``.txt``, ``.text`` or ``.md`` (UTF-8, a BOM
    allowed), a web page (``.html``, ``.htm``) or a Word file (``.docx``).

    A web page or a Word file is turned into text by
    :func:`~hnjd_disclosure.parse.html_to_text` or :func:`~hnjd_disclosure.parse.docx_to_text`,
    so every reader of :mod:`hnjd_disclosure.parse` reads it as it reads a text file.

    >>> import tempfile, pathlib
    >>> from hnjd_disclosure.parse import extract_figures
    >>> page = pathlib.Path(tempfile.mkdtemp()) / "report.html"
    >>> _ = page.write_bytes('<meta charset="gb2312"><p>计划招生5300人</p>'.encode("gbk"))
    >>> read_report_text(page).splitlines()
    ['计划招生5300人']
    >>> [f.text for f in extract_figures(read_report_text(page))]
    ['5300人']

    Raises:
        SourceError: naming the file, if it has another suffix, cannot be read, is not text
            in its encoding, is not a Word document, or has more than four bytes for each
            character the readers take.
        TextTooLargeError: if its text is longer than ``limit`` characters (by default what
            the readers take, :data:`~hnjd_disclosure.parse.MAX_CHARS`).
        MissingExtraError: for a ``.docx`` file without python-docx (the extra ``docx``).
    """
    from .parse import MAX_CHARS, docx_to_text, html_to_text  # the CLI must start fast

    source, suffix = str(path), _suffix(path)
    if suffix not in REPORT_TEXT_SUFFIXES:
        raise SourceError(source, f"expected a file ending in {', '.join(REPORT_TEXT_SUFFIXES)}")
    most = MAX_CHARS if limit is None else limit
    try:
        # at most 4 bytes a character: more bytes than this cannot be within the limit
        data = read_bounded(path, 4 * most)
    except OSError as exc:
        raise SourceError(source, f"cannot read: {exc.strerror or exc}") from None
    except FileTooLargeError as exc:
        raise SourceError(source, f"{exc}, at most 4 bytes for each of {most} characters") from None
    if suffix in TEXT_SUFFIXES:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SourceError(source, f"not UTF-8 text (byte {exc.start})") from None
    elif suffix in HTML_SUFFIXES:
        text = html_to_text(_decode_page(data, source))
    else:
        try:
            text = docx_to_text(data)
        except SourceError as exc:
            raise SourceError(source, exc.message) from None
    if len(text) > most:
        raise TextTooLargeError(len(text), most)
    return text


def write_text_atomic(path: str | os.PathLike[str], text: str, *, force: bool = False) -> None:
    """Write ``text`` (as UTF-8) to ``path`` through a temporary file renamed into place.

    An interrupted write never leaves a half-written file, and without ``force`` an existing
    file is never replaced.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "note.txt"
    >>> write_text_atomic(path, "一")
    >>> write_text_atomic(path, "二")
    Traceback (most recent call last):
    ...
    FileExistsError: ... exists (use --force to replace it)
    >>> write_text_atomic(path, "二", force=True)
    >>> path.read_text(encoding="utf-8")
    '二'

    Raises:
        FileExistsError: if ``path`` exists and ``force`` is false.
    """
    write_bytes_atomic(path, text.encode("utf-8"), force=force)


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` like :func:`write_text_atomic` (for binary formats: .docx).

    A new file gets the permissions of any new file (``0o666`` less the umask, so a page for
    a web server is readable by it); a file replaced with ``force`` keeps its permission bits.
    Only a regular file is ever replaced: never a directory, a symbolic link or a device.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "blob.bin"
    >>> write_bytes_atomic(path, b"PK")
    >>> path.read_bytes()
    b'PK'

    Raises:
        FileExistsError: if ``path`` exists and ``force`` is false.
        OSError: if ``path`` exists and is not a regular file (``not a regular file`` in its
            message), or if it cannot be written.
    """
    from pathlib import Path  # not at import: the built-in reports need no pathlib

    target = Path(path)
    try:
        existing: os.stat_result | None = target.lstat()
    except FileNotFoundError:
        existing = None
    if existing is not None:
        if not stat.S_ISREG(existing.st_mode):
            kind = _file_kind(existing.st_mode)
            message = f"not a regular file ({kind}); refusing to replace it"
            raise OSError(errno.EINVAL, message, str(target))
        if not force:
            raise FileExistsError(f"{target} exists (use --force to replace it)")
    tmp, fd = _create_temporary(target)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if existing is not None:
                os.chmod(tmp, stat.S_IMODE(existing.st_mode))
            os.fsync(fh.fileno())
        if force:
            os.replace(tmp, target)
        else:
            # link() fails if the target appeared meanwhile: never replace without force.
            os.link(tmp, target)
            os.unlink(tmp)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _create_temporary(target: Path) -> tuple[Path, int]:
    """A new empty file beside ``target``, opened for writing, with a unique name.

    Created with mode ``0o666`` so that the umask applies, as to any new file (mkstemp's
    ``0o600`` would make every written file private to its owner).
    """
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0)
    stem = _shortened(target.name, _NAME_MAX - _TMP_EXTRA)
    for _ in range(100):
        tmp = target.with_name(f".{stem}.{os.urandom(6).hex()}.tmp")
        try:
            return tmp, os.open(tmp, flags, 0o666)
        except FileExistsError:
            continue
    raise FileExistsError(f"{target}: no free name for a temporary file")  # pragma: no cover


#: The longest file name most file systems take, in bytes (ext4, XFS, APFS, NTFS's 255
#: UTF-16 units hold at least as much), and what a temporary name adds to the target's.
_NAME_MAX: Final = 255
_TMP_EXTRA: Final = len(".." + "0" * 12 + ".tmp")


def _shortened(name: str, limit: int) -> str:
    """``name`` cut to at most ``limit`` bytes of its file-system encoding, between characters
    (a temporary name beside a 250-byte target must still be a valid name)."""
    while len(os.fsencode(name)) > limit:
        name = name[:-1]
    return name


def _file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    kinds = (
        (stat.S_ISDIR, "directory"),
        (stat.S_ISLNK, "symbolic link"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
        (stat.S_ISFIFO, "FIFO"),
        (stat.S_ISSOCK, "socket"),
    )
    return next((name for test, name in kinds if test(mode)), "special file")


def save(
    report: AnnualReport,
    path: str | os.PathLike[str],
    *,
    force: bool = False,
) -> None:
    """Write a report to a ``.toml`` or ``.json`` file, atomically.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "report.json"
    >>> save(builtin_report(2022), path)
    >>> loads_json(path.read_text(encoding="utf-8")).year
    2022

    Raises:
        DataError: if the suffix is neither ``.toml`` nor ``.json``.
        FileExistsError: if the file exists and ``force`` is false.
    """
    fmt = format_of(path)
    text = dumps_toml(report) if fmt == "toml" else dumps_json(report)
    write_text_atomic(path, text, force=force)


@cache
def available_years() -> tuple[int, ...]:
    """The years of the built-in reports.

    >>> 2022 in available_years()
    True
    """
    names = (name.removesuffix(".toml") for name in os.listdir(_REPORTS) if name.endswith(".toml"))
    return tuple(sorted(int(name) for name in names if name.isdigit()))


@cache
def builtin_report(year: int = 2022) -> AnnualReport:
    """The built-in report of ``year``, as published.

    >>> r = builtin_report(2022)
    >>> r.institution, r.proactive.admissions.planned.value
    ('湖南机电职业技术学院', 5300)

    Raises:
        UnknownYearError: if there is no built-in report for that year.
    """
    if type(year) is not int or year not in available_years():
        raise UnknownYearError(year, available_years())
    source = f"<built-in {year}>"
    # The TOML file is the source; the JSON file beside it is the same report as dumps_json
    # writes it (a test checks), read several times faster: tomllib is pure Python, and its
    # import and parse were a tenth of `hnjd-disclosure render --year 2022`.
    try:
        with open(os.path.join(_REPORTS, f"{year}.json"), "rb") as fh:
            compiled = fh.read()
    except FileNotFoundError:
        with open(os.path.join(_REPORTS, f"{year}.toml"), encoding="utf-8") as fh:
            return loads_toml(fh.read(), source=source)
    import json  # not orjson: for one document its import costs more than it saves

    data = json.loads(compiled)
    return _report_of(data, source, compiled, JSON)
