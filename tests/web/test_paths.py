import pytest
from django.urls import NoReverseMatch, reverse

from bridgehub.web.paths import RowPaths


def test_row_paths_are_the_paths_reverse_gives():
    organisation = RowPaths("web:organisation", "slug")
    for slug in ("acme", "slug", "a-b_c9", "x-slug-y"):
        assert organisation(slug) == reverse("web:organisation", args=[slug])
    wrong = RowPaths("web:signal_link_wrong", 987654321)
    for pk in (1, 42, 987654321):
        assert wrong(pk) == reverse("web:signal_link_wrong", args=[pk])


def test_a_value_urls_do_not_carry_as_is_goes_through_reverse_and_its_checks():
    organisation = RowPaths("web:organisation", "slug")
    with pytest.raises(NoReverseMatch):  # as reverse() itself: the slug converter takes no such value
        organisation("台積電")
    with pytest.raises(NoReverseMatch):
        organisation("a/b")  # never spliced in as a path of its own
