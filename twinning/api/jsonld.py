"""schema.org descriptions (JSON-LD) of partner cities and stories, embedded in their pages.

Search engines and partners' tools read them: a City with its coordinates and its
Wikidata entity (``sameAs``), its partnership milestones as Events, and stories as
Articles ``about`` the partner cities they tell of.
"""

import json

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

from wagtail.models import Page

from ..models import ExchangeStoryPage, PartnerCityPage
from .absolute import URLBuilder
from .images import image_representation, load_images
from .references import References

SCHEMA = "https://schema.org"
WIKIDATA = "https://www.wikidata.org/wiki/"

_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _publisher(urls: URLBuilder) -> dict:
    return {
        "@type": "GovernmentOrganization",
        "name": getattr(settings, "WAGTAIL_SITE_NAME", ""),
        "url": urls.absolute("/"),
    }


def _image_url(request: HttpRequest, urls: URLBuilder, image_id: int | None) -> str | None:
    image = load_images(request, [image_id]).get(image_id) if image_id else None
    representation = image_representation(image, urls)
    return representation["large"]["url"] if representation else None


def city_place(city: Page, urls: URLBuilder, wikidata_id: str = "") -> dict:
    """A short City node (name, URL, Wikidata), for stories that mention it."""
    node = {"@type": "City", "name": city.title, "url": urls.page_url(city)}
    if wikidata_id:
        node["sameAs"] = WIKIDATA + wikidata_id
    return node


def city_json_ld(city: PartnerCityPage, request: HttpRequest) -> dict:
    urls = URLBuilder(request)
    url = urls.page_url(city)
    same_as = [WIKIDATA + city.wikidata_id] if city.wikidata_id else []
    if city.website:
        same_as.append(city.website)
    data = {
        "@context": SCHEMA,
        "@type": "City",
        "@id": url,
        "name": city.title,
        "url": url,
        "inLanguage": city.locale.language_code,
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": float(city.latitude),
            "longitude": float(city.longitude),
        },
        "containedInPlace": {"@type": "Country", "name": str(city.country.name)},
        "address": {"@type": "PostalAddress", "addressCountry": city.country.code},
    }
    if city.intro:
        data["description"] = city.intro
    if same_as:
        data["sameAs"] = same_as
    if city.population:
        data["population"] = city.population
    image = _image_url(request, urls, city.hero_image_id)
    if image:
        data["image"] = image
    events = []
    for milestone in city.ordered_milestones:
        event = {
            "@type": "Event",
            "name": milestone.title,
            "startDate": milestone.date,
            "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
            "location": {"@id": url},
        }
        if milestone.description:
            event["description"] = milestone.description
        events.append(event)
    if events:
        data["event"] = events
    return data


def story_json_ld(story: ExchangeStoryPage, request: HttpRequest) -> dict:
    urls = URLBuilder(request)
    references = References(request, urls)
    city_ids = list(story.partner_cities.values_list("pk", flat=True))
    references.add_pages(city_ids)
    references.load()
    cities = {}
    for pk in city_ids:
        city = references.page(pk, story.locale_id)
        if city is not None:
            cities[city.pk] = city
    wikidata = dict(PartnerCityPage.objects.filter(pk__in=cities).values_list("pk", "wikidata_id"))
    url = urls.page_url(story)
    published = story.first_published_at or story.last_published_at
    data = {
        "@context": SCHEMA,
        "@type": "Article",
        "@id": url,
        "headline": story.title,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": story.locale.language_code,
        "description": strip_tags(story.summary),
        "datePublished": published.isoformat() if published else None,
        "dateModified": story.last_published_at.isoformat() if story.last_published_at else None,
        "author": _publisher(urls),
        "publisher": _publisher(urls),
        "about": [city_place(city, urls, wikidata.get(city.pk, "")) for city in cities.values()],
    }
    if story.date:
        data["temporalCoverage"] = story.date.isoformat()
    image = _image_url(request, urls, story.hero_image_id)
    if image:
        data["image"] = image
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def json_ld_for(page: Page, request: HttpRequest) -> dict | None:
    """The description of a city or story page; an alias is described as its original."""
    page = (page.alias_of or page).specific if page.alias_of_id else page.specific
    with translation.override(page.locale.language_code):
        if isinstance(page, PartnerCityPage):
            return city_json_ld(page, request)
        if isinstance(page, ExchangeStoryPage):
            return story_json_ld(page, request)
    return None


def script_tag(data: dict | None) -> SafeString:
    """``<script type="application/ld+json">`` that no text of the page can close early."""
    if not data:
        return mark_safe("")
    payload = json.dumps(data, ensure_ascii=False, indent=None).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')
