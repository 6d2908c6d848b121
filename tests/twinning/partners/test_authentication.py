"""Partner tokens: what a partner's integration meets when its token is missing, wrong,
expired or revoked, and what a valid one shows (its account, nothing more of the site)."""

import datetime

from django.core.cache import cache
from django.utils import timezone

import pytest

from tests import factories
from tests.twinning.api.helpers import restrict
from twinning.partners import tokens
from twinning.partners.models import PartnerToken

from .conftest import make_partner

pytestmark = pytest.mark.django_db

ACCOUNT = "/api/v2/partner/"


@pytest.fixture(autouse=True)
def fresh_cache():
    """Public API responses are cached: no test sees another's."""
    cache.clear()
    yield
    cache.clear()


def assert_refused(response):
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["message"]


def test_no_token_is_refused_with_a_json_401(client):
    response = client.get(ACCOUNT)

    assert_refused(response)
    assert "Authorization: Bearer" in response.json()["message"]


@pytest.mark.parametrize(
    "header",
    [
        "Bearer",
        "Bearer not-a-token",
        "Basic dHViaW5nZW46c2VjcmV0",
        f"Bearer {tokens.generate()}",  # well formed, never issued
    ],
    ids=["empty", "malformed", "other scheme", "unknown"],
)
def test_malformed_or_unknown_tokens_are_refused(client, tubingen_partner, header):
    assert_refused(client.get(ACCOUNT, HTTP_AUTHORIZATION=header))


def test_a_mistyped_token_is_refused(client, tubingen_partner):
    token = tubingen_partner.token
    mistyped = token[:-8] + ("A" if token[-8] != "A" else "B") + token[-7:]

    assert_refused(client.get(ACCOUNT, HTTP_AUTHORIZATION=f"Bearer {mistyped}"))


def test_revoked_token_is_refused(client, tubingen_partner):
    tokens.revoke(tubingen_partner.access)

    assert_refused(client.get(ACCOUNT, **tubingen_partner.auth))


def test_expired_token_is_refused(client, tubingen_partner):
    PartnerToken.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))

    assert_refused(client.get(ACCOUNT, **tubingen_partner.auth))


def test_inactive_account_is_refused(client, tubingen_partner):
    tubingen_partner.access.is_active = False
    tubingen_partner.access.save()

    assert_refused(client.get(ACCOUNT, **tubingen_partner.auth))


def test_a_valid_token_records_when_it_was_used(client, tubingen_partner):
    before = timezone.now()

    assert client.get(ACCOUNT, **tubingen_partner.auth).status_code == 200

    token = PartnerToken.objects.get()
    assert token.last_used_at >= before


def test_the_account_endpoint_shows_the_partners_own_account(client, tubingen):
    partner = make_partner(
        tubingen,
        languages=["de", "en"],
        events=["page.published"],
        webhook_url="https://hooks.tuebingen.example/twinning",
    )

    response = client.get(ACCOUNT, HTTP_HOST="localhost", **partner.auth)

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    data = response.json()
    assert data["partner"] == {
        "id": tubingen.pk,
        "title": "Tübingen",
        "wikidata_id": "Q3806",
        "api_url": f"http://localhost/api/v2/pages/{tubingen.pk}/",
        "html_url": "http://localhost/fr/villes-partenaires/tubingen/",
    }
    assert data["contact_name"] == "Anna Keller"
    assert data["languages"] == ["de", "en"]
    assert data["events"] == ["page.published"]
    assert data["webhook_url"] == "https://hooks.tuebingen.example/twinning"
    assert data["active"] is True
    assert data["token"]["prefix"] == partner.token[: tokens.SHOWN_LENGTH]
    assert data["token"]["expires_at"] is None
    assert data["token"]["last_used_at"] is not None
    assert "secret" not in response.content.decode()
    assert partner.secret not in response.content.decode()


def test_the_account_of_an_unpublished_city_has_no_urls(client, tubingen_partner, tubingen):
    tubingen.unpublish()

    data = client.get(ACCOUNT, **tubingen_partner.auth).json()

    assert data["partner"]["title"] == "Tübingen"
    assert data["partner"]["api_url"] is None
    assert data["partner"]["html_url"] is None


def test_the_account_endpoint_only_answers_get(client, tubingen_partner):
    response = client.post(ACCOUNT, {}, **tubingen_partner.auth)

    assert response.status_code == 405
    assert response.json()["message"]


def test_the_account_endpoint_answers_json_for_a_missing_token_on_post(client):
    assert_refused(client.post(ACCOUNT, {}))


def test_a_token_shows_no_more_of_the_site_than_anonymous_readers_see(
    client, tubingen_partner, stories_index, story
):
    draft = factories.ExchangeStoryPageFactory(
        parent=stories_index, title="Brouillon", slug="brouillon", live=False
    )
    private = factories.ExchangeStoryPageFactory(
        parent=stories_index, title="Réservé", slug="reserve"
    )
    restrict(private)
    listing = "/api/v2/pages/?type=twinning.ExchangeStoryPage&fields=title"

    anonymous = client.get(listing, HTTP_HOST="localhost")
    cache.clear()
    with_token = client.get(listing, HTTP_HOST="localhost", **tubingen_partner.auth)

    assert anonymous.status_code == with_token.status_code == 200
    assert with_token.json() == anonymous.json()
    titles = [item["title"] for item in with_token.json()["items"]]
    assert titles == ["Étudiants à Tübingen"]
    for secret in (draft, private):
        response = client.get(f"/api/v2/pages/{secret.pk}/", **tubingen_partner.auth)
        assert response.status_code == 404
