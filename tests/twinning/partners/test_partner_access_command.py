"""``manage.py partner_access``: a partner set up from the shell, its credentials printed once."""

import datetime
import io
import re

from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone, translation

import pytest

from twinning.partners.models import PartnerAccess, PartnerToken
from twinning.partners.tokens import PREFIX

from .conftest import make_partner

pytestmark = pytest.mark.django_db

ACCOUNT = "/api/v2/partner/"
TOKEN = re.compile(rf"{PREFIX}\w+")


def run(*args) -> str:
    out = io.StringIO()
    with translation.override("en"):
        call_command("partner_access", *args, stdout=out)
    return out.getvalue()


def create(partner="tubingen", languages="de,en", *extra) -> str:
    return run(
        "create",
        "--partner",
        partner,
        "--languages",
        languages,
        "--contact-name",
        "Anna Keller",
        "--contact-email",
        "partnerschaft@tuebingen.example",
        *extra,
    )


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_create_prints_the_token_once_and_it_signs_in(client, tubingen):
    out = create("Q3806", "en,de", "--webhook-url", "http://127.0.0.1:8009/hooks")

    token = TOKEN.search(out)[0]
    secret = re.search(r"whsec_[\w-]+", out)[0]
    assert "not shown again" in out
    access = PartnerAccess.objects.get()
    assert access.partner == tubingen
    assert access.languages == ["en", "de"]  # in the site's order of languages
    assert access.events == []
    assert access.webhook_secret == secret
    assert token not in "".join(PartnerToken.objects.values_list("digest", flat=True))

    response = client.get(ACCOUNT, **bearer(token))
    assert response.status_code == 200
    assert response.json()["partner"]["title"] == "Tübingen"
    assert token not in run("list")  # never printed again


def test_create_by_slug_or_page_id_with_chosen_events(tubingen):
    create(str(tubingen.pk), "de", "--events", "translation.published,page.published")
    create("tubingen", "de")

    first, second = PartnerAccess.objects.order_by("pk")
    assert first.events == ["page.published", "translation.published"]
    assert first.webhook_secret == ""
    assert second.partner == tubingen


@pytest.mark.parametrize(
    ("partner", "languages", "extra", "message"),
    [
        ("nowhere", "de", [], "No partner city matches “nowhere”"),
        ("tubingen", "de,xx", [], "--languages"),
        ("tubingen", "", [], "Tick at least one language"),
        ("tubingen", "de", ["--events", "page.exploded"], "--events"),
        ("tubingen", "de", ["--webhook-url", "not a url"], "--webhook-url"),
        ("tubingen", "de", ["--contact-email", "anna@"], "--contact-email"),
    ],
)
def test_create_refuses_bad_input_and_writes_nothing(tubingen, partner, languages, extra, message):
    with pytest.raises(CommandError, match=message):
        create(partner, languages, *extra)

    assert not PartnerAccess.objects.exists()
    assert not PartnerToken.objects.exists()


@override_settings(TWINNING={"WEBHOOK_ALLOW_PRIVATE_URLS": False})
def test_create_refuses_a_webhook_on_loopback(tubingen):
    with pytest.raises(CommandError, match="--webhook-url"):
        create("tubingen", "de", "--webhook-url", "http://127.0.0.1/hooks")

    assert not PartnerAccess.objects.exists()


def test_rotate_keeps_the_old_token_until_the_overlap_ends(client, tubingen_partner):
    out = run("rotate", "--partner", "tubingen")

    new_token = TOKEN.search(out)[0]
    assert "keep working until" in out
    assert client.get(ACCOUNT, **bearer(new_token)).status_code == 200
    assert client.get(ACCOUNT, **tubingen_partner.auth).status_code == 200

    old = PartnerToken.objects.get(prefix=tubingen_partner.token[:13])
    assert old.expires_at > timezone.now() + datetime.timedelta(hours=71)
    old.expires_at = timezone.now() - datetime.timedelta(seconds=1)  # the overlap is over
    old.save()

    assert client.get(ACCOUNT, **tubingen_partner.auth).status_code == 401
    assert client.get(ACCOUNT, **bearer(new_token)).status_code == 200


def test_revoke_stops_every_token_at_once(client, tubingen_partner):
    rotated = TOKEN.search(run("rotate", "--partner", "Q3806"))[0]

    out = run("revoke", "--partner", "Q3806")

    assert "Revoked 2 tokens of Tübingen" in out
    assert client.get(ACCOUNT, **tubingen_partner.auth).status_code == 401
    assert client.get(ACCOUNT, **bearer(rotated)).status_code == 401


def test_deactivate_refuses_tokens_until_activated(client, tubingen_partner):
    run("deactivate", "--partner", "tubingen")
    assert client.get(ACCOUNT, **tubingen_partner.auth).status_code == 401

    run("activate", "--partner", "tubingen")
    assert client.get(ACCOUNT, **tubingen_partner.auth).status_code == 200


def test_new_secret_replaces_the_webhook_secret(tubingen):
    partner = make_partner(tubingen, webhook_url="http://127.0.0.1:8009/hooks")

    out = run("new-secret", "--partner", "tubingen")

    partner.access.refresh_from_db()
    assert partner.access.webhook_secret != partner.secret
    assert partner.access.webhook_secret in out


def test_new_secret_without_webhook_is_refused(tubingen_partner):
    with pytest.raises(CommandError, match="no webhook URL"):
        run("new-secret", "--partner", "tubingen")


def test_several_accounts_of_one_city_need_an_id(client, tubingen):
    first = make_partner(tubingen)
    second = make_partner(tubingen, contact_name="Jonas Weber")

    with pytest.raises(CommandError, match="several accounts .*choose one with --id"):
        run("revoke", "--partner", "tubingen")
    assert client.get(ACCOUNT, **first.auth).status_code == 200

    run("revoke", "--partner", "tubingen", "--id", str(second.access.pk))
    assert client.get(ACCOUNT, **first.auth).status_code == 200
    assert client.get(ACCOUNT, **second.auth).status_code == 401


def test_list_shows_accounts_and_token_prefixes(tubingen_partner):
    tubingen_partner.access.events = ["page.published"]
    tubingen_partner.access.save()

    out = run("list")

    assert "Tübingen — Anna Keller <partnerschaft@tuebingen.example> — de, en — active" in out
    assert "events: page.published" in out
    assert f"token {tubingen_partner.token[:13]}… no expiry, last used never" in out
    assert tubingen_partner.token not in out
