"""The partner exchange in the published contract: openapi.json documents the endpoints a
partner opens with its token, every answer they give (real ones are checked against it),
and the webhook the site POSTs to partners; /api/v2/docs/ shows them to a partner's
developer; clients generated from the document keep working."""

import hashlib
import hmac
import json
import uuid

from django.apps import apps
from django.core.cache import cache
from django.test import Client, override_settings
from django.utils import translation

import polib
import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_spec
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests import factories
from tests.twinning.api.test_generated_clients import UNSUPPORTED_CONTENT, generate_python_client
from tests.twinning.localize_helpers import locale
from tests.twinning.partners.conftest import make_partner
from tests.twinning.partners.receivers import Receiver
from twinning.api.openapi import openapi_document
from twinning.partners import dispatch, tokens
from twinning.partners.events import EventType

pytestmark = pytest.mark.django_db

SERVER = "http://localhost/api/v2"
PO = "text/x-gettext-translation"
ACCOUNT = "/partner/"
LOG = "/partner/webhooks/"
PAGE_PO = "/partner/translations/{page_id}/{locale}.po"
SNIPPET_PO = "/partner/translations/snippets/{model}/{object_id}/{locale}.po"
PARTNER_OPERATIONS = {
    ACCOUNT: {"get"},
    LOG: {"get"},
    PAGE_PO: {"get", "put"},
    SNIPPET_PO: {"get", "put"},
}
WEBHOOK_HEADERS = {"Twinning-Event-Id", "Twinning-Timestamp", "Twinning-Signature", "User-Agent"}
TITLE = "Étudiants à Tübingen"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def spec(api):
    response = api.get("/api/v2/openapi.json")
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def languages(db):
    return [locale("en"), locale("de"), locale("it")]


@pytest.fixture
def published_story(story, languages, django_capture_on_commit_callbacks):
    """The story naming Tübingen, published by its French editor."""
    story.summary = "Vingt étudiants d'Aix à Tübingen."
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    story.refresh_from_db()
    return story


@pytest.fixture
def partner(tubingen):
    return make_partner(tubingen)


# Checking against the document --------------------------------------------------------------


def resolve(spec: dict, node: dict) -> dict:
    if "$ref" in node:
        target = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        return target
    return node


def validator(spec: dict, schema: dict) -> Draft202012Validator:
    """Refs resolve inside the document, as test_openapi resolves them."""
    registry = Registry().with_resource(
        "urn:partner-api", Resource.from_contents(spec, default_specification=DRAFT202012)
    )
    if "$ref" in schema:
        schema = {"$ref": "urn:partner-api" + schema["$ref"]}
    return Draft202012Validator(schema, registry=registry)


def schema_errors(spec: dict, schema: dict, instance) -> list[str]:
    errors = validator(spec, schema).iter_errors(instance)
    return [f"{list(error.absolute_path)}: {error.message}" for error in errors]


