"""A survey of a folder like the ones evaluators hold, every score reproduced by hand.

The folder mixes the built-in 2022 report as text, web page and Word file, the text the school
published, a draft, reports made from changed data with parts and items taken out on purpose,
and the real texts of ``tests/data/real``. For each report the test states what it wins, with
the reason read from the text, and computes the score from the weights itself; and a property
test takes parts and checklist rows out of generated reports: the score never rises.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hnjd_disclosure import builtin_report
from hnjd_disclosure.checklist import checklist_2014
from hnjd_disclosure.model import AnnualReport, DisclosureStatus, InstitutionKind
from hnjd_disclosure.render import render
from hnjd_disclosure.render.docx import render_docx
from hnjd_disclosure.render.html import render_html
from hnjd_disclosure.survey import Survey, Weights, score, score_points, survey, survey_text

from .strategies import reports

DATA = Path(__file__).parent / "data"
W = Weights.default()
NUMERALS = "一二三四五六七八"


def by_hand(
    *,
    own: int = 0,
    disclosed: int = 0,
    mentioned: Decimal | int = 0,
    applicable: int = 50,
    figures: int = 0,
    assessment: Decimal = Decimal(0),
    citations: int = 0,
    period: int = 0,
    on_time: int = 0,
) -> Decimal:
    """The score from what a report wins, with the default weights: parts under their own
    heading, items disclosed and mentioned of those applicable, required figures given, the
    assessment's points, required documents cited, a period stated, dated in time."""
    won = (
        W.part * own
        + W.item_disclosed * disclosed
        + W.item_mentioned * mentioned
        + W.figure * figures
        + assessment
        + W.citation * citations
        + W.period * period
        + W.on_time * on_time
    )
    possible = (
        W.part * 8
        + W.item_disclosed * applicable
        + W.figure * 5
        + max(W.assessment_public, W.assessment_internal)
        + W.citation * len(W.required_citations)
        + W.period
        + W.on_time
    )
    return (won * 100 / possible).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def without_parts(text: str, numbers: Iterable[int]) -> str:
    """``text`` without the level-1 parts numbered ``numbers`` (heading and body)."""
    for number in sorted(numbers, reverse=True):
        start = text.find(f"\n{NUMERALS[number - 1]}、")
        if start < 0:
            continue
        following = [text.find(f"\n{n}、", start + 1) for n in NUMERALS[number:]]
        end = min((f for f in following if f >= 0), default=len(text))
        text = text[:start] + text[end:]
    return text


def not_stated(report: AnnualReport, items: Iterable[int]) -> AnnualReport:
    """``report`` whose part-8 table says 报告未载明 for ``items``."""
    assert report.checklist is not None
    entries = tuple(
        attrs.evolve(e, status=DisclosureStatus.NOT_STATED, channels=(), evidence="")
        if e.item in set(items)
        else e
        for e in report.checklist.entries
    )
    return attrs.evolve(report, checklist=attrs.evolve(report.checklist, entries=entries))


REPORT = builtin_report(2022)
assert REPORT.checklist is not None
#: Items the 2022 table marks 已公开; the text discloses the same ones (tests/test_survey_items).
DISCLOSED_2022 = sum(e.status is DisclosureStatus.DISCLOSED for e in REPORT.checklist.entries)
#: A 高职 college: the items on graduate admissions and degrees do not apply.
APPLICABLE_VOCATIONAL = sum(
    checklist_2014().not_applicable_reason(n, InstitutionKind.VOCATIONAL) is None
    for n in range(1, 51)
)
#: What every 2022 text gives: 依申请, 举报, 复议 and 诉讼 stated as none (no fees are named);
#: 评议 by staff and students only (师生…比较满意); 教育部令第29号 and 教办函〔2014〕23号
#: cited; the period 2021-09-01 to 2022-08-31 stated; no closing date line.
HNJD_2022 = {
    "figures": 4,
    "assessment": W.assessment_internal,
    "citations": 2,
    "period": 1,
    "applicable": APPLICABLE_VOCATIONAL,
}

