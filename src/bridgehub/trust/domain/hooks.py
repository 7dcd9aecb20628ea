"""What the apps above trust (matchmaking, exchanges) lend it, so that trust never imports them.

`behaviour` counters say how many requests a member sent and how they were answered; `release`
handlers show a held note to its recipient once an operator releases it; `describe` handlers
turn a reported item ("meeting_request:12") into its hub, sender and text. Each app registers its
own in its AppConfig.ready().
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Sent:
    last_day: int = 0
    answered: int = 0
    declined: int = 0

    def __add__(self, other: Sent) -> Sent:
        return Sent(self.last_day + other.last_day, self.answered + other.answered, self.declined + other.declined)


@dataclass(frozen=True)
class Reported:
    """A reported item as the reviewer needs it: whose it is and what it said."""

    hub_id: int
    sender: Any  # the user who wrote it (None for a profile)
    organisation: Any  # the organisation it speaks for
    text: str
    reader_ids: frozenset[int]  # who may report it (its recipients)


BehaviourCounter = Callable[[Any, Any, dt.datetime], Sent]
behaviour: list[BehaviourCounter] = []
release: dict[str, Callable[[int], None]] = {}
# A held note the operators did not pass on (they warned, restricted or suspended its sender instead).
withhold: dict[str, Callable[[int], None]] = {}
describe: dict[str, Callable[[int, Any], Reported | None]] = {}  # (item id, the reporter)


def sent_by(user: Any, hub: Any, now: dt.datetime) -> Sent:
    total = Sent()
    for counter in behaviour:
        total = total + counter(user, hub, now)
    return total
