"""The partner cities as a GeoJSON layer (RFC 7946: a FeatureCollection, longitude first).

Every partner city is on the map: one without a translation in the requested language
comes in the source language (``fallback`` defaults to true here), and labels (country,
kind, status) are given in the requested language: the response has one language,
the requested one (the source language without ``locale``), which ``Content-Language`` names.
"""

from django.http import HttpRequest, JsonResponse
from django.utils import translation
from django.views.decorators.http import require_safe

from twinning import cache_tags
from twinning.absolute_urls import URLBuilder
from twinning.api.errors import json_errors
from twinning.api.filters import CityFactsFilter
from twinning.api.languages import (
    in_locale,
    parse_boolean,
    parse_locale,
    set_content_language,
    source_locale,
)
from twinning.api.parameters import MAP_FALLBACK, reject_unknown
from twinning.api.site_state import scope
from twinning.models import PartnerCityPage
from twinning.public.visibility import visible_pages

PARAMETERS = {"locale", "fallback", "kind", "status"}


class _Scope:
    requested_models = (PartnerCityPage,)


def city_feature(city: PartnerCityPage, urls: URLBuilder, language: str, router_name: str) -> dict:
    signed = city.signed_date
    with translation.override(language):
        properties = {
            "id": city.pk,
            "name": city.title,
            "locale": city.locale.language_code,
            "country_code": city.country.code,
            "country_name": str(city.country.name),
            "region": city.region,
            "kind": city.kind,
            "kind_label": str(city.get_kind_display()),
            "status": city.status,
            "status_label": str(city.get_status_display()),
            "year_signed": signed.year if signed else None,
            "wikidata_id": city.wikidata_id or None,
            "html_url": urls.page_url(city),
            "detail_url": urls.api_detail_url(PartnerCityPage, city.pk),
            "calendar_url": urls.reverse(f"{router_name}:partner-calendar", city.pk),
        }
    return {
        "type": "Feature",
        "id": city.pk,
        "geometry": {
            "type": "Point",
            "coordinates": [float(city.longitude), float(city.latitude)],
        },
        "properties": properties,
    }


@require_safe
@json_errors
def partners_geojson(request: HttpRequest) -> JsonResponse:
    reject_unknown(request, PARAMETERS)
    cache_tags.tag(request, cache_tags.type_tag(PartnerCityPage))
    locale = parse_locale(request) or source_locale(request)
    fallback = parse_boolean(request, "fallback", default=MAP_FALLBACK.get_default())
    cities = in_locale(
        visible_pages(scope(request), PartnerCityPage), request, locale, fallback=fallback
    )
    cities = CityFactsFilter().filter_queryset(request, cities, _Scope())
    urls = URLBuilder(request)
    router_name = request.wagtailapi_router.url_namespace
    features = []
    for city in cities.select_related("locale"):
        feature = city_feature(city, urls, locale.language_code, router_name)
        feature["properties"]["fallback_from"] = (
            city.locale.language_code if city.locale_id != locale.pk else None
        )
        features.append(feature)
    collection = {"type": "FeatureCollection", "features": features}
    response = JsonResponse(
        collection,
        content_type="application/geo+json",
        json_dumps_params={"ensure_ascii": False},
    )
    set_content_language(response, [locale.language_code])
    return response
