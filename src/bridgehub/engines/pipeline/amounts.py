"""Totals of amounts in several currencies, converted at the rate of each amount's own date.

An investment of ¥50 m in March 2025 counts in a TWD report at March 2025's rate, not today's: a
report regenerated for a past date therefore keeps its totals. Rates are "units of the currency one US
dollar buys" on a day (how central banks and the IMF publish them); a rate holds from its day until
the next one. An amount dated before any known rate of its currency is not guessed: it is left out of
the converted total and counted as such.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

BASE = "USD"


@dataclass(frozen=True, slots=True)
class Rate:
    currency: str
    valid_from: date
    per_usd: Decimal  # units of `currency` one US dollar buys


class RateTable:
    def __init__(self, rates: Iterable[Rate]):
        by_currency: dict[str, list[tuple[date, Decimal]]] = defaultdict(list)
        for rate in rates:
            if rate.per_usd <= 0:
                raise ValueError(f"rate of {rate.currency} on {rate.valid_from} must be positive")
            by_currency[rate.currency].append((rate.valid_from, rate.per_usd))
        self._days = {currency: [day for day, _ in sorted(pairs)] for currency, pairs in by_currency.items()}
        self._values = {currency: [value for _, value in sorted(pairs)] for currency, pairs in by_currency.items()}

    def per_usd(self, currency: str, on: date) -> Decimal | None:
        if currency == BASE:
            return Decimal(1)
        days = self._days.get(currency)
        if not days:
            return None
        index = bisect.bisect_right(days, on) - 1
        return self._values[currency][index] if index >= 0 else None

    def convert(self, amount: int, currency: str, target: str, on: date) -> int | None:
        """`amount` of `currency` on day `on` in whole units of `target`; None without a rate for that day."""
        if currency == target:
            return amount
        source, destination = self.per_usd(currency, on), self.per_usd(target, on)
        if source is None or destination is None:
            return None
        return int((Decimal(amount) * destination / source).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


@dataclass
class Total:
    """Amounts of one kind (e.g. confirmed investments): as recorded per currency, and in one currency."""

    currency: str
    by_currency: dict[str, int] = field(default_factory=dict)
    converted: int = 0
    unconverted: int = 0  # amounts with no rate for their day (in by_currency, not in `converted`)

    def add(self, amount: int, currency: str, on: date, rates: RateTable) -> None:
        self.by_currency[currency] = self.by_currency.get(currency, 0) + amount
        value = rates.convert(amount, currency, self.currency, on)
        if value is None:
            self.unconverted += 1
        else:
            self.converted += value
