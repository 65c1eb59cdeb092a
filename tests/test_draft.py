"""Drafting next year's report: identity advanced, figures to fill in, drafts refused."""

from __future__ import annotations

import datetime
import json
import tomllib
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from hnjd_disclosure import (
    builtin_report,
    dumps_json,
    dumps_toml,
    load,
    loads_json,
    loads_toml,
    render,
)
from hnjd_disclosure._layout import YEAR_PHRASE
from hnjd_disclosure.checklist import checklist_2014
from hnjd_disclosure.convert import TOML, unstructure
from hnjd_disclosure.draft import (
    PLACEHOLDER,
    checklist_entries,
    decide,
    draft_from,
    dumps_draft_toml,
    figure_fields,
    fill_in,
    first_draft,
    missing_figures,
    undecided_items,
)
from hnjd_disclosure.errors import DataError, MissingFiguresError, ModelError
from hnjd_disclosure.model import (
    AnnualReport,
    Checklist,
    ChecklistEntry,
    DisclosureStatus,
    InstitutionKind,
    Period,
)

from .strategies import reports
from .test_cli import run


def _value_at(data: object, path: str) -> object:
    for key in path.split("."):
        assert isinstance(data, dict)
        data = data[key]
    return data


def _advanced(report: AnnualReport, year: int) -> AnnualReport:
    """What a draft completed with the old figures and statuses must load as.

    Part 8 lists all 50 items: those that do not apply with the checklist's reason, the others
    with last year's entry (or not_stated where last year's table had none).
    """
    delta = year - report.year
    standard = checklist_2014()
    old = report.checklist
    entries = []
    for item in standard.items:
        reason = standard.not_applicable_reason(item.number, report.institution_kind)
        entry = old.entry(item.number) if old is not None else None
        if reason is not None:
            entry = ChecklistEntry(
                item=item.number, status=DisclosureStatus.NOT_APPLICABLE, reason=reason
            )
        elif entry is None:
            entry = ChecklistEntry(item=item.number, status=DisclosureStatus.NOT_STATED)
        entries.append(entry)
    heading = old.heading if old is not None else "清单事项公开情况表"
    return attrs.evolve(
        report,
        checklist=Checklist(heading=heading, entries=tuple(entries)),
        year=year,
        title=report.title.replace(f"{report.year}年", f"{year}年"),
        period=Period(
            start=report.period.start.replace(year=report.period.start.year + delta),
            end=report.period.end.replace(year=report.period.end.year + delta),
        ),
    )


def _completed(data: dict[str, Any], report: AnnualReport) -> dict[str, Any]:
    """A draft of ``report`` completed with its figures and its part 8 entries."""
    old = unstructure(report, data_format=TOML)
    filled = fill_in(data, {p: _value_at(old, p) for p in missing_figures(data)})
    entries = {e["item"]: e for e in (old.get("checklist") or {"entries": []})["entries"]}
    decisions = {
        n: {k: v for k, v in entries.get(n, {"status": "not_stated"}).items() if k != "item"}
        for n in undecided_items(filled)
    }
    return decide(filled, decisions)


