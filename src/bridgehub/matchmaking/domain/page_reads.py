"""The recommendations page's per-view reads, each one statement: the user's match profiles, a
reader's stored list in one hub with only what a card needs, the reader's feedback, the
introductions asked by and of the reader, the reader's hubs, and the taxonomy
(common/statements.py says why these are not querysets)."""

from __future__ import annotations

from datetime import datetime

from bridgehub.common.statements import Names, Part, Select
from bridgehub.directory.models import Organisation, OrganisationMembership, Person, Sector
from bridgehub.hubs.models import Hub
from bridgehub.matchmaking.enums import IntroStatus
from bridgehub.matchmaking.models import HubMatching, Introduction, MatchFeedback, MatchProfile, Recommendation


def _list_of_a_reader(n: Names) -> str:
    return (f"FROM {n.table(Recommendation)} r "  # noqa: S608 (model names only; values are parameters)
            f"JOIN {n.table(MatchProfile)} t "
            f"ON t.{n.column(MatchProfile, 'id')} = r.{n.column(Recommendation, 'target')} "
            f"LEFT JOIN {n.table(Organisation)} o "
            f"ON o.{n.column(Organisation, 'id')} = t.{n.column(MatchProfile, 'organisation')} "
            f"LEFT JOIN {n.table(Person)} p ON p.{n.column(Person, 'id')} = t.{n.column(MatchProfile, 'person')} "
            f"WHERE r.{n.column(Recommendation, 'hub')} = %s AND r.{n.column(Recommendation, 'reader')} = %s "
            f"AND t.{n.column(MatchProfile, 'kind')} = %s")


# What a card, the API and the re-ranking read of a target (badges read the organisation's columns).
LIST = Select([Part(Recommendation, "r", ("target", "rank", "score", "reasons")),
               Part(MatchProfile, "t", ("organisation", "person", "kind", "facets", "sentences", "sentence_vectors")),
               Part(Organisation, "o", ("slug", "name", "country", "website", "registry_number")),
               Part(Person, "p", ("name", "erased_at"))], _list_of_a_reader)


def list_rows(hub_id: int, reader_id: int, target_kind: str) -> list[Recommendation]:
    """The rows of the reader's list of `target_kind` in the hub, each with its target (and the
    target's organisation or person) attached, in no particular order."""
    rows = []
    for row, target, organisation, person in LIST.rows([hub_id, reader_id, target_kind]):
        row.target = _with_subject(target, organisation, person)
        rows.append(row)
    return rows


def _with_subject(profile: MatchProfile, organisation: Organisation | None, person: Person | None) -> MatchProfile:
    """The profile with the organisation or person its statement joined attached (as select_related would)."""
    if organisation is not None:
        profile.organisation = organisation
    elif person is not None:
        profile.person = person
    return profile


def _profiles_of_a_user(n: Names) -> str:
    profile, membership = MatchProfile, OrganisationMembership
    return (f"FROM {n.table(profile)} t "  # noqa: S608 (model names only; values are parameters)
            f"LEFT JOIN {n.table(Organisation)} o "
            f"ON o.{n.column(Organisation, 'id')} = t.{n.column(profile, 'organisation')} "
            f"LEFT JOIN {n.table(Person)} p ON p.{n.column(Person, 'id')} = t.{n.column(profile, 'person')} "
            f"WHERE t.{n.column(profile, 'organisation')} IN (SELECT m.{n.column(membership, 'organisation')} "
            f"FROM {n.table(membership)} m WHERE m.{n.column(membership, 'user')} = %s) "
            f"OR t.{n.column(profile, 'person')} IN (SELECT q.{n.column(Person, 'id')} FROM {n.table(Person)} q "
            f"WHERE q.{n.column(Person, 'user')} = %s) "
            # The organisations' profiles by name, then the user's own as a talent.
            f"ORDER BY CASE WHEN t.{n.column(profile, 'organisation')} IS NULL THEN 1 ELSE 0 END, "
            f"o.{n.column(Organisation, 'name')}, t.{n.column(profile, 'id')}")


