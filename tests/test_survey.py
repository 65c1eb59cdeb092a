"""The survey of one report and of a folder: structure, figures, 评议, dates, weights, ranks,
reuse, workers, and the command line."""

from __future__ import annotations

import datetime
import io
import json
import pickle
import re
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hnjd_disclosure import builtin_report
from hnjd_disclosure.cli import main
from hnjd_disclosure.errors import DataError
from hnjd_disclosure.render import render
from hnjd_disclosure.survey import (
    AssessmentStatus,
    FigureStatus,
    PartStatus,
    ReportFormat,
    Weights,
    score,
    score_points,
    survey,
    survey_text,
)

# -- one report ---------------------------------------------------------------------------------


def statuses(text: str) -> str:
    """The eight parts as O (own heading), M (merged) or - (missing)."""
    marks = {PartStatus.OWN: "O", PartStatus.MERGED: "M", PartStatus.MISSING: "-"}
    return "".join(marks[p.status] for p in survey_text(text).parts)


def test_the_rendered_2022_report_has_all_eight_parts() -> None:
    result = survey_text(render(builtin_report(2022), checklist=True))
    assert [p.status for p in result.parts] == [PartStatus.OWN] * 8
    assert result.format is ReportFormat.MINISTRY
    assert result.institution == "湖南机电职业技术学院"
    assert (result.period_start, result.period_end) == (
        datetime.date(2021, 9, 1),
        datetime.date(2022, 8, 31),
    )
    assert result.period_days == 365


def test_the_published_2022_text_lacks_part_8(published_text: str) -> None:
    # the school printed parts 1-7 and announced the checklist table without printing it
    assert statuses(published_text) == "OOOOOOO-"


def test_a_heading_naming_two_parts_merges_them() -> None:
    text = "一、概述\n二、主动公开情况\n三、信息公开评议及举报、复议、诉讼情况\n"
    assert statuses(text) == "OO-MM---"


def test_a_part_under_its_own_heading_beats_a_shared_one() -> None:
    text = "一、评议情况\n二、评议和举报情况\n"
    assert statuses(text) == "---OM---"


def test_headings_of_no_part_are_kept() -> None:
    result = survey_text("一、概述\n二、学校简介\n")
    assert result.other_headings == ("学校简介",)


def test_the_government_format_is_told_by_its_headings() -> None:
    text = (
        "某某学院2021年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n"
        "三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
        "五、存在的主要问题及改进情况\n六、其他需要报告的事项\n"
    )
    result = survey_text(text)
    assert result.format is ReportFormat.GOVERNMENT
    assert statuses(text) == "OOO-OOO-"


def test_traditional_characters_name_the_same_parts() -> None:
    assert statuses("一、概述\n二、主動公開情況\n") == "OO------"


def test_a_text_of_other_things_follows_no_format() -> None:
    assert survey_text("2022届毕业生就业质量年度报告\n毕业生100人。\n").format is ReportFormat.OTHER


def figure(text: str, key: str) -> FigureStatus:
    return {f.key: f.status for f in survey_text(text).figures}[key]


@pytest.mark.parametrize(
    ("text", "key", "status"),
    [
        ("三、依申请公开情况\n本年度共收到信息公开申请3件。\n", "requests", FigureStatus.GIVEN),
        ("三、依申请公开情况\n本年度没有收到信息公开申请。\n", "requests", FigureStatus.GIVEN),
        (
            "三、依申请公开情况\n学校高度重视信息公开申请工作。\n",
            "requests",
            FigureStatus.NOT_GIVEN,
        ),
        ("三、依申请公开情况\n未收取任何费用。\n", "fees", FigureStatus.GIVEN),
        (
            "五、举报、复议、诉讼情况\n本年度未发生举报、复议和诉讼。\n",
            "lawsuits",
            FigureStatus.GIVEN,
        ),
        ("五、举报、复议、诉讼情况\n学校重视举报工作。\n", "complaints", FigureStatus.NOT_GIVEN),
        # answered in another part, as the 2022 report answers 复议 and 诉讼 in part 4
        ("四、评议情况\n没有发生因信息公开而复议、涉诉的情况。\n", "lawsuits", FigureStatus.GIVEN),
        # a table row counts as a sentence
        ("三、依申请公开情况\n项目|数量\n收到申请|0件\n", "requests", FigureStatus.GIVEN),
        # a count in a cell of its own, as the government format's table gives it
        (
            "三、收到和处理政府信息公开申请情况\n项目|自然人|总计\n"
            "一、本年新收政府信息公开申请数量|58|66\n",
            "requests",
            FigureStatus.GIVEN,
        ),
    ],
)
def test_required_figures(text: str, key: str, status: FigureStatus) -> None:
    assert figure(text, key) is status


