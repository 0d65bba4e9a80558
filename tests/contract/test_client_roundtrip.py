"""Every operation through the generated client against the mock in-process: every answer parses into its model."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from flask.testing import FlaskClient

from tests.contract.contract import KEY, contract_app, iter_models
from tests.contract.test_scenarios import body_for
from turkeysms._contract import load_openapi
from turkeysms_api import Client
from turkeysms_api.models import ErrorResponse

SPEC = load_openapi()
OPERATIONS = [(path, item["post"]) for path, item in SPEC["paths"].items()]


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _model(ref: str) -> Any:
    name = ref.rsplit("/", 1)[-1]
    return getattr(importlib.import_module("turkeysms_api.models"), name)


def _function(operation: dict[str, Any]) -> Any:
    return importlib.import_module(
        f"turkeysms_api.api.{operation['tags'][0]}.{_snake(operation['operationId'])}"
    )


def documented_fields_in_extras(value: Any) -> Iterator[str]:
    """`Model.field` for each key of a model's additional_properties, in `value` or nested in it: every
    field the mock answers is a named property of its model, the permissions of /auth/check too."""
    for model in iter_models(value):
        for key in model.additional_properties:
            yield f"{type(model).__name__}.{key}"


@pytest.fixture
def wsgi(tmp_path: Path) -> Iterator[tuple[Client, FlaskClient]]:
    app = contract_app(tmp_path, DATABASE=":memory:", DELIVERY_DELAY_S=0.0)
    client = Client(base_url="http://mock").set_httpx_client(
        httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://mock")
    )
    yield client, app.test_client()
    client.get_httpx_client().close()


@pytest.mark.parametrize(("path", "operation"), OPERATIONS, ids=[op["operationId"] for _, op in OPERATIONS])
def test_client_round_trip(wsgi: tuple[Client, FlaskClient], path: str, operation: dict[str, Any]) -> None:
    """A success and an error through the generated client, each parsed into its documented model."""
    client, flask_client = wsgi
    request_model = _model(operation["requestBody"]["content"]["application/json"]["schema"]["$ref"])
    success_model = _model(operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"])
    call = _function(operation).sync_detailed

    body = {"api_key": KEY, **body_for(flask_client, path)}
    if path in {"/groups/edit", "/groups/delete", "/contacts/add"}:
        # The group and the rest are made through the client too: its answers are parsed as well.
        create = _function(SPEC["paths"]["/groups/create"]["post"]).sync_detailed
        made = create(
            client=client,
            body=_model("CreateGroupRequest").from_dict({"api_key": KEY, "group_name": "Via client"}),
        )
        body["group_id"] = made.parsed.group.id
    answer = call(client=client, body=request_model.from_dict(body))
    assert answer.status_code == 200, answer.content
    assert isinstance(answer.parsed, success_model), answer.parsed
    assert list(documented_fields_in_extras(answer.parsed)) == []
    # The parsed model writes back what the mock sent, field for field.
    assert answer.parsed.to_dict() == httpx.Response(200, content=answer.content).json()

    refused = call(client=client, body=request_model.from_dict({**body, "api_key": "no-such-key"}))
    assert refused.status_code == 401
    assert isinstance(refused.parsed, ErrorResponse)
    assert (refused.parsed.result, refused.parsed.result_code) == (False, "TS-1031")
    assert list(documented_fields_in_extras(refused.parsed)) == []


def test_the_extras_walk_finds_a_misplaced_field() -> None:
    """Not vacuous: a documented field under another spelling lands in additional_properties and is found."""
    parsed = _model("#/components/schemas/BalanceResponse").from_dict(
        {
            "result": True,
            "result_code": "TS-1040",
            "result_message": "Balance inquiry successful.",
            "balance": {"main": 1, "international": 2, "mian": 3},
        }
    )
    assert list(documented_fields_in_extras(parsed)) == ["Balance.mian"]
