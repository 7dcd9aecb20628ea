"""Matches pages and API: every actor against every page and action; flows; query counts."""

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bridgehub.accounts.domain.tokens import issue_token
from bridgehub.matchmaking.models import HubMatching, Introduction, MatchFeedback, MatchProfile
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def answer(response):
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return "login"
    return response.status_code


def user_of(market, who):
    if who == "anonymous":
        return None
    if who in ("tokyo_operator", "taipei_operator", "tokyo_member"):
        return getattr(market.world, who)
    return market.talent_user if who == "talent" else market.users[who]


@pytest.mark.parametrize(("who", "expected"), [
    ("startup", 200), ("fund", 200), ("talent", 200), ("tokyo_operator", 200), ("anonymous", "login")])
def test_who_opens_the_matches_page(market, who, expected):
    assert answer(client_for(user_of(market, who)).get("/matches/")) == expected


def test_the_startup_reads_its_matches_with_reasons_in_its_language(market):
    market.users["startup"].language = "zh-hant"  # the reader's own language, set on their account
    market.users["startup"].save(update_fields=["language"])
    client = client_for(market.users["startup"])
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/matches/").content.decode()
    assert "Fund" in page and "Biofund" not in page
    assert "先進封裝" in page and "A 輪" in page
    assert "MEMBERSONLY" not in page
    # 14 + the trust badges of all cards (vettings, domain proofs) + their news: three. The user's
    # profiles come in one statement, the feedback is read once, the taxonomy once, the hubs' ids and
    # then the hubs with their lists' dates (two cheap statements cost less CPU than one compiled
    # join), and the introductions asked of the reader only when there are some.
    assert len(queries) == 16
    corporate = client.get(f"/matches/?profile={market.profiles['startup'].pk}&kind=corporate").content.decode()
    assert "Corporate" in corporate and "PoC" in corporate


def test_nobody_reads_another_organisations_matches(market):
    theirs = market.profiles["startup"].pk
    for who in ("fund", "talent", "tokyo_operator"):
        assert answer(client_for(user_of(market, who)).get(f"/matches/?profile={theirs}")) == 404


def test_a_one_line_profile_is_asked_for_a_description(market):
    page = client_for(market.users["short"]).get("/matches/").content.decode()
    assert 'id="too-short"' in page and "/o/short/edit/" in page


def post(market, who, url, data, **extra):
    return client_for(user_of(market, who)).post(url, data, **extra)


@pytest.mark.parametrize(("who", "expected"), [("startup", 302), ("fund", 404), ("tokyo_operator", 404),
                                               ("anonymous", "login")])
def test_who_may_save_or_dismiss_a_recommendation(market, who, expected):
    reader, fund = market.profiles["startup"], market.profiles["fund"]
    response = post(market, who, f"/matches/{reader.pk}/feedback/", {"target": fund.pk, "signal": "saved"})
    assert answer(response) == expected
    assert MatchFeedback.objects.filter(reader=reader, target=fund).exists() == (expected == 302)


def test_only_recommended_targets_can_be_acted_on(market):
    reader = market.profiles["startup"]
    response = post(market, "startup", f"/matches/{reader.pk}/feedback/",
                    {"target": market.profiles["biofund"].pk, "signal": "saved"})
    assert response.status_code == 404 and not MatchFeedback.objects.exists()


def test_not_relevant_needs_a_reason_and_then_hides(market):
    reader, fund = market.profiles["startup"], market.profiles["fund"]
    url = f"/matches/{reader.pk}/feedback/"
    post(market, "startup", url, {"target": fund.pk, "signal": "not_relevant", "reason": "nonsense"})
    assert not MatchFeedback.objects.exists()
    post(market, "startup", url, {"target": fund.pk, "signal": "not_relevant", "reason": "stage"})
    page = client_for(market.users["startup"]).get("/matches/").content.decode()
    assert f'data-target="{fund.pk}"' not in page and "not relevant" in page


