import tempfile

from cms.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="twinning-test-media-")
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tasks run at once, in the test's process (the worker is tested on its own).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
TWINNING = {**TWINNING, "WEBHOOK_ALLOW_PRIVATE_URLS": True}  # noqa: F405  (loopback receivers)


# --- Faults ---
# A busy test machine's shared Redis may answer late: a spurious timeout would open the
# breaker and turn the next tests' cache hits into misses. Fault tests set their own.
if CACHES["default"]["BACKEND"] == "cms.cache.FailOpenRedisCache":  # noqa: F405
    CACHES["default"]["OPTIONS"]["socket_timeout"] = float(  # noqa: F405
        os.environ.get("REDIS_SOCKET_TIMEOUT", "2")  # noqa: F405
    )

# --- Login protection ---
# Axes stays on as in production: tests sign in with force_login or through the admin's
# form (client.login would need a request: axes refuses it). Mail stays in mail.outbox.

# --- Security headers ---
# The browser tests point the map at a closed loopback port (UNREACHABLE_TILES): its tiles
# must fail as a down tile server fails, not be blocked by the policy.
_directives = CONTENT_SECURITY_POLICY["DIRECTIVES"]  # noqa: F405
CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY,  # noqa: F405
    "DIRECTIVES": {**_directives, "img-src": [*_directives["img-src"], "http://127.0.0.1:9"]},
}
