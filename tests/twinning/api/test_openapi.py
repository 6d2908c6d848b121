"""The OpenAPI document is valid, describes every path and parameter the API answers,
and live responses match the schemas it documents. The docs page renders it offline."""

import re

from django.contrib.staticfiles import finders
from django.test import override_settings
from django.utils import timezone

from wagtail.documents import get_document_model

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_spec
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests import factories
from tests.twinning.api.conftest import build_agenda, publish, shared
from twinning.api import actors, changes, feeds, geojson, ical
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
    queries = {"/changes/": {"since": timezone.now().isoformat()}}
    assert len(spec["paths"]) >= 12
    for path in spec["paths"]:
        if "security" in spec["paths"][path]["get"]:
            continue  # a partner's own endpoints: test_partner_contract.py calls them with a token
        url = spec["servers"][0]["url"] + path.replace("{id}", str(ids.get(path, "")))
        response = api.get(url, queries.get(path, {}))
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
    ("/images/", "/api/v2/images/?fields=_"),
    ("/pages/", "/api/v2/pages/?fields=_"),
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


def selected_schema(spec, item):
    """The page schema an item's ``type`` selects, as a client honouring the discriminator
    picks it."""
    mapping = spec["components"]["schemas"]["PageItem"]["discriminator"]["mapping"]
    return {"$ref": "urn:partner-api" + mapping[item["type"]]}


def test_schemas_catch_a_wrong_response(spec, api, world):
    """The documented schemas are strict enough to notice a broken item."""
    response = api.get(f"/api/v2/pages/{world.tubingen.pk}/").json()
    response["latitude"] = "48.5"
    response["meta"]["translations"][0]["percent"] = 140
    response["meta"]["translations"][0]["state"] = "perfect"
    response["surprise"] = True
    schema = selected_schema(spec, response)
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
        ("/changes/", changes.PARAMETERS),
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


def documented_parameters(spec, path) -> dict:
    """The parameters of ``path``, by name, resolved."""
    parameters = {}
    for parameter in spec["paths"][path]["get"]["parameters"]:
        resolved = spec["components"]["parameters"][parameter["$ref"].rsplit("/", 1)[-1]]
        parameters[resolved["name"]] = resolved
    return parameters


def stable(response) -> tuple[int, bytes]:
    """Status and content, less what tells when or by which URL it was asked (iCalendar's
    DTSTAMP, the feed's own links)."""
    content = response.content
    if response["Content-Type"].startswith("application/atom+xml"):
        content = b"".join(re.findall(rb"<entry.*?</entry>", content, re.S))
    lines = content.splitlines()
    return response.status_code, b"\n".join(
        line for line in lines if not line.startswith(b"DTSTAMP")
    )


@pytest.mark.parametrize(
    ("path", "url"),
    [
        ("/partners.geojson", "/api/v2/partners.geojson?locale=de"),
        ("/events.ics", "/api/v2/events.ics?locale=de"),
        ("/partners/{id}/calendar.ics", "/api/v2/partners/{perugia}/calendar.ics?locale=de"),
        ("/pages/", "/api/v2/pages/?locale=de"),
        ("/actors/", "/api/v2/actors/?locale=de"),
        ("/feeds/stories.atom", "/api/v2/feeds/stories.atom?locale=de&type=stories,events"),
    ],
)
def test_documented_defaults_are_the_defaults_the_code_applies(api, spec, world, path, url):
    """Leaving a parameter out answers as sending its documented default, and sending the
    other value answers differently: the document cannot say false where the code does true."""
    url = url.format(perugia=world.perugia.pk)
    [fallback] = [p for p in documented_parameters(spec, path).values() if p["name"] == "fallback"]
    default = fallback["schema"]["default"]
    assert isinstance(default, bool)
    omitted = stable(api.get(url))
    assert omitted[0] == 200
    assert omitted == stable(api.get(f"{url}&fallback={str(default).lower()}"))
    assert omitted != stable(api.get(f"{url}&fallback={str(not default).lower()}"))


@pytest.mark.parametrize(
    ("path", "default"),
    [
        ("/partners.geojson", True),
        ("/events.ics", True),
        ("/partners/{id}/calendar.ics", True),
        ("/pages/", False),
        ("/actors/", False),
        ("/feeds/stories.atom", False),
    ],
)
def test_map_and_calendars_document_fallback_true(spec, path, default):
    assert documented_parameters(spec, path)["fallback"]["schema"]["default"] is default