@pytest.mark.parametrize(("who", "expected"), [("startup", 302), ("fund", 404), ("anonymous", "login")])
def test_who_may_request_an_introduction(market, who, expected, django_capture_on_commit_callbacks):
    reader, fund = market.profiles["startup"], market.profiles["fund"]
    with django_capture_on_commit_callbacks(execute=True):
        response = post(market, who, f"/matches/{reader.pk}/introduce/",
                        {"target": fund.pk, "hub": "tokyo", "note": "We met at SEMICON"})
    assert answer(response) == expected
    assert Introduction.objects.filter(requester=reader, recipient=fund).exists() == (expected == 302)
    if expected == 302:
        assert mail.outbox[-1].to == ["fund@example.com"] and "SEMICON" in mail.outbox[-1].body


@pytest.mark.parametrize(("who", "expected"), [("fund", 302), ("startup", 404), ("biofund", 404),
                                               ("anonymous", "login")])
def test_who_may_answer_an_introduction(market, who, expected, django_capture_on_commit_callbacks):
    from bridgehub.matchmaking.domain.intros import request_introduction

    intro = request_introduction(user=market.users["startup"], reader=market.profiles["startup"],
                                 target=market.profiles["fund"], hub=market.world.tokyo)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(market, who, f"/matches/introductions/{intro.pk}/",
                        {"accept": "1", "contact": "deals@fund.example\nBcc: x@y"})
    assert answer(response) == expected
    intro.refresh_from_db()
    assert intro.status == ("accepted" if expected == 302 else "pending")
    if expected == 302:
        # The contact the answerer typed (folded to one line), never their login address.
        body = mail.outbox[-1].body
        assert mail.outbox[-1].to == ["startup@example.com"] and "deals@fund.example Bcc: x@y" in body
        assert "fund@example.com" not in body


def test_accepting_needs_a_contact_to_share(market):
    from bridgehub.matchmaking.domain.intros import request_introduction

    intro = request_introduction(user=market.users["startup"], reader=market.profiles["startup"],
                                 target=market.profiles["fund"], hub=market.world.tokyo)
    page = post(market, "fund", f"/matches/introductions/{intro.pk}/", {"accept": "1", "contact": "  "}, follow=True)
    assert "Say how they can reach you" in page.content.decode()
    intro.refresh_from_db()
    assert intro.status == "pending"


def test_a_declined_introduction_cannot_be_asked_again_for_90_days(market):
    import datetime as dt

    from bridgehub.matchmaking.domain.feedback import FeedbackError
    from bridgehub.matchmaking.domain.intros import answer_introduction, request_introduction

    ask = {"user": market.users["startup"], "reader": market.profiles["startup"], "target": market.profiles["fund"],
           "hub": market.world.tokyo}
    intro = request_introduction(**ask)
    intro = answer_introduction(user=market.users["fund"], introduction=intro, accept=False, reason="not_now")
    with pytest.raises(FeedbackError, match="you can ask again from"):
        request_introduction(**ask)
    Introduction.objects.filter(pk=intro.pk).update(answered_at=intro.answered_at - dt.timedelta(days=91))
    assert request_introduction(**ask).status == "pending"


def test_the_recipient_sees_and_declines_an_introduction_with_a_reason(market):
    from bridgehub.matchmaking.domain.intros import request_introduction

    intro = request_introduction(user=market.users["startup"], reader=market.profiles["startup"],
                                 target=market.profiles["fund"], hub=market.world.tokyo)
    page = client_for(market.users["fund"]).get("/matches/").content.decode()
    assert f'data-introduction="{intro.pk}"' in page
    post(market, "fund", f"/matches/introductions/{intro.pk}/", {"decline": "1", "reason": "no_capacity"})
    intro.refresh_from_db()
    assert (intro.status, intro.decline_reason) == ("declined", "no_capacity")


@pytest.mark.parametrize(("who", "expected"), [("fund", 302), ("startup", 404), ("anonymous", "login")])
def test_who_may_state_the_capacity(market, who, expected):
    fund = market.profiles["fund"]
    assert answer(post(market, who, f"/matches/{fund.pk}/capacity/", {"monthly_capacity": "3"})) == expected
    fund.refresh_from_db()
    assert fund.monthly_capacity == (3 if expected == 302 else None)


