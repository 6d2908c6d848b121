"""A reader's crawl of every language after the editing operations that once broke it.

From each language's home page, every link of the site, every URL of the sitemap and every
target of the language switcher is fetched: each answers 200, and each page whose language
version is not a published translation says so in the reader's language. Pages are made
as editors make them (published revisions) and the operations go through the admin.
"""

import io
from collections import deque
from urllib.parse import parse_qs, urlsplit

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import LocaleSynchronization

import polib
import pytest
from bs4 import BeautifulSoup

from tests import factories
from tests.site.test_sitemap import read_sitemap
from tests.twinning.localize_helpers import (
    admin_user,
    edit_url,
    in_locale,
    locale,
    translate_strings,
)
from tests.twinning.translation_helpers import clear_site_cache

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
    client, home, tubingen, story, synced_site, django_capture_on_commit_callbacks
):
    admin_user(client)
    for page in (home, tubingen, story):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
                {"locales": [locale("de").pk, locale("ja").pk]},
            )
    # The German story is translated and published; the rest (home pages included) stays
    # in progress.
    translate_strings(story, "de", {story.title: "Studenten in Tübingen"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(in_locale(story, "de")), {"action": "publish"})
    assert in_locale(story, "de").live and not in_locale(tubingen, "de").live
    client.logout()

    assert crawl(client) == []


def publish_in_german(client, page, capture):
    """ "Translate" into German, then publish the translation, as an admin does."""
    with capture(execute=True):
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [locale("de").pk]},
        )
        client.post(edit_url(in_locale(page, "de")), {"action": "publish"})


def test_after_po_import_delete_move_and_unpublish(
    client,
    home,
    tubingen,
    perugia,
    story,
    synced_site,
    tmp_path,
    django_capture_on_commit_callbacks,
):
    admin_user(client)
    # PO import: Tübingen's English file, translated in full, becomes a draft.
    call_command(
        "export_translations",
        "--locale",
        "en",
        "--partner",
        "tubingen",
        "--out",
        str(tmp_path),
        stdout=io.StringIO(),
    )
    [path] = tmp_path.glob(f"page-{tubingen.pk}-*.en.po")
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = entry.msgid if entry.msgctxt == "slug" else f"{entry.msgid} (en)"
    po.save(str(path))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_translations", str(path), stdout=io.StringIO())
    assert not in_locale(tubingen, "en").live

    # Delete: a French page translated into German and published, then deleted.
    programme = factories.ContentPageFactory(parent=home, title="Programme", slug="programme")
    publish_in_german(client, programme, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailadmin_pages:delete", args=[programme.pk]))
    assert not Page.objects.filter(translation_key=programme.translation_key).exists()

    # Move: a French page moved under another one, with its German translation.
    youth = factories.ContentPageFactory(parent=home, title="Jeunesse", slug="jeunesse")
    visits = factories.ContentPageFactory(parent=home, title="Visites", slug="visites")
    publish_in_german(client, visits, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailadmin_pages:move_confirm", args=[visits.pk, youth.pk]))
    assert in_locale(visits, "de").get_parent().translation_key == youth.translation_key

    # Unpublish: Pérouse goes offline in every language.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailadmin_pages:unpublish", args=[perugia.pk]))
    assert not Page.objects.filter(translation_key=perugia.translation_key, live=True).exists()
    client.logout()
    clear_site_cache()

    assert crawl(client) == []
