"""Settings shared by every environment. Deployment values come from the environment."""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "twinning",
    "twinning.api",
    "twinning.localize",
    "twinning.partners",
    "django_tasks",
    "django_tasks_db",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_countries",
    "js_lib_leaflet",
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # runserver serves static files through WhiteNoise too, with its CORS header: the
    # partners' widget loads from other origins under `make run` as in production.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Partner API cache hits are answered here, before URL resolution and the rest.
    "twinning.api.caching.APICacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Admin writes commit together with the partner changes feed's log.
    "twinning.api.atomic_admin.AtomicAdminWritesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# SQLite is the embedded default; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}

# Local memory by default; Redis when REDIS_URL is set (see "Faults" below).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French is the source; the content locales come from one setting,
# overridable with TWINNING_LANGUAGES=fr,en,de,...
ALL_LANGUAGES = {
    "fr": _("French"),
    "en": _("English"),
    "de": _("German"),
    "it": _("Italian"),
    "es": _("Spanish"),
    "pt": _("Portuguese"),
    "hu": _("Hungarian"),
    "ja": _("Japanese"),
    "ar": _("Arabic"),
    "he": _("Hebrew"),
    "zh-hans": _("Simplified Chinese"),
}
LANGUAGE_CODE = "fr"
_content_languages = env_list("TWINNING_LANGUAGES", "fr,en,de,it,es,pt,hu,ja,ar")
if LANGUAGE_CODE not in _content_languages:
    _content_languages.insert(0, LANGUAGE_CODE)
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    (code, ALL_LANGUAGES.get(code, code)) for code in _content_languages
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
WAGTAIL_I18N_ENABLED = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Paris")
USE_TZ = True

# New translations start as drafts: a translator's work is published by a person.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Deleting a page only disables its translations: the translated strings are kept.
WAGTAILLOCALIZE_DISABLE_ON_DELETE = True


def machine_translator_from_env(environ=os.environ) -> dict | None:
    """wagtail-localize's machine translator: DeepL if DEEPL_API_KEY is set, else
    LibreTranslate if LIBRETRANSLATE_URL is set (LIBRETRANSLATE_API_KEY optional), else none."""
    timeout = int(environ.get("MACHINE_TRANSLATION_TIMEOUT", "10"))
    if environ.get("DEEPL_API_KEY"):
        return {
            "CLASS": "twinning.localize.machine_translators.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": environ["DEEPL_API_KEY"], "TIMEOUT": timeout},
        }
    if environ.get("LIBRETRANSLATE_URL"):
        return {
            "CLASS": "twinning.localize.machine_translators.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": environ["LIBRETRANSLATE_URL"].rstrip("/"),
                "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", ""),
                "TIMEOUT": timeout,
            },
        }
    return None


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env()

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Aix-en-Provence — villes partenaires")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": ("wagtail.search.backends.database"),
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]

# Partner sites read the API from their own origins: GET only, no credentials.
CORS_ALLOWED_ORIGINS = env_list("PARTNER_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
# Let partners' scripts read the validator they send back in If-None-Match.
CORS_EXPOSE_HEADERS = ["ETag"]

# The partner API: lists of up to 100 items (Wagtail's default is 20). Its responses are
# kept in the "default" cache above (local memory, or Redis) for its TIMEOUT (300 s by
# default) and retired at once when content changes; TWINNING["API_CACHE_MAX_AGE"] is the
# max-age partners and CDNs may keep them.
WAGTAILAPI_LIMIT_MAX = int(os.environ.get("API_LIMIT_MAX", "100"))

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# Background tasks (webhook deliveries, search index updates) are queued in the database and
# run by `manage.py db_worker` (`make run` starts one beside the server).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Mail to partner contacts (webhooks failing for good, translations reviewed).
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")

# The plugin's own settings, resolved lazily by twinning.conf.
TWINNING = {
    "PUBLIC_BASE_URL": os.environ.get("PUBLIC_BASE_URL", ""),
    "API_CACHE_MAX_AGE": int(os.environ.get("API_CACHE_MAX_AGE", "300")),
    "MAP_TILE_URL": os.environ.get(
        "MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    ),
    # Aix's own home page is translated through the same workflow as the plugin's pages.
    "LOCALIZE_ALL_PAGE_TYPES": True,
    "BULK_SEGMENT_REFRESH": True,
}

STATICFILES_DIRS = [BASE_DIR / "cms" / "static"]


# ---------------------------------------------------------------------------------------
# Faults: the cache fails open, the database answers or gives up quickly.
# ---------------------------------------------------------------------------------------

# Redis when REDIS_URL is set, failing open (cms/cache.py): with Redis down or frozen the
# site is served uncached. One attempt costs at most the socket timeouts (seconds); after a
# failure Redis is left alone for REDIS_BREAKER_SECONDS. Writes dropped meanwhile may have
# been invalidations: the API cache is retired when Redis answers again.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "cms.cache.FailOpenRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "twinning"),
            "OPTIONS": {
                "socket_timeout": float(os.environ.get("REDIS_SOCKET_TIMEOUT", "0.25")),
                "socket_connect_timeout": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.25")),
                "BREAKER_SECONDS": float(os.environ.get("REDIS_BREAKER_SECONDS", "10")),
                "ON_RECOVERY": ["twinning.api.caching.bump_generation"],
            },
        }
    }

