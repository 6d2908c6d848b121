import datetime
from io import StringIO
from unittest import mock
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Site
from wagtail_localize.models import TranslationSource

import pytest
import wagtail_factories

from tests import factories
from tests.twinning.agenda_form_data import add_url, admin_editor, call_form_data, publish
from twinning.choices import CallStatus
from twinning.models import EventPage, ProjectCallIndexPage, ProjectCallPage

UTC = datetime.UTC
PARIS = ZoneInfo("Europe/Paris")
SECOND = datetime.timedelta(seconds=1)
OPENS = datetime.datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
CLOSES = datetime.datetime(2026, 3, 31, 21, 59, tzinfo=UTC)


@pytest.fixture
def calls_index(home):
    return factories.ProjectCallIndexPageFactory(parent=home)


def make_call(calls_index, **fields):
    return factories.ProjectCallPageFactory(parent=calls_index, **fields)


def statuses_in_database(moment):
    """The status of each call according to the database's filters at ``moment``."""
    found = {}
    for status in CallStatus:
        for pk in ProjectCallPage.objects.in_status(status, moment).values_list("pk", flat=True):
            assert pk not in found, "a call has two statuses at once"
            found[pk] = status
    return found


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (OPENS - SECOND, CallStatus.UPCOMING),
        (OPENS, CallStatus.OPEN),
        (OPENS + SECOND, CallStatus.OPEN),
        (CLOSES - SECOND, CallStatus.OPEN),
        (CLOSES, CallStatus.CLOSED),
        (CLOSES + SECOND, CallStatus.CLOSED),
    ],
    ids=[
        "second-before-opening",
        "opening-instant",
        "second-after-opening",
        "second-before-closing",
        "closing-instant",
        "second-after-closing",
    ],
)
def test_call_status_is_derived_from_its_dates_at_the_boundaries(calls_index, moment, expected):
    call = make_call(calls_index, opens_at=OPENS, closes_at=CLOSES)
    assert call.status_at(moment) == expected
    assert statuses_in_database(moment) == {call.pk: expected}


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # Summer time (UTC+2): 22:30 UTC is already 00:30 the next day in Paris.
        (datetime.date(2026, 6, 15), CallStatus.CLOSED),
        # Winter time (UTC+1): 22:30 UTC is 23:30 in Paris, before the deadline.
        (datetime.date(2026, 1, 15), CallStatus.OPEN),
    ],
    ids=["summer", "winter"],
)
def test_deadline_at_2359_paris_time_is_compared_as_an_instant(calls_index, day, expected):
    closes = datetime.datetime.combine(day, datetime.time(23, 59), tzinfo=PARIS)
    call = make_call(calls_index, opens_at=closes - datetime.timedelta(days=30), closes_at=closes)
    checked_at = datetime.datetime.combine(day, datetime.time(22, 30), tzinfo=UTC)

    assert call.status_at(checked_at) == expected
    assert statuses_in_database(checked_at) == {call.pk: expected}


def test_status_property_follows_the_clock(calls_index):
    call = make_call(calls_index, opens_at=OPENS, closes_at=CLOSES)
    with mock.patch("django.utils.timezone.now", return_value=CLOSES - SECOND):
        assert call.status == CallStatus.OPEN
        assert call.is_open
    with mock.patch("django.utils.timezone.now", return_value=CLOSES):
        assert call.status == CallStatus.CLOSED
        assert call.is_closed


def test_unknown_status_is_refused(calls_index):
    with pytest.raises(ValueError):
        ProjectCallPage.objects.in_status("pending", OPENS)


def _dated(calls_index, title, opens, closes):
    return make_call(
        calls_index,
        title=title,
        opens_at=datetime.datetime(*opens, tzinfo=UTC),
        closes_at=datetime.datetime(*closes, tzinfo=UTC),
    )


@pytest.fixture
def calls_over_the_years(calls_index):
    """Seen from 1 February 2026: two open, two upcoming, three closed over two years."""
    return {
        "open late": _dated(calls_index, "Ouvert tard", (2026, 1, 1), (2026, 6, 30)),
        "open soon closing": _dated(
            calls_index, "Ouvert bientôt clos", (2026, 1, 10), (2026, 2, 15)
        ),
        "upcoming late": _dated(calls_index, "À venir tard", (2026, 9, 1), (2026, 10, 1)),
        "upcoming soon": _dated(calls_index, "À venir bientôt", (2026, 4, 1), (2026, 5, 1)),
        "closed 2024": _dated(calls_index, "Clos 2024", (2024, 1, 1), (2024, 3, 31)),
        "closed 2025 spring": _dated(
            calls_index, "Clos printemps 2025", (2025, 1, 1), (2025, 3, 31)
        ),
        "closed 2025 autumn": _dated(
            calls_index, "Clos automne 2025", (2025, 9, 1), (2025, 10, 31)
        ),
    }


