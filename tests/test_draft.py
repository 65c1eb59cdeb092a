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

from hnjd_disclosure import builtin_report, dumps_json, dumps_toml, load, loads_json, loads_toml
from hnjd_disclosure._layout import YEAR_PHRASE
from hnjd_disclosure.convert import unstructure
from hnjd_disclosure.draft import (
    PLACEHOLDER,
    draft_from,
    dumps_draft_toml,
    figure_fields,
    fill_in,
    missing_figures,
)
from hnjd_disclosure.errors import DataError, MissingFiguresError, ModelError
from hnjd_disclosure.model import AnnualReport, ChecklistEntry, DisclosureStatus, Period

from .strategies import reports
from .test_cli import run


def _value_at(data: object, path: str) -> object:
    for key in path.split("."):
        assert isinstance(data, dict)
        data = data[key]
    return data


def _advanced(report: AnnualReport, year: int) -> AnnualReport:
    """What a draft filled in with the old figures must load as: part 8 claims no disclosure."""
    delta = year - report.year
    checklist = report.checklist
    if checklist is not None:
        entries = tuple(
            ChecklistEntry(item=e.item, status=DisclosureStatus.NOT_STATED)
            if e.status is DisclosureStatus.DISCLOSED
            else e
            for e in checklist.entries
        )
        checklist = attrs.evolve(checklist, entries=entries)
    return attrs.evolve(
        report,
        checklist=checklist,
        year=year,
        title=report.title.replace(f"{report.year}年", f"{year}年"),
        period=Period(
            start=report.period.start.replace(year=report.period.start.year + delta),
            end=report.period.end.replace(year=report.period.end.year + delta),
        ),
    )


class TestDraftFrom:
    def test_claims_no_disclosure_of_last_year(self) -> None:
        """Part 8 of the draft keeps statuses but no "disclosed": last year's evidence is gone."""
        report = builtin_report(2022)
        assert report.checklist is not None
        entries = draft_from(report, 2023)["checklist"]["entries"]
        assert [e["item"] for e in entries] == [e.item for e in report.checklist.entries]
        assert "disclosed" not in {e["status"] for e in entries}
        kept = [e for e in report.checklist.entries if e.status is not DisclosureStatus.DISCLOSED]
        assert [e for e in entries if e["status"] != "not_stated"] == [
            {"item": e.item, "status": e.status.value, "reason": e.reason}
            for e in kept
            if e.status is not DisclosureStatus.NOT_STATED
        ]

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
        old = unstructure(report, native_dates=True)
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
        data = draft_from(report, year)
        old = unstructure(report, native_dates=True)
        filled = fill_in(data, {p: _value_at(old, p) for p in missing_figures(data)})
        assert missing_figures(filled) == ()
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

    def test_draft_toml_is_commented(self) -> None:
        """Each placeholder line in the TOML says what to write there."""
        text = dumps_draft_toml(draft_from(builtin_report(2022), 2023))
        assert 'admission_rate = "待填写"  # 录取率：百分数，如 "99.90%"' in text
        assert tomllib.loads(text)["proactive"]["admissions"]["admission_rate"] == PLACEHOLDER


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
        first, *figures = err.splitlines()
        assert first.endswith("38 figures still to fill in (待填写):")
        assert len(figures) == 38
        assert "  proactive.admissions.planned" in figures
        assert max(map(len, figures)) < 60  # one line of them all was 1,400 characters
        assert "Traceback" not in err

    def test_filled_draft_renders(self, tmp_path: Path) -> None:
        """Once every figure is filled in, the draft loads and renders as the new year."""
        target = tmp_path / "report-2023.toml"
        run("new", "--year", "2023", "-o", str(target))
        data = tomllib.loads(target.read_text(encoding="utf-8"))
        old = unstructure(builtin_report(2022), native_dates=True)
        filled = fill_in(data, {p: _value_at(old, p) for p in missing_figures(data)})
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
        assert [line.split()[0] for line in lines[1:]] == list(figure_fields())
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

    def test_filled_draft_is_audited(self, tmp_path: Path) -> None:
        """Once filled in, check audits the report like any other."""
        target = tmp_path / "report-2023.toml"
        run("new", "--year", "2023", "-o", str(target))
        data = tomllib.loads(target.read_text(encoding="utf-8"))
        old = unstructure(builtin_report(2022), native_dates=True)
        filled = fill_in(data, {p: _value_at(old, p) for p in missing_figures(data)})
        target.write_text(dumps_draft_toml(filled), encoding="utf-8")
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
