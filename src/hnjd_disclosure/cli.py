"""The command line: ``hnjd-disclosure`` (also ``python -m hnjd_disclosure``).

This is the edge: arguments, files, messages and exit statuses. Bad input prints one line
to standard error and exits with status 2, never a traceback, and writes nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final, NoReturn, TextIO, TypeAlias

from . import io
from .errors import DataError, HnjdError, MissingExtraError, MissingFiguresError, escape
from .model import AnnualReport, InstitutionKind

if TYPE_CHECKING:
    from .parse import Header

__all__ = ["main"]

PROG = "hnjd-disclosure"

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class CliError(Exception):
    """A problem to report in one line, with exit status 2."""


def _terminal_width() -> int:
    """What ``shutil.get_terminal_size().columns`` gives, without importing shutil (it imports
    the compression modules: 2 ms of every start, for the help formatter's width)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80  # shutil's fallback


class _Formatter(argparse.HelpFormatter):
    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        width = _terminal_width() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        # One line, not argparse's usage dump.
        self.exit(EXIT_USAGE, f"{self.prog}: {escape(message)} (see --help)\n")


def _json_dumps(data: object, **options: Any) -> str:
    import json  # not on the render path: the CLI must start fast

    return json.dumps(data, **options)


_YEAR_EXPECTED = "expected a year of 4 digits such as 2022"


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isascii() and text.isdigit()


def year_argument(text: str) -> int:
    """A year as the command line takes it: 4 ASCII digits, nothing else, from the first year
    a report can have (1949).

    Not ``int()``, which also takes ``2_022``, ``+2022``, ``" 2022 "`` and full-width digits.

    >>> year_argument("2022")
    2022
    >>> year_argument("2_022")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: expected a year of 4 digits such as 2022, got '2_022'
    >>> year_argument("0000")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: expected a year from 1949 to 9999, got '0000'
    """
    from .model.report import MAX_YEAR, MIN_YEAR

    if not _is_year(text):
        raise argparse.ArgumentTypeError(f"{_YEAR_EXPECTED}, got {text!r}")
    if not MIN_YEAR <= int(text) <= MAX_YEAR:
        raise argparse.ArgumentTypeError(
            f"expected a year from {MIN_YEAR} to {MAX_YEAR}, got {text!r}"
        )
    return int(text)


def output_argument(text: str) -> str | None:
    """The file ``-o`` names; ``-`` is standard output (None), and an empty name is refused
    (it used to mean standard output silently).

    >>> output_argument("report.txt"), output_argument("-")
    ('report.txt', None)
    >>> output_argument("")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: expected a file name (or - for standard output), got ''
    """
    if text == "":
        raise argparse.ArgumentTypeError(
            f"expected a file name (or - for standard output), got {text!r}"
        )
    return None if text == "-" else text


def _add_source(parser: argparse.ArgumentParser, *, text: bool = False) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    what = "a report data file (.toml or .json)"
    if text:
        what += f" or a report's text ({', '.join(TEXT_SUFFIXES)})"
    group.add_argument("file", nargs="?", help=what)
    group.add_argument("--year", type=year_argument, help="a built-in report, e.g. 2022")


def _add_output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        type=output_argument,
        help="write to this file instead of standard output (- is standard output)",
    )
    parser.add_argument("--force", action="store_true", help="replace the output file if it exists")


def read_report(args: argparse.Namespace) -> AnnualReport:
    """The report named by ``FILE`` or ``--year``."""
    if args.year is not None:
        return io.builtin_report(args.year)
    return io.load(args.file)


def emit(text: str, args: argparse.Namespace, stdout: TextIO) -> None:
    """Write ``text`` to ``--output`` (atomically, never replacing without --force) or stdout."""
    if args.output:
        emit_bytes(text.encode("utf-8"), args)
    else:
        stdout.write(text)


def emit_bytes(data: bytes, args: argparse.Namespace) -> None:
    """Write binary ``data`` to ``--output`` (required: binary never goes to a terminal)."""
    if not args.output:
        raise CliError("this format is binary: write it to a file with -o FILE")
    try:
        io.write_bytes_atomic(args.output, data, force=args.force)
    except FileExistsError:
        raise CliError(f"{args.output}: exists; use --force to replace it") from None
    except OSError as exc:
        raise CliError(f"{args.output}: cannot write: {exc.strerror or exc}") from None