# PostgreSQL gives up connecting after DATABASE_CONNECT_TIMEOUT seconds (libpq's minimum is
# 2) and cancels a statement after DATABASE_STATEMENT_TIMEOUT milliseconds. SQLite keeps
# its own lock timeout (5 s).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _database_options = DATABASES["default"].setdefault("OPTIONS", {})
    _database_options.setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "2"))
    )
    # 0 sends no startup option at all (for a pooler that refuses them, e.g. PgBouncer).
    _statement_timeout = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "30000"))
    if _statement_timeout:
        _database_options["options"] = (
            f"{_database_options.get('options', '')} -c statement_timeout={_statement_timeout}"
        ).strip()

# ---------------------------------------------------------------------------------------
# Login protection (django-axes) and e-mail from the environment.
# ---------------------------------------------------------------------------------------
from datetime import timedelta  # noqa: E402

from cms.email_settings import email_settings_from_env  # noqa: E402

INSTALLED_APPS += ["axes"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Axes turns a refused sign-in into its lockout page: it wants to be the last middleware.
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]

# The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies of our own the
# address they appended to X-Forwarded-For (the N-th from the right; the rest is forgeable).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = RATELIMIT_IP_META_KEY = "cms.login_protection.client_ip"

# Admin sign-in: a username at one address is paused after LOGIN_FAILURE_LIMIT failures, an
# address (any usernames: password spraying) after LOGIN_IP_FAILURE_LIMIT, both for
# LOGIN_COOLOFF_MINUTES. Never a username everywhere: anyone could lock every editor out.
# Failures are kept in the database, shared by every worker.
AXES_HANDLER = "cms.login_protection.LoginAttemptsHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_IP_FAILURE_LIMIT = int(os.environ.get("LOGIN_IP_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cms.login_protection.lockout_response"
# Axes masks the username and address in its log lines by default: they are what an
# administrator needs to read there. Passwords are never logged.
AXES_SENSITIVE_PARAMETERS = []

# Admin password reset: requests per address and per client, counted in the cache. With
# the cache unavailable resets are not limited rather than refused.
PASSWORD_RESET_RATE_PER_ADDRESS = os.environ.get("PASSWORD_RESET_RATE_PER_ADDRESS", "5/h")
PASSWORD_RESET_RATE_PER_IP = os.environ.get("PASSWORD_RESET_RATE_PER_IP", "20/h")
RATELIMIT_FAIL_OPEN = True

# E-mail: EMAIL_URL (smtp://user:password@host:587/?tls=True, smtps://…, console:) or
# EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS/EMAIL_USE_SSL;
# EMAIL_TIMEOUT (10 s), SERVER_EMAIL. Unset in production: `check --deploy` says so.
globals().update(email_settings_from_env(os.environ))
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# ---------------------------------------------------------------------------------------
# Private media: documents and images of restricted collections.
# ---------------------------------------------------------------------------------------
# Documents are always served by Wagtail's view (/documents/<id>/<file name>), which
# checks the privacy of their collection, whatever the storage: never a link to the file
# under /media/documents/, which a web server would hand to anyone.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# ---------------------------------------------------------------------------------------
# Media storage: MEDIA_ROOT, or a bucket of S3-compatible object storage.
# ---------------------------------------------------------------------------------------


