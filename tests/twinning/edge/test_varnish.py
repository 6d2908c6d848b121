"""Through a real Varnish with the shipped VCL: what a change purges is fetched anew, the
rest stays in the edge; the admin, previews, signed-in readers and partner tokens pass;
a purge the edge missed is tried again and takes effect."""

import json
import socket
import socketserver
import threading
import urllib.error
import urllib.parse
import urllib.request

from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from tests import factories
from tests.servers import OwnVarnish, needs_varnish
from tests.twinning.edge.conftest import use_edge
from tests.twinning.page_form_data import log_in_editor
from tests.twinning.translation_helpers import clear_site_cache, translate

pytestmark = [needs_varnish, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.text = status, headers, body.decode("utf-8", "replace")

    @property
    def cache(self) -> str:
        return self.headers.get("X-Cache", "")


def fetch(varnish: OwnVarnish, path: str, **headers) -> Answer:
    request = urllib.request.Request(varnish.url + path, headers=headers)
    try:
        with _opener.open(request, timeout=30) as response:
            return Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read())


def warm(varnish: OwnVarnish, path: str, **headers) -> Answer:
    """Fetch twice: the second answer comes from the edge."""
    fetch(varnish, path, **headers)
    return fetch(varnish, path, **headers)


@pytest.fixture
def varnish(live_server, settings):
    clear_site_cache()
    address = urllib.parse.urlsplit(live_server.url)
    with OwnVarnish(backends=[("127.0.0.1", address.port)], probe=None) as edge:
        use_edge(settings, edge.url, EDGE_PURGE_TIMEOUT=1)
        yield edge
    clear_site_cache()


@pytest.fixture
def site(home, stories_index, story, tubingen):
    german = translate(story, "de", title="Studierende in Tübingen")
    about = factories.ContentPageFactory(parent=home, title="Le jumelage", slug="jumelage")
    return {"story": story, "german": german, "tubingen": tubingen, "about": about}


def test_publishing_a_story_refreshes_every_url_showing_it_and_nothing_else(
    varnish, site, stories_index
):
    story, tubingen = site["story"], site["tubingen"]
    showing = [
        story.url,
        site["german"].url,  # its language switcher
        stories_index.url,
        tubingen.url,
        "/api/v2/pages/?type=twinning.ExchangeStoryPage",
        f"/api/v2/pages/{story.pk}/",
        "/api/v2/feeds/stories.atom",
        "/sitemap.xml",
    ]
    unrelated = [site["about"].url, "/api/v2/partners.geojson"]
    for path in showing + unrelated:
        assert warm(varnish, path).cache == "HIT", path

    story = story.specific
    story.title = "Étudiants aixois à Tübingen"
    story.save_revision().publish()

    for path in showing:
        answer = fetch(varnish, path)
        assert answer.status == 200, path
        assert answer.cache == "MISS", path
    for path in (story.url, stories_index.url, f"/api/v2/pages/{story.pk}/"):
        assert "Étudiants aixois à Tübingen" in fetch(varnish, path).text, path
    for path in unrelated:
        assert fetch(varnish, path).cache == "HIT", path


def test_query_strings_of_the_api_are_kept_once(varnish, site):
    warm(varnish, "/api/v2/pages/?type=twinning.ExchangeStoryPage&locale=fr")

    answer = fetch(varnish, "/api/v2/pages/?locale=fr&type=twinning.ExchangeStoryPage")

    assert answer.cache == "HIT"


def test_a_page_restricted_in_the_admin_is_never_served_by_the_edge_again(
    varnish, site, client_fr, admin_user
):
    story = site["story"]
    assert story.title in warm(varnish, story.url).text
    assert warm(varnish, f"/api/v2/pages/{story.pk}/").cache == "HIT"

    log_in_editor(client_fr, admin_user)
    response = client_fr.post(
        reverse("wagtailadmin_pages:set_privacy", args=[story.pk]),
        {"restriction_type": PageViewRestriction.LOGIN, "password": "", "groups": []},
    )
    assert response.status_code == 200

    for _ in range(2):
        page = fetch(varnish, story.url)
        assert page.status == 302  # to the login page
        assert story.title not in page.text
        assert fetch(varnish, f"/api/v2/pages/{story.pk}/").status == 404
        listing = fetch(varnish, "/api/v2/pages/?type=twinning.ExchangeStoryPage")
        assert story.pk not in [item["id"] for item in json.loads(listing.text)["items"]]


