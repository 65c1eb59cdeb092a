"""The model refuses exactly what a template sentence of the text cannot carry back.

Each field written inside a template sentence (the preamble's legal bases and part names, the
admissions sentence's provinces and home province, the media passage's award, the lists of
items, the procurement count, the contact line) refuses what would make the reader cut the
sentence elsewhere: the loader names the field, and the JSON Schema refuses the same unless
the rule is a relation between fields (those say "would be read back").
"""

from __future__ import annotations

import copy
import json
from typing import Any

import attrs
import jsonschema
import pytest

from hnjd_disclosure import builtin_report, dumps_json, loads_json
from hnjd_disclosure.errors import DataError, ModelError
from hnjd_disclosure.model import ItemList, OtherMatters, Overview, TeachingDomain
from hnjd_disclosure.schema import json_schema

REPORT = builtin_report(2022)
DOCUMENT = json.loads(dumps_json(REPORT))
VALIDATOR = jsonschema.Draft202012Validator(json_schema())
ADMISSIONS = ("proactive", "admissions")
TEACHING = ("proactive", "teaching", "disclosed")
CONTACT = ("other", "contact")


def _changed(path: tuple[str | int, ...], value: object) -> dict[str, Any]:
    document: dict[str, Any] = copy.deepcopy(DOCUMENT)
    node: Any = document
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return document


def _refusal(document: dict[str, Any]) -> tuple[str, str]:
    with pytest.raises(DataError) as caught:
        loads_json(json.dumps(document, ensure_ascii=False))
    (issue,) = caught.value.issues
    return issue.path, issue.message


FIELD_RULES = [
    (("legal_basis", 0, "title"), "关于《通知》的通知", "legal_basis[0].title", "contain 《"),
    (("legal_basis", 0, "title"), "办法》", "legal_basis[0].title", "contain 》"),
    (("legal_basis", 0, "doc_no"), "教育部令(第29号)", "legal_basis[0].doc_no", "contain ("),
    (("legal_basis", 0, "doc_no"), "令（29）", "legal_basis[0].doc_no", "contain （"),
    (("legal_basis", 0, "issuer"), "教育部《", "legal_basis[0].issuer", "contain 《"),
    (("legal_basis",), [], "legal_basis", "at least one document"),
    (("part_names", 4), "举报、复议", "part_names[4]", "contain 、"),
    (("part_names", 4), "三个部分", "part_names[4]", "contain 个部分"),
    (("part_names",), [], "part_names", "at least one part"),
    ((*ADMISSIONS, "provinces", 0), "湖南、湖北", "proactive.admissions.provinces[0]", "、"),
    ((*ADMISSIONS, "provinces", 0), "湖南1", "proactive.admissions.provinces[0]", "contain 1"),
    ((*ADMISSIONS, "provinces", 0), "湖南\uff12", "proactive.admissions.provinces[0]", "\uff12"),
    ((*ADMISSIONS, "provinces", 0), "年面向湖南", "proactive.admissions.provinces[0]", "年面向"),
    ((*ADMISSIONS, "provinces"), [], "proactive.admissions.provinces", "at least one province"),
    (
        (*ADMISSIONS, "stated_province_count"),
        10_000,
        "proactive.admissions.stated_province_count",
        "from 0 to 9999",
    ),
    (
        (*ADMISSIONS, "employment", "home_province"),
        "湖南省就业 1处",
        "proactive.admissions.employment.home_province",
        "contain 就业 1",
    ),
    (
        (*ADMISSIONS, "employment", "home_province"),
        "2022年面向",
        "proactive.admissions.employment.home_province",
        "contain 年面向",
    ),
    (
        ("overview", "media", "weibo_award"),
        "官微荣获百强,发布博文",
        "overview.media.weibo_award",
        "contain ,发布博文",
    ),
    (
        ("overview", "media", "weibo_award"),
        "官方微博发布博文最多",
        "overview.media.weibo_award",
        "start with 官方微博发布博文",
    ),
    (
        ("overview", "media", "weibo_award"),
        "截至目前，校园网",
        "overview.media.weibo_award",
        "contain 截至目前，校园网",
    ),
    ((*CONTACT, "office"), "党政办公室:", "other.contact.office", "contain :"),
    ((*CONTACT, "telephone"), "0731，电话 ：1", "other.contact.telephone", "电话 ："),
    ((*TEACHING, "items", 0), "高等教育", "proactive.teaching.disclosed.items[0]", "高等"),
    ((*TEACHING, "items", 0), "甲;乙", "proactive.teaching.disclosed.items[0]", "contain ;"),
    ((*TEACHING, "items", 0), "甲、乙", "proactive.teaching.disclosed.items[0]", "'、'"),
    ((*TEACHING, "tail"), "方便师生。", "proactive.teaching.disclosed.tail", "start with 方"),
]


