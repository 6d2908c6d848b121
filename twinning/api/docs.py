"""The API's documentation page, rendered on the server from the OpenAPI document.

Plain HTML and one stylesheet served by the project: it works offline, behind a
firewall, without a CDN or a JavaScript bundle. Objects nested in a schema are listed
field by field (``geometry.coordinates``, ``blocks[].type``), never as a bare "object".
Endpoints that need a partner token say so; the webhooks partners receive have a section
of their own.
"""

import json

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from twinning.api.openapi import openapi_document, server_url


def _resolve(document: dict, node):
    """Follow a local ``$ref`` (one level)."""
    if isinstance(node, dict) and "$ref" in node:
        target = document
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        return target
    return node


def _non_null(schema: dict) -> dict:
    """The schema of a nullable value without its ``null`` option."""
    options = [option for option in schema.get("anyOf", []) if option.get("type") != "null"]
    return options[0] if len(options) == 1 and len(schema["anyOf"]) == 2 else schema


def _schema_label(schema: dict) -> str:
    if not isinstance(schema, dict):
        return ""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    for combinator in ("anyOf", "oneOf"):
        if combinator in schema:
            return " | ".join(_schema_label(option) for option in schema[combinator])
    if "const" in schema:
        return json.dumps(schema["const"], ensure_ascii=False)
    if "enum" in schema:
        return " | ".join(json.dumps(value, ensure_ascii=False) for value in schema["enum"])
    if schema.get("type") == "array":
        return f"array of {_schema_label(schema.get('items', {}))}"
    if schema.get("type") == "object" and isinstance(schema.get("additionalProperties"), dict):
        return f"object of {_schema_label(schema['additionalProperties'])}"
    label = schema.get("type", "any")
    if "format" in schema:
        label += f" ({schema['format']})"
    elif "contentMediaType" in schema:
        label += f" ({schema['contentMediaType']})"
    return label


def _default(schema: dict) -> str:
    if not isinstance(schema, dict) or "default" not in schema:
        return ""
    return json.dumps(schema["default"], ensure_ascii=False)


def _responses(document: dict, operation: dict) -> list[dict]:
    responses = []
    for status, response in operation["responses"].items():
        response = _resolve(document, response)
        responses.append(
            {
                "status": status,
                "description": response["description"],
                "headers": list(response.get("headers", {})),
                "media": _media(response.get("content", {})),
            }
        )
    return responses


def _media(content: dict) -> list[dict]:
    return [
        {
            "type": media,
            "schema": _schema_label(spec.get("schema", {})),
            "named": "$ref" in spec.get("schema", {}),
        }
        for media, spec in content.items()
    ]


def _request_body(document: dict, operation: dict) -> dict | None:
    body = _resolve(document, operation.get("requestBody"))
    if not body:
        return None
    return {"description": body.get("description", ""), "media": _media(body["content"])}


def _operations(document: dict, base: str) -> list[dict]:
    operations = []
    for route, item in document["paths"].items():
        for method, operation in item.items():
            parameters = [_resolve(document, parameter) for parameter in operation["parameters"]]
            # Endpoints that need a token get no "try it" link: it would only show a 401.
            secured = bool(operation.get("security"))
            example_query = operation.get("x-example-query", "")
            example_path = route
            for parameter in parameters:
                if parameter["in"] == "path" and "example" in parameter:
                    example_path = example_path.replace(
                        "{" + parameter["name"] + "}", str(parameter["example"])
                    )
            anchor = route.strip("/").replace("/", "-").replace("{", "").replace("}", "")
            operations.append(
                {
                    # GET keeps the route as its anchor; other methods of a route prefix theirs.
                    "anchor": (anchor or "root") if method == "get" else f"{method}-{anchor}",
                    "method": method.upper(),
                    "route": route,
                    "url": base + route,
                    "example": base + example_path + (f"?{example_query}" if example_query else "")
                    if "{" not in example_path and method == "get" and not secured
                    else None,
                    "secured": secured,
                    "request_body": _request_body(document, operation),
                    "summary": operation["summary"],
                    "description": operation["description"],
                    "tag": operation["tags"][0],
                    "parameters": [
                        {
                            **p,
                            "type": _schema_label(p.get("schema", {})),
                            "default": _default(p.get("schema", {})),
                        }
                        for p in parameters
                    ],
                    "responses": _responses(document, operation),
                }
            )
    return operations


def _webhooks(document: dict) -> list[dict]:
    """The requests the site sends (OpenAPI 3.1 ``webhooks``), described as operations are."""
    webhooks = []
    for name, item in document.get("webhooks", {}).items():
        for method, operation in item.items():
            parameters = [_resolve(document, parameter) for parameter in operation["parameters"]]
            webhooks.append(
                {
                    "anchor": f"webhook-{name}",
                    "method": method.upper(),
                    "summary": operation["summary"],
                    "description": operation["description"],
                    "headers": [
                        {**header, "type": _schema_label(header.get("schema", {}))}
                        for header in parameters
                        if header["in"] == "header"
                    ],
                    "request_body": _request_body(document, operation),
                    "responses": _responses(document, operation),
                }
            )
    return webhooks


def _rows(schema: dict, prefix: str = "") -> list[dict]:
    """One row per property, then the properties of inline objects under it."""
    rows = []
    required = schema.get("required", [])
    for prop, spec in schema.get("properties", {}).items():
        name = prefix + prop
        rows.append(
            {
                "name": name,
                "type": _schema_label(spec),
                "required": prop in required,
                "description": spec.get("description", ""),
                "default": _default(spec),
            }
        )
        inner = _non_null(spec)
        if inner.get("type") == "array" and "properties" in inner.get("items", {}):
            rows += _rows(inner["items"], f"{name}[].")
        elif "properties" in inner and "$ref" not in inner:
            rows += _rows(inner, f"{name}.")
    return rows


def _schemas(document: dict) -> list[dict]:
    schemas = []
    for name, schema in document["components"]["schemas"].items():
        discriminator = schema.get("discriminator", {})
        schemas.append(
            {
                "name": name,
                "description": schema.get("description", ""),
                "type": "" if "properties" in schema else _schema_label(schema),
                "properties": _rows(schema),
                "discriminator": discriminator.get("propertyName", ""),
                "mapping": [
                    {"value": value, "schema": target.rsplit("/", 1)[-1]}
                    for value, target in discriminator.get("mapping", {}).items()
                ],
            }
        )
    return schemas


@require_safe
def api_docs(request: HttpRequest) -> HttpResponse:
    base = server_url(request)
    document = openapi_document(base, request.wagtailapi_router)
    response = TemplateResponse(
        request,
        "twinning/api/docs.html",
        {
            "info": document["info"],
            "server": base,
            "openapi_url": base + "/openapi.json",
            "tags": document["tags"],
            "operations": _operations(document, base),
            "webhooks": _webhooks(document),
            "schemas": _schemas(document),
        },
    )
    return response.render()