def test_the_page_offers_the_capacity_form_to_a_counterparts_admins_only(market):
    fund_page = client_for(market.users["fund"]).get("/matches/").content.decode()
    capacity = fund_page.split('id="capacity"')[1].split("</section>")[0]
    # The field arrives as markup in the page's Jinja2 fragment, not as escaped text.
    assert '<input type="number" name="monthly_capacity"' in capacity and "&lt;" not in capacity
    assert 'name="csrfmiddlewaretoken"' in capacity and 'id="kinds"' in fund_page
    assert 'id="capacity"' not in client_for(market.users["startup"]).get("/matches/").content.decode()


def test_a_bad_capacity_is_refused_and_nothing_changes(market):
    fund = market.profiles["fund"]
    post(market, "fund", f"/matches/{fund.pk}/capacity/", {"monthly_capacity": "-4"})
    fund.refresh_from_db()
    assert fund.monthly_capacity is None


@pytest.mark.parametrize(("who", "expected"), [("startup", 302), ("fund", 404), ("anonymous", "login")])
def test_who_may_confirm_a_sector_read_from_the_text(market, who, expected):
    reader = market.profiles["startup"]
    response = post(market, who, f"/matches/{reader.pk}/tag/", {"code": "advanced_packaging"})
    assert answer(response) == expected
    assert market.orgs["startup"].sectors.filter(code="advanced_packaging").exists() == (expected == 302)


def test_a_sector_not_read_from_the_text_cannot_be_confirmed(market):
    reader = market.profiles["startup"]
    post(market, "startup", f"/matches/{reader.pk}/tag/", {"code": "biotech"})
    assert not market.orgs["startup"].sectors.exists()


def test_actions_need_the_csrf_token(market):
    client = Client(enforce_csrf_checks=True)
    client.force_login(market.users["startup"])
    reader, fund = market.profiles["startup"], market.profiles["fund"]
    response = client.post(f"/matches/{reader.pk}/feedback/", {"target": fund.pk, "signal": "saved"})
    assert response.status_code == 403 and not MatchFeedback.objects.exists()


@pytest.mark.parametrize(("who", "expected"), [("tokyo_operator", 200), ("taipei_operator", 404),
                                               ("startup", 404), ("anonymous", "login")])
def test_who_opens_the_operator_matching_page(market, who, expected):
    response = client_for(user_of(market, who)).get("/manage/tokyo/matching/")
    assert answer(response) == expected
    if expected == 200:
        page = response.content.decode()
        assert "Startup" in page and "Fund" in page and "Gini" in page


def test_the_operator_page_drops_matches_that_were_acted_on(market):
    from bridgehub.matchmaking.domain.intros import request_introduction

    client = client_for(market.world.tokyo_operator)
    with CaptureQueriesContext(connection) as queries:
        before = client.get("/manage/tokyo/matching/").content.decode()
    assert len(queries) == 12  # fixed: the exposure table loads its names with its profiles
    request_introduction(user=market.users["startup"], reader=market.profiles["startup"],
                         target=market.profiles["fund"], hub=market.world.tokyo)
    after = client.get("/manage/tokyo/matching/").content.decode()
    assert before.count("<tr>") > after.count("<tr>")


@pytest.mark.parametrize(("who", "expected"), [("tokyo_operator", 302), ("taipei_operator", 404),
                                               ("fund", 404), ("anonymous", "login")])
def test_who_may_ask_for_a_rebuild(market, who, expected):
    before = HubMatching.objects.get(hub=market.world.tokyo).requested_at
    assert answer(post(market, who, "/manage/tokyo/matching/rebuild/", {})) == expected
    after = HubMatching.objects.get(hub=market.world.tokyo).requested_at
    assert (after != before) == (expected == 302)


def api(market, who):
    client = Client()
    user = user_of(market, who)
    if user is not None:
        _token, raw = issue_token(user=user, name="test")
        client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return client


def test_the_api_lists_matches_with_reasons(market):
    client = api(market, "startup")
    readers = client.get("/api/v1/matches").json()
    assert [r["name"] for r in readers] == ["Startup"] and readers[0]["target_kinds"] == [
        "investor", "corporate", "talent"]
    body = client.get(f"/api/v1/matches/{readers[0]['id']}?kind=investor", HTTP_ACCEPT_LANGUAGE="ja").json()
    assert [m["name"] for m in body["matches"]] == ["Fund"]
    assert any("先端パッケージング" in reason for reason in body["matches"][0]["reasons"])
    assert body["matches"][0]["sentence_pair"]["theirs"]
    bad = client.get(f"/api/v1/matches/{readers[0]['id']}?kind=startup")
    assert bad.status_code == 422 and "kind" in bad.json()["detail"]