FEBRUARY_2026 = datetime.datetime(2026, 2, 1, 12, 0, tzinfo=UTC)


def test_index_lists_open_calls_then_upcoming_then_closed_by_year(
    calls_index, calls_over_the_years
):
    calls = calls_over_the_years
    sections = calls_index.sections(FEBRUARY_2026)

    assert sections.open == [calls["open soon closing"], calls["open late"]]
    assert sections.upcoming == [calls["upcoming soon"], calls["upcoming late"]]
    assert sections.closed_by_year == [
        (2025, [calls["closed 2025 autumn"], calls["closed 2025 spring"]]),
        (2024, [calls["closed 2024"]]),
    ]


def test_index_page_shows_the_sections_in_order(client_fr, calls_index, calls_over_the_years):
    with mock.patch("django.utils.timezone.now", return_value=FEBRUARY_2026):
        html = client_fr.get(calls_index.url).content.decode()

    order = [
        "Ouvert bientôt clos",
        "Ouvert tard",
        "À venir bientôt",
        "À venir tard",
        'id="closed-2025"',
        "Clos automne 2025",
        "Clos printemps 2025",
        'id="closed-2024"',
        "Clos 2024",
    ]
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)


def test_index_hides_draft_calls(client_fr, calls_index):
    make_call(calls_index, title="Brouillon secret", live=False)
    with mock.patch("django.utils.timezone.now", return_value=OPENS):
        html = client_fr.get(calls_index.url).content.decode()
    assert "Brouillon secret" not in html
    assert 'id="open-calls-heading"' in html


@pytest.fixture
def funded_stories(stories_index, tubingen, calls_index):
    call = make_call(calls_index, title="Appel 2025", opens_at=OPENS, closes_at=CLOSES)
    published = factories.ExchangeStoryPageFactory(
        parent=stories_index, title="Projet financé à Tübingen", partner_cities=[tubingen]
    )
    published.funded_by_call = call
    published.save()
    draft = factories.ExchangeStoryPageFactory(
        parent=stories_index, title="Récit pas encore publié", partner_cities=[tubingen], live=False
    )
    draft.funded_by_call = call
    draft.save()
    return call


def test_closed_call_says_so_and_links_the_stories_it_funded(client_fr, funded_stories):
    call = funded_stories
    with mock.patch("django.utils.timezone.now", return_value=CLOSES + SECOND):
        html = client_fr.get(call.url).content.decode()

    assert "call-status--closed" in html
    assert "31 mars 2026" in html  # the closing date, in the reader's language
    assert "Projet financé à Tübingen" in html
    assert "Récit pas encore publié" not in html
    assert "mailto:international@example.org" not in html  # no way to apply any more


def test_open_call_shows_how_to_apply_and_its_deadline_in_paris_time(client_fr, calls_index):
    call = make_call(calls_index, apply_url="https://example.org/candidater")
    with mock.patch("django.utils.timezone.now", return_value=OPENS + SECOND):
        html = client_fr.get(call.url).content.decode()

    assert "call-status--open" in html
    # The deadline in the site's time: 21:59 UTC is 23:59 in Paris (summer time).
    assert "31 mars 2026" in html and "23:59" in html
    assert 'href="https://example.org/candidater"' in html
    assert "mailto:international@example.org" in html
    assert "call-status--closed" not in html


def test_call_page_shows_grant_range_documents_and_cities(client_fr, calls_index, tubingen):
    document = wagtail_factories.DocumentFactory(title="Règlement 2026")
    call = make_call(
        calls_index,
        grant_min=500,
        grant_max=5000,
        partner_cities=[tubingen],
        documents=[("document", {"document": document, "title": ""})],
    )
    with mock.patch("django.utils.timezone.now", return_value=OPENS):
        html = client_fr.get(call.url).content.decode()

    assert "500" in html
    assert "5\xa0000 EUR" in html  # grouped the French way
    assert "Règlement 2026" in html
    assert document.url in html
    assert tubingen.url in html


def test_call_closing_before_it_opens_is_refused(calls_index):
    call = ProjectCallPage(
        title="Appel mal daté",
        summary="…",
        eligibility="<p>…</p>",
        opens_at=CLOSES,
        closes_at=OPENS,
        apply_email="international@example.org",
    )
    with pytest.raises(ValidationError) as error:
        calls_index.add_child(instance=call)
    assert "closes_at" in error.value.message_dict


