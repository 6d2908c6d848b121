"""A reader's crawl of every language after the editing operations that once broke it.

From each language's home page, every link of the site, every URL of the sitemap and every
target of the language switcher is fetched: each answers 200, and each page whose language
version is not a published translation says so in the reader's language. Pages are made
as editors make them (published revisions) and the operations go through the admin.
"""

from collections import deque
from urllib.parse import parse_qs, urlsplit

from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import LocaleSynchronization

import pytest
from bs4 import BeautifulSoup

from tests.cms.test_sitemap import read_sitemap
from tests.cms.translation_helpers import clear_site_cache
from tests.twinning.localize_helpers import (
    admin_user,
    edit_url,
    in_locale,
    locale,
    translate_strings,
)

LANGUAGES = ("fr", "de", "en", "ja")
SKIPPED = ("/admin", "/api/", "/static/", "/media/", "/documents/", "/sitemap", "/favicon")
MAX_PAGES = 400


@pytest.fixture
def synced_site(home, tubingen, perugia, story, django_capture_on_commit_callbacks):
    """French pages; German, English and Japanese trees synchronised from them (aliases)."""
    for code in LANGUAGES[1:]:
        with django_capture_on_commit_callbacks(execute=True):
            LocaleSynchronization.objects.create(locale=locale(code), sync_from=home.locale)
    clear_site_cache()
    yield
    clear_site_cache()


def is_page_link(path: str) -> bool:
    return path.startswith("/") and not path.startswith(SKIPPED) and "." not in path.rsplit("/")[-1]


def check_page(url: str, response) -> list[str]:
    """What a reader of ``url`` would find wrong with ``response``."""
    if response.status_code != 200:
        return [f"{url}: {response.status_code}"]
    page = response.context.get("page") if response.context else None
    if not isinstance(page, Page):
        return []
    split = urlsplit(url)
    wanted = parse_qs(split.query).get("requested", [split.path.split("/")[1]])[0]
    notice = BeautifulSoup(response.content, "html.parser").select_one(".notice--translation")
    is_translation = page.alias_of_id is None and page.live and page.locale.language_code == wanted
    if is_translation and notice is not None:
        return [f"{url}: a published {wanted} page says it is not translated"]
    if not is_translation and (notice is None or notice.get("lang") != wanted):
        return [f"{url}: {page.locale.language_code} text without a notice in {wanted}"]
    return []


def crawl(client) -> list[str]:
    """Fetch the site as a reader would; return every problem found."""
    start = [f"/{code}/" for code in LANGUAGES]
    start += [urlsplit(loc).path for loc in read_sitemap(client)]
    queue, seen, problems = deque(start), set(start), []
    while queue and len(seen) < MAX_PAGES:
        url = queue.popleft()
        response = client.get(url, follow=True)
        problems += check_page(url, response)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        soup = BeautifulSoup(response.content, "html.parser")
        for link in soup.select("a[href]"):
            split = urlsplit(link["href"])
            if split.netloc or not is_page_link(split.path):
                continue
            target = split.path + (f"?{split.query}" if "requested=" in split.query else "")
            if target not in seen:
                seen.add(target)
                queue.append(target)
    assert len(seen) < MAX_PAGES, "the crawl did not finish: a link grows without end"
    return problems


def test_every_page_of_every_language_answers_and_says_when_it_is_not_translated(
    client_fr, synced_site
):
    assert crawl(client_fr) == []


def test_after_translate_publish_and_a_translation_in_progress(
    client, tubingen, story, synced_site, django_capture_on_commit_callbacks
):
    admin_user(client)
    for page in (tubingen, story):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
                {"locales": [locale("de").pk, locale("ja").pk]},
            )
    # The German story is translated and published; the rest stays in progress.
    translate_strings(story, "de", {story.title: "Studenten in Tübingen"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(in_locale(story, "de")), {"action": "publish"})
    assert in_locale(story, "de").live and not in_locale(tubingen, "de").live
    client.logout()

    assert crawl(client) == []
