import os

from django.core.exceptions import ImproperlyConfigured

from cms.settings.base import *  # noqa: F403

DEBUG = False
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY in the environment.")

# Media stay where base.py put them (the media folder, or object storage: "Media storage").
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}


# ---------------------------------------------------------------------------------------
# Refusals at start: no DATABASE_URL (SQLite), a process-local cache with several workers.
# ---------------------------------------------------------------------------------------
import cms.checks  # noqa: E402, F401  (registers cms.W001: several workers, a per-process cache)

# Without DATABASE_URL, base.py falls back to a SQLite file beside the code: a server would
# fill it without anyone noticing. A single-server install that means it says so.
if not os.environ.get("DATABASE_URL") and not env_bool("ALLOW_SQLITE_IN_PRODUCTION"):  # noqa: F405
    raise ImproperlyConfigured(
        "Set DATABASE_URL in the environment (postgres://user:password@host:5432/name), "
        "or ALLOW_SQLITE_IN_PRODUCTION=true to run on the SQLite file "
        f"{DATABASES['default']['NAME']} on purpose."  # noqa: F405
    )

# ---------------------------------------------------------------------------------------
# Hardening: secret key strength, HTTPS (HSTS, SSL redirect behind the proxy), cookies.
# ---------------------------------------------------------------------------------------
from django.core.checks.security.base import (  # noqa: E402
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)


def require_strong_secret_key(name: str, key: str) -> None:
    """Refuse to start with a key that Django's own deploy check (W009, W025) calls weak.

    The same criteria, so that a key accepted here never makes ``check --deploy`` warn:
    at least 50 characters, 5 different ones, and not one that Django generated for
    development. Well-known weak values ("changeme", "secret") are all shorter than that.
    """
    if (
        len(key) < SECRET_KEY_MIN_LENGTH
        or len(set(key)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS
        or key.startswith(SECRET_KEY_INSECURE_PREFIX)
    ):
        raise ImproperlyConfigured(
            f"{name} is too weak: it needs at least {SECRET_KEY_MIN_LENGTH} characters, "
            f"{SECRET_KEY_MIN_UNIQUE_CHARACTERS} different ones, and no "
            f"'{SECRET_KEY_INSECURE_PREFIX}' prefix. Make one with: "
            'python -c "import secrets; print(secrets.token_urlsafe(50))"'
        )


# Key rotation: the new key in DJANGO_SECRET_KEY, the previous ones (comma-separated) in
# DJANGO_SECRET_KEY_FALLBACKS until the sessions and links signed with them have expired.
SECRET_KEY_FALLBACKS = env_list("DJANGO_SECRET_KEY_FALLBACKS")  # noqa: F405
require_strong_secret_key("DJANGO_SECRET_KEY", SECRET_KEY)  # noqa: F405
for _fallback in SECRET_KEY_FALLBACKS:
    require_strong_secret_key("DJANGO_SECRET_KEY_FALLBACKS", _fallback)

# HTTPS. TLS ends at the proxy, which says so in X-Forwarded-Proto (SECURE_PROXY_SSL_HEADER
# above): plain HTTP is redirected, browsers are told to use HTTPS only (HSTS, one year by
# default). A plain-HTTP run on a loopback address sets DJANGO_SECURE_SSL_REDIRECT=false,
# DJANGO_HSTS_SECONDS=0 and DJANGO_SECURE_COOKIES=false. Load balancers probe the health
# endpoints over plain HTTP: they are answered, not redirected.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)  # noqa: F405
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
# Both bind more than this site: includeSubDomains every host under its name, preload the
# whole domain in browsers' built-in lists, hard to undo. The domain's owner decides, so
# they are off unless set, and Django's reminders that they are off are silenced.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", False)  # noqa: F405
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)  # noqa: F405
SILENCED_SYSTEM_CHECKS = [
    *globals().get("SILENCED_SYSTEM_CHECKS", []),
    "security.W005",  # SECURE_HSTS_INCLUDE_SUBDOMAINS off: see above
    "security.W021",  # SECURE_HSTS_PRELOAD off: see above
]

# Cookies: over HTTPS only, the session's out of scripts' reach, not sent with other
# sites' cross-site requests (Lax keeps links from other sites signed in).
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = env_bool(  # noqa: F405
    "DJANGO_SECURE_COOKIES", True
)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = LANGUAGE_COOKIE_SAMESITE = "Lax"

# No address of this site (a preview link, a search) leaves it in the Referer header; no
# other site's window keeps a handle on a page opened from it.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
