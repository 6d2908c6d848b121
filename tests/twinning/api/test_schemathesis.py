"""Schemathesis, run over the live server's openapi.json as a partner would run it, finds
no server error and no response that the document does not describe (status code,
content type, body schema), with valid and invalid parameters alike. Bounded to a few
examples per operation, so that it fits CI."""

import json
import subprocess
import sys

import pytest

from tests.twinning.api.test_generated_clients import PAGE_TYPES, build_partner_site

CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
)


def toml_list(values) -> str:
    return "[" + ", ".join(json.dumps(value) for value in values) + "]"


def configuration(world) -> str:
    """Real ids, page types and field selections half of the time, so that responses of
    every page type are checked, not only 404s and 400s."""
    ids = [
        world.tubingen.pk,
        world.story.pk,
        world.open_call.pk,
        world.europe_day.pk,
        world.tubingen_de.pk,
        world.image.pk,
        world.document.pk,
        world.choir.pk,
        world.tubingen.wikidata_id,
    ]
    return f"""
seed = 13
suppress-health-check = ["too_slow", "filter_too_much", "data_too_large"]

[generation]
mode = "all"
max-examples = 8
no-shrink = true
database = "none"

[cache]
enabled = false

# Boundary and invalid values of every parameter (valid ones come from fuzzing).
[phases.coverage]
unexpected-methods = []

[phases.coverage.generation]
mode = "negative"

[phases.stateful]
enabled = false

[dictionaries.ids]
values = {toml_list(ids)}

[dictionaries.page_types]
values = {toml_list([*PAGE_TYPES, ",".join(PAGE_TYPES)])}

[dictionaries.fields]
values = {toml_list(["*", "_", "body", "-title", "signed,milestones"])}

[parameters]
"path.id" = {{ dictionary = "ids", probability = 0.5 }}
"query.type" = {{ dictionary = "page_types", probability = 0.5 }}
"query.fields" = {{ dictionary = "fields", probability = 0.5 }}
"""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_api_answers_as_its_openapi_document_says(live_server, tmp_path):
    world = build_partner_site()
    config = tmp_path / "schemathesis.toml"
    config.write_text(configuration(world))
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "--no-color",
        "--config-file",
        str(config),
        "run",
        f"{live_server.url}/api/v2/openapi.json",
        "--checks",
        ",".join(CHECKS),
        "--workers",
        "1",
        "--request-timeout",
        "30",
    ]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-2000:]
