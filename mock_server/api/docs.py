"""Interactive docs: both specs served with `servers` aimed at this mock, and Swagger UI offline at /docs."""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

import yaml
from flask import Blueprint, Response, abort, current_app, request, send_from_directory
from swagger_ui_bundle import swagger_ui_path

from turkeysms_spec.documents import CONTROL_API_PATH, OPENAPI_PATH, load_openapi

blueprint = Blueprint("docs", __name__)

YAML_MEDIA_TYPE = "application/yaml"
# The provider's placeholder in the spec's examples; served, it is a key this mock knows.
PLACEHOLDER_KEY = "YOUR_API_KEY"
# Where create_app keeps the seed's first key in clear (the database holds only fingerprints).
EXAMPLE_KEY = "turkeysms_mock.example_key"
# Only what the page loads; the bundle's own index and sample initializer are not served.
_ASSETS = frozenset(
    {
        "swagger-ui.css",
        "index.css",
        "swagger-ui-bundle.js",
        "swagger-ui-standalone-preset.js",
        "favicon-32x32.png",
        "favicon-16x16.png",
    }
)
_PAGE = """<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <title>TurkeySMS mock server: API docs</title>
    <link rel="stylesheet" type="text/css" href="/docs/swagger-ui.css">
    <link rel="stylesheet" type="text/css" href="/docs/index.css">
    <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/swagger-ui-bundle.js" charset="UTF-8"></script>
    <script src="/docs/swagger-ui-standalone-preset.js" charset="UTF-8"></script>
    <script src="/docs/initializer.js" charset="UTF-8"></script>
  </body>
</html>
"""
_INITIALIZER = """window.onload = function () {
  window.ui = SwaggerUIBundle({
    urls: [
      {url: "/openapi.yaml", name: "TurkeySMS v4 API"},
      {url: "/control-api.yaml", name: "Mock control API (/_mock)"}
    ],
    "urls.primaryName": "TurkeySMS v4 API",
    dom_id: "#swagger-ui",
    deepLinking: true,
    tryItOutEnabled: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout"
  });
};
"""


def _with_key(node: Any, key: str) -> Any:
    if isinstance(node, dict):
        return {name: _with_key(value, key) for name, value in node.items()}
    if isinstance(node, list):
        return [_with_key(item, key) for item in node]
    return key if node == PLACEHOLDER_KEY else node


@functools.lru_cache(maxsize=16)
def _document(path: Path, base_url: str, api_key: str | None) -> str:
    """The spec with one server, this mock as the caller reached it, and its examples' placeholder key
    replaced by the seed's first key, so that "Try it out" calls this mock and is let in. The file
    itself keeps the provider's placeholder."""
    document: dict[str, Any] = copy.deepcopy(dict(load_openapi(path)))
    if api_key is not None:
        document = _with_key(document, api_key)
    document["servers"] = [{"url": base_url, "description": "This mock server"}]
    dumped: str = yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
    return dumped


def _spec(path: Path) -> Response:
    text = _document(path, request.host_url.rstrip("/"), current_app.extensions.get(EXAMPLE_KEY))
    return Response(text, mimetype=YAML_MEDIA_TYPE)


@blueprint.get("/openapi.yaml")
def public_spec() -> Response:
    return _spec(OPENAPI_PATH)


@blueprint.get("/control-api.yaml")
def control_spec() -> Response:
    return _spec(CONTROL_API_PATH)


@blueprint.get("/docs")
def page() -> Response:
    return Response(_PAGE, mimetype="text/html")


@blueprint.get("/docs/initializer.js")
def initializer() -> Response:
    return Response(_INITIALIZER, mimetype="text/javascript")


@blueprint.get("/docs/<name>")
def asset(name: str) -> Response:
    if name not in _ASSETS:
        abort(404)
    return send_from_directory(swagger_ui_path, name, max_age=3600)
