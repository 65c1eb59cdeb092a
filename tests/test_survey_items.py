"""The per-item matcher of the checklist (survey, issue 13): part-8 table, else the text."""

from __future__ import annotations

import pickle
import tomllib
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hnjd_disclosure import builtin_report, render
from hnjd_disclosure.errors import DataError
from hnjd_disclosure.model import DisclosureStatus
from hnjd_disclosure.parse import read_document
from hnjd_disclosure.survey._items import (
    EVIDENCE_MAX,
    ItemMatch,
    ItemSource,
    ItemStatus,
    match_items,
    parse_matchers,
)

from .conftest import DATA

MATCHERS = Path(__file__).parent.parent / "src/hnjd_disclosure/data/checklist-2014-matchers.toml"
REAL = DATA / "real"

#: How the model's part-8 statuses read back: 未公开 and 报告未载明 are "not found" when the
#: text does not name the item (the 2022 text names none of them: the table was written so).
FROM_MODEL = {
    DisclosureStatus.DISCLOSED: ItemStatus.DISCLOSED,
    DisclosureStatus.NOT_APPLICABLE: ItemStatus.NOT_APPLICABLE,
    DisclosureStatus.NOT_DISCLOSED: ItemStatus.NOT_FOUND,
    DisclosureStatus.NOT_STATED: ItemStatus.NOT_FOUND,
}


def matched(text: str) -> tuple[ItemMatch, ...]:
    return match_items(text, read_document(text))


def status(text: str, number: int) -> ItemStatus:
    return matched(text)[number - 1].status


def body(path: Path) -> str:
    """A real text without its two lines of provenance (``source: URL`` and a blank line)."""
    return path.read_text(encoding="utf-8").split("\n", 2)[2]


def assert_well_formed(text: str, matches: tuple[ItemMatch, ...]) -> None:
    assert [m.number for m in matches] == list(range(1, 51))
    for m in matches:
        assert len(m.evidence) <= EVIDENCE_MAX
        if m.source is ItemSource.NONE:
            assert (m.status, m.evidence, m.span) == (ItemStatus.NOT_FOUND, "", None)
        else:
            assert m.span is not None
            assert text[m.span[0] : m.span[1]] == m.evidence != ""


