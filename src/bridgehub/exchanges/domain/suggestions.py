"""Whom to ask in a round, best first, each with its reasons.

Two sources, added up: the structured directory facts both sides filled in (complementary kinds,
shared sectors, one side's public asks met by the other's public offers), and the matching engine's
two-sided fit read from both public profile texts (sector, round and stage, home market, needs met
by offers), which works across languages and where the structured fields are empty. Only public
fields are read (tagline and summary, public asks/offers), so a reason never leaks a members-only
field. Stored vectors, feedback and fair exposure come with the recommendations pages.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext as _

from bridgehub.common.visibility import Visibility
from bridgehub.directory.enums import Direction, OrganisationKind
from bridgehub.directory.models import AskOffer, Organisation, Sector
from bridgehub.engines.matching.facets import Facets, read_facets
from bridgehub.engines.matching.recommend import facets_from_json
from bridgehub.engines.matching.scoring import fit
from bridgehub.exchanges.domain.queries import registrations_of_round
from bridgehub.exchanges.enums import RequestStatus
from bridgehub.exchanges.models import MeetingRequest, Registration
from bridgehub.matchmaking.domain.explain import reason_text
from bridgehub.matchmaking.enums import ProfileStatus
from bridgehub.matchmaking.models import MatchProfile

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


@functools.lru_cache(maxsize=4096)
def _read_facets(text: str, kind: str, country: str) -> Facets:
    """Facet reading is a pure function of its inputs (~1 ms a profile): a round page reads every
    participant's, so it is remembered. Callers here must not mutate the result."""
    return read_facets(text, kind, country)


ENGINE_KINDS = {OrganisationKind.STARTUP, OrganisationKind.INVESTOR, OrganisationKind.CORPORATE}


def _public_text(organisation: Organisation) -> str:
    return "\n".join(f"{t.tagline}\n{t.summary}" for t in organisation.texts.all())


def engine_fit(a: Facets | None, b: Facets | None, sectors: dict[str, Sector]) -> tuple[float, list[str]]:
    """The engine's two-sided fit of two organisations' profile texts (a start-up and a counterpart)."""
    if a is None or b is None or (a.kind == "startup") == (b.kind == "startup"):
        return 0.0, []
    startup, other = (a, b) if a.kind == "startup" else (b, a)
    result = fit(startup, other)
    language = translation.get_language()
    return 3 * result.score, [reason_text(code, sectors, language) for code in result.reasons
                              if not code.startswith("role:")]


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
                  .prefetch_related("organisation__sectors", "organisation__texts", public))
    mine = (Registration.objects.filter(pk=registration.pk).select_related("organisation")
            .prefetch_related("organisation__sectors", "organisation__texts", public).get())
    sectors = {sector.code: sector for sector in Sector.objects.all()}
    # What matching already read (by meaning, in the background); cue words only for a profile not read yet.
    stored = {organisation_id: facets_from_json(facets) for organisation_id, facets in MatchProfile.objects.filter(
        organisation_id__in=[mine.organisation_id, *(o.organisation_id for o in others)],
        status=ProfileStatus.READY).values_list("organisation_id", "facets")}

    def facets_of(organisation: Organisation) -> Facets | None:
        if organisation.kind not in ENGINE_KINDS:
            return None
        if organisation.pk in stored:
            return stored[organisation.pk]
        text = _public_text(organisation)
        return _read_facets(text, organisation.kind, organisation.country) if text.strip() else None

    my_facets = facets_of(mine.organisation)
    asked = set(MeetingRequest.objects.filter(sender=registration).values_list("recipient_id", flat=True))
    asked |= set(MeetingRequest.objects.filter(recipient=registration)
                 .exclude(status=RequestStatus.WAITING_FOR_BOTH).values_list("sender_id", flat=True))
    ranked = []
    for other in others:
        score, reasons = score_pair(mine, other)
        extra, why = engine_fit(my_facets, facets_of(other.organisation), sectors)
        ranked.append(Suggestion(other, score + extra, reasons + why, other.pk in asked))
    ranked.sort(key=lambda s: (s.requested, -s.score, s.registration.organisation.name))
    return ranked[:limit]
