"""The checked constructors (:mod:`hnjd_disclosure._checked`) are the classes' own
constructors, faster: an equal instance for values the class accepts, and the class's own
error (the same exception, the same message) for every value it refuses."""

from __future__ import annotations

import datetime
import linecache
from collections.abc import Callable
from decimal import Decimal
from typing import Any, cast
from unittest import mock

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hnjd_disclosure import ParseError, _checked, io, render
from hnjd_disclosure._layout import LINE_BREAKS, SPACES
from hnjd_disclosure.errors import ModelError
from hnjd_disclosure.model import (
    AnnualReport,
    Contact,
    Domain,
    Employment,
    InstitutionKind,
    ItemList,
    LegalBasis,
    Overview,
    Period,
    StudentAffairsDomain,
    _fields,
)
from hnjd_disclosure.parse import _template as template
from hnjd_disclosure.parse import parse_report
from hnjd_disclosure.parse._template import LONE_SURROGATES
from hnjd_disclosure.quantities import Count, Ranking, StatedPercent, WanFigure

from .strategies import all_model_instances, reports
from .test_hostile import mangled

REPORT = io.builtin_report(2022)
INSTANCES = all_model_instances(REPORT)
CLASSES = sorted({type(o) for o in INSTANCES}, key=lambda c: c.__name__)

# Values some rule refuses somewhere: of the wrong type, text that is not one line, or that
# starts like a heading or with a digit, items with a list's stop, figures in another unit...
BAD_VALUES: list[object] = [
    None,
    True,
    0,
    -1,
    1.5,
    "",
    " 湖南",
    "湖南 ",
    "湖\n南",
    "湖\u2028南",
    "湖\ud800南",
    "1.总则",
    "（一）总则",
    "５项",
    "一是措施",
    "等项目",
    "项目，其他",
    "《通知》",
    "办法、规定",
    "，电话：0731",
    (),
    ("",),
    ("1.总则",),
    ("湖南", 3),
    ["湖南"],
    ("办法、规定",),
    Count(value=3, unit="人"),
    Count(value=3, unit="件"),
    WanFigure(value=Decimal("1.5"), unit="人"),
    StatedPercent(value=Decimal("99.5")),
    Ranking(text="前十名"),
    datetime.date(2022, 8, 31),
    datetime.datetime(2022, 8, 31, 0, 0),
    InstitutionKind.UNDERGRADUATE,
    REPORT.period,
    REPORT.overview,
    (REPORT.overview,),
    REPORT.legal_basis,
    REPORT.proactive.teaching.disclosed,
]


def _kwargs(obj: object) -> dict[str, Any]:
    return {a.name: getattr(obj, a.name) for a in attrs.fields(cast(Any, type(obj)))}


def _outcome(make: Callable[[], object]) -> object:
    """What ``make()`` gives: the object, or the exception's type and arguments."""
    try:
        return make()
    except Exception as exc:
        return (type(exc), exc.args)


def _assert_same(cls: type, kwargs: dict[str, Any]) -> None:
    by_class = _outcome(lambda: cls(**kwargs))
    by_checked = _outcome(lambda: _checked.checked(cls)(**kwargs))
    assert by_checked == by_class
    if attrs.has(type(by_class)):
        assert type(by_checked) is cls
        # the very values given, not copies
        for name, value in kwargs.items():
            assert getattr(by_checked, name) is value


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_every_class_of_a_report_is_generated(cls: type) -> None:
    """No class of the model falls back to being its own constructor."""
    assert _checked.checked(cls) is not cls
    assert _checked.checked(cls) is _checked.checked(cls)


def _no_fallback(cls: type) -> Any:
    """Fail the test if the checked constructor of ``cls`` calls the class itself."""
    fn: Any = _checked.checked(cls)

    def fallback(*args: object) -> object:
        raise AssertionError(f"{cls.__name__} fell back to its constructor: {args}")

    return mock.patch.dict(fn.__globals__, {"_slow": fallback})


@pytest.mark.parametrize("obj", INSTANCES, ids=lambda o: type(o).__name__)
def test_valid_values_give_an_equal_instance_without_the_class(obj: object) -> None:
    cls = type(obj)
    with _no_fallback(cls):
        built = _checked.checked(cls)(**_kwargs(obj))
    assert built == obj
    assert type(built) is cls


