"""The checklist of 2014 as data, part 8 in the model, the 2022 table and its coverage."""

from __future__ import annotations

import pickle
import re
from collections import Counter
from importlib import resources
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hnjd_disclosure import builtin_report, dumps_json, dumps_toml, loads_json, loads_toml, render
from hnjd_disclosure.audit import (
    DEFAULT_RULES,
    audit,
    check_checklist_applicability,
    check_checklist_coverage,
    check_checklist_evidence,
    check_rules,
)
from hnjd_disclosure.checklist import (
    checklist_2014,
    coverage,
    parse_applicability,
    parse_items,
)
from hnjd_disclosure.errors import DataError, ModelError, ParseError
from hnjd_disclosure.finding import Severity
from hnjd_disclosure.model import (
    AnnualReport,
    Checklist,
    ChecklistEntry,
    DisclosureStatus,
    InstitutionKind,
)
from hnjd_disclosure.render._checklist import checklist_cells, checklist_rows
from hnjd_disclosure.render.findings import message_en, message_zh

from .strategies import checklists, reports

REPORT = builtin_report(2022)
STANDARD = checklist_2014()
DISCLOSED = DisclosureStatus.DISCLOSED
NOT_APPLICABLE = DisclosureStatus.NOT_APPLICABLE
ITEMS_HEADER = "category_no\tcategory_name\titem_no\titem_text\n"
APPLICABILITY_HEADER = "institution_kind\titem_no\treason\n"


def _data_file(name: str) -> str:
    return resources.files("hnjd_disclosure").joinpath(f"data/{name}").read_text(encoding="utf-8")


def _ink(text: str) -> str:
    return re.sub(r"\s+", "", text)


class TestItems:
    def test_fifty_items_numbered_in_order(self) -> None:
        """The package data holds the 50 items, numbered 1 to 50."""
        assert [i.number for i in STANDARD.items] == list(range(1, 51))

    def test_category_sizes_match_the_provenance_note(self) -> None:
        """The categories have the sizes the data file's provenance comment states."""
        note = re.search(r"Category sizes: ([\d, ]+) = 50", _data_file("checklist-2014.tsv"))
        assert note is not None
        stated = [int(n) for n in note.group(1).split(",")]
        sizes = Counter(i.category_no for i in STANDARD.items)
        assert [sizes[no] for no, _ in STANDARD.categories()] == stated
        assert [no for no, _ in STANDARD.categories()] == list(range(1, 11))

    def test_item_30_wording(self) -> None:
        """Item 30 names the professors' share of undergraduate courses (本科课程), as the
        Ministry's list reads in a university's full 信息公开目录; the 2022 data file's comment
        quotes the same wording."""
        wording = "主讲本科课程的教授占教授总数的比例、教授授本科课程占课程总门次数的比例"
        assert STANDARD.item(30).text == wording
        assert f"# 30. {wording}\n" in _data_file("reports/2022.toml")

    def test_items_are_frozen_values(self) -> None:
        """Items are immutable, hashable and survive pickling."""
        item = STANDARD.item(33)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            item.text = "x"  # type: ignore[misc]
        assert pickle.loads(pickle.dumps(item)) == item
        assert hash(item) == hash(attrs.evolve(item))

    def test_unknown_item(self) -> None:
        """Asking for an item that does not exist raises KeyError."""
        with pytest.raises(KeyError):
            STANDARD.item(51)

    @pytest.mark.parametrize(
        ("text", "line", "message"),
        [
            ("a\tb\tc\td\n", 1, "expected the header"),
            ("# only a comment\n", 1, "missing the header"),
            (ITEMS_HEADER + "1\t基本信息\t1\n", 2, "expected 4 non-empty"),
            (ITEMS_HEADER + "1\t基本信息\t一\t章程\n", 2, "item_no must be a positive integer"),
            (ITEMS_HEADER + "1\t基本信息\t2\t章程\n", 2, "expected item 1, got 2"),
            (ITEMS_HEADER + "# note\n\n1\t基本信息\t1\t章程\n1\t基本信息\t1\t章程\n", 5, "got 1"),
        ],
    )
    def test_malformed_items_name_their_line(self, text: str, line: int, message: str) -> None:
        """A malformed row is reported with its line number."""
        with pytest.raises(ParseError, match=message) as info:
            parse_items(text)
        assert info.value.line == line


