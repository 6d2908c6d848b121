"""Every page type renders for readers, with the facts they come for."""

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import pytest

from tests import factories
from tests.twinning.html_checks import assert_accessible_page, soup_of, text_of
from twinning.choices import Audience, MilestoneKind, PartnershipKind


def label(choice) -> str:
    """A choice's label as a French reader sees it."""
    with translation.override("fr"):
        return str(choice.label)


def get_ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def definitions(soup) -> list[str]:
    """The values of the page's fact lists (<dd>), as read."""
    return [text_of(dd) for dd in soup.find_all("dd")]


@pytest.fixture
def image(db):
    return factories.ImageFactory(title="Place du marché", description="La place du marché")


@pytest.fixture
def themes(db):
    return [
        factories.CooperationThemeFactory(name="Mobilité", slug="mobilite", sort_order=1),
        factories.CooperationThemeFactory(name="Citoyenneté européenne", slug="citoyennete"),
    ]


@pytest.fixture
def oujda(cities_index):
    return factories.PartnerCityPageFactory(
        parent=cities_index,
        title="Oujda",
        country="MA",
        latitude="34.68140",
        longitude="-1.90860",
        kind=PartnershipKind.COOPERATION,
        signed="1997",
    )


@pytest.fixture
def kumamoto(cities_index):
    return factories.PartnerCityPageFactory(
        parent=cities_index,
        title="Kumamoto",
        country="JP",
        latitude="32.80320",
        longitude="130.70790",
        kind=PartnershipKind.COOPERATION,
        signed="",
    )


@pytest.fixture
def draft_city(cities_index):
    city = factories.PartnerCityPageFactory(parent=cities_index, title="Ville en projet")
    city.unpublish()
    return city


# --- the partner city page ------------------------------------------------------------


def test_city_page_shows_its_key_facts(client_fr, tubingen, themes):
    tubingen.region = "Bade-Wurtemberg"
    tubingen.themes.set(themes)
    tubingen.save_revision().publish()

    soup = soup_of(get_ok(client_fr, tubingen.url))

    assert text_of(soup.h1) == "Tübingen"
    facts = definitions(soup)
    assert "Allemagne" in facts
    assert "Bade-Wurtemberg" in facts
    assert any(label(PartnershipKind.TWINNING) in fact for fact in facts)
    assert "48.52160, 9.05760" in facts
    signed = soup.find("time", datetime="1960-10-20")
    assert signed is not None and text_of(signed) == "20 octobre 1960"
    assert "Citoyenneté européenne, Mobilité" in facts  # in the themes' own order


def test_city_page_shows_its_history_in_chronological_order(client_fr, cities_index):
    city = factories.PartnerCityPageFactory(parent=cities_index, title="Tübingen")
    # Entered out of order; the two 1965 steps keep the editor's order between them.
    for date, title, kind, sort_order in [
        ("1995", "Marché ombrien-provençal", MilestoneKind.EVENT, 0),
        ("1960-10-20", "Signature du jumelage", MilestoneKind.SIGNING, 4),
        ("1965", "Prix de l'Europe", MilestoneKind.AWARD, 3),
        ("1965", "Visite officielle", MilestoneKind.OFFICIAL_VISIT, 2),
        ("1955-06", "Premiers échanges universitaires", MilestoneKind.EVENT, 1),
    ]:
        factories.PartnershipMilestoneFactory(
            page=city, date=date, title=title, kind=kind, sort_order=sort_order
        )

    soup = soup_of(get_ok(client_fr, city.url))

    timeline = soup.find("ol")
    items = timeline.find_all("li", recursive=False)
    assert [text_of(item.find("h3")) for item in items] == [
        "Premiers échanges universitaires",
        "Signature du jumelage",
        "Visite officielle",
        "Prix de l'Europe",
        "Marché ombrien-provençal",
    ]
    dates = [(item.time["datetime"], text_of(item.time)) for item in items]
    assert dates == [
        ("1955-06", "juin 1955"),
        ("1960-10-20", "20 octobre 1960"),
        ("1965", "1965"),
        ("1965", "1965"),
        ("1995", "1995"),
    ]
    assert label(MilestoneKind.AWARD) in text_of(items[3])


def test_milestone_shows_its_description_image_and_link(client_fr, tubingen, image):
    factories.PartnershipMilestoneFactory(
        page=tubingen,
        date="2010-10-20",
        kind=MilestoneKind.ANNIVERSARY,
        title="Cinquante ans de jumelage",
        description="Une délégation aixoise à Tübingen.",
        image=image,
        link_url="https://www.tuebingen.de/",
    )

    soup = soup_of(get_ok(client_fr, tubingen.url))

    item = soup.find("h3", string=lambda s: s and "Cinquante ans" in s).find_parent("li")
    assert "Une délégation aixoise à Tübingen." in text_of(item)
    assert item.find("img")["alt"] == "La place du marché"
    assert item.find("a", href="https://www.tuebingen.de/")


