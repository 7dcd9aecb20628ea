import pytest

from bridgehub.directory.registry import RegistryNumberError, normalise_registry_number


def test_taiwan_ubn_with_valid_checksum_is_accepted():
    assert normalise_registry_number("TW", "04595257") == "04595257"


def test_taiwan_ubn_with_seventh_digit_seven_rule_is_accepted():
    # 10458575: weighted sum 39; the 7th digit is 7, so 39 + 1 = 40 is also accepted.
    assert normalise_registry_number("TW", "10458575") == "10458575"


@pytest.mark.parametrize(("number", "reason"), [("04595258", "checksum"), ("0459525", "length"),
                                                ("0459525A", "format")])
def test_taiwan_ubn_errors_say_what_is_wrong(number, reason):
    with pytest.raises(RegistryNumberError) as error:
        normalise_registry_number("TW", number)
    assert error.value.reason == reason


def test_japan_corporate_number_check_digit():
    assert normalise_registry_number("JP", "5835678256246") == "5835678256246"
    with pytest.raises(RegistryNumberError) as error:
        normalise_registry_number("JP", "6835678256246")
    assert error.value.reason == "checksum"


def test_other_countries_are_free_text_and_blank_is_allowed():
    assert normalise_registry_number("US", " EIN 12-3456789 ") == "EIN 12-3456789"
    assert normalise_registry_number("TW", "") == ""
