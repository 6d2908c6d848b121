"""The demo loader: the seed's facts, translations through wagtail-localize, idempotence.

The demo is loaded once for the whole module (it is slow: hundreds of pages with their
aliases) inside a transaction rolled back at the end, so other modules never see it.
"""

import datetime
from io import StringIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from wagtail.images import get_image_model
from wagtail.models import (
    GroupPagePermission,
    Locale,
    Page,
    Revision,
    Site,
    Task,
    Workflow,
    WorkflowPage,
)
from wagtail.rich_text import RichText
from wagtail_localize.models import (
    LocaleSynchronization,
    String,
    StringTranslation,
    Translation,
    TranslationSource,
)

import pytest
from bs4 import BeautifulSoup

from home.demo import accounts, moderation
from home.demo.specs import CitySpec, EventSpec
from twinning.choices import CallStatus
from twinning.models import (
    Actor,
    CooperationTheme,
    EventIndexPage,
    EventPage,
    ExchangeStoryIndexPage,
    ExchangeStoryPage,
    PartnerCityIndexPage,
    PartnerCityPage,
    PartnershipMilestone,
    ProjectCallIndexPage,
    ProjectCallPage,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The output of ``load_demo``, run once; everything it wrote is rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("load_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)
    cache.clear()


def french(model, **filters):
    return model.objects.filter(locale__language_code="fr", **filters)


def city(slug: str, language: str = "fr") -> PartnerCityPage:
    source = PartnerCityPage.objects.get(slug=slug, locale__language_code="fr")
    return PartnerCityPage.objects.get(
        translation_key=source.translation_key,
        locale__language_code=language,
        alias_of__isnull=True,
    )


def translation_of(page: Page, language: str) -> Page:
    """The real translation of ``page`` in ``language`` (never an alias)."""
    return type(page).objects.get(
        translation_key=page.translation_key,
        locale__language_code=language,
        alias_of__isnull=True,
    )


def paris(*args: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*args), timezone.get_default_timezone())


def story_translations(slug: str) -> set[str]:
    source = ExchangeStoryPage.objects.get(slug=slug, locale__language_code="fr")
    return set(
        ExchangeStoryPage.objects.filter(
            translation_key=source.translation_key, alias_of__isnull=True
        ).values_list("locale__language_code", flat=True)
    )


def content_counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "strings": String.objects.count(),
        "string translations": StringTranslation.objects.count(),
        "sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
        "milestones": PartnershipMilestone.objects.count(),
        "themes": CooperationTheme.objects.count(),
        "actors": Actor.objects.count(),
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
        "group page permissions": GroupPagePermission.objects.count(),
        "workflows": Workflow.objects.count(),
        "tasks": Task.objects.count(),
        "workflow assignments": WorkflowPage.objects.count(),
    }


def test_every_partner_city_of_the_seed_is_there_once(demo):
    cities = french(PartnerCityPage, alias_of__isnull=True)
    # The seed's two tables: 7 official twinnings and 11 partnerships or agreements.
    assert cities.count() == 18
    assert cities.filter(kind="twinning").count() == 7
    assert cities.filter(kind="cooperation").count() == 11
    assert all(page.live for page in cities)


def test_tubingen_has_exactly_the_seed_facts_and_a_chronological_history(demo):
    tubingen = city("tubingen")
    assert tubingen.title == "Tübingen"
    assert tubingen.country.code == "DE"
    assert tubingen.signed == "1960-10-20"
    assert str(tubingen.latitude) == "48.52160"
    assert str(tubingen.longitude) == "9.05760"
    assert tubingen.wikidata_id == "Q3806"
    assert tubingen.population is None
    milestones = list(tubingen.milestones.order_by("sort_order"))
    assert [(m.date, m.kind) for m in milestones] == [
        ("1955", "event"),
        ("1960-10-20", "signing"),
        ("1965", "award"),
        ("1995", "event"),
    ]
    # The Europe Prize was shared by Aix and Tübingen only: no other city shows an award.
    awards = PartnershipMilestone.objects.filter(kind="award", page__alias_of__isnull=True)
    assert {m.page.translation_key for m in awards} == {tubingen.translation_key}