def test_the_sentence_listing_the_parts_says_nothing_of_them() -> None:
    text = "全文包括概述、依申请公开情况、评议情况、举报、复议、诉讼情况等4个部分。\n"
    result = survey_text(text)
    assert {f.status for f in result.figures} == {FigureStatus.NOT_GIVEN}
    assert result.assessment is AssessmentStatus.NONE


def test_an_explicit_zero_is_quoted_as_its_evidence() -> None:
    text = "三、依申请公开情况\n学校重视申请工作。本年度没有收到信息公开申请。\n"
    found = {f.key: f for f in survey_text(text).figures}["requests"]
    assert found.evidence == "本年度没有收到信息公开申请。"
    assert found.span is not None
    assert text[found.span[0] : found.span[1]] == found.evidence


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("社会公众对学校信息公开工作评价良好。", AssessmentStatus.PUBLIC),
        ("师生对学校信息公开工作整体上比较满意。", AssessmentStatus.INTERNAL),
        ("学校完善了工作制度。", AssessmentStatus.NONE),
        # a cited document's title is not an assessment
        ("根据《关于2022年高校信息公开评议工作的提示函》开展工作。", AssessmentStatus.NONE),
    ],
)
def test_assessment(sentence: str, status: AssessmentStatus) -> None:
    assert survey_text(f"四、信息公开评议情况\n{sentence}\n").assessment is status


def test_the_closing_date_decides_the_on_time_point() -> None:
    body = "某某大学2022年信息公开年度报告\n一、概述\n工作顺利。\n"
    early = survey_text(body + "2022年10月28日\n")
    late = survey_text(body + "二〇二二年十一月三日\n")
    assert (early.dated, late.dated) == (datetime.date(2022, 10, 28), datetime.date(2022, 11, 3))
    points = {p.key: p.won for p in score_points(early, Weights.default())}
    assert points["on_time"] == Weights.default().on_time
    assert {p.key: p.won for p in score_points(late, Weights.default())}["on_time"] == 0


def test_a_surveyed_report_pickles() -> None:
    result = survey_text(render(builtin_report(2022), checklist=True))
    assert pickle.loads(pickle.dumps(result)) == result


# -- weights and the score ----------------------------------------------------------------------


def test_weights_from_toml_keep_the_defaults_they_leave_out() -> None:
    weights = Weights.from_toml("part = 3\nmerged = 0.25\n")
    assert (weights.part, weights.merged) == (Decimal(3), Decimal("0.25"))
    assert weights.figure == Weights.default().figure


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("parts = 3", "parts: not a weight"),
        ("part = -1", "part: expected a number >= 0"),
        ('part = "2"', "part: expected a number >= 0"),
        ("part = true", "part: expected a number >= 0"),
        ("part = nan", "part: expected a number >= 0"),
        ("required_citations = [1]", "required_citations: expected a list"),
        ("part = ", "not TOML"),
    ],
)
def test_bad_weights_are_refused_with_the_key(text: str, message: str) -> None:
    with pytest.raises(DataError, match=re.escape(message)):
        Weights.from_toml(text, source="w.toml")


