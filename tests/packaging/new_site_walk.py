"""Walk a fresh Wagtail site with the installed plugin as its editors and readers would.

Run with the new site's Python, from the new site's directory (``manage.py`` beside it),
after ``migrate``: ``python new_site_walk.py <settings module>``. Self-contained on
purpose: it sees only the installed wheel, never the repository. It exits non-zero with
the failing step on stderr.
"""

import json
import os
import sys
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path.cwd()))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", sys.argv[1] if len(sys.argv) > 1 else "")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from wagtail.models import Locale, Page, Site  # noqa: E402
from wagtail.test.utils.form_data import (  # noqa: E402
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)
from wagtail.users.models import UserProfile  # noqa: E402

import twinning  # noqa: E402

CITY_TITLE = "Tübingen, our partner city"
CITY_TITLE_DE = "Tübingen, unsere Partnerstadt"
MILESTONE = "Twinning charter signed"
MILESTONE_DE = "Partnerschaftsurkunde unterzeichnet"
INTRO = "A university town in Baden-Württemberg."
INTRO_DE = "Eine Universitätsstadt in Baden-Württemberg."
STORY_TITLE = "Students from our town in Tübingen"


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SystemExit(f"FAILED: {message}")


def page_form(**fields) -> dict:
    """What the page editor posts: every page field, the comments formset, Publish."""
    data = {
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
        **fields,
    }
    return {**nested_form_data(data), "action-publish": "action-publish"}


def add_page(client: Client, model_name: str, parent: Page, data: dict) -> Page:
    url = reverse("wagtailadmin_pages:add", args=["twinning", model_name, parent.pk])
    response = client.post(url, data)
    if response.status_code != 302:
        form = response.context and response.context.get("form")
        errors = form.errors if form else response.content.decode()[:2000]
        check(False, f"adding a {model_name} in the admin: {response.status_code} {errors}")
    page = Page.objects.get(slug=data["slug"], locale__language_code="en").specific
    check(page.live, f"{model_name} is published")
    return page


def get(client: Client, url: str, **headers) -> str:
    response = client.get(url, follow=True, **headers)
    check(response.status_code == 200, f"GET {url}: {response.status_code}")
    return response.content.decode()