class TestApplicability:
    def test_vocational_exclusions(self) -> None:
        """For a 高职 college the graduate, degree and undergraduate-teaching items do not apply."""
        excluded = {
            i.number
            for i in STANDARD.items
            if STANDARD.not_applicable_reason(i.number, InstitutionKind.VOCATIONAL) is not None
        }
        assert excluded == {11, 12, 13, 14, 27, 29, 30, 35, 43, 44, 45, 46}
        applicable = STANDARD.applicable(InstitutionKind.VOCATIONAL)
        assert len(applicable) == 50 - len(excluded)

    def test_every_item_applies_to_an_undergraduate_university(self) -> None:
        """The data lists no exclusion for a 本科 university."""
        assert STANDARD.applicable(InstitutionKind.UNDERGRADUATE) == STANDARD.items

    def test_every_exclusion_has_a_reason(self) -> None:
        """Each exclusion carries a Chinese reason."""
        assert all(na.reason.strip() for na in STANDARD.not_applicable)

    @pytest.mark.parametrize(
        ("row", "message"),
        [
            ("专科\t11\t理由\n", "unknown kind"),
            ("高职\t51\t理由\n", "no item 51"),
            ("高职\t0\t理由\n", "positive integer"),
            ("高职\t11\t理由\n高职\t11\t理由\n", "listed twice"),
        ],
    )
    def test_bad_rows_are_refused(self, row: str, message: str) -> None:
        """Unknown kinds, unknown items and repeated rows are errors naming the line."""
        with pytest.raises(ParseError, match=message):
            parse_applicability(APPLICABILITY_HEADER + row, 50)


class TestEntryValidation:
    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            ({"status": DISCLOSED}, "evidence: required"),
            ({"status": DISCLOSED, "evidence": "。", "reason": "x"}, "reason: not allowed"),
            ({"status": NOT_APPLICABLE}, "reason: required"),
            ({"status": NOT_APPLICABLE, "reason": "x", "url": "http://a"}, "url: not allowed"),
            ({"status": DisclosureStatus.NOT_DISCLOSED, "reason": ""}, "reason: required"),
            ({"status": DisclosureStatus.NOT_DISCLOSED, "reason": " "}, "reason: must not start"),
            ({"status": DisclosureStatus.NOT_STATED, "channels": ("网站",)}, "channels: not"),
            ({"status": DisclosureStatus.NOT_STATED, "evidence": "。"}, "evidence: not allowed"),
            ({"status": "disclosed"}, "status: expected one of"),
            ({"status": DISCLOSED, "evidence": "。"}, "channels: required .* unless url or note"),
            ({"status": DISCLOSED, "evidence": "。", "note": ""}, "channels: required"),
            ({"status": DISCLOSED, "evidence": "。", "note": " "}, "note: must not start"),
            ({"status": NOT_APPLICABLE, "reason": "x", "note": "y"}, "note: not allowed"),
        ],
    )
    def test_fields_must_fit_the_status(self, fields: dict[str, object], message: str) -> None:
        """Each status requires its own fields and forbids the others."""
        with pytest.raises(ModelError, match=message):
            ChecklistEntry(item=1, **fields)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "where", [{"channels": ("校园网",)}, {"url": "https://a.edu.cn/"}, {"note": "报告未载明。"}]
    )
    def test_disclosed_says_where(self, where: dict[str, object]) -> None:
        """A channel, a URL or a note is enough to say where an item was disclosed."""
        entry = ChecklistEntry(item=1, status=DISCLOSED, evidence="。", **where)  # type: ignore[arg-type]
        assert entry.status is DISCLOSED

    def test_disclosed_without_where_names_the_path(self) -> None:
        """In a data file, a disclosed item with neither is refused at its channels."""
        text = dumps_toml(REPORT).replace('note = "报告未载明本项的公开渠道。"\n', "", 1)
        with pytest.raises(DataError) as info:
            loads_toml(text)
        (issue,) = info.value.issues
        assert issue.path == "checklist.entries[14].channels"
        assert "unless url or note is given" in issue.message

    @pytest.mark.parametrize("item", [0, 51, True, "6"])
    def test_item_number_in_range(self, item: object) -> None:
        """Item numbers are integers from 1 to 50."""
        with pytest.raises(ModelError, match="item"):
            ChecklistEntry(item=item, status=DisclosureStatus.NOT_STATED)  # type: ignore[arg-type]

    def test_entries_pickle_hash_and_evolve(self) -> None:
        """Entries are hashable values; evolve validates the changed copy again."""
        assert REPORT.checklist is not None
        entry = REPORT.checklist.entry(6)
        assert entry is not None
        assert pickle.loads(pickle.dumps(REPORT.checklist)) == REPORT.checklist
        assert hash(entry) == hash(attrs.evolve(entry))
        with pytest.raises(ModelError, match="evidence: not allowed"):
            attrs.evolve(entry, status=DisclosureStatus.NOT_STATED, channels=())

    def test_items_are_unique(self) -> None:
        """A table lists each item once."""
        entry = ChecklistEntry(item=7, status=DisclosureStatus.NOT_STATED)
        with pytest.raises(ModelError, match=r"entries\[1\]\.item: item 7 is listed twice"):
            Checklist(heading="清单事项公开情况表", entries=(entry, entry))


