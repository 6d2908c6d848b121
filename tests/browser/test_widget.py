"""The partners' widget as a reader sees it, on a partner's page served from another origin.

The partner's page comes from a plain HTTP server on another port: the script, the API and
the images all cross origins, as on a partner city's own site.
"""

import datetime
import re
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandlerMixin
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import reverse

from wagtail.models import Site

import pytest

from tests import factories
from tests.browser.conftest import browser_db
from tests.twinning.translation_helpers import clear_site_cache, locale, translate
from twinning.partners import widget_cors
from twinning.partners.admin.widget import URL_NAME

BLOCKING = {"serious", "critical"}
WIDGETS = "twinning-stories, twinning-partnership"

PARTNER_PAGE = """<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Partnerstadt Aix-en-Provence</title></head>
<body>
<main>
<h1>Unsere Partnerstadt Aix-en-Provence</h1>
<h2>Neues aus Aix</h2>
<twinning-stories id="de" partner="Q3806" lang="de" limit="5"></twinning-stories>
<h2 lang="ja">エクス＝アン＝プロヴァンスからのニュース</h2>
<twinning-stories id="ja" partner="Q3806" lang="ja" limit="5" heading-level="3"></twinning-stories>
<h2 lang="ar">أخبار من إكس</h2>
<twinning-stories id="ar" partner="Q3806" lang="ar" limit="2"></twinning-stories>
<h2>Unsere Partnerschaft</h2>
<twinning-partnership id="facts" partner="Q3806" lang="de"></twinning-partnership>
</main>
<script src="{script}" type="module"></script>
</body>
</html>
"""


@pytest.fixture
def static_files_for_any_origin(monkeypatch) -> None:
    """The live server serves static files itself, without the ``Access-Control-Allow-Origin:
    *`` WhiteNoise gives them on the site (see the test below): add it, as WhiteNoise does."""
    serve = StaticFilesHandlerMixin.serve

    def serve_for_any_origin(self, request):
        response = serve(self, request)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    monkeypatch.setattr(StaticFilesHandlerMixin, "serve", serve_for_any_origin)


@pytest.fixture
def tubingen_stories() -> dict[str, Any]:
    """Tübingen with a story translated into German and one still only in French."""
    widget_cors.connect()
    cache.clear()
    home = factories.home_page()
    cities_index = factories.PartnerCityIndexPageFactory(parent=home)
    stories_index = factories.ExchangeStoryIndexPageFactory(parent=home)
    tubingen = factories.tubingen_page(cities_index)
    for code in ("de", "ja", "ar"):
        locale(code)

    def story(title: str, slug: str, date: datetime.date) -> Any:
        image = factories.ImageFactory(title=title, description=f"Photo : {title}")
        page = factories.ExchangeStoryPageFactory(
            parent=stories_index,
            title=title,
            slug=slug,
            date=date,
            summary=f"Résumé : {title}.",
            hero_image=image,
            partner_cities=[tubingen],
        )
        page.save_revision().publish()
        return page

    students = story("Étudiants à Tübingen", "etudiants-tubingen", datetime.date(2024, 5, 9))
    choir = story("Une chorale à Tübingen", "chorale-tubingen", datetime.date(2023, 6, 21))
    translate(tubingen, "de", title="Tübingen")
    students_de = translate(students, "de", title="Studierende in Tübingen")
    students_de.summary = "Ein Semester am Neckar."
    students_de.save_revision().publish()
    # Renditions are made on the first read: make them now, not in four requests at once
    # on the live server's one SQLite connection.
    for page in (students, choir):
        for spec in ("max-480x480", "max-1600x1600"):
            page.hero_image.get_rendition(spec)
    clear_site_cache()
    Site.clear_site_root_paths_cache()
    return {"students": students, "students_de": students_de, "choir": choir}


@pytest.fixture
def partner_site(
    live_server, tubingen_stories, static_files_for_any_origin, tmp_path
) -> Iterator[str]:
    """The partner city's own page, on another origin, embedding the widget."""
    (tmp_path / "index.html").write_text(
        PARTNER_PAGE.replace("{script}", f"{live_server.url}/static/twinning/widget.js"),
        encoding="utf-8",
    )
    handler = partial(QuietHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    server.shutdown()
    server.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


def watch_for_errors(page) -> list[str]:
    """JavaScript errors, console errors and failed requests, as the test goes."""
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"error: {error}"))
    page.on(
        "console",
        lambda message: message.type == "error" and problems.append(f"console: {message.text}"),
    )
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and problems.append(f"{response.status}: {response.url}")
        ),
    )
    return problems


def item_texts(page, widget: str) -> list[dict]:
    return page.evaluate(
        """(id) => [...document.getElementById(id).shadowRoot.querySelectorAll("li")].map(
            (li) => ({
                lang: li.getAttribute("lang"),
                title: li.querySelector("[part=title]").textContent,
                href: li.querySelector("a") && li.querySelector("a").href,
                label: li.querySelector("[part=label]") && li.querySelector("[part=label]").textContent,
                alt: li.querySelector("img") && li.querySelector("img").alt,
            }))""",
        widget,
    )


