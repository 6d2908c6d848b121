"""Clients generated from the live openapi.json work for partners: openapi-python-client
builds one without warnings for the JSON endpoints, and it parses real responses of every
page type into its typed models; the types openapi-typescript generates let a partner's
TypeScript narrow page items on `type` under `tsc --strict`."""

import importlib
import json
import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path
from types import SimpleNamespace

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest
from openapi_python_client import generate
from openapi_python_client.config import Config, ConfigFile, MetaType

from tests.twinning.api.conftest import build_agenda

TYPESCRIPT = Path(__file__).resolve().parent / "typescript"
PAGE_TYPES = (
    "twinning.PartnerCityPage",
    "twinning.ExchangeStoryPage",
    "twinning.ProjectCallPage",
    "twinning.EventPage",
)
# What the generator says when it leaves out a content type it cannot type: Atom, iCalendar
# and PO stay strings or bytes.
UNSUPPORTED_CONTENT = re.compile(r"Unsupported content[_ ]type ([\w.+-]+/[\w.+-]+)")

# Live servers need committed data; the rollback keeps the migrations' data for the
# transactional tests that run after these.
live = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def build_partner_site() -> SimpleNamespace:
    """The agenda (cities with milestones, a story, calls, events, an actor), with a
    milestone illustrated and a public document."""
    world = build_agenda()
    milestone = world.tubingen.milestones.get(kind="signing")
    milestone.image = world.image
    milestone.save()
    world.document = get_document_model().objects.create(
        title="Charte de jumelage", file=ContentFile(b"%PDF-1.4\n", name="charte.pdf")
    )
    return world


@pytest.fixture
def site(live_server):
    """The partner site, committed for the live server's thread."""
    return SimpleNamespace(url=live_server.url, world=build_partner_site())


def fetch_openapi(base: str, folder: Path) -> tuple[Path, dict]:
    with urllib.request.urlopen(f"{base}/api/v2/openapi.json", timeout=30) as response:
        body = response.read()
    path = folder / "openapi.json"
    path.write_bytes(body)
    return path, json.loads(body)


def generate_python_client(spec_path: Path, folder: Path) -> tuple[object, list]:
    """Generate the client as `openapi-python-client generate --path openapi.json --meta none`
    does (the same function, without the formatter hooks), import it, and return it with the
    generator's warnings."""
    name = "partner_api_client"
    config = Config.from_sources(
        ConfigFile(post_hooks=[]),
        MetaType.NONE,
        spec_path,
        "utf-8",
        True,
        folder / name,
    )
    warnings = list(generate(config=config))
    for module in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
        del sys.modules[module]
    sys.path.insert(0, str(folder))
    try:
        package = importlib.import_module(name)
        package.models = importlib.import_module(f"{name}.models")
        package.operations = {
            re.search(r'"url": "([^"]+)"', module.read_text()).group(1): importlib.import_module(
                f"{name}.api.{module.parent.name}.{module.stem}"
            )
            for module in (folder / name / "api").glob("*/*.py")
            if module.stem != "__init__"
        }
    finally:
        sys.path.remove(str(folder))
    return package, warnings


def page_models(spec: dict, package) -> dict[str, type]:
    """Page type -> the generated model the schema's discriminator selects for it."""
    detail = spec["paths"]["/pages/{id}/"]["get"]["responses"]["200"]["content"]
    item = detail["application/json"]["schema"]
    if "$ref" in item:
        item = spec["components"]["schemas"][item["$ref"].rsplit("/", 1)[-1]]
    assert "oneOf" in item and "discriminator" in item, (
        "page items should be a oneOf of page schemas with a discriminator on `type`"
    )
    assert item["discriminator"]["propertyName"] == "type"
    return {
        page_type: model_named(package, target.rsplit("/", 1)[-1])
        for page_type, target in item["discriminator"]["mapping"].items()
    }


def model_named(package, schema_name: str) -> type:
    """The generated class of a schema (the generator writes its name in PascalCase)."""
    key = re.sub(r"[^a-z0-9]", "", schema_name.lower())
    [model] = [
        getattr(package.models, name) for name in package.models.__all__ if name.lower() == key
    ]
    return model


def call(package, path: str, client, **params):
    response = package.operations[path].sync_detailed(client=client, **params)
    assert response.status_code == 200, (path, params, response.content[:500])
    return response.parsed


def extras(item) -> dict:
    """What a generated model could not type (closed schemas have no such attribute)."""
    return getattr(item, "additional_properties", {}) or {}


@live
def test_python_client_generates_without_warnings_for_json_endpoints(live_server, tmp_path):
    spec_path, spec = fetch_openapi(live_server.url, tmp_path)
    _package, warnings = generate_python_client(spec_path, tmp_path)
    unexpected = []
    for warning in warnings:
        unsupported = UNSUPPORTED_CONTENT.search(warning.detail or "")
        if unsupported and not unsupported.group(1).endswith("json"):
            continue  # Atom and iCalendar stay strings: the generator leaves them out.
        unexpected.append(f"{warning.header}\n{warning.detail}")
    assert not unexpected, "\n\n".join(unexpected)
    # The JSON endpoints are all there.
    json_paths = {
        path
        for path, item in spec["paths"].items()
        if any(
            media.endswith("json") for media in item["get"]["responses"]["200"].get("content", {})
        )
    }
    assert json_paths >= {"/pages/", "/pages/{id}/", "/actors/", "/partners.geojson"}
    assert json_paths <= set(_package.operations)


