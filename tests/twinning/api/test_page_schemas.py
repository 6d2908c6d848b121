"""Page items as generated clients read them: one schema per page type, generated from the
fields the serializers use, chosen by the item's top-level ``type``; ``id``, ``type`` and
``meta`` are always there, whatever ``fields`` asks."""

from wagtail.models import get_page_models

import pytest

from tests import factories
from tests.twinning.api.conftest import build_agenda, shared
from tests.twinning.api.test_openapi import selected_schema, validator
from twinning.api.views import PartnerPagesAPIViewSet

pytestmark = pytest.mark.django_db


def build_site():
    world = build_agenda()
    world.content_page = factories.ContentPageFactory(
        parent=factories.home_page(), title="Stratégie internationale", intro="Pourquoi."
    )
    return world


world = shared(build_site)


@pytest.fixture
def spec(api, world):
    return api.get("/api/v2/openapi.json").json()


def page_type(model) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def schema_of(spec, type_name: str) -> dict:
    mapping = spec["components"]["schemas"]["PageItem"]["discriminator"]["mapping"]
    return spec["components"]["schemas"][mapping[type_name].rsplit("/", 1)[-1]]


def typed(schema: dict) -> bool:
    """Says what the value is: a type, a reference, or options that each do."""
    if "anyOf" in schema:
        return all(typed(option) for option in schema["anyOf"])
    return bool({"type", "$ref", "enum", "const"} & set(schema))


def test_every_api_field_of_every_page_model_has_a_typed_schema(spec):
    """Nothing is listed by hand: a field added to a model's api_fields is in the document."""
    checked = 0
    for model in get_page_models():
        schema = schema_of(spec, page_type(model))
        assert schema["properties"]["type"].get("const", page_type(model)) == page_type(model)
        for field in getattr(model, "api_fields", ()):
            name = getattr(field, "name", field)
            assert name in schema["properties"], (page_type(model), name)
            assert typed(schema["properties"][name]), (page_type(model), name)
            checked += 1
    assert checked >= 60


def test_page_meta_documents_every_meta_field(spec):
    meta = spec["components"]["schemas"]["PageMeta"]["properties"]
    for name in PartnerPagesAPIViewSet.meta_fields:
        assert name in meta and typed(meta[name]), name


def test_page_items_are_one_of_the_page_schemas_by_type(spec):
    item = spec["components"]["schemas"]["PageItem"]
    assert item["discriminator"]["propertyName"] == "type"
    assert "allOf" not in item and "if" not in str(item)
    mapping = item["discriminator"]["mapping"]
    assert set(mapping) == {page_type(model) for model in get_page_models()}
    assert sorted({ref["$ref"] for ref in item["oneOf"]}) == sorted(set(mapping.values()))
    for type_name in mapping:
        schema = schema_of(spec, type_name)
        assert schema["required"] == ["id", "type", "meta"]
        assert schema["additionalProperties"] is False
    city = schema_of(spec, "twinning.PartnerCityPage")
    assert city["properties"]["type"]["const"] == "twinning.PartnerCityPage"
    assert city["properties"]["signed"]["anyOf"][0] == {"$ref": "#/components/schemas/PartialDate"}
    list_items = spec["components"]["schemas"]["PageList"]["properties"]["items"]["items"]
    assert list_items == {"$ref": "#/components/schemas/PageItem"}


def live_items(api):
    """Every page of the site: each type's list with every field, and each page alone."""
    every = api.get("/api/v2/pages/?limit=100").json()["items"]
    types = {item["type"] for item in every}
    assert {
        "twinning.PartnerCityPage",
        "twinning.ExchangeStoryPage",
        "twinning.ProjectCallPage",
        "twinning.EventPage",
        "twinning.ContentPage",
        "twinning.PartnerCityIndexPage",
    } <= types
    items = list(every)
    for type_name in types:
        response = api.get(f"/api/v2/pages/?type={type_name}&fields=*&limit=100")
        assert response.status_code == 200, response.content
        items += response.json()["items"]
    for item in every:
        items.append(api.get(f"/api/v2/pages/{item['id']}/").json())
    return items


def test_each_live_item_matches_the_schema_its_type_selects(api, spec, world):
    items = live_items(api)
    for item in items:
        assert item["type"] == item["meta"]["type"]
        assert list(item)[:3] == ["id", "type", "meta"]
        errors = list(
            validator(spec, {}).evolve(schema=selected_schema(spec, item)).iter_errors(item)
        )
        assert not errors, (item["type"], [f"{list(e.absolute_path)}: {e.message}" for e in errors])


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?type=twinning.PartnerCityPage&fields=_",
        "/api/v2/pages/?fields=_",
        "/api/v2/pages/{tubingen}/?fields=_",
        "/api/v2/pages/?type=twinning.ExchangeStoryPage&fields=_,title",
    ],
)
def test_fields_underscore_keeps_id_type_and_meta(api, spec, world, url):
    response = api.get(url.format(tubingen=world.tubingen.pk))
    assert response.status_code == 200, response.content
    data = response.json()
    items = data.get("items", [data])
    assert items
    for item in items:
        assert {"id", "type", "meta"} <= set(item)
        assert set(item) - {"id", "type", "meta"} <= {"title"}
        assert {"type", "detail_url", "html_url", "locale"} <= set(item["meta"])
        errors = list(
            validator(spec, {}).evolve(schema=selected_schema(spec, item)).iter_errors(item)
        )
        assert not errors


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ("-id", "-id"),
        ("-type", "-type"),
        ("-meta", "-meta"),
        ("_,-meta", "-meta"),
        ("-id,-meta", "-id"),
    ],
)
def test_removing_id_type_or_meta_is_a_400_naming_fields(api, world, fields, named):
    response = api.get(f"/api/v2/pages/?fields={fields}")
    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == "fields"
    assert named in body["message"]
    assert "unknown" not in body["message"].lower()


def test_detail_refuses_to_remove_meta_too(api, world):
    response = api.get(f"/api/v2/pages/{world.tubingen.pk}/?fields=-meta")
    assert response.status_code == 400
    assert response.json()["parameter"] == "fields"


def test_asking_for_meta_adds_nothing_and_is_no_error(api, world):
    response = api.get("/api/v2/pages/?type=twinning.PartnerCityPage&fields=meta")
    assert response.status_code == 200
    assert response.json()["items"][0]["meta"]["type"] == "twinning.PartnerCityPage"


@pytest.mark.parametrize(
    ("fields", "named"),
    [("colour", "colour"), ("title(id)", "title"), ("parent", "parent")],
)
def test_unknown_or_nested_fields_are_named(api, world, fields, named):
    response = api.get(f"/api/v2/pages/?fields={fields}")
    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == "fields"
    assert named in body["message"]