class TestTablePath:
    def test_rendered_2022_report_reads_every_item_from_its_part_8_table(self) -> None:
        """Each status agrees with the model's part-8 entry, and rests on the entry's row."""
        report = builtin_report(2022)
        assert report.checklist is not None
        text = render(report, checklist=True)
        matches = matched(text)
        assert_well_formed(text, matches)
        for m in matches:
            model_status = report.checklist.status_of(m.number)
            assert model_status is not None
            assert (m.number, m.status) == (m.number, FROM_MODEL[model_status])
            assert m.source is ItemSource.TABLE
            assert m.evidence.startswith(f"{m.number}｜")

    def test_a_table_without_numbers_is_matched_by_item_text(self) -> None:
        """Rows with neither number nor figure (read_document takes them for text) still
        list their items, matched by the checklist's wording or the item's names."""
        text = (
            "清单事项｜公开情况｜公开网址\n"
            "学校章程及制定的各项规章制度｜已公开｜https://xxgk.example.edu.cn/zc\n"
            "学籍管理办法｜未公开｜\n"
            "中外合作办学情况｜无此项｜\n"
            "高校毕业生就业质量年度报告｜已发布｜就业网\n"
        )
        found = {m.number: (m.status, m.source) for m in matched(text)}
        assert found[2] == (ItemStatus.DISCLOSED, ItemSource.TABLE)
        assert found[36] == (ItemStatus.NOT_FOUND, ItemSource.TABLE)
        assert found[47] == (ItemStatus.NOT_APPLICABLE, ItemSource.TABLE)
        assert found[33] == (ItemStatus.DISCLOSED, ItemSource.TABLE)
        assert found[1] == (ItemStatus.NOT_FOUND, ItemSource.NONE)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            pytest.param(
                "序号|事项|是否公开\n"
                "1|招生章程及特殊类型招生办法，分批次、分科类招生计划|是\n"
                "2|考生个人录取信息查询渠道和办法，分批次、分科类录取人数和录取最低分|是\n"
                "3|高校毕业生就业质量年度报告|否\n",
                {7: "disclosed", 9: "disclosed", 33: "not_found", 1: "not_found"},
                id="a school's own numbering (1, 2, 3 for items 7, 9, 33) does not decide",
            ),
            pytest.param(
                "序号｜清单事项｜公开情况\n"
                "1｜学校发展规划、年度工作计划和重点工作安排｜已公开\n"
                "2｜校级领导干部社会兼职的情况｜已公开\n"
                "3｜校级领导干部因公出国(境)情况｜不适用\n",
                {5: "disclosed", 22: "disclosed", 23: "not_applicable"},
                id="an item worded a little differently is matched by resemblance",
            ),
            pytest.param(
                "6｜信息公开年度报告｜已公开\n"
                "7｜招生章程及特殊类型招生办法，分批次、分科类招生计划｜已公开\n"
                "8｜保送、自主选拔录取、高水平运动员和艺术特长生招生等特殊类型招生入选考生资格"
                "及测试结果｜不适用\n",
                {6: "disclosed", 7: "disclosed", 8: "not_applicable"},
                id="a status column without a header is found by its values",
            ),
        ],
    )
    def test_tables_as_real_reports_write_them(self, text: str, expected: dict[int, str]) -> None:
        found = matched(text)
        assert {n: found[n - 1].status.value for n in expected} == expected

    def test_the_texts_evidence_outweighs_a_row_marked_not_disclosed(self) -> None:
        """The text shows the item disclosed: the table's 未公开 does not take that away (else
        removing the row would make the item look better)."""
        table = (
            "序号｜清单事项｜公开情况\n"
            "2｜学校章程及制定的各项规章制度｜已公开\n"
            "7｜招生章程及特殊类型招生办法，分批次、分科类招生计划｜未公开\n"
            "36｜学籍管理办法｜已公开\n"
        )
        text = "学校在招生网公布了招生章程。\n" + table
        item = matched(text)[6]
        assert (item.status, item.source, item.evidence) == (
            ItemStatus.DISCLOSED,
            ItemSource.TEXT,
            "学校在招生网公布了招生章程。",
        )
        without_row = "\n".join(line for line in text.split("\n") if not line.startswith("7｜"))
        assert matched(without_row)[6].status is item.status

    def test_an_item_the_table_leaves_out_is_read_from_the_text(self) -> None:
        table = (
            "序号｜清单事项｜公开情况\n"
            "2｜学校章程及制定的各项规章制度｜已公开\n"
            "6｜信息公开年度报告｜已公开\n"
            "36｜学籍管理办法｜已公开\n"
        )
        item = matched("学校在招生网公布了招生章程。\n" + table)[6]
        assert (item.status, item.source) == (ItemStatus.DISCLOSED, ItemSource.TEXT)

    def test_the_table_rows_are_not_read_as_text(self) -> None:
        """Part 8 names every item; its rows are not mentions."""
        report = builtin_report(2022)
        text = render(report, checklist=True)
        assert not any(m.source is ItemSource.TEXT for m in matched(text))

    def test_a_table_of_figures_is_not_part_8(self) -> None:
        text = "省份|人数|占比\n湖南|300|60%\n广东|200|40%\n合计|500|100%\n"
        assert all(m.source is ItemSource.NONE for m in matched(text))

    def test_an_unknown_status_value_leaves_the_item_to_the_text(self) -> None:
        text = (
            "序号｜清单事项｜公开情况\n"
            "2｜学校章程及制定的各项规章制度｜已公开\n"
            "6｜信息公开年度报告｜已公开\n"
            "36｜学籍管理办法｜部分公开\n"
        )
        assert matched(text)[35].source is ItemSource.NONE