class TestData:
    @given(checklists())
    def test_round_trips_through_toml_and_json(self, table: Checklist) -> None:
        """A report with any valid table survives TOML and JSON unchanged."""
        report = attrs.evolve(REPORT, checklist=table)
        assert loads_toml(dumps_toml(report)) == report
        assert loads_json(dumps_json(report)) == report

    @given(reports(with_checklist=True))
    def test_generated_reports_round_trip(self, report: AnnualReport) -> None:
        """Generated reports with part 8 and a kind round-trip through TOML."""
        assert loads_toml(dumps_toml(report)) == report

    def test_inconsistent_status_names_its_path(self) -> None:
        """A status without its required field is a DataError at the entry's path."""
        text = dumps_toml(REPORT).replace('status = "not_applicable"', 'status = "disclosed"', 1)
        with pytest.raises(DataError) as info:
            loads_toml(text)
        (issue,) = info.value.issues
        assert re.fullmatch(r"checklist\.entries\[\d+\]\.evidence", issue.path)

    def test_unknown_status_lists_the_choices(self) -> None:
        """An unknown status string is refused with the four valid ones."""
        text = dumps_toml(REPORT).replace('status = "not_stated"', 'status = "unknown"', 1)
        with pytest.raises(DataError, match='expected one of "disclosed", "not_applicable"'):
            loads_toml(text)

    def test_unknown_kind(self) -> None:
        """The institution kind must be one of the enum's values."""
        text = dumps_toml(attrs.evolve(REPORT, institution_kind=InstitutionKind.UNDERGRADUATE))
        with pytest.raises(DataError, match="institution_kind"):
            loads_toml(text.replace('institution_kind = "本科"', 'institution_kind = "专科"'))


