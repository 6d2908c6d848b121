"""A partner city downloads the PO file of a page about it and sends the translation back.

Tübingen's web team GETs the German file of a story naming Tübingen, fills the msgstrs,
and PUTs it back: it lands as a German draft in the page's workflow, seen by nobody until
a reviewer approves it. Every refusal says why in JSON and writes nothing.
"""

from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from wagtail.models import PageLogEntry, Revision, WorkflowState
from wagtail.rich_text import RichText

import polib
import pytest

from tests import factories
from tests.twinning.localize_helpers import locale
from tests.twinning.partners.conftest import make_partner
from twinning.models import ExchangeStoryPage
from twinning.partners.models import TranslationContribution

TITLE = "Étudiants à Tübingen"
GERMAN = {TITLE: "Studierende in Tübingen"}
PO_TYPE = "text/x-gettext-translation"


@pytest.fixture(autouse=True)
def english():
    """Messages are checked in their source language."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def english_client(client):
    """The partner's software asks for English messages."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def languages(db):
    return [locale("en"), locale("de"), locale("it")]


@pytest.fixture
def published_story(story, languages, django_capture_on_commit_callbacks):
    """The story naming Tübingen, published twice by its French editor."""
    story.summary = "Vingt étudiants d'Aix à Tübingen."
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
        story.save_revision().publish()
    return ExchangeStoryPage.objects.get(pk=story.pk)


def po_url(page, code="de") -> str:
    return reverse("wagtailapi:partner-translation-po", args=[page.pk, code])


def download(client, partner, page, code="de") -> polib.POFile:
    response = client.get(po_url(page, code), **partner.auth)
    assert response.status_code == 200, response.content
    return polib.pofile(response.content.decode())


def filled(po: polib.POFile, texts: dict[str, str]) -> bytes:
    for entry in po:
        if entry.msgid in texts:
            entry.msgstr = texts[entry.msgid]
    return str(po).encode()


def upload(client, partner, page, body: bytes, code="de", **extra):
    return client.put(po_url(page, code), body, content_type=PO_TYPE, **partner.auth, **extra)


def german(page):
    return (
        type(page)
        .objects.filter(translation_key=page.translation_key, locale__language_code="de")
        .first()
    )


def written() -> tuple[int, int, int, int]:
    """What an upload writes: contributions, revisions, workflow states, German pages."""
    return (
        TranslationContribution.objects.count(),
        Revision.objects.count(),
        WorkflowState.objects.count(),
        ExchangeStoryPage.objects.filter(locale__language_code="de").count(),
    )


# Download ---------------------------------------------------------------------------------


def test_partner_downloads_the_german_po_file_of_a_story_about_it(
    client, published_story, tubingen_partner
):
    response = client.get(po_url(published_story), **tubingen_partner.auth)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/x-gettext-translation; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith('.de.po"')
    assert response["Cache-Control"] == "private, no-store"
    po = polib.pofile(response.content.decode())
    assert po.metadata["Language"] == "de"
    assert po.metadata["X-Twinning-Source-Locale"] == "fr"
    assert TITLE in {entry.msgid for entry in po}


def test_download_needs_a_token(client, published_story):
    response = client.get(po_url(published_story))

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert "message" in response.json()


def test_other_methods_are_refused_in_json_with_allow(client, published_story, tubingen_partner):
    response = client.post(
        po_url(published_story), b"", content_type=PO_TYPE, **tubingen_partner.auth
    )

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, PUT"
    assert "use GET or PUT" in response.json()["message"]


# Round trip -------------------------------------------------------------------------------


