"""A real browser against a live server: the system's Chromium driven by Playwright.

The whole folder is skipped when Playwright or Chromium is missing; CI installs both
(Debian's ``chromium`` package and the ``playwright`` wheel, never a downloaded browser).
Pages are built with factories in each test, on a transactional database: the server
runs in another thread and must see committed data.
"""

import datetime
import mimetypes
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connection, connections
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from wagtail.models import Locale, Page, Site

import pytest

from tests import factories
from tests.browser.artifacts import SCREENSHOTS

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Nothing listens on the discard port: tiles fail at once, as when the tile server is down.
UNREACHABLE_TILES = "http://127.0.0.1:9/{z}/{x}/{y}.png"
WIDTHS = {"phone": 360, "desktop": 1280}

# Transactional (the live server reads what the test commits), and the migration's home
# page and site restored before each test, since the previous one flushed them away.
browser_db = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    snapshots = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with pytest.MonkeyPatch.context() as patch:
        # Playwright's sync API keeps an event loop in this thread; the ORM calls that
        # tests make between browser steps are still plain synchronous code.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_api.sync_playwright() as playwright:
            # From here on this thread runs in Playwright's greenlet context, where Django's
            # connection handler holds new connection objects: give them the snapshot of
            # the migrated database that serialized_rollback restores before each test.
            for alias, snapshot in snapshots.items():
                connections[alias]._test_serialized_contents = snapshot
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
            yield browser
            browser.close()


@pytest.fixture(scope="module", autouse=True)
def database_left_as_migrated(django_db_blocker) -> Iterator[None]:
    """Put the migrated data (site, home page) back once the module's tests are done.

    Transactional tests end with a flush; tests that run after them without asking
    for serialized_rollback would otherwise find no home page.
    """
    yield
    with django_db_blocker.unblock():
        for alias in connections:
            connection = connections[alias]
            snapshot = getattr(connection, "_test_serialized_contents", None)
            if snapshot and not Page.objects.using(alias).exists():
                connection.creation.deserialize_db_from_string(snapshot)


def serve_media(route: Any) -> None:
    """Uploaded images, which the live server does not serve, read from MEDIA_ROOT."""
    path = route.request.url.split(django_settings.MEDIA_URL, 1)[1].split("?")[0]
    file = Path(django_settings.MEDIA_ROOT) / path
    if file.is_file():
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        route.fulfill(body=file.read_bytes(), content_type=content_type)
    else:
        route.fulfill(status=404, body="")


@pytest.fixture
def browser_context_options() -> dict[str, Any]:
    return {"viewport": {"width": WIDTHS["desktop"], "height": 900}}


@pytest.fixture
def page(chromium, live_server, browser_context_options) -> Iterator[Any]:
    context = chromium.new_context(base_url=live_server.url, **browser_context_options)
    context.set_default_timeout(10_000)
    context.route(f"**{django_settings.MEDIA_URL}**", serve_media)
    page = context.new_page()
    yield page
    context.close()
    requests_abandoned_by_the_browser_end()


def requests_abandoned_by_the_browser_end(timeout: float = 10) -> None:
    """Until the live server has finished what the closed browser was still asking (an
    admin page's background requests): on PostgreSQL such a request's transaction and the
    test database's flush, which follows, deadlock."""
    if connection.vendor != "postgresql":
        return
    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND state <> 'idle'"
            )
            if cursor.fetchone()[0] == 0:
                return
            time.sleep(0.05)


