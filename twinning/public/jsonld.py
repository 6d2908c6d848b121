"""schema.org descriptions (JSON-LD) of partner cities and stories, embedded in their pages.

Search engines and partners' tools read them: a City with its coordinates and its
Wikidata entity (``sameAs``), its partnership milestones as Events, and stories as
Articles ``about`` the partner cities they tell of.

They are built from what the page renders anyway: its hero image (when public: not from
a private collection) and the rendition the API calls "large" (Wagtail keeps renditions
in its cache), its milestones, and for a story one query for its cities. An alias (a
page not translated yet) is described as its original, whose text it carries: with the
original's URL and language.
"""

import json
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from twinning.absolute_urls import URLBuilder
from twinning.api.images import RENDITIONS
from twinning.locales import source_language_code
from twinning.models import ExchangeStoryPage, PartnerCityPage
from twinning.public.visibility import is_public, public_media, view_restrictions

SCHEMA = "https://schema.org"
WIKIDATA = "https://www.wikidata.org/wiki/"

_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@dataclass(frozen=True)
class Identity:
    """Where a description's page is and in which language its text is written."""

    url: str | None
    language: str


def _publisher(urls: URLBuilder) -> dict:
    return {
        "@type": "GovernmentOrganization",
        "name": getattr(settings, "WAGTAIL_SITE_NAME", ""),
        "url": urls.absolute("/"),
    }


def _image_url(urls: URLBuilder, image, request: HttpRequest) -> str | None:
    """The absolute URL of the image's large rendition, as the API gives it; none for an
    image of a private collection."""
    image = public_media(image, request)
    if image is None:
        return None
    try:
        rendition = image.get_rendition(RENDITIONS["large"])
    except (SourceImageIOError, OSError):
        return None
    return urls.absolute(rendition.url)


def city_place(city: Page, urls: URLBuilder, wikidata_id: str = "") -> dict:
    """A short City node (name, URL, Wikidata), for stories that mention it."""
    node = {"@type": "City", "name": city.title, "url": urls.page_url(city)}
    if wikidata_id:
        node["sameAs"] = WIKIDATA + wikidata_id
    return node


def city_json_ld(city: PartnerCityPage, request: HttpRequest, identity: Identity) -> dict:
    urls = URLBuilder(request)
    url = identity.url
    same_as = [WIKIDATA + city.wikidata_id] if city.wikidata_id else []
    if city.website:
        same_as.append(city.website)
    data = {
        "@context": SCHEMA,
        "@type": "City",
        "@id": url,
        "name": city.title,
        "url": url,
        "inLanguage": identity.language,
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
    image = _image_url(urls, city.hero_image, request)
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


def story_cities(story: ExchangeStoryPage, request: HttpRequest, language: str) -> list[Page]:
    """The story's partner cities as a reader of ``language`` should reach them, in one query.

    Each city's real (non-alias), live, public page in that language, else in the source
    language, else in any; a city with none is left out.
    """
    linked = story.partner_cities.all()
    if isinstance(linked, QuerySet):
        keys = linked.values("translation_key")
    else:  # a preview's unsaved choices
        keys = [city.translation_key for city in linked]
    versions = (
        PartnerCityPage.objects.live()
        .filter(alias_of__isnull=True, translation_key__in=keys)
        .select_related("locale")
        .only("title", "path", "url_path", "translation_key", "wikidata_id", "locale")
        .order_by("path")
    )
    restrictions = view_restrictions(request)
    by_key: dict = {}
    for city in versions:
        if is_public(city, restrictions):
            by_key.setdefault(city.translation_key, {})[city.locale.language_code] = city
    source = source_language_code()
    chosen = [
        found.get(language) or found.get(source) or next(iter(found.values()))
        for found in by_key.values()
    ]
    return sorted(chosen, key=lambda city: city.path)


def story_json_ld(story: ExchangeStoryPage, request: HttpRequest, identity: Identity) -> dict:
    urls = URLBuilder(request)
    cities = story_cities(story, request, identity.language)
    url = identity.url
    published = story.first_published_at or story.last_published_at
    data = {
        "@context": SCHEMA,
        "@type": "Article",
        "@id": url,
        "headline": story.title,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": identity.language,
        "description": strip_tags(story.summary),
        "datePublished": published.isoformat() if published else None,
        "dateModified": story.last_published_at.isoformat() if story.last_published_at else None,
        "author": _publisher(urls),
        "publisher": _publisher(urls),
        "about": [city_place(city, urls, city.wikidata_id) for city in cities],
    }
    if story.date:
        data["temporalCoverage"] = story.date.isoformat()
    image = _image_url(urls, story.hero_image, request)
    if image:
        data["image"] = image
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def identity_of(
    page: Page, request: HttpRequest, canonical: str | None = None, language: str | None = None
) -> Identity:
    """The page's URL and language; for an alias, its original's.

    ``canonical`` and ``language``: the original's absolute URL and language when the
    response already knows them (the page's languages, see twinning.public.languages).
    """
    urls = URLBuilder(request)
    if not page.alias_of_id:
        return Identity(urls.page_url(page), page.locale.language_code)
    if canonical and language:
        return Identity(canonical, language)
    original = Page.objects.select_related("locale").get(pk=page.alias_of_id)
    return Identity(urls.page_url(original), original.locale.language_code)


def json_ld_for(page: Page, request: HttpRequest, identity: Identity | None = None) -> dict | None:
    """The description of a city or story page; an alias is described as its original."""
    page = page.specific
    if not isinstance(page, (PartnerCityPage, ExchangeStoryPage)):
        return None
    identity = identity or identity_of(page, request)
    with translation.override(identity.language):
        if isinstance(page, PartnerCityPage):
            return city_json_ld(page, request, identity)
        return story_json_ld(page, request, identity)


def script_tag(data: dict | None, request: HttpRequest | None = None) -> SafeString:
    """``<script type="application/ld+json">`` that no text of the page can close early.

    No CSP nonce: a data block is not executed, so a policy does not block it, and a
    nonce would differ with each response, which an edge cache shares.
    """
    if not data:
        return mark_safe("")
    payload = json.dumps(data, ensure_ascii=False, indent=None).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')