class TestTable2022:
    TABLE = REPORT.checklist

    def test_lists_all_fifty_items(self) -> None:
        """The built-in 2022 report gives every item a status."""
        assert self.TABLE is not None
        assert sorted(e.item for e in self.TABLE.entries) == list(range(1, 51))

    def test_evidence_is_in_the_report(self, published_text: str) -> None:
        """Every "disclosed" status cites a sentence that is in the rendered and published text."""
        assert self.TABLE is not None
        rendered = render(REPORT)
        disclosed = [e for e in self.TABLE.entries if e.status is DISCLOSED]
        assert disclosed
        for entry in disclosed:
            assert entry.evidence.endswith("。"), entry.item
            assert entry.evidence in rendered, entry.item
            assert _ink(entry.evidence) in _ink(published_text), entry.item

    def test_channels_are_named_in_the_cited_paragraph(self) -> None:
        """A channel is only listed where the paragraph holding the evidence names it."""
        assert self.TABLE is not None
        paragraphs = render(REPORT).splitlines()
        for entry in self.TABLE.entries:
            if entry.status is not DISCLOSED:
                continue
            (paragraph,) = [p for p in paragraphs if entry.evidence in p]
            for channel in entry.channels:
                words = re.split(r"“学生工作”版块|专栏|[《》]", channel)
                assert all(w in paragraph for w in words if w), (entry.item, channel)

    def test_every_disclosed_item_says_where(self) -> None:
        """Items 15, 19 and 20 name no channel in their paragraph: their note says so."""
        assert self.TABLE is not None
        disclosed = [e for e in self.TABLE.entries if e.status is DISCLOSED]
        assert all(e.channels or e.url or e.note for e in disclosed)
        noted = {e.item: e.note for e in disclosed if not e.channels}
        assert set(noted) == {15, 19, 20}
        assert all(n.startswith("报告未载明本项的公开渠道") for n in noted.values())

    def test_notes_quote_only_the_report(self) -> None:
        """What a note quotes (“…”, cut at ……) is in the rendered report."""
        assert self.TABLE is not None
        rendered = render(REPORT)
        quoted = [q for e in self.TABLE.entries for q in re.findall("“([^”]*)”", e.note)]
        assert quoted
        for quote in quoted:
            assert all(piece in rendered for piece in quote.split("……")), quote

    def test_not_applicable_items_follow_the_data(self) -> None:
        """Exactly the items the data excludes for 高职 are "not applicable", with its reason."""
        assert self.TABLE is not None
        kind = REPORT.institution_kind
        assert kind is InstitutionKind.VOCATIONAL
        for entry in self.TABLE.entries:
            reason = STANDARD.not_applicable_reason(entry.item, kind)
            assert (entry.status is NOT_APPLICABLE) == (reason is not None)
            if reason is not None:
                assert entry.reason == reason


class TestCoverage:
    def test_counts_match_the_table(self) -> None:
        """Counts by status and by category agree with the entries of the table."""
        assert REPORT.checklist is not None
        result = coverage(REPORT)
        counted = Counter(e.status for e in REPORT.checklist.entries)
        assert dict(result.by_status) == {s: counted[s] for s in DisclosureStatus}
        for category in result.by_category:
            numbers = {i.number for i in STANDARD.items if i.category_no == category.category_no}
            expected = Counter(e.status for e in REPORT.checklist.entries if e.item in numbers)
            assert dict(category.by_status) == {s: expected[s] for s in DisclosureStatus}
        assert result.missing == ()
        assert result.applicable == tuple(i.number for i in STANDARD.applicable(result.kind))

    @given(checklists(), st.sampled_from(InstitutionKind))
    def test_missing_are_the_applicable_items_without_status(
        self, table: Checklist, kind: InstitutionKind
    ) -> None:
        """The missing items are exactly the applicable ones the table leaves out."""
        report = attrs.evolve(REPORT, checklist=table, institution_kind=kind)
        assert report.checklist is not None
        listed = {e.item for e in report.checklist.entries}
        result = coverage(report)
        assert set(result.missing) == set(result.applicable) - listed
        assert sum(n for _, n in result.by_status) == len(listed)
        per_category = [n for c in result.by_category for _, n in c.by_status]
        assert sum(per_category) == len(listed)
        assert sorted(m for c in result.by_category for m in c.missing) == list(result.missing)

    def test_report_without_part_8_misses_every_applicable_item(self) -> None:
        """Without part 8 every applicable item is missing."""
        result = coverage(attrs.evolve(REPORT, checklist=None))
        assert result.missing == result.applicable
        assert len(result.missing) == len(STANDARD.applicable(InstitutionKind.VOCATIONAL))


