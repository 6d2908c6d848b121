"""The formats partners plug into their own tools: GeoJSON for maps, Atom for news,
iCalendar for calendars, and schema.org JSON-LD in the city and story pages."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from tests import factories
from tests.twinning.api.conftest import build_world, publish, shared

pytestmark = pytest.mark.django_db
world = shared(build_world)

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


# GeoJSON ----------------------------------------------------------------------------


def features(api, url):
    response = api.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/geo+json"
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection  # RFC 7946: WGS 84 only, no crs member
    return {feature["properties"]["name"]: feature for feature in collection["features"]}


@pytest.mark.parametrize(
    ("code", "name", "country"),
    [
        ("fr", "Tübingen", "Allemagne"),
        ("de", "Tübingen", "Deutschland"),
        ("ar", "توبنغن", "ألمانيا"),
    ],
)
def test_geojson_points_are_longitude_first_in_the_requested_language(
    api, world, code, name, country
):
    cities = features(api, f"/api/v2/partners.geojson?locale={code}")
    tubingen = cities[name]
    assert tubingen["geometry"] == {"type": "Point", "coordinates": [9.0576, 48.5216]}
    props = tubingen["properties"]
    assert props["locale"] == code
    assert props["fallback_from"] is None
    assert props["country_code"] == "DE"
    assert props["country_name"] == country
    assert props["kind"] == "twinning"
    assert props["status"] == "active"
    assert props["year_signed"] == 1960
    assert props["html_url"] == f"http://localhost/{code}/villes-partenaires/tubingen/"
    assert props["detail_url"] == f"http://localhost/api/v2/pages/{tubingen['id']}/"
    assert api.get(props["detail_url"]).json()["title"] == name


def test_geojson_shows_every_partner_even_untranslated(api, world):
    cities = features(api, "/api/v2/partners.geojson?locale=de")
    assert set(cities) == {"Tübingen", "Pérouse"}
    perugia = cities["Pérouse"]["properties"]
    assert perugia["locale"] == "fr"
    assert perugia["fallback_from"] == "fr"
    assert perugia["country_name"] == "Italien"  # labels in the reader's language
    assert perugia["year_signed"] == 1970
    assert set(features(api, "/api/v2/partners.geojson?locale=de&fallback=false")) == {"Tübingen"}


def test_geojson_filters_by_kind(api, world):
    perugia = type(world.perugia).objects.get(pk=world.perugia.pk)
    perugia.kind = "friendship"
    publish(perugia)
    assert set(features(api, "/api/v2/partners.geojson?kind=friendship")) == {"Pérouse"}


# Atom -------------------------------------------------------------------------------


def feed(api, url):
    response = api.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def assert_valid_atom(root):
    """The MUSTs of RFC 4287 for feeds and entries."""
    assert root.tag == f"{ATOM}feed"
    for element in ("id", "title", "updated"):
        assert len(root.findall(f"{ATOM}{element}")) == 1
    assert RFC3339.match(root.findtext(f"{ATOM}updated"))
    assert root.find(f"{ATOM}author/{ATOM}name").text
    assert root.find(f"{ATOM}link[@rel='self']") is not None
    for entry in root.findall(f"{ATOM}entry"):
        for element in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{element}")) == 1
        assert RFC3339.match(entry.findtext(f"{ATOM}updated"))
        assert entry.findtext(f"{ATOM}summary")
        alternates = [
            (link.get("type"), link.get("hreflang"))
            for link in entry.findall(f"{ATOM}link[@rel='alternate']")
        ]
        assert len(alternates) == len(set(alternates))  # no two with the same type+hreflang


def test_feed_is_valid_atom_in_the_requested_language(api, world):
    root = feed(api, "/api/v2/feeds/stories.atom?locale=de")
    assert_valid_atom(root)
    assert root.get(XML_LANG) == "de"
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == (
        "http://localhost/api/v2/feeds/stories.atom?locale=de"
    )
    [entry] = root.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Studierende in Tübingen"
    assert entry.findtext(f"{ATOM}summary") == "Ein Austausch."
    links = {link.get("hreflang"): link.get("href") for link in entry.findall(f"{ATOM}link")}
    assert links[None] == "http://localhost/de/recits/etudiants-tubingen/"
    assert links["fr"] == "http://localhost/fr/recits/etudiants-tubingen/"
    assert entry.findtext(f"{ATOM}id").startswith("urn:uuid:")


def test_feed_entry_ids_are_stable_and_distinct_per_language(api, world):
    def entry_id(code):
        return (
            feed(api, f"/api/v2/feeds/stories.atom?locale={code}")
            .find(f"{ATOM}entry/{ATOM}id")
            .text
        )

    french, german = entry_id("fr"), entry_id("de")
    assert french != german
    story = type(world.story).objects.get(pk=world.story.pk)
    story.title = "Des étudiants aixois à Tübingen"
    story.slug = "etudiants-aixois"
    publish(story)
    assert entry_id("fr") == french


def test_feed_for_one_partner_and_with_fallback(api, world):
    root = feed(api, "/api/v2/feeds/stories.atom?locale=ar&partner=Q3437&fallback=true")
    assert_valid_atom(root)
    assert "Pérouse" in root.findtext(f"{ATOM}title")
    [entry] = root.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Étudiants à Tübingen"
    assert feed(api, "/api/v2/feeds/stories.atom?locale=ar").findall(f"{ATOM}entry") == []


# iCalendar --------------------------------------------------------------------------


def calendar(api, url):
    response = api.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"].startswith("inline; filename=")
    parsed = Calendar.from_ical(response.content)
    assert str(parsed["VERSION"]) == "2.0"
    assert str(parsed["PRODID"])
    return parsed


def events(parsed):
    return parsed.walk("VEVENT")


def test_calendar_has_all_day_events_for_milestones_known_to_the_day(api, world):
    parsed = calendar(api, f"/api/v2/partners/{world.tubingen.pk}/calendar.ics")
    [signing] = events(parsed)  # "1965" is known to the year only: not an event
    assert str(signing["SUMMARY"]) == "Signature du jumelage"
    assert signing.decoded("DTSTART") == date(1960, 10, 20)
    assert signing.decoded("DTEND") == date(1960, 10, 20) + timedelta(days=1)
    assert signing["DTSTAMP"]
    assert str(signing["URL"]) == "http://localhost/fr/villes-partenaires/tubingen/"


def test_calendar_in_another_language_keeps_uids(api, world):
    milestone = world.tubingen_de.milestones.get(date="1960-10-20")
    milestone.title = "Unterzeichnung der Partnerschaft"
    milestone.save()
    french = events(calendar(api, f"/api/v2/partners/{world.tubingen.pk}/calendar.ics"))
    # Any language's id of the city will do; locale chooses the language.
    german = events(calendar(api, f"/api/v2/partners/{world.tubingen.pk}/calendar.ics?locale=de"))
    assert str(german[0]["SUMMARY"]) == "Unterzeichnung der Partnerschaft"
    assert str(german[0]["URL"]) == "http://localhost/de/villes-partenaires/tubingen/"
    assert str(german[0]["UID"]) == str(french[0]["UID"])
    again = events(calendar(api, f"/api/v2/partners/{world.tubingen_ar.pk}/calendar.ics?locale=de"))
    assert str(again[0]["UID"]) == str(french[0]["UID"])


def test_calendar_has_the_events_the_city_takes_part_in(api, world):
    index = factories.EventIndexPageFactory(parent=factories.home_page())
    market = factories.EventPageFactory(
        parent=index,
        title="Marché des villes jumelles",
        partner_cities=[world.tubingen],
        start=datetime(2026, 12, 5, 9, 0, tzinfo=UTC),
        end=datetime(2026, 12, 6, 18, 0, tzinfo=UTC),
        all_day=True,
        place_name="Cours Mirabeau",
    )
    factories.EventPageFactory(
        parent=index,
        title="Journée de l'Europe",
        partner_cities=[world.tubingen],
        start=datetime(2026, 5, 9, 8, 0, tzinfo=UTC),
        end=datetime(2026, 5, 9, 16, 0, tzinfo=UTC),
    )
    factories.EventPageFactory(parent=index, title="Sans Tübingen", partner_cities=[world.perugia])
    factories.EventPageFactory(
        parent=index, title="Brouillon", partner_cities=[world.tubingen], live=False
    )
    # The German calendar: events not translated yet come in French.
    parsed = calendar(api, "/api/v2/partners/Q3806/calendar.ics?locale=de")
    found = {str(event["SUMMARY"]): event for event in events(parsed)}
    assert set(found) == {
        "Signature du jumelage",
        "Marché des villes jumelles",
        "Journée de l'Europe",
    }
    all_day = found["Marché des villes jumelles"]
    assert all_day.decoded("DTSTART") == date(2026, 12, 5)
    assert all_day.decoded("DTEND") == date(2026, 12, 7)
    assert str(all_day["LOCATION"]) == "Cours Mirabeau"
    assert str(all_day["UID"]) == f"event-{market.translation_key}@localhost"
    timed = found["Journée de l'Europe"]
    assert timed.decoded("DTSTART") == datetime(2026, 5, 9, 8, 0, tzinfo=UTC)
    assert timed.decoded("DTEND") == datetime(2026, 5, 9, 16, 0, tzinfo=UTC)


def test_calendar_of_an_untranslated_city_falls_back_to_french(api, world):
    parsed = calendar(api, f"/api/v2/partners/{world.perugia.pk}/calendar.ics?locale=de")
    assert "Pérouse" in str(parsed["X-WR-CALNAME"])
    url = f"/api/v2/partners/{world.perugia.pk}/calendar.ics?locale=de&fallback=false"
    assert api.get(url).status_code == 404


# JSON-LD ----------------------------------------------------------------------------


def json_ld(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(found) == 1
    return json.loads(found[0])


def test_city_page_describes_a_schema_org_city(client_fr, world):
    data = json_ld(client_fr, "/de/villes-partenaires/tubingen/")
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "City"
    assert data["name"] == "Tübingen"
    assert data["inLanguage"] == "de"
    assert data["url"] == "http://localhost/de/villes-partenaires/tubingen/"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 48.5216, "longitude": 9.0576}
    assert "https://www.wikidata.org/wiki/Q3806" in data["sameAs"]
    assert data["containedInPlace"]["name"] == "Deutschland"
    assert [event["startDate"] for event in data["event"]] == ["1960-10-20", "1965"]
    assert all(event["@type"] == "Event" for event in data["event"])


def test_story_page_describes_an_article_about_its_cities(client_fr, world):
    data = json_ld(client_fr, "/de/recits/etudiants-tubingen/")
    assert data["@type"] == "Article"
    assert data["headline"] == "Studierende in Tübingen"
    assert data["inLanguage"] == "de"
    about = {city["name"]: city for city in data["about"]}
    assert about["Tübingen"]["url"] == "http://localhost/de/villes-partenaires/tubingen/"
    assert about["Tübingen"]["sameAs"] == "https://www.wikidata.org/wiki/Q3806"
    assert about["Pérouse"]["url"] == "http://localhost/fr/villes-partenaires/perouse/"


def test_alias_page_is_described_as_its_french_original(client_fr, world):
    data = json_ld(client_fr, "/de/villes-partenaires/perouse/")
    assert data["inLanguage"] == "fr"
    assert data["url"] == "http://localhost/fr/villes-partenaires/perouse/"


def test_json_ld_cannot_be_closed_by_page_text(client_fr, world):
    city = type(world.perugia).objects.get(pk=world.perugia.pk)
    city.intro = '</script><script>alert("x")</script>'
    publish(city)
    data = json_ld(client_fr, "/fr/villes-partenaires/perouse/")
    assert data["description"] == city.intro
