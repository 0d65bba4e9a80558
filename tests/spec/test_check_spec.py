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
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
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
        lambda d: d["paths"]["/balance/"]["post"]["responses"].update(
            {"404": {"$ref": "#/components/responses/NotFound"}}
        ),
        "documents HTTP 404 but none of its codes answers it",
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


def test_invalid_openapi_is_reported_not_raised(tmp_path: Path) -> None:
    path = _mutated(tmp_path, lambda d: d.pop("info"))
    problems = check_spec.check_document(path)
    assert len(problems) == 1 and "not a valid OpenAPI document" in problems[0]