def named(spec: dict, name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def assert_answers_as_documented(spec: dict, path: str, method: str, response) -> None:
    """Status documented, content type, body schema, and every documented header present."""
    responses = spec["paths"][path][method]["responses"]
    status = str(response.status_code)
    assert status in responses, (path, method, status, response.content[:300])
    documented = resolve(spec, responses[status])
    for header in documented.get("headers", {}):
        assert response.has_header(header), (path, method, status, header)
    [(media, content)] = documented["content"].items()
    assert response["Content-Type"].split(";")[0] == media
    if media == "application/json":
        errors = schema_errors(spec, content["schema"], response.json())
        assert not errors, errors[:5]


def url(path: str, **values) -> str:
    """The address of a documented path, with its parameters filled in."""
    return "/api/v2" + path.format(**values)


# The document -------------------------------------------------------------------------------


def test_document_with_the_partner_exchange_is_valid_openapi_3_1(spec):
    validate_spec(spec)
    assert spec["openapi"].startswith("3.1")
    for path, methods in PARTNER_OPERATIONS.items():
        assert set(spec["paths"][path]) == methods, path
    assert set(spec["webhooks"]) == {"partnerEvent"}
    assert "Partner exchange" in [tag["name"] for tag in spec["tags"]]


def test_partner_endpoints_need_a_bearer_token_and_public_ones_do_not(spec):
    assert spec["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "description": spec["components"]["securitySchemes"]["bearerAuth"]["description"],
    }
    assert "security" not in spec  # no requirement for the document as a whole
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if path in PARTNER_OPERATIONS:
                assert operation["security"] == [{"bearerAuth": []}], (path, method)
                assert operation["tags"] == ["Partner exchange"]
            else:
                assert "security" not in operation, (path, method)


def test_partner_endpoints_document_every_refusal(spec):
    def statuses(path, method):
        return set(spec["paths"][path][method]["responses"])

    assert statuses(ACCOUNT, "get") == {"200", "401"}
    assert statuses(LOG, "get") == {"200", "400", "401"}
    for path in (PAGE_PO, SNIPPET_PO):
        assert statuses(path, "get") == {"200", "401", "403", "404"}
        assert statuses(path, "put") == {"202", "400", "401", "403", "404", "409", "413", "429"}
        download = spec["paths"][path]["get"]["responses"]["200"]
        assert set(download["content"]) == {PO}
        assert "Content-Disposition" in download["headers"]
        body = spec["paths"][path]["put"]["requestBody"]
        assert body["required"] is True
        assert list(body["content"])[0] == PO
    unauthorized = resolve(spec, spec["paths"][ACCOUNT]["get"]["responses"]["401"])
    assert set(unauthorized["headers"]) == {"WWW-Authenticate"}
    too_many = resolve(spec, spec["paths"][PAGE_PO]["put"]["responses"]["429"])
    assert set(too_many["headers"]) == {"Retry-After"}
    assert resolve(spec, too_many["headers"]["Retry-After"])["schema"]["type"] == "integer"
    # Path parameters are declared once and say what they take.
    parameters = spec["components"]["parameters"]
    assert parameters["partner_page_id"]["in"] == "path"
    assert "`twinning.Actor`" in parameters["snippet_model"]["description"]
    assert parameters["delivery_status"]["schema"]["enum"] == ["pending", "succeeded", "failed"]


@override_settings(TWINNING={"WEBHOOK_TIMEOUT": 3, "WEBHOOK_MAX_ATTEMPTS": 5})
def test_webhook_documents_the_event_its_headers_and_how_to_verify_it(api):
    spec = api.get("/api/v2/openapi.json").json()
    post = spec["webhooks"]["partnerEvent"]["post"]
    headers = {parameter["name"]: parameter for parameter in post["parameters"]}
    assert set(headers) == WEBHOOK_HEADERS
    assert all(header["in"] == "header" and header["required"] for header in headers.values())
    assert post["requestBody"]["content"]["application/json"]["schema"] == named(
        spec, "WebhookEvent"
    )
    event = spec["components"]["schemas"]["WebhookEvent"]
    assert event["properties"]["type"]["enum"] == list(EventType.values)
    assert set(event["required"]) == {"id", "type", "occurred_at", "partner", "page"}
    description = post["description"]
    assert "HMAC-SHA256" in description
    assert "`<timestamp>.<body>`" in description
    assert "5 minutes" in description
    assert "2xx within 3 seconds" in description  # the site's own timeout
    assert "up to 5 tries" in description
    assert "same `id`" in description
    assert set(post["responses"]) == {"2XX", "default"}


def test_without_the_partner_exchange_the_document_has_none_of_it():
    document = openapi_document(SERVER, partner_exchange=False)
    validate_spec(document)
    assert not [path for path in document["paths"] if path.startswith("/partner/")]
    assert "webhooks" not in document
    assert "securitySchemes" not in document["components"]
    assert not {"PartnerAccount", "WebhookEvent", "PartnerError"} & set(
        document["components"]["schemas"]
    )
    assert "Bearer" not in json.dumps(document)
    assert "Partner exchange" not in [tag["name"] for tag in document["tags"]]
    # Installed (as here), it is there by default; the rest of the contract is the same.
    assert apps.is_installed("twinning.partners")
    with_it = openapi_document(SERVER)
    assert set(with_it["paths"]) - set(document["paths"]) == set(PARTNER_OPERATIONS)
    assert with_it["components"]["schemas"].items() >= document["components"]["schemas"].items()


# Examples written from the shared shapes (they hold whatever the views do) ------------------


def event(event_type: str, **extra) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "type": event_type,
        "occurred_at": "2026-12-07T13:00:00Z",
        "partner": {"id": 7, "wikidata_id": "Q3806", "title": "Tübingen"},
        "page": {
            "id": 12,
            "type": "twinning.ExchangeStoryPage",
            "locale": "de",
            "api_url": "https://www.example.org/api/v2/pages/12/",
            "html_url": "https://www.example.org/de/echanges/etudiants/",
        },
        **extra,
    }


