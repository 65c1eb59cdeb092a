"""Part 1 of the report, 情况概述: the overview, its numbered initiatives and media figures."""

import re
from typing import Final

from attrs import frozen

from ..errors import ModelError
from ..quantities import Count, Ranking, WanFigure
from . import _fields as f

#: The media passage is found at its last 截至目前，校园网, and the award read up to the first
#: ，发布博文 (without an award the passage reads 官方微博发布博文).
_MEDIA_START: Final = "截至目前[，,]校园网"
_AWARD: Final = f.Refuses(
    pattern=f"[，,]发布博文|{_MEDIA_START}",
    why="the media passage is found at 截至目前，校园网 and the award ends at 「，发布博文」",
)
_NOT_UNAWARDED: Final = f.Refuses(
    pattern="^官方微博发布博文", why="the passage without an award reads so"
)

__all__ = ["Initiative", "MediaFigures", "Overview"]


@frozen(kw_only=True)
class Initiative:
    """One numbered initiative or measure of a paragraph: ``一是{title}。{body}``.

    >>> Initiative(title="细化信息公开内容", body="严格执行……").title
    '细化信息公开内容'
    """

    title: str = f.text(
        label="标题", refuses=(f.Refuses(pattern="。", why="it ends where the body begins"),)
    )
    body: str = f.optional_text(label="正文")


@frozen(kw_only=True)
class MediaFigures:
    """The figures of the school's own media: website, WeChat, Weibo and Douyin.

    The report writes them in one passage after the last initiative (``截至目前，校园网…``).

    >>> from hnjd_disclosure import builtin_report
    >>> m = builtin_report(2022).overview.media
    >>> m.news_articles.value, str(m.weibo_followers), str(m.douyin_ranking)
    (403, '1.9万人', '前50名')
    """

    news_articles: Count = f.count("篇", "校园网发布新闻")
    external_reports: Count = f.count("篇", "外媒宣传报道")
    wechat_issues: Count = f.count("期", "官方微信公众号推送主题信息")
    wechat_followers: Count = f.count("人", "官方微信公众号关注人数")
    wechat_ranking: Ranking = f.ranking("官方微信公众号全国排名")
    #: An award of the official Weibo account as the report words it (官微荣获全国百强).
    weibo_award: str = f.optional_text(label="官方微博荣誉", refuses=(_AWARD, _NOT_UNAWARDED))
    weibo_posts: Count = f.count("条", "官方微博发布博文")
    weibo_followers: WanFigure = f.wan("人", "官方微博关注人数")
    weibo_reads: WanFigure = f.wan("", "超话总阅读量")
    weibo_ranking: Ranking = f.ranking("官方微博全国排名")
    douyin_videos: Count = f.count("条", "官方抖音发布视频")
    douyin_followers: WanFigure = f.wan("人", "官方抖音关注人数")
    douyin_ranking: Ranking = f.ranking("官方抖音全国排名")


@frozen(kw_only=True)
class Overview:
    """Part 1, 情况概述: opening paragraphs, the initiatives (一是/二是/三是) and media figures.

    >>> from hnjd_disclosure import builtin_report
    >>> [i.title for i in builtin_report(2022).overview.initiatives][0]
    '细化信息公开内容'
    """

    heading: str = f.text(label="标题")
    paragraphs: tuple[str, ...] = f.paragraphs(before_initiatives=True)
    initiatives: tuple[Initiative, ...] = f.nested_tuple(Initiative, label="主要做法")
    media: MediaFigures | None = f.optional_nested(MediaFigures, label="新媒体")

    def __attrs_post_init__(self) -> None:
        if self.media is not None:
            return
        if self.initiatives:
            where, last = (
                f"initiatives[{len(self.initiatives) - 1}].body",
                self.initiatives[-1].body,
            )
        elif self.paragraphs:
            where, last = f"paragraphs[{len(self.paragraphs) - 1}]", self.paragraphs[-1]
        else:
            return
        if re.search(_MEDIA_START, last):
            message = "would be read back as the media passage: it holds 「截至目前，校园网」"
            raise ModelError(where, message)