def test_the_score_is_the_points_won_of_those_possible() -> None:
    # parts 1 and 2 under their own headings, part 4 merged with part 5: by hand, with the
    # default weights (part 2, merged 0.5): won 2 + 2 + 1 + 1 = 6 of the 8 x 2 = 16 part points
    result = survey_text("一、概述\n二、主动公开情况\n三、评议及举报情况\n")
    points = {p.key: p for p in score_points(result, Weights.default())}
    assert [points[f"part.{n}"].won for n in range(1, 9)] == [2, 2, 0, 1, 1, 0, 0, 0]
    everything = score_points(result, Weights.default())
    won = sum((p.won for p in everything), Decimal(0))
    possible = sum((p.possible for p in everything), Decimal(0))
    assert score(everything) == (won * 100 / possible).quantize(Decimal("0.1"))


# -- a folder -----------------------------------------------------------------------------------


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_folder_is_read_recursively_and_a_bad_file_is_a_row(tmp_path: Path) -> None:
    write(tmp_path, "a/one.txt", "一、概述\n二、主动公开情况\n")
    write(tmp_path, "b/two.md", "一、概述\n")
    (tmp_path / "b" / "broken.txt").write_bytes(b"\xff\xfe\xfa")
    write(tmp_path, "notes.csv", "ignored")
    result = survey([tmp_path])
    names = [Path(r.source).name for r in result.rows]
    assert names == ["one.txt", "two.md", "broken.txt"]
    assert [r.rank for r in result.rows] == [1, 2, None]
    broken = result.rows[2]
    assert broken.error is not None
    assert "\n" not in broken.error
    assert broken.record()["error"] == broken.error


def test_equal_scores_share_a_rank(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "一、概述\n")
    write(tmp_path, "b.txt", "一、概述\n")
    write(tmp_path, "c.txt", "")
    assert [r.rank for r in survey([tmp_path]).rows] == [1, 1, 3]


def test_workers_give_the_same_survey(tmp_path: Path) -> None:
    for i in range(6):
        write(tmp_path, f"r{i}.txt", "一、概述\n" * (i + 1) + "二、主动公开情况\n" * (i % 2))
    assert survey([tmp_path], workers=3) == survey([tmp_path])


def test_a_later_year_is_compared_with_the_earlier(tmp_path: Path) -> None:
    kept = ["学校坚持以公开为常态、不公开为例外的原则。", "学校进一步完善了信息公开工作制度。"]
    write(
        tmp_path,
        "2022.txt",
        "某某大学2022年信息公开年度报告\n" + "".join(kept) + "本年度新增网站栏目三个。\n",
    )
    later = "某某大学2023年信息公开年度报告\n" + "".join(kept) + "本年度完成了两项新的工作任务。\n"
    write(tmp_path, "2023.txt", later)
    rows = {r.year: r for r in survey([tmp_path]).rows}
    reuse = rows[2023].reuse
    assert rows[2022].reuse is None
    assert reuse is not None
    # by hand: 4 sentences of 12 characters or more in 2023 (the title line is one), 2 of
    # them word for word in 2022
    assert (reuse.sentences_carried, reuse.sentences, reuse.sentence_share) == (
        2,
        4,
        Decimal("0.5000"),
    )
    assert reuse.earlier.endswith("2022.txt")


# -- removing a part never raises a score -------------------------------------------------------


def without_part(text: str, number: int) -> str:
    """``text`` without the level-1 heading numbered ``number`` and its body."""
    numerals = "一二三四五六七八"
    start = text.find(f"\n{numerals[number - 1]}、")
    if start < 0:
        return text
    end = text.find("\n" + numerals[number] + "、", start + 1) if number < len(numerals) else -1
    return text[:start] + (text[end:] if end >= 0 else "\n")


@given(st.sets(st.integers(1, 8), max_size=8))
def test_removing_parts_never_raises_the_score(removed: set[int]) -> None:
    text = render(builtin_report(2022), checklist=True)
    weights = Weights.default()
    before = score(score_points(survey_text(text), weights))
    for number in sorted(removed, reverse=True):
        text = without_part(text, number)
    after = score(score_points(survey_text(text), weights))
    assert before is not None
    assert after is not None
    assert after <= before


# -- the command line ---------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(["survey", *args], stdout=out), out.getvalue()


def test_the_command_prints_the_ranked_table(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "一、概述\n二、主动公开情况\n")
    write(tmp_path, "b.txt", "一、概述\n")
    status, out = run(str(tmp_path), "--quiet")
    lines = out.splitlines()
    assert status == 0
    assert lines[0].split("\t")[:3] == ["rank", "score", "institution"]
    assert [line.split("\t")[0] for line in lines[1:]] == ["1", "2"]