def test_a_city_without_a_date_in_the_seed_has_none(demo):
    pecs = city("pecs")
    assert pecs.signed == ""
    assert pecs.signed_date is None
    assert pecs.kind == "cooperation"
    assert not pecs.milestones.filter(kind="signing").exists()
    baalbek = city("baalbek")
    assert (baalbek.signed, baalbek.wikidata_id, baalbek.population) == ("", "", None)


def test_stories_are_demo_content_across_cities_themes_and_audiences(demo):
    stories = list(french(ExchangeStoryPage, alias_of__isnull=True))
    assert len(stories) >= 14
    assert all(story.is_demo_content and story.live for story in stories)
    assert all(2015 <= story.date.year <= 2025 for story in stories)
    assert all(story.partner_cities.exists() and story.themes.exists() for story in stories)
    cities = {c.pk for story in stories for c in story.partner_cities.all()}
    assert len(cities) >= 7
    used_themes = {t.slug for story in stories for t in story.themes.all()}
    assert used_themes == set(french(CooperationTheme).values_list("slug", flat=True))
    assert len({story.audience for story in stories}) >= 5


def test_seven_themes_and_every_content_locale_synchronised_from_french(demo):
    assert french(CooperationTheme).count() == 7
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    assert set(Locale.objects.values_list("language_code", flat=True)) >= set(codes)
    synced = LocaleSynchronization.objects.filter(sync_from__language_code="fr")
    assert set(synced.values_list("locale__language_code", flat=True)) == set(codes) - {"fr"}


def test_german_tubingen_is_a_live_wagtail_localize_translation(demo, client_fr):
    source_page = city("tubingen")
    source = TranslationSource.objects.get(
        object_id=source_page.translation_key, locale__language_code="fr"
    )
    assert Translation.objects.filter(source=source, target_locale__language_code="de").exists()
    assert StringTranslation.objects.filter(
        locale__language_code="de", data="Europapreis des Europarats"
    ).exists()

    german = city("tubingen", "de")
    assert german.live and not german.has_unpublished_changes
    assert german.alias_of_id is None
    assert [m.title for m in german.ordered_milestones] == [
        "Erster Hochschulaustausch",
        "Unterzeichnung der Städtepartnerschaft",
        "Europapreis des Europarats",
        "Umbrisch-Provenzalischer Markt in Tübingen",
    ]
    assert all(m.locale.language_code == "de" for m in german.milestones.all())
    # Synchronised facts are the French page's.
    assert (german.signed, german.latitude, german.wikidata_id) == (
        source_page.signed,
        source_page.latitude,
        source_page.wikidata_id,
    )
    response = client_fr.get(german.url)
    assert response.status_code == 200
    assert "Europapreis des Europarats" in response.content.decode()