@pytest.mark.browser
@browser_db
def test_partner_page_on_another_site_shows_the_stories_in_german_and_japanese(
    page, partner_site, tubingen_stories, screenshot
):
    sync_api = pytest.importorskip("playwright.sync_api")
    axe = pytest.importorskip("axe_playwright_python.sync_playwright").Axe()
    problems = watch_for_errors(page)
    api_requests = []
    page.on("request", lambda request: "/api/" in request.url and api_requests.append(request))

    page.goto(partner_site)
    for widget in ("de", "ja", "ar"):
        sync_api.expect(page.locator(f"#{widget} li").first).to_be_visible()
    sync_api.expect(page.locator("#facts dl")).to_be_visible()
    page.wait_for_load_state("networkidle")

    german = item_texts(page, "de")
    assert [item["title"] for item in german] == [
        "Studierende in Tübingen",
        "Une chorale à Tübingen",
    ]
    assert german[0]["lang"] is None and german[0]["label"] is None
    assert german[0]["href"].endswith("/de/recits/etudiants-tubingen/")
    assert german[1]["lang"] == "fr"
    assert german[1]["label"] == "Original auf Französisch"
    assert german[1]["alt"] == "Photo : Une chorale à Tübingen"

    japanese = item_texts(page, "ja")
    assert [item["title"] for item in japanese] == [
        "Étudiants à Tübingen",
        "Une chorale à Tübingen",
    ]
    assert {item["lang"] for item in japanese} == {"fr"}
    assert {item["label"] for item in japanese} == {"原文：フランス語"}
    # The label is in the readers' language, inside an item in French.
    label_lang = page.evaluate(
        "() => document.getElementById('ja').shadowRoot.querySelector('[part=label]').lang"
    )
    assert label_lang == "ja"

    arabic_direction = page.evaluate(
        "() => document.getElementById('ar').shadowRoot.querySelector('div').dir"
    )
    assert arabic_direction == "rtl"

    facts = page.locator("#facts")
    sync_api.expect(facts.locator("[part=title]")).to_have_text("Tübingen")
    sync_api.expect(facts.locator("dl")).to_contain_text("Deutschland")
    sync_api.expect(facts.locator("dl")).to_contain_text("20. Oktober 1960")
    sync_api.expect(facts.locator("ol li")).to_have_count(2)

    # One request per widget, without cookies, answered for the partner's origin.
    assert len(api_requests) == 4
    for request in api_requests:
        assert "cookie" not in request.all_headers()
        response = request.response()
        assert response.header_value("access-control-allow-origin") in (
            partner_site.rsplit("/", 1)[0],
            "*",
        )
    assert page.context.cookies() == []

    results = axe.run(page, context={"include": [["twinning-stories"], ["twinning-partnership"]]})
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
    assert not blocking, [(v["id"], v["help"]) for v in blocking]
    assert not problems, problems
    screenshot(page, "widget-partner-site-de-ja")


@pytest.mark.browser
@browser_db
def test_widget_says_so_when_the_stories_cannot_be_loaded_and_the_page_keeps_working(
    page, partner_site
):
    sync_api = pytest.importorskip("playwright.sync_api")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(partner_site)
    sync_api.expect(page.locator("#de li").first).to_be_visible()

    page.evaluate("() => document.getElementById('de').setAttribute('partner', 'Q999999999')")

    sync_api.expect(page.locator("#de [part=message]")).to_have_text(
        "Dieser Inhalt kann gerade nicht angezeigt werden. "
        "Bitte versuchen Sie es später noch einmal."
    )
    sync_api.expect(page.locator("#ja li")).to_have_count(2)
    assert errors == []


def test_site_serves_the_widget_script_to_every_origin():
    """Module scripts load across origins only with CORS: WhiteNoise, as the site sets it up."""
    whitenoise = pytest.importorskip("whitenoise.middleware")
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in settings.MIDDLEWARE
    with override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=False):
        middleware = whitenoise.WhiteNoiseMiddleware(lambda request: HttpResponse(status=404))
        response = middleware(RequestFactory().get("/static/twinning/widget.js"))

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "javascript" in response["Content-Type"]


@pytest.mark.browser
@browser_db
def test_editor_picks_a_partner_and_sees_the_widget_live_in_the_admin(
    page, tubingen_stories, django_user_model, screenshot, settings
):
    sync_api = pytest.importorskip("playwright.sync_api")
    # The admin's own calls to other sites are not the widget's.
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None
    settings.WAGTAIL_ENABLE_UPDATE_CHECK = False
    django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    problems = watch_for_errors(page)
    page.goto("/admin/login/")
    page.locator("#id_username").fill("admin")
    page.locator("#id_password").fill("pw")
    page.locator("form [type=submit]").click()
    sync_api.expect(page).to_have_url("/admin/")
    page.wait_for_load_state("networkidle")  # nothing cut short by the next page

    page.goto(reverse(URL_NAME))
    page.wait_for_load_state("networkidle")
    page.locator("#id_language").select_option("de")
    page.locator("#id_limit").fill("1")
    page.locator("main form [type=submit]").click()

    snippet = page.locator("#snippet-stories")
    sync_api.expect(snippet).to_have_value(
        re.compile(r'<twinning-stories partner="Q3806" lang="de" limit="1"></twinning-stories>$')
    )
    preview = page.locator("[data-twinning-widget-preview]")
    sync_api.expect(preview.locator("twinning-stories li")).to_have_count(1)
    sync_api.expect(preview.locator("twinning-stories [part=title]")).to_have_text(
        "Studierende in Tübingen"
    )
    sync_api.expect(preview.locator("twinning-partnership dl")).to_contain_text("Deutschland")
    assert not problems, problems
    screenshot(page, "widget-admin-preview")