class TestCoverageRule:
    def test_in_the_default_audit(self) -> None:
        """The audit runs the rule: the complete 2022 table gives no checklist finding."""
        assert check_checklist_coverage in DEFAULT_RULES
        assert not [f for f in audit(REPORT) if f.rule == "checklist-coverage"]

    @given(checklists(), st.sampled_from(InstitutionKind))
    def test_one_warning_per_missing_item(self, table: Checklist, kind: InstitutionKind) -> None:
        """Each applicable item without a status gives one warning naming it, nothing else."""
        report = attrs.evolve(REPORT, checklist=table, institution_kind=kind)
        findings = [f for f in audit(report) if f.rule == "checklist-coverage"]
        missing = coverage(report).missing
        assert len(findings) == len(missing)
        for finding, number in zip(findings, missing, strict=True):
            assert finding.severity is Severity.WARNING
            assert finding.path == "checklist.entries"
            assert f"第{number}项“{STANDARD.item(number).text}”" in message_zh(finding)
            assert f"item {number} " in message_en(finding)

    def test_not_applicable_items_are_not_missing(self) -> None:
        """Leaving out an item that does not apply to the school is no finding."""
        assert REPORT.checklist is not None
        kept = tuple(e for e in REPORT.checklist.entries if e.item != 11)
        report = attrs.evolve(REPORT, checklist=attrs.evolve(REPORT.checklist, entries=kept))
        assert list(check_checklist_coverage(report)) == []

    @pytest.mark.parametrize("kind", list(InstitutionKind))
    def test_report_without_part_8_gives_one_warning_listing_the_items(
        self, kind: InstitutionKind
    ) -> None:
        """No part 8 at all: one warning at ``checklist`` that names every applicable item."""
        report = attrs.evolve(REPORT, checklist=None, institution_kind=kind)
        (finding,) = check_checklist_coverage(report)
        assert (finding.path, finding.rule, finding.severity) == (
            "checklist",
            "checklist-coverage",
            Severity.WARNING,
        )
        applicable = [i.number for i in STANDARD.applicable(kind)]
        listed = re.search(r"（第([\d、]+)项）", message_zh(finding))
        assert listed is not None
        assert [int(n) for n in listed.group(1).split("、")] == applicable
        assert f"none of the {len(applicable)} checklist items" in message_en(finding)

    def test_parsed_text_has_no_part_8(self, published_text: str) -> None:
        """The published text announces part 8 but does not print it: the audit of the report
        read from it is the admission rate (as for the built-in report) and that one warning."""
        from hnjd_disclosure.parse import parse_report

        findings = audit(parse_report(published_text))
        assert [(f.path, f.rule) for f in findings] == [
            ("proactive.admissions.admission_rate", "rate-matches-counts"),
            ("checklist", "checklist-coverage"),
        ]
        assert findings.errors == ()


def _with_entry(index: int, entry: ChecklistEntry) -> AnnualReport:
    """The 2022 report with the entry at ``index`` of its table replaced."""
    assert REPORT.checklist is not None
    entries = list(REPORT.checklist.entries)
    entries[index] = entry
    table = attrs.evolve(REPORT.checklist, entries=tuple(entries))
    return attrs.evolve(REPORT, checklist=table)


