"""The admin's sign-in and password reset refuse brute force: a username at one address is
paused after a few failures, an address after more (password spraying), never a username
everywhere; the pause is explained in the admin's look and the user's language, and logged."""

import logging
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db.models import F
from django.test import RequestFactory
from django.urls import reverse

import pytest
from axes.models import AccessAttempt

from cms.login_protection import client_ip

PASSWORD = "correct-horse-battery-staple"
ATTACKER = "203.0.113.5"
ELSEWHERE = "198.51.100.7"

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


@pytest.fixture
def colleague():
    return get_user_model().objects.create_superuser("colleague", "colleague@example.org", PASSWORD)


def sign_in(client, username, password, address=ATTACKER, language="en", **extra):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
        **extra,
    )


def signed_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


def fail(client, username, times, address=ATTACKER, **extra):
    for _ in range(times):
        response = sign_in(client, username, "wrong", address, **extra)
    return response


# Sign-in ----------------------------------------------------------------------------------


def test_four_wrong_passwords_still_let_the_right_one_in(client, editor):
    assert fail(client, "editor", 4).status_code == 200
    assert signed_in(sign_in(client, "editor", PASSWORD))


def test_after_five_wrong_passwords_the_right_one_is_refused_with_an_explanation(client, editor):
    assert fail(client, "editor", 5).status_code == 429

    response = sign_in(client, "editor", PASSWORD)

    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    page = response.content.decode()
    assert "Too many failed sign-in attempts" in page
    assert "Please try again in 15 minutes." in page
    assert 'class="login"' in page  # the admin's sign-in look
    assert client.get("/admin/").status_code == 302  # not signed in


def test_the_explanation_is_in_the_language_of_the_browser(client, editor):
    fail(client, "editor", 5)

    response = sign_in(client, "editor", PASSWORD, language="fr")

    assert response.status_code == 429
    page = response.content.decode()
    assert '<html lang="fr"' in page
    assert "S'identifier" in page  # the link back to the sign-in form


def test_the_lockout_is_logged_with_username_and_address(client, editor, caplog):
    caplog.set_level(logging.WARNING, logger="axes")

    fail(client, "editor", 5)

    lockouts = [r for r in caplog.records if "Locking out" in r.getMessage()]
    assert len(lockouts) == 1
    assert lockouts[0].levelno == logging.WARNING
    assert 'username: "editor"' in lockouts[0].getMessage()
    assert f'ip_address: "{ATTACKER}"' in lockouts[0].getMessage()


def test_a_locked_username_still_signs_in_from_another_address(client, editor):
    fail(client, "editor", 5)

    assert signed_in(sign_in(client, "editor", PASSWORD, address=ELSEWHERE))


def test_another_username_still_signs_in_from_the_locked_address(client, editor, colleague):
    fail(client, "editor", 5)

    assert signed_in(sign_in(client, "colleague", PASSWORD))


def test_many_usernames_tried_from_one_address_lock_the_address(client, editor, settings):
    settings.LOGIN_IP_FAILURE_LIMIT = 8
    for number in range(7):
        assert sign_in(client, f"guess{number}", "wrong").status_code == 200
    assert sign_in(client, "guess7", "wrong").status_code == 429

    assert sign_in(client, "editor", PASSWORD).status_code == 429
    assert signed_in(sign_in(client, "editor", PASSWORD, address=ELSEWHERE))


def test_a_successful_sign_in_clears_only_that_usernames_failures(client, editor, colleague):
    fail(client, "editor", 4)
    assert signed_in(sign_in(client, "editor", PASSWORD))
    client.logout()
    assert fail(client, "editor", 4).status_code == 200  # counting starts again

    # Someone with an account of their own cannot clear the failures of another.
    assert signed_in(sign_in(client, "colleague", PASSWORD))
    client.logout()
    assert fail(client, "editor", 1).status_code == 429


def test_the_pause_ends_after_the_cool_off(client, editor):
    fail(client, "editor", 5)

    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=14))
    assert sign_in(client, "editor", PASSWORD).status_code == 429  # and starts again

    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))
    assert signed_in(sign_in(client, "editor", PASSWORD))


def test_an_administrator_lifts_the_pause_with_axes_reset_username(client, editor):
    fail(client, "editor", 5)

    call_command("axes_reset_username", "editor")

    assert signed_in(sign_in(client, "editor", PASSWORD))


def test_behind_a_trusted_proxy_a_forged_forwarded_address_does_not_escape_the_lock(
    client, editor, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    for forged in range(5):
        response = sign_in(
            client,
            "editor",
            "wrong",
            address=proxy,
            HTTP_X_FORWARDED_FOR=f"192.0.2.{forged}, {ATTACKER}",
        )
    assert response.status_code == 429

    # Another client behind the same proxy is not affected.
    other = sign_in(client, "editor", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR=ELSEWHERE)
    assert signed_in(other)


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "192.0.2.1", "10.0.0.2"),  # no proxy trusted: the header is anyone's
        (1, "192.0.2.1, 203.0.113.5", "203.0.113.5"),
        (2, "192.0.2.1, 203.0.113.5, 10.0.0.1", "203.0.113.5"),
        (2, "203.0.113.5", "10.0.0.2"),  # fewer entries than proxies: misconfigured
        (1, "not-an-address", "10.0.0.2"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address_trusts_only_the_configured_proxies(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


# Password reset ---------------------------------------------------------------------------


def ask_reset(client, email, address=ATTACKER, language="en"):
    return client.post(
        reverse("wagtailadmin_password_reset"),
        {"email": email},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def test_password_reset_mails_to_one_address_are_limited(client, editor):
    for _ in range(5):
        response = ask_reset(client, "editor@example.org")
        assert response.status_code == 302
    assert len(mail.outbox) == 5

    response = ask_reset(client, "Editor@Example.org", address=ELSEWHERE)

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Too many password reset requests" in response.content.decode()
    assert len(mail.outbox) == 5


def test_password_reset_requests_from_one_address_are_limited(client, editor, settings):
    settings.PASSWORD_RESET_RATE_PER_IP = "3/h"
    for number in range(3):
        assert ask_reset(client, f"someone{number}@example.org").status_code == 302

    assert ask_reset(client, "editor@example.org").status_code == 429
    assert len(mail.outbox) == 0

    assert ask_reset(client, "editor@example.org", address=ELSEWHERE).status_code == 302
    assert len(mail.outbox) == 1


def test_the_password_reset_pause_is_explained_in_french(client, editor, settings):
    settings.PASSWORD_RESET_RATE_PER_IP = "1/h"
    ask_reset(client, "editor@example.org")

    response = ask_reset(client, "editor@example.org", language="fr")

    assert response.status_code == 429
    assert '<html lang="fr"' in response.content.decode()
