"""Every page and endpoint, as every kind of actor, by GET and by POST (or the API's own method).

The table below has one row per URL name of our three front ends (web, manage, api-1). The first
test compares that set with the URL configuration itself, so a new URL without a row fails the
suite until someone writes down who may use it. Each request runs inside a savepoint that is
rolled back, so one actor's successful POST never changes what the next actor meets.

Answers: 200/201/204 allowed, 302 done and redirected, "login" (a redirect to the login page),
401 (API without a token), 404 (missing and forbidden look alike), 405 (wrong method), 422 (the
API understood who you are and read the request, and the input is what is wrong).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from bridgehub.accounts.domain.invitations import issue
from bridgehub.accounts.domain.mailing import unsubscribe_token
from bridgehub.accounts.domain.tokens import issue_token
from bridgehub.accounts.models import Notification
from bridgehub.common.periodic import beat
from bridgehub.directory.models import Affiliation, ImportBatch, Person
from bridgehub.exchanges.domain import participation
from bridgehub.exchanges.domain import scheduling as scheduling_domain
from bridgehub.exchanges.models import Meeting, Programme, Round
from bridgehub.hubs.models import HubInvitation
from bridgehub.matchmaking.models import Introduction, MatchProfile, Recommendation
from bridgehub.pipeline.domain.relationships import open_relationship, record_stage
from bridgehub.signals.domain.ingest import RawItem, ingest
from bridgehub.signals.models import Follow, ItemLink, Source
from bridgehub.trust.models import Case, Restriction
from tests.exchanges.conftest import make_round, register, round_day
from tests.factories.core import (
    HubFactory,
    HubMembershipFactory,
    OrganisationFactory,
    OrganisationHubFactory,
    OrganisationMembershipFactory,
    ProfileTextFactory,
    UserFactory,
)

ACTORS = ["owner", "same_org", "other_org", "tokyo_operator", "taipei_operator", "anonymous"]
COVERED_NAMESPACES = {"web", "manage", "api-1"}
LOGIN = "login"


@dataclass
class MatrixWorld:
    """Alpha (a Tokyo start-up: owner is its admin, same_org a plain member) and Beta (a Tokyo
    investor: other_org) meet in a published Tokyo round; Gamma asked Alpha for a meeting; Beta asked
    to be introduced to Alpha. Taipei is the other hub, with its own operator."""

    users: dict
    ids: dict = field(default_factory=dict)
    tokens: dict = field(default_factory=dict)


def build_world() -> MatrixWorld:
    tokyo = HubFactory(slug="tokyo", time_zone="Asia/Tokyo")
    taipei = HubFactory(slug="taipei", time_zone="Asia/Taipei", currency="TWD", country="TW")
    users = {name: UserFactory(email=f"{name}@example.com", display_name=name) for name in ACTORS[:-1]}
    gamma_user = UserFactory(email="gamma@example.com")
    HubMembershipFactory(hub=tokyo, user=users["tokyo_operator"])
    HubMembershipFactory(hub=taipei, user=users["taipei_operator"])
    orgs = {}
    for slug, kind, members in (("alpha", "startup", [("owner", "admin"), ("same_org", "member")]),
                                ("beta", "investor", [("other_org", "admin")]),
                                ("gamma", "corporate", [])):
        extra = {"investor_type": "vc"} if kind == "investor" else {}
        orgs[slug] = OrganisationFactory(slug=slug, name=slug.title(), kind=kind, **extra)
        ProfileTextFactory(organisation=orgs[slug], language="en", summary=f"{slug} summary")
        OrganisationHubFactory(organisation=orgs[slug], hub=tokyo)
        for name, role in members:
            OrganisationMembershipFactory(organisation=orgs[slug], user=users[name], role=role)
    OrganisationMembershipFactory(organisation=orgs["gamma"], user=gamma_user)
    HubMembershipFactory(hub=tokyo, user=gamma_user, role="member")
    pending = OrganisationFactory(slug="pending", name="Pending")
    link = OrganisationHubFactory(organisation=pending, hub=tokyo, status="pending")
    person = Person.objects.create(name="Public Person")
    Affiliation.objects.create(person=person, organisation=orgs["alpha"])
    batch = ImportBatch.objects.create(hub=tokyo, kind="organisations", filename="x.csv", created_by=users[
        "tokyo_operator"])

    programme = Programme.objects.create(hub=tokyo, name="Monthly", cadence="monthly")
    round_ = make_round(programme, start=round_day(zone=dt.UTC))
    owner_reg = register(users["owner"], round_, orgs["alpha"], ["en"], "Asia/Tokyo")
    beta_reg = register(users["other_org"], round_, orgs["beta"], ["en"], "Asia/Tokyo")
    gamma_reg = register(gamma_user, round_, orgs["gamma"], ["en"], "Asia/Tokyo")
    asked = participation.send_request(user=users["owner"], sender=owner_reg, recipient=beta_reg)
    participation.respond(user=users["other_org"], request=asked, accept=True)
    waiting = participation.send_request(user=gamma_user, sender=gamma_reg, recipient=owner_reg)
    run = scheduling_domain.run_scheduler(user=users["tokyo_operator"], round_=round_, time_limit=2)
    scheduling_domain.publish(user=users["tokyo_operator"], run=run, notify_people=False)

    alpha = MatchProfile.objects.get_or_create(organisation=orgs["alpha"], defaults={"kind": "startup"})[0]
    beta = MatchProfile.objects.get_or_create(organisation=orgs["beta"], defaults={"kind": "investor"})[0]
    Recommendation.objects.create(hub=tokyo, reader=alpha, target=beta, rank=1, score=1.0)
    Recommendation.objects.create(hub=tokyo, reader=beta, target=alpha, rank=1, score=1.0)
    intro = Introduction.objects.create(hub=tokyo, requester=beta, recipient=alpha, requested_by=users["other_org"])
    entry = Notification.objects.create(user=users["owner"], kind="meeting_requested", url=f"/rounds/{round_.pk}/",
                                        params={"sender": "Gamma", "round": "December"})
    invitation = HubInvitation(hub=tokyo, email="invitee@example.com", role="member")
    raw_invitation = issue(invitation)
    invitation.save()

    case = Case.objects.create(hub=tokyo, kind="report", reporter=users["owner"], subject_user=gamma_user,
                               reason="spam", evidence="hello", evidence_ref=f"meeting_request:{waiting.pk}")
    measure = Restriction.objects.create(hub=tokyo, user=users["other_org"], kind="restricted", reason="spam",
                                         created_by=users["tokyo_operator"])

    relationship, _new = open_relationship(user=users["owner"], hub=tokyo, organisation=orgs["alpha"],
                                           counterpart=orgs["beta"])
    poc = record_stage(user=users["owner"], relationship=relationship, stage="poc", effective_on=dt.date.today(),
                       evidence_url="https://example.org/poc-signed")

    feed = Source.objects.create(hub=tokyo, kind="feed", name="Tokyo tech news", url="https://news.example.org/rss")
    ingest(hub=tokyo, source=feed, raw_items=[RawItem(title="Alpha raises a Series A", url="https://news.example.org/1",
                                                      published_at=dt.datetime(2026, 11, 2, tzinfo=dt.UTC))])
    signal_link = ItemLink.objects.get(organisation=orgs["alpha"])
    signal_follow = Follow.objects.create(user=users["owner"], hub=tokyo, organisation=orgs["beta"])

    beat()  # a worker is running: /health/ answers 200
    world = MatrixWorld(users=users)
    world.ids = {"round": round_.pk, "gamma_reg": gamma_reg.pk, "owner_reg": owner_reg.pk,
                 "waiting": waiting.pk, "meeting": Meeting.objects.get().pk, "person": person.pk,
                 "alpha_profile": alpha.pk, "beta_profile": beta.pk, "intro": intro.pk, "link": link.pk,
                 "batch": batch.pk, "invitation": raw_invitation, "notification": entry.pk,
                 "calendar": owner_reg.calendar_token, "case": case.pk, "measure": measure.pk,
                 "unsubscribe": unsubscribe_token(users["owner"].pk, "introductions"), "asked": asked.pk,
                 "same_org_user": users["same_org"].pk, "gamma_user": gamma_user.pk,
                 "relationship": relationship.pk, "event": poc.pk,
                 "alpha_in_tokyo": f"{tokyo.pk}:{orgs['alpha'].pk}", "tokyo": tokyo.pk,
                 "signal_link": signal_link.pk, "signal_source": feed.pk, "signal_item": signal_link.item_id,
                 "signal_follow": signal_follow.pk}
    world.tokens = {name: issue_token(user=user, name="matrix")[1] for name, user in users.items()}
    assert Round.objects.get().status == "published"
    return world


@dataclass(frozen=True)
class Row:
    """`path` builds the URL from the world's ids; `answers` maps method → {actor: answer}."""

    path: Callable[[dict], str]
    answers: dict[str, dict[str, object]]
    data: Callable[[dict], dict] = lambda ids: {}  # noqa: E731 - a default that reads nothing
    api: bool = False