def test_the_shared_shapes_validate_and_broken_ones_do_not(spec):
    published = event("page.published")
    deleted = event("page.deleted")
    deleted["page"].update(api_url=None, html_url=None)
    ping = event("ping", page=None)
    approved = event(
        "contribution.approved",
        contribution={"id": 3, "status": "approved", "comment": ""},
    )
    for example in (published, deleted, ping, approved):
        assert not schema_errors(spec, named(spec, "WebhookEvent"), example), example["type"]
    log = {
        "meta": {"total_count": 1, "next": None, "previous": None},
        "items": [
            {
                "event_id": published["id"],
                "type": "page.published",
                "status": "pending",
                "attempts": 1,
                "created_at": "2026-12-07T13:00:00Z",
                "last_attempt_at": "2026-12-07T13:00:01Z",
                "next_attempt_at": "2026-12-07T13:01:00Z",
                "response_code": 503,
                "duration_ms": 120,
                "error": "HTTP 503",
                "event": published,
            }
        ],
    }
    assert not schema_errors(spec, named(spec, "WebhookLog"), log)
    account = {
        "partner": {
            "id": 7,
            "title": "Tübingen",
            "wikidata_id": "Q3806",
            "api_url": "https://www.example.org/api/v2/pages/7/",
            "html_url": None,
        },
        "contact_name": "Anna Keller",
        "languages": ["de", "en"],
        "events": ["page.published", "translation.published"],
        "webhook_url": "",
        "active": True,
        "token": {
            "prefix": "twinning_Ab3x",
            "created_at": "2026-12-07T13:00:00Z",
            "expires_at": None,
            "last_used_at": None,
        },
    }
    assert not schema_errors(spec, named(spec, "PartnerAccount"), account)
    received = {
        "message": "Thank you.",
        "contribution": {
            "id": 3,
            "status": "in_review",
            "page": {"id": 14, "locale": "de", "title": "Studierende in Tübingen"},
            "strings": 4,
        },
    }
    assert not schema_errors(spec, named(spec, "ContributionReceived"), received)
    refusal = {"message": "1 translation is not valid.", "problems": ["title: <script>"]}
    assert not schema_errors(spec, named(spec, "PartnerError"), refusal)

    # The schemas are strict enough to notice what a partner's code would trip over.
    broken = dict(published, type="page.renamed", surprise=True)
    messages = " ".join(schema_errors(spec, named(spec, "WebhookEvent"), broken))
    assert "'page.renamed' is not one of" in messages
    assert "'surprise' was unexpected" in messages
    assert schema_errors(spec, named(spec, "WebhookEvent"), dict(published, page={"id": 12}))
    account["events"] = ["ping"]  # the test event is sent, never subscribed to
    assert schema_errors(spec, named(spec, "PartnerAccount"), account)


# Real answers ---------------------------------------------------------------------------------


