"""System checks of the plugin's requirements on its host (``manage.py check``).

Each check reads the settings when it runs, so ``override_settings`` reaches it. Messages
are not translated, as Django's own checks are not.
"""

import difflib
from collections.abc import Mapping

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Info, Tags, Warning, register
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse

from twinning import conf

LOCALE_MIDDLEWARE = "django.middleware.locale.LocaleMiddleware"
API_CACHE_MIDDLEWARE = "twinning.api.caching.APICacheMiddleware"
ATOMIC_ADMIN_MIDDLEWARE = "twinning.api.atomic_admin.AtomicAdminWritesMiddleware"
# Middleware that an API cache hit has no use for: the cache answers before them.
AFTER_API_CACHE = (
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
)

# App -> why the plugin needs it.
REQUIRED_APPS = {
    "twinning": {
        "wagtail.contrib.routable_page": (
            "the partner index's map and timeline views and their links "
            "(templates load wagtailroutablepage_tags)"
        ),
        "wagtail.embeds": "the embed block of stories and content pages",
        "wagtail.documents": "the documents block of calls for projects",
        "django_countries": "the partner cities' country names, translated",
        "js_lib_leaflet": "the script and styles of the partner map",
    },
    "twinning.api": {
        "wagtail.api.v2": "the partner API's endpoints",
        "rest_framework": "the partner API's views and renderers",
    },
    "twinning.localize": {
        "wagtail_localize": "every part of the translation workflow",
    },
    "twinning.partners": {
        "twinning.api": "the partner endpoints and the changes that webhooks announce",
        "twinning.localize": "the PO files partners send back",
    },
}

# Expected type of each TWINNING key, checked where it is cheap.
SETTING_TYPES = {
    "PUBLIC_BASE_URL": str,
    "API_CACHE_MAX_AGE": int,
    "API_CACHE_PATHS": (list, tuple),
    "CHANGES_RETENTION_DAYS": int,
    "MAP_TILE_URL": str,
    "MAP_TILE_ATTRIBUTION": str,
    "API_IMAGE_WIDTHS": (list, tuple),
    "STORIES_PER_PAGE": int,
    "BASE_TEMPLATE": str,
    "LOCALIZE_ALL_PAGE_TYPES": bool,
    "BULK_SEGMENT_REFRESH": bool,
    "WEBHOOK_ALLOW_PRIVATE_URLS": bool,
    "WEBHOOK_TIMEOUT": (int, float),
    "WEBHOOK_MAX_ATTEMPTS": int,
    "PARTNER_TOKEN_OVERLAP_HOURS": int,
    "PARTNER_UPLOAD_MAX_BYTES": int,
    "PARTNER_UPLOADS_PER_HOUR": int,
}

# Settings that must be above zero, and the shape the error message asks for.
POSITIVE_SETTINGS = {
    "CHANGES_RETENTION_DAYS": "a number of days from 1 up, such as 90",
    "WEBHOOK_TIMEOUT": "a number of seconds above 0, such as 10",
    "WEBHOOK_MAX_ATTEMPTS": "a number of tries from 1 up, such as 8",
    "PARTNER_TOKEN_OVERLAP_HOURS": "a number of hours from 1 up, such as 72",
    "PARTNER_UPLOAD_MAX_BYTES": "a number of bytes from 1 up, such as 2000000",
    "PARTNER_UPLOADS_PER_HOUR": "a number of uploads from 1 up, such as 60",
}


def type_name(expected) -> str:
    types = expected if isinstance(expected, tuple) else (expected,)
    return " or ".join(kind.__name__ for kind in types)


@register(Tags.compatibility, "twinning")
def check_required_apps(app_configs=None, **kwargs):
    messages = []
    for app, required in REQUIRED_APPS.items():
        if not apps.is_installed(app):
            continue
        if app != "twinning" and not apps.is_installed("twinning"):
            messages.append(
                Error(
                    f"'{app}' is installed without 'twinning'.",
                    hint=f"Add 'twinning' to INSTALLED_APPS, next to '{app}'.",
                    id="twinning.E002",
                )
            )
        for name, use in required.items():
            if not apps.is_installed(name):
                messages.append(
                    Error(
                        f"'{app}' needs '{name}' in INSTALLED_APPS, for {use}.",
                        hint=f"Add '{name}' to INSTALLED_APPS.",
                        id="twinning.E001",
                    )
                )
    if apps.is_installed("wagtail_localize") and not apps.is_installed("twinning.localize"):
        messages.append(
            Warning(
                "wagtail_localize is installed without 'twinning.localize'.",
                hint=(
                    "Add 'twinning.localize' to INSTALLED_APPS. "
                    "Without it, translating a page of a synchronised language tree puts "
                    "the translation live at once, untranslated (the live alias it replaces "
                    "is converted in place), and Sync translated pages publishes whatever "
                    "the user's permissions."
                ),
                id="twinning.W003",
            )
        )
    return messages