#: The real texts (openings of published pages): what each wins, read from the text.
REAL: dict[str, dict[str, object]] = {
    # 一、概述 二、主动公开情况; the opening names itself a report (信息公开工作报告: item 6
    # mentioned); 办法 and 清单 cited by title; 2021-2022学年
    "afc-disclosure-2022": {"own": 2, "mentioned": 1, "citations": 2, "period": 1},
    # 特向社会公布…信息公开报告 (item 6 disclosed); 29号 and 23号 cited; 2021-2022学年
    "ctbu-disclosure-2022": {"disclosed": 1, "citations": 2, "period": 1},
    # 电子版可在…信息公开网查阅 (item 6 disclosed); 29號 and 23號 cited; a stated period
    "hfuu-disclosure-2022": {"disclosed": 1, "citations": 2, "period": 1},
    # 一、工作概述; 29号 cited (清单 not); 2020-2021学年
    "hlbrc-disclosure-2021": {"own": 1, "citations": 1, "period": 1},
    # 一、总体情况; 未接到依申请公开事项要求 (requests: none); 机构设置5条 and 规划计划14条
    # (items 1 and 5 mentioned) and its title (item 6 mentioned); 2021年1月1日至12月31日
    "huaiyuan-no2-disclosure-2021": {"own": 1, "figures": 1, "mentioned": 3, "period": 1},
    # 一、概述 二、主动公开情况; 规章制度工作14項 published (item 2); 信息公开工作报告 (item 6)
    # and 物資采購招标 (item 18) mentioned; a stated period
    "szkrzm-disclosure-2022": {"own": 2, "disclosed": 1, "mentioned": 2, "period": 1},
    # its title (item 6 mentioned); 29号 and 23号 cited; 2020-2021学年; dated 2021年10月30日
    "ustc-disclosure-2021": {"mentioned": 1, "citations": 2, "period": 1, "on_time": 1},
    # 一、總體情況; its title (item 6 mentioned); 招聘信息、人事任免 published (item 25); the
    # government's calendar year stated as its period
    "yiwu-ibc-disclosure-2022": {"own": 1, "mentioned": 1, "disclosed": 1, "period": 1},
    # reports of other kinds: the items they give figures for
    "henan-college-b-employment-2022": {"disclosed": 1},  # 毕业去向落实率 (item 32)
    "henan-univ-graduates-2022": {"disclosed": 1},  # 毕业生共有8636人 (item 32)
    "imnu-teaching-2018": {"disclosed": 1},  # 专任教师总数1175人 (item 27)
    # 实际录取3783人 (item 9); 制定本科招生章程 says it was made, not published (7 mentioned)
    "liaoning-univ-admissions-2022": {"disclosed": 1, "mentioned": 1},
    "nuk-graduates-2022": {"mentioned": 1},  # 就业流向 named without a figure (item 32)
    "shanxi-college-employment-2022": {"disclosed": 1},  # 省内就业(73.24%) (item 32)
    "sichuan-normal-univ-employment-2022": {"disclosed": 1},  # 落实率为81.34% (item 32)
    "sichuan-university-employment-2022": {"disclosed": 1},  # 省内就业(61.63%) (item 32)
    "top-univ-employment-2021": {"disclosed": 1},  # 去向落实率 (item 32)
    "whu-freshmen-2017": {"disclosed": 1},  # 共录取40人 (item 9)
    # 就业指导与服务中心专栏 (item 31 mentioned); 14446名毕业生 (item 32)
    "whu-graduates-2013": {"disclosed": 1, "mentioned": 1},
    "zuel-teaching-2019": {"disclosed": 1},  # 专任教师1,443人 (item 27)
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("reports")
    text = render(REPORT, checklist=True)
    (root / "hnjd-2022.txt").write_text(text, encoding="utf-8")
    (root / "web" / "hnjd-2022.html").parent.mkdir()
    (root / "web" / "hnjd-2022.html").write_text(render_html(REPORT), encoding="utf-8")
    (root / "hnjd-2022.docx").write_bytes(render_docx(REPORT))
    shutil.copy(DATA / "hnjd-2022-report.txt", root / "published-2022.txt")
    (root / "draft.txt").write_text(without_parts(text, [4, 5, 6, 7]), encoding="utf-8")
    changed = render(not_stated(REPORT, [7, 9, 10]), checklist=True)
    (root / "generated-a.txt").write_text(changed, encoding="utf-8")
    (root / "generated-b.txt").write_text(without_parts(changed, [2]), encoding="utf-8")
    real = root / "real"
    real.mkdir()
    for path in sorted((DATA / "real").glob("*.txt")):
        shutil.copy(path, real / path.name)
    return root


@pytest.fixture(scope="module")
def surveyed(folder: Path) -> Survey:
    return survey([folder])


def expected(name: str) -> Decimal:
    whole = {**HNJD_2022, "own": 8, "disclosed": DISCLOSED_2022}
    hand: dict[str, dict[str, object]] = {
        "hnjd-2022.txt": whole,
        "hnjd-2022.html": whole,
        "hnjd-2022.docx": whole,
        # the school printed parts 1-7 and no table: the text discloses the same items
        "published-2022.txt": {**whole, "own": 7},
        # parts 4-7 not written yet, the table filled in: 举报, 复议, 诉讼 and 评议 were in 4-5
        "draft.txt": {**whole, "own": 4, "figures": 1, "assessment": Decimal(0)},
        # the table says 报告未载明 for items 7, 9, 10, but part 2 still shows them published
        "generated-a.txt": whole,
        # … and without part 2, nothing shows them
        "generated-b.txt": {**whole, "own": 7, "disclosed": DISCLOSED_2022 - 3},
    }
    # a seeded copy changes figures only: it wins what its original wins
    real = REAL.get(name.removesuffix(".txt").removeprefix("seeded-"), {})
    return by_hand(**hand.get(name, real))  # type: ignore[arg-type]


def test_every_score_is_reproduced_by_hand(surveyed: Survey) -> None:
    scores = {Path(row.source).name: row.score for row in surveyed.rows}
    assert len(scores) == 7 + len(list((DATA / "real").glob("*.txt")))
    assert scores == {name: expected(name) for name in scores}


def test_the_ranks_follow_the_scores(surveyed: Survey) -> None:
    ranked = [(row.score, row.rank) for row in surveyed.rows]
    assert ranked == sorted(ranked, key=lambda pair: (-(pair[0] or 0), pair[1] or 0))
    assert surveyed.rows[0].rank == 1
    assert surveyed.rows[0].institution == "湖南机电职业技术学院"


def test_the_three_formats_of_one_report_give_one_row(surveyed: Survey) -> None:
    rows = {Path(r.source).name: r.record() for r in surveyed.rows}
    text, page, word = (rows[f"hnjd-2022.{s}"] for s in ("txt", "html", "docx"))
    # the web page and the Word file introduce part 8's table with a line citing the
    # checklist once more (高等学校信息公开事项清单（教办函〔2014〕23号）共50项…)
    assert page["citations_known"] == word["citations_known"] == text["citations_known"] + 1
    same = {k for k in text if k not in ("source", "citations_known")}
    for record in (page, word):
        assert {k: record[k] for k in same} == {k: text[k] for k in same}


# -- taking parts and checklist rows out never raises a score -----------------------------------


def without_rows(text: str, items: Iterable[int]) -> str:
    """``text`` without the part-8 table's rows of ``items``."""
    drop = tuple(f"{n}｜" for n in items)
    return "\n".join(line for line in text.split("\n") if not line.startswith(drop))


@given(
    reports(with_checklist=True),
    st.sets(st.integers(1, 8), max_size=4),
    st.sets(st.integers(1, 50), max_size=10),
)
def test_taking_out_parts_or_items_never_raises_a_score(
    report: AnnualReport, parts: set[int], items: set[int]
) -> None:
    text = render(report, checklist=True)
    before = score(score_points(survey_text(text), W))
    after = score(score_points(survey_text(without_rows(without_parts(text, parts), items)), W))
    assert before is not None
    assert after is not None
    assert after <= before
