"""Webhooks as a partner's receiver gets them: on publish, signed, for its city and in its
languages only."""

import time
import uuid

import pytest

from tests import factories
from tests.twinning.api.helpers import translate
from tests.twinning.partners.conftest import make_partner
from tests.twinning.partners.receivers import Receiver, signature_valid
from twinning.partners.models import WebhookDelivery

pytestmark = pytest.mark.django_db


def draft_story(stories_index, title, cities):
    return factories.ExchangeStoryPageFactory(
        parent=stories_index, title=title, partner_cities=cities, live=False
    )


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_a_story_naming_tubingen_is_posted_to_its_receiver_signed(
    tubingen, stories_index, django_capture_on_commit_callbacks
):
    with Receiver() as receiver:
        partner = make_partner(tubingen, languages=["fr", "de"], webhook_url=receiver.url)
        story = draft_story(stories_index, "Chorale à Tübingen", [tubingen])
        with django_capture_on_commit_callbacks(execute=True):
            publish(story)

        [received] = receiver.wait_for(1)

    assert received.path == "/hooks/twinning"
    assert signature_valid(received, partner.secret)
    assert not signature_valid(received, "another secret")
    headers = received.headers
    assert headers["Content-Type"] == "application/json"
    assert headers["User-Agent"] == "Twinning-Webhooks/1"
    assert abs(int(headers["Twinning-Timestamp"]) - time.time()) < 300
    event = received.event
    assert headers["Twinning-Event-Id"] == event["id"]
    uuid.UUID(event["id"])
    assert event["type"] == "page.published"
    assert event["occurred_at"].endswith("Z")
    assert event["partner"] == {"id": tubingen.pk, "wikidata_id": "Q3806", "title": "Tübingen"}
    assert event["page"] == {
        "id": story.pk,
        "type": "twinning.ExchangeStoryPage",
        "locale": "fr",
        "api_url": f"http://localhost/api/v2/pages/{story.pk}/",
        "html_url": story.get_full_url(),
    }
    assert event["page"]["html_url"].startswith("http://localhost/fr/")
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("succeeded", 1, 204)
    assert str(delivery.event_id) == event["id"]
    assert delivery.body.encode() == received.body


def test_a_story_naming_only_perugia_is_not_sent_to_tubingen(
    tubingen, perugia, stories_index, django_capture_on_commit_callbacks
):
    with Receiver() as tubingen_receiver, Receiver() as perugia_receiver:
        make_partner(tubingen, languages=["fr"], webhook_url=tubingen_receiver.url)
        make_partner(perugia, languages=["fr"], webhook_url=perugia_receiver.url)
        with django_capture_on_commit_callbacks(execute=True):
            publish(draft_story(stories_index, "Jazz à Pérouse", [perugia]))

        assert len(perugia_receiver.wait_for(1)) == 1
    assert tubingen_receiver.requests == []
    assert WebhookDelivery.objects.filter(access__partner=tubingen).count() == 0


def test_only_the_partners_languages_are_sent_and_a_translation_is_its_own_event(
    tubingen, stories_index, django_capture_on_commit_callbacks
):
    with Receiver() as receiver:
        make_partner(tubingen, languages=["de"], webhook_url=receiver.url)
        story = draft_story(stories_index, "Étudiants à Tübingen", [tubingen])
        with django_capture_on_commit_callbacks(execute=True):
            publish(story)  # in French: Tübingen asked for German only
        assert receiver.requests == []

        with django_capture_on_commit_callbacks(execute=True):
            german = translate(story, "de", title="Studierende in Tübingen")

        [received] = receiver.wait_for(1)
    event = received.event
    assert event["type"] == "translation.published"
    assert event["page"]["id"] == german.pk
    assert event["page"]["locale"] == "de"
    assert event["page"]["html_url"] == german.get_full_url()
    assert "/de/" in event["page"]["html_url"]


def test_an_unpublished_story_is_told_without_urls_and_only_wanted_events_are_sent(
    tubingen, stories_index, django_capture_on_commit_callbacks
):
    with Receiver() as receiver:
        make_partner(
            tubingen, languages=["fr"], events=["page.unpublished"], webhook_url=receiver.url
        )
        story = draft_story(stories_index, "Théâtre", [tubingen])
        with django_capture_on_commit_callbacks(execute=True):
            publish(story)  # not asked for
        with django_capture_on_commit_callbacks(execute=True):
            story.unpublish()

        [received] = receiver.wait_for(1)
    assert received.event["type"] == "page.unpublished"
    assert received.event["page"]["id"] == story.pk
    assert received.event["page"]["api_url"] is None
    assert received.event["page"]["html_url"] is None


def test_an_inactive_account_is_sent_nothing(
    tubingen, stories_index, django_capture_on_commit_callbacks
):
    with Receiver() as receiver:
        make_partner(tubingen, languages=["fr"], webhook_url=receiver.url, is_active=False)
        with django_capture_on_commit_callbacks(execute=True):
            publish(draft_story(stories_index, "Chorale", [tubingen]))
    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_publishing_many_stories_at_once_loads_the_accounts_once(
    tubingen, perugia, stories_index, django_assert_max_num_queries
):
    """A batch of changes costs the same few queries however many partners listen."""
    from twinning.api.models import Change
    from twinning.partners import dispatch

    for city in (tubingen, perugia):
        for _ in range(3):
            make_partner(city, languages=["fr"], webhook_url="http://127.0.0.1:9/")
    stories = [draft_story(stories_index, f"Récit {n}", [tubingen, perugia]) for n in range(5)]
    keys = f"|{tubingen.translation_key}|{perugia.translation_key}|"
    rows = [
        Change(
            object_id=story.pk,
            translation_key=story.translation_key,
            type="twinning.ExchangeStoryPage",
            locale="fr",
            action="unpublished",
            partners=keys,
        )
        for story in stories
    ]
    with django_assert_max_num_queries(4):  # accounts, sources, pages, one insert
        deliveries = dispatch.from_changes(rows)
    assert len(deliveries) == 30


def test_other_modules_emit_events_with_their_own_details(
    tubingen, stories_index, django_capture_on_commit_callbacks
):
    from twinning.partners.dispatch import emit

    story = draft_story(stories_index, "Chorale", [tubingen])
    with Receiver() as receiver:
        partner = make_partner(tubingen, languages=["de"], webhook_url=receiver.url)
        outcome = {"contribution": {"id": 7, "status": "approved", "comment": "Danke!"}}
        with django_capture_on_commit_callbacks(execute=True):
            emit(partner.access, "contribution.approved", obj=story, locale="de", extra=outcome)
        [received] = receiver.wait_for(1)

        partner.access.events = ["page.published"]
        partner.access.save()
        assert emit(partner.access, "contribution.approved", obj=story, extra=outcome) is None

    event = received.event
    assert event["type"] == "contribution.approved"
    assert event["contribution"] == outcome["contribution"]
    assert event["page"]["id"] == story.pk
    assert event["page"]["type"] == "twinning.ExchangeStoryPage"
    assert event["page"]["locale"] == "de"
    assert event["page"]["html_url"] is None  # a draft has no public address