def test_editors_open_the_german_page_in_the_translation_editor(demo, client_fr):
    client_fr.force_login(get_user_model().objects.get(username="admin"))
    response = client_fr.get(reverse("wagtailadmin_pages:edit", args=[city("tubingen", "de").pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "js-translation-editor" in html
    assert "Europapreis des Europarats" in html


def test_the_page_tree_stays_valid(demo):
    assert all(not problems for problems in Page.find_problems())


def test_every_city_is_translated_into_english_and_german_and_three_into_arabic(demo):
    for language in ("en", "de"):
        translated = PartnerCityPage.objects.filter(
            locale__language_code=language, alias_of__isnull=True, live=True
        )
        assert translated.count() == 18
    arabic = PartnerCityPage.objects.filter(
        locale__language_code="ar", alias_of__isnull=True, live=True
    )
    assert set(arabic.values_list("title", flat=True)) == {"قرطاج", "وجدة", "بعلبك"}


def test_themes_are_translated_snippets_in_every_language(demo):
    german = CooperationTheme.objects.filter(locale__language_code="de")
    assert german.get(slug="mobility").name == "Internationale Mobilität"
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        assert CooperationTheme.objects.filter(locale__language_code=code).count() == 7
    assert CooperationTheme.objects.get(slug="mobility", locale__language_code="ja").name == (
        "国際モビリティ"
    )


def test_some_stories_stay_french_only_so_fallback_shows(demo, client_fr):
    # Bamako reads French: its story is translated into no language.
    assert story_translations("solidarite-avec-bamako") == {"fr"}
    # Bath reads English: its story is in English only.
    assert story_translations("lyceens-a-bath") == {"fr", "en"}
    assert story_translations("etudiants-a-tubingen") == {"fr", "en", "de"}
    untranslated = french(ExchangeStoryPage, alias_of__isnull=True).exclude(
        translation_key__in=ExchangeStoryPage.objects.filter(
            locale__language_code="de", alias_of__isnull=True
        ).values("translation_key")
    )
    assert untranslated.count() >= 4
    # In the German tree the untranslated story is an alias of the French page.
    alias = ExchangeStoryPage.objects.get(
        translation_key=untranslated.get(slug="lyceens-a-bath").translation_key,
        locale__language_code="de",
    )
    assert alias.alias_of_id is not None


def test_illustrations_are_generated_once_in_the_demo_collection(demo):
    images = get_image_model().objects.filter(collection__name="Démo")
    assert images.count() >= 4
    assert all(i.title.startswith("Illustration — ") and i.title.endswith("(démo)") for i in images)
    assert city("tubingen").hero_image in images
    assert french(ExchangeStoryPage, hero_image__in=images).exists()


def test_demo_accounts_log_in_with_the_demo_password(demo):
    User = get_user_model()
    admin = User.objects.get(username="admin")
    editor = User.objects.get(username="editor")
    assert admin.is_superuser
    assert editor.groups.filter(name="Editors").exists()
    assert editor.check_password(accounts.demo_password())
    # The editorial groups of the translation workflow, for the demo's cities and languages.
    assert Group.objects.filter(name="Translators (German)").exists()
    assert Group.objects.filter(name="Editors (Tübingen)").exists()


def test_second_run_changes_nothing(demo, django_assert_max_num_queries):
    editor = get_user_model().objects.get(username="editor")
    editor.set_password("changed-by-a-person")
    editor.save()
    before = content_counts()
    out = StringIO()
    # About 400 queries to check everything is there; writing would take tens of thousands.
    with django_assert_max_num_queries(500):
        call_command("load_demo", stdout=out)
    assert content_counts() == before
    assert "nothing written" in out.getvalue()
    editor.refresh_from_db()
    assert editor.check_password("changed-by-a-person")


def test_skip_if_loaded_costs_one_query(demo, django_assert_num_queries):
    with django_assert_num_queries(1):
        call_command("load_demo", "--skip-if-loaded", stdout=StringIO())


def test_invalid_demo_data_is_reported_and_nothing_is_written(demo, monkeypatch):
    from home.demo import validation

    broken = CitySpec(
        slug="nowhere",
        title="Nulle part",
        country="FR",
        latitude="123.0",
        longitude="5.0",
        kind="twinning",
        intro="Une ville qui n'existe pas.",
        wikidata_id="3806",
    )
    monkeypatch.setattr(validation, "CITIES", (*validation.CITIES, broken))
    before = content_counts()
    with pytest.raises(CommandError) as error:
        call_command("load_demo", stdout=StringIO())
    message = str(error.value)
    assert "City nowhere: latitude" in message
    assert "City nowhere: wikidata_id" in message
    assert "no en translation" in message
    assert content_counts() == before


def test_banner_shows_addresses_and_logins(demo):
    out = StringIO()
    call_command("demo_banner", "--host", "127.0.0.1", "--port", "8001", stdout=out)
    text = out.getvalue()
    assert "http://127.0.0.1:8001/" in text
    assert "http://127.0.0.1:8001/admin/" in text
    assert f"admin / {accounts.demo_password()}" in text
    assert "editor / " in text
    assert f"reviewer / {accounts.demo_password()}  [{moderation.REVIEWERS}: approves" in text
    assert "not created yet" not in text


# Calls for projects, events and actors ---------------------------------------------


def test_europe_day_and_the_market_are_demo_events_in_aix(demo):
    events = {e.slug: e for e in french(EventPage, alias_of__isnull=True)}
    assert set(events) == {
        "fete-de-l-europe-2025",
        "fete-de-l-europe-2026",
        "marche-des-villes-jumelles-2018",
        "marche-des-villes-jumelles-2026",
        "reunion-appel-a-projet-2026-2027",
    }
    # Dates are invented (the seed says "around 9 May" and "December"): flagged as demo.
    assert all(event.is_demo_content and event.live for event in events.values())
    # One event has times, not whole days: an evening in Aix.
    meeting = events.pop("reunion-appel-a-projet-2026-2027")
    assert not meeting.all_day and all(event.all_day for event in events.values())
    assert (meeting.local_start.hour, meeting.local_start.minute) == (18, 30)
    for year in (2025, 2026):
        europe_day = events[f"fete-de-l-europe-{year}"]
        assert europe_day.local_start.date() == europe_day.local_end.date()
        assert europe_day.local_start.date() == datetime.date(year, 5, 9)
        assert europe_day.organiser is None  # organised by the city
        assert europe_day.partner_cities.count() == 6
    market = events["marche-des-villes-jumelles-2026"]
    assert (market.local_start.month, market.local_end.month) == (12, 12)
    assert market.place_name == "Aix-en-Provence"
    assert market.organiser.kind == "association"
    assert "inventées pour la démonstration" in str(market.body)


def test_a_past_event_lists_the_story_that_tells_it_in_each_language(demo):
    market = french(EventPage).get(slug="marche-des-villes-jumelles-2018")
    assert market.is_past
    story = french(ExchangeStoryPage).get(slug="marche-des-villes-jumelles-2018")
    assert list(market.stories()) == [story]
    german_market = translation_of(market, "de")
    assert german_market.title == "Internationaler Markt der Partnerstädte 2018"
    assert list(german_market.stories()) == [translation_of(story, "de")]


def test_events_and_the_new_indexes_are_translated_into_english_and_german(demo):
    # Every string of the new pages has a demo translation: no French left on them.
    assert "no demo translation" not in demo
    for language in ("en", "de"):
        assert (
            EventPage.objects.filter(
                locale__language_code=language, alias_of__isnull=True, live=True
            ).count()
            == 5
        )
    europe_day = translation_of(french(EventPage).get(slug="fete-de-l-europe-2025"), "de")
    assert (europe_day.title, europe_day.slug) == ("Europatag 2025", "europatag-2025")
    assert europe_day.start == french(EventPage).get(slug="fete-de-l-europe-2025").start
    events_index = french(EventIndexPage).get()
    calls_index = french(ProjectCallIndexPage).get()
    assert events_index.title == "Agenda international" and events_index.show_in_menus
    assert calls_index.title == "Appel à projets international" and calls_index.show_in_menus
    assert translation_of(events_index, "en").title == "International events"
    assert translation_of(calls_index, "de").title == "Internationaler Projektaufruf"


def test_one_call_is_open_in_2026_2027_and_the_2024_call_links_the_stories_it_funded(demo):
    calls = {c.slug: c for c in french(ProjectCallPage, alias_of__isnull=True)}
    assert all(call.is_demo_content and call.live for call in calls.values())
    open_call = calls["appel-a-projet-international-2026-2027"]
    # Fixed Paris dates: the demo does not depend on the day it is loaded.
    assert timezone.localtime(open_call.opens_at) == paris(2026, 9, 1)
    assert timezone.localtime(open_call.closes_at) == paris(2027, 3, 31, 23, 59)
    assert open_call.status_at(paris(2027, 1, 15)) == CallStatus.OPEN
    assert not open_call.partner_cities.exists()  # open to projects with any partner
    assert open_call.apply_email.endswith("@example.org")
    closed_call = calls["appel-a-projet-international-2024"]
    assert closed_call.status_at(paris(2027, 1, 15)) == CallStatus.CLOSED
    funded = list(closed_call.funded_stories())
    assert [story.slug for story in funded] == ["ateliers-croises-avec-carthage"]
    assert all(story.is_demo_content for story in funded)


def test_actors_are_invented_demo_content_of_every_kind_with_example_addresses(demo):
    actors = list(french(Actor))
    assert len(actors) == 6
    assert all(actor.is_demo_content and "(démo)" in actor.name for actor in actors)
    assert {actor.kind for actor in actors} >= {
        "association",
        "school",
        "university",
        "social_centre",
        "public_body",
    }
    emails = [actor.email for actor in actors if actor.email]
    assert emails and all(email.endswith("@example.org") for email in emails)
    assert {actor.contact_consent for actor in actors if actor.email} == {True, False}
    assert all(actor.partner_cities.exists() and actor.themes.exists() for actor in actors)
    # Stories and events name them.
    named = ExchangeStoryPage.objects.filter(actors__in=actors, alias_of__isnull=True)
    assert named.values("translation_key").distinct().count() >= 8
    assert french(EventPage).filter(organiser__in=actors).exists()


def test_a_city_page_shows_only_the_addresses_its_actors_agreed_to_publish(demo, client_fr):
    school = french(Actor).get(kind="school")
    assert school.email and not school.contact_consent
    association = french(Actor).get(name__startswith="Association des amis")
    assert association.contact_consent
    html = client_fr.get(city("tubingen").url).content.decode()
    assert escape(school.name) in html and school.email not in html
    assert association.email in html


# Moderation ------------------------------------------------------------------------


def test_stories_go_through_the_reviewers_workflow_in_every_language(demo):
    workflow = Workflow.objects.get(name=moderation.WORKFLOW_NAME)
    reviewers = Group.objects.get(name=moderation.REVIEWERS)
    assert [task.specific.groups.get() for task in workflow.tasks] == [reviewers]
    source_index = french(ExchangeStoryIndexPage).get()
    sections = Page.objects.filter(translation_key=source_index.translation_key)
    # One story section per language, translated in each.
    assert sections.count() == len(settings.WAGTAIL_CONTENT_LANGUAGES)
    assert all(section.get_workflow() == workflow for section in sections)
    # Elsewhere Wagtail's default workflow still applies.
    assert city("tubingen").get_workflow() != workflow
    granted = GroupPagePermission.objects.filter(group=reviewers, page__in=sections)
    assert set(granted.values_list("permission__codename", flat=True)) == {
        "change_page",
        "publish_page",
    }
    assert granted.count() == 2 * sections.count()
    reviewer = get_user_model().objects.get(username="reviewer")
    assert list(reviewer.groups.all()) == [reviewers]
    assert reviewer.check_password(accounts.demo_password())
    assert reviewer.has_perm("wagtailadmin.access_admin")


def test_the_editor_writes_and_submits_a_story_and_the_reviewer_publishes_it(demo):
    User = get_user_model()
    editor = User.objects.get(username="editor")
    reviewer = User.objects.get(username="reviewer")
    index = french(ExchangeStoryIndexPage).get()
    assert index.permissions_for_user(editor).can_add_subpage()

    story = ExchangeStoryPage(
        title="Un récit à relire",
        slug="un-recit-a-relire",
        date=datetime.date(2026, 5, 9),
        summary="Écrit par l'éditeur, relu avant publication.",
        live=False,
        owner=editor,
    )
    story.partner_cities = [city("tubingen")]
    index.add_child(instance=story)
    story.save_revision(user=editor)
    permissions = story.permissions_for_user(editor)
    assert permissions.can_submit_for_moderation() and not permissions.can_publish()

    state = story.get_workflow().start(story, editor)
    task = state.current_task_state.task.specific
    assert task.get_actions(story, editor) == []
    task.on_action(state.current_task_state, reviewer, "approve")
    story.refresh_from_db()
    assert story.live


def test_invalid_events_are_reported_before_anything_is_written(demo, monkeypatch):
    from home.demo import validation

    backwards = EventSpec(
        slug="a-l-envers",
        title="Un événement à l'envers",
        start=datetime.datetime(2026, 5, 9, 18, 0),
        end=datetime.datetime(2026, 5, 9, 10, 0),
        all_day=False,
        summary="Il finit avant de commencer.",
        cities=("atlantis",),
        themes=("events",),
        organiser="nobody",
    )
    monkeypatch.setattr(validation, "EVENTS", (*validation.EVENTS, backwards))
    before = content_counts()
    with pytest.raises(CommandError) as error, translation.override("en"):
        call_command("load_demo", stdout=StringIO())
    message = str(error.value)
    assert "Event a-l-envers: end: The event ends before it starts" in message
    assert "Event a-l-envers: unknown cities ['atlantis']" in message
    assert "Event a-l-envers: unknown organiser 'nobody'" in message
    assert content_counts() == before


# The partner cities' own languages -------------------------------------------------

# The language each partner reads (the seed), for the cities whose language the demo has.
PARTNER_LANGUAGES = {
    "grenade": "es",
    "coimbra": "pt",
    "perouse": "it",
    "pecs": "hu",
    "kumamoto": "ja",
    "meguro": "ja",
    "carthage": "ar",
    "oujda": "ar",
    "baalbek": "ar",
    "bath": "en",
    "philadelphie": "en",
    "baton-rouge": "en",
    "coral-gables": "en",
}

HOME_TITLES = {
    "fr": "Aix-en-Provence et ses villes partenaires",
    "en": "Aix-en-Provence and its partner cities",
    "de": "Aix-en-Provence und seine Partnerstädte",
    "it": "Aix-en-Provence e le sue città partner",
    "es": "Aix-en-Provence y sus ciudades asociadas",
    "pt": "Aix-en-Provence e as suas cidades parceiras",
    "hu": "Aix-en-Provence és partnervárosai",
    "ja": "エクス＝アン＝プロヴァンスとパートナー都市",
    "ar": "إكس أون بروفانس ومدنها الشريكة",
}


def french_home() -> Page:
    return Site.objects.get(is_default_site=True).root_page.specific


def page_in(client, url: str, language: str) -> BeautifulSoup:
    """The page at ``url``, checked to be served as a page in ``language``."""
    response = client.get(url)
    assert response.status_code == 200, url
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == language, url
    # An alias would mark its French text with lang="fr".
    assert html.find("main").get("lang", language) == language, url
    return html


@pytest.mark.parametrize(
    ("slug", "title", "intro_words"),
    [
        ("grenade", "Granada", "hermanada con Aix-en-Provence desde 1978"),
        ("coimbra", "Coimbra", "geminada com Aix-en-Provence desde 1982"),
        ("perouse", "Perugia", "gemellata con Aix-en-Provence dal 1970"),
        ("pecs", "Pécs", "hat európai partnerének egyike"),
        ("kumamoto", "熊本市", "パートナー都市の一つです"),
        ("meguro", "目黒区（東京都）", "パートナー都市の一つです"),
        ("carthage", "قرطاج", "منذ عام 1993"),
        ("oujda", "وجدة", "منذ عام 1997"),
        ("baalbek", "بعلبك", "من المدن الشريكة"),
        ("bath", "Bath", "twinned with Aix-en-Provence since 1977"),
        ("philadelphie", "Philadelphia", "cooperation agreement since 1998"),
        ("baton-rouge", "Baton Rouge", "one of Aix-en-Provence's partner cities"),
        ("coral-gables", "Coral Gables", "one of Aix-en-Provence's partner cities"),
    ],
)
def test_a_partner_city_page_is_a_live_translation_in_its_partners_language(
    demo, slug, title, intro_words
):
    language = PARTNER_LANGUAGES[slug]
    source = city(slug)
    page = city(slug, language)  # a real translation, never the alias
    assert page.live and not page.has_unpublished_changes
    assert page.title == title
    assert intro_words in page.intro
    milestones = list(page.ordered_milestones)
    assert len(milestones) == source.milestones.count()
    french_titles = set(source.milestones.values_list("title", flat=True))
    for milestone in milestones:
        assert milestone.locale.language_code == language
        assert milestone.title and milestone.title not in french_titles


def test_perugia_keeps_its_milestones_and_its_link_in_italian(demo, client_fr):
    perugia = city("perouse", "it")
    assert [m.title for m in perugia.ordered_milestones] == [
        "Firma del gemellaggio",
        "Mercato umbro-provenzale di Tubinga",
    ]
    html = page_in(client_fr, perugia.url, "it")
    assert "Ogni anno, dal 1995, Perugia partecipa" in html.find("main").get_text()
    # The call to action leads to Tübingen in the Italian tree (an alias: not translated).
    tubingen = Page.objects.get(
        translation_key=city("tubingen").translation_key, locale__language_code="it"
    )
    link = html.find("main").find("a", href=tubingen.url)
    assert "Scopri Tubinga" in link.get_text()


def test_stories_about_a_partner_city_are_translated_into_its_language(demo):
    checked = 0
    for slug, language in PARTNER_LANGUAGES.items():
        stories = french(ExchangeStoryPage, alias_of__isnull=True, partner_cities=city(slug))
        for story in stories:
            translated = translation_of(story, language)
            assert translated.live and translated.title != story.title, (slug, story.slug)
            checked += 1
    assert checked >= 20
    japan = translation_of(french(ExchangeStoryPage).get(slug="japon-2015"), "ja")
    assert japan.title == "エクスで日本を特集"


def test_every_segment_of_every_demo_translation_is_translated(demo):
    translations = Translation.objects.all()
    assert translations.count() > 150
    for demo_translation in translations:
        total, translated = demo_translation.get_progress()
        assert translated == total, demo_translation


def test_the_home_page_sections_and_strategy_are_translated_into_every_language(demo):
    home = french_home()
    sections = [
        french(model).get()
        for model in (
            PartnerCityIndexPage,
            ExchangeStoryIndexPage,
            EventIndexPage,
            ProjectCallIndexPage,
        )
    ]
    sections.append(french(Page).get(slug="strategie-2016-2020"))
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    assert set(codes) == set(HOME_TITLES)
    for code in codes:
        translated_home = translation_of(home, code)
        assert translated_home.live and translated_home.title == HOME_TITLES[code]
        for section in sections:
            translated = translation_of(section, code)
            assert translated.live and translated.get_parent().pk == translated_home.pk
            if code != "fr":
                assert translated.title != section.title, (code, section.slug)


@pytest.mark.parametrize("slug", list(PARTNER_LANGUAGES))
def test_a_reader_follows_the_home_page_to_their_city_in_their_language(demo, client_fr, slug):
    language = PARTNER_LANGUAGES[slug]
    target = city(slug, language)
    home = page_in(client_fr, translation_of(french_home(), language).url, language)
    cities_index = translation_of(french(PartnerCityIndexPage).get(), language)
    link = home.find("nav", class_="site-nav").find("a", href=cities_index.url)
    assert link.get_text(strip=True) == cities_index.title
    listing = page_in(client_fr, link["href"], language)
    link = listing.find("main").find("a", href=target.url)
    assert target.title in link.get_text()
    page = page_in(client_fr, link["href"], language)
    assert page.find("h1").get_text(strip=True) == target.title


def test_a_text_the_demo_cannot_translate_stops_the_load_and_nothing_is_written(demo):
    """A segment the plan does not know (an editor's paragraph) is not published in French."""
    kumamoto = city("kumamoto")
    city("kumamoto", "ja").delete()
    kumamoto.body.append(("paragraph", RichText("<p>Un paragraphe ajouté par un éditeur.</p>")))
    kumamoto.save_revision().publish()
    before = content_counts()
    with pytest.raises(CommandError) as error:
        call_command("load_demo", stdout=StringIO())
    message = str(error.value)
    assert "(ja): no demo translation for ['Un paragraphe ajouté par un éditeur.']" in message
    assert content_counts() == before
    assert not PartnerCityPage.objects.filter(
        translation_key=kumamoto.translation_key, locale__language_code="ja"
    ).exists()