class TestPublishedText:
    """The published 2022 text has no part-8 table: every status comes from the text."""

    def test_items_the_model_marks_disclosed_are_disclosed_and_the_rest_not_found(
        self, published_text: str
    ) -> None:
        """Derived from the model: its disclosed items, with their evidence, are disclosed;
        items its table marks 报告未载明 or 不适用 are named nowhere in the text."""
        report = builtin_report(2022)
        assert report.checklist is not None
        matches = matched(published_text)
        assert_well_formed(published_text, matches)
        for m in matches:
            entry = report.checklist.entry(m.number)
            assert entry is not None
            if entry.status is DisclosureStatus.DISCLOSED:
                assert (m.number, m.status, m.source) == (
                    m.number,
                    ItemStatus.DISCLOSED,
                    ItemSource.TEXT,
                )
                # the model's own evidence sentence is enough on its own
                assert status(entry.evidence, m.number) is ItemStatus.DISCLOSED
            else:
                assert (m.number, m.status) == (m.number, ItemStatus.NOT_FOUND)

    @pytest.mark.parametrize(
        ("number", "reason"),
        [
            # 公开的招生就业信息主要包括：……招生章程、招生简章……
            (7, "公开的招生就业信息主要包括：招生政策、招生章程、招生简章"),
            # ……高校毕业生就业质量年度报告、毕业生招聘信息等。 (the same sentence)
            (33, "公开的招生就业信息主要包括：招生政策、招生章程、招生简章"),
            # 本报告电子版可在湖南机电职业技术学院网站查看下载 (查看/下载: item 6's own verbs)
            (6, "本报告电子版可在湖南机电职业技术学院网站查看下载"),
            # 主动公开职称评审、人员招聘、干部任免……
            (25, "本年度，主动公开职称评审、人员招聘、干部任免、机构编制核查等各类人事信息"),
            # 主动向社会公开2022年部门预算和2021年度部门决算情况 (item 20, after 预决算 in the
            # overview, which 「公开程度」 does not disclose)
            (20, "本年度，严格按照上级规定主动向社会公开财务信息"),
        ],
    )
    def test_hand_verified_items(self, published_text: str, number: int, reason: str) -> None:
        m = matched(published_text)[number - 1]
        assert (m.status, m.source) == (ItemStatus.DISCLOSED, ItemSource.TEXT)
        assert m.evidence.startswith(reason)

    def test_the_overview_mentions_the_budget_before_the_sentence_that_discloses_it(
        self, published_text: str
    ) -> None:
        """「加大学校财务预决算……向社会的公开程度」 names 预决算 without a disclosure verb."""
        overview = next(line for line in published_text.splitlines() if "财务预决算" in line)
        sentence = next(s for s in overview.split("。") if "财务预决算" in s) + "。"
        assert status(sentence, 19) is ItemStatus.MENTIONED


