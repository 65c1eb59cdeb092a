"""The fast structuring path builds exactly what the detailed converter builds, and never
accepts data the detailed converter refuses; the fast unstructuring writes what cattrs'
own generated functions write."""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hnjd_disclosure import _fastpath, convert, io
from hnjd_disclosure.errors import DataError, ModelError
from hnjd_disclosure.model import (
    AnnualReport,
    ChecklistEntry,
    DisclosureStatus,
    Employment,
    _fields,
)
from hnjd_disclosure.model.checklist import STATUS_FIELDS

from .strategies import data_places, data_replaced, reports

REPORT = io.builtin_report(2022)

# Values a careless document might hold where something else is meant.
BAD_VALUES = [
    True,
    False,
    -1,
    0,
    1.5,
    None,
    "",
    " ",
    "a\nb",
    "12",
    "99.9",
    "99.90%",
    "1.9万",
    "前零名",
    "前50名",
    "2021-02-30",
    "2021-09-01",
    [],
    ["a"],
    {},
    {"x": 1},
    10**30,
]


def _fast(data_format: convert.DataFormat) -> Any:
    return convert._fast_structure(AnnualReport, data_format)


def _detailed(data: object, data_format: convert.DataFormat) -> AnnualReport:
    return convert.make_converter(data_format).structure(data, AnnualReport)


class TestSameResult:
    @given(reports())
    def test_json_data(self, report: AnnualReport) -> None:
        """From JSON data the fast path builds the report the detailed converter builds."""
        data = json.loads(io.dumps_json(report))
        assert _fast(convert.JSON)(data) == _detailed(data, convert.JSON) == report
        assert _fast(convert.SURROGATE_FREE_JSON)(data) == report

    @given(reports())
    def test_toml_data(self, report: AnnualReport) -> None:
        """From TOML data (native dates) too."""
        data = tomllib.loads(io.dumps_toml(report))
        assert _fast(convert.TOML)(data) == _detailed(data, convert.TOML) == report

    def test_builtin_report_takes_the_fast_path(self) -> None:
        """The published report is valid, so the fast path itself succeeds on it."""
        assert _fast(convert.JSON)(json.loads(io.dumps_json(REPORT))) == REPORT

    def test_optional_keys_may_be_absent(self) -> None:
        """Fields with defaults (issuer, checklist) may be missing, as in the detailed path."""
        data = json.loads(io.dumps_json(REPORT))
        del data["checklist"]
        assert "issuer" not in data["legal_basis"][0]
        loaded = _fast(convert.JSON)(data)
        assert (loaded.legal_basis[0].issuer, loaded.checklist) == ("", None)


