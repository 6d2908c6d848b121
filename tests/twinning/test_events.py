import datetime
from unittest import mock
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale, PageViewRestriction, Site
from wagtail.rich_text import RichText
from wagtail_localize.models import TranslationSource

import pytest

from tests import factories
from tests.twinning.agenda_form_data import add_url, admin_editor, event_form_data, publish
from twinning.models import EventIndexPage, EventPage, ExchangeStoryPage, ProjectCallPage

UTC = datetime.UTC
PARIS = ZoneInfo("Europe/Paris")
NOW = datetime.datetime(2026, 5, 9, 12, 0, tzinfo=UTC)
DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def events_index(home):
    return factories.EventIndexPageFactory(parent=home)


def make_event(events_index, title, start, end, **fields):
    return factories.EventPageFactory(
        parent=events_index, title=title, start=start, end=end, **fields
    )


@pytest.fixture
def agenda(events_index):
    """Seen from NOW: two past events, one in progress, two to come."""
    return {
        "older": make_event(events_index, "Marché 2025", NOW - 150 * DAY, NOW - 149 * DAY),
        "recent": make_event(events_index, "Japon à l'honneur", NOW - 10 * DAY, NOW - 9 * DAY),
        "ended now": make_event(events_index, "Conférence du matin", NOW - 3 * HOUR, NOW),
        "in progress": make_event(events_index, "Fête de l'Europe", NOW - 2 * HOUR, NOW + 6 * HOUR),
        "next week": make_event(events_index, "Atelier Pécs", NOW + 7 * DAY, NOW + 7 * DAY + HOUR),
        "next month": make_event(events_index, "Marché 2026", NOW + 30 * DAY, NOW + 31 * DAY),
    }


def test_upcoming_events_come_soonest_first_and_include_those_in_progress(events_index, agenda):
    assert list(events_index.upcoming(NOW)) == [
        agenda["in progress"],
        agenda["next week"],
        agenda["next month"],
    ]


def test_past_events_come_newest_first_from_the_moment_they_end(events_index, agenda):
    assert list(events_index.past(NOW)) == [agenda["ended now"], agenda["recent"], agenda["older"]]
    assert agenda["ended now"].is_past_at(NOW)
    assert not agenda["ended now"].is_past_at(NOW - datetime.timedelta(seconds=1))


def test_index_page_lists_upcoming_then_past_and_hides_drafts(client_fr, events_index, agenda):
    make_event(events_index, "Brouillon", NOW + DAY, NOW + 2 * DAY, live=False)
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        html = client_fr.get(events_index.url).content.decode()

    order = [
        'id="upcoming-heading"',
        "Fête de l&#x27;Europe",
        "Atelier Pécs",
        "Marché 2026",
        'id="past-heading"',
        "Conférence du matin",
        "Japon à l&#x27;honneur",
        "Marché 2025",
    ]
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)
    assert "Brouillon" not in html


def test_past_events_link_the_published_stories_that_tell_them(
    client_fr, events_index, agenda, stories_index, tubingen
):
    told = factories.ExchangeStoryPageFactory(
        parent=stories_index, title="Nos stands au marché", partner_cities=[tubingen]
    )
    told.event = agenda["older"]
    told.save()
    draft = factories.ExchangeStoryPageFactory(
        parent=stories_index, title="Récit en cours", partner_cities=[tubingen], live=False
    )
    draft.event = agenda["older"]
    draft.save()

    with mock.patch("django.utils.timezone.now", return_value=NOW):
        index_html = client_fr.get(events_index.url).content.decode()
        event_html = client_fr.get(agenda["older"].url).content.decode()

    past_section = index_html[index_html.index('id="past-heading"') :]
    assert f'href="{told.url}"' in past_section
    assert f'href="{told.url}"' in event_html
    assert "Récit en cours" not in index_html + event_html


