"""Amounts converted at the rate of their own day; no rate, no guess."""

import datetime as dt
from decimal import Decimal

import pytest

from bridgehub.engines.pipeline.amounts import Rate, RateTable, Total

RATES = RateTable([Rate("JPY", dt.date(2025, 1, 1), Decimal("150")), Rate("JPY", dt.date(2026, 1, 1), Decimal("100")),
                   Rate("TWD", dt.date(2025, 1, 1), Decimal("30"))])


def test_a_rate_holds_from_its_day_until_the_next():
    assert RATES.convert(1_500_000, "JPY", "USD", dt.date(2025, 6, 1)) == 10_000
    assert RATES.convert(1_500_000, "JPY", "USD", dt.date(2026, 1, 1)) == 15_000
    assert RATES.convert(1_500_000, "JPY", "TWD", dt.date(2025, 12, 31)) == 300_000  # through the dollar
    assert RATES.convert(7, "TWD", "TWD", dt.date(1990, 1, 1)) == 7


def test_no_rate_before_the_first_one_is_left_out_and_counted():
    assert RATES.convert(100, "JPY", "USD", dt.date(2024, 12, 31)) is None
    assert RATES.convert(100, "SGD", "USD", dt.date(2026, 1, 1)) is None
    total = Total("TWD")
    total.add(1_500_000, "JPY", dt.date(2025, 3, 1), RATES)
    total.add(1_000, "SGD", dt.date(2025, 3, 1), RATES)
    total.add(5_000, "TWD", dt.date(2025, 3, 1), RATES)
    assert total.converted == 305_000 and total.unconverted == 1
    assert total.by_currency == {"JPY": 1_500_000, "SGD": 1_000, "TWD": 5_000}


def test_a_rate_must_be_positive():
    with pytest.raises(ValueError, match="JPY on 2025-01-01"):
        RateTable([Rate("JPY", dt.date(2025, 1, 1), Decimal("0"))])
