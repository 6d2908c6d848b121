"""The production settings refuse a weak secret key and pass Django's deployment checks.

Each case starts Python in a subprocess with an environment of its own, as a server would
start: settings are read once, at import.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ONE_YEAR = 365 * 24 * 60 * 60
HELP = 'python -c "import secrets; print(secrets.token_urlsafe(50))"'


def strong_key() -> str:
    return secrets.token_urlsafe(50)


def run_python(args: list[str], **env: str) -> subprocess.CompletedProcess:
    """Python in the project with the production settings and only the given variables set."""
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "EMAIL_"))
    }
    environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        # Never connected to by these checks: production only refuses to run without one.
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/hardening_db",
        **env,
    )
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=120
    )


def production_settings(*names: str, **env: str) -> dict:
    """The named production settings, as a server started with ``env`` would have them."""
    code = (
        "import json, cms.settings.production as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {names!r}}}))"
    )
    result = run_python(["-c", code], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_deploy_check_passes_with_a_strong_key():
    result = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_SECRET_KEY=strong_key(),
        EMAIL_URL="smtp://mail.example.org:587/?tls=True",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_deploy_check_passes_without_mail_but_says_so():
    result = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_SECRET_KEY=strong_key(),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "cms.I201" in result.stderr  # the check command prints its findings there


@pytest.mark.parametrize(
    "weak_key",
    [
        pytest.param("changeme", id="known-weak-value"),
        pytest.param(strong_key()[:49], id="49-characters"),
        pytest.param("django-insecure-" + strong_key(), id="django-insecure-prefix"),
        pytest.param("x" * 50, id="50-identical-characters"),
        pytest.param("abcd" * 20, id="four-distinct-characters"),
    ],
)
def test_weak_secret_key_refuses_to_start_and_says_how_to_make_one(weak_key):
    result = run_python(["-c", "import cms.settings.production"], DJANGO_SECRET_KEY=weak_key)
    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY is too weak" in result.stderr
    assert HELP in result.stderr


def test_weak_fallback_key_refuses_to_start():
    result = run_python(
        ["-c", "import cms.settings.production"],
        DJANGO_SECRET_KEY=strong_key(),
        DJANGO_SECRET_KEY_FALLBACKS=f"{strong_key()},changeme",
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY_FALLBACKS is too weak" in result.stderr


def test_previous_keys_are_kept_as_fallbacks_for_key_rotation():
    old, older = strong_key(), strong_key()
    found = production_settings(
        "SECRET_KEY_FALLBACKS",
        DJANGO_SECRET_KEY=strong_key(),
        DJANGO_SECRET_KEY_FALLBACKS=f"{old}, {older}",
    )
    assert found["SECRET_KEY_FALLBACKS"] == [old, older]


def test_https_is_required_by_default():
    found = production_settings(
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SECURE_PROXY_SSL_HEADER",
        "SECURE_REDIRECT_EXEMPT",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "CSRF_COOKIE_SAMESITE",
        DJANGO_SECRET_KEY=strong_key(),
    )
    assert found == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": ONE_YEAR,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": False,
        "SECURE_HSTS_PRELOAD": False,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SECURE_REDIRECT_EXEMPT": [r"^healthz$", r"^readyz$"],
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SAMESITE": "Lax",
    }


def test_plain_http_on_a_loopback_address_is_configured_from_the_environment():
    found = production_settings(
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        DJANGO_SECRET_KEY=strong_key(),
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_HSTS_SECONDS="0",
        DJANGO_SECURE_COOKIES="false",
    )
    assert found == {
        "SECURE_SSL_REDIRECT": False,
        "SECURE_HSTS_SECONDS": 0,
        "SESSION_COOKIE_SECURE": False,
        "CSRF_COOKIE_SECURE": False,
    }


def test_hsts_duration_subdomains_and_preload_come_from_the_environment():
    found = production_settings(
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        DJANGO_SECRET_KEY=strong_key(),
        DJANGO_HSTS_SECONDS="63072000",
        DJANGO_HSTS_INCLUDE_SUBDOMAINS="true",
        DJANGO_HSTS_PRELOAD="true",
    )
    assert found == {
        "SECURE_HSTS_SECONDS": 63072000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
    }


REQUESTS = """
import json, django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="localhost")
answers = {}
for path, proto in [("/fr/", "http"), ("/healthz", "http"), ("/healthz", "https")]:
    response = client.get(path, HTTP_X_FORWARDED_PROTO=proto)
    answers[f"{proto} {path}"] = [
        response.status_code,
        response.get("Location"),
        response.get("Strict-Transport-Security"),
    ]
print(json.dumps(answers))
"""


def test_plain_http_is_redirected_to_https_except_the_health_probe():
    result = run_python(["-c", REQUESTS], DJANGO_SECRET_KEY=strong_key())
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout.splitlines()[-1])
    assert answers["http /fr/"][:2] == [301, "https://localhost/fr/"]
    assert answers["http /healthz"][:2] == [200, None]
    # Browsers are told to keep to HTTPS only in answers that came over HTTPS.
    assert answers["http /healthz"][2] is None
    assert answers["https /healthz"][2] == f"max-age={ONE_YEAR}"
