"""``manage.py check`` says what a host must add, and where, before a reader meets a 500."""

import sys
import types

from django.apps import apps
from django.conf import settings
from django.core.checks import run_checks
from django.core.management import call_command
from django.test import override_settings

import wagtail_localize

import pytest

from twinning import checks, conf

# A URLconf without the partner API (ROOT_URLCONF of one test).
urlpatterns = []

LOCALE = "django.middleware.locale.LocaleMiddleware"
SESSION = "django.contrib.sessions.middleware.SessionMiddleware"
COMMON = "django.middleware.common.CommonMiddleware"
API_CACHE = "twinning.api.caching.APICacheMiddleware"


def ids(messages) -> list[str]:
    return [message.id for message in messages]


def twinning_messages():
    return [message for message in run_checks() if message.id.startswith("twinning.")]


def without_apps(monkeypatch, *names):
    """As if ``names`` were left out of INSTALLED_APPS, for the checks' questions.

    (Overriding INSTALLED_APPS itself would run every app's ready() again.)"""
    is_installed = apps.is_installed
    monkeypatch.setattr(apps, "is_installed", lambda name: name not in names and is_installed(name))


def middleware_without(*names):
    from django.conf import settings

    return [name for name in settings.MIDDLEWARE if name not in names]


def twinning(**values):
    from django.conf import settings

    return override_settings(TWINNING={**settings.TWINNING, **values})


# The reference site


def test_reference_settings_pass_every_check():
    call_command("check", fail_level="WARNING")
    assert twinning_messages() == []


# Apps


@pytest.mark.parametrize(
    ("app", "needed_by"),
    [
        ("wagtail.contrib.routable_page", "twinning"),
        ("wagtail.embeds", "twinning"),
        ("wagtail.documents", "twinning"),
        ("js_lib_leaflet", "twinning"),
        ("django_countries", "twinning"),
        ("rest_framework", "twinning.api"),
        ("wagtail.api.v2", "twinning.api"),
        ("wagtail_localize", "twinning.localize"),
    ],
)
def test_each_required_app_missing_is_an_error(monkeypatch, app, needed_by):
    without_apps(monkeypatch, app)

    messages = [m for m in checks.check_required_apps() if m.id == "twinning.E001"]

    [error] = messages
    assert f"'{needed_by}' needs '{app}'" in error.msg
    assert error.hint == f"Add '{app}' to INSTALLED_APPS."


def test_a_sub_app_without_the_content_app_is_an_error(monkeypatch):
    without_apps(monkeypatch, "twinning")

    assert "twinning.E002" in ids(checks.check_required_apps())


def test_wagtail_localize_without_the_workflow_warns_that_aliases_go_live(monkeypatch):
    without_apps(monkeypatch, "twinning.localize", "twinning.partners")

    [warning] = checks.check_required_apps()

    assert warning.id == "twinning.W003"
    assert "untranslated" in warning.hint and "'twinning.localize'" in warning.hint


def test_partner_exchange_without_the_api_is_an_error(monkeypatch):
    without_apps(monkeypatch, "twinning.api")

    errors = [message for message in checks.check_required_apps() if message.id == "twinning.E001"]

    assert ["'twinning.partners' needs 'twinning.api'" in error.msg for error in errors] == [True]


# Internationalisation


@override_settings(USE_I18N=False)
def test_i18n_turned_off_is_an_error():
    assert ids(checks.check_i18n()) == ["twinning.E010"]


@override_settings(WAGTAIL_I18N_ENABLED=False)
def test_wagtail_i18n_turned_off_is_an_error():
    assert ids(checks.check_i18n()) == ["twinning.E011"]


# Middleware


def test_missing_locale_middleware_is_an_error():
    with override_settings(MIDDLEWARE=middleware_without(LOCALE)):
        messages = checks.check_middleware()
    assert ids(messages) == ["twinning.E020"]
    assert SESSION in messages[0].hint and COMMON in messages[0].hint


def test_api_cache_before_the_locale_middleware_is_an_error():
    middleware = middleware_without(API_CACHE)
    middleware.insert(middleware.index(LOCALE), API_CACHE)
    with override_settings(MIDDLEWARE=middleware):
        [error] = checks.check_middleware()
    assert error.id == "twinning.E021"
    assert error.hint == f"Move '{API_CACHE}' to right after '{LOCALE}' in MIDDLEWARE."


def test_api_cache_after_the_common_middleware_warns():
    middleware = middleware_without(API_CACHE)
    middleware.insert(middleware.index(COMMON) + 1, API_CACHE)
    with override_settings(MIDDLEWARE=middleware):
        [warning] = checks.check_middleware()
    assert warning.id == "twinning.W022"
    assert COMMON in warning.msg


def test_api_without_its_cache_middleware_is_reported_as_information():
    with override_settings(MIDDLEWARE=middleware_without(API_CACHE)):
        [info] = checks.check_middleware()
    assert info.id == "twinning.I023"
    assert info.is_serious() is False