def everyone(answer) -> dict[str, object]:
    return {actor: answer for actor in ACTORS}


def members(answer, anonymous=LOGIN) -> dict[str, object]:
    return {**everyone(answer), "anonymous": anonymous}


def only(allowed: dict[str, object], others=404, anonymous=LOGIN) -> dict[str, object]:
    return {**{actor: others for actor in ACTORS}, **allowed, "anonymous": anonymous}


OWNER, SAME, OTHER, OP, TAIPEI = "owner", "same_org", "other_org", "tokyo_operator", "taipei_operator"
WRONG_METHOD = members(405)
OPERATOR_WRONG_METHOD = only({OP: 405})

ROWS: dict[str, Row] = {
    # --- public pages -------------------------------------------------------------------------
    "web:home": Row(lambda i: "/", {"GET": members(302, anonymous=200), "POST": everyone(405)}),  # members: dashboard
    "web:manifest": Row(lambda i: "/manifest.webmanifest", {"GET": everyone(200), "POST": everyone(405)}),
    "web:favicon": Row(lambda i: "/favicon.ico", {"GET": everyone(301), "POST": everyone(405)}),
    "web:health": Row(lambda i: "/health/", {"GET": everyone(200), "POST": everyone(405)}),  # counts only
    "web:directory": Row(lambda i: "/directory/", {"GET": everyone(200), "POST": everyone(405)}),
    "web:organisation": Row(lambda i: "/o/alpha/", {"GET": everyone(200), "POST": everyone(405)}),
    "web:people": Row(lambda i: "/people/", {"GET": everyone(200), "POST": everyone(405)}),
    "web:person": Row(lambda i: f"/people/{i['person']}/", {"GET": everyone(200), "POST": everyone(405)}),
    "web:calendar_feed": Row(lambda i: f"/calendar/{i['calendar']}.ics",  # the secret token is the credential
                             {"GET": everyone(200), "POST": everyone(405)}),
    "web:invitation": Row(lambda i: f"/invitations/{i['invitation']}/",  # the link is for invitee@ only
                          {"GET": everyone(200), "POST": everyone(200)}),
    "web:unsubscribe": Row(lambda i: f"/unsubscribe/{i['unsubscribe']}/",  # the signed link is the credential
                           {"GET": everyone(200), "POST": everyone(200)}),
    # --- a member's own pages -----------------------------------------------------------------
    "web:organisation_create": Row(lambda i: "/o/new/", {"GET": members(200), "POST": members(200)}),
    "web:dashboard": Row(lambda i: "/dashboard/", {"GET": members(200), "POST": WRONG_METHOD}),
    "web:my_profile": Row(lambda i: "/me/profile/", {"GET": members(200), "POST": members(200)}),
    "web:settings": Row(lambda i: "/me/settings/", {"GET": members(200), "POST": members(200)}),
    "web:tokens": Row(lambda i: "/me/tokens/", {"GET": members(200), "POST": members(200)}),
    "web:my_data": Row(lambda i: "/me/data/", {"GET": members(200), "POST": members(200)}),
    "web:my_data_export": Row(lambda i: "/me/data/export.json", {"GET": members(200), "POST": WRONG_METHOD}),
    "web:rounds": Row(lambda i: "/rounds/", {"GET": members(200), "POST": WRONG_METHOD}),
    "web:matches": Row(lambda i: "/matches/", {"GET": members(200), "POST": WRONG_METHOD}),
    "web:inbox": Row(lambda i: "/inbox/", {"GET": members(200), "POST": WRONG_METHOD}),
    "web:inbox_read_all": Row(lambda i: "/inbox/read-all/", {"GET": WRONG_METHOD, "POST": members(302)}),
    "web:inbox_open": Row(lambda i: f"/inbox/{i['notification']}/",  # the owner's own entry only
                          {"GET": WRONG_METHOD, "POST": only({OWNER: 302})}),
    # --- the pipeline: a relationship's two sides (Alpha's people and Beta's) ----------------------
    "web:relationships": Row(lambda i: "/relationships/", {"GET": members(200), "POST": WRONG_METHOD}),
    "web:relationship": Row(lambda i: f"/relationships/{i['relationship']}/",
                            {"GET": only({OWNER: 200, SAME: 200, OTHER: 200}), "POST": WRONG_METHOD}),
    # Alpha's people open a relationship with Gamma; everyone else is sent back to Gamma's page with an error.
    "web:relationship_open": Row(lambda i: "/relationships/open/",
                                 {"GET": WRONG_METHOD, "POST": members(302)},
                                 data=lambda i: {"slug": "gamma", "via": i["alpha_in_tokyo"]}),
    "web:relationship_act": Row(lambda i: f"/relationships/{i['relationship']}/act/",
                                {"GET": WRONG_METHOD, "POST": only({OWNER: 302, SAME: 302, OTHER: 302})},
                                data=lambda i: {"action": "note", "text": "Send the NDA draft"}),
    # --- signals: a member's feed and follows (the hub's members and operators; Taipei's operator is not
    # a member of Tokyo, so Tokyo's topics and links are not theirs) ------------------------------------
    "web:signals": Row(lambda i: "/signals/", {"GET": members(200), "POST": WRONG_METHOD}),
    "web:signals_topics": Row(lambda i: "/signals/topics/",
                              {"GET": WRONG_METHOD, "POST": members(302) | {TAIPEI: 404}},
                              data=lambda i: {"hub": i["tokyo"], "event_type": "funding"}),
    "web:signal_link_wrong": Row(lambda i: f"/signals/links/{i['signal_link']}/wrong/",
                                 {"GET": WRONG_METHOD, "POST": members(302) | {TAIPEI: 404}}),
    # Anyone signed in may ask; who shares no hub with Beta is sent back with an error.
    "web:organisation_follow": Row(lambda i: "/o/beta/follow/", {"GET": WRONG_METHOD, "POST": members(302)}),
    # --- trust: a member reports what reached them; a measure's member appeals ------------------
    "web:report": Row(lambda i: "/report/", {"GET": WRONG_METHOD, "POST": only({OWNER: 302})},  # owner got it
                      data=lambda i: {"kind": "meeting_request", "subject": i["waiting"], "reason": "spam"}),
    "web:standing": Row(lambda i: "/me/standing/", {"GET": members(200), "POST": only({OTHER: 302})},
                        data=lambda i: {"restriction": i["measure"], "text": "It was a misunderstanding."}),
    "web:domain_confirm": Row(lambda i: "/verify-domain/not-a-token/",  # the mailed token is the credential
                              {"GET": everyone(200), "POST": everyone(404)}),
    # --- an organisation's admins -------------------------------------------------------------
    "web:domain_proof": Row(lambda i: "/o/alpha/verify-domain/", {"GET": only({OWNER: 200}),
                                                                  "POST": only({OWNER: 200})},
                            data=lambda i: {"email": "someone@elsewhere.example"}),
    "web:organisation_edit": Row(lambda i: "/o/alpha/edit/", {"GET": only({OWNER: 200}), "POST": only({OWNER: 200})}),
    "web:organisation_team": Row(lambda i: "/o/alpha/team/", {"GET": only({OWNER: 200}), "POST": only({OWNER: 200})}),
    "web:organisation_apply": Row(lambda i: "/o/alpha/apply/",
                                  {"GET": WRONG_METHOD, "POST": only({OWNER: 302})}, data=lambda i: {"hub": "taipei"}),
    # --- a round: its hub's members see it; personal actions belong to registrations -----------
    "web:round": Row(lambda i: f"/rounds/{i['round']}/",
                     {"GET": only({OWNER: 200, SAME: 200, OTHER: 200, OP: 200}),
                      "POST": only({OWNER: 200, SAME: 200, OTHER: 200, OP: 200})}),
    "web:send_request": Row(lambda i: f"/rounds/{i['round']}/request/{i['gamma_reg']}/",
                            {"GET": WRONG_METHOD, "POST": only({OWNER: 302, OTHER: 302})},
                            data=lambda i: {"note": "hello"}),
    "web:answer_request": Row(lambda i: f"/rounds/{i['round']}/requests/{i['waiting']}/",
                              {"GET": WRONG_METHOD, "POST": only({OWNER: 302})},
                              data=lambda i: {"accept": "1"}),
    "web:meeting_action": Row(lambda i: f"/rounds/{i['round']}/meetings/{i['meeting']}/",
                              {"GET": WRONG_METHOD, "POST": only({OWNER: 302, OTHER: 302})},
                              data=lambda i: {"cancel": "1", "reason": "ill", "confirm": "on"}),
    "web:meeting_ics": Row(lambda i: f"/rounds/{i['round']}/meetings/{i['meeting']}.ics",
                           {"GET": only({OWNER: 200, OTHER: 200}), "POST": WRONG_METHOD}),
    "web:round_agenda_ics": Row(lambda i: f"/rounds/{i['round']}/agenda.ics",
                                {"GET": only({OWNER: 200, OTHER: 200}), "POST": WRONG_METHOD}),
    "web:round_check_in": Row(lambda i: f"/rounds/{i['round']}/check-in/",
                              {"GET": WRONG_METHOD, "POST": only({OWNER: 302, OTHER: 302})}),
    "web:round_calendar_rotate": Row(lambda i: f"/rounds/{i['round']}/calendar-link/",
                                     {"GET": WRONG_METHOD,
                                      "POST": only({OWNER: 302, OTHER: 302})}),
    # --- matches: the profile's members act; admins alone state capacity ----------------------
    "web:match_feedback": Row(lambda i: f"/matches/{i['alpha_profile']}/feedback/",
                              {"GET": WRONG_METHOD, "POST": only({OWNER: 302, SAME: 302})},
                              data=lambda i: {"target": i["beta_profile"], "signal": "saved"}),
    "web:match_introduce": Row(lambda i: f"/matches/{i['alpha_profile']}/introduce/",
                               {"GET": WRONG_METHOD, "POST": only({OWNER: 302, SAME: 302})},
                               data=lambda i: {"target": i["beta_profile"], "hub": "tokyo"}),
    "web:match_capacity": Row(lambda i: f"/matches/{i['alpha_profile']}/capacity/",
                              {"GET": WRONG_METHOD, "POST": only({OWNER: 302})},
                              data=lambda i: {"monthly_capacity": "3"}),
    "web:match_tag": Row(lambda i: f"/matches/{i['alpha_profile']}/tag/",  # a member is told no, on the page
                         {"GET": WRONG_METHOD, "POST": only({OWNER: 302, SAME: 302})},
                         data=lambda i: {"code": "robotics"}),
    "web:introduction_answer": Row(lambda i: f"/matches/introductions/{i['intro']}/",
                                   {"GET": WRONG_METHOD, "POST": only({OWNER: 302, SAME: 302})},
                                   data=lambda i: {"decline": "1", "reason": "not_now"}),
    # --- the back office: this hub's operators only -------------------------------------------
    "manage:index": Row(lambda i: "/manage/", {"GET": only({OP: 302, TAIPEI: 302}), "POST": WRONG_METHOD}),
    "manage:hub": Row(lambda i: "/manage/tokyo/", {"GET": only({OP: 200}), "POST": OPERATOR_WRONG_METHOD}),
    "manage:decide": Row(lambda i: f"/manage/tokyo/applications/{i['link']}/",
                         {"GET": OPERATOR_WRONG_METHOD, "POST": only({OP: 302})},
                         data=lambda i: {"decision": "approve"}),
    "manage:members": Row(lambda i: "/manage/tokyo/members/", {"GET": only({OP: 200}), "POST": only({OP: 200})}),
    "manage:add_note": Row(lambda i: "/manage/tokyo/notes/alpha/",
                           {"GET": OPERATOR_WRONG_METHOD, "POST": only({OP: 302})}, data=lambda i: {"text": "note"}),
    "manage:imports": Row(lambda i: "/manage/tokyo/imports/", {"GET": only({OP: 200}), "POST": only({OP: 200})}),
    "manage:import_detail": Row(lambda i: f"/manage/tokyo/imports/{i['batch']}/",
                                {"GET": only({OP: 200}), "POST": only({OP: 302})}, data=lambda i: {"action": "cancel"}),
    "manage:import_progress": Row(lambda i: f"/manage/tokyo/imports/{i['batch']}/progress/",
                                  {"GET": only({OP: 200}), "POST": OPERATOR_WRONG_METHOD}),
    "manage:export": Row(lambda i: "/manage/tokyo/export/people.csv",
                         {"GET": only({OP: 200}), "POST": OPERATOR_WRONG_METHOD}),
    "manage:rounds": Row(lambda i: "/manage/tokyo/rounds/", {"GET": only({OP: 200}), "POST": only({OP: 200})}),
    "manage:round": Row(lambda i: f"/manage/tokyo/rounds/{i['round']}/",
                        {"GET": only({OP: 200}), "POST": only({OP: 200})}),
    "manage:round_action": Row(lambda i: f"/manage/tokyo/rounds/{i['round']}/action/",
                               {"GET": OPERATOR_WRONG_METHOD, "POST": only({OP: 302})},
                               data=lambda i: {"action": "check_in", "registration": i["owner_reg"]}),
    "manage:round_job": Row(lambda i: f"/manage/tokyo/rounds/{i['round']}/optimiser/",
                            {"GET": only({OP: 200}), "POST": OPERATOR_WRONG_METHOD}),
    "manage:matching": Row(lambda i: "/manage/tokyo/matching/",
                           {"GET": only({OP: 200}), "POST": OPERATOR_WRONG_METHOD}),
    "manage:pipeline": Row(lambda i: "/manage/tokyo/pipeline/",
                           {"GET": only({OP: 200}), "POST": OPERATOR_WRONG_METHOD}),
    "manage:pipeline_export": Row(lambda i: "/manage/tokyo/pipeline/export.csv",
                                  {"GET": only({OP: 200}), "POST": OPERATOR_WRONG_METHOD}),
    "manage:pipeline_settings": Row(lambda i: "/manage/tokyo/pipeline/settings/",
                                    {"GET": only({OP: 200}), "POST": only({OP: 302})},
                                    data=lambda i: {"stale_after_met": "10", "stale_after_follow_up": "20",
                                                    "stale_after_nda": "30", "stale_after_poc": "60",
                                                    "stale_after_agreement": "90"}),
    "manage:signals": Row(lambda i: "/manage/tokyo/signals/", {"GET": only({OP: 200}), "POST": OPERATOR_WRONG_METHOD}),
    "manage:signals_action": Row(lambda i: "/manage/tokyo/signals/action/",
                                 {"GET": OPERATOR_WRONG_METHOD, "POST": only({OP: 302})},
                                 data=lambda i: {"action": "pause", "source": i["signal_source"]}),
    "manage:matching_rebuild": Row(lambda i: "/manage/tokyo/matching/rebuild/",
                                   {"GET": OPERATOR_WRONG_METHOD, "POST": only({OP: 302})}),
    "manage:trust": Row(lambda i: "/manage/tokyo/trust/", {"GET": only({OP: 200}), "POST": OPERATOR_WRONG_METHOD}),
    "manage:trust_settings": Row(lambda i: "/manage/tokyo/trust/settings/",
                                 {"GET": only({OP: 200}), "POST": only({OP: 302})},
                                 data=lambda i: {"caution_at": "0.5", "hold_at": "0.9"}),
    "manage:trust_case": Row(lambda i: f"/manage/tokyo/trust/{i['case']}/",
                             {"GET": only({OP: 200}), "POST": only({OP: 302})}, data=lambda i: {"action": "escalate"}),
    "manage:vet": Row(lambda i: "/manage/tokyo/vet/alpha/", {"GET": OPERATOR_WRONG_METHOD, "POST": only({OP: 302})},
                      data=lambda i: {"vetted": "1"}),
    # --- the API: bearer tokens; public reads answer anonymous readers ------------------------
    "api-1:api-root": Row(lambda i: "/api/v1/", {"GET": everyone(404), "POST": everyone(404)}, api=True),
    # django-ninja serves the schema and its docs page to any method (read-only, nothing to protect).
    "api-1:openapi-json": Row(lambda i: "/api/v1/openapi.json", {"GET": everyone(200), "POST": everyone(200)},
                              api=True),
    "api-1:openapi-view": Row(lambda i: "/api/v1/docs", {"GET": everyone(200), "POST": everyone(200)}, api=True),
    "api-1:list_hubs": Row(lambda i: "/api/v1/hubs", {"GET": everyone(200), "POST": everyone(405)}, api=True),
    "api-1:list_sectors": Row(lambda i: "/api/v1/taxonomy/sectors", {"GET": everyone(200), "POST": everyone(405)},
                              api=True),
    "api-1:list_stages": Row(lambda i: "/api/v1/taxonomy/stages", {"GET": everyone(200), "POST": everyone(405)},
                             api=True),
    "api-1:list_ask_offer_kinds": Row(lambda i: "/api/v1/taxonomy/ask-offer-kinds",
                                      {"GET": everyone(200), "POST": everyone(405)}, api=True),
    "api-1:list_organisation_kinds": Row(lambda i: "/api/v1/taxonomy/organisation-kinds",
                                         {"GET": everyone(200), "POST": everyone(405)}, api=True),
    "api-1:list_organisations": Row(lambda i: "/api/v1/organisations", {"GET": everyone(200)}, api=True),
    "api-1:create_organisation": Row(lambda i: "/api/v1/organisations", {"POST": members(422, anonymous=401)},
                                     api=True),
    "api-1:get_organisation": Row(lambda i: "/api/v1/organisations/alpha",
                                  {"GET": everyone(200), "POST": everyone(405)}, api=True),
    "api-1:update_organisation": Row(lambda i: "/api/v1/organisations/alpha",
                                     {"PATCH": only({OWNER: 200}, anonymous=401)}, api=True),
    "api-1:list_people": Row(lambda i: "/api/v1/people", {"GET": everyone(200), "POST": everyone(405)}, api=True),
    "api-1:get_person": Row(lambda i: f"/api/v1/people/{i['person']}", {"GET": everyone(200), "POST": everyone(405)},
                            api=True),
    "api-1:my_profiles": Row(lambda i: "/api/v1/matches", {"GET": members(200, anonymous=401),
                                                           "POST": everyone(405)}, api=True),
    "api-1:match_list": Row(lambda i: f"/api/v1/matches/{i['alpha_profile']}?kind=investor",
                            {"GET": only({OWNER: 200, SAME: 200}, anonymous=401), "POST": everyone(405)}, api=True),
    "api-1:match_feedback": Row(lambda i: f"/api/v1/matches/{i['alpha_profile']}/feedback",
                                {"POST": only({OWNER: 204, SAME: 204}, anonymous=401), "GET": everyone(405)},
                                data=lambda i: {"target": i["beta_profile"], "signal": "saved"}, api=True),
    "api-1:match_introduction": Row(lambda i: f"/api/v1/matches/{i['alpha_profile']}/introductions",
                                    {"POST": only({OWNER: 201, SAME: 201}, anonymous=401), "GET": everyone(405)},
                                    data=lambda i: {"target": i["beta_profile"], "hub": "tokyo"}, api=True),
    "api-1:incoming_introductions": Row(lambda i: f"/api/v1/matches/{i['alpha_profile']}/introductions/incoming",
                                        {"GET": only({OWNER: 200, SAME: 200}, anonymous=401)}, api=True),
    "api-1:answer_introduction_request": Row(lambda i: f"/api/v1/introductions/{i['intro']}/answer",  # alpha's
                                             {"POST": only({OWNER: 200, SAME: 200}, anonymous=401)}, api=True,
                                             data=lambda i: {"accept": True, "contact": "meet@alpha.example"}),
    "api-1:state_capacity": Row(lambda i: f"/api/v1/matches/{i['alpha_profile']}/capacity",  # admins only
                                {"PUT": only({OWNER: 200}, anonymous=401)}, api=True,
                                data=lambda i: {"monthly_capacity": 5}),
    "api-1:confirm_tag": Row(lambda i: f"/api/v1/matches/{i['alpha_profile']}/tags",  # nothing read to confirm
                             {"POST": only({OWNER: 422, SAME: 422}, anonymous=401)}, api=True,
                             data=lambda i: {"code": "robotics"}),
    "api-1:apply_to_hub": Row(lambda i: "/api/v1/organisations/alpha/applications",  # alpha's admins
                              {"POST": only({OWNER: 201}, anonymous=401)}, api=True, data=lambda i: {"hub": "taipei"}),
    "api-1:hub_applications": Row(lambda i: "/api/v1/hubs/tokyo/applications",
                                  {"GET": only({OP: 200}, anonymous=401)}, api=True),
    "api-1:decide_application": Row(lambda i: f"/api/v1/hubs/tokyo/applications/{i['link']}/decision",
                                    {"POST": only({OP: 200}, anonymous=401)}, api=True,
                                    data=lambda i: {"approve": True}),
    "api-1:team_members": Row(lambda i: "/api/v1/organisations/alpha/team",  # alpha's admins only
                              {"GET": only({OWNER: 200}, anonymous=401)}, api=True),
    "api-1:invite_member": Row(lambda i: "/api/v1/organisations/alpha/team/invitations",
                               {"POST": only({OWNER: 202}, anonymous=401)}, api=True,
                               data=lambda i: {"email": "newcomer@example.com", "role": "member"}),
    "api-1:change_role": Row(lambda i: f"/api/v1/organisations/alpha/team/{i['same_org_user']}",
                             {"PUT": only({OWNER: 200}, anonymous=401)}, api=True, data=lambda i: {"role": "member"}),
    "api-1:remove_member": Row(lambda i: f"/api/v1/organisations/alpha/team/{i['same_org_user']}",
                               {"DELETE": only({OWNER: 204}, anonymous=401)}, api=True),
    "api-1:save_own_profile": Row(lambda i: "/api/v1/people/me",  # one's own entry: every member, nobody else's
                                  {"PUT": members(200, anonymous=401)}, api=True, data=lambda i: {"title": "CTO"}),
    "api-1:hub_members": Row(lambda i: "/api/v1/hubs/tokyo/members", {"GET": only({OP: 200}, anonymous=401)},
                             api=True),
    "api-1:invite_hub_member": Row(lambda i: "/api/v1/hubs/tokyo/invitations",
                                   {"POST": only({OP: 202}, anonymous=401)}, api=True,
                                   data=lambda i: {"email": "newcomer@example.com", "role": "member"}),
    "api-1:change_hub_role": Row(lambda i: f"/api/v1/hubs/tokyo/members/{i['gamma_user']}",
                                 {"PUT": only({OP: 200}, anonymous=401)}, api=True,
                                 data=lambda i: {"role": "operator"}),
    "api-1:remove_hub_member": Row(lambda i: f"/api/v1/hubs/tokyo/members/{i['gamma_user']}",
                                   {"DELETE": only({OP: 204}, anonymous=401)}, api=True),
    "api-1:create_report": Row(lambda i: "/api/v1/reports",
                               {"POST": only({OWNER: 201}, anonymous=401), "GET": everyone(405)},
                               data=lambda i: {"kind": "meeting_request", "subject": i["waiting"], "reason": "spam"},
                               api=True),
    "api-1:hub_trust_cases": Row(lambda i: "/api/v1/hubs/tokyo/trust/cases",
                                 {"GET": only({OP: 200}, anonymous=401), "POST": everyone(405)}, api=True),
    "api-1:trust_case_action": Row(lambda i: f"/api/v1/hubs/tokyo/trust/cases/{i['case']}/actions",
                                   {"POST": only({OP: 200}, anonymous=401), "GET": everyone(405)},
                                   data=lambda i: {"action": "escalate"}, api=True),
    # --- exchange rounds over the API: a member's own registration, requests and meetings ------------
    "api-1:list_rounds": Row(lambda i: "/api/v1/rounds", {"GET": members(200, anonymous=401),
                                                          "POST": members(405, anonymous=405)}, api=True),
    "api-1:get_round": Row(lambda i: f"/api/v1/rounds/{i['round']}",
                           {"GET": only({OWNER: 200, SAME: 200, OTHER: 200, OP: 200}, anonymous=401)}, api=True),
    "api-1:register": Row(lambda i: f"/api/v1/rounds/{i['round']}/registration",  # for alpha: its members only
                          {"PUT": only({OWNER: 200, SAME: 200, OTHER: 422, OP: 422}, anonymous=401)}, api=True,
                          data=lambda i: {"organisation": "alpha", "languages": ["en", "ja"],
                                          "available_slots": [0, 1, 2, 3]}),
    "api-1:my_registration": Row(lambda i: f"/api/v1/rounds/{i['round']}/registration",
                                 {"GET": only({OWNER: 200, OTHER: 200}, anonymous=401)}, api=True),
    "api-1:participants": Row(lambda i: f"/api/v1/rounds/{i['round']}/participants",
                              {"GET": only({OWNER: 200, OTHER: 200}, anonymous=401)}, api=True),
    "api-1:list_requests": Row(lambda i: f"/api/v1/rounds/{i['round']}/requests",
                               {"GET": only({OWNER: 200, OTHER: 200}, anonymous=401)}, api=True),
    "api-1:send_request": Row(lambda i: f"/api/v1/rounds/{i['round']}/requests",  # other_org: restricted
                              {"POST": only({OWNER: 201, OTHER: 422}, anonymous=401)}, api=True,
                              data=lambda i: {"recipient": i["gamma_reg"], "note": "hello"}),
    "api-1:answer_request": Row(lambda i: f"/api/v1/rounds/{i['round']}/requests/{i['waiting']}/answer",
                                {"POST": only({OWNER: 200}, anonymous=401)}, api=True,  # its recipient only
                                data=lambda i: {"accept": True}),
    "api-1:withdraw_request": Row(lambda i: f"/api/v1/rounds/{i['round']}/requests/{i['asked']}/withdraw",
                                  {"POST": only({OWNER: 422}, anonymous=401)}, api=True),  # its sender; agreed
    "api-1:agenda": Row(lambda i: f"/api/v1/rounds/{i['round']}/agenda",
                        {"GET": only({OWNER: 200, OTHER: 200}, anonymous=401)}, api=True),
    "api-1:check_in": Row(lambda i: f"/api/v1/rounds/{i['round']}/check-in",  # the round is next week
                          {"POST": only({OWNER: 422, OTHER: 422}, anonymous=401)}, api=True),
    # --- the pipeline: the relationship's two sides (Alpha, Beta); Tokyo's operators verify and read the funnel
    "api-1:list_relationships": Row(lambda i: "/api/v1/relationships", {"GET": {**everyone(200), "anonymous": 401}},
                                    api=True),
    "api-1:create_relationship": Row(lambda i: "/api/v1/relationships",  # it exists already: 200
                                     {"POST": {**everyone(200), TAIPEI: 422, "anonymous": 401}}, api=True,
                                     data=lambda i: {"hub": "tokyo", "organisation": "alpha", "counterpart": "beta"}),
    "api-1:get_relationship": Row(lambda i: f"/api/v1/relationships/{i['relationship']}",
                                  {"GET": only({OWNER: 200, SAME: 200, OTHER: 200}, anonymous=401)}, api=True),
    "api-1:record_relationship_stage": Row(lambda i: f"/api/v1/relationships/{i['relationship']}/stages",
                                           {"POST": only({OWNER: 201, SAME: 201, OTHER: 201}, anonymous=401)},
                                           api=True, data=lambda i: {"stage": "nda",
                                                                     "effective_on": dt.date.today().isoformat()}),
    "api-1:confirm_relationship_stage": Row(  # Alpha recorded the PoC: only Beta confirms it
        lambda i: f"/api/v1/relationships/{i['relationship']}/stages/{i['event']}/confirm",
        {"POST": only({OWNER: 422, SAME: 422, OTHER: 200}, anonymous=401)}, api=True),
    "api-1:add_relationship_note": Row(lambda i: f"/api/v1/relationships/{i['relationship']}/notes",
                                       {"POST": only({OWNER: 201, SAME: 201, OTHER: 201}, anonymous=401)}, api=True,
                                       data=lambda i: {"text": "Send the NDA draft"}),
    "api-1:verify_relationship_stage": Row(lambda i: f"/api/v1/hubs/tokyo/pipeline/stages/{i['event']}/verify",
                                           {"POST": only({OP: 200}, anonymous=401)}, api=True),
    "api-1:hub_pipeline_report": Row(lambda i: "/api/v1/hubs/tokyo/pipeline", {"GET": only({OP: 200}, anonymous=401)},
                                     api=True),
    "api-1:meeting_feedback": Row(lambda i: f"/api/v1/rounds/{i['round']}/meetings/{i['meeting']}/feedback",
                                  {"POST": only({OWNER: 422, OTHER: 422}, anonymous=401)}, api=True,  # not yet
                                  data=lambda i: {"useful": True}),
    "api-1:meeting_no_show": Row(lambda i: f"/api/v1/rounds/{i['round']}/meetings/{i['meeting']}/no-show",
                                 {"POST": only({OWNER: 422, OTHER: 422}, anonymous=401)}, api=True),
    "api-1:meeting_cancel": Row(lambda i: f"/api/v1/rounds/{i['round']}/meetings/{i['meeting']}/cancel",
                                {"POST": only({OWNER: 204, OTHER: 204}, anonymous=401)}, api=True,
                                data=lambda i: {"reason": "ill"}),
    # --- signals: a hub's stories are its members' (Taipei's operator is none); sources are its operators'
    "api-1:signals_feed": Row(lambda i: "/api/v1/signals/feed", {"GET": {**everyone(200), "anonymous": 401}}, api=True),
    "api-1:hub_signal_items": Row(lambda i: "/api/v1/hubs/tokyo/signals/items",
                                  {"GET": {**everyone(200), TAIPEI: 404, "anonymous": 401}}, api=True),
    "api-1:get_signal_item": Row(lambda i: f"/api/v1/signals/items/{i['signal_item']}",
                                 {"GET": {**everyone(200), TAIPEI: 404, "anonymous": 401}}, api=True),
    "api-1:report_signal_link": Row(lambda i: f"/api/v1/signals/links/{i['signal_link']}/wrong",
                                    {"POST": {**everyone(200), TAIPEI: 404, "anonymous": 401}}, api=True),
    "api-1:list_follows": Row(lambda i: "/api/v1/signals/follows", {"GET": {**everyone(200), "anonymous": 401}},
                              api=True),
    "api-1:add_follow": Row(lambda i: "/api/v1/signals/follows",  # the owner follows Beta already: 200
                            {"POST": {**everyone(201), OWNER: 200, TAIPEI: 422, "anonymous": 401}}, api=True,
                            data=lambda i: {"hub": "tokyo", "organisation": "beta"}),
    "api-1:delete_follow": Row(lambda i: f"/api/v1/signals/follows/{i['signal_follow']}",
                               {"DELETE": only({OWNER: 204}, anonymous=401)}, api=True),
    "api-1:list_sources": Row(lambda i: "/api/v1/hubs/tokyo/signals/sources",
                              {"GET": only({OP: 200}, anonymous=401)}, api=True),
    "api-1:add_source": Row(lambda i: "/api/v1/hubs/tokyo/signals/sources",
                            {"POST": only({OP: 201}, anonymous=401)}, api=True,
                            data=lambda i: {"url": "https://news2.example.org/rss", "name": "Second"}),
    "api-1:hub_matching": Row(lambda i: "/api/v1/hubs/tokyo/matching",
                              {"GET": only({OP: 200}, anonymous=401), "POST": everyone(405)}, api=True),
}