@pytest.mark.parametrize(("who", "expected"), [("startup", 200), ("fund", 404), ("anonymous", 401)])
def test_who_reads_a_match_list_over_the_api(market, who, expected):
    response = api(market, who).get(f"/api/v1/matches/{market.profiles['startup'].pk}")
    assert response.status_code == expected


def test_api_feedback_and_introductions(market):
    client = api(market, "startup")
    reader, fund = market.profiles["startup"], market.profiles["fund"]
    response = client.post(f"/api/v1/matches/{reader.pk}/feedback", {"target": fund.pk, "signal": "saved"},
                           content_type="application/json")
    assert response.status_code == 204 and MatchFeedback.objects.filter(signal="saved").count() == 1
    wrong = client.post(f"/api/v1/matches/{reader.pk}/feedback", {"target": fund.pk, "signal": "liked"},
                        content_type="application/json")
    assert wrong.status_code == 422 and "Signal “liked”" in wrong.json()["detail"]
    made = client.post(f"/api/v1/matches/{reader.pk}/introductions", {"target": fund.pk, "hub": "tokyo"},
                       content_type="application/json")
    assert made.status_code == 201 and Introduction.objects.get().status == "pending"
    other = api(market, "fund").post(f"/api/v1/matches/{reader.pk}/introductions",
                                     {"target": fund.pk, "hub": "tokyo"}, content_type="application/json")
    assert other.status_code == 404


def test_the_fund_answers_an_introduction_and_states_its_capacity_over_the_api(market):
    reader, fund = market.profiles["startup"], market.profiles["fund"]
    api(market, "startup").post(f"/api/v1/matches/{reader.pk}/introductions",
                                {"target": fund.pk, "hub": "tokyo", "note": "PoC in Kumamoto?"},
                                content_type="application/json")
    funder = api(market, "fund")
    waiting = funder.get(f"/api/v1/matches/{fund.pk}/introductions/incoming").json()
    assert [(w["requester"], w["note"]) for w in waiting] == [("Startup", "PoC in Kumamoto?")]
    url = f"/api/v1/introductions/{waiting[0]['id']}/answer"
    assert api(market, "startup").post(url, {"accept": True, "contact": "x"},
                                       content_type="application/json").status_code == 404  # not its recipient
    bare = funder.post(url, {"accept": True}, content_type="application/json")
    assert bare.status_code == 422 and "how they can reach you" in bare.json()["detail"]
    answered = funder.post(url, {"accept": True, "contact": "deals@fund.example"}, content_type="application/json")
    assert answered.json() == {"id": waiting[0]["id"], "status": "accepted"}
    assert Introduction.objects.get().shared_contact == "deals@fund.example"
    negative = funder.put(f"/api/v1/matches/{fund.pk}/capacity", {"monthly_capacity": -1},
                          content_type="application/json")
    assert negative.status_code == 422 and negative.json()["detail"].startswith("monthly_capacity:")
    stated = funder.put(f"/api/v1/matches/{fund.pk}/capacity", {"monthly_capacity": 4},
                        content_type="application/json")
    assert stated.status_code == 200 and stated.json()["monthly_capacity"] == 4


@pytest.mark.parametrize(("who", "expected"), [("tokyo_operator", 200), ("taipei_operator", 404),
                                               ("startup", 404), ("anonymous", 401)])
def test_who_reads_the_hub_matching_report_over_the_api(market, who, expected):
    response = api(market, who).get("/api/v1/hubs/tokyo/matching")
    assert response.status_code == expected
    if expected == 200:
        body = response.json()
        assert body["unmet"][0]["startup"] in {"Startup", "Not_Raising"} and "investor" in body["gini"]
        assert MatchProfile.objects.filter(status="too_short").count() == body["too_short"] == 1


