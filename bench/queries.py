"""SQL queries per request, counted in-process: ``python -m bench.queries --db NAME``.

Counted with Django's CaptureQueriesContext on the test client, so the number is exact
and free of network noise. Each count is the second of two identical requests, as a warm
worker serves it. Uncached counts run with a cache that stores no API response
(bench.cache); the cache-hit and 304 counts with Django's own, after a first request
has filled it. Both are the deployment's cache: Redis with ``REDIS_URL``, else local
memory (with which the API's content generation is one query per request).
"""

import argparse
import json
import os
import time

from bench.database import RESULTS_DIR
from bench.dataset import setup_django
from bench.scenarios import floor_name, requests_for

COUNTED = [
    "list_limit_1",
    "list",
    "list_limit_100",
    "deep_list",
    "detail",
    "stock_list_limit_1",
    "stock_list",
    "stock_list_limit_100",
    "stock_deep_list",
    "stock_detail",
    "city_page",
    "story_page",
]


def count(client, path: str, **headers) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **headers)
    return {
        "status": response.status_code,
        "queries": len(queries),
        "ms_in_process": round(1000 * (time.perf_counter() - started), 1),
        "bytes": len(response.content),
        "etag": response.headers.get("ETag"),
        "cache_control": response.headers.get("Cache-Control"),
        "body": response.content,
    }


def measure(manifest: dict, host: str) -> dict:
    from django.core.cache import caches
    from django.test import Client
    from django.test.utils import override_settings

    requests = requests_for(manifest)
    client = Client(HTTP_HOST=host)
    locmem, no_responses = counting_caches()
    out: dict = {}
    bodies: dict[str, bytes] = {}
    with override_settings(CACHES=no_responses):
        for name in COUNTED:
            client.get(requests[name])  # a warm worker: Wagtail's own caches are filled
            result = count(client, requests[name])
            bodies[name] = result.pop("body")
            out[name] = result
    out["payload"] = payload_comparison(bodies["list"], bodies["stock_list"])

    with override_settings(CACHES=locmem):
        if os.environ.get("REDIS_URL") is None:
            caches["default"].clear()  # (Redis: a key prefix of this run's own, empty)
        client.get(requests["story_page"])
        first = count(client, requests["list"])
        second = count(client, requests["list"])
        out["list_cache_miss"] = {k: v for k, v in first.items() if k != "body"}
        out["list_cache_hit"] = {k: v for k, v in second.items() if k != "body"}
        if first["etag"]:
            revalidated = count(client, requests["list"], HTTP_IF_NONE_MATCH=first["etag"])
            revalidated.pop("body")
            out["list_revalidated"] = revalidated
        else:
            out["list_revalidated"] = {"status": None, "queries": None, "note": "no ETag"}

    floor_dir = RESULTS_DIR / "floor"
    floor_dir.mkdir(parents=True, exist_ok=True)
    (floor_dir / floor_name(manifest["db"])).write_bytes(bodies["list"])
    return out


def counting_caches() -> tuple[dict, dict]:
    """The caches the counts run with: the deployment's (Redis with ``REDIS_URL``, else
    local memory), and the same without stored API responses. With local memory the API's
    content generation is read from the database (one query per request, as in a
    deployment with that cache); with Redis it is read from Redis."""
    from django.conf import settings

    if os.environ.get("REDIS_URL"):
        prefix = f"bench-queries-{time.time_ns()}"  # nothing kept yet under it
        redis = {**settings.CACHES["default"], "KEY_PREFIX": prefix}
        without = {**redis, "BACKEND": "bench.cache.RedisWithoutResponses"}
        return {"default": redis}, {"default": {**without, "KEY_PREFIX": f"{prefix}-uncached"}}
    return (
        {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        {"default": {"BACKEND": "bench.cache.LocMemWithoutResponses"}},
    )


def payload_comparison(ours: bytes, stock: bytes) -> dict:
    """Whether both endpoints answered with the same pages, and how many bytes each."""

    def ids(body: bytes) -> list:
        try:
            return [item.get("id") for item in json.loads(body).get("items", [])]
        except (ValueError, AttributeError):
            return []

    return {
        "ours_bytes": len(ours),
        "stock_bytes": len(stock),
        "same_pages": ids(ours) == ids(stock) and bool(ids(ours)),
        "identical_bytes": ours == stock,
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=os.environ.get("BENCH_DB_NAME", "twinning_bench"))
    parser.add_argument("--host", default="127.0.0.1:8765", help="Host header, as wrk sends it")
    parser.add_argument("--out", help="write the JSON here too")
    args = parser.parse_args(argv)
    manifest = json.loads((RESULTS_DIR / f"{args.db}.manifest.json").read_text())
    setup_django(args.db)
    result = measure(manifest, args.host)
    if args.out:
        with open(args.out, "w") as handle:
            json.dump(result, handle, indent=2)
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
