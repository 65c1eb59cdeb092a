"""parse_report reads each template sentence in one match when it can: never differently.

The fast path (one regular expression per template sentence, compiled from its template in
``_templates.py`` by ``parse/_template.py``) must give what the cursor gives: the same report,
or the same error at the same line and column.
These tests read texts twice, once with the fast path switched off, and compare.
"""

from __future__ import annotations

import contextlib
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hnjd_disclosure import ParseError, builtin_report, render
from hnjd_disclosure.model import AnnualReport
from hnjd_disclosure.parse import _template as template
from hnjd_disclosure.parse import parse_report

from .strategies import reports
from .test_hostile import PUBLISHED, mangled

REPORT = builtin_report(2022)
# the template sentences of the published text, where the fast path reads
_SENTENCES = [
    line
    for line in PUBLISHED.splitlines()
    if any(word in line for word in ("本年度报告是根据", "截至目前", "年面向"))
]
# what the template sentences are made of, and what the fast path leaves to the cursor
_NEAR_MISSES = (
    "0123456789 \u3000\xa0\u2003.,，。、%％个就业等和《》（）()前名万人年届月日官微发布博文"
)

# the published text has no request or complaint figures: these take the place of its lines
_NO_REQUESTS = "本年度学校没有收到师生和公众的信息公开申请。"
_REQUESTS = (
    "本年度学校共收到信息公开申请3件，其中予以公开1件，部分公开1件，不予公开0件，"
    "信息不存在1件，其他处理0件。"
)
_NO_COMPLAINTS = "本年度学校未收到信息公开工作相关投诉与举报材料。"
_COMPLAINTS = "本年度学校收到信息公开举报2件，行政复议1件，行政诉讼0件。"


def _cursor_only() -> contextlib.AbstractContextManager[object]:
    return mock.patch.object(template, "_MATCH_FIRST", False)


def _outcome(text: str) -> AnnualReport | tuple[str, int, int]:
    try:
        return parse_report(text)
    except ParseError as exc:
        return (exc.message, exc.line, exc.column)


def _assert_same(text: str) -> None:
    fast = _outcome(text)
    with _cursor_only():
        slow = _outcome(text)
    assert fast == slow


def test_fast_path_reads_the_published_text() -> None:
    """The published text's sentences, and the rendered ones, are each read in one match."""

    def no_steps(*args: object) -> None:
        raise AssertionError("read step by step")

    with mock.patch.object(template, "_read_by_steps", no_steps):
        parse_report(PUBLISHED)
        parse_report(render(REPORT))
        parse_report(render(REPORT).replace(_NO_REQUESTS, _REQUESTS))
        parse_report(render(REPORT).replace(_NO_COMPLAINTS, _COMPLAINTS))


@st.composite
def edited_sentences(draw: st.DrawFn) -> str:
    """The published text with a few characters of its template sentences changed."""
    text = PUBLISHED
    for sentence in _SENTENCES:
        edited = sentence
        for _ in range(draw(st.integers(0, 2))):
            i = draw(st.integers(0, len(edited)))
            j = min(i + draw(st.integers(0, 3)), len(edited))
            edited = edited[:i] + draw(st.text(alphabet=_NEAR_MISSES, max_size=3)) + edited[j:]
        text = text.replace(sentence, edited)
    return text


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(edited_sentences())
def test_edited_sentences_read_alike(text: str) -> None:
    _assert_same(text)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(mangled())
def test_mangled_text_reads_alike(text: str) -> None:
    _assert_same(text)


@given(reports())
def test_rendered_reports_read_alike(report: AnnualReport) -> None:
    _assert_same(render(report))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("2022年面向", "2023年面向"),
        ("2022届", "2021届"),
        ("湖南省就业", "湖南 省就业"),
        ("非湖南省", "非 湖南省"),
        ("新疆 10个省", "新疆 12345个省"),
        ("新疆 10个省", "新疆 10 个省"),
        ("99.90%", "9999999.90%"),
        ("99.90%", "99.%"),
        ("5300人", "5,300人"),
        ("5300人", "5300 人"),
        ("5300人", "\xa05300人"),
        ("官微荣获全国百强，发布博文", "官方微博发布博文，发布博文"),
        ("官微荣获全国百强", " 官微荣获全国百强"),
        ("官微荣获全国百强", "官微 荣获全国百强"),
        ("官微荣获全国百强，发布博文", "官方微博发布博文"),
        ("前百名", "前百零名"),
        ("前百名", "前〇名"),
        ("前50名", "前0名"),
        ("校园网2022年", "校园网2021年"),
        ("2021年9月1日", "2021年2月30日"),
        ("2021年9月1日", "2021年9月 1日"),
        ("八个部分", "8个部分"),
        ("等八个部分", "等 八个部分"),
        ("》（中华", "》 （中华"),
        ("〈高等学校信息公开事项清单〉", "《高等学校信息公开事项清单》"),
        ("和湖南省教育厅", "和 湖南省教育厅"),
        (_NO_REQUESTS, _REQUESTS),
        (_NO_REQUESTS, _REQUESTS.replace("3件", "3 件")),
        (_NO_REQUESTS, _REQUESTS.replace("3件", "3,000件")),
        (_NO_REQUESTS, _REQUESTS.replace("其中", "其 中")),
        (_NO_REQUESTS, _REQUESTS + "另"),
        (_NO_COMPLAINTS, _COMPLAINTS),
        (_NO_COMPLAINTS, _COMPLAINTS.replace("，行政复议", "， 行政复议")),
        (_NO_COMPLAINTS, _COMPLAINTS.replace("2件", "2件件")),
    ],
)
def test_near_misses_read_alike(old: str, new: str) -> None:
    """Forms the fast path leaves to the cursor read as the cursor reads them."""
    assert old in PUBLISHED
    _assert_same(PUBLISHED.replace(old, new))
