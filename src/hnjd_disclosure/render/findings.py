"""Findings for people and programs: the messages in Chinese and English, ``check``'s text,
its JSON, and the tables a notebook shows.

A :class:`~hnjd_disclosure.finding.Finding` is data (its rule, cause and figures); this module
is the one place that writes it as words. :class:`~hnjd_disclosure.audit.Findings` shows itself
in a notebook through :func:`findings_html` and :func:`findings_markdown`.

>>> from hnjd_disclosure import builtin_report
>>> from hnjd_disclosure.audit import audit
>>> (f,) = audit(builtin_report(2022))
>>> print(finding_text(f))  # doctest: +ELLIPSIS
警告 WARNING proactive.admissions.admission_rate [rate-matches-counts]
  录取率公布为99.90%，按实际录取5295人÷计划招生5300人四舍五入应为99.91%，疑为直接截断而非四舍五入。
  admission rate published as 99.90%, but admitted 5295 / planned 5300 rounds half-up to ...
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

from .._table import html_table, markdown_table
from ..checklist import checklist_2014
from ..finding import (
    AboveHundred,
    Cause,
    EvidenceNotQuoted,
    Finding,
    ItemNotListed,
    NoChecklist,
    Note,
    PartAboveWhole,
    PartCount,
    PartsSum,
    PointsAsPercent,
    QizhongSum,
    RateFromCounts,
    Severity,
    SharesSum,
    StaleYears,
    StatedCount,
    StatusContradiction,
    TableRowsSum,
    TableSharesSum,
    TextCount,
    TextRate,
)
from ..records import field_label

__all__ = [
    "CAUSE_WORDS",
    "SEVERITY_WORDS",
    "finding_dict",
    "finding_text",
    "findings_html",
    "findings_markdown",
    "findings_text",
    "message_en",
    "message_zh",
]

#: The causes of a mismatch between a published and a computed rate, in Chinese and English.
CAUSE_WORDS: Final[Mapping[Cause, tuple[str, str]]] = {
    Cause.TRUNCATED: ("疑为直接截断而非四舍五入", "likely truncated instead of rounded"),
    Cause.HALF_EVEN: (
        "疑为四舍六入五成双而非四舍五入",
        "likely rounded half-even instead of half-up",
    ),
    Cause.LAST_DIGIT: ("末位相差1", "off by one in the last digit"),
    Cause.WRONG: ("与计数不符", "does not match the counts"),
}

#: A severity in Chinese (the English is its name).
SEVERITY_WORDS: Final[Mapping[Severity, str]] = {Severity.WARNING: "警告", Severity.ERROR: "错误"}


def message_zh(finding: Finding) -> str:
    """The finding's message in Chinese.

    >>> from hnjd_disclosure import builtin_report
    >>> from hnjd_disclosure.audit import audit
    >>> message_zh(audit(builtin_report(2022))[0])[:33]
    '录取率公布为99.90%，按实际录取5295人÷计划招生5300人'
    """
    return _words(finding.detail, finding)[0]


def message_en(finding: Finding) -> str:
    """The finding's message in English.

    >>> from hnjd_disclosure import builtin_report
    >>> from hnjd_disclosure.audit import audit
    >>> message_en(audit(builtin_report(2022))[0])[:36]
    'admission rate published as 99.90%, '
    """
    return _words(finding.detail, finding)[1]


def finding_text(finding: Finding) -> str:
    """A finding as ``check`` prints it: severity, path and rule, then the two messages.

    >>> from hnjd_disclosure.finding import Note, Severity
    >>> print(finding_text(Finding(path="a.b", rule="mine", severity=Severity.ERROR,
    ...       published=None, computed=None, cause=None, detail=Note(zh="说明。", en="note."))))
    错误 ERROR a.b [mine]
      说明。
      note.
    """
    zh, en = _words(finding.detail, finding)
    severity = finding.severity
    head = f"{SEVERITY_WORDS[severity]} {severity.name} {finding.path} [{finding.rule}]"
    return f"{head}\n  {zh}\n  {en}"


def findings_text(findings: Iterable[Finding]) -> str:
    """Readable text, one block per finding (Chinese, then English), as ``check`` prints it.

    >>> print(findings_text(()), end="")
    未发现问题。
    No findings.
    """
    text = "".join(f"{finding_text(f)}\n" for f in findings)
    return text or "未发现问题。\nNo findings.\n"


def finding_dict(finding: Finding) -> dict[str, Any]:
    """A JSON-ready mapping, as ``check --json`` writes it: the figures as printed, the rule,
    severity and cause as their values, the messages, and the span as a list or null.

    >>> from hnjd_disclosure import builtin_report
    >>> from hnjd_disclosure.audit import audit
    >>> d = finding_dict(audit(builtin_report(2022))[0])
    >>> d["rule"], d["severity"], d["cause"], d["computed"], d["span"]
    ('rate-matches-counts', 'warning', 'truncated', '99.91%', None)
    """
    zh, en = _words(finding.detail, finding)
    return {
        "path": finding.path,
        "rule": str(finding.rule),
        "severity": finding.severity.value,
        "published": finding.published,
        "computed": finding.computed,
        "cause": None if finding.cause is None else finding.cause.value,
        "message_zh": zh,
        "message_en": en,
        "span": None if finding.span is None else list(finding.span),
    }


_HEADERS: Final = ("严重程度", "字段", "规则", "公布值", "计算值", "原因", "说明", "message")


def _rows(findings: Iterable[Finding]) -> list[list[str]]:
    rows = []
    for f in findings:
        zh, en = _words(f.detail, f)
        cause = "" if f.cause is None else f.cause.value
        figures = [f.published or "", f.computed or "", cause]
        rows.append([f.severity.value, f.path, str(f.rule), *figures, zh, en])
    return rows


def findings_html(findings: Sequence[Finding]) -> str:
    """The findings as an HTML table (a notebook's display), every cell escaped.

    >>> findings_html(())
    '<table><caption>审核结果：0项</caption><thead><tr><th>严重程度</th>...'
    """
    return html_table(_HEADERS, _rows(findings), caption=f"审核结果：{len(findings)}项")


def findings_markdown(findings: Iterable[Finding]) -> str:
    """The findings as a Markdown table.

    >>> print(findings_markdown(()).splitlines()[0])
    | 严重程度 | 字段 | 规则 | 公布值 | 计算值 | 原因 | 说明 | message |
    """
    return markdown_table(_HEADERS, _rows(findings))


# -- the words of each kind of finding --------------------------------------------------------


def _en(path: str) -> str:
    return path.rpartition(".")[2].replace("_", " ")


def _item_zh(number: int) -> str:
    return f"清单事项第{number}项“{checklist_2014().item(number).text}”"


@functools.singledispatch
def _words(detail: object, f: Finding) -> tuple[str, str]:
    raise TypeError(f"no words for a finding resting on {detail!r}")


@_words.register
def _note(d: Note, f: Finding) -> tuple[str, str]:
    return d.zh, d.en


@_words.register
def _rate_from_counts(d: RateFromCounts, f: Finding) -> tuple[str, str]:
    label, whole_label = field_label(d.rate), field_label(d.whole)
    if f.cause is Cause.UNDEFINED:
        return (
            f"{label}公布为{f.published}，但{whole_label}为0，比率无从计算。",
            f"{_en(d.rate)} published as {f.published}, but {_en(d.whole)} "
            "is 0, so the rate is undefined.",
        )
    assert f.cause is not None
    zh, en = CAUSE_WORDS[f.cause]
    part, whole = d.part_count, d.whole_count
    return (
        f"{label}公布为{f.published}，按{field_label(d.part)}{part}÷{whole_label}{whole}"
        f"四舍五入应为{f.computed}，{zh}。",
        f"{_en(d.rate)} published as {f.published}, but {_en(d.part)} {part.value} / "
        f"{_en(d.whole)} {whole.value} rounds half-up to {f.computed}: {en}.",
    )


@_words.register
def _above_hundred(d: AboveHundred, f: Finding) -> tuple[str, str]:
    return (
        f"{field_label(d.rate)}公布为{f.published}，不可能超过100%。",
        f"{_en(d.rate)} is published as {f.published}, above 100%: impossible.",
    )


@_words.register
def _part_above_whole(d: PartAboveWhole, f: Finding) -> tuple[str, str]:
    return (
        f"{field_label(d.part)}{d.part_count}多于{field_label(d.whole)}{d.whole_count}，不可能。",
        f"{_en(d.part)} ({d.part_count.value}) is larger than "
        f"{_en(d.whole)} ({d.whole_count.value}): impossible.",
    )


@_words.register
def _parts_sum(d: PartsSum, f: Finding) -> tuple[str, str]:
    parts = list(zip(d.parts, d.part_counts, strict=True))
    terms_zh = " + ".join(f"{field_label(p)}{c}" for p, c in parts)
    terms_en = " + ".join(f"{_en(p)} {c.value}" for p, c in parts)
    whole = d.whole_count
    return (
        f"{terms_zh} = {d.total}{whole.unit}，与{field_label(d.whole)}{whole}不符。",
        f"{terms_en} = {d.total}, not {_en(d.whole)} {whole.value}.",
    )


@_words.register
def _shares_sum(d: SharesSum, f: Finding) -> tuple[str, str]:
    names_zh = "、".join(field_label(p) for p in d.shares)
    names_en = ", ".join(_en(p) for p in d.shares)
    return (
        f"{names_zh}之和为{d.total}%，应为100%（舍入误差以内）。",
        f"{names_en} sum to {d.total}%, not 100% within rounding.",
    )


@_words.register
def _stated_count(d: StatedCount, f: Finding) -> tuple[str, str]:
    return (
        f"{field_label(d.stated)}为{d.stated_number}，但实际列出{d.listed_number}项。",
        f"{_en(d.stated)} is {d.stated_number}, but {_en(d.listed)} lists {d.listed_number}.",
    )


@_words.register
def _no_checklist(d: NoChecklist, f: Finding) -> tuple[str, str]:
    kind, n = d.kind.value, len(d.items)
    return (
        f"报告没有清单事项公开情况表（第八部分）：适用于{kind}院校的{n}项"
        f"清单事项（第{'、'.join(map(str, d.items))}项）均未填写公开情况。",
        f"the report has no part 8: none of the {n} checklist items that apply to a {kind} "
        f"institution has a status (items {', '.join(map(str, d.items))}).",
    )


@_words.register
def _item_not_listed(d: ItemNotListed, f: Finding) -> tuple[str, str]:
    kind = d.kind.value
    return (
        f"{_item_zh(d.item)}适用于{kind}院校，但清单事项公开情况表未填写其公开情况。",
        f"checklist item {d.item} applies to a {kind} institution, but part 8 gives it no status.",
    )


@_words.register
def _status_contradiction(d: StatusContradiction, f: Finding) -> tuple[str, str]:
    kind = d.kind.value
    if d.not_applicable_reason is not None:
        reason = d.not_applicable_reason
        zh = f"不适用于{kind}院校（{reason}），但公开情况表标为“{d.status.label}”"
        en = f"does not apply to a {kind} institution ({reason}), but part 8 marks it "
        en += d.status.value
    else:
        zh = f"适用于{kind}院校，但公开情况表标为“不适用”（{d.entry_reason}）"
        en = f"applies to a {kind} institution, but part 8 marks it not_applicable "
        en += f"({d.entry_reason})"
    return f"{_item_zh(d.item)}{zh}。", f"checklist item {d.item} {en}."


@_words.register
def _evidence_not_quoted(d: EvidenceNotQuoted, f: Finding) -> tuple[str, str]:
    return (
        f"{_item_zh(d.item)}标为“已公开”，但所引依据不是报告中的原句。",
        f"checklist item {d.item} is marked disclosed, but its evidence is not a "
        "sentence of the report.",
    )


@_words.register
def _stale_years(d: StaleYears, f: Finding) -> tuple[str, str]:
    names = "、".join(f"{y}年" for y in d.years)
    return (
        f"「{d.sentence}」中的{names}不是本报告的年度（{d.year}年）或统计期间"
        f"（{d.period[0]}—{d.period[1]}年）的年份，疑为沿用上年报告的文字，请核对。",
        f"{', '.join(map(str, d.years))} in 「{d.sentence}」 is neither the report's year "
        f"({d.year}) nor a year of its period: likely left from last year's report; check it.",
    )


@_words.register
def _text_rate(d: TextRate, f: Finding) -> tuple[str, str]:
    assert f.cause is not None
    zh, en = CAUSE_WORDS[f.cause]
    return (
        f"{d.name}公布为{f.published}，按{d.part_label}{d.part}÷{d.whole_label}{d.whole}"
        f"四舍五入应为{f.computed}，{zh}。",
        f"{f.published}: {d.part_value} / {d.whole_value} rounds half-up to "
        f"{f.computed}: {en} (basis: {d.basis}).",
    )


@_words.register
def _table_rows_sum(d: TableRowsSum, f: Finding) -> tuple[str, str]:
    listed = "+".join(str(v) for v in d.rows)
    return (
        f"表中{d.label}以上各行之和{listed}={d.total}，与{d.label}{f.published}不符",
        f"the rows above the total add up to {d.total}, not the stated {f.published}",
    )


@_words.register
def _table_shares_sum(d: TableSharesSum, f: Finding) -> tuple[str, str]:
    return (
        f"表中合计以上各行占比之和为{d.total}%，超过合计{f.published}",
        f"the shares above the total add up to {d.total}%, more than {f.published}",
    )


@_words.register
def _qizhong_sum(d: QizhongSum, f: Finding) -> tuple[str, str]:
    return (
        f"其中各项之和{'+'.join(d.parts)}={d.total}{d.unit}，超过总数{f.published}",
        f"the parts add up to {d.total}, more than the total {f.published}",
    )


@_words.register
def _text_count(d: TextCount, f: Finding) -> tuple[str, str]:
    return f"所述{f.published}，列出{d.listed}{d.unit}", f"{d.stated} stated, {d.listed} listed"


@_words.register
def _part_count(d: PartCount, f: Finding) -> tuple[str, str]:
    return (
        f"所述{d.stated}个部分，实际列出{d.listed}个",
        f"{d.stated} parts announced, {d.listed} listed",
    )


@_words.register
def _points_as_percent(d: PointsAsPercent, f: Finding) -> tuple[str, str]:
    return (
        f"{d.label}{d.change}{f.published}：比率的变化应写作“个百分点”，写作%含义不明",
        f"{f.published}: a change of a rate written with % is ambiguous "
        "(percentage points, or per cent of the old rate?)",
    )