def test_city_page_lists_the_stories_that_involve_it(client_fr, tubingen, perugia, story):
    elsewhere = factories.ExchangeStoryPageFactory(
        parent=story.get_parent(), title="Marché de Pérouse", partner_cities=[perugia]
    )

    soup = soup_of(get_ok(client_fr, tubingen.url))

    links = {a["href"]: text_of(a) for a in soup.find_all("a", href=True)}
    assert links[story.url] == story.title
    assert elsewhere.url not in links


def test_draft_story_does_not_appear_on_its_city(client_fr, tubingen, story):
    story.unpublish()
    html = get_ok(client_fr, tubingen.url).content.decode()
    assert story.title not in html


# --- the partner cities index ---------------------------------------------------------


@pytest.fixture
def cities(tubingen, perugia, oujda, kumamoto, draft_city):
    return [tubingen, perugia, oujda, kumamoto]


def city_groups(soup) -> dict[str, list[str]]:
    """Each section's heading, with the titles of the cities listed under it."""
    return {
        text_of(section.h2): [text_of(h3) for h3 in section.find_all("h3")]
        for section in soup.main.find_all("section")
        if section.h2
    }


def test_index_groups_published_cities_by_partnership_kind(client_fr, cities_index, cities):
    soup = soup_of(get_ok(client_fr, cities_index.url))

    assert city_groups(soup) == {
        label(PartnershipKind.TWINNING): ["Pérouse", "Tübingen"],
        label(PartnershipKind.COOPERATION): ["Kumamoto", "Oujda"],
    }
    assert "Ville en projet" not in text_of(soup)


def test_index_shows_each_city_with_country_kind_and_year(client_fr, cities_index, cities):
    soup = soup_of(get_ok(client_fr, cities_index.url))

    card = soup.find("a", string="Oujda").find_parent("article")
    assert {"Maroc", label(PartnershipKind.COOPERATION), "1997"} <= set(definitions(card))
    assert card.find("time")["datetime"] == "1997"
    kumamoto_card = soup.find("a", string="Kumamoto").find_parent("article")
    assert "Japon" in definitions(kumamoto_card)
    assert kumamoto_card.find("time") is None  # no date known, none invented


@pytest.mark.parametrize(
    "query, expected",
    [
        ("country=IT", ["Pérouse"]),
        ("country=it", ["Pérouse"]),
        ("continent=africa", ["Oujda"]),
        ("continent=asia", ["Kumamoto"]),
        ("continent=europe", ["Pérouse", "Tübingen"]),
        ("continent=europe&country=DE", ["Tübingen"]),
        ("country=ZZ", []),
        ("continent=atlantis", []),
    ],
)
def test_index_filters_by_country_and_continent(client_fr, cities_index, cities, query, expected):
    soup = soup_of(get_ok(client_fr, f"{cities_index.url}?{query}"))
    listed = sorted(title for titles in city_groups(soup).values() for title in titles)
    assert listed == expected


def test_index_filter_offers_the_countries_of_published_cities(client_fr, cities_index, cities):
    soup = soup_of(get_ok(client_fr, cities_index.url))
    country = soup.find("select", attrs={"name": "country"})
    options = [text_of(option) for option in country.find_all("option") if option["value"]]
    assert options == ["Allemagne", "Italie", "Japon", "Maroc"]


def test_unpublished_city_is_not_found(client_fr, draft_city):
    assert draft_city.url == "/fr/villes-partenaires/ville-en-projet/"
    assert client_fr.get(draft_city.url).status_code == 404


# --- stories --------------------------------------------------------------------------


def test_story_page_shows_date_and_links_its_partner_cities(client_fr, story, perugia, themes):
    story.partner_cities.add(perugia)
    story.themes.set(themes[:1])
    story.participants = 24
    story.save_revision().publish()

    soup = soup_of(get_ok(client_fr, story.url))

    assert text_of(soup.h1) == story.title
    date = soup.find("time", datetime="2016-05-09")
    assert date is not None and text_of(date) == "9 mai 2016"
    main_links = {a["href"]: text_of(a) for a in soup.main.find_all("a", href=True)}
    assert main_links[story.partner_cities.get(slug="tubingen").url] == "Tübingen"
    assert main_links[perugia.url] == "Pérouse"
    text = text_of(soup.main)
    assert label(Audience.STUDENTS) in text
    assert "Mobilité" in text and "24" in definitions(soup)


def test_story_index_lists_published_stories_newest_first(client_fr, stories_index, story):
    newer = factories.ExchangeStoryPageFactory(
        parent=stories_index,
        title="Journée de l'Europe 2017",
        date="2017-05-09",
        partner_cities=story.partner_cities.all(),
    )
    draft = factories.ExchangeStoryPageFactory(parent=stories_index, title="Brouillon")
    draft.unpublish()

    soup = soup_of(get_ok(client_fr, stories_index.url))

    titles = [text_of(a) for a in soup.main.select("article a")]
    assert titles == [newer.title, story.title]