#: For every item: a sentence that discloses it, a near miss, and what the near miss is.
EXAMPLES = [
    (1, "学校在信息公开网公布了办学基本情况。", "学校办学规模稳步扩大。", ItemStatus.MENTIONED),
    (2, "学校章程已在学校官网公开。", "学校修订了招生章程。", ItemStatus.NOT_FOUND),
    (3, "学校在官网公布了教代会工作报告。", "召开教代会公开学校重大事项。", ItemStatus.NOT_FOUND),
    (
        4,
        "学术委员会年度报告已在信息公开网发布。",
        "学术委员会审议了学科建设方案。",
        ItemStatus.NOT_FOUND,
    ),
    (
        5,
        "学校公开了“十四五”发展规划和年度工作计划。",
        "学校未公开年度工作计划。",
        ItemStatus.MENTIONED,
    ),
    (
        6,
        "本报告电子版可在学校网站查看下载。",
        "各单位按照信息公开年度报告工作的通知要求报送材料。",
        ItemStatus.NOT_FOUND,
    ),
    (7, "学校在招生网公布了招生章程。", "招生章程由招生办公室负责解释。", ItemStatus.MENTIONED),
    (
        8,
        "学校公示了高水平运动员招生的入选考生资格及测试结果。",
        "学校组建了高水平运动队参加比赛。",
        ItemStatus.NOT_FOUND,
    ),
    (
        9,
        "学校在招生网公布了分省录取最低分。",
        "考生可登录招生网进行录取查询。",
        ItemStatus.MENTIONED,
    ),
    (10, "学校公布了招生咨询及考生申诉渠道。", "考生申诉由纪委受理。", ItemStatus.MENTIONED),
    (
        11,
        "学校在研究生院网站发布了研究生招生简章。",
        "学校正在申报研究生招生资格。",
        ItemStatus.NOT_FOUND,
    ),
    (12, "学院公示了参加复试的考生成绩。", "复试成绩将于下周公布。", ItemStatus.MENTIONED),
    (13, "研究生院公示了拟录取研究生名单。", "拟录取研究生名单尚未公布。", ItemStatus.MENTIONED),
    (
        14,
        "学校公布了研究生招生咨询及申诉渠道。",
        "研究生招生咨询工作由研究生院负责。",
        ItemStatus.MENTIONED,
    ),
    (15, "学校主动公开财务管理制度。", "学校严格执行财务管理制度。", ItemStatus.MENTIONED),
    (16, "学校公开了受捐赠财产的使用与管理情况。", "学校接受捐赠的图书。", ItemStatus.NOT_FOUND),
    (17, "学校公开了校办企业资产、负债情况。", "校办企业运行平稳。", ItemStatus.MENTIONED),
    (18, "学校在政府采购网发布招标公告。", "学校完善了招投标管理。", ItemStatus.MENTIONED),
    (19, "学校向社会公开了2022年部门预算。", "学校编制了2022年部门预算。", ItemStatus.MENTIONED),
    (20, "学校公开了2021年度部门决算。", "部门决算尚未公开。", ItemStatus.MENTIONED),
    (21, "学校在缴费处公示了收费项目和收费标准。", "学校严格执行收费标准。", ItemStatus.MENTIONED),
    (
        22,
        "学校公开了校级领导干部社会兼职情况。",
        "校级领导干部不得在企业兼职。",
        ItemStatus.NOT_FOUND,
    ),
    (
        23,
        "学校公开了校级领导干部因公出国（境）情况。",
        "学校组织教师出国培训。",
        ItemStatus.NOT_FOUND,
    ),
    (
        24,
        "学校公布了岗位设置管理与聘用办法。",
        "学校启动新一轮岗位聘用工作。",
        ItemStatus.MENTIONED,
    ),
    (25, "学校在官网发布人员招聘公告。", "学校发布毕业生招聘信息。", ItemStatus.NOT_FOUND),
    (26, "学校公开了教职工争议解决办法。", "学校妥善处理了一起劳动争议。", ItemStatus.MENTIONED),
    (27, "学校公开了教师数量及结构。", "学校加强教师队伍建设。", ItemStatus.NOT_FOUND),
    (
        28,
        "学校公开了专业设置、当年新增专业和停招专业名单。",
        "学校优化专业设置。",
        ItemStatus.MENTIONED,
    ),
    (29, "学校公布了全校开设课程总门数。", "学校开设课程思政示范课。", ItemStatus.NOT_FOUND),
    (
        30,
        "学校公布了主讲本科课程的教授占教授总数的比例。",
        "教授为本科生授课是学校的传统。",
        ItemStatus.MENTIONED,
    ),
    (
        31,
        "学校在就业网公布了促进毕业生就业的政策措施。",
        "学校加强就业指导。",
        ItemStatus.MENTIONED,
    ),
    (32, "2022届毕业生人数4846人。", "学校高度重视毕业生就业率。", ItemStatus.MENTIONED),
    (
        33,
        "学校发布了2022届毕业生就业质量年度报告。",
        "学校正在编制毕业生就业质量年度报告。",
        ItemStatus.MENTIONED,
    ),
    (34, "学校公布了艺术教育发展年度报告。", "学校重视美育和艺术教育。", ItemStatus.NOT_FOUND),
    (35, "学校发布了本科教学质量报告。", "学校不断提升本科教学质量。", ItemStatus.NOT_FOUND),
    (36, "学校在官网公示了学籍管理办法。", "学校修订了学籍管理办法。", ItemStatus.MENTIONED),
    (37, "学校公布了国家奖学金评审结果。", "学生可申请国家助学贷款。", ItemStatus.MENTIONED),
    (38, "学校公开了学生奖励处罚办法。", "学校对违纪学生给予处分。", ItemStatus.NOT_FOUND),
    (
        39,
        "学校公开了学生申诉处理办法。",
        "学生申诉由学生申诉处理委员会受理。",
        ItemStatus.MENTIONED,
    ),
    (40, "学校公开了学风建设领导小组的组成。", "学校加强学风建设。", ItemStatus.NOT_FOUND),
    (41, "学校公布了学术规范制度。", "学校加强学术规范教育。", ItemStatus.MENTIONED),
    (42, "学校公开了学术不端行为查处机制。", "学校严肃查处学术不端行为。", ItemStatus.MENTIONED),
    (
        43,
        "学校公布了授予学士学位的基本要求。",
        "学校为毕业生颁发学士学位证书。",
        ItemStatus.NOT_FOUND,
    ),
    (
        44,
        "学校公开了同等学力人员资格审查办法。",
        "同等学力人员申请硕士学位须通过考试。",
        ItemStatus.MENTIONED,
    ),
    (
        45,
        "学校公布了新增硕士学位授权学科审核办法。",
        "学校获批新增硕士学位授予单位。",
        ItemStatus.NOT_FOUND,
    ),
    (
        46,
        "学校公示了拟新增学位授权点的申报及论证材料。",
        "学校组织专家论证新校区规划。",
        ItemStatus.NOT_FOUND,
    ),
    (47, "学校公开了中外合作办学情况。", "学校积极探索中外合作办学。", ItemStatus.MENTIONED),
    (48, "学校公布了来华留学生管理相关规定。", "学校接收来华留学生50人。", ItemStatus.MENTIONED),
    (49, "学校公布了巡视整改情况。", "学校召开巡视整改专题会议。", ItemStatus.MENTIONED),
    (50, "学校公布了突发事件应急预案。", "学校妥善应对突发事件。", ItemStatus.MENTIONED),
]