class TestNeverLooser:
    @given(st.data())
    def test_any_replaced_value(self, data: st.DataObject) -> None:
        """Wherever a value is replaced, the fast path refuses whatever the detailed refuses."""
        plain = json.loads(io.dumps_json(REPORT))
        path = data.draw(st.sampled_from([path for path, _ in data_places(plain)]))
        bad = data_replaced(plain, path, data.draw(st.sampled_from(BAD_VALUES)))
        for fast in (_fast(convert.JSON), _fast(convert.SURROGATE_FREE_JSON)):
            try:
                expected = _detailed(bad, convert.JSON)
            except Exception:
                # Any exception sends the data to the detailed path.
                with pytest.raises(Exception):  # noqa: B017, PT011
                    fast(bad)
            else:
                assert fast(bad) == expected

    @given(st.sampled_from(sorted(json.loads(io.dumps_json(REPORT)))))
    def test_unknown_keys(self, key: str) -> None:
        """An extra key next to any top-level field is refused by both paths."""
        plain = json.loads(io.dumps_json(REPORT))
        plain["unexpected"] = plain[key]
        with pytest.raises(Exception):  # noqa: B017, PT011
            _fast(convert.JSON)(plain)
        with pytest.raises(DataError, match="unexpected: unknown key"):
            convert.structure_report(plain)

    def test_rules_between_fields_still_apply(self) -> None:
        """__attrs_post_init__ rules run on the fast path (registered > admitted is refused)."""
        plain = json.loads(io.dumps_json(REPORT))
        plain["proactive"]["admissions"]["registered"] = 6000
        with pytest.raises(ModelError):
            _fast(convert.JSON)(plain)
        with pytest.raises(DataError, match="proactive.admissions.registered: must not be larger"):
            convert.structure_report(plain)

    @pytest.mark.parametrize("index", [0, 5])
    def test_entries_keep_their_checks(self, index: int) -> None:
        """A checklist entry's builder (one per status) refuses data that merely compares
        equal to good data (True == 1, 1.0 == 1), an item out of range, and unknown keys."""
        fast = convert._fast_structure(ChecklistEntry, convert.JSON)
        entry = json.loads(io.dumps_json(REPORT))["checklist"]["entries"][index]
        assert fast(dict(entry)) == convert.structure(entry, ChecklistEntry)
        for item in (True, 1.0, str(entry["item"]), 0, 51):
            with pytest.raises(Exception):  # noqa: B017, PT011
                fast({**entry, "item": item})
        with pytest.raises(Exception):  # noqa: B017, PT011
            fast({**entry, "channels": [1]})
        with pytest.raises(Exception):  # noqa: B017, PT011
            fast({**entry, "unexpected": "x"})

    @given(
        st.sampled_from([s.value for s in DisclosureStatus] + ["disclosed ", 1, None]),
        st.dictionaries(
            st.sampled_from(list(STATUS_FIELDS)),
            st.one_of(
                st.sampled_from(["", " ", "学校网站", "见网站\n", "报告未写明"]),
                st.lists(st.sampled_from(["学校网站", "", "a\nb"]), max_size=2),
            ),
        ),
    )
    def test_entries_as_the_status_rules_say(self, status: object, fields: dict[str, Any]) -> None:
        """For any status and any choice of the fields it decides, the builder of that status
        builds what the detailed converter builds, and refuses all it refuses."""
        data = {"item": 6, "status": status, **fields}
        fast = convert._fast_structure(ChecklistEntry, convert.JSON)
        try:
            expected = convert.make_converter(convert.JSON).structure(data, ChecklistEntry)
        except Exception:
            with pytest.raises(Exception):  # noqa: B017, PT011
                fast(data)
        else:
            if any(value in ("", []) for value in fields.values()):
                # A field given empty is left to the detailed path (it may refuse data the
                # detailed path accepts, never the reverse), or built the same.
                try:
                    built = fast(data)
                except Exception:
                    return
            else:
                built = fast(data)
            assert built == expected

    @given(st.text(max_size=8))
    def test_string_checks_cover_the_validators(self, text: str) -> None:
        """A string the fast check lets through is one the field validators accept."""
        field = attrs.fields(Employment).home_province
        for validator in (_fields._line, _fields._optional_line):
            check = validator.refuses_code()
            if eval(check, {**_fields.FAST_NAMES, "v": text}):  # the generated test refuses it
                continue
            validator(None, field, text)  # must not raise


def _cattrs_reference(data_format: convert.DataFormat) -> Any:
    """The converter with cattrs' own unstructure functions for attrs classes."""
    from cattrs.gen import make_dict_unstructure_fn

    ref = convert.make_converter.__wrapped__(data_format)
    ref.register_unstructure_hook_factory(
        attrs.has, lambda cl, c: make_dict_unstructure_fn(cl, c, _cattrs_omit_if_default=True)
    )
    return ref


