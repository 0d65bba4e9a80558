"""The spec checks pass on our documents and catch each kind of mistake they exist for."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import check_spec
import pytest
import yaml

from turkeysms._contract import CONTROL_API_PATH, OPENAPI_PATH, load_openapi


def test_public_spec_passes_every_check() -> None:
    assert check_spec.check_document(OPENAPI_PATH) == []


def test_control_api_spec_passes_every_check() -> None:
    assert check_spec.check_document(CONTROL_API_PATH) == []


def test_command_line_exits_zero_on_the_real_documents(capsys: pytest.CaptureFixture[str]) -> None:
    assert check_spec.main([]) == 0
    assert "all checks pass" in capsys.readouterr().out


def _mutated(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    document = copy.deepcopy(dict(load_openapi()))
    change(document)
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.dump(document, Dumper=yaml.CSafeDumper, sort_keys=False), encoding="utf-8")
    return path


def _send_sms(document: dict[str, Any]) -> dict[str, Any]:
    operation: dict[str, Any] = document["paths"]["/sms/send"]["post"]
    return operation


MUTATIONS: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "short varnames": (
        lambda d: d["components"]["schemas"]["SmsLang"].update({"x-enum-varnames": ["A", "B"]}),
        "x-enum-varnames has 2 names for 3 values",
    ),
    "unknown code in an operation": (
        lambda d: _send_sms(d)["x-result-codes"].append("TS-9999"),
        "TS-9999 is not in x-result-code-catalogue",
    ),
    "unknown code in an example": (
        lambda d: _send_sms(d)["responses"]["200"]["content"]["application/json"]["examples"]["provider"][
            "value"
        ].update({"result_code": "TS-4242"}),
        "TS-4242 is not in x-result-code-catalogue",
    ),
    "example that breaks its schema": (
        lambda d: _send_sms(d)["requestBody"]["content"]["application/json"]["examples"]["curl"][
            "value"
        ].update({"sentto": "+90 532 123 45 67"}),
        "example does not validate",
    ),
    "missing summary": (lambda d: _send_sms(d).pop("summary"), "no summary"),
    "missing tag": (lambda d: _send_sms(d).pop("tags"), "no tag"),
    "missing operationId": (lambda d: _send_sms(d).pop("operationId"), "no operationId"),
    "undocumented status of a listed code": (
        lambda d: d["paths"]["/groups/edit"]["post"]["responses"].pop("404"),
        "answer HTTP 404 but no such response is documented",
    ),
    "documented status no code answers": (
        lambda d: d["paths"]["/balance/"]["post"]["responses"].update({"404": {"description": "Gone."}}),
        "documents HTTP 404 but none of its codes answers it",
    ),
    "missing description": (lambda d: _send_sms(d).pop("description"), "no description"),
    "code table behind x-result-codes": (
        lambda d: _send_sms(d)["x-result-codes"].remove("TS-1032"),
        "its description is not what x-result-codes and x-permissions write",
    ),
    "shared error example": (
        lambda d: d["paths"]["/auth/check"]["post"]["responses"]["403"]["content"]["application/json"][
            "examples"
        ].update({"TS-1027": {"$ref": "#/components/examples/TS-1027"}}),
        "its responses is not what x-result-codes and x-permissions write",
    ),
    "unnamed permission": (
        lambda d: d["components"]["schemas"]["KeyPermissions"]["properties"].pop("view_reports"),
        "components.schemas.KeyPermissions: not what the catalogues write",
    ),
    "unanchored pattern": (
        lambda d: d["components"]["schemas"]["MessageText"].update({"pattern": "\\S"}),
        "is not anchored",
    ),
    "wide integer without int64": (
        lambda d: d["components"]["schemas"]["Count"].pop("format"),
        "integer beyond 2^31-1 without format: int64",
    ),
    "callback key that is no expression": (
        lambda d: d["components"]["callbacks"].update(
            {"Other": {"{$account.webhook_url}": d["components"]["callbacks"]["DeliveryReport"].popitem()[1]}}
        ),
        "{$account.webhook_url} in callback key",
    ),
    "callback operationId used twice": (
        lambda d: _send_sms(d).update(
            {"callbacks": {"inline": copy.deepcopy(d["components"]["callbacks"]["DeliveryReport"])}}
        ),
        "operationId deliveryReportWebhook also used",
    ),
    "link body object": (
        lambda d: d["components"]["links"]["SmsIdToStatus"].update(
            {"requestBody": {"sms_id": "$response.body#/sms_id"}}
        ),
        "a link's requestBody is one runtime expression",
    ),
    "link body field that is no expression": (
        lambda d: d["components"]["links"]["SmsIdToStatus"]["x-request-body"].update({"sms_id": "sms_id"}),
        "x-request-body.sms_id 'sms_id' is not a runtime expression",
    ),
    "x-required-any-of naming no property": (
        lambda d: d["components"]["schemas"]["SendSmsRequest"]["x-required-any-of"].append("number"),
        "x-required-any-of names 'number', no property",
    ),
    "PHP media type in a response": (
        lambda d: _send_sms(d)["responses"]["200"]["content"].update(
            {"application/vnd.php.serialized": {"schema": {"type": "string"}}}
        ),
        "answers application/vnd.php.serialized, not only JSON",
    ),
    "permission whose code is not listed": (
        lambda d: _send_sms(d)["x-permissions"].append("send_otp"),
        "permission send_otp answers TS-1036",
    ),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_each_check_catches_its_mistake(tmp_path: Path, name: str) -> None:
    change, expected = MUTATIONS[name]
    problems = check_spec.check_document(_mutated(tmp_path, change))
    assert any(expected in problem for problem in problems), problems


def test_a_file_out_of_layout_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "openapi.yaml"
    path.write_text(
        OPENAPI_PATH.read_text(encoding="utf-8").replace("\n\npaths:", "\npaths:"), encoding="utf-8"
    )
    problems = check_spec.check_document(path)
    assert any("the file is not in the layout scripts/check-spec --write gives it" in p for p in problems)


def test_write_mends_what_the_checks_find(tmp_path: Path) -> None:
    path = _mutated(tmp_path, lambda d: _send_sms(d)["x-result-codes"].remove("TS-1032"))
    assert check_spec.check_document(path) != []
    check_spec.write(path)
    assert check_spec.check_document(path) == []
    assert path.read_text(encoding="utf-8") != OPENAPI_PATH.read_text(encoding="utf-8")  # TS-1032 stays out


def test_invalid_openapi_is_reported_not_raised(tmp_path: Path) -> None:
    path = _mutated(tmp_path, lambda d: d.pop("info"))
    problems = check_spec.check_document(path)
    assert len(problems) == 1 and "not a valid OpenAPI document" in problems[0]