def test_index_finds_the_stories_of_its_past_events_in_fixed_queries(
    events_index, agenda, stories_index, tubingen, django_assert_num_queries
):
    for event in (agenda["older"], agenda["recent"]):
        story = factories.ExchangeStoryPageFactory(parent=stories_index, partner_cities=[tubingen])
        story.event = event
        story.save()
    past = list(events_index.past(NOW))

    # One query for view restrictions (public pages only), one for the stories:
    # the same for one event as for a page of them.
    with django_assert_num_queries(2):
        events_index.attach_stories(past[:1])
    with django_assert_num_queries(2):
        events_index.attach_stories(past)

    assert [len(event.told_by) for event in past] == [0, 1, 1]


def test_all_day_event_covers_whole_days_in_paris_and_shows_no_time(client_fr, events_index):
    event = make_event(
        events_index,
        "Fête de l'Europe 2026",
        start=datetime.datetime(2026, 5, 9, 14, 0, tzinfo=PARIS),
        end=datetime.datetime(2026, 5, 9, 15, 0, tzinfo=PARIS),
        all_day=True,
    )
    event.refresh_from_db()
    assert event.start == datetime.datetime(2026, 5, 9, 0, 0, tzinfo=PARIS)
    assert event.end == datetime.datetime(2026, 5, 9, 23, 59, 59, tzinfo=PARIS)
    # 23:30 in Paris on the day is still during the event; midnight is after it.
    assert not event.is_past_at(datetime.datetime(2026, 5, 9, 21, 30, tzinfo=UTC))
    assert event.is_past_at(datetime.datetime(2026, 5, 10, 0, 0, tzinfo=PARIS))

    with mock.patch("django.utils.timezone.now", return_value=NOW):
        html = client_fr.get(event.url).content.decode()
    when = html[
        html.index('<p class="eyebrow">') : html.index("</p>", html.index('class="eyebrow"'))
    ]
    assert "9 mai 2026" in when
    assert ":" not in when  # no time of day
    assert 'datetime="2026-05-09"' in when


def test_timed_event_shows_its_hours_in_paris_time(client_fr, events_index):
    event = make_event(
        events_index,
        "Concert",
        start=datetime.datetime(2026, 5, 9, 18, 0, tzinfo=UTC),
        end=datetime.datetime(2026, 5, 9, 20, 30, tzinfo=UTC),
    )
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        html = client_fr.get(event.url).content.decode()
    assert "9 mai 2026, 20:00" in html
    assert "22:30" in html
    assert ">CEST</abbr>" in html


def test_event_ending_before_it_starts_is_refused(events_index):
    with pytest.raises(ValidationError) as error:
        make_event(events_index, "À l'envers", NOW, NOW - HOUR)
    assert "end" in error.value.message_dict


def test_all_day_event_ending_the_day_before_it_starts_is_refused(events_index):
    with pytest.raises(ValidationError) as error:
        make_event(events_index, "À l'envers", NOW, NOW - DAY, all_day=True)
    assert "end" in error.value.message_dict


def test_admin_explains_an_event_ending_before_it_starts(client, events_index):
    editor = admin_editor(client)
    data = publish(event_form_data(start="2026-05-09 18:00", end="2026-05-09 10:00"))
    response = editor.post(add_url(EventPage, events_index), data)
    assert response.status_code == 200
    assert "The event ends before it starts" in response.content.decode()
    assert not EventPage.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"latitude": "95"}, "Latitude must be between -90 and 90 degrees."),
        ({"longitude": "-181"}, "Longitude must be between -180 and 180 degrees."),
        ({"longitude": ""}, "Give both latitude and longitude, or neither."),
    ],
    ids=["latitude", "longitude", "half"],
)
def test_admin_explains_coordinates_out_of_range(client, events_index, fields, message):
    editor = admin_editor(client)
    response = editor.post(add_url(EventPage, events_index), publish(event_form_data(**fields)))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not EventPage.objects.exists()