class TestDraftFrom:
    def test_claims_no_disclosure_of_last_year(self) -> None:
        """Part 8 of the draft claims nothing: every applicable item is to decide again."""
        entries = draft_from(builtin_report(2022), 2023)["checklist"]["entries"]
        assert [e["item"] for e in entries] == list(range(1, 51))
        assert {e["status"] for e in entries} == {PLACEHOLDER, "not_applicable"}
        standard = checklist_2014()
        assert [e["item"] for e in entries if e["status"] == PLACEHOLDER] == [
            i.number for i in standard.applicable(InstitutionKind.VOCATIONAL)
        ]

    def test_a_report_without_part_8_gets_one(self) -> None:
        """A report without a checklist table still drafts all 50 entries."""
        report = attrs.evolve(builtin_report(2022), checklist=None)
        data = draft_from(report, 2023)
        assert data["checklist"]["heading"] == "清单事项公开情况表"
        assert len(data["checklist"]["entries"]) == 50

    @pytest.mark.parametrize(
        ("kind", "undecided"),
        [(InstitutionKind.VOCATIONAL, 38), (InstitutionKind.UNDERGRADUATE, 50)],
    )
    def test_entries_by_kind(self, kind: InstitutionKind, undecided: int) -> None:
        """The items to decide are those that apply to the kind of institution."""
        entries = checklist_entries(kind)
        assert len(undecided_items({"checklist": {"entries": entries}})) == undecided

    def test_identity_advanced(self) -> None:
        """The 2023 draft from 2022 has the new year, title and period, and keeps the rest."""
        report = builtin_report(2022)
        data = draft_from(report, 2023)
        assert data["year"] == 2023
        assert data["title"] == "2023年信息公开年度报告"
        assert data["period"] == {
            "start": datetime.date(2022, 9, 1),
            "end": datetime.date(2023, 8, 31),
        }
        old = unstructure(report, data_format=TOML)
        assert data["legal_basis"] == old["legal_basis"]
        assert data["overview"]["paragraphs"] == old["overview"]["paragraphs"]
        assert data["improvement"] == old["improvement"]

    def test_every_figure_marked(self) -> None:
        """Every count, percentage, 万 figure and ranking is the placeholder, and only those."""
        data = draft_from(builtin_report(2022), 2023)
        assert missing_figures(data) == tuple(figure_fields())
        assert all(_value_at(data, p) == PLACEHOLDER for p in figure_fields())

    @pytest.mark.parametrize("year", [2022, 2021, "2023", True])
    def test_rejects_year_not_later(self, year: object) -> None:
        """A year that is not a later int is refused at the field ``year``."""
        with pytest.raises(ModelError, match=r"^year: expected a year after 2022"):
            draft_from(builtin_report(2022), year)  # type: ignore[arg-type]

    @pytest.mark.parametrize("year", [10000, 100000, 10**30])
    def test_rejects_year_past_the_model(self, year: int) -> None:
        """A year the model does not accept for a report (after 9999) is refused at ``year``,
        not a ValueError from the dates."""
        with pytest.raises(ModelError, match=r"^year: expected a year after 2022 and at most 9999"):
            draft_from(builtin_report(2022), year)

    def test_rejects_a_period_past_9999(self) -> None:
        """A period that would end after 9999 (it ends the year after the report's) too."""
        report = attrs.evolve(
            builtin_report(2022),
            year=9998,
            period=Period(start=datetime.date(9998, 9, 1), end=datetime.date(9999, 8, 31)),
        )
        with pytest.raises(ModelError, match=r"^year: the period would end in 10000"):
            draft_from(report, 9999)

    def test_leap_day_moves_to_28_february(self) -> None:
        """A period ending on 29 February ends on 28 February in a common year."""
        report = attrs.evolve(
            builtin_report(2022),
            period=Period(start=datetime.date(2019, 3, 1), end=datetime.date(2020, 2, 29)),
        )
        assert draft_from(report, 2023)["period"]["end"] == datetime.date(2021, 2, 28)

    @given(report=reports(), years=st.integers(1, 3))
    def test_filled_with_old_figures_is_the_advanced_report(
        self, report: AnnualReport, years: int
    ) -> None:
        """Filling a draft with last year's figures gives last year's report, a year on."""
        year = report.year + years
        assume(year <= 9999 and (report.period.end.month, report.period.end.day) != (2, 29))
        filled = _completed(draft_from(report, year), report)
        assert missing_figures(filled) == ()
        assert undecided_items(filled) == ()
        assert loads_toml(dumps_toml(_advanced(report, year))) == loads_toml(
            dumps_draft_toml(filled)
        )


class TestFillIn:
    def test_unknown_path(self) -> None:
        """A path that names nothing in the draft is an error naming it."""
        with pytest.raises(ModelError, match=r"^proactive\.nope: no such field"):
            fill_in(draft_from(builtin_report(2022), 2023), {"proactive.nope": 1})

    def test_leaves_input_alone(self) -> None:
        """fill_in returns a copy; the draft passed in keeps its placeholders."""
        data = draft_from(builtin_report(2022), 2023)
        fill_in(data, {"proactive.admissions.planned": 5400})
        assert data["proactive"]["admissions"]["planned"] == PLACEHOLDER


