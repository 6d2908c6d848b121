"""Translation coverage: the service other code reads, and the admin report built on it."""

import datetime
import re
from html import unescape
from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page
from wagtail_localize.models import (
    LocaleSynchronization,
    StringTranslation,
    Translation,
    TranslationSource,
)

import polib
import pytest

from tests import factories
from tests.twinning.localize_helpers import (
    admin_user,
    in_locale,
    locale,
    log_in,
    publish,
    submit,
    sync,
    translate_strings,
    translation_of,
)
from twinning.localize.review import URL_NAME as TRANSLATION_REVIEW_URL
from twinning.localize.status import Coverage, coverage_for

REPORT = reverse("twinning_translation_coverage")


@pytest.fixture
def languages(db):
    return [locale("en"), locale("de"), locale("ar")]


def test_untranslated_page_has_no_translation_anywhere(tubingen, languages):
    figures = coverage_for([tubingen])[tubingen.translation_key]
    assert set(figures) == {"en", "de", "ar"}  # never the source's own language
    assert figures["de"] == Coverage(
        "de", False, False, 0, False, tubingen.last_published_at, None, False
    )
    assert figures["de"].state == "missing"


def test_alias_page_counts_as_not_translated(
    tubingen, languages, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        LocaleSynchronization.objects.create(locale=locale("de"), sync_from=tubingen.locale)
    assert in_locale(tubingen, "de").alias_of_id == tubingen.pk

    german = coverage_for([tubingen])[tubingen.translation_key]["de"]

    assert (german.exists, german.live, german.percent) == (False, False, 0)


def test_draft_translation_reports_the_share_of_translated_strings(tubingen, languages):
    # title, slug, intro and two milestone titles: five strings.
    submit(tubingen, "de")
    translate_strings(tubingen, "de", {"Tübingen": "Tübingen", "tubingen": "tuebingen"})

    german = coverage_for([tubingen])[tubingen.translation_key]["de"]

    assert german.exists and not german.live
    assert german.percent == 40
    assert not german.out_of_date
    assert german.translated_at is not None


def test_published_complete_translation_is_live_and_up_to_date(
    tubingen, languages, django_capture_on_commit_callbacks
):
    submit(tubingen, "de")
    translate_strings(
        tubingen,
        "de",
        {
            "Tübingen": "Tübingen",
            "tubingen": "tuebingen",
            "Tübingen, ville partenaire d'Aix-en-Provence.": "Partnerstadt von Aix.",
            "Signature du jumelage": "Unterzeichnung",
            "Prix de l'Europe": "Europapreis",
        },
    )
    publish(tubingen, "de", django_capture_on_commit_callbacks)

    figures = coverage_for([tubingen])[tubingen.translation_key]

    assert (figures["de"].live, figures["de"].percent, figures["de"].out_of_date) == (
        True,
        100,
        False,
    )
    assert not figures["en"].exists


def test_source_published_after_the_translation_makes_it_out_of_date_until_synced(
    tubingen, languages, django_capture_on_commit_callbacks
):
    submit(tubingen, "de")
    publish(tubingen, "de", django_capture_on_commit_callbacks)
    tubingen.intro = "Nouvelle introduction."
    with django_capture_on_commit_callbacks(execute=True):
        tubingen.save_revision().publish()
    tubingen.refresh_from_db()

    stale = coverage_for([tubingen])[tubingen.translation_key]["de"]
    assert stale.out_of_date
    assert stale.source_updated_at == tubingen.last_published_at
    assert stale.translated_at < stale.source_updated_at
    assert stale.percent == 0  # what was extracted is not translated either

    sync(tubingen, "de", django_capture_on_commit_callbacks)
    assert not coverage_for([tubingen])[tubingen.translation_key]["de"].out_of_date


def test_sync_without_publishing_leaves_translation_out_of_date(
    tubingen, languages, django_capture_on_commit_callbacks
):
    submit(tubingen, "de")
    publish(tubingen, "de", django_capture_on_commit_callbacks)
    source = translation_of(tubingen, "de").source
    source.last_updated_at = timezone.now() + datetime.timedelta(seconds=1)
    source.save(update_fields=["last_updated_at"])

    german = coverage_for([tubingen])[tubingen.translation_key]["de"]

    assert german.out_of_date
    assert german.source_updated_at == source.last_updated_at


def test_coverage_is_about_the_source_whichever_translation_is_asked(
    tubingen, languages, django_capture_on_commit_callbacks
):
    submit(tubingen, "de", "en")
    translate_strings(tubingen, "de", {"Tübingen": "Tübingen"})

    from_source = coverage_for([tubingen])
    from_german = coverage_for([in_locale(tubingen, "de")])

    assert from_german == from_source
    assert set(from_german[tubingen.translation_key]) == {"en", "de", "ar"}


def test_theme_snippet_translation_is_live_as_soon_as_it_exists(db, languages):
    theme = factories.CooperationThemeFactory(name="Culture", description="")
    submit(theme, "de")

    figures = coverage_for([theme])[theme.translation_key]

    assert (figures["de"].exists, figures["de"].live) == (True, True)
    assert (figures["en"].exists, figures["en"].live) == (False, False)


def test_page_translated_by_hand_counts_as_complete(home, languages):
    french = factories.ContentPageFactory(parent=home, title="Stratégie")
    german = factories.ContentPageFactory(
        parent=home,
        title="Strategie",
        slug="strategie-de",
        locale=locale("de"),
        translation_key=french.translation_key,
    )
    assert not TranslationSource.objects.exists()

    figures = coverage_for([french])[french.translation_key]["de"]

    assert (figures.exists, figures.percent, figures.live) == (True, 100, german.live)
    assert not coverage_for([french])[french.translation_key]["en"].exists


def test_query_count_does_not_grow_with_the_number_of_pages(
    cities_index, languages, django_assert_max_num_queries
):
    cities = []
    for n in range(20):
        city = factories.PartnerCityPageFactory(parent=cities_index, title=f"Ville {n}")
        factories.PartnershipMilestoneFactory(page=city, title=f"Étape {n}")
        submit(city, "de")
        translate_strings(city, "de", {f"Ville {n}": f"Stadt {n}"})
        cities.append(city)
    theme = factories.CooperationThemeFactory()
    submit(theme, "de")

    with CaptureQueriesContext(connection) as one:
        coverage_for([cities[0], theme])
    with django_assert_max_num_queries(len(one.captured_queries)):
        figures = coverage_for([*cities, theme])

    assert len(one.captured_queries) <= 4  # locales, pages, themes, sources and figures
    print(f"coverage_for: {len(one.captured_queries)} queries for 1 or 21 objects")
    assert len(figures) == 21
    assert {figures[city.translation_key]["de"].percent for city in cities} == {25}


def test_percent_is_wagtail_localizes_own_progress_on_every_page_and_locale(
    stories_index, tubingen, languages
):
    # Twice the same sentence in one rich text: two segments sharing a string and a context.
    story = factories.ExchangeStoryPageFactory(
        parent=stories_index, title="Échange", slug="echange", partner_cities=[tubingen]
    )
    story.body = [("paragraph", "<p>Bonjour</p><p>Merci</p><p>Bonjour</p>")]
    story.save_revision().publish()
    submit(tubingen, "de", "en", "ar")
    submit(story, "de", "en")
    translate_strings(tubingen, "de", {"Tübingen": "Tübingen", "tubingen": "tuebingen"})
    translate_strings(tubingen, "en", {"Signature du jumelage": "Signing"})
    translate_strings(story, "de", {"Bonjour": "Guten Tag", "Échange": "Austausch"})
    translate_strings(story, "en", {"Bonjour": "Hello", "Merci": "Thanks", "echange": "x"})
    # A translation wagtail-localize found invalid does not count.
    StringTranslation.objects.filter(locale=locale("en"), data="Thanks").update(has_error=True)

    figures = coverage_for([tubingen, story])

    compared = 0
    for translation in Translation.objects.select_related("source", "target_locale"):
        total, done = translation.get_progress()
        key, code = translation.source.object_id, translation.target_locale.language_code
        assert figures[key][code].percent == done * 100 // total, (key, code, total, done)
        compared += 1
    assert compared == 5
    assert figures[story.translation_key]["de"].percent > 0
    assert figures[tubingen.translation_key]["ar"].percent == 0


def test_coverage_of_pages_costs_two_queries_or_one_when_their_versions_are_given(
    cities_index, languages, django_assert_num_queries
):
    cities = []
    for n in range(5):
        city = factories.PartnerCityPageFactory(parent=cities_index, title=f"Ville {n}")
        submit(city, "de", "en")
        translate_strings(city, "de", {f"Ville {n}": f"Stadt {n}"})
        cities.append(city)
    keys = [city.translation_key for city in cities]
    versions = list(
        Page.objects.filter(translation_key__in=keys).only(
            "translation_key", "locale_id", "live", "alias_of_id", "last_published_at"
        )
    )

    every_locale = [locale("fr"), *languages]
    with django_assert_num_queries(2):
        read = coverage_for(cities, every_locale)
    with django_assert_num_queries(1):
        given = coverage_for(cities, every_locale, versions=versions)

    assert given == read
    assert {read[key]["de"].percent for key in keys} == {33}  # the title of title, slug, intro
    assert {read[key]["en"].exists for key in keys} == {True}


# The admin report ------------------------------------------------------------------------


def test_report_shows_the_page_by_language_matrix(
    client, tubingen, story, languages, django_capture_on_commit_callbacks
):
    submit(tubingen, "de")
    publish(tubingen, "de", django_capture_on_commit_callbacks)
    admin_user(client)

    response = client.get(REPORT)

    assert response.status_code == 200
    html = response.content.decode()
    for heading in ("English", "German", "Arabic"):
        assert heading in html
    rows = {page.pk: page for page in response.context["object_list"]}
    assert set(rows) >= {tubingen.pk, story.pk}
    assert rows[tubingen.pk].coverage["de"].live
    german = in_locale(tubingen, "de")
    assert reverse("wagtailadmin_pages:edit", args=[german.pk]) in html
    translate_story = reverse("wagtail_localize:submit_page_translation", args=[story.pk])
    assert f"{translate_story}?select_locale=de" in html
    assert "Not translated" in html


def test_report_filters_by_partner_city(client, tubingen, perugia, story, languages):
    admin_user(client)

    response = client.get(REPORT, {"partner": tubingen.pk})

    assert {page.pk for page in response.context["object_list"]} == {tubingen.pk, story.pk}


def test_report_filters_by_page_type(client, tubingen, perugia, story, languages):
    from django.contrib.contenttypes.models import ContentType

    from twinning.models import ExchangeStoryPage

    admin_user(client)
    story_type = ContentType.objects.get_for_model(ExchangeStoryPage)

    response = client.get(REPORT, {"page_type": story_type.pk})

    assert [page.pk for page in response.context["object_list"]] == [story.pk]


def test_report_rejects_a_bogus_filter_without_an_error_page(client, tubingen, languages):
    admin_user(client)
    response = client.get(REPORT, {"partner": "not-a-page", "page_type": "9999"})
    assert response.status_code == 200
    assert tubingen.pk in {page.pk for page in response.context["object_list"]}


def test_report_query_count_does_not_grow_with_rows(
    client, cities_index, languages, django_assert_max_num_queries
):
    admin_user(client)
    for n in range(3):
        city = factories.PartnerCityPageFactory(parent=cities_index, title=f"Ville {n}")
        submit(city, "de")
    with CaptureQueriesContext(connection) as few:
        client.get(REPORT)
    for n in range(3, 20):
        city = factories.PartnerCityPageFactory(parent=cities_index, title=f"Ville {n}")
        submit(city, "de")

    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        response = client.get(REPORT)
    print(f"report: {len(few.captured_queries)} queries for 5 rows, {len(many)} for 22")

    assert len(response.context["object_list"]) == 22  # home, index and 20 cities


def test_report_is_refused_to_users_without_page_permissions(client, tubingen, languages):
    user = get_user_model().objects.create_user("visitor", password="pw")
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    log_in(client, user)

    response = client.get(REPORT)

    assert response.status_code in (302, 403)
    assert "Tübingen" not in response.content.decode()


def test_report_is_in_the_reports_menu(client, tubingen, languages):
    admin_user(client)
    response = client.get(reverse("wagtailadmin_home"))
    assert REPORT in response.content.decode()


# What editors and translators are told ---------------------------------------------------


def translate_in_admin(client, obj, capture, *codes):
    """ "Translate this page" or "Translate" on a snippet, in wagtail-localize's admin."""
    if isinstance(obj, Page):
        url = reverse("wagtail_localize:submit_page_translation", args=[obj.pk])
    else:
        meta = obj._meta
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, obj.pk],
        )
    with capture(execute=True):
        response = client.post(url, {"locales": [locale(code).pk for code in codes]})
    assert response.status_code == 302, response.content.decode()[:500]
    return in_locale(obj, codes[0])


