"""E-mail settings from the environment, and an honest answer when mail cannot leave.

Without any setting Django sends to an SMTP server on localhost:25, and the password reset
form swallows the failure: the user is told a mail is on its way when nothing was sent.
"""

import logging
import smtplib
from collections.abc import Mapping
from urllib.parse import parse_qs, unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
OTHER_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}
DEFAULT_TIMEOUT = 10
TRUE_VALUES = {"1", "true", "yes", "on"}


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in TRUE_VALUES


def email_settings_from_url(url: str) -> dict:
    """Django's EMAIL_* settings from one URL.

    ``smtp://user:password@host:587/?tls=True`` (STARTTLS), ``smtps://…`` (TLS from the
    first byte, port 465), ``console:``, ``file:///path``, ``locmem:``, ``dummy:``. User
    and password are percent-decoded; ``?timeout=`` overrides EMAIL_TIMEOUT.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    if scheme in OTHER_BACKENDS:
        values = {"EMAIL_BACKEND": OTHER_BACKENDS[scheme]}
        if scheme == "file":
            values["EMAIL_FILE_PATH"] = unquote(parts.path)
        return values
    if scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured(
            f"EMAIL_URL: unknown scheme {scheme!r} (smtp, smtps, {', '.join(OTHER_BACKENDS)})."
        )
    use_ssl = scheme == "smtps" or _flag(query.get("ssl"))
    use_tls = not use_ssl and _flag(query.get("tls"))
    try:
        port = parts.port or (465 if use_ssl else 587 if use_tls else 25)
        values = {
            "EMAIL_BACKEND": SMTP_BACKEND,
            "EMAIL_HOST": parts.hostname or "localhost",
            "EMAIL_PORT": port,
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_TLS": use_tls,
            "EMAIL_USE_SSL": use_ssl,
        }
        if "timeout" in query:
            values["EMAIL_TIMEOUT"] = int(query["timeout"])
    except ValueError as error:
        raise ImproperlyConfigured(f"EMAIL_URL: {error}") from error
    return values


def email_settings_from_env(environ: Mapping[str, str]) -> dict:
    """EMAIL_URL, else EMAIL_HOST and its companions, else nothing but the timeout.

    With nothing configured Django's defaults stay in place, and ``check --deploy``
    warns (see ``check_email_configured``). The timeout (10 s by default) applies in every
    case: a dead mail server must not hold a request for minutes.
    """
    if environ.get("EMAIL_URL"):
        values = email_settings_from_url(environ["EMAIL_URL"])
    elif environ.get("EMAIL_HOST"):
        use_ssl = _flag(environ.get("EMAIL_USE_SSL"))
        use_tls = not use_ssl and _flag(environ.get("EMAIL_USE_TLS"))
        values = {
            "EMAIL_BACKEND": SMTP_BACKEND,
            "EMAIL_HOST": environ["EMAIL_HOST"],
            "EMAIL_PORT": int(
                environ.get("EMAIL_PORT") or (465 if use_ssl else 587 if use_tls else 25)
            ),
            "EMAIL_HOST_USER": environ.get("EMAIL_HOST_USER", ""),
            "EMAIL_HOST_PASSWORD": environ.get("EMAIL_HOST_PASSWORD", ""),
            "EMAIL_USE_TLS": use_tls,
            "EMAIL_USE_SSL": use_ssl,
        }
    else:
        values = {}
    values.setdefault("EMAIL_TIMEOUT", int(environ.get("EMAIL_TIMEOUT", DEFAULT_TIMEOUT)))
    return values


class MailServerUnavailable(Exception):
    """The configured mail backend could not be opened (refused, timed out, bad login)."""


def check_mail_server() -> None:
    """Open and close a connection with the configured mail backend.

    Most real failures (server down, wrong port, TLS, credentials) happen here rather than
    while sending one message, so this tells whether mail can leave at all, whatever the
    recipient. Logged, then raised as MailServerUnavailable.
    """
    from django.core.mail import get_connection

    connection = get_connection()
    try:
        connection.open()
    except (OSError, smtplib.SMTPException) as error:
        logger.error(
            "Mail could not be sent: the mail server %s:%s cannot be reached (%s: %s)",
            settings.EMAIL_HOST,
            settings.EMAIL_PORT,
            type(error).__name__,
            error,
        )
        raise MailServerUnavailable from error
    finally:
        connection.close()


def check_email_configured(app_configs=None, **kwargs) -> list:
    """Deployment check: mail is configured, or password resets go nowhere (and their
    users are told so, see cms.login_protection). Information rather than a warning: a
    site may run without mail, and `check --deploy --fail-level WARNING` must pass on the
    settings alone."""
    from django.core.checks import Info

    if settings.DEBUG or settings.is_overridden("EMAIL_BACKEND"):
        return []
    return [
        Info(
            "No e-mail server is configured: mail (password resets, partner notices) goes "
            "to an SMTP server on localhost:25, which usually does not exist.",
            hint=(
                "Set EMAIL_URL (e.g. smtp://user:password@mail.example.org:587/?tls=True) "
                "or EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD and "
                "EMAIL_USE_TLS; EMAIL_URL=smtp://localhost:25 if a local server is meant."
            ),
            id="cms.I201",
        )
    ]