class TestApplicabilityRule:
    def test_in_the_default_audit(self) -> None:
        """The default audit runs it; the 2022 table agrees with the data."""
        assert check_checklist_applicability in DEFAULT_RULES
        assert list(check_checklist_applicability(REPORT)) == []

    @pytest.mark.parametrize(
        "entry",
        [
            ChecklistEntry(item=11, status=DISCLOSED, channels=("研究生招生网",), evidence="。"),
            ChecklistEntry(item=11, status=DisclosureStatus.NOT_DISCLOSED, reason="未公开"),
        ],
    )
    def test_status_of_an_item_that_does_not_apply(self, entry: ChecklistEntry) -> None:
        """Item 11 (graduate admissions) disclosed or not disclosed by a 高职 college: an error."""
        findings = audit(_with_entry(10, entry))
        (finding,) = findings.at("checklist.entries[10].status")
        assert (finding.rule, finding.severity) == ("checklist-applicability", Severity.ERROR)
        assert (finding.published, finding.computed) == (entry.status.value, "not_applicable")
        assert "第11项" in message_zh(finding)
        assert "高职院校不招收研究生" in message_zh(finding)
        assert "does not apply to a 高职 institution" in message_en(finding)

    @pytest.mark.parametrize("reason", ["高职院校不招收研究生，无研究生招生信息", "本校不适用"])
    def test_not_applicable_that_applies(self, reason: str) -> None:
        """Item 6 marked not applicable is an error, whatever the reason says."""
        entry = ChecklistEntry(item=6, status=NOT_APPLICABLE, reason=reason)
        (finding,) = audit(_with_entry(5, entry)).at("checklist.entries[5].status")
        assert (finding.rule, finding.severity) == ("checklist-applicability", Severity.ERROR)
        assert reason in message_zh(finding)
        assert "applies to a 高职 institution" in message_en(finding)

    def test_the_kind_decides(self) -> None:
        """The 2022 table in a 本科 report: its 12 not-applicable items are each an error."""
        report = attrs.evolve(REPORT, institution_kind=InstitutionKind.UNDERGRADUATE)
        findings = list(check_checklist_applicability(report))
        assert REPORT.checklist is not None
        expected = [
            f"checklist.entries[{i}].status"
            for i, e in enumerate(REPORT.checklist.entries)
            if e.status is NOT_APPLICABLE
        ]
        assert [f.path for f in findings] == expected
        assert len(expected) == 12

    def test_not_stated_agrees_with_both(self) -> None:
        """ "Not stated" is no contradiction, whether the item applies or not."""
        entry = ChecklistEntry(item=11, status=DisclosureStatus.NOT_STATED)
        assert list(check_checklist_applicability(_with_entry(10, entry))) == []

    @given(checklists(), st.sampled_from(InstitutionKind))
    def test_exactly_the_contradictions(self, table: Checklist, kind: InstitutionKind) -> None:
        """One error per entry whose status contradicts the data, at that entry."""
        report = attrs.evolve(REPORT, checklist=table, institution_kind=kind)
        paths = [f.path for f in check_checklist_applicability(report)]
        expected = []
        for i, e in enumerate(table.entries):
            applies = STANDARD.not_applicable_reason(e.item, kind) is None
            stated = e.status is DisclosureStatus.NOT_STATED
            if not stated and applies == (e.status is NOT_APPLICABLE):
                expected.append(f"checklist.entries[{i}].status")
        assert paths == expected


