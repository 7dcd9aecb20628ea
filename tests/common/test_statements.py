"""Prepared statements (common/statements.py): list parameters, deferred columns, wrong use."""

import pytest

from bridgehub.common.statements import Names, Part, Select
from bridgehub.directory.models import Sector

pytestmark = pytest.mark.django_db


def _sectors_with_codes(n: Names) -> str:
    return (f"FROM {n.table(Sector)} s WHERE s.{n.column(Sector, 'code')} IN (%s) "  # noqa: S608
            f"ORDER BY s.{n.column(Sector, 'position')}")


BY_CODE = Select([Part(Sector, "s", ("code",))], _sectors_with_codes)


def test_a_list_fills_an_in_and_an_empty_list_matches_nothing():
    codes = list(Sector.objects.values_list("code", flat=True)[:3])
    assert len(codes) == 3
    found = [sector for (sector,) in BY_CODE.rows([codes])]
    assert [s.code for s in found] == [s.code for s in Sector.objects.filter(code__in=codes)]
    assert BY_CODE.rows([[]]) == [] and BY_CODE.rows([()]) == []


def test_columns_left_out_are_read_on_access():
    (sector,), *_rest = BY_CODE.rows([["robotics"]])
    assert sector.get_deferred_fields() >= {"label_en", "label_ja"}
    assert sector.label_en == Sector.objects.get(code="robotics").label_en


def test_a_wrong_number_of_parameters_is_refused():
    with pytest.raises(ValueError, match="1 placeholders for 2 parameters"):
        BY_CODE.rows([["robotics"], "extra"])
