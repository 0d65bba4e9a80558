"""Interactive docs: both specs served with this mock as their server, and Swagger UI from local files."""

from __future__ import annotations

from typing import Any

import yaml

from turkeysms._contract import CONTROL_API_PATH, OPENAPI_PATH, load_openapi, result_codes
from turkeysms_mock.pytest_plugin import MockServer


def test_specs_are_served_aimed_at_this_mock(turkeysms_mock: MockServer) -> None:
    for route, path in (("/openapi.yaml", OPENAPI_PATH), ("/control-api.yaml", CONTROL_API_PATH)):
        response = turkeysms_mock.http.get(route)
        assert response.status_code == 200 and response.headers["Content-Type"].startswith("application/yaml")
        served = yaml.safe_load(response.text)
        assert served["servers"] == [{"url": turkeysms_mock.base_url, "description": "This mock server"}]
        original = yaml.safe_load(path.read_text(encoding="utf-8").replace("YOUR_API_KEY", "test-key"))
        assert {**served, "servers": None} == {**original, "servers": None}
        assert load_openapi(path)["servers"] != served["servers"]  # the cached contract is untouched


def test_served_examples_carry_the_seeds_first_key_and_the_files_keep_the_placeholder(
    turkeysms_mock: MockServer,
) -> None:
    for route, path in (("/openapi.yaml", OPENAPI_PATH), ("/control-api.yaml", CONTROL_API_PATH)):
        served = turkeysms_mock.http.get(route).text
        assert "YOUR_API_KEY" not in served
        assert "YOUR_API_KEY" in path.read_text(encoding="utf-8")
    send = yaml.safe_load(turkeysms_mock.http.get("/openapi.yaml").text)["paths"]["/sms/send"]["post"]
    examples = send["requestBody"]["content"]["application/json"]["examples"].values()
    assert {example["value"]["api_key"] for example in examples} == {turkeysms_mock.api_key}
    # The key lets the example in: what "Try it out" sends is answered, not refused.
    first = next(iter(examples))["value"]
    answer = turkeysms_mock.http.post("/sms/send", json=first)
    assert (answer.status_code, answer.json()["result_code"]) == (200, "TS-1024")


def test_swagger_ui_is_served_offline(turkeysms_mock: MockServer) -> None:
    page = turkeysms_mock.http.get("/docs")
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    assert "http" not in page.text.replace('"http-equiv', "")  # no CDN: every asset is local
    for asset in (
        "/docs/swagger-ui-bundle.js",
        "/docs/swagger-ui-standalone-preset.js",
        "/docs/swagger-ui.css",
    ):
        response = turkeysms_mock.http.get(asset)
        assert response.status_code == 200 and len(response.content) > 1000, asset
    initializer = turkeysms_mock.http.get("/docs/initializer.js").text
    assert '"/openapi.yaml"' in initializer and '"/control-api.yaml"' in initializer
    assert turkeysms_mock.http.get("/docs/index.html").status_code == 404  # only what the page loads
    assert turkeysms_mock.http.get("/docs/..%2Fsetup.py").status_code == 404


def _resolve(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    if "$ref" not in node:
        return node
    target: Any = document
    for part in node["$ref"].removeprefix("#/").split("/"):
        target = target[part]
    return _resolve(document, target)


def test_docs_show_each_operation_its_own_codes(turkeysms_mock: MockServer) -> None:
    """What Swagger UI at /docs renders: each operation's code table and error examples are its own."""
    served = yaml.safe_load(turkeysms_mock.http.get("/openapi.yaml").text)
    catalogue = result_codes()
    for path, item in served["paths"].items():
        operation = item["post"]
        codes = operation["x-result-codes"]
        for code in codes:
            statuses = ", ".join(
                str(s) for s in (catalogue[code].http_status, *catalogue[code].transport_statuses)
            )
            assert f"| {code} | {statuses} | {catalogue[code].message} |" in operation["description"], path
        shown = set()
        for status, response in operation["responses"].items():
            if status == "200":
                continue
            for example in response["content"]["application/json"]["examples"].values():
                value = _resolve(served, example)["value"]
                assert value["result_code"] in codes, (path, status, value)
                assert status in {str(catalogue[value["result_code"]].http_status)} | {
                    str(s) for s in catalogue[value["result_code"]].transport_statuses
                }, (path, status, value)
                shown.add(value["result_code"])
        assert shown == {code for code in codes if catalogue[code].is_error}, path
    audit = served["paths"]["/auth/check"]["post"]
    assert "TS-1025" not in str(audit["responses"]) and "TS-1027" not in str(audit["responses"])
