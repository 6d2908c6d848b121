"""Privacy is exact across server processes, whatever the cache backend.

Two gunicorn processes share one database, each with its own local-memory cache (no
REDIS_URL: what a deployment gets when it forgets Redis). An editor restricts a page, or a
collection, through the admin of process A; process B, whose caches were warm, stops
serving it at the next request, and serves it again as soon as the restriction is removed.
Transactional: the servers read what the test committed.
"""

import re
from collections.abc import Iterator

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.models import Collection

import pytest
import requests

from tests import factories
from tests.servers import Gunicorn, database_url_for_servers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "a long editor password 42"
#: Process-local caches: the case where a per-process copy of the site state went stale.
LOCAL_MEMORY_CACHE = {"REDIS_URL": None}


@pytest.fixture
def published(home):
    """A partner city and a story naming it, published, and an image in a collection."""
    index = factories.PartnerCityIndexPageFactory(parent=home)
    city = factories.tubingen_page(index)
    stories = factories.ExchangeStoryIndexPageFactory(parent=home)
    story = factories.ExchangeStoryPageFactory(
        parent=stories, title="Chorale à Tübingen", partner_cities=[city]
    )
    collection = Collection.get_first_root_node().add_child(name="Photos des partenaires")
    image = factories.ImageFactory(collection=collection)
    get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)
    return city, story, collection, image


@pytest.fixture
def servers(published, tmp_path) -> Iterator[tuple[Gunicorn, Gunicorn]]:
    database_url = database_url_for_servers(tmp_path)
    with (
        Gunicorn(database_url, env=LOCAL_MEMORY_CACHE) as a,
        Gunicorn(database_url, env=LOCAL_MEMORY_CACHE) as b,
    ):
        yield a, b


def admin_session(server: Gunicorn) -> requests.Session:
    """An editor logged in through the admin's login form, with its session and CSRF."""
    session = requests.Session()
    login = server.url + reverse("wagtailadmin_login")
    form = session.get(login, timeout=30)
    response = session.post(
        login,
        data={
            "csrfmiddlewaretoken": csrf_token(form.text),
            "username": "editor",
            "password": PASSWORD,
            "next": reverse("wagtailadmin_home"),
        },
        headers={"Referer": login},
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302, response.text[:500]
    return session


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def set_privacy(session: requests.Session, url: str, restriction_type: str) -> None:
    """Post the admin's privacy form (the modal's own request), as an editor does."""
    form = session.get(url, timeout=30)
    assert form.status_code == 200, form.text[:500]
    response = session.post(
        url,
        data={
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
            "restriction_type": restriction_type,
        },
        headers={"Referer": url},
        timeout=30,
    )
    assert response.status_code == 200, response.text[:500]
    assert response.json()["step"] == "set_privacy_done"


def get(server: Gunicorn, path: str) -> requests.Response:
    return requests.get(server.url + path, allow_redirects=False, timeout=30)


def listed_ids(server: Gunicorn, path: str) -> set[int]:
    response = get(server, path)
    assert response.status_code == 200, response.text[:500]
    return {item["id"] for item in response.json()["items"]}


def city_shown_by(b: Gunicorn, city, story) -> dict:
    """What process B shows of the city: through the API (detail, list, a story naming
    it) and in HTML."""
    story_detail = get(b, f"/api/v2/pages/{story.pk}/").json()
    return {
        "detail": get(b, f"/api/v2/pages/{city.pk}/").status_code,
        "listed": city.pk in listed_ids(b, "/api/v2/pages/?type=twinning.PartnerCityPage"),
        "named_by_story": city.pk in {c["id"] for c in story_detail["partner_cities"]},
        "html": get(b, city.get_url()).status_code,
    }


SHOWN = {"detail": 200, "listed": True, "named_by_story": True, "html": 200}
HIDDEN = {"detail": 404, "listed": False, "named_by_story": False, "html": 302}


def test_a_page_restricted_in_one_process_is_hidden_at_once_by_another(servers, published):
    a, b = servers
    city, story, _collection, _image = published
    assert city_shown_by(b, city, story) == SHOWN  # B's caches are warm
    assert city_shown_by(b, city, story) == SHOWN

    editor = admin_session(a)
    privacy = a.url + reverse("wagtailadmin_pages:set_privacy", args=[city.pk])
    set_privacy(editor, privacy, "login")

    assert city_shown_by(b, city, story) == HIDDEN
    login = get(b, city.get_url()).headers["Location"]
    assert "login" in login  # the HTML asks for a login

    set_privacy(editor, privacy, "none")
    assert city_shown_by(b, city, story) == SHOWN


def test_a_collection_restricted_in_one_process_hides_its_images_at_once_in_another(
    servers, published
):
    a, b = servers
    _city, _story, collection, image = published
    assert get(b, f"/api/v2/images/{image.pk}/").status_code == 200
    assert image.pk in listed_ids(b, "/api/v2/images/")  # warm

    editor = admin_session(a)
    privacy = a.url + reverse("wagtailadmin_collections:set_privacy", args=[collection.pk])
    set_privacy(editor, privacy, "login")

    assert get(b, f"/api/v2/images/{image.pk}/").status_code == 404
    assert image.pk not in listed_ids(b, "/api/v2/images/")

    set_privacy(editor, privacy, "none")
    assert get(b, f"/api/v2/images/{image.pk}/").status_code == 200
    assert image.pk in listed_ids(b, "/api/v2/images/")
