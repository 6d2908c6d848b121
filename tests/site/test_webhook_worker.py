"""Webhooks through the reference site's own queue: django-tasks-db and ``db_worker``.

Publishing only queues a task; the worker (``make run`` starts one) delivers it, and a
failed try is queued again for later (``run_after``), not retried at once.
Transactional: the worker reads committed rows, as it does beside the server.
"""

import datetime

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from tests import factories
from tests.twinning.partners.conftest import make_partner
from tests.twinning.partners.receivers import Receiver, signature_valid
from twinning.partners.models import WebhookDelivery

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
DELIVERY_TASK = "twinning.partners.delivery.deliver"


def run_worker() -> None:
    """``manage.py db_worker --batch``: run every task due, then stop."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0)


def queued_deliveries():
    return DBTaskResult.objects.filter(task_path=DELIVERY_TASK, status="READY")


def publish_story(stories_index, city):
    story = factories.ExchangeStoryPageFactory(
        parent=stories_index, title="Chorale à Tübingen", partner_cities=[city], live=False
    )
    story.save_revision().publish()
    return story


@override_settings(TASKS=DATABASE_QUEUE)
def test_publishing_only_queues_and_the_worker_delivers_the_signed_event(tubingen, stories_index):
    with Receiver() as receiver:
        partner = make_partner(tubingen, languages=["fr"], webhook_url=receiver.url)
        publish_story(stories_index, tubingen)

        [delivery] = WebhookDelivery.objects.all()
        assert (delivery.status, delivery.attempts, receiver.requests) == ("pending", 0, [])
        assert queued_deliveries().count() == 1

        run_worker()
        [received] = receiver.wait_for(1)

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("succeeded", 1, 204)
    assert signature_valid(received, partner.secret)
    assert received.event["id"] == str(delivery.event_id)
    assert not queued_deliveries().exists()


@override_settings(TASKS=DATABASE_QUEUE)
def test_a_failed_try_is_queued_again_for_later_then_delivered(tubingen, stories_index):
    with Receiver(fail_times=1, fail_status=503) as receiver:
        make_partner(tubingen, languages=["fr"], webhook_url=receiver.url)
        publish_story(stories_index, tubingen)
        run_worker()
        receiver.wait_for(1)

        delivery = WebhookDelivery.objects.get()
        assert (delivery.status, delivery.attempts, delivery.response_code) == ("pending", 1, 503)
        [retry] = queued_deliveries()
        # The next try waits its backoff (one to two minutes after the first failure).
        assert retry.run_after == delivery.next_attempt_at
        assert retry.run_after > timezone.now() + datetime.timedelta(seconds=50)

        run_worker()  # not due yet: nothing is sent
        assert len(receiver.requests) == 1

        now = timezone.now()
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=now)
        WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=now)
        run_worker()
        second = receiver.wait_for(2)[1]

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("succeeded", 2, 204)
    assert second.event["id"] == str(delivery.event_id)  # the same event: idempotency key
