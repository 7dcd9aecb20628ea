"""Whom to ask in a round, best first, each with its reasons.

Until the matching engine lands (it will replace `score_pair`), suggestions come from the
structured directory facts both sides filled in: complementary kinds (a start-up and an investor),
shared sectors, and one side's public asks met by the other's public offers. Only public facts are
used, so a reason never leaks a members-only field.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext as _

from bridgehub.common.visibility import Visibility
from bridgehub.directory.enums import Direction, OrganisationKind
from bridgehub.directory.models import AskOffer
from bridgehub.exchanges.domain.queries import registrations_of_round
from bridgehub.exchanges.enums import RequestStatus
from bridgehub.exchanges.models import MeetingRequest, Registration

COMPLEMENTS = {
    frozenset((OrganisationKind.STARTUP, OrganisationKind.INVESTOR)),
    frozenset((OrganisationKind.STARTUP, OrganisationKind.CORPORATE)),
    frozenset((OrganisationKind.STARTUP, OrganisationKind.UNIVERSITY)),
}


@dataclass(frozen=True)
class Suggestion:
    registration: Registration
    score: float
    reasons: list[str]
    requested: bool  # we already asked (or they asked us) in this round


def score_pair(mine: Registration, theirs: Registration) -> tuple[float, list[str]]:
    a, b = mine.organisation, theirs.organisation
    score, reasons = 0.0, []
    if frozenset((a.kind, b.kind)) in COMPLEMENTS:
        score += 2
        reasons.append(_("%(mine)s meets %(theirs)s") % {"mine": a.get_kind_display(), "theirs": b.get_kind_display()})
    shared = sorted({s.pk for s in a.sectors.all()} & {s.pk for s in b.sectors.all()})
    if shared:
        score += len(shared)
        names = [s for s in b.sectors.all() if s.pk in shared]
        language = translation.get_language()
        reasons.append(_("Shared sectors: %(names)s") % {"names": ", ".join(s.label_for(language) for s in names[:3])})
    asks = {x.kind for x in a.asks_offers.all() if x.direction == Direction.ASK}
    offers = {x.kind for x in b.asks_offers.all() if x.direction == Direction.OFFER}
    theirs_asks = {x.kind for x in b.asks_offers.all() if x.direction == Direction.ASK}
    my_offers = {x.kind for x in a.asks_offers.all() if x.direction == Direction.OFFER}
    met = sorted(asks & offers) + sorted(theirs_asks & my_offers)
    if met:
        score += 2 * len(met)
        labels = {x.kind: x.get_kind_display() for x in [*a.asks_offers.all(), *b.asks_offers.all()]}
        reasons.append(_("Ask meets offer: %(kinds)s") % {"kinds": ", ".join(str(labels[k]) for k in met)})
    overlap = set(mine.languages) & set(theirs.languages)
    if not overlap:
        reasons.append(_("Needs an interpreter"))
    return score, reasons


def suggestions_for(registration: Registration, *, limit: int = 30) -> list[Suggestion]:
    """Other confirmed participants of the round, best suggestion first; own organisation excluded."""
    public = Prefetch("organisation__asks_offers", queryset=AskOffer.objects.filter(visibility=Visibility.PUBLIC))
    others = list(registrations_of_round(registration.round)
                  .exclude(organisation_id=registration.organisation_id)
                  .prefetch_related("organisation__sectors", public))
    mine = (Registration.objects.filter(pk=registration.pk).select_related("organisation")
            .prefetch_related("organisation__sectors", public).get())
    asked = set(MeetingRequest.objects.filter(sender=registration).values_list("recipient_id", flat=True))
    asked |= set(MeetingRequest.objects.filter(recipient=registration)
                 .exclude(status=RequestStatus.WAITING_FOR_BOTH).values_list("sender_id", flat=True))
    ranked = []
    for other in others:
        score, reasons = score_pair(mine, other)
        ranked.append(Suggestion(other, score, reasons, other.pk in asked))
    ranked.sort(key=lambda s: (s.requested, -s.score, s.registration.organisation.name))
    return ranked[:limit]