# --- content pages --------------------------------------------------------------------


def test_content_page_shows_its_text_and_subpages(client_fr, home):
    strategy = factories.ContentPageFactory(
        parent=home,
        title="Stratégie internationale 2016-2020",
        intro="Deux axes votés le 2 mai 2016.",
        body=json.dumps(
            [
                {"type": "heading", "value": {"text": "Attractivité", "level": "h2"}},
                {"type": "paragraph", "value": "<p>Marketing territorial.</p>"},
            ]
        ),
    )
    axis = factories.ContentPageFactory(parent=strategy, title="Ouverture du territoire")

    soup = soup_of(get_ok(client_fr, strategy.url))

    assert text_of(soup.h1) == strategy.title
    text = text_of(soup.main)
    assert "Deux axes votés le 2 mai 2016." in text and "Marketing territorial." in text
    assert [text_of(h2) for h2 in soup.main.find_all("h2")][0] == "Attractivité"
    assert soup.main.find("a", href=axis.url)


# --- what every page owes its readers -------------------------------------------------


@pytest.fixture
def illustrated(tubingen, story, image):
    """Pages with pictures everywhere a template can show one."""
    body = json.dumps(
        [
            {"type": "heading", "value": {"text": "Histoire", "level": "h2"}},
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "", "caption": "", "credit": ""},
            },
            {
                "type": "gallery",
                "value": {
                    "title": "En images",
                    "images": [{"image": image.pk, "alt_text": "Le marché", "caption": ""}],
                },
            },
        ]
    )
    for page in (tubingen, story):
        page.hero_image = image
        page.body = body
        page.save_revision().publish()
    factories.PartnershipMilestoneFactory(page=tubingen, date="1965", image=image)
    return tubingen, story


def test_pictures_are_described_where_they_inform_and_silent_where_they_decorate(
    client_fr, cities_index, illustrated
):
    tubingen, story = illustrated
    for page in (tubingen, story):
        hero = soup_of(get_ok(client_fr, page.url)).main.find("figure").img
        assert hero["alt"] == "La place du marché"  # the image library's description
    card = soup_of(get_ok(client_fr, cities_index.url)).main.find("article")
    assert card.img["alt"] == ""  # beside the city's name, a thumbnail adds nothing


@pytest.mark.parametrize(
    "page_name", ["cities_index", "tubingen", "stories_index", "story", "content_page"]
)
def test_every_page_type_has_landmarks_ordered_headings_and_alt_text(
    request, client_fr, home, illustrated, oujda, page_name
):
    if page_name == "content_page":
        page = factories.ContentPageFactory(parent=home, title="Stratégie", intro="Les axes.")
    else:
        page = request.getfixturevalue(page_name)

    soup = soup_of(get_ok(client_fr, page.url))

    assert_accessible_page(soup)
    assert soup.find("img") or page_name in {"cities_index", "content_page"}


def test_missing_page_is_a_404_in_the_site_style(client_fr, home):
    response = client_fr.get("/fr/cette-page-n-existe-pas/")

    assert response.status_code == 404
    soup = soup_of(response)
    assert_accessible_page(soup)
    assert soup.body.header.find("a", href="/fr/"), "the site header links home"
    assert "Traceback" not in response.content.decode()


def test_unprefixed_address_is_sent_to_the_french_site(client_fr, home):
    response = client_fr.get("/cette-page-n-existe-pas/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/cette-page-n-existe-pas/"


# --- cost: a page's queries do not grow with its content ------------------------------


def queries_to_render(client, url) -> int:
    client.get(url)  # renditions and caches are made once, as on a live site
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_index_queries_do_not_grow_with_the_number_of_cities(client_fr, cities_index, tubingen):
    image = factories.ImageFactory()
    tubingen.hero_image = image
    tubingen.save_revision().publish()
    with_one = queries_to_render(client_fr, cities_index.url)
    for number in range(6):
        factories.PartnerCityPageFactory(
            parent=cities_index, title=f"Ville {number}", hero_image=image, signed="1990"
        )

    assert queries_to_render(client_fr, cities_index.url) == with_one


def test_city_page_queries_do_not_grow_with_its_history_and_stories(
    client_fr, tubingen, story, themes
):
    tubingen.themes.set(themes[:1])
    tubingen.save_revision().publish()
    with_few = queries_to_render(client_fr, tubingen.url)
    for year in range(1970, 1980):
        factories.PartnershipMilestoneFactory(page=tubingen, date=str(year), kind="visit")
    for number in range(5):
        factories.ExchangeStoryPageFactory(
            parent=story.get_parent(), title=f"Échange {number}", partner_cities=[tubingen]
        )
    tubingen.themes.set(themes)
    tubingen.save_revision().publish()

    assert queries_to_render(client_fr, tubingen.url) == with_few