def test_translation_sent_back_is_a_draft_in_the_workflow_that_nobody_sees(
    client, published_story, tubingen_partner
):
    po = download(client, tubingen_partner, published_story)

    response = upload(client, tubingen_partner, published_story, filled(po, GERMAN))

    assert response.status_code == 202, response.content
    body = response.json()
    page = german(published_story)
    assert body["contribution"]["status"] == "in_review"
    assert body["contribution"]["page"] == {
        "id": page.pk,
        "locale": "de",
        "title": page.title,
    }
    assert body["contribution"]["strings"] == 1
    assert "submitted for review" in body["message"]
    assert not page.live
    assert page.get_latest_revision_as_object().title == GERMAN[TITLE]
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    contribution = TranslationContribution.objects.get()
    assert contribution.access == tubingen_partner.access
    assert contribution.revision_id == page.latest_revision_id
    assert contribution.workflow_state == state
    assert GERMAN[TITLE] in contribution.po_file
    # Nobody sees it: not the API, not the site.
    client.logout()
    api = client.get("/api/v2/pages/?type=twinning.ExchangeStoryPage&locale=de").json()
    assert GERMAN[TITLE] not in {item["title"] for item in api["items"]}
    assert page.url is not None
    assert GERMAN[TITLE] not in client.get(page.url).content.decode()


def test_the_page_history_names_the_partner(client, published_story, tubingen_partner):
    po = download(client, tubingen_partner, published_story)
    upload(client, tubingen_partner, published_story, filled(po, GERMAN))

    entry = PageLogEntry.objects.get(
        page=german(published_story), action="twinning_partners.contribution"
    )

    assert entry.user is None
    assert entry.data["partner"]["title"] == "Tübingen"
    assert entry.data["partner"]["contact"] == "Anna Keller"
    assert entry.message == "Translation sent by Tübingen (Anna Keller)"


def test_the_id_of_a_translated_page_gives_the_file_of_its_source(
    client, published_story, tubingen, tubingen_partner, django_capture_on_commit_callbacks
):
    po = download(client, tubingen_partner, published_story)
    upload(client, tubingen_partner, published_story, filled(po, GERMAN))
    page = german(published_story)
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish()
    italian_reader = make_partner(tubingen, languages=["it"], contact_name="Anna")

    response = client.get(po_url(page, "it"), **italian_reader.auth)

    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    assert po.metadata["Language"] == "it"
    assert po.metadata["X-Twinning-Source-Object-Id"] == str(published_story.pk)
    assert TITLE in {entry.msgid for entry in po}


def test_themes_of_the_partner_city_can_be_translated(
    client, tubingen, tubingen_partner, languages, django_capture_on_commit_callbacks
):
    culture = factories.CooperationThemeFactory(name="Culture")
    sport = factories.CooperationThemeFactory(name="Sport")
    tubingen.themes = [culture]
    with django_capture_on_commit_callbacks(execute=True):
        tubingen.save_revision().publish()

    def url(theme):
        return reverse(
            "wagtailapi:partner-snippet-translation-po",
            args=["twinning.CooperationTheme", theme.pk, "de"],
        )

    assert client.get(url(culture), **tubingen_partner.auth).status_code == 200
    assert_refused(client.get(url(sport), **tubingen_partner.auth), 403, "does not concern")


def test_a_file_with_no_translation_is_refused(client, published_story, tubingen_partner):
    po = download(client, tubingen_partner, published_story)
    before = written()

    response = upload(client, tubingen_partner, published_story, filled(po, {}))

    assert_refused(response, 400, "holds no translation")
    assert written() == before


def test_without_a_workflow_the_draft_waits_for_an_editor(
    client, published_story, tubingen_partner
):
    from wagtail.models import WorkflowPage

    WorkflowPage.objects.all().delete()
    po = download(client, tubingen_partner, published_story)

    response = upload(client, tubingen_partner, published_story, filled(po, GERMAN))

    assert response.status_code == 202
    assert "has no review workflow" in response.json()["message"]
    page = german(published_story)
    assert not page.live and page.current_workflow_state is None
    assert TranslationContribution.objects.get().workflow_state is None


# Refusals ---------------------------------------------------------------------------------


def assert_refused(response, status, text):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    assert text in response.json()["message"]


def test_an_invalid_po_file_is_refused(client, published_story, tubingen_partner):
    before = written()

    response = upload(client, tubingen_partner, published_story, b'msgid "a"\nmsgstr "b"\n')

    assert_refused(response, 400, "Not a file written by export_translations")
    assert written() == before


def test_a_body_that_is_a_server_path_is_not_read_as_a_file(
    client, published_story, tubingen_partner
):
    response = upload(client, tubingen_partner, published_story, b"/etc/passwd")

    assert_refused(response, 400, "Malformed PO file")


