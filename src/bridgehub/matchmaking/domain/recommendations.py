"""A reader's recommendations, as a page shows them: stored lists, re-ranked by the reader's feedback.

Who may read: members of the organisation the list is for, or the talent themselves. Lists are per
hub (the counterparts of that hub); a reader in several hubs picks one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from bridgehub.common.languages import content_language_for_ui
from bridgehub.directory.models import Organisation, Sector
from bridgehub.engines.matching.feedback import centred_bonuses
from bridgehub.hubs.models import Hub
from bridgehub.matchmaking.domain.access import is_profile_admin, is_reader
from bridgehub.matchmaking.domain.explain import SentencePair, best_sentence_pair, reason_text, sentences_of
from bridgehub.matchmaking.domain.feedback import FeedbackError, features_of, learned_weights
from bridgehub.matchmaking.domain.lists import request_rebuild
from bridgehub.matchmaking.domain.page_reads import (
    SECTORS,
    feedback_given,
    hubs_with_lists,
    latest_introductions_asked,
    list_rows,
    pending_introduction_ids,
    profiles_of_user,
)
from bridgehub.matchmaking.domain.refresh import hub_ids_of
from bridgehub.matchmaking.enums import IntroStatus, Signal, SubjectKind
from bridgehub.matchmaking.models import Introduction, MatchFeedback, MatchProfile

TARGET_KINDS: dict[str, tuple[str, ...]] = {
    SubjectKind.STARTUP: (SubjectKind.INVESTOR, SubjectKind.CORPORATE, SubjectKind.TALENT)}
LEARNING_RATE = 0.5  # how far one unit of learned preference moves a score (fits run 0..~4)
PAGE_SIZE = 10


def target_kinds_for(kind: str) -> tuple[str, ...]:
    return TARGET_KINDS.get(kind, (SubjectKind.STARTUP,))


def readers_for(user: Any) -> list[MatchProfile]:
    """The match profiles a user reads recommendations for: their organisations' and their own."""
    if not getattr(user, "is_authenticated", False):
        return []
    return profiles_of_user(user.pk)


def reader_for(user: Any, profile_id: int | None) -> MatchProfile | None:
    readers = readers_for(user)
    if profile_id is None:
        return readers[0] if readers else None
    return next((r for r in readers if r.pk == profile_id), None)


@dataclass
class Item:
    target: MatchProfile
    score: float
    reasons: list[str]
    pair: SentencePair | None
    saved: bool
    introduction: Introduction | None


@dataclass
class Page:
    reader: MatchProfile
    hub: Hub | None
    hubs: list[Hub]
    target_kind: str
    items: list[Item] = field(default_factory=list)
    hidden: int = 0  # marked not relevant
    built_at: Any = None


def sector_map() -> dict[str, Sector]:
    """The taxonomy by code (read on every recommendations page: a statement, see page_reads)."""
    return {sector.code: sector for (sector,) in SECTORS.rows([])}


def recommendations(*, user: Any, reader: MatchProfile, target_kind: str, hub_slug: str | None = None,
                    limit: int = PAGE_SIZE, taxonomy: dict[str, Sector] | None = None) -> Page:
    """The reader's list in one hub, re-ranked by their feedback; `taxonomy` is a `sector_map()` the
    caller already holds (the page reads it once for the list and the reader's own reading)."""
    if not is_reader(user, reader):
        raise FeedbackError(_("You do not belong to this profile."))
    hubs, built = hubs_with_lists(sorted(hub_ids_of(reader)))
    hub = next((h for h in hubs if h.slug == hub_slug), hubs[0] if hubs else None)
    page = Page(reader, hub, hubs, target_kind)
    if hub is None or target_kind not in target_kinds_for(reader.kind):
        return page
    page.built_at = built.get(hub.pk)
    rows = list_rows(hub.pk, reader.pk, target_kind)
    feedback = feedback_given(reader.pk)
    signals: dict[int, set[str]] = {}
    for given in feedback:
        signals.setdefault(given.target_id, set()).add(given.signal)
    intros = latest_introductions_asked(reader.pk, hub.pk)
    weights = learned_weights(reader, user, feedback)
    ui_language = translation.get_language()
    sectors = taxonomy if taxonomy is not None else sector_map()
    shown = [row for row in rows if Signal.NOT_RELEVANT not in signals.get(row.target.pk, set())]
    page.hidden = len(rows) - len(shown)
    bonuses = centred_bonuses(weights, [features_of(row.target) for row in shown])
    ranked = [(row.score + LEARNING_RATE * bonus, row) for row, bonus in zip(shown, bonuses, strict=True)]
    ranked.sort(key=lambda pair: (-pair[0], pair[1].rank))
    my_sentences = sentences_of(reader, content_language_for_ui(ui_language))  # once for all cards
    for adjusted, row in ranked[:limit]:
        page.items.append(Item(
            target=row.target, score=round(adjusted, 3),
            reasons=[reason_text(code, sectors, ui_language) for code in row.reasons],
            pair=best_sentence_pair(reader, row.target, ui_language, row.reasons, mine=my_sentences),
            saved=Signal.SAVED in signals.get(row.target.pk, set()),
            introduction=intros.get(row.target.pk)))
    return page