# API cache paths


def test_api_cache_paths_missing_the_api_mount_warn_with_the_mount():
    with twinning(API_CACHE_PATHS=["/partner-api/"]):
        [warning] = checks.check_api_cache_paths()
    assert warning.id == "twinning.W030"
    assert warning.hint == "Set TWINNING['API_CACHE_PATHS'] = ['/api/v2/'] in your settings."


def test_api_cache_paths_are_not_checked_when_the_api_is_not_mounted():
    with twinning(API_CACHE_PATHS=["/partner-api/"]), override_settings(ROOT_URLCONF=__name__):
        assert checks.check_api_cache_paths() == []


# The TWINNING dict


def test_unknown_twinning_key_is_an_error_naming_the_nearest_one():
    with twinning(API_CACHE_PATH=["/api/"]):
        assert conf.unknown_keys() == ["API_CACHE_PATH"]
        [error] = checks.check_twinning_settings()
    assert error.id == "twinning.E040"
    assert "Did you mean 'API_CACHE_PATHS'?" in error.hint
    assert "BULK_SEGMENT_REFRESH" in error.hint


def test_api_cache_paths_given_as_a_string_is_an_error():
    with twinning(API_CACHE_PATHS="/api/"):
        [error] = checks.check_twinning_settings()
    assert error.id == "twinning.E042"
    assert "list of path prefixes" in error.msg


@pytest.mark.parametrize(
    ("name", "value"),
    [("STORIES_PER_PAGE", "12"), ("API_CACHE_MAX_AGE", True), ("LOCALIZE_ALL_PAGE_TYPES", 1)],
)
def test_twinning_values_of_the_wrong_type_are_errors(name, value):
    with twinning(**{name: value}):
        assert ids(checks.check_twinning_settings()) == ["twinning.E042"]


@override_settings(TWINNING=[("API_CACHE_PATHS", ["/api/"])])
def test_twinning_that_is_not_a_dict_is_an_error():
    assert ids(checks.check_twinning_settings()) == ["twinning.E041"]


# The host's base template


def test_missing_base_template_is_an_error():
    with twinning(BASE_TEMPLATE="no-such-base.html"):
        [error] = checks.check_base_template()
    assert error.id == "twinning.E050"
    assert "'no-such-base.html'" in error.msg


def test_blocks_missing_from_the_base_template_are_listed(monkeypatch):
    module = types.ModuleType("twinning.public.base_template")
    module.missing_blocks = lambda template_name: ["extra_head"]
    monkeypatch.setitem(sys.modules, "twinning.public.base_template", module)

    [warning] = checks.check_base_template()

    assert warning.id == "twinning.W051"
    assert "{% block extra_head %}{% endblock %}" in warning.hint


# The bulk segment refresh


def test_bulk_refresh_on_an_unverified_wagtail_localize_warns_it_is_not_used(monkeypatch):
    monkeypatch.setattr(wagtail_localize, "VERSION", (1, 15, 0, "final", 0))

    [warning] = checks.check_bulk_segment_refresh()

    assert warning.id == "twinning.W060"
    assert "wagtail-localize's own refresh_segments is kept" in warning.msg
    assert "1.14.x" in warning.msg and "1.15.0" in warning.msg


def test_bulk_refresh_asked_for_without_the_workflow_app_warns(monkeypatch):
    without_apps(monkeypatch, "twinning.localize")

    assert ids(checks.check_bulk_segment_refresh()) == ["twinning.W061"]


def test_bulk_refresh_not_asked_for_is_silent_on_any_release(monkeypatch):
    monkeypatch.setattr(wagtail_localize, "VERSION", (1, 15, 0, "final", 0))
    with twinning(BULK_SEGMENT_REFRESH=False):
        assert checks.check_bulk_segment_refresh() == []


def test_bulk_refresh_is_installed_at_start_only_when_asked_for():
    from twinning.localize import segment_refresh, signal_handlers

    try:
        segment_refresh.uninstall()
        with twinning(BULK_SEGMENT_REFRESH=False):
            signal_handlers.connect()
        assert not segment_refresh.is_installed()
        with twinning(BULK_SEGMENT_REFRESH=True):
            signal_handlers.connect()
        assert segment_refresh.is_installed()
    finally:
        segment_refresh.install()


def test_api_without_atomic_admin_writes_warns_unless_requests_are_atomic():
    atomic_admin = checks.ATOMIC_ADMIN_MIDDLEWARE
    with override_settings(MIDDLEWARE=middleware_without(atomic_admin)):
        [warning] = checks.check_middleware()
    assert warning.id == "twinning.W024"
    assert atomic_admin in warning.hint

    atomic_databases = {
        alias: {**config, "ATOMIC_REQUESTS": True} for alias, config in settings.DATABASES.items()
    }
    with override_settings(MIDDLEWARE=middleware_without(atomic_admin), DATABASES=atomic_databases):
        assert checks.check_middleware() == []