@register(Tags.compatibility, "twinning")
def check_i18n(app_configs=None, **kwargs):
    messages = []
    if not settings.USE_I18N:
        messages.append(
            Error(
                "USE_I18N is False: the plugin serves its pages in several languages.",
                hint="Set USE_I18N = True in your settings.",
                id="twinning.E010",
            )
        )
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        messages.append(
            Error(
                "WAGTAIL_I18N_ENABLED is not True: partner content is kept in one page "
                "tree per language.",
                hint=(
                    "Set WAGTAIL_I18N_ENABLED = True and WAGTAIL_CONTENT_LANGUAGES in your "
                    "settings."
                ),
                id="twinning.E011",
            )
        )
    return messages


@register(Tags.compatibility, "twinning")
def check_middleware(app_configs=None, **kwargs):
    messages = []
    middleware = list(settings.MIDDLEWARE or [])
    if LOCALE_MIDDLEWARE not in middleware:
        messages.append(
            Error(
                f"'{LOCALE_MIDDLEWARE}' is not in MIDDLEWARE: readers would get every page "
                "in the default language.",
                hint=(
                    f"Add '{LOCALE_MIDDLEWARE}' to MIDDLEWARE, after "
                    "'django.contrib.sessions.middleware.SessionMiddleware' and before "
                    "'django.middleware.common.CommonMiddleware'."
                ),
                id="twinning.E020",
            )
        )
    if API_CACHE_MIDDLEWARE in middleware:
        position = middleware.index(API_CACHE_MIDDLEWARE)
        if LOCALE_MIDDLEWARE in middleware and position < middleware.index(LOCALE_MIDDLEWARE):
            messages.append(
                Error(
                    f"'{API_CACHE_MIDDLEWARE}' comes before '{LOCALE_MIDDLEWARE}': cached API "
                    "responses would be served in the wrong language.",
                    hint=(
                        f"Move '{API_CACHE_MIDDLEWARE}' to right after '{LOCALE_MIDDLEWARE}' "
                        "in MIDDLEWARE."
                    ),
                    id="twinning.E021",
                )
            )
        before = [name for name in AFTER_API_CACHE if name in middleware[:position]]
        if before:
            messages.append(
                Warning(
                    f"'{API_CACHE_MIDDLEWARE}' comes after {', '.join(before)}: every API "
                    "cache hit goes through them first.",
                    hint=(
                        f"Move '{API_CACHE_MIDDLEWARE}' to right after '{LOCALE_MIDDLEWARE}', "
                        f"before '{AFTER_API_CACHE[0]}', in MIDDLEWARE."
                    ),
                    id="twinning.W022",
                )
            )
    elif apps.is_installed("twinning.api"):
        messages.append(
            Info(
                f"'{API_CACHE_MIDDLEWARE}' is not in MIDDLEWARE: the partner API answers "
                "from its cache only after URL resolution and the rest of the middleware.",
                hint=(
                    f"Add '{API_CACHE_MIDDLEWARE}' to MIDDLEWARE, right after "
                    f"'{LOCALE_MIDDLEWARE}'."
                ),
                id="twinning.I023",
            )
        )
    if (
        apps.is_installed("twinning.api")
        and ATOMIC_ADMIN_MIDDLEWARE not in middleware
        and not any(db.get("ATOMIC_REQUESTS") for db in settings.DATABASES.values())
    ):
        messages.append(
            Warning(
                f"'{ATOMIC_ADMIN_MIDDLEWARE}' is not in MIDDLEWARE: a page published in the "
                "admin commits before the partner changes feed records it, and a failure "
                "between the two would hide the change from partners.",
                hint=f"Add '{ATOMIC_ADMIN_MIDDLEWARE}' to MIDDLEWARE (or set ATOMIC_REQUESTS).",
                id="twinning.W024",
            )
        )
    return messages


@register(Tags.urls, "twinning")
def check_api_cache_paths(app_configs=None, **kwargs):
    """The cache middleware's prefixes must cover where the host mounted the API."""
    if not apps.is_installed("twinning.api") or API_CACHE_MIDDLEWARE not in settings.MIDDLEWARE:
        return []
    prefixes = conf.get("API_CACHE_PATHS")
    if not isinstance(prefixes, (list, tuple)):
        return []  # twinning.E042 says so
    try:
        url = reverse("wagtailapi:pages:listing")
    except NoReverseMatch:
        return []  # the API is not mounted (yet): nothing to compare with
    if any(isinstance(prefix, str) and url.startswith(prefix) for prefix in prefixes):
        return []
    mount = url.removesuffix("pages/")
    return [
        Warning(
            f"TWINNING['API_CACHE_PATHS'] ({list(prefixes)!r}) does not cover the partner API, "
            f"mounted at {mount}: its responses are not answered from the cache.",
            hint=f"Set TWINNING['API_CACHE_PATHS'] = [{mount!r}] in your settings.",
            id="twinning.W030",
        )
    ]