@live
def test_python_client_parses_every_page_type_into_typed_models(site, tmp_path):
    spec_path, spec = fetch_openapi(site.url, tmp_path)
    package, _warnings = generate_python_client(spec_path, tmp_path)
    models = page_models(spec, package)
    assert set(PAGE_TYPES) <= set(models)
    client = package.Client(base_url=f"{site.url}/api/v2", raise_on_unexpected_status=True)
    world = site.world
    details = {
        "twinning.PartnerCityPage": world.tubingen,
        "twinning.ExchangeStoryPage": world.story,
        "twinning.ProjectCallPage": world.open_call,
        "twinning.EventPage": world.europe_day,
    }

    parsed = {}
    for page_type, page in details.items():
        listing = call(package, "/pages/", client, type_=page_type, fields="*")
        assert listing.meta.total_count == len(listing.items) >= 1
        detail = call(package, "/pages/{id}/", client, id=page.pk)
        for item in [*listing.items, detail]:
            assert isinstance(item, models[page_type]), (page_type, type(item).__name__)
            assert item.type_ == page_type
            assert not extras(item), (page_type, sorted(extras(item)))
        parsed[page_type] = detail

    city = parsed["twinning.PartnerCityPage"]
    assert isinstance(city.signed, package.models.PartialDate)
    assert (city.signed.iso, city.signed.year) == ("1960-10-20", 1960)
    assert [type(m).__name__ for m in city.milestones] == ["Milestone", "Milestone"]
    signing = city.milestones[0]
    assert signing.title == "Signature du jumelage"
    assert isinstance(signing.date, package.models.PartialDate)
    assert isinstance(signing.image, package.models.Image)
    assert isinstance(city.hero_image, package.models.Image)
    assert isinstance(city.country, package.models.Country)
    assert [theme.slug for theme in city.themes] == ["mobility"]

    story = parsed["twinning.ExchangeStoryPage"]
    assert all(isinstance(c, package.models.PageSummary) for c in story.partner_cities)
    assert {c.title for c in story.partner_cities} == {"Tübingen", "Pérouse"}
    assert all(c.detail_url.startswith(site.url) for c in story.partner_cities)

    event = parsed["twinning.EventPage"]
    assert event.start.year == 2026  # a datetime, not a string
    assert event.organiser.name == "Chorale du Pays d'Aix"
    assert [c.title for c in event.partner_cities] == ["Tübingen"]

    call_for_projects = parsed["twinning.ProjectCallPage"]
    assert getattr(call_for_projects.status, "value", call_for_projects.status) == "open"
    assert [c.title for c in call_for_projects.partner_cities] == ["Tübingen"]

    # A list of every page (home and index pages included) parses item by item: the
    # typed pages into their models, the others into the generic one.
    everything = call(package, "/pages/", client, limit=100)
    assert everything.meta.total_count == len(everything.items)
    typed = {models[page_type] for page_type in PAGE_TYPES}
    assert {item.type_ for item in everything.items} > set(PAGE_TYPES)
    for item in everything.items:
        if item.type_ in PAGE_TYPES:
            assert isinstance(item, models[item.type_]), (item.type_, type(item).__name__)
        else:
            assert hasattr(item, "to_dict") and type(item) not in typed, item.type_


@live
def test_python_client_parses_actors_media_and_the_map(site, tmp_path):
    spec_path, _spec = fetch_openapi(site.url, tmp_path)
    package, _warnings = generate_python_client(spec_path, tmp_path)
    client = package.Client(base_url=f"{site.url}/api/v2", raise_on_unexpected_status=True)
    world = site.world

    actors = call(package, "/actors/", client)
    actor = call(package, "/actors/{id}/", client, id=str(world.choir.pk))
    for item in [*actors.items, actor]:
        assert isinstance(item, package.models.Actor)
        assert all(isinstance(c, package.models.PageSummary) for c in item.partner_cities)
    assert actor.email == "chorale@example.org"

    for path, pk in [("/images/", world.image.pk), ("/documents/", world.document.pk)]:
        listing = call(package, path, client)
        detail = call(package, path + "{id}/", client, id=pk)
        assert detail.id == pk
        assert [item.id for item in listing.items] == [pk]

    collection = call(package, "/partners.geojson", client)
    names = {feature.properties.name for feature in collection.features}
    assert names == {"Tübingen", "Pérouse"}
    assert all(
        feature.properties.detail_url.startswith(site.url) for feature in collection.features
    )


@pytest.mark.skipif(
    not (shutil.which("node") and shutil.which("npm")),
    reason="Node.js and npm are not installed: the TypeScript client is not checked",
)
@live
def test_typescript_types_let_partners_narrow_page_items_on_type(live_server, tmp_path):
    node_modules = TYPESCRIPT / "node_modules"
    installed = node_modules / ".package-lock.json"
    lock = TYPESCRIPT / "package-lock.json"
    if not installed.exists() or installed.stat().st_mtime < lock.stat().st_mtime:
        npm = subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=TYPESCRIPT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert npm.returncode == 0, npm.stderr
    spec_path, _spec = fetch_openapi(live_server.url, tmp_path)
    shutil.copy(TYPESCRIPT / "usage.ts", tmp_path / "usage.ts")
    generated = subprocess.run(
        [
            node_modules / ".bin" / "openapi-typescript",
            spec_path,
            "--output",
            tmp_path / "partner-api.d.ts",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert generated.returncode == 0, generated.stderr
    checked = subprocess.run(
        [
            node_modules / ".bin" / "tsc",
            "--strict",
            "--noEmit",
            "--target",
            "es2022",
            "--module",
            "esnext",
            "--moduleResolution",
            "bundler",
            tmp_path / "usage.ts",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