def publish_in_editor(client, translated, capture):
    """The Publish button of wagtail-localize's translation editor."""
    if isinstance(translated, Page):
        url = reverse("wagtailadmin_pages:edit", args=[translated.pk])
    else:
        url = reverse(
            f"wagtailsnippets_{translated._meta.app_label}_{translated._meta.model_name}:edit",
            args=[translated.pk],
        )
    with capture(execute=True):
        response = client.post(url, {"action": "publish"})
    assert response.status_code == 302, response.content.decode()[:500]


def submit_for_review(client, translated):
    """The project's "Submit for review" step of the translation editor."""
    response = client.post(reverse(TRANSLATION_REVIEW_URL, args=[translated.pk]))
    assert response.status_code == 302
    translated.refresh_from_db()
    assert translated.workflow_in_progress


def report_cell(client, page, code: str) -> tuple[str, str]:
    """The state a report cell says and its words, for ``page`` in language ``code``."""
    html = client.get(REPORT).content.decode()
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    row = re.search(rf'<tr[^>]*>(?:(?!</tr>).)*href="{edit_url}"(?:(?!</tr>).)*</tr>', html, re.S)
    assert row, f"no row for {page}"
    cell = re.search(
        rf'<td[^>]*data-locale="{code}" data-state="([a-z_]+)">(.*?)</td>', row.group(0), re.S
    )
    return cell.group(1), " ".join(unescape(re.sub(r"<[^>]+>", " ", cell.group(2))).split())