def test_a_stale_source_is_refused_with_409(
    client, published_story, tubingen_partner, django_capture_on_commit_callbacks
):
    po = download(client, tubingen_partner, published_story)
    published_story.summary = "Vingt-deux étudiants d'Aix à Tübingen."
    with django_capture_on_commit_callbacks(execute=True):
        published_story.save_revision().publish()
    before = written()

    response = upload(client, tubingen_partner, published_story, filled(po, GERMAN))

    assert_refused(response, 409, "Stale source")
    assert written() == before


def test_a_language_not_the_partner_is_refused_with_403(client, published_story, tubingen_partner):
    before = written()

    response = upload(client, tubingen_partner, published_story, b"x\ny", code="it")

    assert_refused(response, 403, "“it” is not among your languages")
    assert client.get(po_url(published_story, "it"), **tubingen_partner.auth).status_code == 403
    assert written() == before


@pytest.mark.parametrize("code", ["xx", "fr"])
def test_a_language_not_configured_is_refused_with_404(client, published_story, tubingen, code):
    partner = make_partner(tubingen, languages=["de", code])
    response = client.get(po_url(published_story, code), **partner.auth)

    assert_refused(response, 404, "is not a language this site translates into")


def test_a_story_naming_only_perugia_is_refused_with_403(
    client, stories_index, perugia, tubingen_partner, languages
):
    other = factories.ExchangeStoryPageFactory(
        parent=stories_index, title="À Pérouse", slug="a-perouse", partner_cities=[perugia]
    )
    before = written()

    assert_refused(
        client.get(po_url(other), **tubingen_partner.auth), 403, "does not concern Tübingen"
    )
    assert_refused(upload(client, tubingen_partner, other, b"x\ny"), 403, "does not concern")
    assert written() == before


def test_a_draft_only_page_is_refused_with_404(
    client, stories_index, tubingen, tubingen_partner, languages
):
    draft = factories.ExchangeStoryPageFactory(
        parent=stories_index, title="Brouillon", slug="brouillon", partner_cities=[tubingen]
    )
    draft.unpublish()

    assert_refused(
        client.get(po_url(draft), **tubingen_partner.auth), 404, "No published page has the id"
    )


def test_erroneous_translations_are_listed(
    client, published_story, tubingen_partner, django_capture_on_commit_callbacks
):
    published_story.body = [("paragraph", RichText("<p>Vingt étudiants <b>partis</b>.</p>"))]
    with django_capture_on_commit_callbacks(execute=True):
        published_story.save_revision().publish()
    po = download(client, tubingen_partner, published_story)
    before = written()

    response = upload(
        client,
        tubingen_partner,
        published_story,
        filled(po, {"Vingt étudiants <b>partis</b>.": "<script>alert(1)</script>", **GERMAN}),
    )

    assert_refused(response, 400, "1 translation is not valid")
    (problem,) = response.json()["problems"]
    assert "Vingt étudiants <b>partis</b>." in problem
    assert "<script> tag is not allowed" in problem
    assert written() == before


def test_a_file_for_another_page_is_refused(client, published_story, tubingen, tubingen_partner):
    po = download(client, tubingen_partner, tubingen)

    response = upload(client, tubingen_partner, published_story, filled(po, {}))

    assert_refused(response, 400, "send it to its own address")


@override_settings(TWINNING={"PARTNER_UPLOAD_MAX_BYTES": 100})
def test_a_body_over_the_size_limit_is_refused_with_413(client, published_story, tubingen_partner):
    before = written()

    response = upload(client, tubingen_partner, published_story, b"#" * 101)

    assert_refused(response, 413, "larger than 100 bytes")
    assert written() == before


@override_settings(TWINNING={"PARTNER_UPLOADS_PER_HOUR": 2})
def test_too_many_uploads_are_refused_with_429_and_retry_after(
    client, published_story, tubingen_partner
):
    cache.clear()
    po = download(client, tubingen_partner, published_story)
    for _ in range(2):
        assert upload(client, tubingen_partner, published_story, b"x\ny").status_code == 400
    before = written()

    response = upload(client, tubingen_partner, published_story, filled(po, GERMAN))

    assert_refused(response, 429, "2 uploads per hour")
    assert 1 <= int(response["Retry-After"]) <= 3600
    assert written() == before
