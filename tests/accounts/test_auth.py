import re
import time
from types import SimpleNamespace

import pytest
from allauth.mfa.totp.internal import auth as totp_auth
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core import mail
from django.test import Client

from bridgehub.accounts.models import User
from tests.accounts.hashers import CountingHasher
from tests.factories.core import TEST_PASSWORD, UserFactory


@pytest.mark.django_db
def test_sign_up_by_email_with_a_display_name_and_land_on_the_dashboard():
    client = Client()
    response = client.post("/accounts/signup/", {"email": "new@example.com", "password1": "a long passphrase 7",
                                                 "password2": "a long passphrase 7", "display_name": " Lin  Mei ",
                                                 "time_zone": "Asia/Taipei"})
    assert response.status_code == 302
    created = User.objects.get(email="new@example.com")
    assert (created.display_name, created.time_zone) == ("Lin Mei", "Asia/Taipei")
    assert client.get("/dashboard/").status_code == 200
    # The address is not confirmed yet: the mail with the link went out.
    assert [message.to for message in mail.outbox] == [["new@example.com"]]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["", "   ", "new@example.com"])
def test_sign_up_refuses_a_missing_or_address_like_display_name(name):
    response = Client().post("/accounts/signup/", {"email": "new@example.com", "password1": "a long passphrase 7",
                                                   "password2": "a long passphrase 7", "display_name": name})
    assert response.status_code == 200
    assert response.context["form"].errors["display_name"]
    assert not User.objects.filter(email="new@example.com").exists()


@pytest.mark.django_db
def test_other_people_see_the_display_name_never_the_login_address():
    named = UserFactory(email="mei@example.com", display_name="Lin Mei")
    unnamed = UserFactory(email="hidden@example.com", display_name="")
    assert (str(named), str(unnamed)) == ("Lin Mei", f"member {unnamed.pk}")


@pytest.mark.django_db
def test_log_in_with_email_and_password():
    UserFactory(email="ken@example.com")
    client = Client()
    response = client.post("/accounts/login/", {"login": "ken@example.com", "password": TEST_PASSWORD})
    assert (response.status_code, response["Location"]) == (302, "/dashboard/")


@pytest.mark.django_db
def test_login_throttling_rejects_before_the_password_is_hashed(settings):
    settings.PASSWORD_HASHERS = ["tests.accounts.hashers.CountingHasher"]
    UserFactory(email="target@example.com")
    CountingHasher.verifications = 0
    client = Client()
    for _attempt in range(5):
        response = client.post("/accounts/login/", {"login": "target@example.com", "password": "wrong guess 1"})
        assert response.status_code == 200
    assert CountingHasher.verifications == 5
    # The sixth try, even with the right password, is refused without computing a hash.
    response = client.post("/accounts/login/", {"login": "target@example.com", "password": TEST_PASSWORD})
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert CountingHasher.verifications == 5
    assert "_auth_user_id" not in client.session


def current_code(secret: str) -> str:
    """The code an authenticator app shows now: the middle of the accepted steps, so that the test still
    passes when a step ends between reading the code and posting it (one step of tolerance)."""
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


@pytest.mark.django_db
def test_totp_two_factor_is_asked_after_the_password():
    user = UserFactory(email="mfa@example.com")
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    client = Client()
    response = client.post("/accounts/login/", {"login": "mfa@example.com", "password": TEST_PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    wrong = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200 and "_auth_user_id" not in client.session
    code = current_code(secret)
    response = client.post("/accounts/2fa/authenticate/", {"code": code})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_a_code_from_the_step_before_is_accepted_once_and_older_codes_never(monkeypatch):
    # allauth's clock held in the middle of a step, so that no step ends during the test.
    now = int(time.time()) // 30
    monkeypatch.setattr(totp_auth, "time", SimpleNamespace(time=lambda: now * 30 + 15))
    user = UserFactory(email="drift@example.com")
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    too_old = format_hotp_value(hotp_value(secret, now - 2))
    previous = format_hotp_value(hotp_value(secret, now - 1))

    def authenticate(code: str) -> Client:
        client = Client()
        client.post("/accounts/login/", {"login": "drift@example.com", "password": TEST_PASSWORD})
        client.post("/accounts/2fa/authenticate/", {"code": code})
        return client

    assert "_auth_user_id" not in authenticate(too_old).session
    assert authenticate(previous).session["_auth_user_id"] == str(user.pk)
    assert "_auth_user_id" not in authenticate(previous).session  # a code is used once


@pytest.mark.django_db
def test_password_reset_by_email_link():
    UserFactory(email="forgot@example.com")
    client = Client()
    client.post("/accounts/password/reset/", {"email": "forgot@example.com"})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    response = client.post(action, {"password1": "brand new passphrase 9", "password2": "brand new passphrase 9"})
    assert response.status_code == 302
    assert User.objects.get(email="forgot@example.com").check_password("brand new passphrase 9")


@pytest.mark.django_db
def test_a_user_can_belong_to_several_organisations(world):
    from tests.factories.core import OrganisationFactory, OrganisationMembershipFactory

    second = OrganisationFactory(slug="second-org")
    OrganisationMembershipFactory(organisation=second, user=world.owner, role="member")
    page = Client()
    page.force_login(world.owner)
    html = page.get("/dashboard/").content.decode()
    assert "Secret Chips" in html and second.name in html


@pytest.mark.django_db
def test_the_admin_has_no_password_form_of_its_own():
    """A TOTP superuser's password alone opens nothing: /admin/login/ sends everyone to the site login."""
    user = UserFactory(email="staff@example.com", is_staff=True, is_superuser=True)
    TOTP.activate(user, generate_totp_secret())
    client = Client()
    response = client.post("/admin/login/?next=/admin/", {"username": "staff@example.com", "password": TEST_PASSWORD})
    assert (response.status_code, response["Location"]) == (302, "/accounts/login/?next=%2Fadmin%2F")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_admin_login_goes_through_the_totp_step():
    user = UserFactory(email="staff@example.com", is_staff=True, is_superuser=True)
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    client = Client()
    response = client.post("/accounts/login/?next=/admin/", {"login": "staff@example.com", "password": TEST_PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert client.get("/admin/").status_code == 302  # not yet
    code = current_code(secret)
    response = client.post("/accounts/2fa/authenticate/", {"code": code})
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_admin_login_is_throttled_before_the_password_is_hashed(settings):
    settings.PASSWORD_HASHERS = ["tests.accounts.hashers.CountingHasher"]
    UserFactory(email="staff@example.com", is_staff=True, is_superuser=True)
    CountingHasher.verifications = 0
    client = Client()
    for _attempt in range(5):
        client.post("/accounts/login/?next=/admin/", {"login": "staff@example.com", "password": "guess 1"})
    client.post("/admin/login/", {"username": "staff@example.com", "password": "guess 2"})  # no form there
    response = client.post("/accounts/login/?next=/admin/", {"login": "staff@example.com", "password": TEST_PASSWORD})
    assert "Too many failed login attempts" in response.content.decode()
    assert CountingHasher.verifications == 5
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_a_logged_in_member_without_staff_rights_is_refused_by_the_admin():
    client = Client()
    client.force_login(UserFactory())
    assert client.get("/admin/login/").status_code == 403
