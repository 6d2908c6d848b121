"""The API's documentation page, rendered on the server from the OpenAPI document.

Plain HTML and one stylesheet served by the project: it works offline, behind a
firewall, without a CDN or a JavaScript bundle.
"""

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


def _schema_label(schema: dict) -> str:
    if not isinstance(schema, dict):
        return ""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " | ".join(_schema_label(option) for option in schema["anyOf"])
    if schema.get("type") == "array":
        return f"array of {_schema_label(schema.get('items', {}))}"
    if "enum" in schema:
        return " | ".join(str(value) for value in schema["enum"])
    if "const" in schema:
        return repr(schema["const"])
    return schema.get("type", "any")


def _operations(document: dict, base: str) -> list[dict]:
    operations = []
    for route, item in document["paths"].items():
        for method, operation in item.items():
            parameters = [_resolve(document, parameter) for parameter in operation["parameters"]]
            example_query = operation.get("x-example-query", "")
            example_path = route
            for parameter in parameters:
                if parameter["in"] == "path" and "example" in parameter:
                    example_path = example_path.replace(
                        "{" + parameter["name"] + "}", str(parameter["example"])
                    )
            responses = []
            for status, response in operation["responses"].items():
                response = _resolve(document, response)
                content = response.get("content", {})
                responses.append(
                    {
                        "status": status,
                        "description": response["description"],
                        "media": [
                            {"type": media, "schema": _schema_label(spec.get("schema", {}))}
                            for media, spec in content.items()
                        ],
                    }
                )
            operations.append(
                {
                    "anchor": route.strip("/").replace("/", "-").replace("{", "").replace("}", "")
                    or "root",
                    "method": method.upper(),
                    "route": route,
                    "url": base + route,
                    "example": base + example_path + (f"?{example_query}" if example_query else "")
                    if "{" not in example_path
                    else None,
                    "summary": operation["summary"],
                    "description": operation["description"],
                    "tag": operation["tags"][0],
                    "parameters": [
                        {**p, "type": _schema_label(p.get("schema", {}))} for p in parameters
                    ],
                    "responses": responses,
                }
            )
    return operations


def _schemas(document: dict) -> list[dict]:
    schemas = []
    for name, schema in document["components"]["schemas"].items():
        properties = [
            {
                "name": prop,
                "type": _schema_label(spec),
                "required": prop in schema.get("required", []),
                "description": spec.get("description", ""),
            }
            for prop, spec in schema.get("properties", {}).items()
        ]
        schemas.append(
            {"name": name, "description": schema.get("description", ""), "properties": properties}
        )
    return schemas


@require_safe
def api_docs(request: HttpRequest) -> HttpResponse:
    base = server_url(request)
    document = openapi_document(base)
    response = TemplateResponse(
        request,
        "twinning/api/docs.html",
        {
            "info": document["info"],
            "server": base,
            "openapi_url": base + "/openapi.json",
            "tags": document["tags"],
            "operations": _operations(document, base),
            "schemas": _schemas(document),
        },
    )
    return response.render()
