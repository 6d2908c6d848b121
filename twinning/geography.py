"""Facts about countries that django-countries does not carry."""

from functools import lru_cache

from countryinfo import CountryInfo

from twinning.choices import Continent


@lru_cache(maxsize=512)
def continent_of(country_code: str) -> Continent | None:
    """The continent of an ISO 3166-1 alpha-2 country code, or None if unknown."""
    if not country_code:
        return None
    try:
        region = CountryInfo(country_code).region()
    except (KeyError, AttributeError, ValueError):
        return None
    try:
        return Continent((region or "").strip().lower())
    except ValueError:
        return None