@pytest.mark.parametrize("obj", INSTANCES, ids=lambda o: type(o).__name__)
def test_every_bad_value_in_every_field_is_the_class_own_error(obj: object) -> None:
    """Each field of each object of the report, set in turn to each of the bad values."""
    kwargs = _kwargs(obj)
    for name in kwargs:
        for bad in BAD_VALUES:
            _assert_same(type(obj), {**kwargs, name: bad})


@pytest.mark.parametrize(
    ("cls", "field", "value", "message"),
    [
        # OneLine, and Refuses and AfterNumber after it
        (LegalBasis, "title", "", "title: must not be empty"),
        (LegalBasis, "title", "高等学校\n信息公开", "must be one line"),
        (LegalBasis, "title", "高等学校\ud800信息公开", "lone surrogate"),
        (LegalBasis, "title", 7, "expected a string"),
        (LegalBasis, "title", "关于《通知》", "must not contain 《"),
        (Domain, "heading", "5信息公开", "must not start with a digit"),
        # Lines (the items, and the tuple), NotEmpty, and a rule left to call
        (Domain, "paragraphs", ["湖南"], "expected a tuple of strings"),
        (Domain, "paragraphs", ("（二）公开",), "must not start like a heading"),
        (ItemList, "items", (), "must list at least one item"),
        (ItemList, "items", ("办法、规定",), "an item must not contain '、'"),
        (ItemList, "tail", "其他", "a list's tail starts with 等"),
        # the type rules: a figure in its unit, a percentage, a nested object, an optional one
        (Employment, "graduates", Count(value=3, unit="件"), "expected a count in 人"),
        (Employment, "graduates", 3, "expected a Count"),
        (Employment, "placement_rate", Count(value=3, unit="人"), "expected StatedPercent"),
        (Overview, "media", REPORT.period, "expected MediaFigures or None"),
        (Overview, "initiatives", [REPORT.overview.initiatives[0]], "expected a tuple"),
        (AnnualReport, "period", None, "expected Period"),
        (AnnualReport, "institution_kind", "高职", "expected one of"),
        (Period, "end", datetime.datetime(2022, 8, 31), "expected date"),
        # a rule between fields (__attrs_post_init__), after every field passed
        (Period, "end", datetime.date(2020, 1, 1), "must be after start"),
        (Contact, "telephone", "", "telephone: must not be empty"),
    ],
)
def test_each_rule_kind_refuses_as_the_class_does(
    cls: type, field: str, value: object, message: str
) -> None:
    obj = next(o for o in INSTANCES if type(o) is cls)
    kwargs = {**_kwargs(obj), field: value}
    with pytest.raises(ModelError) as by_class:
        cls(**kwargs)
    with pytest.raises(ModelError) as by_checked:
        _checked.checked(cls)(**kwargs)
    assert message in str(by_checked.value)
    assert type(by_checked.value) is type(by_class.value)
    assert by_checked.value.args == by_class.value.args


def test_missing_and_unknown_arguments_are_the_class_own_errors() -> None:
    kwargs = _kwargs(REPORT.period)
    _assert_same(Period, {"start": kwargs["start"]})
    _assert_same(Period, {**kwargs, "middle": kwargs["start"]})
    # a default left out is the default
    affairs = REPORT.proactive.student_affairs
    with _no_fallback(StudentAffairsDomain):
        built = _checked.checked(StudentAffairsDomain)(heading=affairs.heading)
    assert built == StudentAffairsDomain(heading=affairs.heading)


def test_a_class_of_another_shape_is_its_own_constructor() -> None:
    @attrs.frozen
    class Converted:
        x: int = attrs.field(converter=int)

    assert _checked.checked(Converted) is Converted


def test_generated_lines_are_shown_in_a_traceback() -> None:
    fn: Any = _checked.checked(LegalBasis)
    lines = linecache.getlines(fn.__code__.co_filename)
    assert lines[0].startswith("def checked(*, issuer=")
    assert "    _set(inst, 'doc_no', doc_no)\n" in lines


@st.composite
def _mixed(draw: st.DrawFn) -> tuple[type, dict[str, Any]]:
    """An object of a generated report, with some of its fields set to values of other
    objects' fields or to bad values."""
    report = draw(reports(with_checklist=True))
    objects = all_model_instances(report)
    obj = draw(st.sampled_from(objects))
    kwargs = _kwargs(obj)
    pool = [v for o in objects for v in _kwargs(o).values()] + BAD_VALUES
    names = draw(st.lists(st.sampled_from(sorted(kwargs)), max_size=3, unique=True))
    for name in names:
        kwargs[name] = draw(st.sampled_from(pool))
    return type(obj), kwargs


