"""Codes never reach a reader: languages, kinds and zones are words of the reader's language."""

import pytest

from bridgehub.exchanges.domain.rounds import add_interpreter
from bridgehub.matchmaking.models import HubMatching
from tests.conftest import client_for


@pytest.mark.parametrize(("language", "expected"), [("en", "Japanese, Chinese"), ("ja", "日本語、中国語"),
                                                    ("zh-hant", "日文、中文")])
def test_interpreters_languages_are_named_with_the_languages_list_separator(exchange, language, expected):
    operator = exchange.world.tokyo_operator
    operator.language = language
    operator.save(update_fields=["language"])
    add_interpreter(user=operator, round_=exchange.round, name="Lin", languages=["zh", "ja"], available_slots=[0])
    page = client_for(operator).get(f"/manage/tokyo/rounds/{exchange.round.pk}/").content.decode()
    assert expected in page and "zh–ja" not in page


@pytest.mark.django_db
def test_the_fairness_line_names_each_kind_and_ends_with_a_full_width_colon(world):
    HubMatching.objects.update_or_create(hub=world.tokyo, defaults={"gini": {"startup": 0.31234, "talent": 0.5}})
    world.tokyo_operator.language = "ja"
    world.tokyo_operator.save(update_fields=["language"])
    page = client_for(world.tokyo_operator).get("/manage/tokyo/matching/").content.decode()
    assert "集中）：" in page and "スタートアップ 0.31" in page and "startup 0.3" not in page


@pytest.mark.django_db
def test_the_home_page_names_each_hubs_time_zone(world):
    world.tokyo.time_zone = "Asia/Tokyo"
    world.tokyo.save(update_fields=["time_zone"])
    page = client_for(None).get("/", HTTP_ACCEPT_LANGUAGE="zh-hant").content.decode()
    assert "東京" in page and "Asia/Tokyo ·" not in page


@pytest.mark.parametrize(("language", "label", "quote"), [("en", "Speaks: ", "“PoC &amp; MOU”"),
                                                         ("ja", "Speaks：", "「PoC &amp; MOU」"),
                                                         ("zh-hant", "Speaks：", "「PoC &amp; MOU」")])
def test_labels_and_quotes_follow_the_languages_punctuation(language, label, quote):
    from django.template import Context, Template
    from django.utils import translation

    template = Template('{% load bridgehub %}Speaks{% colon %}{{ words|quoted }}')
    with translation.override(language):
        assert template.render(Context({"words": "PoC & MOU"})) == label + quote