def partner_urls(published_story, actor) -> list[tuple[str, str, str]]:
    return [
        (ACCOUNT, "get", url(ACCOUNT)),
        (LOG, "get", url(LOG)),
        (PAGE_PO, "get", url(PAGE_PO, page_id=published_story.pk, locale="de")),
        (PAGE_PO, "put", url(PAGE_PO, page_id=published_story.pk, locale="de")),
        (
            SNIPPET_PO,
            "get",
            url(SNIPPET_PO, model="twinning.Actor", object_id=actor.pk, locale="de"),
        ),
        (
            SNIPPET_PO,
            "put",
            url(SNIPPET_PO, model="twinning.Actor", object_id=actor.pk, locale="de"),
        ),
    ]


@pytest.fixture
def actor(tubingen, languages):
    return factories.ActorFactory(name="Chorale du Pays d'Aix", partner_cities=[tubingen])


@pytest.mark.parametrize("token", [None, "twinning_not-a-token", "revoked"])
def test_without_a_valid_token_every_partner_endpoint_answers_its_documented_401(
    api, spec, published_story, actor, partner, token
):
    if token == "revoked":
        tokens.revoke(partner.access)
        token = partner.token
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    for path, method, address in partner_urls(published_story, actor):
        if method == "put":
            response = api.put(address, b"", content_type=PO, **auth)
        else:
            response = api.get(address, **auth)
        assert response.status_code == 401, (path, method, response.content[:200])
        assert response["WWW-Authenticate"].startswith("Bearer")
        assert_answers_as_documented(spec, path, method, response)


def test_partner_account_answers_as_documented(api, spec, tubingen):
    partner = make_partner(
        tubingen,
        languages=["de"],
        events=["page.published"],
        webhook_url="https://hooks.tuebingen.example/twinning",
    )
    response = api.get(url(ACCOUNT), **partner.auth)

    assert response.status_code == 200, response.content
    assert_answers_as_documented(spec, ACCOUNT, "get", response)
    assert response.json()["partner"]["id"] == tubingen.pk


