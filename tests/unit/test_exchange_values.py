"""Cell value parsing: German/English numbers, dates, yes/no, error values, invisible text."""

from __future__ import annotations

import datetime as dt

import pytest

from tikdesk.excel.values import (
    ValueProblem,
    clean_text,
    error_value,
    guess_decimal,
    parse_bool,
    parse_date,
    parse_datetime,
    parse_int,
    parse_number,
    unescape_formula_guard,
)


@pytest.mark.parametrize(
    ("text", "decimal", "expected"),
    [
        ("1.234,5", ",", 1234.5),
        ("12,5 %", ",", 0.125),
        ("1.234,50 €", ",", 1234.5),
        ("-1.234,50 EUR", ",", -1234.5),
        ("1,234.5", ",", 1234.5),  # both separators: the last one is the decimal
        ("1.234", ",", 1234.0),  # ambiguous: thousands in a German file
        ("1.234", ".", 1.234),  # … decimal in an English file
        ("5,431", ".", 5431.0),  # English export thousands
        ("5,431", ",", 5.431),
        ("1.234.567", ",", 1234567.0),
        ("12,5", ".", 12.5),  # not three digits: unambiguous decimal comma
        ("\u00a042\u200b", ",", 42.0),
        (7, ",", 7.0),
        (2.5, ",", 2.5),
    ],
)
def test_numbers(text: object, decimal: str, expected: float) -> None:
    assert parse_number(text, decimal) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["abc", "1.2.3,4,5", "12.34,5", "#DIV/0!", "", True])
def test_not_numbers(text: object) -> None:
    with pytest.raises(ValueProblem):
        parse_number(text)


def test_guess_decimal_decides_per_column() -> None:
    assert guess_decimal(["1.234", "12,5"]) == ","
    assert guess_decimal(["5,431", "1.5"]) == "."
    assert guess_decimal(["1.234,5"]) == ","
    assert guess_decimal(["1,234.5"]) == "."
    assert guess_decimal(["1.234", "5.678"]) == ","  # nothing decides: German


def test_parse_int_refuses_fractions() -> None:
    assert parse_int("12") == 12
    assert parse_int(12.0) == 12
    with pytest.raises(ValueProblem):
        parse_int("12,5")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("24.11.2026", dt.date(2026, 11, 24)),
        ("24.11.26", dt.date(2026, 11, 24)),
        ("01.02.2026", dt.date(2026, 2, 1)),  # always 1 February
        ("1.2.2026", dt.date(2026, 2, 1)),
        ("2026-11-24", dt.date(2026, 11, 24)),
        ("2026-11-24T10:30:00", dt.date(2026, 11, 24)),
        ("2026/05/10", dt.date(2026, 5, 10)),
        (dt.date(2026, 3, 4), dt.date(2026, 3, 4)),
        (dt.datetime(2026, 3, 4, 12, 0), dt.date(2026, 3, 4)),
        (46388, dt.date(2027, 1, 1)),  # serial, 1900 system
        (46388.75, dt.date(2027, 1, 1)),
        (1, dt.date(1900, 1, 1)),
        (61, dt.date(1900, 3, 1)),
        ("\u200b 03.12.2026\u00a0", dt.date(2026, 12, 3)),
        ("24.11.99", dt.date(1999, 11, 24)),
    ],
)
def test_dates(value: object, expected: dt.date) -> None:
    assert parse_date(value) == expected


def test_serial_1904_system() -> None:
    # The 1904 system counts 1462 days fewer than the 1900 system for the same day.
    assert parse_date(46388 - 1462, date1904=True) == dt.date(2027, 1, 1)
    assert parse_date(46388 - 1462) == dt.date(2022, 12, 31)


def test_datetime_keeps_time() -> None:
    assert parse_datetime("24.11.2026 14:30") == dt.datetime(2026, 11, 24, 14, 30)
    assert parse_datetime(46388.5) == dt.datetime(2027, 1, 1, 12, 0)


@pytest.mark.parametrize(
    ("value", "word"),
    [
        ("31.02.2026", "gibt es nicht"),
        ("29.02.2027", "gibt es nicht"),
        ("02/03/2026", "mehrdeutig"),
        ("#NV", "#NV"),
        ("morgen", "kein Datum"),
        (60, "29.02.1900"),
        (-5, "Datumszahl"),
        (True, "kein Datum"),
    ],
)
def test_bad_dates_are_problems_not_guesses(value: object, word: str) -> None:
    with pytest.raises(ValueProblem) as info:
        parse_date(value)
    assert word in info.value.reason


@pytest.mark.parametrize("word", ["ja", "J", "x", "✓", "✔", "WAHR", "true", "Yes", "1", 1])
def test_yes(word: object) -> None:
    assert parse_bool(word) is True


@pytest.mark.parametrize("word", ["nein", "N", "FALSCH", "false", "no", "0", "-", 0])
def test_no(word: object) -> None:
    assert parse_bool(word) is False


def test_bool_blank_and_bad() -> None:
    assert parse_bool("  ") is None
    with pytest.raises(ValueProblem):
        parse_bool("vielleicht")


def test_error_values() -> None:
    for err in ("#NV", "#N/A", "#DIV/0!", "#WERT!", "#BEZUG!", "#NAME?"):
        assert error_value(err) == err
    assert error_value("#hashtag") is None
    assert error_value(3) is None


def test_clean_text_removes_invisible_and_stray_spaces() -> None:
    assert clean_text("\u200bAnna\u00a0 Muster\u00ad \ufeff") == "Anna Muster"
    assert clean_text("  a\r\n  b  ", multiline=True) == "a\nb"
    assert clean_text(12.0) == "12"
    assert clean_text(None) == ""
    assert clean_text(dt.date(2026, 1, 2)) == "2026-01-02"


def test_unescape_formula_guard() -> None:
    assert unescape_formula_guard("'=SUM(A1)") == "=SUM(A1)"
    assert unescape_formula_guard("'-minus") == "-minus"
    assert unescape_formula_guard("'quoted'") == "'quoted'"