def covered_url_names() -> set[str]:
    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and namespace in COVERED_NAMESPACES:
                yield f"{namespace}:{pattern.name}"

    return set(walk(get_resolver().url_patterns))


def test_every_url_has_a_row():
    """A new page or endpoint fails here until its row says who may use it."""
    assert sorted(covered_url_names() - set(ROWS)) == []
    assert sorted(set(ROWS) - covered_url_names()) == []


def answer(response) -> object:
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return LOGIN
    return response.status_code


def request_as(world: MatrixWorld, actor: str, row: Row, method: str):
    url = row.path(world.ids)
    if row.api:
        client = Client(HTTP_AUTHORIZATION=f"Bearer {world.tokens[actor]}") if actor != "anonymous" else Client()
        body = row.data(world.ids) if method != "GET" else None
        if method == "GET":
            return client.get(url)
        return getattr(client, method.lower())(url, body or {}, content_type="application/json")
    client = Client()
    if actor != "anonymous":
        client.force_login(world.users[actor])
    return client.get(url) if method == "GET" else client.post(url, row.data(world.ids))


@pytest.fixture(scope="module")
def matrix_world(django_db_setup, django_db_blocker):
    """One world for every row (building it runs the scheduler): made inside a transaction that is rolled
    back after the module, each test's own transaction nesting inside it, each request in a savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(ROWS))
def test_who_may_use_each_url(name, matrix_world):
    world = matrix_world
    row = ROWS[name]
    seen: dict[str, dict[str, object]] = {}
    for method, expected in row.answers.items():
        seen[method] = {}
        for actor in expected:
            savepoint = transaction.savepoint()
            try:
                seen[method][actor] = answer(request_as(world, actor, row, method))
            finally:
                transaction.savepoint_rollback(savepoint)
    assert seen == row.answers


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/accounts/email/", "/accounts/password/change/", "/accounts/2fa/",
                                 "/accounts/2fa/totp/activate/", "/accounts/2fa/recovery-codes/"])
def test_allauth_account_pages_need_a_login(url):
    """allauth's own pages (outside the table: not ours to change) still refuse anonymous readers."""
    assert answer(Client().get(url)) == LOGIN
