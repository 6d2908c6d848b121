"""The delivery log: the partner's own, through the API with its token; every partner's, in
the admin, with "Send again" and "Send a test event"."""

import pytest

from tests import factories
from tests.twinning.partners.conftest import make_partner
from tests.twinning.partners.receivers import Receiver
from twinning.partners.models import WebhookDelivery

pytestmark = pytest.mark.django_db

LOG = "/api/v2/partner/webhooks/"
ADMIN = "/admin/webhook_deliveries/"


@pytest.fixture
def two_partners(tubingen, perugia, stories_index, django_capture_on_commit_callbacks):
    """Tübingen's receiver answers; Perugia's refuses every event (500)."""
    with Receiver() as good, Receiver(fail_times=100) as bad:
        tubingen_partner = make_partner(tubingen, languages=["fr"], webhook_url=good.url)
        perugia_partner = make_partner(perugia, languages=["fr"], webhook_url=bad.url)
        for title, cities in [("Chorale", [tubingen]), ("Jazz", [perugia, tubingen])]:
            story = factories.ExchangeStoryPageFactory(
                parent=stories_index, title=title, partner_cities=cities, live=False
            )
            with django_capture_on_commit_callbacks(execute=True):
                story.save_revision().publish()
        yield tubingen_partner, perugia_partner, good


def test_a_partner_reads_only_its_own_deliveries(client, two_partners):
    tubingen_partner, perugia_partner, _good = two_partners

    data = client.get(LOG, **tubingen_partner.auth).json()
    assert data["meta"] == {"total_count": 2, "next": None, "previous": None}
    assert [item["status"] for item in data["items"]] == ["succeeded", "succeeded"]
    newest = data["items"][0]
    assert newest["event"]["partner"]["title"] == "Tübingen"
    assert newest["event"]["id"] == newest["event_id"]
    assert newest["response_code"] == 204
    assert set(newest) == {
        "event_id",
        "type",
        "status",
        "attempts",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "response_code",
        "duration_ms",
        "error",
        "event",
    }
    mine = set(
        WebhookDelivery.objects.filter(access=tubingen_partner.access).values_list(
            "event_id", flat=True
        )
    )
    assert {item["event_id"] for item in data["items"]} == {str(key) for key in mine}

    perugia = client.get(LOG, {"status": "pending"}, **perugia_partner.auth).json()
    assert perugia["meta"]["total_count"] == 1
    [item] = perugia["items"]
    assert item["event"]["partner"]["title"] == "Pérouse"
    assert item["response_code"] == 500 and item["next_attempt_at"]
    assert client.get(LOG, {"status": "succeeded"}, **perugia_partner.auth).json()["items"] == []


def test_the_log_pages_and_checks_its_parameters(client, two_partners):
    tubingen_partner, _perugia, _good = two_partners
    page = client.get(LOG, {"limit": 1}, **tubingen_partner.auth).json()
    assert len(page["items"]) == 1
    assert page["meta"]["next"].startswith("http://testserver/api/v2/partner/webhooks/?")
    assert "offset=1" in page["meta"]["next"]

    for params, name in [
        ({"limit": "-1"}, "limit"),
        ({"offset": "x"}, "offset"),
        ({"status": "lost"}, "status"),
        ({"sort": "1"}, "sort"),
    ]:
        response = client.get(LOG, params, **tubingen_partner.auth)
        assert response.status_code == 400
        assert response.json()["parameter"] == name
        assert response.json()["message"]


def test_the_log_needs_the_partners_token(client, two_partners):
    response = client.get(LOG)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"]
    assert client.get(LOG, HTTP_AUTHORIZATION="Bearer nope").status_code == 401


def test_the_admin_log_lists_filters_and_shows_a_delivery(admin_client, two_partners):
    tubingen_partner, perugia_partner, _good = two_partners

    listing = admin_client.get(ADMIN)
    assert listing.status_code == 200
    html = listing.content.decode()
    every = WebhookDelivery.objects.order_by("-created_at", "-pk")
    links = [f"{ADMIN}inspect/{delivery.pk}/" for delivery in every]
    assert len(links) == 3
    assert [html.index(link) for link in links] == sorted(html.index(link) for link in links)
    assert "Pérouse" in html and "Tübingen" in html

    pending_only = admin_client.get(ADMIN, {"status": "pending"}).content.decode()
    pending = WebhookDelivery.objects.get(access=perugia_partner.access)
    assert [link for link in links if link in pending_only] == [f"{ADMIN}inspect/{pending.pk}/"]
    by_partner = admin_client.get(ADMIN, {"access": tubingen_partner.access.pk}).content.decode()
    assert sum(link in by_partner for link in links) == 2

    detail = admin_client.get(f"{ADMIN}inspect/{pending.pk}/").content.decode()
    assert str(pending.event_id) in detail
    assert "<td>500</td>" in detail  # the try, and what the receiver answered
    assert f'action="{ADMIN}send-again/{pending.pk}/"' in detail
    assert "&quot;partner&quot;" in detail  # the body sent


def test_send_again_from_the_admin_sends_the_same_event(
    admin_client, two_partners, django_capture_on_commit_callbacks
):
    tubingen_partner, _perugia, good = two_partners
    delivered = WebhookDelivery.objects.filter(access=tubingen_partner.access).last()
    with Receiver() as receiver:
        tubingen_partner.access.webhook_url = receiver.url
        tubingen_partner.access.save()
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(f"{ADMIN}send-again/{delivered.pk}/", follow=True)
        [received] = receiver.wait_for(1)

    assert response.redirect_chain[-1][0] == f"{ADMIN}inspect/{delivered.pk}/"
    delivered.refresh_from_db()
    assert delivered.attempt_log.count() == 2  # the first delivery, and this one
    assert received.headers["Twinning-Event-Id"] == str(delivered.event_id)
    assert received.body == delivered.body.encode()


def test_a_test_event_from_the_admin_reaches_the_receiver(
    admin_client, tubingen, django_capture_on_commit_callbacks
):
    with Receiver() as receiver:
        partner = make_partner(tubingen, languages=["de"], webhook_url=receiver.url)
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(f"{ADMIN}ping/{partner.access.pk}/", follow=True)
        [received] = receiver.wait_for(1)

    ping = WebhookDelivery.objects.get(event_type="ping")
    assert response.redirect_chain[-1][0] == f"{ADMIN}inspect/{ping.pk}/"
    assert str(ping.event_id) in response.content.decode()
    assert received.event["type"] == "ping"
    assert received.event["page"] is None
    assert received.event["partner"]["wikidata_id"] == "Q3806"


def test_editors_without_permission_cannot_send_again(client, two_partners, django_user_model):
    _tubingen, perugia_partner, _good = two_partners
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("editor", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    pending = WebhookDelivery.objects.get(access=perugia_partner.access)
    response = client.post(f"{ADMIN}send-again/{pending.pk}/")
    assert response.status_code in (302, 403)
    pending.refresh_from_db()
    assert pending.attempts == 1
