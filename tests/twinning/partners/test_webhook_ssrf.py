"""Webhook URLs that would make the server call itself or its private network are refused,
when saved and again when delivering (the name may resolve elsewhere by then)."""

from django.core.exceptions import ValidationError

import pytest

from tests import factories
from tests.twinning.partners.conftest import make_partner
from tests.twinning.partners.receivers import Receiver
from twinning.partners.models import WebhookDelivery
from twinning.partners.network import validate_webhook_url


@pytest.fixture
def private_refused(settings):
    settings.TWINNING = {**settings.TWINNING, "WEBHOOK_ALLOW_PRIVATE_URLS": False}


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("http://127.0.0.1:8123/hooks", "127.0.0.1"),
        ("http://localhost:8123/hooks", "127.0.0.1"),  # a name resolving to loopback
        ("http://10.0.0.1/", "10.0.0.1"),
        ("http://192.168.1.20/", "192.168.1.20"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
        ("http://[::1]/", "::1"),
        ("http://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1"),
        ("http://100.64.0.7/", "100.64.0.7"),
        ("http://0.0.0.0/", "0.0.0.0"),
        ("http://224.0.0.1/", "224.0.0.1"),
        ("http://[2002:a00:1::1]/", "2002:a00:1::1"),  # 6to4 around 10.0.0.1
        ("http://[64:ff9b::7f00:1]/", "64:ff9b::7f00:1"),  # NAT64 around 127.0.0.1
        ("http://[fd12:3456::1]/", "fd12:3456::1"),
    ],
)
def test_private_addresses_are_refused_naming_the_address(private_refused, url, address):
    with pytest.raises(ValidationError) as refused:
        validate_webhook_url(url)
    assert refused.value.code == "private"
    message = refused.value.messages[0]
    assert address in message or (address == "127.0.0.1" and "::1" in message)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://example.org/hook", "scheme"),
        ("https://partner:hunter2@93.184.215.14/hook", "credentials"),
        ("http:///hook", "host"),
        ("https://no-such-host.invalid/hook", "unresolvable"),
    ],
)
def test_other_unfit_urls_are_refused_with_a_reason(private_refused, url, reason):
    with pytest.raises(ValidationError) as refused:
        validate_webhook_url(url)
    assert refused.value.code == reason
    assert refused.value.messages[0]
    assert "hunter2" not in refused.value.messages[0]  # credentials are never echoed


def test_an_unresolvable_host_is_named(private_refused):
    with pytest.raises(ValidationError, match="no-such-host.invalid"):
        validate_webhook_url("https://no-such-host.invalid/hook")


def test_a_public_address_is_accepted(private_refused):
    validate_webhook_url("https://93.184.215.14/twinning/hooks")


def test_loopback_is_accepted_where_private_urls_are_allowed(settings):
    settings.TWINNING = {**settings.TWINNING, "WEBHOOK_ALLOW_PRIVATE_URLS": True}
    validate_webhook_url("http://127.0.0.1:8123/hooks")
    validate_webhook_url("http://localhost:8123/hooks")


@pytest.mark.django_db
@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_a_url_saved_while_allowed_is_refused_at_delivery(
    tubingen, stories_index, settings, django_capture_on_commit_callbacks, host
):
    with Receiver() as receiver:
        make_partner(tubingen, languages=["fr"], webhook_url=f"http://{host}:{receiver.port}/hooks")
        settings.TWINNING = {**settings.TWINNING, "WEBHOOK_ALLOW_PRIVATE_URLS": False}
        story = factories.ExchangeStoryPageFactory(
            parent=stories_index, title="Chorale", partner_cities=[tubingen], live=False
        )
        with django_capture_on_commit_callbacks(execute=True):
            story.save_revision().publish()

    assert receiver.requests == []
    found = WebhookDelivery.objects.get()
    assert (found.status, found.attempts, found.response_code) == ("pending", 1, None)
    assert "127.0.0.1" in found.error  # why: the address it resolved to


@pytest.mark.django_db
def test_a_delivery_connects_to_the_checked_address_and_names_the_host(
    tubingen, stories_index, django_capture_on_commit_callbacks
):
    """The name is resolved once: the request goes to that address, with the name as Host."""
    with Receiver() as receiver:
        make_partner(
            tubingen, languages=["fr"], webhook_url=f"http://localhost:{receiver.port}/in?x=1"
        )
        story = factories.ExchangeStoryPageFactory(
            parent=stories_index, title="Chorale", partner_cities=[tubingen], live=False
        )
        with django_capture_on_commit_callbacks(execute=True):
            story.save_revision().publish()
        [received] = receiver.wait_for(1)

    assert received.headers["Host"] == f"localhost:{receiver.port}"
    assert received.path == "/in?x=1"