GERMAN_STORY = {
    "Étudiants à Tübingen": "Studierende in Tübingen",
    "etudiants-tubingen": "studierende-in-tuebingen",
    "Résumé de « Étudiants à Tübingen ».": "Zwanzig Studierende in Tübingen.",
}


@pytest.fixture
def german_story(client, story, languages, django_capture_on_commit_callbacks):
    """The French story translated into German in the admin, every string translated, live."""
    admin_user(client)
    german = translate_in_admin(client, story, django_capture_on_commit_callbacks, "de")
    assert translate_strings(story, "de", GERMAN_STORY) == 3
    publish_in_editor(client, german, django_capture_on_commit_callbacks)
    german.refresh_from_db()
    assert german.live
    return german


def test_live_translation_at_zero_percent_is_reported_untranslated(
    client, tubingen, languages, django_capture_on_commit_callbacks
):
    """Published from the translation editor before a single string was translated: the
    German URL shows French text, which is not a translation."""
    admin_user(client)
    german = translate_in_admin(client, tubingen, django_capture_on_commit_callbacks, "de")
    publish_in_editor(client, german, django_capture_on_commit_callbacks)
    german.refresh_from_db()
    assert german.live and german.title == "Tübingen"

    figures = coverage_for([tubingen])[tubingen.translation_key]["de"]
    assert (figures.live, figures.percent, figures.translated) == (True, 0, False)
    assert figures.state == "untranslated"
    assert report_cell(client, tubingen, "de") == (
        "untranslated",
        "0 % live No text translated yet",
    )

    translate_strings(tubingen, "de", {"Signature du jumelage": "Unterzeichnung"})
    publish_in_editor(client, german, django_capture_on_commit_callbacks)

    assert coverage_for([tubingen])[tubingen.translation_key]["de"].state == "live"
    assert report_cell(client, tubingen, "de") == ("live", "20 % live")


