"""One envelope (D10): no HTTP 200 answer, in the spec's examples or from the mock, says `result: false`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from flask import Flask

from tests.mock_server.conftest import Api, backend, send
from tests.valid_bodies import valid_body
from turkeysms._contract import load_openapi, result_codes

PATHS = sorted(load_openapi()["paths"])


def assert_one_envelope(answer: Mapping[str, Any]) -> None:
    """A 200 answer is a success: `result` true where it has one, `status` success where it has one."""
    assert answer.get("result", True) is True, answer
    assert answer.get("status", "success") == "success", answer
    code = answer.get("result_code")
    assert code is None or result_codes()[code].kind != "error", answer


def _examples_of_200(path: str) -> list[Any]:
    content = load_openapi()["paths"][path]["post"]["responses"]["200"]["content"]["application/json"]
    examples = [example["value"] for example in content.get("examples", {}).values()]
    return examples + ([content["example"]] if "example" in content else [])


@pytest.mark.parametrize("path", PATHS)
def test_the_spec_examples_of_every_200_answer_agree_with_themselves(path: str) -> None:
    for example in _examples_of_200(path):
        assert_one_envelope(example)


def test_the_spec_shows_a_pending_status_as_a_successful_query() -> None:
    codes = {example["result_code"]: example for example in _examples_of_200("/sms/status")}
    assert codes["TS-1023"]["result"] is True and codes["TS-1064"]["result"] is True


@pytest.mark.parametrize("path", PATHS)
def test_every_operation_answers_its_success_in_one_envelope(api: Api, path: str) -> None:
    assert_one_envelope(api.ok(path, **valid_body(path, api.ok)))


def test_every_status_answer_is_a_successful_query(api: Api, app: Flask) -> None:
    clock = backend(app).clock
    sent = {
        "scheduled": send(api, scheduled_sms=1, scheduled_date="2099-12-31", scheduled_time="09:00"),
        "pending": send(api),
        "delivered": send(api, to="905321230001"),
        "failed": send(api, to="905321230002"),
        "out_of_coverage": send(api, to="905321230003"),
    }
    expected = {"scheduled": "TS-1023", "pending": "TS-1023"}
    for name, answer in sent.items():
        if name in expected:
            status = api.ok("/sms/status", sms_id=answer["sms_id"])
            assert_one_envelope(status)
            assert status["result_code"] == expected[name]
    clock.advance(10)
    expected = {
        "delivered": "TS-1064",
        "failed": "TS-1022",
        "out_of_coverage": "TS-1023",
        "pending": "TS-1064",
    }
    for name, code in expected.items():
        status = api.ok("/sms/status", sms_id=sent[name]["sms_id"])
        assert_one_envelope(status)
        assert status["result_code"] == code, name
        for report in ("/reports/basic", "/reports/detailed"):
            assert_one_envelope(api.ok(report, raporid=sent[name]["sms_id"]))
    for number, code in (("905321239999", "TS-1142"), ("905321239998", "TS-1143")):
        if code == "TS-1143":
            assert_one_envelope(api.ok("/blacklist/add", number=number))
        status = api.ok("/blacklist/status", number=number)
        assert_one_envelope(status)
        assert status["result_code"] == code