def test_admin_explains_a_call_closing_before_it_opens(client, calls_index):
    editor = admin_editor(client)
    data = publish(call_form_data(opens_at="2026-03-31 09:00", closes_at="2026-01-05 09:00"))

    response = editor.post(add_url(ProjectCallPage, calls_index), data)

    assert response.status_code == 200
    assert "The call closes before it opens" in response.content.decode()
    assert not ProjectCallPage.objects.exists()


def test_admin_asks_how_to_apply_before_publishing_but_not_for_a_draft(client, calls_index):
    editor = admin_editor(client)
    data = call_form_data(apply_url="", apply_email="")

    response = editor.post(add_url(ProjectCallPage, calls_index), publish(data))
    assert response.status_code == 200
    assert "Give the address of the application form or a contact e-mail" in (
        response.content.decode()
    )
    assert not ProjectCallPage.objects.exists()

    response = editor.post(add_url(ProjectCallPage, calls_index), data)
    assert response.status_code == 302
    assert ProjectCallPage.objects.get().live is False


def test_admin_publishes_a_valid_call(client, calls_index):
    editor = admin_editor(client)
    response = editor.post(add_url(ProjectCallPage, calls_index), publish(call_form_data()))
    assert response.status_code == 302
    call = ProjectCallPage.objects.get()
    assert call.live
    # Entered in the admin in Paris time (winter: UTC+1).
    assert call.closes_at == datetime.datetime(2026, 3, 31, 23, 59, tzinfo=PARIS)


def test_admin_refuses_a_largest_grant_below_the_smallest(client, calls_index):
    editor = admin_editor(client)
    data = publish(call_form_data(grant_min="5000", grant_max="500"))
    response = editor.post(add_url(ProjectCallPage, calls_index), data)
    assert response.status_code == 200
    assert "The largest grant is smaller than the smallest one." in response.content.decode()


def test_calls_live_only_under_their_index(home, calls_index):
    assert ProjectCallIndexPage.can_create_at(home) is False  # one per parent, already there
    assert ProjectCallPage.can_create_at(calls_index)
    assert not ProjectCallPage.can_create_at(home)
    assert not EventPage.can_create_at(calls_index)
    assert ProjectCallIndexPage.allowed_subpage_models() == [ProjectCallPage]


def test_home_accepts_one_calls_index(home):
    assert ProjectCallIndexPage.can_create_at(home)
    factories.ProjectCallIndexPageFactory(parent=home)
    assert not ProjectCallIndexPage.can_create_at(home)


def test_calls_are_found_by_search(calls_index):
    make_call(calls_index, title="Mobilité des jeunes", eligibility="<p>Clubs de rugby</p>")
    make_call(calls_index, title="Solidarité")
    found = ProjectCallPage.objects.live().search("rugby")
    assert [call.title for call in found] == ["Mobilité des jeunes"]


def test_every_model_change_has_its_migration(db):
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)


def test_index_page_queries_do_not_grow_with_the_number_of_calls(client_fr, calls_index):
    def add_calls(first, count):
        for n in range(first, first + count):
            _dated(calls_index, f"Ouvert {n}", (2026, 1, 1), (2026, 6, 1 + n))
            _dated(calls_index, f"À venir {n}", (2026, 9, 1 + n), (2026, 10, 1))
            _dated(calls_index, f"Clos {n}", (2020 + n, 1, 1), (2020 + n, 3, 1))

    def queries():
        client_fr.get(calls_index.url)
        with CaptureQueriesContext(connection) as context:
            client_fr.get(calls_index.url)
        return len(context.captured_queries)

    with mock.patch("django.utils.timezone.now", return_value=FEBRUARY_2026):
        add_calls(0, 1)
        few = queries()
        add_calls(1, 4)
        many = queries()
    assert many == few


def test_editor_opens_the_call_form(client, calls_index):
    editor = admin_editor(client)
    response = editor.get(add_url(ProjectCallPage, calls_index))
    assert response.status_code == 200
    assert 'name="closes_at"' in response.content.decode()


def test_call_translates_with_its_documents_and_dates(calls_index, tubingen):
    german = Locale.objects.get_or_create(language_code="de")[0]
    document = wagtail_factories.DocumentFactory(title="Règlement")
    call = make_call(
        calls_index,
        partner_cities=[tubingen],
        documents=[("document", {"document": document, "title": "Le règlement"})],
    )
    source, _created = TranslationSource.get_or_create_from_instance(call)
    source.create_or_update_translation(german, copy_parent_pages=True, fallback=True)

    translated = ProjectCallPage.objects.get(translation_key=call.translation_key, locale=german)
    assert (translated.opens_at, translated.closes_at) == (call.opens_at, call.closes_at)
    assert translated.status_at(OPENS) == CallStatus.OPEN
    assert [block.value["document"] for block in translated.documents] == [document]
    assert list(translated.partner_cities.all()) == [tubingen]
    Site.clear_site_root_paths_cache()