def test_translation_submitted_for_review_awaits_review_while_readers_see_the_live_one(
    client, client_fr, story, german_story, django_capture_on_commit_callbacks
):
    assert report_cell(client, story, "de") == ("live", "100 % live")
    translate_strings(story, "de", {"Résumé de « Étudiants à Tübingen ».": "Dreißig Studierende."})

    submit_for_review(client, german_story)

    german = coverage_for([story])[story.translation_key]["de"]
    assert (german.live, german.percent, german.out_of_date) == (True, 100, False)
    assert german.awaiting_review and german.state == "awaiting_review"
    assert report_cell(client, story, "de") == ("awaiting_review", "100 % live awaiting review")
    assert "Dreißig" not in client_fr.get(german_story.url).content.decode()

    task_state = german_story.current_workflow_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[german_story.pk, "approve", task_state.pk]
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(approve)

    assert "Dreißig" in client_fr.get(german_story.url).content.decode()
    assert coverage_for([story])[story.translation_key]["de"].state == "live"
    assert report_cell(client, story, "de") == ("live", "100 % live")


def test_new_translation_submitted_for_review_awaits_review_not_draft(
    client, story, languages, django_capture_on_commit_callbacks
):
    admin_user(client)
    german = translate_in_admin(client, story, django_capture_on_commit_callbacks, "de")
    translate_strings(story, "de", GERMAN_STORY)
    assert report_cell(client, story, "de") == ("draft", "100 % draft")

    submit_for_review(client, german)

    figures = coverage_for([story])[story.translation_key]["de"]
    assert (figures.live, figures.awaiting_review, figures.state) == (
        False,
        True,
        "awaiting_review",
    )
    assert report_cell(client, story, "de") == ("awaiting_review", "100 % draft awaiting review")


