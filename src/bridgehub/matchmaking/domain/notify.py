"""E-mails (each in its recipient's language) and inbox entries about introductions, after commit."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from bridgehub.accounts.domain.inbox import notify as to_inbox
from bridgehub.accounts.domain.mailing import send_to_people
from bridgehub.accounts.enums import MailTopic
from bridgehub.accounts.enums import NotificationKind as Kind
from bridgehub.directory.models import OrganisationMembership
from bridgehub.matchmaking.models import Introduction, MatchProfile
from bridgehub.trust.domain.delivery import deliverable_note, note_for_mail


def addresses(profile: MatchProfile) -> list[str]:
    if profile.organisation_id:
        return list(OrganisationMembership.objects.filter(organisation_id=profile.organisation_id)
                    .values_list("user__email", flat=True))
    user = profile.person.user if profile.person else None
    return [user.email] if user else []


def people(profile: MatchProfile) -> list[int]:
    """The accounts that act for a profile: an organisation's members, or the talent themself."""
    if profile.organisation_id:
        return list(OrganisationMembership.objects.filter(organisation_id=profile.organisation_id)
                    .values_list("user_id", flat=True))
    return [profile.person.user_id] if profile.person and profile.person.user_id else []


def _load(introduction_id: int) -> Introduction | None:
    return (Introduction.objects.select_related("requester__organisation", "requester__person",
                                                "recipient__organisation", "recipient__person", "requested_by")
            .filter(pk=introduction_id).first())


def _mentioned(intro: Introduction) -> list[int | None]:
    """Whose names or words an entry about `intro` holds: talents by name, the member who wrote the note."""
    talents = [p.person.user_id for p in (intro.requester, intro.recipient) if p.person is not None]
    return [*talents, intro.requested_by_id]


def introduction_requested(introduction_id: int) -> None:
    intro = _load(introduction_id)
    if intro is None:
        return
    names = {"requester": intro.requester.name, "recipient": intro.recipient.name}
    send_to_people(lambda: _("%(requester)s asks for an introduction") % names,
                   lambda: _("%(requester)s asks to be introduced to %(recipient)s. Accept or decline on your "
                             "matches page.") % names + note_for_mail(intro.note, intro.screen_outcome),
                   addresses(intro.recipient), topic=MailTopic.INTRODUCTIONS,
                   link=reverse("web:matches") + "#introductions")
    to_inbox(people(intro.recipient), Kind.INTRODUCTION_REQUESTED, reverse("web:matches") + "#introductions",
             mentions=_mentioned(intro), requester=intro.requester.name, recipient=intro.recipient.name,
             note=deliverable_note(intro.note, intro.screen_outcome))


def introduction_answered(introduction_id: int) -> None:
    intro = _load(introduction_id)
    if intro is None:
        return
    names = {"requester": intro.requester.name, "recipient": intro.recipient.name,
             "contact": intro.shared_contact}
    if intro.status == "accepted":
        send_to_people(lambda: _("%(recipient)s accepted your introduction") % names,
                       lambda: _("%(recipient)s accepted the introduction. They ask you to reach them at: "
                                 "%(contact)s") % names,
                       addresses(intro.requester), topic=MailTopic.INTRODUCTIONS, link=reverse("web:matches") + "#sent")
        to_inbox(people(intro.requester), Kind.INTRODUCTION_ACCEPTED, reverse("web:matches") + "#sent",
                 mentions=_mentioned(intro), requester=intro.requester.name, recipient=intro.recipient.name)
    else:
        send_to_people(lambda: _("%(recipient)s declined your introduction") % names,
                       lambda: _("%(recipient)s declined the introduction for now.") % names,
                       addresses(intro.requester), topic=MailTopic.INTRODUCTIONS, link=reverse("web:matches") + "#sent")
        to_inbox(people(intro.requester), Kind.INTRODUCTION_DECLINED, reverse("web:matches") + "#sent",
                 mentions=_mentioned(intro), requester=intro.requester.name, recipient=intro.recipient.name)