def signature(secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "v1=" + digest.hexdigest()


def test_events_sent_and_the_webhook_log_answer_as_documented(
    api, spec, tubingen, stories_index, languages, django_capture_on_commit_callbacks
):
    """A partner's receiver gets what the webhook documents (body, headers, signature), and
    its log lists those events as the log endpoint documents them."""
    with Receiver() as receiver:
        # French, the language the story is written in: its publication is an event.
        partner = make_partner(tubingen, languages=["fr", "de"], webhook_url=receiver.url)
        with django_capture_on_commit_callbacks(execute=True):
            dispatch.emit(partner.access, EventType.PING)
        with django_capture_on_commit_callbacks(execute=True):
            factories.ExchangeStoryPageFactory(
                parent=stories_index, title=TITLE, slug="etudiants", partner_cities=[tubingen]
            ).save_revision().publish()
        received = receiver.wait_for(2)

    webhook = spec["webhooks"]["partnerEvent"]["post"]
    documented_headers = {p["name"]: p["schema"] for p in webhook["parameters"]}
    assert {request.event["type"] for request in received} >= {"ping", "page.published"}
    for request in received:
        assert not schema_errors(spec, named(spec, "WebhookEvent"), request.event)
        for name, schema in documented_headers.items():
            assert not schema_errors(spec, schema, request.headers[name]), name
        assert request.headers["Twinning-Event-Id"] == request.event["id"]
        assert request.headers["Twinning-Signature"] == signature(
            partner.secret, request.headers["Twinning-Timestamp"], request.body
        )

    response = api.get(url(LOG), **partner.auth)
    assert response.status_code == 200, response.content
    assert_answers_as_documented(spec, LOG, "get", response)
    assert {item["event"]["id"] for item in response.json()["items"]} == {
        request.event["id"] for request in received
    }
    wrong = api.get(url(LOG), {"status": "lost"}, **partner.auth)
    assert wrong.status_code == 400
    assert_answers_as_documented(spec, LOG, "get", wrong)


def translated(po_text: bytes) -> bytes:
    """The file with every string translated, as a translator sends it back."""
    po = polib.pofile(po_text.decode())
    for entry in po:
        entry.msgstr = "DE " + entry.msgid
    return str(po).encode()


@pytest.mark.parametrize("media", [PO, "application/octet-stream"])
def test_a_page_translation_round_trip_answers_as_documented(
    api, spec, published_story, partner, media
):
    """Both documented request bodies are taken: generated clients send the second."""
    address = url(PAGE_PO, page_id=published_story.pk, locale="de")
    download = api.get(address, **partner.auth)
    assert download.status_code == 200, download.content
    assert_answers_as_documented(spec, PAGE_PO, "get", download)
    assert media in spec["paths"][PAGE_PO]["put"]["requestBody"]["content"]

    upload = api.put(address, translated(download.content), content_type=media, **partner.auth)

    assert upload.status_code == 202, upload.content
    assert_answers_as_documented(spec, PAGE_PO, "put", upload)
    assert upload.json()["contribution"]["page"]["locale"] == "de"


def test_a_snippet_translation_round_trip_answers_as_documented(api, spec, actor, partner):
    address = url(SNIPPET_PO, model="twinning.Actor", object_id=actor.pk, locale="de")
    download = api.get(address, **partner.auth)
    assert download.status_code == 200, download.content
    assert_answers_as_documented(spec, SNIPPET_PO, "get", download)

    upload = api.put(address, translated(download.content), content_type=PO, **partner.auth)

    assert upload.status_code == 202, upload.content
    assert_answers_as_documented(spec, SNIPPET_PO, "put", upload)
    missing = address.replace(f"/{actor.pk}/", "/999999/")
    assert_answers_as_documented(spec, SNIPPET_PO, "get", api.get(missing, **partner.auth))


def test_every_refusal_of_an_upload_answers_as_documented(
    api, spec, published_story, stories_index, perugia, partner, django_capture_on_commit_callbacks
):
    address = url(PAGE_PO, page_id=published_story.pk, locale="de")
    po = api.get(address, **partner.auth).content
    other = factories.ExchangeStoryPageFactory(
        parent=stories_index, title="À Pérouse", slug="a-perouse", partner_cities=[perugia]
    )

    def put(body: bytes, target: str = address):
        return api.put(target, body, content_type=PO, **partner.auth)

    answers = {
        400: put(b'msgid "a"\nmsgstr "b"\n'),
        403: put(po, url(PAGE_PO, page_id=other.pk, locale="de")),
        404: put(po, url(PAGE_PO, page_id=999999, locale="de")),
    }
    with override_settings(TWINNING={"PARTNER_UPLOAD_MAX_BYTES": 100}):
        answers[413] = put(b"#" * 101)
    published_story.summary = "Vingt-deux étudiants d'Aix à Tübingen."
    with django_capture_on_commit_callbacks(execute=True):
        published_story.save_revision().publish()
    answers[409] = put(translated(po))
    cache.clear()
    with override_settings(TWINNING={"PARTNER_UPLOADS_PER_HOUR": 1}):
        put(b"x\ny")
        answers[429] = put(translated(po))

    for expected, response in answers.items():
        assert response.status_code == expected, response.content
        assert_answers_as_documented(spec, PAGE_PO, "put", response)
    assert int(answers[429]["Retry-After"]) > 0


@pytest.mark.parametrize(
    ("path", "address"),
    [
        (PAGE_PO, "/api/v2/partner/translations/0.5/de.po"),
        (SNIPPET_PO, "/api/v2/partner/translations/snippets/twinning.Actor/x/de.po"),
    ],
)
def test_a_put_to_a_malformed_translation_address_answers_its_documented_404(
    spec, partner, path, address
):
    """A partner's script sends no CSRF cookie: a wrong address is a JSON 404 all the same."""
    client = Client(enforce_csrf_checks=True, HTTP_HOST="localhost")
    response = client.put(address, b"x", content_type=PO, **partner.auth)

    assert response.status_code == 404, response.content[:200]
    assert_answers_as_documented(spec, path, "put", response)


# The documentation page ---------------------------------------------------------------------


def test_docs_page_marks_partner_endpoints_and_shows_the_webhook(api, spec):
    html = api.get("/api/v2/docs/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    for path, methods in PARTNER_OPERATIONS.items():
        for method in methods:
            anchor = path.strip("/").replace("/", "-").replace("{", "").replace("}", "")
            anchor = anchor if method == "get" else f"{method}-{anchor}"
            section = html[html.index(f'id="{anchor}"') :]
            section = section[: section.index("</section>")]
            assert f"<code>{path}</code>" in section
            assert "needs a partner token" in section, (path, method)
            assert "Authorization: Bearer &lt;token&gt;" in section
    public = html[html.index('id="pages"') :]
    assert "needs a partner token" not in public[: public.index("</section>")]
    put = html[html.index('id="put-partner-translations-page_id-locale.po"') :]
    put = put[: put.index("</section>")]
    assert "<code>text/x-gettext-translation</code>" in put
    assert "413" in put and "429" in put and "<code>Retry-After</code>" in put

    webhooks = html[html.index('id="webhooks"') :]
    webhooks = webhooks[: webhooks.index('class="api-schemas"')]
    for header in WEBHOOK_HEADERS:
        assert f"<code>{header}</code>" in webhooks
    assert '<a href="#schema-WebhookEvent">WebhookEvent</a>' in webhooks
    assert "HMAC-SHA256" in webhooks
    assert 'href="#webhooks"' in html  # listed in the table of contents
    event = html[html.index('id="schema-WebhookEvent"') :]
    event = event[: event.index("</section>")]
    for name in ("partner.wikidata_id", "type", "page", "contribution"):
        assert f"<code>{name}</code>" in event
    ids = [part.split('"', 1)[0] for part in html.split(' id="')[1:]]
    assert len(ids) == len(set(ids)), "every anchor is unique"


def test_docs_page_without_the_partner_exchange_has_no_partner_section(api, monkeypatch):
    monkeypatch.setattr("twinning.api.openapi.partner_exchange_installed", lambda: False)
    html = api.get("/api/v2/docs/").content.decode()
    assert "needs a partner token" not in html
    assert 'id="webhooks"' not in html
    assert "<code>/partner/</code>" not in html


# Generated clients --------------------------------------------------------------------------


def test_python_client_generates_the_partner_endpoints(spec, tmp_path):
    """The webhook and the PO media type do not break openapi-python-client: it leaves out
    only what it cannot type, and sends the PO file as the documented binary body."""
    spec_path = tmp_path / "openapi.json"
    spec_path.write_text(json.dumps(spec))
    package, warnings = generate_python_client(spec_path, tmp_path)

    unexpected = []
    for warning in warnings:
        detail = warning.detail or ""
        unsupported = UNSUPPORTED_CONTENT.search(detail)
        if unsupported and not unsupported.group(1).endswith("json"):
            continue
        if detail == f"Unsupported content type {PO}":
            continue  # the PUT's other body, application/octet-stream, is generated
        unexpected.append(f"{warning.header}\n{detail}")
    assert not unexpected, "\n\n".join(unexpected)

    api_folder = tmp_path / "partner_api_client" / "api"
    generated = {path.stem for path in api_folder.glob("*/*.py")}
    assert {
        "partner",
        "partner_webhooks",
        "partner_translation_po",
        "send_partner_translation_po",
        "partner_snippet_translation_po",
        "send_partner_snippet_translation_po",
    } <= generated
    assert hasattr(package.models, "PartnerAccount")
    assert hasattr(package.models, "WebhookEvent")
    send = (api_folder / "partner_exchange" / "send_partner_translation_po.py").read_text()
    assert "application/octet-stream" in send
