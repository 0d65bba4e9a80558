"""The contract says what the issue and the provider's page require, beyond being valid."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from check_spec import iter_operations, resolve
from openapi_schema_validator import OAS30Validator

from turkeysms import _contract as spec

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "turkeysms-api-v4.txt"
DOCUMENTED_PATHS = {
    "/auth/check",
    "/sms/send",
    "/otp/send",
    "/otp/detailed",
    "/groups/create",
    "/groups/edit",
    "/groups/delete",
    "/groups/list",
    "/contacts/add",
    "/group/send",
    "/group/sendMixed",
    "/balance/",
    "/senderid/check",
    "/reports/basic",
    "/reports/detailed",
    "/blacklist/add",
    "/blacklist/status",
    "/sms/status",
}
# The provider's page uses placeholders where digits belong (DECISIONS.md, "Examples").
PLACEHOLDER_NUMBERS = re.compile(r'"905x{8,9}"')


@pytest.fixture(scope="module")
def resolved() -> dict[str, Any]:
    return resolve(spec.OPENAPI_PATH)


def test_every_documented_operation_is_a_json_post(resolved: dict[str, Any]) -> None:
    assert set(resolved["paths"]) == DOCUMENTED_PATHS
    for path, item in resolved["paths"].items():
        assert set(item) == {"post"}, path
        assert "application/json" in item["post"]["requestBody"]["content"], path


def test_catalogue_holds_the_provider_table_and_the_auth_code() -> None:
    codes = spec.result_codes()
    assert len(codes) == 45
    assert codes["TS-1000"].http_status == 200
    assert codes["TS-1060"].http_status == 403 and codes["TS-1060"].retryable
    assert codes["TS-1086"].http_status == 404 and codes["TS-1086"].family == "not_found"
    assert {c.code for c in codes.values() if c.kind == "status"} >= {"TS-1022", "TS-1023", "TS-1142"}


def test_every_permission_denial_code_is_a_403_error() -> None:
    for permission in spec.permissions().values():
        code = spec.result_codes()[permission.denial_code]
        assert (code.http_status, code.kind) == (403, "error"), permission


def test_every_integer_is_bounded_for_javascript_tools(resolved: dict[str, Any]) -> None:
    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            if node.get("type") == "integer" and "enum" not in node:
                assert node.get("maximum", 2**63) <= 2**53 - 1, where
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}[{index}]")

    walk(resolved, "")


def test_request_enums_carry_defaults_and_names(resolved: dict[str, Any]) -> None:
    schemas = resolved["components"]["schemas"]
    assert (schemas["SmsLang"]["default"], schemas["OtpDigits"]["default"]) == (2, 4)
    assert (schemas["ReportFlag"]["default"], schemas["ContentType"]["default"]) == (1, 0)
    assert schemas["ResponseType"]["enum"] == ["json", "php"]


def test_stateful_links_connect_groups_and_sends(resolved: dict[str, Any]) -> None:
    create = resolved["paths"]["/groups/create"]["post"]["responses"]["200"]["links"]
    assert {link["operationId"] for link in create.values()} == {"editGroup", "deleteGroup", "addContact"}
    for path in ("/sms/send", "/group/send", "/group/sendMixed"):
        links = resolved["paths"][path]["post"]["responses"]["200"]["links"]
        assert {link["operationId"] for link in links.values()} == {
            "getSmsStatus",
            "getBasicReport",
            "getDetailedReport",
        }, path


def test_webhook_is_described_once_with_its_signature_header(resolved: dict[str, Any]) -> None:
    (callback,) = resolved["components"]["callbacks"]["DeliveryReport"].values()
    webhook = callback["post"]
    header = webhook["parameters"][0]
    assert header["name"] == "X-TurkeySms-Signature" and header["in"] == "header"
    data = webhook["requestBody"]["content"]["application/json"]["schema"]["properties"]["data"]
    assert {"sms_id", "status"} <= set(data["required"])
    raw = spec.load_openapi()
    sends = {"/sms/send", "/otp/send", "/otp/detailed", "/group/send", "/group/sendMixed"}
    for path in sends:
        callbacks = raw["paths"][path]["post"]["callbacks"]
        assert callbacks == {"deliveryReport": {"$ref": "#/components/callbacks/DeliveryReport"}}, path


def test_every_permission_is_a_named_property_of_auth_check(resolved: dict[str, Any]) -> None:
    schema = resolved["components"]["schemas"]["KeyPermissions"]
    assert set(schema["properties"]) == {*spec.permissions(), "manage_groups"}
    assert "additionalProperties" not in schema


def _seed_request_bodies() -> list[tuple[str, dict[str, Any]]]:
    """Every `curl ... <path> ... -d '{json}'` example of the provider's page."""
    text = SEED.read_text(encoding="utf-8")
    found = []
    pattern = re.compile(r"curl -X POST https://api\.turkeysms\.com\.tr(\S+) .*?-d '(\{.*?\})'", re.S)
    for path, body in pattern.findall(text):
        found.append((path, json.loads(PLACEHOLDER_NUMBERS.sub('"905321234567"', body))))
    return found


@pytest.mark.skipif(not SEED.exists(), reason="the provider's page is not beside this checkout")
def test_every_provider_request_example_validates(resolved: dict[str, Any]) -> None:
    bodies = _seed_request_bodies()
    assert {path for path, _ in bodies} == DOCUMENTED_PATHS - {"/reports/detailed"}
    for path, body in bodies:
        schema = resolved["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]
        errors = [e.message for e in OAS30Validator(schema).iter_errors(body)]
        assert errors == [], (path, body, errors)


def test_every_operation_lists_its_codes_and_permissions(resolved: dict[str, Any]) -> None:
    for path, _method, operation in iter_operations(resolved):
        assert operation["x-result-codes"], path
        assert "x-permissions" in operation, path