# The organisation's search document is the one large column the page never reads.
READERS = Select([Part(MatchProfile, "t"), Part(Organisation, "o", defer=("search_document",)), Part(Person, "p")],
                 _profiles_of_a_user)


def profiles_of_user(user_id: int) -> list[MatchProfile]:
    """The match profiles of the user's organisations (by name), then their own as a talent, each
    with its organisation or person attached."""
    return [_with_subject(profile, organisation, person)
            for profile, organisation, person in READERS.rows([user_id, user_id])]


def _feedback_of_a_reader(n: Names) -> str:
    given, profile = MatchFeedback, MatchProfile
    return (f"FROM {n.table(given)} f JOIN {n.table(profile)} t "  # noqa: S608 (model names only)
            f"ON t.{n.column(profile, 'id')} = f.{n.column(given, 'target')} "
            f"WHERE f.{n.column(given, 'reader')} = %s ORDER BY f.{n.column(given, 'id')}")


FEEDBACK = Select([Part(MatchFeedback, "f"), Part(MatchProfile, "t", ("kind", "facets"))], _feedback_of_a_reader)


def feedback_given(reader_id: int) -> list[MatchFeedback]:
    """Everything the reader said about targets, each with the target's facets (what re-ranking learns from)."""
    rows = []
    for given, target in FEEDBACK.rows([reader_id]):
        given.target = target
        rows.append(given)
    return rows


def _introductions_asked(n: Names) -> str:
    asked = Introduction
    return (f"FROM {n.table(asked)} i WHERE i.{n.column(asked, 'requester')} = %s "  # noqa: S608 (model names only)
            f"AND i.{n.column(asked, 'hub')} = %s "
            # Oldest first, so that the latest of several asked of one target is the one kept.
            f"ORDER BY i.{n.column(asked, 'created_at')}, i.{n.column(asked, 'id')}")


ASKED = Select([Part(Introduction, "i")], _introductions_asked)


def latest_introductions_asked(reader_id: int, hub_id: int) -> dict[int, Introduction]:
    """The reader's latest introduction asked of each target in the hub, by target profile id."""
    return {intro.recipient_id: intro for (intro,) in ASKED.rows([reader_id, hub_id])}


def _pending_for(n: Names) -> str:
    asked = Introduction
    return (f"FROM {n.table(asked)} i WHERE i.{n.column(asked, 'recipient')} = %s "  # noqa: S608 (model names only)
            f"AND i.{n.column(asked, 'status')} = %s ORDER BY i.{n.column(asked, 'id')}")


PENDING = Select([Part(Introduction, "i", fields=())], _pending_for)


def pending_introduction_ids(recipient_id: int) -> list[int]:
    return [intro.pk for (intro,) in PENDING.rows([recipient_id, IntroStatus.PENDING])]


def _taxonomy(n: Names) -> str:
    return (f"FROM {n.table(Sector)} s "  # noqa: S608 (model names only)
            f"ORDER BY s.{n.column(Sector, 'position')}, s.{n.column(Sector, 'id')}")


SECTORS = Select([Part(Sector, "s")], _taxonomy)


def _hubs_by_id(n: Names) -> str:
    return (f"FROM {n.table(Hub)} h LEFT JOIN {n.table(HubMatching)} m "  # noqa: S608 (model names only)
            f"ON m.{n.column(HubMatching, 'hub')} = h.{n.column(Hub, 'id')} "
            f"WHERE h.{n.column(Hub, 'id')} IN (%s) ORDER BY h.{n.column(Hub, 'id')}")


# Not the matching row itself: it holds the hub's exposure map, one entry per profile.
HUBS = Select([Part(Hub, "h"), Part(HubMatching, "m", ("built_at",))], _hubs_by_id)


def hubs_with_lists(hub_ids: list[int]) -> tuple[list[Hub], dict[int, datetime]]:
    """The hubs, by id, and when each one's lists were last built (absent: never)."""
    hubs: list[Hub] = []
    built: dict[int, datetime] = {}
    for hub, matching in HUBS.rows([hub_ids]):
        hubs.append(hub)
        if matching is not None and matching.built_at is not None:
            built[hub.pk] = matching.built_at
    return hubs, built