def incoming_introductions(reader: MatchProfile) -> list[Introduction]:
    # Usually none: a plain query, and the related rows only when there are some (a four-table join
    # cost more to compile than the empty answer took to read).
    pending = pending_introduction_ids(reader.pk)
    if not pending:
        return []
    return list(Introduction.objects.filter(pk__in=pending).order_by("pk")
                .select_related("requester__organisation", "requester__person", "hub"))


def suggested_tags(reader: MatchProfile, taxonomy: dict[str, Sector] | None = None) -> list[Sector]:
    """Sectors read from the text that the owner has not set: offered as one-click tags."""
    if not reader.organisation_id:
        return []
    read = list(reader.read_facets.get("sectors", {}))[:3]
    if not read:
        return []
    have = set(Sector.objects.filter(organisations__pk=reader.organisation_id).values_list("code", flat=True))
    wanted = [code for code in read if code not in have]
    by_code = taxonomy if taxonomy is not None else {s.code: s for s in Sector.objects.filter(code__in=wanted)}
    return [by_code[code] for code in wanted if code in by_code]


def state_capacity(*, user: Any, reader: MatchProfile, capacity: int | None) -> None:
    """The reader's stated monthly capacity (None: no limit); their hubs' lists are rebuilt with it."""
    if not is_profile_admin(user, reader):
        raise FeedbackError(_("Only the organisation's admins state its capacity."))
    reader.monthly_capacity = capacity
    reader.save(update_fields=["monthly_capacity"])
    for hub_id in sorted(hub_ids_of(reader)):
        request_rebuild(hub_id)


def confirm_tag(*, user: Any, reader: MatchProfile, code: str) -> Sector:
    """The owner confirms a sector read from their text; it becomes a structured sector."""
    if not reader.organisation_id or not is_profile_admin(user, reader):
        raise FeedbackError(_("Only the organisation's admins change its sectors."))
    sector = Sector.objects.filter(code=code).first()
    if sector is None or code not in reader.read_facets.get("sectors", {}):
        raise FeedbackError(_("The sector “%(code)s” was not read from this profile.") % {"code": code})
    organisation = Organisation.objects.get(pk=reader.organisation_id)
    organisation.sectors.add(sector)  # the m2m signal queues a refresh of the match profile
    return sector


def introductions_to_answer(user: Any) -> int:
    """Pending introductions addressed to any profile the user reads for (any reader may answer)."""
    profile_ids = [reader.pk for reader in readers_for(user)]
    return Introduction.objects.filter(recipient_id__in=profile_ids, status=IntroStatus.PENDING).count()


@dataclass(frozen=True)
class ShortlistEntry:
    target: MatchProfile
    saved: bool
    introduction: Introduction | None  # the latest one asked of this target, in any hub


def shortlist(*, user: Any, reader: MatchProfile) -> list[ShortlistEntry]:
    """What the reader kept: saved matches and every introduction they asked for, newest first,
    with where each introduction stands (and the contact an accepted one shared)."""
    if not is_reader(user, reader):
        raise FeedbackError(_("You do not belong to this profile."))
    saved = list(MatchFeedback.objects.filter(reader=reader, signal=Signal.SAVED)
                 .order_by("-created_at").values_list("target_id", flat=True))
    intros: dict[int, Introduction] = {}
    for intro in Introduction.objects.filter(requester=reader).order_by("-created_at", "-pk"):
        intros.setdefault(intro.recipient_id, intro)
    order = list(dict.fromkeys([*intros, *saved]))
    targets = {t.pk: t for t in MatchProfile.objects.filter(pk__in=order)
               .select_related("organisation", "person").defer("vector", "read_facets")}
    return [ShortlistEntry(targets[pk], pk in saved, intros.get(pk)) for pk in order if pk in targets]