def _render(args: argparse.Namespace, stdout: TextIO) -> int:
    if args.as_published and args.format != "text":
        raise CliError(
            f"--as-published is for --format text: {args.format} always includes part 8, "
            "the checklist table"
        )
    report = read_report(args)
    if args.format == "docx":
        from .render.docx import render_docx

        emit_bytes(render_docx(report), args)
    elif args.format == "html":
        from .render.html import render_html

        emit(render_html(report), args, stdout)
    elif args.format == "markdown":
        from .render.markdown import render_markdown

        emit(render_markdown(report), args, stdout)
    else:
        from .render import render

        emit(render(report, checklist=not args.as_published), args, stdout)
    return EXIT_OK


def _schema(args: argparse.Namespace, stdout: TextIO) -> int:
    from .schema import json_schema

    emit(_json_dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", args, stdout)
    return EXIT_OK


def _convert(args: argparse.Namespace, stdout: TextIO) -> int:
    report = read_report(args)
    target = args.output
    fmt = io.format_of(target) if target else args.to
    text = io.dumps_toml(report) if fmt == "toml" else io.dumps_json(report)
    emit(text, args, stdout)
    return EXIT_OK


def _new(args: argparse.Namespace, stdout: TextIO) -> int:
    from .draft import draft_from

    if args.source is None:
        report = io.builtin_report(args.year - 1)
    else:
        report = read_report_arg(args.source)
    _write_draft(draft_from(report, args.year), args, stdout)
    return EXIT_OK


def _init(args: argparse.Namespace, stdout: TextIO) -> int:
    from .draft import first_draft

    data = first_draft(args.institution, InstitutionKind(args.kind), args.year)
    _write_draft(data, args, stdout)
    return EXIT_OK


def _write_draft(data: dict[str, Any], args: argparse.Namespace, stdout: TextIO) -> None:
    from .draft import dumps_draft_toml

    if args.output and io.format_of(args.output) == "json":
        text = _json_dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
    else:
        text = dumps_draft_toml(data)
    emit(text, args, stdout)


def _missing(exc: MissingFiguresError, args: argparse.Namespace, stdout: TextIO) -> int:
    from .checklist import checklist_2014
    from .draft import figure_fields

    fields = figure_fields()
    hints = {p: fields[p].hint if p in fields else "" for p in exc.paths}
    names = {item.number: item.text for item in checklist_2014().items}
    undecided = {n: names.get(n, "") for n in exc.undecided}
    if args.json:
        document = _missing_document(exc, hints, undecided)
        stdout.write(_json_dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        stdout.write(_missing_text(exc, hints, undecided))
    return EXIT_FINDINGS


def _missing_document(
    exc: MissingFiguresError, hints: dict[str, str], undecided: dict[int, str]
) -> dict[str, object]:
    """What a draft still lacks, as ``check --json`` reports it."""
    invalid = [{"path": i.path, "message": i.message} for i in exc.invalid]
    return {
        "errors": len(invalid),
        "warnings": 0,
        "findings": [],
        "missing": [{"path": p, "hint": h} for p, h in hints.items()],
        "undecided": [{"item": n, "name": name} for n, name in undecided.items()],
        "invalid": invalid,
    }


def _missing_text(
    exc: MissingFiguresError, hints: dict[str, str], undecided: dict[int, str]
) -> str:
    """What a draft still lacks, in Chinese: figures, checklist items, invalid figures."""
    out = []
    if hints:
        width = max(len(p) for p in hints)
        out.append(f"{exc.source}: {len(hints)} 个数字尚未填写（待填写）：\n")
        out += [f"  {p:<{width}}  {h}\n" for p, h in hints.items()]
    if undecided:
        out.append(f"{exc.source}: {len(undecided)} 个清单事项的公开情况尚未确定（待填写）：\n")
        out += [f"  第{n}项  {name}\n" for n, name in undecided.items()]
    if exc.invalid:
        out.append(f"{exc.source}: {len(exc.invalid)} 个已填写的数字有误：\n")
        out += [f"  {i.path}: {i.message}\n" for i in exc.invalid]
    return "".join(out)


def _check(args: argparse.Namespace, stdout: TextIO) -> int:
    from .audit import audit, check_rules
    from .render import render
    from .render.findings import finding_dict, findings_text

    if args.file is not None and args.file.lower().endswith(TEXT_SUFFIXES):
        return _check_text(args, stdout)
    try:
        report = read_report(args)
    except MissingFiguresError as exc:
        # A draft is not bad input: list what is still to fill in, and fail like an error.
        return _missing(exc, args, stdout)
    findings = audit(report, check_rules(render(report)))
    if args.json:
        document = {
            "errors": len(findings.errors),
            "warnings": len(findings.warnings),
            "findings": [finding_dict(f) for f in findings],
        }
        stdout.write(_json_dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        stdout.write(findings_text(findings))
    failed = bool(findings.errors) or (args.strict and bool(findings))
    return EXIT_FINDINGS if failed else EXIT_OK


def _check_text(args: argparse.Namespace, stdout: TextIO) -> int:
    """``check`` on a report's text: the findings, then how many checks were verified and
    how many could not be (``--json``: every check not verifiable, with why)."""
    from .parse import check_text
    from .render.findings import finding_dict, findings_text

    result = check_text(_figure_text(args.file))
    findings = result.findings
    if args.json:
        document = {
            "errors": len(findings.errors),
            "warnings": len(findings.warnings),
            "verified": result.verified,
            "unverifiable": [c.to_dict() for c in result.unverifiable],
            "findings": [finding_dict(f) for f in findings],
        }
        stdout.write(_json_dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        stdout.write(findings_text(findings))
        stdout.write(result.summary() + "\n")
    failed = bool(findings.errors) or (args.strict and bool(findings))
    return EXIT_FINDINGS if failed else EXIT_OK


def read_report_arg(text: str) -> AnnualReport:
    """A report named by an argument: 4 ASCII digits is a year, anything else a file.

    What looks like a number but is not 4 ASCII digits (``02022``, ``+2022``, ``2_022``,
    full-width digits) is refused, not read as a year nor looked for as a file.
    """
    if _is_year(text):
        return io.builtin_report(int(text))
    if text.strip().removeprefix("+").removeprefix("-").replace("_", "").isdigit():
        raise CliError(f"{_YEAR_EXPECTED} or a data file (.toml or .json), got {text!r}")
    return io.load(text)


def _diff(args: argparse.Namespace, stdout: TextIO) -> int:
    from ._table import markdown_table
    from .compare import compare

    comparison = compare(read_report_arg(args.old), read_report_arg(args.new))
    if args.json:
        document = comparison.to_dict(everything=args.all)
        text = _json_dumps(document, ensure_ascii=False, indent=2) + "\n"
    elif args.table:
        headers = comparison.headers()
        text = markdown_table(headers, comparison.rows(everything=args.all)) + "\n"
    else:
        sentences = comparison.sentences(everything=args.all)
        text = "".join(f"{s}\n" for s in sentences) if sentences else comparison.to_text()
    stdout.write(text)
    return EXIT_OK


#: The files ``check`` reads as a report's text (any other file is a report's data): plain
#: text and Markdown, web pages and Word files.
TEXT_SUFFIXES: Final = io.REPORT_TEXT_SUFFIXES


def read_text_file(path: str, limit: int | None = None) -> str:
    """A report's text from a text file, a web page or a Word file (by its suffix), refused
    beyond ``limit`` characters (the readers' size limit,
    :data:`~hnjd_disclosure.parse.MAX_CHARS`, by default).

    The file is read with :func:`io.read_bounded` (no device, no FIFO, at most 4 bytes a
    character of the limit); its size is checked before its encoding, so a file too large
    is called so, not "not UTF-8" where the reading stopped.

    Raises:
        CliError: naming the file, if it cannot be read or turned into text, or is too large.
    """
    from .errors import SourceError

    try:
        return io.read_report_text(path, limit)
    except SourceError as exc:
        raise CliError(str(exc)) from None
    except HnjdError as exc:  # too large; a .docx without python-docx
        raise CliError(f"{path}: {exc}") from None


def _figure_text(path: str) -> str:
    """A text for the figure checks, within their lower limit (``MAX_FIGURE_CHARS``)."""
    from .parse import MAX_CHARS
    from .parse._text import MAX_FIGURE_CHARS

    return read_text_file(path, min(MAX_FIGURE_CHARS, MAX_CHARS))


def _parse(args: argparse.Namespace, stdout: TextIO) -> int:
    from .parse import parse_report

    try:
        report = parse_report(read_text_file(args.file))
    except HnjdError as exc:
        raise CliError(f"{args.file}: {exc}") from None
    fmt = io.format_of(args.output) if args.output else "toml"
    emit(io.dumps_toml(report) if fmt == "toml" else io.dumps_json(report), args, stdout)
    return EXIT_OK


def _extract(args: argparse.Namespace, stdout: TextIO) -> int:
    from .parse import extract

    found = extract(_figure_text(args.file))
    if args.json:
        stdout.write(_json_dumps(found.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    stdout.write(_header_text(found.header))
    for f in found.figures:
        link = ""
        if f.part is not None or f.whole is not None:
            part = "?" if f.part is None else str(f.part.value)
            whole = "?" if f.whole is None else str(f.whole.value)
            basis = "" if f.basis is None else f"\t{f.basis.value}"
            link = f"\t{part}/{whole}{basis}"
        stdout.write(f"{f.span[0]}-{f.span[1]}\t{f.kind.value}\t{f.text}\t{f.label}{link}\n")
    return EXIT_OK


def _header_text(header: Header) -> str:
    """The header facts, one per line, before the figures (``—`` for what is not there)."""
    period = "—"
    if header.period_start is not None and header.period_end is not None:
        period = f"{header.period_start.isoformat()} 至 {header.period_end.isoformat()}"
    academic = "—" if header.academic_year is None else "-".join(map(str, header.academic_year))
    documents = "；".join(f"《{d.title}》（{d.number}）" for d in header.documents) or "—"
    parts = "—" if header.stated_part_count is None else str(header.stated_part_count)
    if header.part_names:
        parts += "：" + "、".join(header.part_names)
    lines = (
        f"# 学校: {header.institution or '—'}",
        f"# 标题: {header.title or '—'}",
        f"# 学年: {academic}",
        f"# 统计期间: {period}",
        f"# 引用文件: {documents}",
        f"# 部分: {parts}",
    )
    return "".join(f"{line}\n" for line in lines)


class _Version(argparse.Action):
    """``--version``: the installed distribution's version, looked up only when asked for
    (importlib.metadata is a few milliseconds of every start otherwise)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("default", argparse.SUPPRESS)
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> NoReturn:
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("hnjd-disclosure")
        except PackageNotFoundError:  # pragma: no cover - run from a source tree
            found = "unknown"
        sys.stdout.write(f"{PROG} {found}\n")
        parser.exit(EXIT_OK)


Command = Callable[[argparse.Namespace, TextIO], int]
if TYPE_CHECKING:  # generic only to type checkers
    _Subparsers: TypeAlias = argparse._SubParsersAction[_Parser]


def _add_render(sub: _Subparsers) -> None:
    p = sub.add_parser("render", help="write a report as Chinese text, Markdown, HTML or Word")
    _add_source(p)
    _add_output(p)
    p.add_argument(
        "--format",
        choices=("text", "markdown", "html", "docx"),
        default="text",
        help="text, markdown, html (one web page) or docx (needs -o and the docx extra); each "
        "is the whole report, part 8 (the checklist table) included when the data has it",
    )
    p.add_argument(
        "--as-published",
        action="store_true",
        help="text: leave out part 8, as the 2022 text was published (which announces the "
        "checklist table but does not print it); only with --format text",
    )
    p.set_defaults(run=_render)


def _add_schema(sub: _Subparsers) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of the data format")
    _add_output(p)
    p.set_defaults(run=_schema)


def _add_convert(sub: _Subparsers) -> None:
    p = sub.add_parser("convert", help="write a report's data as TOML or JSON")
    _add_source(p)
    _add_output(p)
    p.add_argument("--to", choices=("toml", "json"), default="toml", help="format for stdout")
    p.set_defaults(run=_convert)


def _add_new(sub: _Subparsers) -> None:
    p = sub.add_parser("new", help="draft next year's report data from a previous report")
    p.add_argument(
        "--year", type=year_argument, required=True, help="the year of the new report, e.g. 2023"
    )
    p.add_argument(
        "--from",
        dest="source",
        metavar="YEAR|FILE",
        help="a built-in year or a data file to start from (default: the built-in year before)",
    )
    _add_output(p)
    p.set_defaults(run=_new)


def _add_init(sub: _Subparsers) -> None:
    p = sub.add_parser(
        "init",
        help="draft an institution's first report: every part, every figure to fill in",
        description="Write the draft of a first report for any institution: every part with "
        "model prose to rewrite, every figure marked 待填写, and part 8 with the checklist "
        "items that apply to the kind of institution marked 待填写. Exit status 0, or 2 on "
        "bad input.",
    )
    p.add_argument("--institution", required=True, metavar="NAME", help="the institution's name")
    p.add_argument(
        "--kind",
        required=True,
        choices=[kind.value for kind in InstitutionKind],
        help="本科 (undergraduate) or 高职 (vocational): decides which checklist items apply",
    )
    p.add_argument(
        "--year", type=year_argument, required=True, help="the year of the report, e.g. 2024"
    )
    _add_output(p)
    p.set_defaults(run=_init)


def _add_check(sub: _Subparsers) -> None:
    p = sub.add_parser(
        "check",
        help="audit a report's figures against its counts",
        description="Audit a report. Exit status: 0 with no findings or only warnings, "
        "1 with an error (or any finding with --strict) or with figures or checklist "
        "statuses still marked 待填写 (a draft from `new` or `init`: they are listed), "
        "2 on bad input. A FILE ending in .txt, .text or .md (UTF-8 text), .html or .htm "
        "(a web page) or .docx (a Word file, with the docx extra) is a report's text (any "
        "institution): its figures are extracted and checked, and the last line says how "
        "many checks were verified and how many the text gives no evidence for. A web page "
        "or a Word file is read as its text: paragraphs as lines, tables as "
        "'| cell | cell |' rows, navigation, scripts and styles left out.",
    )
    _add_source(p, text=True)
    p.add_argument("--json", action="store_true", help="print the findings as JSON")
    p.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")
    p.set_defaults(run=_check)


def _add_diff(sub: _Subparsers) -> None:
    p = sub.add_parser(
        "diff",
        help="compare two reports figure by figure",
        description="Compare two reports; OLD and NEW are data files or years (4 digits). "
        "Exit status 0, or 2 on bad input.",
    )
    p.add_argument("old", metavar="OLD", help="a data file, or the year of a built-in report")
    p.add_argument("new", metavar="NEW", help="a data file, or the year of a built-in report")
    p.add_argument("--json", action="store_true", help="print the changes as JSON")
    p.add_argument("--table", action="store_true", help="print a Markdown table")
    p.add_argument("--all", action="store_true", help="include the figures that did not change")
    p.set_defaults(run=_diff)


def _add_parse(sub: _Subparsers) -> None:
    p = sub.add_parser(
        "parse",
        help="read a report's text (this school's layout) into data",
        description="Read a report's Chinese text into data: TOML on standard output, or the "
        "format of -o's suffix (.toml or .json). Exit status 0, or 2 if the text is not such a "
        "report (the message gives the line and column).",
    )
    p.add_argument("file", metavar="FILE", help="the report as UTF-8 text")
    _add_output(p)
    p.set_defaults(run=_parse)


def _add_extract(sub: _Subparsers) -> None:
    p = sub.add_parser(
        "extract",
        help="list every figure of any report's text, with its offsets",
        description="List the counts, percentages, 万 figures and changes of any report's "
        "text: start-end offsets, kind, figure, label and part/whole of a percentage. FILE is "
        "UTF-8 text (.txt, .text, .md), a web page (.html, .htm) or a Word file (.docx, with "
        "the docx extra); the offsets are those of its text, where a web page or a Word file "
        "has its paragraphs as lines and its tables as '| cell | cell |' rows.",
    )
    p.add_argument("file", metavar="FILE", help="a report: .txt, .text, .md, .html, .htm or .docx")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(run=_extract)


_SURVEY_SUFFIXES: Final = (".csv", ".json", ".html", ".xlsx")


def _survey(args: argparse.Namespace, stdout: TextIO) -> int:
    from .survey import Weights, survey, survey_file

    weights = Weights.default()
    if args.weights:
        weights = Weights.from_toml(
            io.read_bounded(args.weights, _WEIGHTS_LIMIT).decode("utf-8", "replace"),
            source=args.weights,
        )
    if args.explain:
        _explain(survey_file(args.explain), weights, stdout)
        return EXIT_OK
    if not args.paths:
        raise CliError("survey: give at least one PATH (a folder or a report file)")
    suffix = os.path.splitext(args.output)[1].lower() if args.output else ""
    if args.output and suffix not in _SURVEY_SUFFIXES:
        raise CliError(
            f"{args.output}: write a survey to a file ending in {', '.join(_SURVEY_SUFFIXES)}"
        )
    if args.output and not args.force and os.path.lexists(args.output):
        # before the survey, not after an hour of it
        raise CliError(f"{args.output}: exists; use --force to replace it")
    if suffix == ".xlsx":
        try:  # the extra, before the survey too
            import openpyxl  # noqa: F401
        except ImportError:
            raise MissingExtraError("xlsx", "openpyxl") from None
    with _progress(args.quiet) as on_row:
        result = survey(args.paths, workers=args.workers, weights=weights, on_row=on_row)
    if not args.output:
        _survey_table(result, stdout)
    elif suffix == ".xlsx":
        from .survey import to_xlsx

        emit_bytes(to_xlsx(result), args)
    else:
        from .survey import to_csv, to_html, to_json

        writer = {".csv": to_csv, ".json": to_json, ".html": to_html}[suffix]
        emit(writer(result), args, stdout)
    return EXIT_OK


_WEIGHTS_LIMIT: Final = 1 << 20


@contextlib.contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[Any], None] | None]:
    """A progress bar on standard error (count, rate, time left) when it is a terminal."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    with tqdm(unit=" reports", file=sys.stderr, dynamic_ncols=True) as bar:

        def tick(_row: object) -> None:
            bar.update(1)

        yield tick


def _survey_table(result: Any, stdout: TextIO) -> None:
    """The ranked rows as a tab-separated table: rank, score, institution, year, format,
    parts found, items disclosed of those applicable, source (or the error)."""
    stdout.write("rank\tscore\tinstitution\tyear\tformat\tparts\titems\tsource\n")
    for row in result.rows:
        record = row.record()
        if row.error is not None:
            stdout.write(f"—\t—\t—\t—\t—\t—\t—\t{escape(row.error)}\n")
            continue
        cells = (
            record["rank"],
            record["score"],
            record["institution"] or "—",
            record["year"] or "—",
            record["format"],
            f"{record['parts_found']}/8",
            f"{record['items_disclosed']}/{record['items_applicable']}",
            escape(row.source),
        )
        stdout.write("\t".join(str(c) for c in cells) + "\n")


def _explain(report: Any, weights: Any, stdout: TextIO) -> None:
    """Every point of one report: won/possible, key, why, and the text it rests on."""
    from .survey import score, score_points

    if report.error is not None:
        raise CliError(f"{report.source}: {report.error}")
    points = score_points(report, weights)
    for point in points:
        evidence = f"\t「{escape(point.evidence)}」" if point.evidence else ""
        stdout.write(f"{point.won}/{point.possible}\t{point.key}\t{point.reason}{evidence}\n")
    won = sum(p.won for p in points)
    possible = sum(p.possible for p in points)
    stdout.write(f"score {score(points)} ({won} of {possible} points)\n")


def _add_survey(sub: _Subparsers) -> None:
    p = sub.add_parser(
        "survey",
        help="score a folder of institutions' reports (structure, checklist, figures, citations)",
        description="Survey every report under the PATHs (folders are read recursively; "
        ".txt, .text, .md, .html, .htm and .docx files): one ranked row per report with its "
        "identity, the Ministry's eight parts found, the checklist items disclosed, the "
        "required figures, citations, arithmetic checks and what it carried over from the "
        "same institution's earlier report. A file that cannot be read is a row with its "
        "error. Without -o, prints the ranked table; -o writes .csv, .json, .html or .xlsx "
        "(the xlsx extra).",
    )
    p.add_argument("paths", metavar="PATH", nargs="*", help="a folder or a report file")
    _add_output(p)
    p.add_argument(
        "--workers", type=_workers, default=1, help="read the reports in N processes (default 1)"
    )
    p.add_argument("--weights", metavar="FILE", help="a TOML file of weights (see the docs)")
    p.add_argument(
        "--explain", metavar="REPORT", help="print every point REPORT wins or loses, and why"
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=_survey)


def _workers(value: str) -> int:
    if not value.isdecimal() or not 1 <= int(value) <= _MAX_WORKERS:
        raise argparse.ArgumentTypeError(
            f"expected a number of processes from 1 to {_MAX_WORKERS}, got {value!r}"
        )
    return int(value)


_MAX_WORKERS: Final = 256


#: The sub-commands in the order --help lists them, each with the function that adds it.
_COMMANDS: dict[str, Callable[[_Subparsers], None]] = {
    "render": _add_render,
    "schema": _add_schema,
    "convert": _add_convert,
    "new": _add_new,
    "init": _add_init,
    "check": _add_check,
    "diff": _add_diff,
    "parse": _add_parse,
    "extract": _add_extract,
    "survey": _add_survey,
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per task.

    With ``command`` (a sub-command's name), only that sub-command is added: what it parses
    and the errors it gives are the same, and the CLI starts faster (argparse's setup of
    the others is about a tenth of ``hnjd-disclosure render``'s start-up).
    """
    parser = _Parser(
        prog=PROG,
        description="Annual information-disclosure reports (信息公开年度报告) as typed data.",
    )
    parser.add_argument("--version", action=_Version, help="print the version and exit")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name, add in _COMMANDS.items():
        if command is None or command == name:
            add(sub)
    return parser


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None) -> int:
    """Run the command line and return its exit status.

    >>> import io as _io
    >>> out = _io.StringIO()
    >>> main(["render", "--year", "2022"], stdout=out)
    0
    >>> out.getvalue().splitlines()[1]
    '2022年信息公开年度报告'
    """
    out = sys.stdout if stdout is None else stdout
    arguments = sys.argv[1:] if argv is None else list(argv)
    command = arguments[0] if arguments and arguments[0] in _COMMANDS else None
    args = build_parser(command).parse_args(arguments)
    run: Command = args.run
    try:
        return run(args, out)
    except MissingFiguresError as exc:
        # The count first, then one figure a line (one line of them all ran to 1,400 characters).
        first, *rest = exc.lines()
        print(f"{PROG}: {first}", *rest, sep="\n", file=sys.stderr)
        return EXIT_USAGE
    except DataError as exc:
        message = exc.first_line
    except (HnjdError, CliError) as exc:
        message = str(exc)
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: still one line and exit 2, never a traceback
        detail = " ".join(str(exc).split())
        kind = type(exc).__name__ + (f": {detail}" if detail else "")
        message = f"internal error: {kind} (please report this)"
    # Already escaped where a value is quoted; escaped again here (a file name, an OS
    # message), so that what is printed is always one line without control characters.
    print(f"{PROG}: {escape(message)}", file=sys.stderr)
    return EXIT_USAGE


def _terminated(signum: int, _: object) -> NoReturn:
    # An exception, so that a write under way removes its temporary file (SIGTERM's default
    # action ends the process at once, and left it behind).
    raise SystemExit(128 + signum)


def entry() -> NoReturn:  # pragma: no cover - exercised through the console script
    """Console-script entry point."""
    import signal

    signal.signal(signal.SIGTERM, _terminated)
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    entry()
