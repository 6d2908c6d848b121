"""Earlier translations are offered again, as suggestions a translator accepts or not.

A French editor corrects a year in a paragraph; the German translation of the paragraph
is kept by wagtail-localize but tied to the old text. A block is duplicated; its twin is
already translated. The German translator is offered those translations in the
translation editor (an info bar leading to a review page) and in exported PO files
(``fuzzy``, with the previous French text); nothing counts as translated until accepted.
"""

from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation, TranslationSource

import polib
import pytest

from tests.twinning.localize_helpers import (
    admin_user,
    edit_url,
    in_locale,
    locale,
    log_in,
    translate_strings,
    translation_of,
)
from twinning.localize.groups import ensure_editorial_groups
from twinning.localize.memory import (
    PREVIOUS,
    SAME_TEXT,
    URL_NAME,
    offer_suggestions,
    suggestions_for,
)
from twinning.localize.status import coverage_for
from twinning.models import PartnerCityPage

OLD = "Jumelage signé en 1955 à Tübingen, après dix ans d'échanges."
NEW = "Jumelage signé en 1954 à Tübingen, après dix ans d'échanges."
OLD_DE = "Partnerschaft 1955 in Tübingen unterzeichnet, nach zehn Jahren Austausch."
QUOTE = "Une amitié qui dure."
QUOTE_DE = "Eine Freundschaft, die hält."


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def languages(db):
    return [locale("en"), locale("de"), locale("ar")]


def publish_french(page, capture):
    with capture(execute=True):
        page.save_revision().publish()
    return PartnerCityPage.objects.get(pk=page.pk)


def admin_submits(client, page, *codes):
    """ "Translate this page" in the admin."""
    user = get_user_model().objects.filter(username="admin").first()
    if user is None:
        admin_user(client)
    else:
        log_in(client, user)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale(code).pk for code in codes]},
    )
    assert response.status_code == 302
    translation.activate("en")


def admin_syncs(client, page):
    """ "Sync translated pages" in the admin: the French text is extracted again."""
    source = TranslationSource.objects.get(object_id=page.translation_key)
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302
    translation.activate("en")


@pytest.fixture
def city(client, tubingen, languages, django_capture_on_commit_callbacks):
    """Tübingen with a paragraph and a quotation, both translated into German."""
    tubingen.body = [
        ("paragraph", RichText(f"<p>{OLD}</p>")),
        ("quote", {"text": QUOTE, "attribution": ""}),
    ]
    page = publish_french(tubingen, django_capture_on_commit_callbacks)
    admin_submits(client, page, "de")
    translate_strings(page, "de", {OLD: OLD_DE, QUOTE: QUOTE_DE})
    return page


@pytest.fixture
def year_corrected(client, city, django_capture_on_commit_callbacks):
    """The French editor corrects 1955 into 1954 in the paragraph; translations synced."""
    paragraph = city.body[0]
    city.body[0] = ("paragraph", RichText(f"<p>{NEW}</p>"), paragraph.id)
    page = publish_french(city, django_capture_on_commit_callbacks)
    admin_syncs(client, page)
    return page


@pytest.fixture
def quote_duplicated(client, city, django_capture_on_commit_callbacks):
    """The French editor duplicates the quotation block."""
    city.body.append(("quote", {"text": QUOTE, "attribution": ""}))
    page = publish_french(city, django_capture_on_commit_callbacks)
    admin_syncs(client, page)
    return page


def german_percent(page) -> int:
    return coverage_for([page], [locale("de")])[page.translation_key]["de"].percent


def export_german(page, out):
    stdout = StringIO()
    call_command("export_translations", "--locale", "de", "--partner", "tubingen", "--out", out)
    (path,) = out.glob(f"page-{page.pk}-*.de.po")
    return polib.pofile(str(path)), stdout


# Finding them ----------------------------------------------------------------------------


def test_a_corrected_year_offers_the_translation_of_the_previous_paragraph(year_corrected):
    (suggestion,) = suggestions_for(translation_of(year_corrected, "de"))

    assert suggestion.kind == PREVIOUS
    assert suggestion.source_text == NEW
    assert suggestion.previous_source_text == OLD
    assert suggestion.translation_text == OLD_DE


def test_a_duplicated_block_is_offered_its_twin_translation(quote_duplicated):
    (suggestion,) = suggestions_for(translation_of(quote_duplicated, "de"))

    assert suggestion.kind == SAME_TEXT
    assert suggestion.source_text == QUOTE
    assert suggestion.previous_source is None
    assert suggestion.translation_text == QUOTE_DE


def test_identical_text_of_another_page_is_offered_after_this_page(
    client, city, perugia, django_capture_on_commit_callbacks
):
    perugia.body = [("quote", {"text": QUOTE, "attribution": ""})]
    perugia = publish_french(perugia, django_capture_on_commit_callbacks)
    admin_submits(client, perugia, "de")

    (suggestion,) = suggestions_for(translation_of(perugia, "de"))

    assert (suggestion.kind, suggestion.translation_text) == (SAME_TEXT, QUOTE_DE)


def test_suggestions_do_not_count_as_translated(year_corrected, quote_duplicated):
    german = translation_of(quote_duplicated, "de")
    assert len(suggestions_for(german)) == 2

    total, translated = german.get_progress()

    assert translated < total
    assert german_percent(quote_duplicated) < 100