class TestUnstructure:
    @given(reports(), st.sampled_from([convert.JSON, convert.TOML]))
    def test_same_as_cattrs(self, report: AnnualReport, data_format: convert.DataFormat) -> None:
        """The same dicts, keys in the same order, as cattrs' generated functions."""
        ours = convert.unstructure(report, data_format=data_format)
        theirs = _cattrs_reference(data_format).unstructure(report)
        assert ours == theirs
        assert json.dumps(ours, default=str) == json.dumps(theirs, default=str)

    def test_builtin_report(self) -> None:
        """The published report too (it has an issuer, contact and media)."""
        ours = convert.unstructure(REPORT)
        assert json.dumps(ours) == json.dumps(_cattrs_reference(convert.JSON).unstructure(REPORT))


class TestConstructionStillValidates:
    def test_evolve(self) -> None:
        """attrs.evolve still runs the validators the fast path skips."""
        with pytest.raises(ModelError, match="expected a Count"):
            attrs.evolve(REPORT.proactive.admissions, planned=5300)  # type: ignore[arg-type]

    def test_type_rules_are_values(self) -> None:
        """The nested and figure fields carry type-only validators the fast path may skip."""
        fields = attrs.fields(Employment)
        assert isinstance(fields.graduates.validator, _fields.TypeRule)
        assert isinstance(fields.placement_rate.validator, _fields.TypeRule)
        assert not isinstance(fields.home_province.validator, _fields.TypeRule)


# Texts that cannot be written as UTF-8: a lone surrogate, as JSON's "\ud800" gives.
LONE_SURROGATES = ["\ud800", "\udfff", "a\udc80", "湖南\ud83d", "\ud800\n"]