@pytest.mark.parametrize(("path", "value", "where", "message"), FIELD_RULES)
def test_field_rules(path: tuple[str | int, ...], value: object, where: str, message: str) -> None:
    """A value a template cannot carry back is refused at its field, by the loader and the
    schema alike."""
    document = _changed(path, value)
    found, said = _refusal(document)
    assert found == where
    assert message in said
    assert not VALIDATOR.is_valid(document)


PROCUREMENT = ("proactive", "finance", "procurement")
AFFAIRS = ("proactive", "student_affairs")

RELATIONS = [
    ((*PROCUREMENT, "tail"), "，另共5条。", "proactive.finance.procurement.tail", "count 5条"),
    ((*PROCUREMENT, "lead"), "共发布信息3", "proactive.finance.procurement.lead", "count 3131条"),
    ((*PROCUREMENT, "lead"), "共有1，", "proactive.finance.procurement.lead", "count 1，131条"),
    (("other", "contact_intro"), "请联系", "other.contact_intro", "must end with ："),
    ((*TEACHING, "lead"), "公开教务信息：", "proactive.teaching.disclosed.lead", "no list"),
    ((*TEACHING, "lead"), "包括：主要包括：", "proactive.teaching.disclosed.lead", "包括"),
    ((*AFFAIRS, "aid", "tail"), "等资助项目", "proactive.student_affairs.aid.tail", "first 。"),
    ((*AFFAIRS, "aid", "tail"), "等项目。另。", "proactive.student_affairs.aid.tail", "first 。"),
    ((*AFFAIRS, "rules", "lead"), "向社会发布", "proactive.student_affairs.rules.lead", "no list"),
]


@pytest.mark.parametrize(("path", "value", "where", "message"), RELATIONS)
def test_relations(path: tuple[str | int, ...], value: object, where: str, message: str) -> None:
    """A field that the rest of its sentence makes unreadable is refused by the loader at the
    field; the schema, which checks fields one by one, leaves it to the loader."""
    document = _changed(path, value)
    found, said = _refusal(document)
    assert (found, "would be read back" in said) == (where, True)
    assert message in said
    assert VALIDATOR.is_valid(document)


class TestProseBesideTemplates:
    """Prose where the reader looks for a template sentence must not look like one."""

    def test_last_paragraph_without_contact(self) -> None:
        """Without a contact, the last paragraph of part 7 must not hold 「，电话：」."""
        with pytest.raises(
            ModelError, match=r"^paragraphs\[1\]: would be read back as the contact"
        ):
            OtherMatters(heading="其他", paragraphs=("甲。", "乙，电话：123。"))

    def test_last_initiative_without_media(self) -> None:
        """Without the media passage, the last initiative must not hold 截至目前，校园网."""
        overview = REPORT.overview
        last = attrs.evolve(overview.initiatives[-1], body="截至目前，校园网发布新闻。")
        initiatives = (*overview.initiatives[:-1], last)
        with pytest.raises(ModelError, match=r"^initiatives\[2\]\.body: would be read back as"):
            Overview(heading="概述", paragraphs=(), initiatives=initiatives, media=None)

    def test_last_paragraph_without_a_list(self) -> None:
        """Without a list of what was disclosed, the last paragraph must not list after 包括."""
        with pytest.raises(ModelError, match=r"^paragraphs\[0\]: would be read back as a list"):
            TeachingDomain(heading="教学", paragraphs=("主要包括甲、乙。",), disclosed=None)

    def test_one_item_needs_etc(self) -> None:
        """A list of one item is read only when 等 follows it."""
        with pytest.raises(ModelError, match="^tail: must start with 等 after a single item"):
            ItemList(lead="主要包括", items=("甲",), tail="，方便师生。")

    def test_a_list_that_reads_back(self) -> None:
        """A list whose lead ends with its first 包括 and whose items stop before 等 is kept."""
        listed = ItemList(lead="公开主要包括", items=("等级考试", "乙"), tail="等。")
        domain = TeachingDomain(heading="教学", paragraphs=(), disclosed=listed)
        assert domain.disclosed == listed