#: More ways the matchers disclose: a figure after the name, traditional characters.
MORE_DISCLOSURES = [
    (7, "2022年面向10个省计划招生5300人。"),
    (9, "2022年实际录取5295人。"),
    (27, "学校有专任教师800人。"),
    (32, "初次就业去向落实率为89.52%。"),
    (6, "本報告的電子版可在合肥學院信息公開網查閱或下載。"),
    (18, "學校在政府採購網發布招標公告。"),
]


class TestExamples:
    def test_every_item_has_an_example(self) -> None:
        items = tomllib.loads(MATCHERS.read_text(encoding="utf-8"))["item"]
        assert [n for n, *_ in EXAMPLES] == [item["number"] for item in items] == list(range(1, 51))

    @pytest.mark.parametrize(("number", "sentence", "near_miss", "near_status"), EXAMPLES)
    def test_the_sentence_discloses_the_item_and_the_near_miss_does_not(
        self, number: int, sentence: str, near_miss: str, near_status: ItemStatus
    ) -> None:
        assert status(sentence, number) is ItemStatus.DISCLOSED
        assert status(near_miss, number) is near_status

    @pytest.mark.parametrize(("number", "sentence"), MORE_DISCLOSURES)
    def test_more_disclosures(self, number: int, sentence: str) -> None:
        assert status(sentence, number) is ItemStatus.DISCLOSED

    @pytest.mark.parametrize(
        "sentence",
        [
            "学校未公开招生章程。",
            "招生章程尚未公布。",
            "学校不公开招生章程。",
            "学校依据《关于公布招生章程的通知》修订招生章程。",
            "学校信息公开工作覆盖招生章程。",
        ],
    )
    def test_negated_verbs_verbs_in_titles_and_in_refusals_do_not_disclose(
        self, sentence: str
    ) -> None:
        assert status(sentence, 7) is ItemStatus.MENTIONED

    @pytest.mark.parametrize(
        ("sentence", "number", "expected"),
        [
            ("学校公布了学业预警信息。", 50, ItemStatus.NOT_FOUND),  # academic warnings
            ("学校发布企业招聘信息200条。", 25, ItemStatus.NOT_FOUND),  # not staff recruitment
            ("学校采用公开招标方式完成物资采购。", 18, ItemStatus.MENTIONED),  # a method
            ("在通知公告专栏设置了学籍管理栏目。", 36, ItemStatus.MENTIONED),  # a column
            ("学校生师比为17.5:1。", 27, ItemStatus.DISCLOSED),  # a figure the item asks for
            # a policy's name (liaoning-univ-admissions-2022: 嚴格落實招生信息“十公開”)
            ("学校落实招生信息“十公开”，制定了招生章程。", 7, ItemStatus.MENTIONED),
        ],
    )
    def test_look_alikes(self, sentence: str, number: int, expected: ItemStatus) -> None:
        assert status(sentence, number) is expected

    def test_a_verb_counts_only_in_its_sentence(self) -> None:
        assert status("学校公开了办学信息。学校修订了学籍管理办法。", 36) is ItemStatus.MENTIONED

    def test_an_item_only_verb_does_not_disclose_other_items(self) -> None:
        """查看/下载 disclose the report itself (item 6), not the items named beside it."""
        found = matched("本报告电子版和学籍管理办法可在学校网站查看下载。")
        assert (found[5].status, found[35].status) == (ItemStatus.DISCLOSED, ItemStatus.MENTIONED)

    def test_a_figure_phrase_without_its_figure_names_nothing(self) -> None:
        """「2022届毕业生」 before 就业质量年度报告 is item 33 alone, not item 32."""
        found = matched("学校发布了2022届毕业生就业质量年度报告。")
        assert (found[31].status, found[32].status) == (ItemStatus.NOT_FOUND, ItemStatus.DISCLOSED)

    def test_a_name_of_two_items_names_both(self) -> None:
        found = matched("学校公开了财务预决算。")
        assert (found[18].status, found[19].status) == (ItemStatus.DISCLOSED,) * 2

    def test_evidence_of_a_long_sentence_is_cut_around_the_name(self) -> None:
        text = "学校" + "持续推进各项工作" * 40 + "并公开了学籍管理办法。"
        m = matched(text)[35]
        assert m.status is ItemStatus.DISCLOSED
        assert len(m.evidence) == EVIDENCE_MAX
        assert "学籍管理办法" in m.evidence
        assert m.span is not None
        assert text[m.span[0] : m.span[1]] == m.evidence


