"""The inbox's fault form choices at /inbox/fault-form.json: the control spec's kinds, fields and codes, unguarded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask.testing import FlaskClient

from turkeysms_mock import create_app
from turkeysms_mock.api.inbox_page import CONTENT_SECURITY_POLICY
from turkeysms_mock.api.operations import operations
from turkeysms_mock.domain import faults
from turkeysms_spec.documents import CONTROL_API_PATH, load_openapi

SCHEMAS = load_openapi(CONTROL_API_PATH)["components"]["schemas"]


def _form(client: FlaskClient) -> Any:
    response = client.get("/inbox/fault-form.json")
    assert (response.status_code, response.mimetype) == (200, "application/json")
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    return response.get_json()


def test_it_needs_no_control_token_like_the_page_itself(tmp_path: Path) -> None:
    guarded = create_app({"DATABASE": str(tmp_path / "g.sqlite3"), "CONTROL_TOKEN": "tok"}).test_client()
    assert _form(guarded)["kinds"]
    assert guarded.get("/_mock/faults").status_code == 401


def test_the_kinds_come_from_the_spec_with_their_descriptions_parameters_and_needs(
    client: FlaskClient,
) -> None:
    kinds = _form(client)["kinds"]
    kind_schema = SCHEMAS["FaultKind"]
    assert [kind["kind"] for kind in kinds] == kind_schema["enum"]
    assert [kind["description"] for kind in kinds] == kind_schema["x-enum-descriptions"]
    assert all(kind["description"] for kind in kinds)
    for kind in kinds:
        assert set(kind["parameters"]) == faults.PARAMETERS[kind["kind"]]
        assert kind["needs"] == faults.NEEDS.get(kind["kind"])
        assert kind["defaults"] == faults.defaults(kind["kind"])


def test_the_fields_are_the_fault_requests_properties_with_their_limits(client: FlaskClient) -> None:
    form = _form(client)
    properties = SCHEMAS["FaultRequest"]["properties"]
    fields = form["parameters"] + form["match"]
    assert [field["name"] for field in fields] == [name for name in properties if name != "kind"]
    by_name = {field["name"]: field for field in fields}
    assert (by_name["status"]["minimum"], by_name["status"]["maximum"]) == (500, 599)
    assert by_name["count"]["default"] == 1 and by_name["count"]["label"] == properties["count"]["title"]
    assert by_name["recipient"]["label"] == "Recipient"  # a $ref has no title: the name, spelled out
    assert by_name["operation"]["enum"] == SCHEMAS["Operation"]["enum"]
    assert by_name["operation"]["labels"]["/sms/send"] == "/sms/send (sendSms)"


def test_code_suggestions_are_the_catalogues_errors_each_operation_documents(client: FlaskClient) -> None:
    form = _form(client)
    codes = {row["code"] for row in form["codes"]}
    assert {"TS-1027", "TS-1060"} <= codes and "TS-1024" not in codes  # a success is no fault
    for path, documented in form["documented"].items():
        assert set(documented) == set(operations()[path].codes)
    assert "TS-1086" not in form["documented"]["/sms/send"]  # the refusal the browser test shows
