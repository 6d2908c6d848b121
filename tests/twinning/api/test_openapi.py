"""The OpenAPI document is valid, describes every path and parameter the API answers,
and live responses match the schemas it documents. The docs page renders it offline."""

import re

from django.contrib.staticfiles import finders

from wagtail.documents import get_document_model

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_spec
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests import factories
from tests.twinning.api.conftest import build_agenda, shared
from twinning.api import actors, feeds, geojson, ical
from twinning.api.views import DETAIL_PARAMETERS, PartnerPagesAPIViewSet, PublicImagesAPIViewSet

pytestmark = pytest.mark.django_db
world = shared(build_agenda)


@pytest.fixture
def spec(api, world):
    response = api.get("/api/v2/openapi.json")
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def document(world):
    return get_document_model().objects.create(
        title="Charte de jumelage", file=factories.ImageFactory().file
    )


def validator(spec, schema):
    registry = Registry().with_resource(
        "urn:partner-api", Resource.from_contents(spec, default_specification=DRAFT202012)
    )
    return Draft202012Validator({"$ref": "urn:partner-api#", **schema}, registry=registry)


def response_schema(spec, path, status):
    response = spec["paths"][path]["get"]["responses"][status]
    if "$ref" in response:
        response = spec["components"]["responses"][response["$ref"].rsplit("/", 1)[-1]]
    [(media, content)] = response["content"].items()
    schema = content["schema"]
    if "$ref" in schema:
        schema = {"$ref": "urn:partner-api" + schema["$ref"]}
    return media, schema


def assert_matches(spec, path, response):
    media, schema = response_schema(spec, path, str(response.status_code))
    assert response["Content-Type"].split(";")[0] == media
    errors = sorted(
        validator(spec, {}).evolve(schema=schema).iter_errors(response.json()),
        key=lambda error: error.path,
    )
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


def test_document_is_valid_openapi_3_1(spec):
    validate_spec(spec)
    assert spec["openapi"].startswith("3.1")
    assert spec["servers"] == [{"url": "http://localhost/api/v2"}]


def test_every_documented_path_answers(api, spec, world, document):
    ids = {
        "/pages/{id}/": world.tubingen.pk,
        "/images/{id}/": world.image.pk,
        "/documents/{id}/": document.pk,
        "/partners/{id}/calendar.ics": world.tubingen.pk,
        "/actors/{id}/": world.choir.pk,
    }
    assert len(spec["paths"]) >= 11
    for path in spec["paths"]:
        url = spec["servers"][0]["url"] + path.replace("{id}", str(ids.get(path, "")))
        response = api.get(url)
        assert response.status_code == 200, (path, response.content[:200])
        media, _schema = response_schema(spec, path, "200")
        assert response["Content-Type"].split(";")[0] == media, path


JSON_RESPONSES = [
    ("/pages/", "/api/v2/pages/"),
    ("/pages/", "/api/v2/pages/?fields=*&limit=50"),
    ("/pages/", "/api/v2/pages/?type=twinning.PartnerCityPage&locale=de&fallback=true"),
    ("/pages/", "/api/v2/pages/?type=twinning.PartnerCityPage&fields=*"),
    ("/pages/", "/api/v2/pages/?type=twinning.ExchangeStoryPage&fields=*&locale=ar&fallback=true"),
    ("/pages/", "/api/v2/pages/?type=twinning.ExchangeStoryPage"),
    ("/pages/{id}/", "/api/v2/pages/{tubingen}/"),
    ("/pages/{id}/", "/api/v2/pages/{tubingen_ar}/"),
    ("/pages/{id}/", "/api/v2/pages/{story_de}/"),
    ("/pages/{id}/", "/api/v2/pages/{index}/"),
    ("/images/", "/api/v2/images/"),
    ("/images/{id}/", "/api/v2/images/{image}/"),
    ("/documents/", "/api/v2/documents/"),
    ("/documents/{id}/", "/api/v2/documents/{document}/"),
    ("/pages/", "/api/v2/pages/?type=twinning.ProjectCallPage&fields=*"),
    ("/pages/", "/api/v2/pages/?type=twinning.ProjectCallPage&status=open,upcoming"),
    ("/pages/", "/api/v2/pages/?type=twinning.EventPage&fields=*&locale=de&fallback=true"),
    ("/pages/", "/api/v2/pages/?type=twinning.EventPage&start_from=2026-01-01"),
    ("/pages/{id}/", "/api/v2/pages/{open_call}/"),
    ("/pages/{id}/", "/api/v2/pages/{market}/"),
    ("/actors/", "/api/v2/actors/?locale=de&fallback=true"),
    ("/actors/{id}/", "/api/v2/actors/{choir}/"),
    ("/partners.geojson", "/api/v2/partners.geojson?locale=ar"),
    ("/openapi.json", "/api/v2/openapi.json"),
]


