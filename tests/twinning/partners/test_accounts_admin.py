"""Partner accounts in the admin, as an editor sets one up: the form, the token and webhook
secret shown once, and the token actions of the account's page."""

import re

from django.contrib.auth.models import Group, Permission
from django.test import override_settings
from django.urls import reverse

import pytest

from tests.twinning.html_checks import soup_of, text_of
from tests.twinning.page_form_data import log_in_editor
from twinning.partners.models import PartnerAccess, PartnerToken
from twinning.partners.tokens import PREFIX

from .conftest import make_partner

pytestmark = pytest.mark.django_db

ACCOUNT = "/api/v2/partner/"
TOKEN = re.compile(rf"{PREFIX}\w+")
SECRET = re.compile(r"whsec_[\w-]+")


@pytest.fixture
def editor(client, admin_user):
    return log_in_editor(client, admin_user)


def form_data(city, **changes) -> dict:
    data = {
        "partner": city.pk,
        "contact_name": "Anna Keller",
        "contact_email": "partnerschaft@tuebingen.example",
        "languages": ["de", "en"],
        "webhook_url": "",
        "is_active": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def edit_url(access) -> str:
    return reverse("partner_accounts:edit", args=[access.pk])


def test_partner_accounts_are_under_settings(editor):
    response = editor.get(reverse("wagtailadmin_home"))

    assert "Partner accounts" in response.content.decode()
    assert editor.get(reverse("partner_accounts:index")).status_code == 200


def test_the_form_offers_cities_languages_and_events(editor, tubingen, perugia):
    soup = soup_of(editor.get(reverse("partner_accounts:add")))

    cities = [text_of(option) for option in soup.select("select[name=partner] option")]
    assert cities == ["Choose a partner city", "Pérouse", "Tübingen"]
    languages = [box["value"] for box in soup.select("input[name=languages]")]
    assert languages == ["fr", "en", "de", "it", "es", "pt", "hu", "ja", "ar"]
    assert "page.published" in [box["value"] for box in soup.select("input[name=events]")]
    assert "None ticked: the partner is sent every event." in text_of(soup)


def test_creating_an_account_shows_its_token_and_secret_once(editor, client, tubingen):
    response = editor.post(
        reverse("partner_accounts:add"),
        form_data(
            tubingen,
            webhook_url="http://localhost:8009/twinning",
            events=["page.published", "translation.published"],
        ),
        follow=True,
    )

    page = text_of(soup_of(response))
    token = TOKEN.search(response.content.decode())[0]
    secret = SECRET.search(response.content.decode())[0]
    assert "not shown again" in page
    access = PartnerAccess.objects.get()
    assert access.partner == tubingen
    assert access.languages == ["en", "de"]
    assert access.events == ["page.published", "translation.published"]
    assert access.webhook_secret == secret
    assert client.get(ACCOUNT, **bearer(token)).status_code == 200

    reloaded = editor.get(response.redirect_chain[-1][0]).content.decode()
    assert token not in reloaded
    assert secret not in reloaded
    assert "already shown" in reloaded
    edit_page = editor.get(edit_url(access)).content.decode()
    assert token not in edit_page
    assert secret not in edit_page
    assert token[:13] in edit_page  # its first characters tell it apart
    listing = editor.get(reverse("partner_accounts:index")).content.decode()
    assert "Tübingen" in listing
    assert token not in listing


def test_an_account_without_webhook_gets_no_secret(editor, tubingen):
    response = editor.post(reverse("partner_accounts:add"), form_data(tubingen), follow=True)

    assert TOKEN.search(response.content.decode())
    assert not SECRET.search(response.content.decode())
    assert PartnerAccess.objects.get().webhook_secret == ""


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"languages": None}, "languages", "Tick at least one language."),
        ({"partner": ""}, "partner", "This field is required."),
        ({"contact_email": "anna@"}, "contact_email", "Enter a valid email address."),
        ({"webhook_url": "ftp://hooks.example"}, "webhook_url", ""),
    ],
)
def test_the_form_says_what_is_wrong(editor, tubingen, changes, field, message):
    response = editor.post(reverse("partner_accounts:add"), form_data(tubingen, **changes))

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not PartnerAccess.objects.exists()
    assert not PartnerToken.objects.exists()


