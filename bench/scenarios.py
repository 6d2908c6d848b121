"""The requests the benchmark makes, written once for the query counter and the load."""

from urllib.parse import urlencode

OURS = ""
STOCK = "/bench-stock"
STORY_TYPE = "twinning.ExchangeStoryPage"


def list_url(prefix: str, locale: str, limit: int = 20, offset: int = 0) -> str:
    params = {"type": STORY_TYPE, "fields": "*", "locale": locale, "limit": limit}
    if offset:
        params["offset"] = offset
    return f"{prefix}/api/v2/pages/?{urlencode(params)}"


def detail_url(prefix: str, page_id: int) -> str:
    return f"{prefix}/api/v2/pages/{page_id}/"


def deep_offset(count: int, limit: int = 20) -> int:
    """The last full page of the listing: as far into it as a reader can go."""
    return max(0, count - limit)


def floor_name(db: str) -> str:
    return f"{db}-list.json"


def requests_for(manifest: dict) -> dict[str, str]:
    """Name -> path of every measured request, for the dataset in ``manifest``."""
    locale = manifest["target_locale"]
    deep = deep_offset(manifest["stories_in_target_locale"])
    return {
        "list": list_url(OURS, locale),
        "stock_list": list_url(STOCK, locale),
        "list_limit_1": list_url(OURS, locale, limit=1),
        "list_limit_100": list_url(OURS, locale, limit=100),
        "stock_list_limit_1": list_url(STOCK, locale, limit=1),
        "stock_list_limit_100": list_url(STOCK, locale, limit=100),
        "deep_list": list_url(OURS, locale, offset=deep),
        "stock_deep_list": list_url(STOCK, locale, offset=deep),
        "detail": detail_url(OURS, manifest["story_id"]),
        "stock_detail": detail_url(STOCK, manifest["story_id"]),
        "city_page": manifest["city_url"],
        "story_page": manifest["story_url"],
        "floor": "/" + floor_name(manifest["db"]),
    }