def test_po_file_imported_over_a_live_translation_awaits_review(
    client, story, german_story, tmp_path, django_capture_on_commit_callbacks
):
    call_command("export_translations", "--locale", "de", "--out", str(tmp_path), stdout=StringIO())
    assert not list(tmp_path.glob(f"page-{story.pk}-*.po"))  # complete and up to date
    story.summary = "Vingt étudiants aixois à Tübingen."
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    assert report_cell(client, story, "de")[0] == "out_of_date"
    call_command("export_translations", "--locale", "de", "--out", str(tmp_path), stdout=StringIO())
    (path,) = tmp_path.glob(f"page-{story.pk}-*.de.po")
    po = polib.pofile(str(path))
    (changed,) = [entry for entry in po if entry.msgid == "Vingt étudiants aixois à Tübingen."]
    changed.msgstr = "Zwanzig Studierende aus Aix in Tübingen."
    changed.flags = [flag for flag in changed.flags if flag != "fuzzy"]  # the translator checked
    po.save(str(path))

    call_command("import_translations", str(path), stdout=StringIO(), stderr=StringIO())

    german = coverage_for([story])[story.translation_key]["de"]
    assert (german.live, german.percent, german.out_of_date) == (True, 100, False)
    assert german.state == "awaiting_review"
    assert report_cell(client, story, "de") == ("awaiting_review", "100 % live awaiting review")


def theme_form_data(theme, **fields) -> dict:
    data = {
        "name": theme.name,
        "slug": theme.slug,
        "description": theme.description,
        "sort_order": str(theme.sort_order),
    }
    return {**data, **fields}


def test_french_theme_edited_without_a_sync_is_out_of_date_and_exported_again(
    client, languages, tmp_path, django_capture_on_commit_callbacks
):
    theme = factories.CooperationThemeFactory(name="Culture", description="Festivals.")
    admin_user(client)
    german = translate_in_admin(client, theme, django_capture_on_commit_callbacks, "de")
    assert coverage_for([theme])[theme.translation_key]["de"].state == "untranslated"
    translate_strings(theme, "de", {"Culture": "Kultur", "Festivals.": "Feste."})
    publish_in_editor(client, german, django_capture_on_commit_callbacks)
    assert coverage_for([theme])[theme.translation_key]["de"].state == "live"
    call_command("export_translations", "--locale", "de", "--out", str(tmp_path), stdout=StringIO())
    assert not list(tmp_path.glob("cooperationtheme-*.po"))

    response = client.post(
        reverse("wagtailsnippets_twinning_cooperationtheme:edit", args=[theme.pk]),
        theme_form_data(theme, description="Festivals et résidences d'artistes."),
    )
    assert response.status_code == 302

    german = coverage_for([theme])[theme.translation_key]["de"]
    assert (german.percent, german.out_of_date, german.state) == (100, True, "out_of_date")
    call_command("export_translations", "--locale", "de", "--out", str(tmp_path), stdout=StringIO())
    (path,) = tmp_path.glob("cooperationtheme-*.de.po")
    assert "Festivals et résidences d'artistes." in {
        entry.msgid for entry in polib.pofile(str(path))
    }


