import datetime as dt
import zoneinfo
from dataclasses import dataclass

import pytest

from bridgehub.exchanges.domain import participation
from bridgehub.exchanges.enums import RoundStatus
from bridgehub.exchanges.models import Programme, Round
from tests.factories.core import OrganisationHubFactory

TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")


def round_day(days_ahead: int = 7, *, hour: int = 10, zone: dt.tzinfo = TOKYO) -> dt.datetime:
    """A round's start a week from today: a fixed date would turn every upcoming meeting into a past
    one once the calendar passes it."""
    day = dt.date.today() + dt.timedelta(days=days_ahead)
    return dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=zone)


ROUND_START = round_day()


@dataclass
class Exchange:
    world: object
    programme: object
    round: object
    owner_reg: object  # Secret Chips (Tokyo), speaks ja/en, agenda in Tokyo time
    taipei_reg: object  # Taipei Org (also approved in Tokyo), speaks zh/en, agenda in Taipei time


def make_round(programme, *, title="December deep-tech round", status=RoundStatus.OPEN, slots=4, tables=2,
               start=ROUND_START, previous=None):
    return Round.objects.create(programme=programme, title=title, starts_at=start, time_zone="Asia/Tokyo",
                                venue="Tokyo hub, Otemachi", slot_minutes=30, slot_count=slots, tables=tables,
                                status=status, previous=previous)


def register(user, round_, organisation, languages, zone, slots=None):
    """Registers `user`, whose one time zone (in their settings) is `zone`."""
    if user.time_zone != zone:
        user.time_zone = zone
        user.save(update_fields=["time_zone"])
    return participation.register(user=user, round_=round_, organisation_id=organisation.pk, languages=languages,
                                  available_slots=list(round_.slots) if slots is None else slots,
                                  max_meetings=None)


@pytest.fixture
def exchange(world):
    taipei_org = world.taipei_member.org_memberships.get().organisation
    OrganisationHubFactory(organisation=taipei_org, hub=world.tokyo)
    programme = Programme.objects.create(hub=world.tokyo, name="Tokyo deep-tech monthly", cadence="monthly")
    round_ = make_round(programme)
    owner_reg = register(world.owner, round_, world.organisation, ["ja", "en"], "Asia/Tokyo")
    taipei_reg = register(world.taipei_member, round_, taipei_org, ["zh", "en"], "Asia/Taipei")
    return Exchange(world, programme, round_, owner_reg, taipei_reg)