class TestLoneSurrogates:
    """A string holding a lone surrogate (which no file can hold as UTF-8) is refused by
    both paths, wherever it is, so render and convert never fail writing it."""

    @given(st.data())
    def test_refused_by_both_paths(self, data: st.DataObject) -> None:
        plain = json.loads(io.dumps_json(REPORT))
        strings = [path for path, value in data_places(plain) if isinstance(value, str)]
        path = data.draw(st.sampled_from(strings))
        bad = data_replaced(plain, path, data.draw(st.sampled_from(LONE_SURROGATES)))
        with pytest.raises(Exception):  # noqa: B017, PT011
            _fast(convert.JSON)(bad)
        with pytest.raises(DataError):
            convert.structure_report(bad)

    @pytest.mark.parametrize(
        ("path", "where"),
        [
            (("institution",), "institution"),
            (("overview", "paragraphs", 0), "overview.paragraphs[0]"),
            (("legal_basis", 0, "issuer"), "legal_basis[0].issuer"),
            (("overview", "media", "weibo_award"), "overview.media.weibo_award"),
            (("checklist", "entries", 5, "channels", 0), "checklist.entries[5].channels[0]"),
        ],
    )
    def test_named_at_its_path(self, path: tuple[object, ...], where: str) -> None:
        plain = json.loads(io.dumps_json(REPORT))
        text = json.dumps(data_replaced(plain, path, "公开\ud800"))
        assert '"\\u516c\\u5f00\\ud800"' in text  # as a JSON file holds it
        with pytest.raises(DataError) as info:
            io.loads_json(text, source="r.json")
        assert str(info.value) == (
            f"r.json: {where}: must be Unicode text, got a lone surrogate (U+D800) at character 3"
        )

    def test_a_surrogate_pair_is_one_character(self) -> None:
        """An escaped pair ("\\ud83d\\ude00") is a valid character, and loads."""
        plain = json.loads(io.dumps_json(REPORT))
        plain["overview"]["paragraphs"][0] += "\U0001f600"
        loaded = io.loads_json(json.dumps(plain))
        assert loaded.overview.paragraphs[0].endswith("\U0001f600")

    @given(st.text(st.sampled_from(["a", " ", "\n", "汉", "\ud800", "\udfff"]), max_size=6))
    def test_string_checks_cover_the_validators_with_surrogates(self, text: str) -> None:
        """The fast checks refuse what the validators refuse, surrogates included, and the
        other way round (the fast path takes no valid text to the detailed one)."""
        field = attrs.fields(Employment).home_province
        for validator in (_fields._line, _fields._optional_line):
            check = validator.refuses_code()
            refused = bool(eval(check, {**_fields.FAST_NAMES, "v": text}))
            try:
                validator(None, field, text)
            except ModelError:
                assert refused
            else:
                assert not refused
        for rule in (_fields.Lines(),):
            refused = bool(eval(rule.item_code(), {**_fields.FAST_NAMES, "v": text}))
            try:
                rule(None, attrs.fields(AnnualReport).part_names, (text,))
            except ModelError:
                assert refused
            else:
                assert not refused

    @pytest.mark.parametrize("orjson", [True, False], ids=["orjson", "json"])
    @pytest.mark.parametrize("as_str", [True, False], ids=["load", "loads_json(str)"])
    def test_json_text(
        self, orjson: bool, as_str: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An escaped lone surrogate in a file, or a raw one in a str, is refused."""
        if not orjson:
            monkeypatch.setattr(io, "_orjson", lambda: None)
        text = io.dumps_json(REPORT)
        path = tmp_path / "r.json"
        path.write_text(text.replace("学校高度重视", "\\ud800学校", 1), encoding="utf-8")

        def read() -> object:
            if as_str:
                return io.loads_json(text.replace("学校高度重视", "\ud800学校高度重视", 1))
            return io.load(path)

        with pytest.raises(DataError, match=r"overview\.paragraphs\[0\]: must be Unicode text"):
            read()

    @pytest.mark.parametrize("orjson", [True, False], ids=["orjson", "json"])
    @pytest.mark.parametrize("encoding", [None, "utf-8", "utf-16-le", "utf-32"])
    def test_json_bytes(
        self, encoding: str | None, orjson: bool, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """However JSON bytes give a lone surrogate (an escape, or UTF-8, UTF-16 or UTF-32
        with surrogatepass, which json reads), with or without orjson, it is refused: the
        converter skips its search only for documents that cannot hold one."""
        if not orjson:
            monkeypatch.setattr(io, "_orjson", lambda: None)
        text = io.dumps_json(REPORT)
        if encoding is None:
            document = text.replace("学校高度重视", "\\ud800学校高度重视", 1).encode()
        else:
            raw = text.replace("学校高度重视", "\ud800学校高度重视", 1)
            document = raw.encode(encoding, "surrogatepass")
        with pytest.raises(DataError, match=r"overview\.paragraphs\[0\]: must be Unicode text"):
            io.loads_json(document, source="r.json")


class TestGeneratedSource:
    def test_traceback_shows_the_generated_lines(self) -> None:
        """The generated source is registered with linecache: a traceback through it names the
        class and shows the line that failed."""
        import traceback

        from hnjd_disclosure.model import Period

        fast = _fastpath.fast_structure_fn(
            Period, data_format=convert.JSON, detailed=lambda v, _: v
        )
        with pytest.raises(KeyError) as caught:
            fast({"start": "2021-09-01"})
        shown = "".join(traceback.format_exception(caught.value))
        assert "<fast structure hnjd_disclosure.model.report.Period>" in shown
        assert "d['end']" in shown


class TestOneLineQuickly:
    def test_same_as_the_search_over_all_of_unicode(self) -> None:
        """The one-line test (``str.strip`` and ``str.isprintable`` first, the search only for
        text that is not printable) accepts exactly what the search and the surrogate check
        accept, with each character of Unicode at the start, inside and at the end."""

        def searched(v: str) -> bool:
            return _fields.NOT_ONE_LINE.search(v) is None and not _fields.has_surrogate(v)

        for texts in (
            [f"{chr(c)}a" for c in range(sys.maxunicode + 1)],
            [f"a{chr(c)}b" for c in range(sys.maxunicode + 1)],
            [f"a{chr(c)}" for c in range(sys.maxunicode + 1)],
        ):
            assert list(map(_fields.good_line, texts)) == list(map(searched, texts))