class TestLoadingDrafts:
    def test_toml_draft_names_every_missing_figure(self) -> None:
        """Loading a TOML draft raises MissingFiguresError listing all placeholders."""
        data = draft_from(builtin_report(2022), 2023)
        with pytest.raises(MissingFiguresError) as info:
            loads_toml(dumps_draft_toml(data), source="r.toml")
        assert info.value.paths == tuple(figure_fields())
        assert len(info.value.undecided) == 38
        assert isinstance(info.value, DataError)
        assert info.value.first_line.startswith("r.toml: 38 figures still to fill in (待填写): ")

    def test_json_draft(self) -> None:
        """A JSON draft is refused the same way, before any type error."""
        data = draft_from(builtin_report(2022), 2023)
        data["year"] = "not a year"  # the converter would complain about this
        text = json.dumps(data, ensure_ascii=False, default=str)
        with pytest.raises(MissingFiguresError):
            loads_json(text)

    @pytest.mark.parametrize(
        ("path", "value", "message"),
        [
            ("proactive.admissions.planned", "abc", 'expected an integer >= 0, got "abc"'),
            ("proactive.admissions.planned", -5, "expected an integer >= 0, got -5"),
            ("proactive.admissions.admission_rate", "99.9", "expected a percentage"),
            ("overview.media.weibo_followers", 19000, "expected a string"),
        ],
    )
    def test_filled_figures_are_checked_while_others_are_missing(
        self, path: str, value: object, message: str
    ) -> None:
        """A bad value in a half-filled draft is reported now, not after the rest is filled."""
        data = fill_in(draft_from(builtin_report(2022), 2023), {path: value})
        with pytest.raises(MissingFiguresError) as info:
            loads_json(json.dumps(data, ensure_ascii=False, default=str), source="d.json")
        ((where, why),) = info.value.invalid
        assert where == path
        assert why.startswith(message)
        assert path not in info.value.paths
        assert f"1 invalid: {path}: {message}" in info.value.first_line

    def test_good_filled_figures_are_not_invalid(self) -> None:
        """Figures filled with their 2022 values are valid: only the rest are listed."""
        data = fill_in(
            draft_from(builtin_report(2022), 2023),
            {"proactive.admissions.planned": 5300, "overview.media.weibo_followers": "1.9万"},
        )
        with pytest.raises(MissingFiguresError) as info:
            loads_json(json.dumps(data, ensure_ascii=False, default=str))
        assert info.value.invalid == ()
        assert len(info.value.paths) == len(figure_fields()) - 2

    def test_check_lists_missing_and_invalid(self, tmp_path: Path) -> None:
        """`check` on a half-filled draft lists what is missing and what is wrong (exit 1)."""
        data = fill_in(draft_from(builtin_report(2022), 2023), {"proactive.admissions.planned": -5})
        path = tmp_path / "d.json"
        path.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
        status, out = run("check", str(path))
        assert status == 1
        assert "1 个已填写的数字有误" in out
        assert "proactive.admissions.planned: expected an integer >= 0, got -5" in out
        status, out = run("check", str(path), "--json")
        document = json.loads(out)
        assert document["invalid"] == [
            {"path": "proactive.admissions.planned", "message": "expected an integer >= 0, got -5"}
        ]
        assert document["errors"] == 1

    def test_undecided_items_alone_refuse_the_draft(self) -> None:
        """With every figure filled in, part 8 still to decide keeps the draft from loading."""
        data = _completed(draft_from(builtin_report(2022), 2023), builtin_report(2022))
        data = decide(data, {6: {"status": PLACEHOLDER}})
        with pytest.raises(MissingFiguresError) as info:
            loads_toml(dumps_draft_toml(data), source="r.toml")
        assert (info.value.paths, info.value.undecided) == ((), (6,))
        assert info.value.first_line == "r.toml: 1 checklist item still to decide (待填写): 6"

    def test_decide_unknown_item(self) -> None:
        """Deciding an item the draft does not list is an error naming the entries."""
        with pytest.raises(ModelError, match=r"^checklist\.entries: no item 51"):
            decide(draft_from(builtin_report(2022), 2023), {51: {"status": "not_stated"}})

    def test_pasted_entry_loads(self) -> None:
        """A ``[[checklist.entries]]`` table appended to a draft's TOML is part of its part 8."""
        data = _completed(draft_from(builtin_report(2022), 2023), builtin_report(2022))
        entries = data["checklist"]["entries"]
        data["checklist"]["entries"] = [e for e in entries if e["item"] != 6]
        pasted = (
            '\n[[checklist.entries]]\nitem = 6\nstatus = "disclosed"\n'
            'evidence = "本报告电子版可在学校网站查看下载。"\nchannels = ["学校网站"]\n'
        )
        report = loads_toml(dumps_draft_toml(data) + pasted)
        assert report.checklist is not None
        assert report.checklist.status_of(6) is DisclosureStatus.DISCLOSED

    def test_draft_toml_is_commented(self) -> None:
        """Each placeholder line in the TOML says what to write there."""
        text = dumps_draft_toml(draft_from(builtin_report(2022), 2023))
        assert 'admission_rate = "待填写"  # 录取率：百分数，如 "99.90%"' in text
        assert tomllib.loads(text)["proactive"]["admissions"]["admission_rate"] == PLACEHOLDER
        assert "item = 6  # 信息公开年度报告\n" in text
        assert "entries = [" not in text  # tables, not an inline array: entries can be pasted


