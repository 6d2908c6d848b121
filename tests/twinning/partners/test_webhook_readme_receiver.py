"""The README's webhook receiver, run exactly as printed: it accepts the site's events and
refuses forged or replayed ones."""

import hashlib
import hmac
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests import factories
from tests.twinning.partners.conftest import make_partner
from twinning.partners.models import WebhookDelivery

README = Path(__file__).resolve().parents[3] / "README.md"
HEADING = "#### A webhook receiver in 20 lines"


def receiver_code() -> str:
    text = README.read_text(encoding="utf-8")
    section = text[text.index(HEADING) :]
    return re.search(r"```python\n(.*?)```", section, re.DOTALL)[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def readme_receiver(tmp_path):
    """The README's code in a process of its own, on a free port, with a secret."""
    script = tmp_path / "receiver.py"
    script.write_text(receiver_code(), encoding="utf-8")
    port, secret = free_port(), "whsec_readme-test-secret"
    env = {**os.environ, "PORT": str(port), "TWINNING_WEBHOOK_SECRET": secret}
    process = subprocess.Popen(
        [sys.executable, str(script)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("The README's receiver did not start.")
            time.sleep(0.05)
    yield process, f"http://127.0.0.1:{port}/", secret
    if process.poll() is None:
        process.terminate()
        process.wait(5)


def post(url: str, body: bytes, headers: dict) -> int:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def signed(secret: str, body: bytes, timestamp: int) -> dict:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return {
        "Content-Type": "application/json",
        "Twinning-Timestamp": str(timestamp),
        "Twinning-Signature": f"v1={mac.hexdigest()}",
    }


def test_the_readme_block_is_about_twenty_lines():
    lines = [line for line in receiver_code().splitlines() if line.strip()]
    assert len(lines) <= 22


@pytest.mark.django_db
def test_the_readme_receiver_accepts_the_sites_events_and_refuses_forged_or_old_ones(
    readme_receiver, tubingen, stories_index, django_capture_on_commit_callbacks
):
    process, url, secret = readme_receiver
    partner = make_partner(tubingen, languages=["fr"], webhook_url=url)
    partner.access.webhook_secret = secret  # the secret the receiver was given
    partner.access.save()
    story = factories.ExchangeStoryPageFactory(
        parent=stories_index, title="Chorale", partner_cities=[tubingen], live=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()

    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.response_code) == ("succeeded", 204)
    body = delivery.body.encode()
    now = int(time.time())

    # Forged: signed with another secret, or the body changed after signing.
    assert post(url, body, signed("not the secret", body, now)) == 401
    tampered = body.replace(b"page.published", b"page.deleted")
    assert tampered != body
    assert post(url, tampered, signed(secret, body, now)) == 401
    assert post(url, body, {"Content-Type": "application/json"}) == 401
    # Replayed: a genuine signature, but six minutes old.
    assert post(url, body, signed(secret, body, now - 360)) == 401
    # Delivered again (a retry): accepted, but handled once.
    assert post(url, body, signed(secret, body, now)) == 204

    process.terminate()
    output, _errors = process.communicate(timeout=5)
    assert output.splitlines() == [f"page.published {story.get_full_url()}"]
