"""Vietnamese helpers: folding, tone placement, dates, alphabetical order."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsarchive.vi import fold, format_day, match_key, name_sort_key, slugify_vi
from newsarchive.vi.collate import first_letter, sort_key
from newsarchive.vi.text import _fold_unicode

_VI_LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ .,-\u0300\u0301\u0303\u0309\u0323"
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)


def test_fold_handles_d_with_stroke() -> None:
    assert fold("Đảng ủy Lại Xuân Lâm đến") == "Dang uy Lai Xuan Lam den"


def test_match_key_ignores_tone_placement_but_not_letters() -> None:
    assert match_key("Hoà Bình") == match_key("hòa  bình")
    assert match_key("Thuỷ") == match_key("thủy")
    assert match_key("Lâm") != match_key("Lam")
    assert match_key("Hòa") != match_key("Hóa")


def test_slug_folds_vietnamese() -> None:
    assert slugify_vi("Đảng ủy Khối các cơ quan") == "dang-uy-khoi-cac-co-quan"


def test_vietnamese_dates_do_not_depend_on_os_locale() -> None:
    assert format_day(dt.date(2024, 6, 21)) == "Thứ Sáu, 21 tháng 6 năm 2024"
    assert format_day(dt.date(2024, 12, 8)) == "Chủ Nhật, 8 tháng 12 năm 2024"


def test_alphabet_order() -> None:
    words = ["đào", "dê", "ăn", "an", "ân", "bò", "ơi", "ô", "o", "ưa", "uống", "y"]
    assert sorted(words, key=sort_key) == [
        "an",
        "ăn",
        "ân",
        "bò",
        "dê",
        "đào",
        "o",
        "ô",
        "ơi",
        "uống",
        "ưa",
        "y",
    ]


def test_tone_order_after_letters() -> None:
    words = ["má", "mà", "ma", "mạ", "mã", "mả"]
    assert sorted(words, key=sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_people_sort_by_given_name_first() -> None:
    names = ["Lại Xuân Lâm", "Nguyễn Lam", "Trần Hồng Hà", "Đỗ Anh", "Lê Ánh"]
    assert sorted(names, key=name_sort_key) == [
        "Đỗ Anh",
        "Lê Ánh",
        "Trần Hồng Hà",
        "Nguyễn Lam",
        "Lại Xuân Lâm",
    ]
    assert first_letter("Trần Văn Ẩn") == "Â"
    assert first_letter("Lê Đức") == "Đ"


@given(st.text(alphabet=st.characters(max_codepoint=0x2000)) | st.text(alphabet=_VI_LETTERS))
def test_fold_fast_path_equals_the_unicode_route(text: str) -> None:
    assert fold(text) == _fold_unicode(text)


def test_day_formats_match_babel_on_every_day_of_some_years() -> None:
    from babel.dates import format_date

    from newsarchive.vi.dates import format_short

    days = [dt.date(1, 1, 1), dt.date(999, 12, 31), dt.date(9999, 12, 31)]
    for year in (2010, 2024):
        start = dt.date(year, 1, 1)
        days += [start + dt.timedelta(days=i) for i in range(366)]
    for day in days:
        assert format_day(day) == format_date(day, "EEEE, d 'tháng' M 'năm' y", locale="vi")
        assert format_short(day) == format_date(day, "d 'tháng' M 'năm' y", locale="vi")


def test_month_and_weekday_words_match_babel() -> None:
    from babel.dates import format_date

    from newsarchive.vi.dates import format_month, format_month_name, weekday_names

    for year in (1, 2024, 9999):
        for month in range(1, 13):
            first = dt.date(year, month, 1)
            assert format_month_name(month) == format_date(first, "LLLL", locale="vi")
            assert format_month(year, month) == format_date(first, "LLLL 'năm' y", locale="vi")
    monday = dt.date(2024, 1, 1)
    week = [monday + dt.timedelta(days=i) for i in range(7)]
    assert weekday_names() == [format_date(d, "EEEEEE", locale="vi") for d in week]
    with pytest.raises(ValueError):
        format_month_name(13)


_NAME_CHARS = _VI_LETTERS + " \u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b\u0345İ"


def _name_sort_key_reference(name: str) -> tuple:
    words = name.split()
    if not words:
        return (sort_key(name),)
    return (sort_key(words[-1]), sort_key(" ".join(words[:-1])))


@given(st.text(alphabet=_NAME_CHARS, max_size=30) | st.text(max_size=12))
def test_name_sort_key_from_word_keys_equals_the_whole_names(name: str) -> None:
    assert name_sort_key(name) == _name_sort_key_reference(name)


@given(st.text(alphabet=_NAME_CHARS + "0123456789-'.", max_size=30) | st.text(max_size=12))
def test_slugify_vi_fast_path_equals_python_slugify(text: str) -> None:
    from slugify import slugify

    from newsarchive.vi.text import nfc

    assert slugify_vi(text) == slugify(fold(nfc(text)))


@given(st.text(alphabet=_NAME_CHARS, max_size=30))
def test_match_key_by_memoised_syllables_equals_the_direct_keys(text: str) -> None:
    import re

    from newsarchive.vi.text import _SPACE, nfc, split_tone

    def direct(m: re.Match[str]) -> str:
        letters, tone = split_tone(m.group(0))
        return f"{letters}{tone}" if tone else letters

    expected = re.sub(r"\w+", direct, _SPACE.sub(" ", nfc(text).strip()).casefold())
    assert match_key.__wrapped__(text) == expected