class TestEvidenceRule:
    def test_not_in_the_default_audit_but_in_check(self) -> None:
        """The rule needs the text: check_rules(text) (the CLI's) hold it, not the default."""
        rules = check_rules(render(REPORT))
        assert rules[: len(DEFAULT_RULES)] == DEFAULT_RULES
        assert len(rules) == len(DEFAULT_RULES) + 2
        assert audit(REPORT, rules) == audit(REPORT)

    def test_checks_the_text_it_is_given(self) -> None:
        """The evidence is looked for in the text passed, whatever the report's data say."""
        assert REPORT.checklist is not None
        disclosed = [e for e in REPORT.checklist.entries if e.status is DISCLOSED]
        findings = list(check_checklist_evidence(REPORT, "另一份报告。"))
        assert len(findings) == len(disclosed) > 0
        assert {f.rule for f in findings} == {"checklist-evidence"}

    def test_evidence_not_in_the_report(self) -> None:
        """A disclosed status that cites a sentence the report does not hold is an error."""
        assert REPORT.checklist is not None
        entry = attrs.evolve(REPORT.checklist.entries[14], evidence="财务信息已在公示栏公开。")
        report = _with_entry(14, entry)
        findings = list(check_checklist_evidence(report, render(report)))
        assert [(f.path, f.rule, f.severity, f.published) for f in findings] == [
            (
                "checklist.entries[14].evidence",
                "checklist-evidence",
                Severity.ERROR,
                "财务信息已在公示栏公开。",
            )
        ]
        assert "第15项" in message_zh(findings[0])

    def test_a_sentence_built_from_several_fields_is_found(self) -> None:
        """Item 6 cites the contact sentence of part 7, which the text builds from fields."""
        assert REPORT.checklist is not None
        (entry,) = [e for e in REPORT.checklist.entries if e.item == 6]
        assert not any(entry.evidence in p for p in REPORT.other.paragraphs)
        assert list(check_checklist_evidence(REPORT, render(REPORT))) == []

    def test_cli_check_runs_it(self, tmp_path: Path) -> None:
        """hnjd-disclosure check reports an evidence the report does not hold (exit 1)."""
        from .test_cli import run

        assert REPORT.checklist is not None
        entry = attrs.evolve(REPORT.checklist.entries[14], evidence="财务信息已在公示栏公开。")
        path = tmp_path / "r.toml"
        path.write_text(dumps_toml(_with_entry(14, entry)), encoding="utf-8")
        status, out = run("check", str(path))
        assert status == 1
        assert "checklist.entries[14].evidence [checklist-evidence]" in out


class TestRows:
    """Part 8's rows, built with one pass over the entries, are what looking each item up
    with Checklist.entry() gives."""

    @staticmethod
    def reference(report: AnnualReport) -> list[tuple[str, str, str, str, str]]:
        """The rows' cells, written the straightforward way."""
        rows = []
        for item in checklist_2014().items:
            entry = None if report.checklist is None else report.checklist.entry(item.number)
            status: DisclosureStatus | None = None
            note = url = ""
            if entry is not None and entry.status is DisclosureStatus.DISCLOSED:
                note = "；".join(x for x in ("、".join(entry.channels), entry.note) if x)
                status, url = entry.status, entry.url
            elif entry is not None:
                status, note = entry.status, entry.reason
            label = "未填写" if status is None else status.label
            cell = "；".join(x for x in (note, url) if x)
            rows.append((str(item.number), item.category, item.text, label, cell))
        return rows

    @given(reports(with_checklist=True))
    def test_generated_tables(self, report: AnnualReport) -> None:
        """Any table (items in any order, some missing, any status) gives the same rows, and
        the cells the text renderer takes without building rows are theirs."""
        assert [row.cells() for row in checklist_rows(report)] == self.reference(report)
        assert checklist_cells(report) == self.reference(report)

    def test_no_table(self) -> None:
        """Without part 8 every item is missing."""
        report = attrs.evolve(REPORT, checklist=None)
        assert [row.cells() for row in checklist_rows(report)] == self.reference(report)
        assert checklist_cells(report) == self.reference(report)
        assert {row.status for row in checklist_rows(report)} == {None}

    def test_url_and_note(self) -> None:
        """A disclosed entry with channels, note and url joins them in this order."""
        entry = ChecklistEntry(
            item=6,
            status=DisclosureStatus.DISCLOSED,
            channels=("网站", "公众号"),
            note="见附件",
            url="https://example.edu.cn/",
            evidence="本报告电子版可在学校网站查看下载。",
        )
        report = _with_entry(5, entry)
        (row,) = [r for r in checklist_rows(report) if r.number == 6]
        assert row.cells()[4] == "网站、公众号；见附件；https://example.edu.cn/"
        assert [r.cells() for r in checklist_rows(report)] == self.reference(report)