@given(_mixed())
def test_any_values_give_what_the_class_gives(case: tuple[type, dict[str, Any]]) -> None:
    cls, kwargs = case
    _assert_same(cls, kwargs)


@given(reports(with_checklist=True))
def test_the_objects_of_any_report_are_built_equal(report: AnnualReport) -> None:
    for obj in all_model_instances(report):
        with _no_fallback(type(obj)):
            assert _checked.checked(type(obj))(**_kwargs(obj)) == obj


@pytest.mark.parametrize("empty", [False, True])
def test_the_one_line_test_is_the_one_line_pattern(empty: bool) -> None:
    """The inline test of one-line text refuses exactly what NOT_ONE_LINE finds, for every
    space and line break at the start, inside and at the end, alone, or as ``\\r\\n``."""
    code = _fields.OneLine(empty=empty).refuses_code(lone_surrogates=False)
    chars = [*SPACES, *LINE_BREAKS, "\r\n", "\ufeff", "\u200b", "a", "汉"]
    texts = [""] + [t for c in chars for t in (c, c + "汉", "汉" + c, "汉" + c + "a", c + c)]
    for text in texts:
        refused = bool(eval(code, {**_fields.FAST_NAMES, "v": text}))
        expected = _fields.NOT_ONE_LINE.search(text) is not None or (text == "" and not empty)
        assert refused == expected, repr(text)


@pytest.mark.parametrize("obj", INSTANCES, ids=lambda o: type(o).__name__)
def test_without_the_surrogate_search_valid_values_give_an_equal_instance(obj: object) -> None:
    made = _checked.checked(type(obj), lone_surrogates=False)
    assert made is not _checked.checked(type(obj))
    assert made(**_kwargs(obj)) == obj


def _by_the_classes() -> Any:
    """The reader building with the classes themselves, as it did before the checked
    constructors: what it must still give."""
    return mock.patch.object(template, "checked", lambda cls, **_: cls)


def _read(text: str) -> object:
    try:
        return parse_report(text)
    except ParseError as exc:
        return (exc.message, exc.line, exc.column)


def _assert_read_alike(text: str) -> None:
    with _by_the_classes():
        expected = _read(text)
    assert _read(text) == expected
    assert LONE_SURROGATES.get() is True  # set back after the read


@pytest.mark.parametrize(
    "old",
    ["湖南机电职业技术学院", "主要包括国家奖学金", "一是", "校园网", "电话", "招生", "2022年"],
)
def test_a_text_with_a_lone_surrogate_is_read_as_by_the_classes(old: str) -> None:
    """The reader leaves out the search for a lone surrogate only in a text without one."""
    text = render(REPORT).replace(old, old[:1] + "\ud800" + old[1:], 1)
    assert "lone surrogate" in str(_read(text))
    _assert_read_alike(text)


def test_a_lone_surrogate_the_reader_skips_is_no_error() -> None:
    """Before the title (a web page's navigation) the text may hold anything."""
    text = "导航\ud800\n" + render(REPORT)
    assert parse_report(text) == parse_report(render(REPORT))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(mangled())
def test_mangled_text_is_read_as_by_the_classes(text: str) -> None:
    """The same report, or the same error at the same line and column."""
    _assert_read_alike(text)


@given(st.sampled_from(["\ud800", "\udfff", " ", "\n", "1.", "、", "等", "等，"]), st.data())
def test_a_character_anywhere_is_read_as_by_the_classes(char: str, data: st.DataObject) -> None:
    text = render(REPORT)
    at = data.draw(st.integers(0, len(text)))
    _assert_read_alike(text[:at] + char + text[at:])


def test_the_figures_in_wan_read_are_shared_between_reads() -> None:
    first, second = parse_report(render(REPORT)), parse_report(render(REPORT))
    assert first.overview.media is not None
    assert second.overview.media is not None
    followers = first.overview.media.weibo_followers
    assert followers is second.overview.media.weibo_followers
    assert followers == WanFigure(value=followers.value, unit="人")
    assert followers == REPORT.overview.media.weibo_followers  # type: ignore[union-attr]
