"""The Ministry's checklist of 50 items (教办函〔2014〕23号) as data, and a report's coverage of it.

The items and which of them apply to which kind of institution live in two package data files,
``data/checklist-2014.tsv`` and ``data/checklist-2014-applicability.tsv``. The ``parse_*``
functions are pure (text in, values out); :func:`checklist_2014` reads the package data once.
:func:`coverage` counts how a report's part 8 covers the items that apply to its institution.

>>> standard = checklist_2014()
>>> len(standard.items), standard.item(33).text
(50, '高校毕业生就业质量年度报告')
>>> standard.not_applicable_reason(11, InstitutionKind.VOCATIONAL)
'高职院校不招收研究生，无研究生招生信息'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cache
from typing import Final

from attrs import frozen

from ._data import package_text
from .errors import ParseError
from .model import AnnualReport, DisclosureStatus, InstitutionKind

__all__ = [
    "CategoryCoverage",
    "ChecklistItem",
    "ChecklistStandard",
    "Coverage",
    "NotApplicable",
    "checklist_2014",
    "coverage",
    "parse_applicability",
    "parse_items",
]

_ITEMS_FILE: Final = "data/checklist-2014.tsv"
_APPLICABILITY_FILE: Final = "data/checklist-2014-applicability.tsv"
_ITEMS_HEADER: Final = ("category_no", "category_name", "item_no", "item_text")
_APPLICABILITY_HEADER: Final = ("institution_kind", "item_no", "reason")


@frozen(kw_only=True)
class ChecklistItem:
    """One item of the checklist: its category (number and name), its number and its text.

    >>> ChecklistItem(category_no=1, category="基本信息", number=6, text="信息公开年度报告").number
    6
    """

    category_no: int
    category: str
    number: int
    text: str


@frozen(kw_only=True)
class NotApplicable:
    """An item that does not apply to a kind of institution, and why.

    >>> NotApplicable(kind=InstitutionKind.VOCATIONAL, number=12, reason="不招收研究生").number
    12
    """

    kind: InstitutionKind
    number: int
    reason: str


@frozen(kw_only=True)
class ChecklistStandard:
    """A checklist: its items in order and the items that do not apply to a kind of institution.

    >>> s = checklist_2014()
    >>> [i.number for i in s.applicable(InstitutionKind.VOCATIONAL)][:12]
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 16]
    """

    doc_no: str
    items: tuple[ChecklistItem, ...]
    not_applicable: tuple[NotApplicable, ...]

    def item(self, number: int) -> ChecklistItem:
        """The item numbered ``number``.

        >>> checklist_2014().item(1).number
        1

        Raises:
            KeyError: if there is no such item.
        """
        for item in self.items:
            if item.number == number:
                return item
        raise KeyError(number)

    def categories(self) -> tuple[tuple[int, str], ...]:
        """The categories in order, as ``(number, name)``.

        >>> checklist_2014().categories()[1]
        (2, '招生考试信息')
        """
        return tuple(dict.fromkeys((i.category_no, i.category) for i in self.items))

    def not_applicable_reason(self, number: int, kind: InstitutionKind) -> str | None:
        """Why item ``number`` does not apply to ``kind``, or ``None`` if it applies.

        >>> s = checklist_2014()
        >>> s.not_applicable_reason(11, InstitutionKind.VOCATIONAL)
        '高职院校不招收研究生，无研究生招生信息'
        >>> s.not_applicable_reason(11, InstitutionKind.UNDERGRADUATE) is None
        True
        """
        for na in self.not_applicable:
            if na.number == number and na.kind is kind:
                return na.reason
        return None

    def applicable(self, kind: InstitutionKind) -> tuple[ChecklistItem, ...]:
        """The items that apply to an institution of ``kind``, in order.

        >>> s = checklist_2014()
        >>> len(s.items), len(s.applicable(InstitutionKind.VOCATIONAL))
        (50, 38)
        """
        return tuple(i for i in self.items if self.not_applicable_reason(i.number, kind) is None)


def tsv_rows(
    text: str, header: tuple[str, ...], *, optional: int = 0
) -> Iterator[tuple[int, list[str]]]:
    """The data rows of a package-data TSV text as ``(line number, cells)``, after checking its
    header; blank lines and ``#`` comments are skipped, and only the last ``optional`` cells of
    a row may be empty.

    >>> list(tsv_rows("# a note\\na\\tb\\n1\\t\\n", ("a", "b"), optional=1))
    [(3, ['1', ''])]
    """
    seen_header = False
    required = len(header) - optional
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not seen_header:
            if tuple(cells) != header:
                raise ParseError(f"expected the header {'/'.join(header)}", line=lineno, column=1)
            seen_header = True
            continue
        if len(cells) != len(header) or not all(c.strip() for c in cells[:required]):
            wanted = (
                f"{len(header)} tab-separated cells, {required} non-empty"
                if optional
                else f"{len(header)} non-empty tab-separated cells"
            )
            raise ParseError(f"expected {wanted}", line=lineno, column=1)
        yield lineno, cells
    if not seen_header:
        raise ParseError(f"missing the header {'/'.join(header)}", line=1, column=1)


def _number(cell: str, lineno: int, what: str) -> int:
    if not cell.isascii() or not cell.isdigit() or int(cell) < 1:
        raise ParseError(f"{what} must be a positive integer, got {cell!r}", line=lineno, column=1)
    return int(cell)


def parse_items(text: str) -> tuple[ChecklistItem, ...]:
    """Read checklist items from TSV text (``#`` comments, a header, one item a line).

    Items must be numbered 1, 2, 3, … in order.

    >>> header = "category_no\\tcategory_name\\titem_no\\titem_text\\n"
    >>> parse_items(header + "1\\t基本信息\\t1\\t章程\\n")
    (ChecklistItem(category_no=1, category='基本信息', number=1, text='章程'),)

    Raises:
        ParseError: naming the line of a malformed row, a bad number or an item out of order.
    """
    items: list[ChecklistItem] = []
    for lineno, (cat_no, cat, no, item_text) in tsv_rows(text, _ITEMS_HEADER):
        number = _number(no, lineno, "item_no")
        if number != len(items) + 1:
            raise ParseError(f"expected item {len(items) + 1}, got {number}", line=lineno, column=1)
        items.append(
            ChecklistItem(
                category_no=_number(cat_no, lineno, "category_no"),
                category=cat,
                number=number,
                text=item_text,
            )
        )
    return tuple(items)


def parse_applicability(text: str, item_count: int) -> tuple[NotApplicable, ...]:
    """Read which items do not apply to which kind of institution from TSV text.

    >>> parse_applicability("institution_kind\\titem_no\\treason\\n高职\\t11\\t不招研究生\\n", 50)
    (NotApplicable(kind=<InstitutionKind.VOCATIONAL: '高职'>, number=11, reason='不招研究生'),)

    Raises:
        ParseError: naming the line of an unknown kind, an unknown item or a repeated row.
    """
    out: list[NotApplicable] = []
    for lineno, (kind_text, no, reason) in tsv_rows(text, _APPLICABILITY_HEADER):
        try:
            kind = InstitutionKind(kind_text)
        except ValueError:
            kinds = ", ".join(k.value for k in InstitutionKind)
            raise ParseError(
                f"unknown kind {kind_text!r} (one of {kinds})", line=lineno, column=1
            ) from None
        number = _number(no, lineno, "item_no")
        if number > item_count:
            raise ParseError(f"no item {number} (the list has {item_count})", line=lineno, column=1)
        if any(na.kind is kind and na.number == number for na in out):
            raise ParseError(
                f"item {number} is listed twice for {kind.value}", line=lineno, column=1
            )
        out.append(NotApplicable(kind=kind, number=number, reason=reason))
    return tuple(out)


@cache
def checklist_2014() -> ChecklistStandard:
    """The Ministry's checklist of 2014 (高等学校信息公开事项清单), read once from package data.

    >>> checklist_2014().doc_no
    '教办函〔2014〕23号'
    """
    items = parse_items(package_text(_ITEMS_FILE))
    applicability = package_text(_APPLICABILITY_FILE)
    return ChecklistStandard(
        doc_no="教办函〔2014〕23号",
        items=items,
        not_applicable=parse_applicability(applicability, len(items)),
    )


@frozen(kw_only=True)
class CategoryCoverage:
    """How the items of one category were covered: counts by status and the items without one.

    >>> from hnjd_disclosure import builtin_report
    >>> first = coverage(builtin_report(2022)).by_category[0]
    >>> first.category_no, first.missing
    (1, ())
    """

    category_no: int
    category: str
    by_status: tuple[tuple[DisclosureStatus, int], ...]
    missing: tuple[int, ...]


@frozen(kw_only=True)
class Coverage:
    """How a report's part 8 covers the checklist.

    ``by_status`` counts every status of the table (all four, zeros included);
    ``applicable`` are the items that apply to the institution; ``missing`` are the applicable
    items the table gives no status.

    >>> from hnjd_disclosure import builtin_report
    >>> c = coverage(builtin_report(2022))
    >>> dict(c.by_status)[DisclosureStatus.NOT_APPLICABLE], len(c.applicable), c.missing
    (12, 38, ())
    """

    kind: InstitutionKind
    by_status: tuple[tuple[DisclosureStatus, int], ...]
    by_category: tuple[CategoryCoverage, ...]
    applicable: tuple[int, ...]
    missing: tuple[int, ...]


def _counts(statuses: list[DisclosureStatus]) -> tuple[tuple[DisclosureStatus, int], ...]:
    counted = Counter(statuses)
    return tuple((s, counted[s]) for s in DisclosureStatus)


def coverage(report: AnnualReport, standard: ChecklistStandard | None = None) -> Coverage:
    """Count how ``report``'s part 8 covers ``standard`` (default: the checklist of 2014).

    A report without part 8 covers nothing: every applicable item is missing.

    >>> from hnjd_disclosure import builtin_report
    >>> len(coverage(builtin_report(2022)).missing)
    0
    """
    std = checklist_2014() if standard is None else standard
    entries = report.checklist.entries if report.checklist is not None else ()
    status_of = {e.item: e.status for e in entries}
    kind = report.institution_kind
    applicable = tuple(i.number for i in std.applicable(kind))
    missing = tuple(n for n in applicable if n not in status_of)
    categories = []
    for cat_no, cat in std.categories():
        numbers = [i.number for i in std.items if i.category_no == cat_no]
        statuses = [s for n in numbers if (s := status_of.get(n)) is not None]
        categories.append(
            CategoryCoverage(
                category_no=cat_no,
                category=cat,
                by_status=_counts(statuses),
                missing=tuple(n for n in numbers if n in missing),
            )
        )
    return Coverage(
        kind=kind,
        by_status=_counts([e.status for e in entries]),
        by_category=tuple(categories),
        applicable=applicable,
        missing=missing,
    )