class TestRealTexts:
    @pytest.mark.parametrize("path", sorted(REAL.glob("*.txt")), ids=lambda p: p.stem)
    def test_no_crash_and_well_formed(self, path: Path) -> None:
        text = body(path)
        assert_well_formed(text, matched(text))

    @pytest.mark.parametrize(
        ("slug", "number", "expected", "reason"),
        [
            # 特向社会公布重庆工商大学2021-2022学年度信息公开报告
            ("ctbu-disclosure-2022", 6, ItemStatus.DISCLOSED, "特向社会公布"),
            # 本報告的電子版可在合肥學院信息公開網(…)查閱或下載 (traditional characters)
            ("hfuu-disclosure-2022", 6, ItemStatus.DISCLOSED, "本報告的電子版"),
            # 物資采購招標等重點工作逐條進行信息公開: 信息公开 is the work, not a disclosure
            ("szkrzm-disclosure-2022", 18, ItemStatus.MENTIONED, "在信息公開工作的整體推動下"),
            # 政務公開專欄公開學校規劃計劃、政策文件、工作動態、招聘信息、人事任免等325條
            ("yiwu-ibc-disclosure-2022", 25, ItemStatus.DISCLOSED, "此外,通過義烏市"),
            # 《…关于做好2021年高校信息公开年度报告工作的通知》 names the notice, not item 6
            ("hlbrc-disclosure-2021", 6, ItemStatus.NOT_FOUND, ""),
            # 其中包括:机构领导4条,机构设置5条,…规划计划14条 (no verb in that sentence)
            ("huaiyuan-no2-disclosure-2021", 5, ItemStatus.MENTIONED, "其中包括:"),
        ],
    )
    def test_hand_checked_statuses(
        self, slug: str, number: int, expected: ItemStatus, reason: str
    ) -> None:
        m = matched(body(REAL / f"{slug}.txt"))[number - 1]
        assert m.status is expected
        assert reason in m.evidence


# -- properties -------------------------------------------------------------------------------

#: Sentences that name items (with and without verbs and figures) and sentences that name none.
NAMING = [s for _, sentence, near, _ in EXAMPLES for s in (sentence, near)] + [
    s for _, s in MORE_DISCLOSURES
]
IRRELEVANT = [
    "学校高度重视信息公开工作。",
    "本年度学校没有收到信息公开申请。",
    "师生对学校信息公开工作整体上比较满意。",
    "学校召开了专题会议。",
    "如对本报告有任何疑问，请联系党政办公室。",
]
paragraphs = st.lists(
    st.lists(st.sampled_from(NAMING + IRRELEVANT), min_size=1, max_size=4), min_size=1, max_size=5
)


def joined(paras: list[list[str]]) -> str:
    return "\n".join("".join(p) for p in paras) + "\n"


def statuses(text: str) -> list[ItemStatus]:
    return [m.status for m in matched(text)]


