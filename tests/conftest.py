from django.conf import settings
from django.core.cache import cache
from django.db.backends.signals import connection_created
from django.dispatch import receiver
from django.utils import translation

from wagtail.models import Site

import pytest

from tests import factories


@receiver(connection_created)
def _commit_without_waiting_for_the_disk(connection, **kwargs):
    """A test database needs no durability: on PostgreSQL, this process's commits do not
    wait for the disk (transactional tests commit every write). The server's settings,
    which the settings tests read, stay as they are. Sent on the driver's connection, so
    that no test counts it among its queries."""
    if connection.vendor == "postgresql":
        with connection.connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit = off")


@pytest.fixture
def home(db):
    """The default site's root page; the site named as a host names its own."""
    site = Site.objects.get(is_default_site=True)
    if not site.site_name:
        site.site_name = "Aix-en-Provence"
        site.save(update_fields=["site_name"])
    return factories.home_page()


@pytest.fixture
def cities_index(home):
    return factories.PartnerCityIndexPageFactory(parent=home)


@pytest.fixture
def stories_index(home):
    return factories.ExchangeStoryIndexPageFactory(parent=home)


@pytest.fixture
def tubingen(cities_index):
    return factories.tubingen_page(cities_index)


@pytest.fixture
def perugia(cities_index):
    return factories.perugia_page(cities_index)


@pytest.fixture
def story(stories_index, tubingen):
    return factories.ExchangeStoryPageFactory(
        parent=stories_index,
        title="Étudiants à Tübingen",
        slug="etudiants-tubingen",
        partner_cities=[tubingen],
    )


@pytest.fixture
def client_fr(client):
    client.defaults["HTTP_HOST"] = "localhost"
    return client


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail caches site root paths and renditions by id; ids are reused between tests."""
    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _default_language():
    """A request activates its language for the thread: don't let it leak into the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()