def test_admin_publishes_an_event_without_a_place(client, events_index):
    editor = admin_editor(client)
    data = publish(event_form_data(place_name="", latitude="", longitude=""))
    response = editor.post(add_url(EventPage, events_index), data)
    assert response.status_code == 302
    event = EventPage.objects.get()
    assert event.live and event.latitude is None
    assert event.start == datetime.datetime(2026, 5, 9, 10, 0, tzinfo=PARIS)


def test_last_years_event_is_copied_then_redated_for_next_year(events_index, tubingen, perugia):
    """The admin's "Copy" action runs ``page.copy``: relations come along, dates are edited."""
    organiser = factories.ActorFactory(name="Maison de l'Europe")
    market = make_event(
        events_index,
        "Marché international 2025",
        start=datetime.datetime(2025, 12, 5, 9, 0, tzinfo=PARIS),
        end=datetime.datetime(2025, 12, 7, 19, 0, tzinfo=PARIS),
        place_name="Cours Mirabeau",
        organiser=organiser,
        partner_cities=[tubingen, perugia],
        themes=[factories.CooperationThemeFactory(name="Attractivité")],
        actors=[factories.ActorFactory(name="Lycée Cézanne")],
    )

    copy = market.copy(
        update_attrs={"title": "Marché international 2026", "slug": "marche-2026"},
        keep_live=False,
    ).specific

    assert not copy.live  # nothing goes out with last year's dates
    assert copy.translation_key != market.translation_key
    assert set(copy.partner_cities.all()) == {tubingen, perugia}
    assert [t.name for t in copy.themes.all()] == ["Attractivité"]
    assert [a.name for a in copy.actors.all()] == ["Lycée Cézanne"]
    assert copy.organiser == organiser
    assert copy.place_name == "Cours Mirabeau"

    copy.start = datetime.datetime(2026, 12, 4, 9, 0, tzinfo=PARIS)
    copy.end = datetime.datetime(2026, 12, 6, 19, 0, tzinfo=PARIS)
    copy.save_revision().publish()

    market.refresh_from_db()
    copy = EventPage.objects.get(pk=copy.pk)
    assert copy.live and copy.start.year == 2026
    assert set(copy.partner_cities.all()) == {tubingen, perugia}
    assert market.start.year == 2025 and market.live
    assert list(events_index.upcoming(datetime.datetime(2026, 6, 1, tzinfo=UTC))) == [copy]


def test_events_live_only_under_their_index(home, events_index):
    assert EventPage.can_create_at(events_index)
    assert not EventPage.can_create_at(home)
    assert not EventIndexPage.can_create_at(home)  # one per parent
    assert not ProjectCallPage.can_create_at(events_index)
    assert not ExchangeStoryPage.can_create_at(events_index)
    assert EventIndexPage.allowed_subpage_models() == [EventPage]


def test_events_are_found_by_search(events_index):
    make_event(events_index, "Fête de l'Europe", NOW, NOW + HOUR, place_name="Cours Mirabeau")
    make_event(events_index, "Marché", NOW, NOW + HOUR, place_name="Place de l'Hôtel de ville")
    found = EventPage.objects.live().search("Mirabeau")
    assert [event.title for event in found] == ["Fête de l'Europe"]


def test_past_event_hides_its_registration_link(client_fr, events_index):
    event = make_event(
        events_index,
        "Atelier",
        NOW - 2 * DAY,
        NOW - DAY,
        registration_url="https://example.org/inscription",
    )
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        past_html = client_fr.get(event.url).content.decode()
    with mock.patch("django.utils.timezone.now", return_value=NOW - 3 * DAY):
        before_html = client_fr.get(event.url).content.decode()
    assert "https://example.org/inscription" not in past_html
    assert "https://example.org/inscription" in before_html