def test_finding_suggestions_costs_three_queries_whatever_the_page_size(
    client, city, django_assert_num_queries, django_capture_on_commit_callbacks
):
    for i in range(12):
        city.body.append(("quote", {"text": QUOTE, "attribution": f"Maire {i}"}))
    page = publish_french(city, django_capture_on_commit_callbacks)
    admin_syncs(client, page)
    german = translation_of(page, "de")

    with django_assert_num_queries(3):
        found = suggestions_for(german)

    # Every new quotation is offered its twin's translation; the new attributions have none.
    assert [item.translation_text for item in found] == [QUOTE_DE] * 12


# In a PO file ----------------------------------------------------------------------------


def test_export_writes_the_previous_translation_as_fuzzy_with_the_previous_text(
    year_corrected, tmp_path
):
    po, _stdout = export_german(year_corrected, tmp_path)

    (entry,) = [entry for entry in po if entry.msgid == NEW]
    assert entry.fuzzy
    assert entry.msgstr == OLD_DE
    assert entry.previous_msgid == OLD
    assert f'#| msgid "{OLD}"' in str(po)


def test_export_offers_a_duplicated_block_its_twin_translation_as_fuzzy(quote_duplicated, tmp_path):
    po, _stdout = export_german(quote_duplicated, tmp_path)

    quotes = [entry for entry in po if entry.msgid == QUOTE and not entry.obsolete]
    assert sorted((entry.fuzzy, entry.msgstr) for entry in quotes) == [
        (False, QUOTE_DE),
        (True, QUOTE_DE),
    ]
    assert all(entry.previous_msgid is None for entry in quotes)


# In the translation editor -------------------------------------------------------------


def messages_of(response) -> list[str]:
    """The messages the admin shows (the editor renders them, from the session)."""
    return [" ".join(str(message).split()) for message in get_messages(response.wsgi_request)]


def test_translation_editor_says_how_many_suggestions_wait(
    client, year_corrected, quote_duplicated
):
    german = in_locale(year_corrected, "de")

    response = client.get(edit_url(german))

    assert response.status_code == 200
    review = reverse(URL_NAME, args=[translation_of(german, "de").pk])
    assert any(
        "2 suggestions from earlier translations." in message and review in message
        for message in messages_of(response)
    )


def test_translation_editor_says_nothing_without_suggestions(client, city):
    response = client.get(edit_url(in_locale(city, "de")))

    assert not any("earlier translations" in message for message in messages_of(response))


def test_review_page_lists_source_now_previous_source_and_suggestion(
    client, year_corrected, quote_duplicated
):
    german = translation_of(year_corrected, "de")

    response = client.get(reverse(URL_NAME, args=[german.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    for text in (NEW, OLD, OLD_DE, QUOTE, QUOTE_DE, "Same text, translated elsewhere"):
        assert text.replace("'", "&#x27;") in html
    assert html.count('type="checkbox" name="accept"') == 2


def translate_everything_else(page, suggestions):
    """The translator has translated every other text of the page."""
    german = translation_of(page, "de")
    offered = {item.segment_id for item in suggestions}
    for segment in german.source.stringsegment_set.exclude(pk__in=offered):
        StringTranslation.objects.get_or_create(
            translation_of_id=segment.string_id,
            context_id=segment.context_id,
            locale=german.target_locale,
            defaults={"data": f"[de] {segment.pk}", "translation_type": "manual"},
        )


def test_accepted_suggestions_become_the_translator_own_translations(
    client, year_corrected, quote_duplicated
):
    german = translation_of(year_corrected, "de")
    user = get_user_model().objects.get(username="admin")
    paragraph, quote = suggestions_for(german)
    translate_everything_else(year_corrected, [paragraph, quote])
    assert german_percent(year_corrected) < 100  # the suggestions are not translations

    response = client.post(reverse(URL_NAME, args=[german.pk]), {"accept": [paragraph.segment_id]})

    assert response.status_code == 302
    assert response["Location"] == edit_url(in_locale(year_corrected, "de"))
    assert "1 earlier translation accepted: check it in the editor." in messages_of(response)
    accepted = StringTranslation.objects.get(
        translation_of_id=paragraph.string_id, context_id=paragraph.context_id, locale=locale("de")
    )
    assert accepted.data == OLD_DE
    assert accepted.translation_type == "manual" and accepted.last_translated_by == user
    assert not accepted.has_error
    # The quote was not ticked: still a suggestion, still untranslated.
    assert suggestions_for(german) == [quote]
    assert german_percent(year_corrected) < 100

    client.post(reverse(URL_NAME, args=[german.pk]), {"accept": [quote.segment_id]})

    assert suggestions_for(german) == []
    assert german_percent(year_corrected) == 100


def test_the_editor_info_bar_costs_few_queries(year_corrected, django_assert_max_num_queries):
    german = in_locale(year_corrected, "de")
    request = RequestFactory().get(edit_url(german))
    request.user = get_user_model().objects.get(username="admin")
    request.session = {}
    request._messages = FallbackStorage(request)

    with django_assert_max_num_queries(6):
        offer_suggestions(request, german)

    assert len(request._messages._queued_messages) == 1


def test_someone_who_cannot_edit_the_german_page_cannot_see_or_accept_suggestions(
    client, year_corrected
):
    groups = ensure_editorial_groups()
    outsider = get_user_model().objects.create_user("outsider", "o@example.org", "pw")
    outsider.groups.add(groups.translators["ar"])
    log_in(client, outsider)
    german = translation_of(year_corrected, "de")
    url = reverse(URL_NAME, args=[german.pk])
    (paragraph,) = suggestions_for(german)

    for response in (client.get(url), client.post(url, {"accept": [paragraph.segment_id]})):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert suggestions_for(german) == [paragraph]