@override_settings(WAGTAILAPI_LIMIT_MAX=3)
def test_documented_limit_is_the_one_lists_apply(api, world):
    spec = api.get("/api/v2/openapi.json").json()
    limit = documented_parameters(spec, "/pages/")["limit"]["schema"]
    assert (limit["default"], limit["maximum"]) == (3, 3)
    assert len(api.get("/api/v2/pages/").json()["items"]) == limit["default"]


def test_map_documents_status_as_the_partnership_status_it_filters(api, spec, world):
    status = documented_parameters(spec, "/partners.geojson")["status"]
    assert "`ended`" in status["description"]
    assert "`open`" not in status["description"]  # the statuses of calls do not apply here
    world.perugia.status = "ended"
    publish(world.perugia)
    active = api.get("/api/v2/partners.geojson?status=active").json()["features"]
    ended = api.get("/api/v2/partners.geojson?status=ended").json()["features"]
    assert [f["id"] for f in active] == [world.tubingen.pk]
    assert [f["id"] for f in ended] == [world.perugia.pk]


def test_each_endpoint_documents_only_its_own_parameters(spec):
    assert "status" not in documented_parameters(spec, "/actors/")
    assert "fields" not in documented_parameters(spec, "/actors/{id}/")
    assert set(documented_parameters(spec, "/events.ics")) == {"locale", "fallback", "_"}


def test_locale_is_a_bcp_47_tag_not_a_list_of_codes(spec):
    for path in ("/pages/", "/partners.geojson", "/actors/", "/changes/"):
        locale = documented_parameters(spec, path)["locale"]
        assert locale["schema"]["type"] == "string"
        assert "enum" not in locale["schema"]
        assert "BCP 47" in locale["description"]
        assert {"de", "de-DE", "pt-BR"} <= set(locale["schema"]["examples"])
        validator(spec, locale["schema"]).validate("pt_BR")


def test_lists_document_their_links_and_images_their_renditions(spec):
    schemas = spec["components"]["schemas"]
    assert schemas["ListMeta"]["required"] == ["total_count", "next", "previous"]
    for name in ("PageList", "MediaList", "ActorList"):
        assert schemas[name]["properties"]["meta"] == {"$ref": "#/components/schemas/ListMeta"}
    image = schemas["Image"]
    assert {"id", "alt", "small", "large", "renditions", "srcset"} <= set(image["required"])
    rendition = schemas["ImageRendition"]["properties"]
    assert set(rendition["mime_type"]["enum"]) == {
        "image/webp",
        "image/jpeg",
        "image/png",
        "image/gif",
    }


def test_changes_feed_is_documented_with_its_410(spec):
    operation = spec["paths"]["/changes/"]["get"]
    assert set(documented_parameters(spec, "/changes/")) >= {"since", "cursor", "limit", "type"}
    limit = documented_parameters(spec, "/changes/")["limit"]["schema"]
    assert (limit["default"], limit["maximum"]) == (changes.DEFAULT_LIMIT, changes.MAX_LIMIT)
    assert operation["responses"]["410"] == {"$ref": "#/components/responses/Gone"}
    meta = spec["components"]["schemas"]["ChangeList"]["properties"]["meta"]
    assert set(meta["required"]) == {"next", "has_more", "retained_from"}


def test_content_responses_document_their_language(spec):
    for path in ("/pages/", "/pages/{id}/", "/partners.geojson", "/actors/", "/events.ics"):
        headers = spec["paths"][path]["get"]["responses"]["200"]["headers"]
        assert headers["Content-Language"] == {"$ref": "#/components/headers/ContentLanguage"}


def test_docs_page_shows_nested_objects_field_by_field(api, spec):
    html = api.get("/api/v2/docs/").content.decode()
    feature = html[html.index('id="schema-PartnerFeature"') :]
    feature = feature[: feature.index("</section>")]
    assert "<code>geometry.coordinates</code>" in feature
    assert "<code>PartnerFeatureProperties</code>" in feature  # not a bare "object"
    properties = spec["components"]["schemas"]["PartnerFeatureProperties"]["properties"]
    section = html[html.index('id="schema-PartnerFeatureProperties"') :]
    section = section[: section.index("</section>")]
    for name in properties:
        assert f"<code>{name}</code>" in section
    # Defaults are shown beside each parameter, and page items name the schema of each type.
    map_section = html[html.index('id="partners.geojson"') :]
    assert "<code>true</code>" in map_section[: map_section.index("</section>")]
    item = html[html.index('id="schema-PageItem"') :]
    assert '<code>twinning.PartnerCityPage</code></td><td><a href="#schema-PartnerCity">' in item