def test_theme_saved_without_a_change_to_its_text_stays_up_to_date(
    client, languages, tmp_path, django_capture_on_commit_callbacks
):
    """Reordering themes leaves translators nothing to do: no file is sent to them."""
    theme = factories.CooperationThemeFactory(name="Culture", description="Festivals.")
    admin_user(client)
    german = translate_in_admin(client, theme, django_capture_on_commit_callbacks, "de")
    translate_strings(theme, "de", {"Culture": "Kultur", "Festivals.": "Feste."})
    publish_in_editor(client, german, django_capture_on_commit_callbacks)

    response = client.post(
        reverse("wagtailsnippets_twinning_cooperationtheme:edit", args=[theme.pk]),
        theme_form_data(theme, sort_order="7"),
    )
    assert response.status_code == 302

    assert coverage_for([theme])[theme.translation_key]["de"].state == "live"
    call_command("export_translations", "--locale", "de", "--out", str(tmp_path), stdout=StringIO())
    assert not list(tmp_path.glob("cooperationtheme-*.po"))


def test_french_actor_renamed_without_a_sync_is_out_of_date(
    client, tubingen, languages, django_capture_on_commit_callbacks
):
    actor = factories.ActorFactory(
        name="Chorale du Pays d'Aix", description="Chante.", partner_cities=[tubingen]
    )
    admin_user(client)
    german = translate_in_admin(client, actor, django_capture_on_commit_callbacks, "de")
    translate_strings(actor, "de", {"Chorale du Pays d'Aix": "Chor von Aix", "Chante.": "Singt."})
    publish_in_editor(client, german, django_capture_on_commit_callbacks)
    assert coverage_for([actor])[actor.translation_key]["de"].state == "live"

    actor.name = "Chœur du Pays d'Aix"
    actor.save()

    assert coverage_for([actor])[actor.translation_key]["de"].state == "out_of_date"


def test_states_cost_no_query_more_whatever_the_number_of_pages_and_snippets(
    client, stories_index, languages, django_capture_on_commit_callbacks, django_assert_num_queries
):
    """Pages awaiting review and snippets edited since their extraction are told in the
    same two queries (versions, then figures and review states), plus one per snippet model."""
    admin_user(client)
    stories, themes = [], []
    for n in range(4):
        story = factories.ExchangeStoryPageFactory(parent=stories_index, title=f"Récit {n}")
        german = translate_in_admin(client, story, django_capture_on_commit_callbacks, "de")
        translate_strings(story, "de", {f"Récit {n}": f"Bericht {n}"})
        publish_in_editor(client, german, django_capture_on_commit_callbacks)
        translate_strings(story, "de", {f"recit-{n}": f"bericht-{n}"})
        submit_for_review(client, german)
        stories.append(story)
        theme = factories.CooperationThemeFactory(name=f"Thème {n}")
        translate_in_admin(client, theme, django_capture_on_commit_callbacks, "de")
        theme.name = f"Thème {n} (nouveau)"
        theme.save()
        themes.append(theme)
    every_locale = [locale("fr"), *languages]

    with django_assert_num_queries(3):
        one = coverage_for([stories[0], themes[0]], every_locale)
    with django_assert_num_queries(3):
        every = coverage_for([*stories, *themes], every_locale)

    assert one[stories[0].translation_key] == every[stories[0].translation_key]
    assert {every[story.translation_key]["de"].state for story in stories} == {"awaiting_review"}
    assert {every[theme.translation_key]["de"].out_of_date for theme in themes} == {True}