@pytest.mark.parametrize(("path", "template"), JSON_RESPONSES)
def test_json_responses_match_their_documented_schema(api, spec, world, document, path, template):
    url = template.format(
        tubingen=world.tubingen.pk,
        tubingen_ar=world.tubingen_ar.pk,
        story_de=world.story_de.pk,
        index=world.stories_index.pk,
        image=world.image.pk,
        document=document.pk,
        open_call=world.open_call.pk,
        market=world.market.pk,
        choir=world.choir.pk,
    )
    response = api.get(url)
    assert response.status_code == 200, response.content[:300]
    assert_matches(spec, path, response)


def test_schemas_catch_a_wrong_response(spec, api, world):
    """The documented schemas are strict enough to notice a broken item."""
    response = api.get(f"/api/v2/pages/{world.tubingen.pk}/").json()
    response["latitude"] = "48.5"
    response["meta"]["translations"][0]["percent"] = 140
    response["meta"]["translations"][0]["state"] = "perfect"
    response["surprise"] = True
    _media, schema = response_schema(spec, "/pages/{id}/", "200")
    messages = {e.message for e in validator(spec, {}).evolve(schema=schema).iter_errors(response)}
    assert "'48.5' is not of type 'number'" in messages
    assert "Additional properties are not allowed ('surprise' was unexpected)" in messages
    assert "140 is not valid under any of the given schemas" in messages
    assert "'perfect' is not valid under any of the given schemas" in messages


@pytest.mark.parametrize(
    ("path", "url", "status"),
    [
        ("/pages/", "/api/v2/pages/?locale=xx", 400),
        ("/pages/{id}/", "/api/v2/pages/999999/", 404),
        ("/partners.geojson", "/api/v2/partners.geojson?kind=x", 400),
        ("/pages/", "/api/v2/pages/?type=twinning.EventPage&start_to=May", 400),
        ("/actors/", "/api/v2/actors/?kind=x", 400),
        ("/actors/{id}/", "/api/v2/actors/999999/", 404),
        ("/partners/{id}/calendar.ics", "/api/v2/partners/999999/calendar.ics", 404),
    ],
)
def test_errors_match_their_documented_schema(api, spec, path, url, status):
    response = api.get(url)
    assert response.status_code == status
    assert_matches(spec, path, response)


@pytest.mark.parametrize(
    ("path", "accepted"),
    [
        ("/pages/", PartnerPagesAPIViewSet.known_query_parameters),
        ("/images/", PublicImagesAPIViewSet.known_query_parameters),
        ("/documents/", PublicImagesAPIViewSet.known_query_parameters),
        ("/pages/{id}/", DETAIL_PARAMETERS | {"id"}),
        ("/images/{id}/", DETAIL_PARAMETERS | {"id"}),
        ("/partners.geojson", geojson.PARAMETERS),
        ("/feeds/stories.atom", feeds.PARAMETERS),
        ("/partners/{id}/calendar.ics", ical.PARAMETERS | {"id"}),
        ("/actors/", actors.LIST_PARAMETERS),
        ("/events.ics", ical.EVENTS_PARAMETERS),
        ("/actors/{id}/", actors.DETAIL_PARAMETERS | {"id"}),
    ],
)
def test_every_accepted_parameter_is_documented(spec, path, accepted):
    documented = set()
    for parameter in spec["paths"][path]["get"]["parameters"]:
        name = parameter["$ref"].rsplit("/", 1)[-1]
        documented.add(spec["components"]["parameters"][name]["name"])
    assert documented == set(accepted) | ({"_"} & documented)


def test_docs_page_lists_every_path_and_parameter(api, spec):
    response = api.get("/api/v2/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    for path in spec["paths"]:
        assert f"<code>{path}</code>" in html
    for parameter in spec["components"]["parameters"].values():
        assert f"<code>{parameter['name']}</code>" in html
    for schema in spec["components"]["schemas"]:
        assert f'id="schema-{schema}"' in html


def test_docs_page_works_offline(api):
    html = api.get("/api/v2/docs/").content.decode()
    assert "<script" not in html
    external = [
        url
        for url in re.findall(r'(?:src|href)="([^"]+)"', html)
        if url.startswith(("http:", "https:", "//")) and not url.startswith("http://localhost/")
    ]
    assert external == []
    stylesheets = re.findall(r'<link rel="stylesheet" href="/static/([^"]+)"', html)
    assert stylesheets
    for stylesheet in stylesheets:
        assert finders.find(stylesheet), stylesheet