@register(Tags.compatibility, "twinning")
def check_twinning_settings(app_configs=None, **kwargs):
    configured = getattr(settings, "TWINNING", None)
    if configured is None:
        return []
    if not isinstance(configured, Mapping):
        return [
            Error(
                f"TWINNING must be a dict, not {type(configured).__name__}.",
                hint="Set TWINNING = {...} in your settings (see the plugin's README).",
                id="twinning.E041",
            )
        ]
    messages = []
    known = sorted(conf.DEFAULTS)
    for name in conf.unknown_keys():
        nearest = difflib.get_close_matches(name, known, n=1)
        suggestion = f"Did you mean '{nearest[0]}'? " if nearest else ""
        messages.append(
            Error(
                f"Unknown TWINNING setting '{name}'.",
                hint=f"{suggestion}The plugin reads: {', '.join(known)}.",
                id="twinning.E040",
            )
        )
    for name, expected in SETTING_TYPES.items():
        value = configured.get(name)
        if value in (None, ""):
            continue  # the default applies
        wrong = not isinstance(value, expected) or (expected is int and isinstance(value, bool))
        if not wrong and name == "API_CACHE_PATHS":
            wrong = not all(isinstance(prefix, str) for prefix in value)
        if not wrong and name in POSITIVE_SETTINGS:
            wrong = value <= 0 or isinstance(value, bool)
        if not wrong and name == "API_IMAGE_WIDTHS":
            wrong = not all(type(width) is int and width > 0 for width in value)
        if wrong:
            shape = {
                "API_CACHE_PATHS": "a list of path prefixes such as '/api/'",
                "API_IMAGE_WIDTHS": "a list of widths in pixels such as [320, 640, 960]",
                **POSITIVE_SETTINGS,
            }.get(name, "")
            messages.append(
                Error(
                    f"TWINNING['{name}'] must be {shape or type_name(expected)}, not {value!r}.",
                    hint=(
                        f"Set TWINNING['{name}'] to {shape or 'a ' + type_name(expected)}, "
                        f"or leave it out for the default ({conf.DEFAULTS[name]!r})."
                    ),
                    id="twinning.E042",
                )
            )
    return messages


@register(Tags.templates, "twinning")
def check_base_template(app_configs=None, **kwargs):
    name = conf.get("BASE_TEMPLATE")
    if not isinstance(name, str):
        return []  # twinning.E042 says so
    try:
        get_template(name)
    except TemplateDoesNotExist:
        return [
            Error(
                f"The base template '{name}' (TWINNING['BASE_TEMPLATE']), which the plugin's "
                "pages extend, is not found.",
                hint=(
                    f"Create '{name}' in a template directory (TEMPLATES' DIRS or an app's "
                    "templates/), or set TWINNING['BASE_TEMPLATE'] to your site's base template."
                ),
                id="twinning.E050",
            )
        ]
    except TemplateSyntaxError as error:
        return [
            Error(
                f"The base template '{name}' (TWINNING['BASE_TEMPLATE']) does not compile: {error}",
                hint=f"Fix the syntax error in '{name}'.",
                id="twinning.E050",
            )
        ]
    try:
        from twinning.public.base_template import missing_blocks
    except ImportError:
        return []
    missing = sorted(missing_blocks(name))
    if not missing:
        return []
    return [
        Warning(
            f"The base template '{name}' has no block {', '.join(missing)}: what the plugin's "
            "pages put there is not shown.",
            hint=(
                f"Add {' '.join('{% block ' + block + ' %}{% endblock %}' for block in missing)} "
                f"where it belongs in '{name}'."
            ),
            id="twinning.W051",
        )
    ]


@register(Tags.compatibility, "twinning")
def check_bulk_segment_refresh(app_configs=None, **kwargs):
    if not conf.get("BULK_SEGMENT_REFRESH"):
        return []
    if not apps.is_installed("twinning.localize") or not apps.is_installed("wagtail_localize"):
        return [
            Warning(
                "TWINNING['BULK_SEGMENT_REFRESH'] is True, but 'twinning.localize' is not "
                "installed: wagtail-localize's own refresh_segments is kept.",
                hint=(
                    "Add 'twinning.localize' to INSTALLED_APPS, or leave "
                    "TWINNING['BULK_SEGMENT_REFRESH'] out."
                ),
                id="twinning.W061",
            )
        ]
    import wagtail_localize

    from twinning.localize import segment_refresh

    if segment_refresh.is_supported():
        return []
    supported = ".".join(map(str, segment_refresh.SUPPORTED_VERSION))
    installed = ".".join(map(str, wagtail_localize.VERSION[:3]))
    return [
        Warning(
            f"TWINNING['BULK_SEGMENT_REFRESH'] was verified on wagtail-localize {supported}.x, "
            f"not {installed}: wagtail-localize's own refresh_segments is kept.",
            hint=(
                f"Install wagtail-localize {supported}.x for the bulk refresh, or set "
                "TWINNING['BULK_SEGMENT_REFRESH'] = False to silence this."
            ),
            id="twinning.W060",
        )
    ]


@register(Tags.compatibility)
def check_verified_wagtail(app_configs=None, **kwargs) -> list:
    """Wagtail's internals the plugin uses for speed were verified on this release."""
    from twinning import wagtail_internals

    if wagtail_internals.verified():
        return []
    return [
        Warning(
            wagtail_internals.unverified_message(),
            hint="Use a release of the plugin verified on this Wagtail version.",
            id="twinning.W090",
        )
    ]
