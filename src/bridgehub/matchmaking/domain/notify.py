"""E-mails about introductions (trilingual, like the exchanges' e-mails), sent after commit."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from bridgehub.common.mail import send_trilingual
from bridgehub.directory.models import OrganisationMembership
from bridgehub.matchmaking.models import Introduction, MatchProfile


def addresses(profile: MatchProfile) -> list[str]:
    if profile.organisation_id:
        return list(OrganisationMembership.objects.filter(organisation_id=profile.organisation_id)
                    .values_list("user__email", flat=True))
    user = profile.person.user if profile.person else None
    return [user.email] if user else []


def _load(introduction_id: int) -> Introduction | None:
    return (Introduction.objects.select_related("requester__organisation", "requester__person",
                                                "recipient__organisation", "recipient__person", "requested_by")
            .filter(pk=introduction_id).first())


def introduction_requested(introduction_id: int) -> None:
    intro = _load(introduction_id)
    if intro is None:
        return
    names = {"requester": intro.requester.name, "recipient": intro.recipient.name, "url": reverse("web:matches")}
    send_trilingual(lambda: _("%(requester)s asks for an introduction") % names,
                    lambda: _("%(requester)s asks to be introduced to %(recipient)s. Accept or decline on your "
                              "matches page: %(url)s") % names + (f"\n\n{intro.note}" if intro.note else ""),
                    addresses(intro.recipient))


def introduction_answered(introduction_id: int) -> None:
    intro = _load(introduction_id)
    if intro is None:
        return
    names = {"requester": intro.requester.name, "recipient": intro.recipient.name,
             "contact": intro.shared_contact}
    if intro.status == "accepted":
        send_trilingual(lambda: _("%(recipient)s accepted your introduction") % names,
                        lambda: _("%(recipient)s accepted the introduction. They ask you to reach them at: "
                                  "%(contact)s") % names,
                        addresses(intro.requester))
    else:
        send_trilingual(lambda: _("%(recipient)s declined your introduction") % names,
                        lambda: _("%(recipient)s declined the introduction for now.") % names,
                        addresses(intro.requester))