def media_storage_from_env(environ=os.environ) -> dict | None:
    """Uploads in a bucket when MEDIA_STORAGE_BUCKET is set (django-storages: the "s3" extra),
    so that several app servers share them; None keeps them in MEDIA_ROOT.

    Objects are written without an ACL: the bucket's policy makes images/ and
    original_images/ readable by anyone and keeps documents/ private (only Wagtail's view,
    with these credentials, reads them). Image URLs are plain, never signed: the pages and
    API responses holding them are kept by the edge cache, where a signature would expire.
    A name already taken gets a suffix rather than replacing another upload's file.
    """
    bucket = environ.get("MEDIA_STORAGE_BUCKET", "").strip()
    if not bucket:
        return None
    options = {
        "bucket_name": bucket,
        "default_acl": None,
        "querystring_auth": False,
        "file_overwrite": False,
        # A file's name never changes content (see file_overwrite): 30 days, as nginx.
        "object_parameters": {"CacheControl": "max-age=2592000"},
    }
    for option, name in (
        ("endpoint_url", "MEDIA_STORAGE_ENDPOINT_URL"),  # any S3-compatible service
        ("region_name", "MEDIA_STORAGE_REGION"),
        ("custom_domain", "MEDIA_STORAGE_CUSTOM_DOMAIN"),  # the public host of image URLs
        ("location", "MEDIA_STORAGE_PREFIX"),  # a folder of the bucket
        ("addressing_style", "MEDIA_STORAGE_ADDRESSING_STYLE"),  # "path" for some services
        # Unset: boto3's own chain (AWS_* variables, the machine's role).
        ("access_key", "MEDIA_STORAGE_ACCESS_KEY_ID"),
        ("secret_key", "MEDIA_STORAGE_SECRET_ACCESS_KEY"),
    ):
        if environ.get(name, "").strip():
            options[option] = environ[name].strip()
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


if _media_storage := media_storage_from_env():
    STORAGES["default"] = _media_storage

# ---------------------------------------------------------------------------------------
# Security headers: Content-Security-Policy (django-csp), Permissions-Policy.
# ---------------------------------------------------------------------------------------
from csp.constants import NONE, SELF, UNSAFE_INLINE  # noqa: E402

from twinning.public.csp import map_tile_sources  # noqa: E402


def content_security_policy(map_tile_url: str, frame_sources: list[str]) -> dict:
    """The policy of every page but the admin's and the API's (django-csp 4 format).

    Scripts come from this site only, never from inline code or attributes; no nonce, which
    would differ with each response whereas the edge cache shares one among readers (the
    pages' inline ``<script>`` elements are JSON data blocks, which are not executed). Styles come from this site too; only ``style`` attributes are allowed inline
    (the timeline positions its bars with ``style="--offset: …"``): an attribute styles one
    element and cannot hold the selectors that CSS injection reads data with, whereas a
    ``<style>`` element can, so ``'unsafe-inline'`` stays out of ``style-src`` itself.
    Leaflet positions the map through the CSSOM, which a policy does not restrict. Images:
    this site, ``data:`` URLs (Leaflet's and the admin's icons) and the map's tile server.
    Frames: the video providers of the embeds. No other site may frame a page (the partners'
    widget is a script, not a frame).
    """
    return {
        # Wagtail's admin runs inline scripts; the API answers JSON, which no browser runs.
        "EXCLUDE_URL_PREFIXES": ["/admin/", "/api/"],
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF],
            "style-src": [SELF],
            "style-src-attr": [UNSAFE_INLINE],
            "img-src": [SELF, "data:", *map_tile_sources(map_tile_url)],
            "connect-src": [SELF],
            "frame-src": [SELF, *frame_sources],
            "object-src": [NONE],
            "base-uri": [SELF],
            "form-action": [SELF],
            # Only this site may frame its pages: the admin's live preview does, and Wagtail
            # runs the previewed page through this middleware under the page's own URL.
            "frame-ancestors": [SELF],
        },
    }


INSTALLED_APPS += ["csp"]
CONTENT_SECURITY_POLICY = content_security_policy(
    TWINNING["MAP_TILE_URL"],
    env_list(
        "CSP_FRAME_SOURCES",
        "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com",
    ),
)

# Browser features the site never uses are denied to it and to anything it embeds. The
# map shows where the cities are, never where the reader is: no geolocation. Fullscreen,
# autoplay and picture-in-picture stay with their defaults for embedded videos.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Both right after SecurityMiddleware, so that every response leaves with its headers.
_after_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE[_after_security:_after_security] = [
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
]

# ---------------------------------------------------------------------------------------
# Edge cache: Varnish with xkey in front of the site (docs/deploy/varnish), purged by tag.
# ---------------------------------------------------------------------------------------
# EDGE_PURGE_URLS: the Varnish instances' base URLs, comma separated (the VCL takes purges
# from loopback only); unset, no edge: nothing is purged and pages are not marked for
# shared caches. EDGE_MAX_AGE: seconds browsers keep a public page; EDGE_S_MAXAGE: the
# edge, until purged.
INSTALLED_APPS += ["twinning.edge"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("twinning.api.caching.APICacheMiddleware") + 1,
    "twinning.edge.middleware.EdgeCacheMiddleware",
)
TWINNING["EDGE_PURGE_URLS"] = env_list("EDGE_PURGE_URLS")
TWINNING["EDGE_MAX_AGE"] = int(os.environ.get("EDGE_MAX_AGE", "60"))
TWINNING["EDGE_S_MAXAGE"] = int(os.environ.get("EDGE_S_MAXAGE", "86400"))
