"""Daily reminders about relationships that need a move: a next step due, or no news for too long.

Once a day per hub (after REMINDER_HOUR in the hub's zone; one worker claims the day), each person
concerned gets one mail listing their relationships that need them, in their language, under the mail
topic they can switch to a digest or off. A relationship is mentioned the day its next step falls due
and weekly while overdue, the day it stalls and fortnightly while it stays stalled: a reminder, not a
daily nag.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import partial
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bridgehub.accounts.domain.mailing import send_to_people
from bridgehub.accounts.enums import MailTopic
from bridgehub.accounts.models import User
from bridgehub.directory.models import OrganisationMembership
from bridgehub.hubs.models import Hub
from bridgehub.pipeline.domain.relationships import state_of
from bridgehub.pipeline.domain.stale import idle_days
from bridgehub.pipeline.enums import Stage
from bridgehub.pipeline.models import PipelineSettings, Relationship

REMINDER_HOUR = 9
OVERDUE_EVERY_DAYS = 7
STALLED_EVERY_DAYS = 14


def send_daily_reminders(now: dt.datetime | None = None) -> int:
    """Returns how many people were concerned (each is mailed, or finds it in a digest, unless they switched
    the topic off)."""
    now = now or timezone.now()
    written = 0
    for hub in Hub.objects.filter(relationships__isnull=False).distinct():
        local = now.astimezone(hub.zone)
        if local.hour < REMINDER_HOUR:
            continue
        settings, _created = PipelineSettings.objects.get_or_create(hub=hub)
        # Claim the day: of two workers running at once, one updates the row, the other finds it done.
        if not PipelineSettings.objects.filter(pk=settings.pk).exclude(reminders_sent_on=local.date()).update(
                reminders_sent_on=local.date()):
            continue
        written += _remind(hub, settings, local.date())
    return written


# What to say about a relationship, as data: the words are written in each recipient's language.
Reason = tuple[str, dict[str, Any]]


def _reasons(relationship: Relationship, settings: PipelineSettings, today: dt.date, zone: dt.tzinfo) -> list[Reason]:
    """What to say about the relationship today (nothing on the days between reminders)."""
    state = state_of(relationship)
    if state.lost:
        return []
    reasons: list[Reason] = []
    due_on = relationship.next_step_on
    if due_on is not None and due_on <= today and (today - due_on).days % OVERDUE_EVERY_DAYS == 0:
        reasons.append(("due", {"step": relationship.next_step, "date": due_on.isoformat()}))
    idle = idle_days(relationship, state.current, state.lost, settings, today, zone)
    if idle is not None and (idle - settings.stale_after(state.current) - 1) % STALLED_EVERY_DAYS == 0:
        reasons.append(("stalled", {"days": idle, "stage": state.current or ""}))
    return reasons


def _sentence(reason: Reason) -> str:
    kind, params = reason
    if kind == "due":
        return _("next step “%(step)s” due %(date)s") % params
    stage = Stage(params["stage"]).label if params["stage"] else _("Introduced")
    return _("no news for %(days)d days (stage: %(stage)s)") % {"days": params["days"], "stage": stage}


def _subject(count: int) -> str:
    return _("Relationships that need you: %(count)d") % {"count": count}


def _mail_body(items: list[tuple[str, Reason]]) -> str:
    return "\n".join(f"- {name}: {_sentence(reason)}" for name, reason in items)


def _remind(hub: Hub, settings: PipelineSettings, today: dt.date) -> int:
    relationships = list(Relationship.objects.filter(hub=hub).select_related("organisation", "counterpart", "person")
                         .prefetch_related("events__confirmations", "notes"))
    members: dict[int, set[int]] = defaultdict(set)
    organisation_ids = {pk for r in relationships for pk in (r.organisation_id, r.counterpart_id) if pk}
    for organisation_id, user_id in OrganisationMembership.objects.filter(
            organisation_id__in=organisation_ids).values_list("organisation_id", "user_id"):
        members[organisation_id].add(user_id)
    lines: dict[int, list[tuple[str, Reason]]] = defaultdict(list)  # user → (other side's name, reason)
    for relationship in relationships:
        reasons = _reasons(relationship, settings, today, hub.zone)
        if not reasons:
            continue
        for user_id, other_name in _people_concerned(relationship, members):
            lines[user_id].extend((other_name, reason) for reason in reasons)
    link = reverse("web:relationships")
    for user in User.objects.filter(pk__in=list(lines), deleted_at=None):
        items = lines[user.pk]
        send_to_people(partial(_subject, len(items)), partial(_mail_body, items), [user.email],
                       topic=MailTopic.PIPELINE, link=link)
    return len(lines)


def _people_concerned(relationship: Relationship, members: dict[int, set[int]]) -> list[tuple[int, str]]:
    """Each side's people who acted on it (opened it, recorded a stage, wrote a note), or all its members where
    nobody did; with the other side's name as they read it."""
    acted = {relationship.opened_by_id, *(event.recorded_by_id for event in relationship.events.all()),
             *(note.author_id for note in relationship.notes.all())}
    result: list[tuple[int, str]] = []
    first, second = relationship.organisation, relationship.counterpart
    sides = [(first.pk, second.name if second else (relationship.person.name if relationship.person else ""))]
    if second is not None:
        sides.append((second.pk, first.name))
    for organisation_id, other_name in sides:
        people = members.get(organisation_id, set())
        chosen = people & acted or people
        result.extend((user_id, other_name) for user_id in sorted(chosen))
    if relationship.person is not None and relationship.person.user_id:
        result.append((relationship.person.user_id, first.name))
    return result