class TestNewCommand:
    def test_writes_draft(self, tmp_path: Path) -> None:
        """new --year 2023 -o FILE writes the 2023 draft from the built-in 2022 report."""
        target = tmp_path / "report-2023.toml"
        assert run("new", "--year", "2023", "-o", str(target))[0] == 0
        data = tomllib.loads(target.read_text(encoding="utf-8"))
        assert data == tomllib.loads(dumps_draft_toml(draft_from(builtin_report(2022), 2023)))

    def test_from_file_and_json(self, tmp_path: Path) -> None:
        """--from FILE drafts from a data file; a .json output is a JSON draft."""
        source = tmp_path / "r.toml"
        source.write_text(dumps_toml(builtin_report(2022)), encoding="utf-8")
        target = tmp_path / "d.json"
        assert run("new", "--year", "2024", "--from", str(source), "-o", str(target))[0] == 0
        data = json.loads(target.read_text(encoding="utf-8"))
        assert data["period"] == {"start": "2023-09-01", "end": "2024-08-31"}
        assert data["title"] == "2024年信息公开年度报告"

    def test_refuses_to_overwrite(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """new does not replace an existing file without --force."""
        target = tmp_path / "report-2023.toml"
        target.write_text("keep", encoding="utf-8")
        assert run("new", "--year", "2023", "--from", "2022", "-o", str(target))[0] == 2
        assert target.read_text(encoding="utf-8") == "keep"
        assert "use --force" in capsys.readouterr().err
        assert run("new", "--year", "2023", "-o", str(target), "--force")[0] == 0
        assert PLACEHOLDER in target.read_text(encoding="utf-8")

    def test_unknown_year(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without --from, the built-in report of the year before must exist."""
        assert run("new", "--year", "2030")[0] == 2
        assert "no built-in report for year 2029" in capsys.readouterr().err

    @pytest.mark.parametrize("year", ["10000", "100000"])
    def test_year_past_9999(self, year: str, capsys: pytest.CaptureFixture[str]) -> None:
        """new --year 100000 --from 2022: one line, exit 2, no traceback."""
        assert run("new", "--year", year, "--from", "2022") == (2, "")
        err = capsys.readouterr().err
        assert err == (
            f"hnjd-disclosure new: argument --year: expected a year of 4 digits such as 2022, "
            f"got '{year}' (see --help)\n"
        )

    def test_year_after_9999_from_a_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """From a 9999 report there is no next year: one line, exit 2."""
        source = tmp_path / "r.toml"
        report = attrs.evolve(
            builtin_report(2022),
            year=9998,
            period=Period(start=datetime.date(9998, 1, 1), end=datetime.date(9998, 12, 31)),
        )
        source.write_text(dumps_toml(report), encoding="utf-8")
        assert run("new", "--year", "9999", "--from", str(source))[0] == 0
        source.write_text(dumps_toml(attrs.evolve(report, year=9999)), encoding="utf-8")
        assert run("new", "--year", "9999", "--from", str(source)) == (2, "")
        err = capsys.readouterr().err
        assert (
            err == "hnjd-disclosure: year: expected a year after 9999 and at most 9999, got 9999\n"
        )

    def test_render_refuses_draft(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """render on a draft exits 2 naming the count, then each missing figure on its own line."""
        target = tmp_path / "report-2023.toml"
        run("new", "--year", "2023", "-o", str(target))
        capsys.readouterr()
        assert run("render", str(target)) == (2, "")
        err = capsys.readouterr().err
        first, *rest = err.splitlines()
        assert first.endswith("38 figures still to fill in (待填写):")
        figures = rest[: next(i for i, line in enumerate(rest) if not line.startswith("  "))]
        assert len(figures) == 38
        assert "  proactive.admissions.planned" in figures
        assert max(map(len, figures)) < 60  # one line of them all was 1,400 characters
        assert "Traceback" not in err

    def test_filled_draft_renders(self, tmp_path: Path) -> None:
        """Once every figure is filled in, the draft loads and renders as the new year."""
        target = tmp_path / "report-2023.toml"
        run("new", "--year", "2023", "-o", str(target))
        data = tomllib.loads(target.read_text(encoding="utf-8"))
        filled = _completed(data, builtin_report(2022))
        target.write_text(dumps_draft_toml(filled), encoding="utf-8")
        assert load(target) == _advanced(builtin_report(2022), 2023)
        status, out = run("render", str(target))
        assert status == 0
        assert "2022年9月1日至2023年8月31日" in out


class TestCheckCommand:
    def test_lists_missing_figures(self, tmp_path: Path) -> None:
        """check on a draft lists every figure still to fill in, with its hint, and exits 1."""
        target = tmp_path / "report-2023.toml"
        run("new", "--year", "2023", "-o", str(target))
        status, out = run("check", str(target))
        assert status == 1
        lines = out.splitlines()
        assert lines[0] == f"{target}: 38 个数字尚未填写（待填写）："
        assert [line.split()[0] for line in lines[1:39]] == list(figure_fields())
        assert lines[1 + list(figure_fields()).index("proactive.admissions.planned")].endswith(
            "计划招生：整数（人）"
        )

    def test_json(self, tmp_path: Path) -> None:
        """check --json on a draft gives the missing figures under "missing", no findings."""
        target = tmp_path / "report-2023.toml"
        run("new", "--year", "2023", "-o", str(target))
        status, out = run("check", str(target), "--json")
        document = json.loads(out)
        assert status == 1
        assert document["findings"] == []
        assert [m["path"] for m in document["missing"]] == list(figure_fields())
        assert document["undecided"][5] == {"item": 6, "name": "信息公开年度报告"}

    def test_lists_undecided_items(self, tmp_path: Path) -> None:
        """check on a draft lists the checklist items still to decide, with their names."""
        target = tmp_path / "report-2023.toml"
        run("new", "--year", "2023", "-o", str(target))
        data = tomllib.loads(target.read_text(encoding="utf-8"))
        target.write_text(
            dumps_draft_toml(
                _completed(data, builtin_report(2022)) | {"checklist": data["checklist"]}
            ),
            encoding="utf-8",
        )
        status, out = run("check", str(target))
        assert status == 1
        lines = out.splitlines()
        assert lines[0] == f"{target}: 38 个清单事项的公开情况尚未确定（待填写）："
        assert lines[6] == "  第6项  信息公开年度报告"
        assert len(lines) == 39

    def test_filled_draft_is_audited(self, tmp_path: Path) -> None:
        """Once filled in, check audits the report like any other."""
        target = tmp_path / "report-2023.toml"
        run("new", "--year", "2023", "-o", str(target))
        data = tomllib.loads(target.read_text(encoding="utf-8"))
        target.write_text(
            dumps_draft_toml(_completed(data, builtin_report(2022))), encoding="utf-8"
        )
        status, out = run("check", str(target))
        expected = run("check", "--year", "2022")
        # the 2022 findings, then the years the draft's text kept from 2022 (rule stale-year)
        assert status == expected[0]
        assert out.startswith(expected[1])
        assert "[stale-year]" in out.removeprefix(expected[1])


def _text_paths(obj: Any, prefix: str = "") -> list[str]:
    """The path of every text (a str field, or the first item of a tuple of them) in ``obj``."""
    paths: list[str] = []
    for a in attrs.fields(type(obj)):
        value, path = getattr(obj, a.name), f"{prefix}{a.name}"
        if type(value) is str:
            paths.append(path)
        elif attrs.has(type(value)):
            paths += _text_paths(value, f"{path}.")
        elif type(value) is tuple and value:
            if type(value[0]) is str:
                paths.append(f"{path}[0]")
            elif attrs.has(type(value[0])):
                paths += _text_paths(value[0], f"{path}[0].")
    return paths


def _evolve_at(obj: Any, path: str, value: object) -> Any:
    """``obj`` with the text at ``path`` (dots, and [0] for a tuple's first item) replaced."""
    head, _, rest = path.partition(".")
    name, _, index = head.partition("[")
    old = getattr(obj, name)
    if index:
        item = _evolve_at(old[0], rest, value) if rest else value
        return attrs.evolve(obj, **{name: (item, *old[1:])})
    return attrs.evolve(obj, **{name: _evolve_at(old, rest, value) if rest else value})


TEXT_PATHS = _text_paths(builtin_report(2022))


class TestPlaceholderInText:
    """待填写 marks a figure still to fill in; in a text it is just text, and round-trips."""

    def test_text_paths_found(self) -> None:
        assert {"institution", "overview.paragraphs[0]", "legal_basis[0].issuer"} <= set(TEXT_PATHS)
        assert len(TEXT_PATHS) > 40

    @given(st.sampled_from(TEXT_PATHS))
    def test_round_trips(self, path: str) -> None:
        try:
            report = _evolve_at(builtin_report(2022), path, PLACEHOLDER)
        except ModelError:
            assume(False)  # a text with its own rule (part names, channels ...)
        assert loads_toml(dumps_toml(report)) == report
        assert loads_json(dumps_json(report)) == report

    @pytest.mark.parametrize(
        "path",
        [
            "institution",
            "title",
            "overview.paragraphs[0]",
            "legal_basis[0].issuer",
            "overview.media.weibo_award",
            "other.contact.office",
        ],
    )
    def test_named_text_fields(self, path: str) -> None:
        report = _evolve_at(builtin_report(2022), path, PLACEHOLDER)
        assert loads_toml(dumps_toml(report)) == report
        assert missing_figures(unstructure(report)) == ()

    def test_only_figures_are_missing(self) -> None:
        """In a draft whose institution is 待填写, only the figures are listed."""
        data = draft_from(builtin_report(2022), 2023)
        data["institution"] = PLACEHOLDER
        data["overview"]["paragraphs"][0] = PLACEHOLDER
        assert missing_figures(data) == tuple(figure_fields())
        with pytest.raises(MissingFiguresError) as info:
            loads_toml(dumps_draft_toml(data))
        assert info.value.paths == tuple(figure_fields())


_SAMPLE = {"count": 0, "percent": "0.00%", "wan": "1.0万", "ranking": "前50名"}


def _filled_first_draft(kind: InstitutionKind) -> dict[str, Any]:
    data = first_draft("潇湘大学", kind, 2024)
    data = fill_in(data, {p: _SAMPLE[f.kind] for p, f in figure_fields().items()})
    return decide(data, {}, rest={"status": "not_stated"})


class TestFirstDraft:
    @pytest.mark.parametrize("kind", list(InstitutionKind))
    def test_completed_loads_and_renders_every_part(self, kind: InstitutionKind) -> None:
        """An init draft with its figures and part 8 filled in loads, and renders all 8 parts."""
        report = loads_toml(dumps_draft_toml(_filled_first_draft(kind)))
        assert (report.institution, report.year, report.institution_kind) == (
            "潇湘大学",
            2024,
            kind,
        )
        assert report.period == Period(
            start=datetime.date(2023, 9, 1), end=datetime.date(2024, 8, 31)
        )
        text = render(report, checklist=True)
        for heading in ("一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、"):
            assert f"\n{heading}" in text

    @pytest.mark.parametrize(
        ("kind", "undecided"),
        [(InstitutionKind.VOCATIONAL, 38), (InstitutionKind.UNDERGRADUATE, 50)],
    )
    def test_every_figure_and_applicable_item_to_fill_in(
        self, kind: InstitutionKind, undecided: int
    ) -> None:
        """The draft marks every figure of the model and every item that applies to the kind."""
        data = first_draft("潇湘大学", kind, 2024)
        assert missing_figures(data) == tuple(figure_fields())
        assert len(undecided_items(data)) == undecided
        assert len(data["checklist"]["entries"]) == 50

    def test_head_names_the_texts_to_write(self) -> None:
        """The draft's head names the texts still 待填写 (check does not list texts)."""
        data = first_draft("潇湘大学", InstitutionKind.UNDERGRADUATE, 2024)
        (head,) = [line for line in dumps_draft_toml(data).splitlines() if "文字中还有" in line]
        assert head.endswith("other.contact.telephone")
        assert "proactive.admissions.employment.home_province" in head
        filled = fill_in(data, {"other.contact.telephone": "0731－1"})
        assert "other.contact.telephone" not in dumps_draft_toml(filled).split("\n\n")[0]

    def test_keys_in_model_order(self) -> None:
        """The draft's keys are the report's fields in their order (the order of the report)."""
        data = first_draft("潇湘大学", InstitutionKind.VOCATIONAL, 2024)
        assert list(data) == [a.name for a in attrs.fields(AnnualReport)]

    @pytest.mark.parametrize(
        ("institution", "year", "path"),
        [
            ("", 2024, "institution"),
            (" ", 2024, "institution"),
            ("甲\n乙", 2024, "institution"),
            ("潇湘大学", 1949, "year"),
            ("潇湘大学", 10000, "year"),
            ("潇湘大学", True, "year"),
        ],
    )
    def test_rejects(self, institution: str, year: int, path: str) -> None:
        """A blank or multi-line name, or a year a report cannot have, is refused at its field."""
        with pytest.raises(ModelError, match=rf"^{path}: expected"):
            first_draft(institution, InstitutionKind.VOCATIONAL, year)


class TestInitCommand:
    def test_writes_the_draft(self, tmp_path: Path) -> None:
        """init writes first_draft's TOML; check lists its figures and items (exit 1)."""
        target = tmp_path / "first.toml"
        args = ["init", "--institution", "潇湘大学", "--kind", "本科", "--year", "2024"]
        assert run(*args, "-o", str(target))[0] == 0
        expected = first_draft("潇湘大学", InstitutionKind.UNDERGRADUATE, 2024)
        assert tomllib.loads(target.read_text(encoding="utf-8")) == tomllib.loads(
            dumps_draft_toml(expected)
        )
        status, out = run("check", str(target))
        assert status == 1
        assert f"{target}: 50 个清单事项的公开情况尚未确定（待填写）：" in out.splitlines()

    def test_json(self, tmp_path: Path) -> None:
        """A .json output is a JSON draft."""
        target = tmp_path / "first.json"
        args = ["init", "--institution", "潇湘大学", "--kind", "高职", "--year", "2024"]
        assert run(*args, "-o", str(target))[0] == 0
        assert json.loads(target.read_text(encoding="utf-8"))["institution_kind"] == "高职"

    @pytest.mark.parametrize(
        "bad",
        [
            ["--kind", "大学", "--year", "2024"],
            ["--kind", "本科", "--year", "24"],
            ["--kind", "本科"],
        ],
    )
    def test_usage_errors(self, bad: list[str], capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown kind, a bad year or a missing option is a usage error (exit 2)."""
        assert run("init", "--institution", "潇湘大学", *bad) == (2, "")
        assert capsys.readouterr().err.startswith("hnjd-disclosure init: ")

    def test_blank_name(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A blank name is refused in one line, exit 2."""
        args = ["init", "--institution", " ", "--kind", "本科", "--year", "2024"]
        assert run(*args) == (2, "")
        assert capsys.readouterr().err == (
            "hnjd-disclosure: institution: expected the institution's name, got ' '\n"
        )


def test_draft_marks_every_year_bearing_line() -> None:
    """new marks each line of kept text that names a year (核对年份), naming the phrases; the
    title, advanced to the new year, is not marked; the marks are TOML comments."""
    import tomllib

    from hnjd_disclosure.draft import dumps_draft_toml

    text = dumps_draft_toml(draft_from(builtin_report(2022), 2023))
    lines = text.splitlines()
    marks = [(i, line.strip()) for i, line in enumerate(lines) if "# 核对年份：" in line]
    assert "# 核对年份：「2021-2022学年」" in [m for _, m in marks]
    assert "# 核对年份：「2022年」「2021年度」" in [m for _, m in marks]
    assert "# 核对年份：「2022年」「〔2022〕」" in [m for _, m in marks]
    for i, _ in marks:
        assert YEAR_PHRASE.search(lines[i + 1])
    unmarked = [
        line
        for i, line in enumerate(lines)
        if YEAR_PHRASE.search(line) and '"' in line and "核对年份" not in lines[i - 1]
    ]
    assert [line for line in unmarked if not line.startswith(("title", "#"))] == []
    assert tomllib.loads(text) == tomllib.loads(text.replace("# 核对年份", "# x"))
