"""E-mail comes from the environment, and a password reset that cannot be mailed says so
to whoever asked, whether or not the address has an account."""

import logging
import socket
import socketserver
import threading
import time
from contextlib import contextmanager

from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

import pytest

from cms.email_settings import (
    SMTP_BACKEND,
    check_email_configured,
    email_settings_from_env,
    email_settings_from_url,
)

# Configuration from the environment --------------------------------------------------------


def test_smtp_url_with_starttls():
    assert email_settings_from_url("smtp://mailer:s3cret@mail.example.org:587/?tls=True") == {
        "EMAIL_BACKEND": SMTP_BACKEND,
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "mailer",
        "EMAIL_HOST_PASSWORD": "s3cret",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
    }


def test_smtps_url_uses_tls_from_the_first_byte_on_port_465():
    values = email_settings_from_url("smtps://mail.example.org")
    assert values["EMAIL_PORT"] == 465
    assert values["EMAIL_USE_SSL"] is True
    assert values["EMAIL_USE_TLS"] is False


def test_user_and_password_are_percent_decoded():
    values = email_settings_from_url("smtp://site%40example.org:p%40ss%3Aw%2Fd@mail.example.org")
    assert values["EMAIL_HOST_USER"] == "site@example.org"
    assert values["EMAIL_HOST_PASSWORD"] == "p@ss:w/d"
    assert values["EMAIL_PORT"] == 25


def test_timeout_in_the_url():
    assert email_settings_from_url("smtp://mail.example.org/?timeout=3")["EMAIL_TIMEOUT"] == 3


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("console:", "django.core.mail.backends.console.EmailBackend"),
        ("locmem:", "django.core.mail.backends.locmem.EmailBackend"),
        ("dummy:", "django.core.mail.backends.dummy.EmailBackend"),
    ],
)
def test_other_backends(url, backend):
    assert email_settings_from_url(url) == {"EMAIL_BACKEND": backend}


def test_file_backend_takes_its_folder_from_the_path():
    assert email_settings_from_url("file:///var/mail/site") == {
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": "/var/mail/site",
    }


@pytest.mark.parametrize("url", ["imap://mail.example.org", "smtp://mail.example.org:port"])
def test_a_wrong_url_refuses_to_start(url):
    with pytest.raises(ImproperlyConfigured):
        email_settings_from_url(url)


def test_separate_variables_when_there_is_no_url():
    values = email_settings_from_env(
        {
            "EMAIL_HOST": "mail.example.org",
            "EMAIL_HOST_USER": "mailer",
            "EMAIL_HOST_PASSWORD": "s3cret",
            "EMAIL_USE_TLS": "true",
        }
    )
    assert values == {
        "EMAIL_BACKEND": SMTP_BACKEND,
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "mailer",
        "EMAIL_HOST_PASSWORD": "s3cret",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 10,
    }


def test_the_url_wins_over_separate_variables():
    values = email_settings_from_env({"EMAIL_URL": "console:", "EMAIL_HOST": "mail.example.org"})
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"


def test_nothing_configured_keeps_djangos_defaults_but_bounds_the_wait():
    assert email_settings_from_env({}) == {"EMAIL_TIMEOUT": 10}
    assert email_settings_from_env({"EMAIL_TIMEOUT": "4"}) == {"EMAIL_TIMEOUT": 4}
    assert django_settings.EMAIL_TIMEOUT == 10


def test_deployment_check_notes_when_no_mail_server_is_configured(settings):
    settings.DEBUG = False
    assert not django_settings.is_overridden("EMAIL_BACKEND")
    assert [warning.id for warning in check_email_configured()] == ["cms.I201"]

    settings.EMAIL_BACKEND = SMTP_BACKEND
    assert check_email_configured() == []


# A password reset that cannot be mailed ------------------------------------------------------


class _SMTPStub(socketserver.StreamRequestHandler):
    """Just enough SMTP for smtplib: every command accepted, every message kept."""

    def reply(self, line):
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self):
        self.reply("220 stub ESMTP")
        message = None
        for raw in self.rfile:
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            if message is not None:
                if line == ".":
                    self.server.messages.append("\n".join(message))
                    message = None
                    self.reply("250 queued")
                else:
                    message.append(line)
                continue
            command = line[:4].upper()
            if command == "DATA":
                message = []
                self.reply("354 end with .")
            elif command == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 ok")


@contextmanager
def smtp_server():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SMTPStub)
    server.daemon_threads = True
    server.messages = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-12345")


def ask_reset(client, email):
    return client.post(
        reverse("wagtailadmin_password_reset"), {"email": email}, HTTP_ACCEPT_LANGUAGE="en"
    )


def use_smtp(settings, port, timeout=10):
    settings.EMAIL_BACKEND = SMTP_BACKEND
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = timeout


def test_the_reset_link_reaches_a_real_smtp_server(client, editor, settings):
    with smtp_server() as server:
        use_smtp(settings, server.server_address[1])

        response = ask_reset(client, "editor@example.org")

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_password_reset_done")
    assert len(server.messages) == 1
    assert "To: editor@example.org" in server.messages[0]
    assert "/admin/password_reset/confirm/" in server.messages[0]


@pytest.mark.parametrize("email", ["editor@example.org", "nobody@example.org"])
def test_a_mail_server_that_cannot_be_reached_is_reported_to_the_user(
    client, editor, settings, caplog, email
):
    """The same answer whether or not the address has an account: nothing to enumerate."""
    use_smtp(settings, closed_port())
    caplog.set_level(logging.ERROR, logger="cms.email_settings")

    response = ask_reset(client, email)

    assert response.status_code == 503
    assert "The e-mail could not be sent" in response.content.decode()
    assert any("cannot be reached" in record.getMessage() for record in caplog.records)


def test_a_mail_server_that_never_answers_does_not_hold_the_request(client, editor, settings):
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()  # accepts connections, never says a word
        use_smtp(settings, silent.getsockname()[1], timeout=1)

        started = time.monotonic()
        response = ask_reset(client, "editor@example.org")
        elapsed = time.monotonic() - started

    assert response.status_code == 503
    assert elapsed < 5