@pytest.fixture
def screenshot() -> Any:
    """``screenshot(page, "map-fr-1280")`` saves a full-page PNG into test-artifacts/."""

    def take(page: Any, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@dataclass
class PublicSite:
    """The pages a reader walks through, and their addresses per language."""

    home: Any
    cities_index: Any
    stories_index: Any
    cities: dict[str, Any]
    stories: dict[str, Any]
    themes: dict[str, Any] = field(default_factory=dict)

    def page_in(self, page: Any, language: str) -> Any:
        """The page in ``language``; later rounds add translations with the helpers."""
        if language == page.locale.language_code:
            return page
        return page.get_translation(Locale.objects.get(language_code=language))

    def url(self, name: str, language: str = "fr") -> str:
        """Where the named page is: home, partner_cities, map, timeline, city, story, ..."""
        index = self.page_in(self.cities_index, language)
        urls = {
            "home": lambda: self.page_in(self.home, language).url,
            "partner_cities": lambda: index.url,
            "map": lambda: index.url + index.reverse_subpage("partner_map"),
            "timeline": lambda: index.url + index.reverse_subpage("partnership_timeline"),
            "city": lambda: self.page_in(self.cities["tubingen"], language).url,
            "story": lambda: self.page_in(self.stories["students"], language).url,
            "stories": lambda: self.page_in(self.stories_index, language).url,
            "search": lambda: f"{_search_url(language)}?q=T%C3%BCbingen",
        }
        return urls[name]()


def _search_url(language: str) -> str:
    with translation.override(language):
        try:
            return reverse("twinning:search")
        except NoReverseMatch:
            pytest.fail("the search URL is not mounted: include twinning.urls in i18n_patterns")


@pytest.fixture
def public_site(settings) -> PublicSite:
    """A small French site: four partner cities on three continents, three stories."""
    settings.TWINNING = {**settings.TWINNING, "MAP_TILE_URL": UNREACHABLE_TILES}
    # Site roots and renditions are cached by id, and ids come back after each flush.
    cache.clear()
    home = factories.home_page()
    cities_index = factories.PartnerCityIndexPageFactory(parent=home)
    stories_index = factories.ExchangeStoryIndexPageFactory(parent=home)
    themes = {
        "youth": factories.CooperationThemeFactory(name="Jeunesse", slug="jeunesse"),
        "culture": factories.CooperationThemeFactory(name="Culture", slug="culture"),
    }

    def city(**kwargs: Any) -> Any:
        image = factories.ImageFactory(title=f"Vue de {kwargs['title']}")
        return factories.PartnerCityPageFactory(parent=cities_index, hero_image=image, **kwargs)

    cities = {
        "tubingen": city(
            title="Tübingen",
            slug="tubingen",
            country="DE",
            region="Bade-Wurtemberg",
            latitude="48.52160",
            longitude="9.05760",
            signed="1960-10-20",
        ),
        "perugia": city(
            title="Pérouse",
            slug="perouse",
            country="IT",
            latitude="43.11070",
            longitude="12.39080",
            signed="1970",
        ),
        "bath": city(
            title="Bath",
            slug="bath",
            country="GB",
            latitude="51.38110",
            longitude="-2.35900",
            signed="1977",
        ),
        "kumamoto": city(
            title="Kumamoto",
            slug="kumamoto",
            country="JP",
            kind="cooperation",
            latitude="32.80310",
            longitude="130.70790",
            signed="2013-10",
        ),
    }
    factories.PartnershipMilestoneFactory(
        page=cities["tubingen"], date="1960-10-20", kind="signing", title="Signature du jumelage"
    )
    factories.PartnershipMilestoneFactory(
        page=cities["tubingen"], date="1965", kind="award", title="Prix de l'Europe"
    )
    factories.PartnershipMilestoneFactory(
        page=cities["perugia"], date="1970", kind="signing", title="Signature avec Pérouse"
    )

    def story(**kwargs: Any) -> Any:
        image = factories.ImageFactory(title=f"Photo : {kwargs['title']}")
        return factories.ExchangeStoryPageFactory(parent=stories_index, hero_image=image, **kwargs)

    stories = {
        "students": story(
            title="Étudiants à Tübingen",
            slug="etudiants-tubingen",
            date=datetime.date(2016, 5, 9),
            audience="students",
            partner_cities=[cities["tubingen"]],
            themes=[themes["youth"]],
        ),
        "choir": story(
            title="Une chorale à Pérouse",
            slug="chorale-perouse",
            date=datetime.date(2019, 6, 21),
            audience="public",
            partner_cities=[cities["perugia"]],
            themes=[themes["culture"]],
        ),
        "apprentices": story(
            title="Apprentis à Bath",
            slug="apprentis-bath",
            date=datetime.date(2022, 3, 14),
            audience="apprentices",
            partner_cities=[cities["bath"]],
            themes=[themes["youth"]],
        ),
    }
    Site.clear_site_root_paths_cache()
    return PublicSite(home, cities_index, stories_index, cities, stories, themes)


#: What the multilingual fixture translates: German has every page a reader walks through
#: but the choir story; Arabic has the home, the cities, Tübingen and the students' story.
TRANSLATED = {
    "de": ["home", "cities_index", "stories_index", "tubingen", "students", "apprentices"],
    "ar": ["home", "cities_index", "stories_index", "tubingen", "students"],
}

#: Titles as a translator would write them, so that screenshots show a believable site.
TITLES = {
    "de": {
        "home": "Partnerstädte von Aix-en-Provence",
        "cities_index": "Partnerstädte",
        "stories_index": "Geschichten",
        "students": "Studierende in Tübingen",
        "apprentices": "Auszubildende in Bath",
    },
    "ar": {
        "home": "المدن الشريكة لإكس أون بروفانس",
        "cities_index": "المدن الشريكة",
        "stories_index": "قصص",
        "tubingen": "توبنغن",
        "students": "طلاب في توبنغن",
    },
}


@pytest.fixture
def multilingual_site(public_site) -> PublicSite:
    """The public site with German and Arabic trees, as wagtail-localize leaves them.

    Pages not listed in ``TRANSLATED`` exist in the other trees as aliases of the French
    page (the locale synchronisation), which readers must be told is not a translation.
    """
    from tests.twinning.translation_helpers import alias, clear_site_cache, translate

    pages = {
        "home": public_site.home,
        "cities_index": public_site.cities_index,
        "stories_index": public_site.stories_index,
        **public_site.cities,
        **public_site.stories,
    }
    for language, names in TRANSLATED.items():
        # Parents first, so that every translation hangs under a translated parent.
        for name in names:
            title = TITLES[language].get(name, f"{pages[name].title} [{language}]")
            translate(pages[name], language, title=title)
        for name, page in pages.items():
            if name not in names:
                alias(page, language)
    clear_site_cache()
    cache.clear()
    return public_site