def test_explain_accounts_for_every_point(tmp_path: Path) -> None:
    path = write(tmp_path, "r.txt", render(builtin_report(2022), checklist=True))
    status, out = run("--explain", str(path))
    *lines, total = out.splitlines()
    assert status == 0
    won = sum((Decimal(line.split("\t")[0].split("/")[0]) for line in lines), Decimal(0))
    possible = sum((Decimal(line.split("\t")[0].split("/")[1]) for line in lines), Decimal(0))
    assert (
        total
        == f"score {(won * 100 / possible).quantize(Decimal('0.1'))} ({won} of {possible} points)"
    )


def test_an_existing_output_is_refused_before_the_survey(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = write(tmp_path, "out.csv", "keep me")
    status, _ = run(str(tmp_path / "missing-folder"), "-o", str(out))
    assert status == 2
    assert out.read_text(encoding="utf-8") == "keep me"
    assert "exists; use --force" in capsys.readouterr().err


def test_bad_weights_are_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    weights = write(tmp_path, "w.toml", "part = -2\n")
    status, _ = run(str(tmp_path), "--weights", str(weights))
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1
    assert "w.toml: part: expected a number >= 0" in err


def test_the_dask_recipe_gives_the_same_survey(tmp_path: Path) -> None:
    # the recipe of docs/survey.md (tests/test_docs.py runs the page itself)
    import dask.bag as db

    from hnjd_disclosure.survey import Survey, sources_in, survey_row

    for i in range(5):
        write(tmp_path, f"r{i}.txt", "一、概述\n" + "二、主动公开情况\n" * (i % 2))
    paths = list(sources_in([tmp_path]))
    bag = db.from_sequence(paths, npartitions=2)  # type: ignore[no-untyped-call]
    rows = bag.map(survey_row).compute(scheduler="processes")
    assert Survey.of(rows) == survey([tmp_path])


@pytest.mark.parametrize("suffix", [".csv", ".json", ".html", ".xlsx"])
def test_the_command_writes_each_format(tmp_path: Path, suffix: str) -> None:
    write(tmp_path, "in/a.txt", "一、概述\n二、主动公开情况\n")
    write(tmp_path, "in/b.txt", "一、概述\n")
    out = tmp_path / f"survey{suffix}"
    status, printed = run(str(tmp_path / "in"), "-o", str(out), "--quiet")
    assert (status, printed) == (0, "")
    data = out.read_bytes()
    if suffix == ".csv":
        assert data.decode("utf-8-sig").count("\n") == 3
    elif suffix == ".json":
        assert [r["rank"] for r in json.loads(data)["rows"]] == [1, 2]
    elif suffix == ".html":
        assert data.decode().count("<svg") == 2
    else:
        assert data[:2] == b"PK"  # a zip: the workbook


def test_missing_items_count_only_the_items_that_apply(tmp_path: Path) -> None:
    write(tmp_path, "某某职业技术学院.txt", "某某职业技术学院2022年信息公开年度报告\n")
    missing = survey([tmp_path]).missing_items()
    # a 高职 college admits no graduate students: items 11-14 are not missing from it
    assert 11 not in missing
    assert missing[1] == 1


def test_a_yearly_report_by_another_name_follows_the_ministrys_format() -> None:
    assert survey_text("华东理工大学2022-2023学年度信息公开年报\n").format is ReportFormat.MINISTRY


def test_an_xlsx_without_its_extra_is_refused_before_the_survey(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as if the extra were not installed
    surveyed: list[object] = []
    monkeypatch.setattr("hnjd_disclosure.survey.survey", lambda *a, **k: surveyed.append(a))
    status, _ = run(str(tmp_path), "-o", str(tmp_path / "out.xlsx"))
    assert (status, surveyed) == (2, [])
    assert 'pip install "hnjd-disclosure[xlsx]"' in capsys.readouterr().err
    assert not (tmp_path / "out.xlsx").exists()