def test_only_the_organisations_admins_state_capacity_and_sectors(market):
    from bridgehub.matchmaking.domain.feedback import FeedbackError
    from bridgehub.matchmaking.domain.recommendations import confirm_tag, state_capacity
    from tests.factories.core import OrganisationMembershipFactory, UserFactory

    fund = market.profiles["fund"]
    colleague = OrganisationMembershipFactory(organisation=market.orgs["fund"], role="member",
                                              user=UserFactory(email="colleague@example.com")).user
    with pytest.raises(FeedbackError, match="Only the organisation's admins state its capacity"):
        state_capacity(user=colleague, reader=fund, capacity=2)
    with pytest.raises(FeedbackError, match="Only the organisation's admins change its sectors"):
        confirm_tag(user=colleague, reader=fund, code="advanced_packaging")
    assert client_for(colleague).post(f"/matches/{fund.pk}/capacity/", {"monthly_capacity": "2"}).status_code == 404
    fund.refresh_from_db()
    assert fund.monthly_capacity is None
    page = client_for(colleague).get("/matches/").content.decode()
    assert 'id="capacity"' not in page and 'id="tags"' not in page
    assert 'id="capacity"' in client_for(market.users["fund"]).get("/matches/").content.decode()


def test_the_domain_refuses_feedback_and_lists_for_someone_elses_profile(market):
    from bridgehub.matchmaking.domain.feedback import FeedbackError, give_feedback
    from bridgehub.matchmaking.domain.recommendations import recommendations

    stranger = market.users["biofund"]
    with pytest.raises(FeedbackError, match="You do not belong to this profile"):
        give_feedback(user=stranger, reader=market.profiles["startup"], target=market.profiles["fund"],
                      signal="saved")
    with pytest.raises(FeedbackError, match="You do not belong to this profile"):
        recommendations(user=stranger, reader=market.profiles["startup"], target_kind="investor")


def test_a_member_cannot_take_over_someone_elses_directory_entry(market):
    from django.core.exceptions import PermissionDenied

    from bridgehub.directory.domain.people import save_own_person
    from bridgehub.directory.models import Person

    imported = Person.objects.create(name="Imported Ito")
    with pytest.raises(PermissionDenied):
        save_own_person(user=market.users["startup"], person=imported, bio={})
    assert Person.objects.get(pk=imported.pk).user is None


def test_the_reader_sees_what_matching_read_and_why_a_list_may_be_short(market):
    raising = client_for(market.users["startup"]).get("/matches/").content.decode()
    assert 'id="reading"' in raising and "Advanced packaging" in raising and "Series A" in raising
    assert "We did not read that you are raising money" not in raising
    not_raising = client_for(market.users["not_raising"]).get("/matches/").content.decode()
    assert "We did not read that you are raising money" in not_raising


def test_the_operators_strongest_unmet_matches_are_ordered_by_distinct_scores(market):
    from bridgehub.matchmaking.domain.operator import unmet_matches
    from bridgehub.matchmaking.models import Recommendation

    scores = list(Recommendation.objects.filter(hub=market.world.tokyo, reader__kind="startup")
                  .order_by("-score").values_list("score", flat=True))
    assert len(set(scores)) == len(scores)  # no two pairs tie: the texts' likeness separates equal fits
    unmet = [m.score for m in unmet_matches(market.world.tokyo)]
    assert unmet and unmet == sorted(unmet, reverse=True)


def test_match_cards_escape_names_and_carry_a_working_form_token(market):
    """The cards are a Jinja2 fragment (web/match_cards.py): names are escaped, every form posts."""
    market.orgs["fund"].name = "<b>Fund</b> & Co"
    market.orgs["fund"].save(update_fields=["name"])
    client = Client(enforce_csrf_checks=True)
    client.force_login(market.users["startup"])
    page = client.get("/matches/").content.decode()
    assert "&lt;b&gt;Fund&lt;/b&gt; &amp; Co" in page and "<b>Fund</b>" not in page
    token = page.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    reader, fund = market.profiles["startup"], market.profiles["fund"]
    saved = client.post(f"/matches/{reader.pk}/feedback/", {
        "csrfmiddlewaretoken": token, "target": fund.pk, "signal": "saved"})
    assert saved.status_code == 302
    assert MatchFeedback.objects.filter(reader=reader, target=fund, signal="saved").exists()
    assert "Unsave" in client.get("/matches/").content.decode()
