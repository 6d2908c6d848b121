"""The shipped VCL on its own, in front of a plain HTTP server standing for the site:
languages, methods, grace while the site is down, loopback-only purges."""

import http.server
import threading
import time
import urllib.error
import urllib.request

import pytest

from tests.servers import HOST, OwnVarnish, needs_varnish

pytestmark = needs_varnish


class Origin:
    """Answers every GET with what it was asked (path and Accept-Language), cacheable by
    the edge for ``s_maxage`` seconds, varying on Accept-Language."""

    def __init__(self, s_maxage: int = 3600) -> None:
        self.hits: list[str] = []
        self.hold = threading.Event()  # paths with "slow" wait for it
        self.hold.set()
        origin = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                origin.hits.append(self.path)
                if "slow" in self.path:
                    origin.hold.wait(30)
                body = f"{self.path} {self.headers.get('Accept-Language', '-')}".encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Cache-Control", f"public, max-age=60, s-maxage={s_maxage}")
                self.send_header("Vary", "Accept-Language")
                self.send_header("xkey", "tw-site tw-t-test")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer((HOST, 0), Handler)
        self.port = self.server.server_port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def get(varnish, path, method="GET", **headers):
    request = urllib.request.Request(varnish.url + path, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture
def origin():
    origin = Origin()
    yield origin
    origin.stop()


@pytest.fixture
def varnish(origin):
    with OwnVarnish(backends=[(HOST, origin.port)], probe=None) as edge:
        yield edge


def test_accept_language_is_reduced_to_the_sites_languages(varnish, origin):
    status, headers, body = get(varnish, "/api/v2/x", **{"Accept-Language": "de-DE,de;q=0.9"})
    assert body.endswith(" de")

    _, again, _ = get(varnish, "/api/v2/x", **{"Accept-Language": "de"})
    _, unknown, body = get(varnish, "/api/v2/x", **{"Accept-Language": "xx"})

    assert again["X-Cache"] == "HIT"
    assert body.endswith(" fr")  # the source language, as Django would choose
    assert len(origin.hits) == 2


def test_api_urls_with_a_locale_ignore_accept_language(varnish, origin):
    get(varnish, "/api/v2/x?locale=it", **{"Accept-Language": "de"})

    _, headers, body = get(varnish, "/api/v2/x?locale=it&", **{"Accept-Language": "ja"})

    assert headers["X-Cache"] == "HIT"
    assert body.endswith(" -")


def test_unknown_methods_are_refused(varnish, origin):
    status, _, _ = get(varnish, "/", method="BREW")

    assert status == 405
    assert origin.hits == []


def test_a_cached_page_is_served_while_the_site_is_down():
    origin = Origin(s_maxage=1)
    with OwnVarnish(backends=[(HOST, origin.port)], probe=None) as varnish:
        get(varnish, "/fr/")
        origin.stop()
        time.sleep(2)  # past the page's s-maxage: only grace serves it now

        status, headers, body = get(varnish, "/fr/")

    assert status == 200
    assert body.startswith("/fr/")


def test_purges_name_their_tags(varnish, origin):
    get(varnish, "/fr/")
    assert get(varnish, "/fr/")[1]["X-Cache"] == "HIT"

    status, _, body = get(varnish, "/", method="PURGE", **{"xkey-purge": "tw-t-test"})

    assert status == 200
    assert body.strip() == "Purged 1"
    assert get(varnish, "/fr/")[1]["X-Cache"] == "MISS"


def _purge_while_serving(varnish, origin, purge: bool) -> str:
    """Fetch a slow page; purge (another tag) while the site builds it; fetch it again."""
    origin.hold.clear()
    first = threading.Thread(target=get, args=(varnish, "/fr/slow/"))
    first.start()
    while "/fr/slow/" not in origin.hits:
        time.sleep(0.01)
    if purge:
        get(varnish, "/", method="PURGE", **{"xkey-purge": "tw-p-other"})
    origin.hold.set()
    first.join()
    return get(varnish, "/fr/slow/")[1]["X-Cache"]


def test_a_response_begun_before_a_purge_is_not_kept(varnish, origin):
    assert _purge_while_serving(varnish, origin, purge=True) == "MISS"


def test_a_response_begun_without_a_purge_is_kept(varnish, origin):
    assert _purge_while_serving(varnish, origin, purge=False) == "HIT"
