"""Deliveries that fail: retried with backoff under the same event id, given up after eight
tries with one e-mail to the partner, sent again on request; a receiver that hangs holds up
neither publishing nor other partners."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.db.models import F
from django.utils import translation
from django.utils.translation import gettext

import pytest

from tests import factories
from tests.twinning.partners.conftest import make_partner
from tests.twinning.partners.receivers import Receiver, signature_valid
from twinning.partners import delivery
from twinning.partners.models import WebhookAttempt, WebhookDelivery

pytestmark = pytest.mark.django_db


def publish_story(stories_index, cities, title="Chorale"):
    story = factories.ExchangeStoryPageFactory(
        parent=stories_index, title=title, partner_cities=cities, live=False
    )
    story.save_revision().publish()
    return story


def time_passes(delta: datetime.timedelta) -> None:
    """Every pending try comes ``delta`` sooner, as if that much time had gone by."""
    WebhookDelivery.objects.filter(next_attempt_at__isnull=False).update(
        next_attempt_at=F("next_attempt_at") - delta
    )


def send_due() -> None:
    call_command("partner_webhooks", "send-due", verbosity=0)


def test_a_receiver_failing_twice_gets_the_event_on_the_third_try_with_the_same_id(
    tubingen, stories_index, django_capture_on_commit_callbacks
):
    with Receiver(fail_times=2) as receiver:
        partner = make_partner(tubingen, languages=["fr"], webhook_url=receiver.url)
        with django_capture_on_commit_callbacks(execute=True):
            publish_story(stories_index, [tubingen])
        found = WebhookDelivery.objects.get()
        assert (found.status, found.attempts, found.response_code) == ("pending", 1, 500)
        first_wait = found.next_attempt_at - found.last_attempt_at
        assert datetime.timedelta(minutes=1) <= first_wait <= datetime.timedelta(minutes=2)

        send_due()  # not due yet
        assert len(receiver.requests) == 1

        time_passes(first_wait)
        send_due()
        found.refresh_from_db()
        assert (found.status, found.attempts) == ("pending", 2)
        second_wait = found.next_attempt_at - found.last_attempt_at
        assert datetime.timedelta(minutes=4) <= second_wait <= datetime.timedelta(minutes=8)

        time_passes(second_wait)
        send_due()
        requests = receiver.wait_for(3)

    found.refresh_from_db()
    assert (found.status, found.attempts, found.response_code) == ("succeeded", 3, 204)
    assert found.next_attempt_at is None
    assert len(requests) == 3
    assert {r.headers["Twinning-Event-Id"] for r in requests} == {str(found.event_id)}
    assert {r.body for r in requests} == {found.body.encode()}
    assert all(signature_valid(r, partner.secret) for r in requests)
    assert [a.response_code for a in WebhookAttempt.objects.filter(delivery=found)] == [
        500,
        500,
        204,
    ]
    assert "500" in WebhookAttempt.objects.filter(delivery=found).first().error
    assert mail.outbox == []


def test_after_eight_tries_the_delivery_fails_and_the_contact_is_emailed_once(
    tubingen, stories_index, django_capture_on_commit_callbacks
):
    with Receiver(fail_times=1000, fail_status=503) as receiver:
        make_partner(
            tubingen,
            languages=["fr"],
            webhook_url=receiver.url,
            contact_email="web@tuebingen.example",
        )
        with django_capture_on_commit_callbacks(execute=True):
            publish_story(stories_index, [tubingen])
        found = WebhookDelivery.objects.get()
        waits = []
        for _ in range(7):
            found.refresh_from_db()
            waits.append(found.next_attempt_at - found.last_attempt_at)
            time_passes(datetime.timedelta(hours=13))
            send_due()
        time_passes(datetime.timedelta(days=2))
        send_due()  # nothing left to try
        requests = receiver.wait_for(8)

    found.refresh_from_db()
    assert len(requests) == 8
    assert (found.status, found.attempts, found.response_code) == ("failed", 8, 503)
    assert found.next_attempt_at is None
    # About a day in all, longer waits each time (up to the cap).
    assert (
        datetime.timedelta(hours=17)
        < sum(waits, datetime.timedelta())
        < datetime.timedelta(hours=36)
    )
    assert waits[3] > waits[2] > waits[1] > waits[0]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["web@tuebingen.example"]
    assert str(found.event_id) in message.body
    assert "page.published" in message.body
    assert "503" in message.body
    assert receiver.url in message.subject


def test_send_again_delivers_the_same_event_again(
    tubingen, stories_index, django_capture_on_commit_callbacks
):
    with Receiver() as receiver:
        make_partner(tubingen, languages=["fr"], webhook_url=receiver.url)
        with django_capture_on_commit_callbacks(execute=True):
            publish_story(stories_index, [tubingen])
        found = WebhookDelivery.objects.get()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("partner_webhooks", "resend", str(found.event_id), verbosity=0)
        first, second = receiver.wait_for(2)

    assert first.headers["Twinning-Event-Id"] == second.headers["Twinning-Event-Id"]
    assert first.body == second.body
    found.refresh_from_db()
    assert (found.status, found.attempts) == ("succeeded", 1)
    assert found.attempt_log.count() == 2


def test_a_task_run_twice_sends_a_delivered_event_once(
    tubingen, stories_index, django_capture_on_commit_callbacks
):
    with Receiver() as receiver:
        make_partner(tubingen, languages=["fr"], webhook_url=receiver.url)
        with django_capture_on_commit_callbacks(execute=True):
            publish_story(stories_index, [tubingen])
        found = WebhookDelivery.objects.get()
        assert delivery.deliver.call(found.pk) == "succeeded"  # a worker's second run
        send_due()
    assert len(receiver.requests) == 1


def test_resend_refuses_an_unknown_event(db):
    from django.core.management.base import CommandError

    # Commands speak the site's language (LANGUAGE_CODE); the messages are checked in English.
    with translation.override("en"):
        with pytest.raises(CommandError, match="not an event id"):
            call_command("partner_webhooks", "resend", "nope")
        with pytest.raises(CommandError, match="no event"):
            call_command("partner_webhooks", "resend", "6f1d0a8e-2a1b-4c55-9a0e-3f1f2a7c9b10")


def webhook_tasks(backend) -> list:
    return [result for result in backend.results if result.task.func is delivery.deliver.func]


def test_a_hanging_receiver_delays_neither_publishing_nor_another_partner(
    tubingen, perugia, stories_index, settings, django_capture_on_commit_callbacks
):
    # Queued at once, as in the test project (django-tasks 0.7 would wait for a commit).
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "ENQUEUE_ON_COMMIT": False,
        }
    }
    settings.TWINNING = {**settings.TWINNING, "WEBHOOK_TIMEOUT": 1}
    with Receiver(hang=30) as hanging, Receiver() as healthy:
        slow = make_partner(tubingen, languages=["fr"], webhook_url=hanging.url)
        fine = make_partner(perugia, languages=["fr"], webhook_url=healthy.url)
        with django_capture_on_commit_callbacks(execute=True):
            publish_story(stories_index, [tubingen, perugia])

        # Publishing only queued one task per delivery: nothing was sent.
        backend = delivery.deliver.get_backend()
        assert len(webhook_tasks(backend)) == 2
        assert hanging.requests == [] and healthy.requests == []
        assert set(WebhookDelivery.objects.values_list("status", flat=True)) == {"pending"}

        # The worker runs them: the hanging receiver times out, the other is delivered.
        for result in webhook_tasks(backend):
            result.task.call(*result.args, **result.kwargs)

        slow_delivery = WebhookDelivery.objects.get(access=slow.access)
        fine_delivery = WebhookDelivery.objects.get(access=fine.access)
        assert len(healthy.requests) == 1
        assert len(hanging.wait_for(1)) == 1

    assert slow_delivery.status == "pending"
    assert slow_delivery.response_code is None
    timed_out = gettext("No answer within the time limit (timeout).")
    assert slow_delivery.error == slow_delivery.attempt_log.get().error == timed_out
    assert slow_delivery.next_attempt_at > slow_delivery.last_attempt_at
    # The next try is queued to run later (this backend can defer).
    assert [result.task.run_after is not None for result in webhook_tasks(backend)] == [
        False,
        False,
        True,
    ]
    assert fine_delivery.status == "succeeded"


def test_the_ping_command_sends_a_test_event_and_send_due_reports(
    tubingen, django_capture_on_commit_callbacks
):
    from io import StringIO

    with Receiver() as receiver:
        partner = make_partner(tubingen, languages=["de"], webhook_url=receiver.url)
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("partner_webhooks", "ping", "--id", str(partner.access.pk), stdout=out)
        [received] = receiver.wait_for(1)
    assert received.event["type"] == "ping"
    assert received.event["page"] is None
    assert received.headers["Twinning-Event-Id"] in out.getvalue()

    report = StringIO()
    call_command("partner_webhooks", "send-due", stdout=report)
    assert report.getvalue().startswith("0 ")