class TestProperties:
    @given(paragraphs, st.data())
    def test_removing_a_sentence_never_finds_an_item(
        self, paras: list[list[str]], data: st.DataObject
    ) -> None:
        """Monotonic in the text: no item goes from not found to found when a sentence goes."""
        k = data.draw(st.integers(0, len(paras) - 1))
        j = data.draw(st.integers(0, len(paras[k]) - 1))
        fewer = [p[:j] + p[j + 1 :] if i == k else p for i, p in enumerate(paras)]
        before, after = statuses(joined(paras)), statuses(joined([p for p in fewer if p]))
        for old, new in zip(before, after, strict=True):
            if old is ItemStatus.NOT_FOUND:
                assert new is ItemStatus.NOT_FOUND

    @given(
        st.lists(
            st.sampled_from(
                [
                    *"｜|\t\n 。，《》<>0123456789²\uff13%",
                    "已公开",
                    "不适用",
                    "未公开",
                    "公开情况",
                    "序号",
                    "学籍管理办法",
                    "招生章程",
                    "计划招生",
                    "未",
                    "公布",
                    "學",
                ]
            ),
            max_size=60,
        ).map("".join)
    )
    def test_any_text_gives_fifty_well_formed_matches(self, text: str) -> None:
        assert_well_formed(text, matched(text))

    @given(paragraphs, st.sampled_from(IRRELEVANT), st.data())
    def test_adding_an_irrelevant_sentence_changes_nothing(
        self, paras: list[list[str]], extra: str, data: st.DataObject
    ) -> None:
        k = data.draw(st.integers(0, len(paras) - 1))
        j = data.draw(st.integers(0, len(paras[k])))
        more = [[*p[:j], extra, *p[j:]] if i == k else p for i, p in enumerate(paras)]
        before, after = matched(joined(paras)), matched(joined(more))
        assert [(m.status, m.source, m.evidence) for m in before] == [
            (m.status, m.source, m.evidence) for m in after
        ]


# -- the value types and the data file --------------------------------------------------------


class TestItemMatch:
    def test_pickles_hashes_and_evolves(self) -> None:
        m = matched("学校公开了学籍管理办法。")[35]
        assert pickle.loads(pickle.dumps(m)) == m
        assert hash(m) == hash(attrs.evolve(m))
        assert attrs.evolve(m, status=ItemStatus.MENTIONED).status is ItemStatus.MENTIONED

    def test_enums_have_the_documented_values(self) -> None:
        assert [s.value for s in ItemStatus] == [
            "disclosed",
            "mentioned",
            "not_found",
            "not_applicable",
        ]
        assert [s.value for s in ItemSource] == ["table", "text", "none"]

    def test_an_empty_text_finds_nothing(self) -> None:
        assert statuses("") == [ItemStatus.NOT_FOUND] * 50


class TestParseMatchers:
    def test_the_package_data_compiles(self) -> None:
        parse_matchers(MATCHERS.read_text(encoding="utf-8"))

    def test_malformed_toml_names_the_source(self) -> None:
        with pytest.raises(DataError, match="^m.toml: "):
            parse_matchers("[rule\n", source="m.toml")

    def test_missing_items_and_bad_values_are_all_named(self) -> None:
        text = MATCHERS.read_text(encoding="utf-8")
        cut = text[: text.index("[[item]]\nnumber = 50")].replace("min_rows = 3", "min_rows = 0")
        with pytest.raises(DataError) as caught:
            parse_matchers(cut)
        assert [issue.path for issue in caught.value.issues] == ["item", "min_rows"]

    def test_a_phrase_cannot_be_both_a_name_and_an_exclude(self) -> None:
        text = MATCHERS.read_text(encoding="utf-8").replace(
            'excludes = ["毕业生招聘信息"', 'excludes = ["招聘信息", "毕业生招聘信息"'
        )
        with pytest.raises(DataError, match="'招聘信息' is both a name and an exclude"):
            parse_matchers(text)


def test_a_name_in_the_title_of_a_notice_is_not_the_item() -> None:
    notice = "根据《教育部办公厅关于做好2022年高校信息公开年度报告工作的通知》要求开展工作。"
    assert matched(notice)[5].status is ItemStatus.NOT_FOUND
    # the title of a document that is the item itself still names it
    rules = "学校公开了《学生学籍管理办法》。"
    assert matched(rules)[35].status is ItemStatus.DISCLOSED