def test_admin_signed_in_readers_and_partner_tokens_are_never_kept(
    varnish, site, client_fr, admin_user
):
    story = site["story"]
    client_fr.force_login(admin_user)
    session = client_fr.cookies["sessionid"].value

    assert warm(varnish, "/admin/login/").cache != "HIT"
    assert warm(varnish, story.url, Cookie=f"sessionid={session}").cache == "PASS"
    preview = warm(
        varnish,
        reverse("wagtailadmin_pages:view_draft", args=[story.pk]),
        Cookie=f"sessionid={session}",
    )
    assert preview.status == 200
    assert preview.cache == "PASS"
    api = "/api/v2/pages/?type=twinning.ExchangeStoryPage"
    assert warm(varnish, api, Authorization="Bearer partner-token").cache == "PASS"
    # Other cookies change nothing for an anonymous reader: the shared copy is served.
    assert warm(varnish, story.url, Cookie="csrftoken=abc; _pk_id=1").cache == "HIT"


def test_the_edge_shows_no_tags_to_readers(varnish, site):
    answer = warm(varnish, site["story"].url)

    assert answer.cache == "HIT"
    assert "xkey" not in answer.headers
    assert "tw-site" in fetch(varnish, site["story"].url, **{"xkey-debug": "1"}).headers["xkey"]


def test_purges_come_from_loopback_only(varnish):
    request = urllib.request.Request(varnish.url + "/", method="PURGE")

    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)

    assert refused.value.code == 400  # from loopback, but no tags said


class Link(socketserver.ThreadingTCPServer):
    """The way from the site to the edge's purge port, which a test can cut (a network
    fault: Varnish keeps running with what it holds)."""

    daemon_threads = True

    def __init__(self, varnish: OwnVarnish) -> None:
        self.cut = False
        target = ("127.0.0.1", varnish.port)
        link = self

        class Forward(socketserver.BaseRequestHandler):
            def handle(self):
                if link.cut:
                    return  # closed at once: the purge fails
                with socket.create_connection(target, timeout=10) as upstream:
                    self.request.settimeout(10)
                    data = b""
                    while b"\r\n\r\n" not in data:  # a purge has no body
                        chunk = self.request.recv(65536)
                        if not chunk:
                            return
                        data += chunk
                    upstream.sendall(data)
                    while chunk := upstream.recv(65536):
                        self.request.sendall(chunk)

        super().__init__(("127.0.0.1", 0), Forward)
        self.url = f"http://127.0.0.1:{self.server_address[1]}"
        threading.Thread(target=self.serve_forever, daemon=True).start()


def test_a_purge_the_edge_missed_is_tried_again_and_takes_effect(varnish, site, settings):
    link = Link(varnish)
    use_edge(settings, link.url)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    story = site["story"].specific
    assert warm(varnish, story.url).cache == "HIT"

    link.cut = True
    story.title = "Publié pendant la panne"
    story.save_revision().publish()
    link.cut = False

    story.refresh_from_db()
    assert story.live and story.title == "Publié pendant la panne"
    stale = fetch(varnish, story.url)
    assert stale.cache == "HIT"
    assert "Publié pendant la panne" not in stale.text
    retries = [r for r in default_task_backend.results if r.task.name == "purge_later"]
    assert retries

    for retry in retries:  # as the task worker runs them
        retry.task.call(*retry.args, **retry.kwargs)

    fresh = fetch(varnish, story.url)
    assert fresh.cache == "MISS"
    assert "Publié pendant la panne" in fresh.text
    again = [r for r in default_task_backend.results if r.task.name == "purge_later"]
    assert len(again) == len(retries)  # none failed again
    link.shutdown()
    link.server_close()