@override_settings(TWINNING={"WEBHOOK_ALLOW_PRIVATE_URLS": False})
def test_a_webhook_on_loopback_is_refused_with_a_clear_message(editor, tubingen):
    response = editor.post(
        reverse("partner_accounts:add"),
        form_data(tubingen, webhook_url="http://127.0.0.1/hooks"),
    )

    assert response.status_code == 200
    errors = response.context["form"].errors["webhook_url"]
    assert errors
    field = (
        soup_of(response).find(attrs={"name": "webhook_url"}).find_parent("div", class_="w-field")
    )
    assert errors[0] in text_of(field)
    assert not PartnerAccess.objects.exists()


def test_adding_a_webhook_later_shows_the_new_secret_once(editor, tubingen_partner, tubingen):
    access = tubingen_partner.access

    response = editor.post(
        edit_url(access),
        form_data(tubingen, webhook_url="http://localhost:8009/twinning"),
        follow=True,
    )

    access.refresh_from_db()
    assert access.webhook_secret
    assert access.webhook_secret in response.content.decode()
    assert not TOKEN.search(response.content.decode())  # the token stays as it was
    assert access.webhook_secret not in editor.get(edit_url(access)).content.decode()


def test_rotate_shows_the_new_token_once_and_the_old_one_keeps_working(
    editor, client, tubingen_partner
):
    access = tubingen_partner.access

    response = editor.post(reverse("partner_accounts:rotate", args=[access.pk]), follow=True)

    token = TOKEN.search(response.content.decode())[0]
    assert token != tubingen_partner.token
    assert "The previous tokens keep working until" in text_of(soup_of(response))
    assert client.get(ACCOUNT, **bearer(token)).status_code == 200
    assert client.get(ACCOUNT, **tubingen_partner.auth).status_code == 200
    assert token not in editor.get(response.redirect_chain[-1][0]).content.decode()
    assert token not in editor.get(edit_url(access)).content.decode()


def test_revoke_stops_every_token(editor, client, tubingen_partner):
    access = tubingen_partner.access

    response = editor.post(reverse("partner_accounts:revoke", args=[access.pk]), follow=True)

    assert "Every token of Tübingen is revoked" in text_of(soup_of(response))
    assert client.get(ACCOUNT, **tubingen_partner.auth).status_code == 401


def test_new_webhook_secret_is_shown_once(editor, tubingen):
    partner = make_partner(tubingen, webhook_url="http://localhost:8009/twinning")

    response = editor.post(
        reverse("partner_accounts:new_secret", args=[partner.access.pk]), follow=True
    )

    partner.access.refresh_from_db()
    assert partner.access.webhook_secret != partner.secret
    assert partner.access.webhook_secret in response.content.decode()
    reloaded = editor.get(response.redirect_chain[-1][0]).content.decode()
    assert partner.access.webhook_secret not in reloaded


def test_token_actions_need_post(editor, tubingen_partner):
    response = editor.get(reverse("partner_accounts:revoke", args=[tubingen_partner.access.pk]))

    assert response.status_code == 302
    assert PartnerToken.objects.filter(revoked_at__isnull=True).count() == 1


def test_editors_without_the_permission_cannot_see_accounts_or_tokens(
    client, django_user_model, tubingen_partner
):
    user = django_user_model.objects.create_user("moderator", password="x")
    group = Group.objects.create(name="Sans comptes")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    log_in_editor(client, user)
    access = tubingen_partner.access

    assert client.get(reverse("partner_accounts:index")).status_code in (302, 403)
    response = client.post(reverse("partner_accounts:rotate", args=[access.pk]))
    assert response.status_code in (302, 403)
    assert PartnerToken.objects.count() == 1


def test_the_account_page_sends_a_test_event_and_links_its_log_and_widget(
    editor, tubingen, django_capture_on_commit_callbacks
):
    from tests.twinning.partners.receivers import Receiver, signature_valid

    with Receiver() as receiver:
        partner = make_partner(tubingen, webhook_url=receiver.url)
        page = soup_of(editor.get(edit_url(partner.access)))
        [ping] = [
            form["action"] for form in page.select("form") if "Send a test event" in text_of(form)
        ]
        links = {text_of(link): link["href"] for link in page.select("a[href]")}
        with django_capture_on_commit_callbacks(execute=True):
            response = editor.post(ping)
        [received] = receiver.wait_for(1)

    assert response.status_code == 302
    assert received.event["type"] == "ping"
    assert signature_valid(received, partner.secret)
    log = links["Webhook deliveries"]
    assert log == f"{reverse('webhook_deliveries:index')}?access={partner.access.pk}"
    assert "ping" in editor.get(log).content.decode()
    widget = links["Widget for partners"]
    assert editor.get(widget).status_code == 200
    assert widget.endswith(f"?partner={tubingen.pk}")