def main() -> None:
    check(
        Path(twinning.__file__).resolve().is_relative_to(Path(sys.prefix).resolve()),
        f"twinning is imported from the installed wheel, not {twinning.__file__}",
    )
    print("twinning imported from", twinning.__file__)
    print("database:", connection.vendor)

    # The test client's responses carry their template context (the translation editor's props).
    setup_test_environment()
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)

    # The languages, as an administrator adds them under Settings > Locales.
    for code in ("de", "fr"):
        response = client.post(reverse("wagtaillocales:add"), {"language_code": code})
        check(response.status_code == 302, f"adding the locale {code}: {response.status_code}")
    check(
        set(Locale.objects.values_list("language_code", flat=True)) == {"en", "de", "fr"},
        "the site has English (its source) and two more languages",
    )

    home = Site.objects.get(is_default_site=True).root_page
    cities = add_page(
        client,
        "partnercityindexpage",
        home,
        page_form(
            title="Partner cities", slug="partner-cities", intro=rich_text("<p>Our twins.</p>")
        ),
    )
    city_data = page_form(
        title=CITY_TITLE,
        slug="tubingen",
        intro=INTRO,
        hero_image="",
        body=streamfield([("paragraph", rich_text("<p>Twinned since 1960.</p>"))]),
        milestones=inline_formset(
            [
                {
                    "date": "1960-10-20",
                    "kind": "signing",
                    "title": MILESTONE,
                    "description": "",
                    "image": "",
                    "link_url": "",
                    "link_page": "",
                    "id": "",
                }
            ]
        ),
        country="DE",
        region="Baden-Württemberg",
        latitude="48.52160",
        longitude="9.05760",
        population="91000",
        wikidata_id="Q3806",
        website="https://www.tuebingen.de/",
        kind="twinning",
        status="active",
        signed="1960-10-20",
    )
    city = add_page(client, "partnercitypage", cities, city_data)
    check([m.title for m in city.milestones.all()] == [MILESTONE], "the milestone is saved inline")

    stories = add_page(
        client,
        "exchangestoryindexpage",
        home,
        page_form(title="Exchange stories", slug="stories", intro=rich_text("<p>Stories.</p>")),
    )
    story_data = page_form(
        title=STORY_TITLE,
        slug="students-tubingen",
        summary="A semester at the university.",
        hero_image="",
        body=streamfield([]),
        date="2016-05-09",
        audience="students",
        participants="12",
    )
    story_data["partner_cities"] = [str(city.pk)]
    story = add_page(client, "exchangestorypage", stories, story_data)
    check(
        [c.pk for c in story.partner_cities.all()] == [city.pk], "the story names the partner city"
    )

    # Translate the city into German ("Translate" in the page's actions) ...
    german = Locale.objects.get(language_code="de")
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[city.pk]),
        {"locales": [german.pk]},
    )
    check(response.status_code == 302, f"submitting for translation: {response.status_code}")
    city_de = Page.objects.get(translation_key=city.translation_key, locale=german)
    edit_url = reverse("wagtailadmin_pages:edit", args=[city_de.pk])

    # ... translate its strings in wagtail-localize's editor, as its React app saves them ...
    response = client.get(edit_url)
    check(response.status_code == 200, f"the translation editor opens: {response.status_code}")
    props = json.loads(response.context["props"])
    wanted = {CITY_TITLE: CITY_TITLE_DE, MILESTONE: MILESTONE_DE, INTRO: INTRO_DE}
    done = set()
    for segment in props["segments"]:
        if segment["type"] == "string" and segment["source"] in wanted:
            response = client.put(
                segment["editUrl"],
                urlencode({"value": wanted[segment["source"]]}),
                content_type="application/x-www-form-urlencoded",
            )
            check(response.status_code in (200, 201), f"saving a string: {response.status_code}")
            done.add(segment["source"])
    check(done == set(wanted), f"the editor offers every string to translate: {sorted(done)}")

    # ... and publish it with the editor's Publish button.
    response = client.post(edit_url, {"action": "publish"})
    check(response.status_code in (200, 302), f"publishing the translation: {response.status_code}")
    city_de = city_de.specific_class.objects.get(pk=city_de.pk)
    check(city_de.live and city_de.title == CITY_TITLE_DE, "the German city is live")

    # Readers.
    reader = Client()
    en_url = city.get_url()
    check(en_url.startswith("/en/"), f"English pages are under /en/: {en_url}")
    html = get(reader, en_url)
    check(CITY_TITLE in html and MILESTONE in html, "the English page shows title and milestone")
    de_url = city_de.get_url()
    check(de_url.startswith("/de/"), f"German pages are under /de/: {de_url}")
    html = get(reader, de_url)
    check(CITY_TITLE_DE in html, "the German page shows its German title")
    check(MILESTONE_DE in html, "the German page shows the translated milestone")
    check(CITY_TITLE in get(reader, cities.get_url()), "the index lists the city")
    story_html = get(reader, story.get_url())
    check(STORY_TITLE in story_html, "the story page shows its title")
    check(city.title in story_html, "the story names its partner city")

    # Partners, through the API.
    response = reader.get(
        "/api/v2/pages/",
        {"type": "twinning.PartnerCityPage", "locale": "de", "fields": "milestones,intro"},
    )
    check(response.status_code == 200, f"the API answers: {response.status_code}")
    body = response.json()
    check(body["meta"]["total_count"] == 1, f"one German partner city in the API: {body}")
    item = body["items"][0]
    check(item["title"] == CITY_TITLE_DE, f"the API gives the German title: {item['title']}")
    check(
        MILESTONE_DE in json.dumps(item, ensure_ascii=False), f"the API gives the milestone: {item}"
    )
    check(
        item["meta"].get("html_url", "").endswith(de_url), f"the API links the page: {item['meta']}"
    )
    response = reader.get("/api/v2/pages/", {"type": "twinning.PartnerCityPage", "locale": "en"})
    check([i["title"] for i in response.json()["items"]] == [CITY_TITLE], "the API in English")

    sitemap = get(reader, "/sitemap.xml")
    for url in (en_url, de_url, story.get_url()):
        check(url in sitemap, f"the sitemap lists {url}")

    results = get(reader, "/en/search/?q=Tübingen")
    check(CITY_TITLE in results, "searching finds the city")
    results = get(reader, "/de/search/?q=Partnerstadt")
    check(CITY_TITLE_DE in results, "searching in German finds the German city")

    print("walk: ok")


if __name__ == "__main__":
    main()
