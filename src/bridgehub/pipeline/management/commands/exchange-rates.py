import csv
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.dateparse import parse_date

from bridgehub.common.money import CURRENCIES
from bridgehub.pipeline.models import ExchangeRate


class Command(BaseCommand):
    help = ("Load exchange rates the outcome reports convert amounts with: a CSV with the columns date, currency, "
            "per_usd (units of the currency one US dollar buys from that date) and optionally source. A rate "
            "already known for a currency and date is replaced. The file lands whole or not at all.")

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, **options):
        try:
            text = options["file"].read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{options['file']}: cannot read it as UTF-8 text ({error})") from None
        reader = csv.DictReader(text.splitlines())
        missing = {"date", "currency", "per_usd"} - set(reader.fieldnames or [])
        if missing:
            raise CommandError(f"{options['file']}: the header lacks {', '.join(sorted(missing))}")
        rates, errors = [], []
        for number, row in enumerate(reader, start=2):
            try:
                day = parse_date((row.get("date") or "").strip())
            except ValueError:  # well formed, no such day (2026-13-01)
                day = None
            currency = (row.get("currency") or "").strip().upper()
            try:
                per_usd = Decimal((row.get("per_usd") or "").strip().replace(",", ""))
            except InvalidOperation:
                per_usd = Decimal(0)
            if day is None:
                errors.append(f"row {number}, date: {row.get('date')!r} is not a date (YYYY-MM-DD)")
            if currency not in CURRENCIES or currency == "USD":
                errors.append(f"row {number}, currency: {row.get('currency')!r} is not one of "
                              f"{', '.join(c for c in CURRENCIES if c != 'USD')}")
            if not per_usd.is_finite() or per_usd <= 0 or per_usd >= Decimal(10) ** 12:
                errors.append(f"row {number}, per_usd: {row.get('per_usd')!r} is not a positive number")
            rates.append((day, currency, per_usd, (row.get("source") or "").strip()[:200]))
        if errors:
            raise CommandError("nothing loaded:\n" + "\n".join(errors))
        with transaction.atomic():
            for day, currency, per_usd, source in rates:
                ExchangeRate.objects.update_or_create(currency=currency, valid_from=day,
                                                      defaults={"per_usd": per_usd, "source": source})
        self.stdout.write(f"{len(rates)} exchange rates loaded")
