"""What the matching engine may read of a subject: its public text and public structured facts.

Only public fields are read (taglines, summaries, public asks and offers, sectors, stage; for a
talent the biography they chose to show to hubs), so nothing in a score or an explanation can leak a
members-only or private field.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from django.conf import settings

from bridgehub.common.visibility import Visibility
from bridgehub.directory.enums import AskOfferKind, Direction, OrganisationKind
from bridgehub.directory.models import Organisation, Person
from bridgehub.engines.matching.facets import Facets
from bridgehub.engines.matching.text import sentences
from bridgehub.matchmaking.enums import SubjectKind

ORGANISATION_KINDS: dict[str, str] = {
    OrganisationKind.STARTUP: SubjectKind.STARTUP, OrganisationKind.INVESTOR: SubjectKind.INVESTOR,
    OrganisationKind.CORPORATE: SubjectKind.CORPORATE}
NEED_OF_ASK: dict[str, str] = {
    AskOfferKind.POC_PARTNER: "poc_partner", AskOfferKind.MANUFACTURING: "manufacturing_partner",
    AskOfferKind.RND_COLLABORATION: "rnd_collaboration", AskOfferKind.FUNDING: "funding",
    AskOfferKind.TALENT: "talent"}
OFFER_OF_OFFER: dict[str, str] = {AskOfferKind.POC_PARTNER: "poc", AskOfferKind.MANUFACTURING: "manufacturing"}
MARKET_NAMES = {"JP": "japan", "TW": "taiwan"}
MAX_SENTENCES = 40  # per subject, for explanations


@dataclass
class SubjectText:
    kind: str
    country: str
    text: str  # every public text, all languages, for facets and the vector
    sentences: list[tuple[str, str]]  # (language, sentence) for explanations
    languages: list[str]
    structured: dict = field(default_factory=dict)

    def digest(self, encoder_name: str) -> str:
        """What a reading depends on, the encoder included (a new encoder re-reads every profile)."""
        payload = json.dumps([encoder_name, self.kind, self.country, self.text, self.structured], sort_keys=True,
                             ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()


def explanation_sentences(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(language, sentence) pairs an explanation may quote: whole sentences, not tag lists."""
    out = [(language, s.strip()) for language, text in texts for s in sentences(text)]
    return [(language, s) for language, s in out if len(s) >= 8][:MAX_SENTENCES]


def usd(amount: int | None, currency: str) -> float | None:
    """An amount in US dollars at the reference rates of settings.MATCHING_USD_RATES (for comparing
    ticket sizes written in TWD, JPY or USD; a rough comparison, not accounting)."""
    if amount is None or currency not in settings.MATCHING_USD_RATES:
        return None
    return round(amount * settings.MATCHING_USD_RATES[currency], 2)


def _ticket(items) -> list[float] | None:
    lows = [usd(i.amount_min if i.amount_min is not None else i.amount_max, i.currency) for i in items]
    highs = [usd(i.amount_max if i.amount_max is not None else i.amount_min, i.currency) for i in items]
    pairs = [(lo, hi) for lo, hi in zip(lows, highs, strict=True) if lo is not None and hi is not None]
    if not pairs:
        return None
    return [min(lo for lo, _ in pairs), max(hi for _, hi in pairs)]


def organisation_subject(organisation: Organisation) -> SubjectText:
    texts = [t for t in organisation.texts.all()]
    body = "\n".join(f"{t.tagline}\n{t.summary}" for t in texts)
    lines = explanation_sentences([(t.language, t.summary or t.tagline) for t in texts])
    public = [x for x in organisation.asks_offers.all() if x.visibility == Visibility.PUBLIC]
    asks = [x for x in public if x.direction == Direction.ASK]
    offers = [x for x in public if x.direction == Direction.OFFER]
    needs = sorted({NEED_OF_ASK[x.kind] for x in asks if x.kind in NEED_OF_ASK}
                   | {f"distribution_{MARKET_NAMES[x.market]}" for x in asks
                      if x.kind == AskOfferKind.DISTRIBUTION and x.market in MARKET_NAMES})
    offered = sorted({OFFER_OF_OFFER[x.kind] for x in offers if x.kind in OFFER_OF_OFFER}
                     | {f"distribution_{MARKET_NAMES[x.market]}" for x in offers
                        if x.kind == AskOfferKind.DISTRIBUTION and x.market in MARKET_NAMES})
    structured = {
        "sectors": sorted(s.code for s in organisation.sectors.all()),
        "stage": organisation.stage,
        "needs": needs,
        "offers": offered,
        "roles": sorted({x.talent_role for x in asks if x.kind == AskOfferKind.TALENT and x.talent_role}),
        "markets": sorted({x.market for x in offers if x.kind == AskOfferKind.FUNDING and x.market}),
        "ticket": _ticket([x for x in (asks if organisation.kind == OrganisationKind.STARTUP else offers)
                           if x.kind == AskOfferKind.FUNDING]),
    }
    return SubjectText(ORGANISATION_KINDS[organisation.kind], organisation.country, body, lines,
                       sorted({t.language for t in texts}), structured)


def person_subject(person: Person) -> SubjectText:
    bio = {language: text for language, text in person.bio.items() if text}
    body = "\n".join([person.title, *bio.values()])
    lines = explanation_sentences(list(bio.items()))
    structured = {"roles": [person.sought_role] if person.sought_role else []}
    return SubjectText(SubjectKind.TALENT, person.based_in, body, lines, sorted(bio), structured)


def merge_structured(read: Facets, structured: dict, parents: dict[str, str]) -> Facets:
    """The text's reading with the owner's structured fields on top (they win where filled)."""
    merged = Facets(kind=read.kind, country=read.country, sectors=dict(read.sectors), stages=list(read.stages),
                    needs=set(read.needs), offers=set(read.offers), geographies=set(read.geographies),
                    role=read.role, evidence=dict(read.evidence),
                    evidence_sentences=dict(read.evidence_sentences))
    chosen: dict[str, float] = {}
    for code in structured.get("sectors", []):
        children = [c for c, parent in parents.items() if parent == code]
        if children:  # a parent sector ("semiconductors"): the children the text names, else all of them
            named = [c for c in children if c in read.sectors]
            weight = 1.0 if named else 0.5
            chosen.update({c: weight for c in (named or (children if read.kind != "startup" else []))})
            if not named and read.kind == "startup":
                chosen[code] = 1.0
        else:
            chosen[code] = 1.0
    if chosen:
        merged.sectors = {**chosen, **{s: v * 0.5 for s, v in read.sectors.items() if s not in chosen}}
    if structured.get("stage"):
        merged.stages = [structured["stage"]]
    merged.needs |= set(structured.get("needs", []))
    merged.offers |= set(structured.get("offers", []))
    merged.geographies |= set(structured.get("markets", []))
    roles = structured.get("roles", [])
    if roles:
        merged.role = roles[0]
    return merged