def _queries_to_render(client, url):
    client.get(url)  # warm the caches every request shares (site, locales)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_index_page_queries_do_not_grow_with_the_number_of_events(
    client_fr, events_index, stories_index, tubingen
):
    def add_events(count):
        for n in range(count):
            organiser = factories.ActorFactory()
            factories.EventPageFactory(
                parent=events_index, start=NOW + (n + 1) * DAY, end=NOW + (n + 2) * DAY
            )
            past = factories.EventPageFactory(
                parent=events_index,
                start=NOW - (n + 10) * DAY,
                end=NOW - (n + 9) * DAY,
                organiser=organiser,
            )
            story = factories.ExchangeStoryPageFactory(
                parent=stories_index, partner_cities=[tubingen]
            )
            story.event = past
            story.save()

    with mock.patch("django.utils.timezone.now", return_value=NOW):
        add_events(1)
        few = _queries_to_render(client_fr, events_index.url)
        add_events(5)
        many = _queries_to_render(client_fr, events_index.url)
    assert many == few


def test_editor_opens_the_event_and_story_forms(client, events_index, story):
    factories.ActorFactory(name="Maison de l'Europe")
    editor = admin_editor(client)
    assert editor.get(add_url(EventPage, events_index)).status_code == 200
    response = editor.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="event"' in html and 'name="funded_by_call"' in html and 'name="actors"' in html


def test_event_translates_with_its_relations(events_index, tubingen):
    """wagtail-localize copies the synchronised dates, cities and organiser."""
    german = Locale.objects.get_or_create(language_code="de")[0]
    organiser = factories.ActorFactory(name="Maison de l'Europe")
    event = make_event(
        events_index,
        "Fête de l'Europe",
        NOW,
        NOW + HOUR,
        place_name="Cours Mirabeau",
        organiser=organiser,
        partner_cities=[tubingen],
        body=[("paragraph", RichText("<p>Stands et concerts.</p>"))],
    )
    source, _created = TranslationSource.get_or_create_from_instance(event)
    source.create_or_update_translation(german, copy_parent_pages=True, fallback=True)

    translated = EventPage.objects.get(translation_key=event.translation_key, locale=german)
    assert translated.alias_of_id is None
    assert (translated.start, translated.end) == (event.start, event.end)
    assert translated.organiser == organiser
    assert list(translated.partner_cities.all()) == [tubingen]
    assert translated.place_name == "Cours Mirabeau"  # untranslated yet: falls back
    Site.clear_site_root_paths_cache()


def test_private_and_draft_events_stay_off_the_listing_and_city_page(
    client_fr, events_index, tubingen
):
    make_event(
        events_index, "Réunion publique", NOW + DAY, NOW + 2 * DAY, partner_cities=[tubingen]
    )
    private = make_event(
        events_index, "Réunion réservée", NOW + DAY, NOW + 2 * DAY, partner_cities=[tubingen]
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    make_event(
        events_index,
        "Réunion en brouillon",
        NOW + DAY,
        NOW + 2 * DAY,
        partner_cities=[tubingen],
        live=False,
    )

    with mock.patch("django.utils.timezone.now", return_value=NOW):
        pages = [client_fr.get(page.url).content.decode() for page in (events_index, tubingen)]

    for html in pages:
        assert "Réunion publique" in html
        assert "Réunion réservée" not in html
        assert "Réunion en brouillon" not in html


def test_story_links_its_published_event_call_and_actors(story, events_index, home):
    calls_index = factories.ProjectCallIndexPageFactory(parent=home)
    story.event = make_event(events_index, "Fête de l'Europe", NOW, NOW + HOUR)
    story.funded_by_call = factories.ProjectCallPageFactory(parent=calls_index, live=False)
    story.save()
    story.actors.set([factories.ActorFactory(name="Maison de l'Europe")])
    story.save()

    html = Template("{% load agenda_tags %}{% story_links page %}").render(Context({"page": story}))

    assert f'href="{story.event.url}"' in html
    assert "Maison de l&#x27;Europe" in html
    assert story.funded_by_call.title not in html  # a draft call is not linked
