"""The SDK reads the compiled catalogue: its first calls, success or error, parse no YAML spec."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from turkeysms import _contract
from turkeysms_spec import catalogue
from turkeysms_spec.documents import load_openapi

# Run in a fresh interpreter: this test session has imported PyYAML long ago.
_FIRST_CALLS = textwrap.dedent(
    """
    import sys

    import httpx

    import turkeysms

    answers = iter([
        httpx.Response(200, json={"result": True, "result_code": "TS-1040", "result_message": "ok",
                                  "balance": {"main": 1500, "international": 250}}),
        httpx.Response(403, json={"result": False, "result_code": "TS-1027",
                                  "result_message": "Insufficient balance"}),
    ])
    transport = httpx.MockTransport(lambda request: next(answers))
    client = turkeysms.TurkeySMS("k", http_client=httpx.Client(transport=transport), max_retries=0)
    assert client.get_balance().balance.main == 1500
    try:
        client.send_sms("MyCompany", "905321234567", "Hi")
    except turkeysms.InsufficientBalanceError:
        pass
    else:
        raise AssertionError("TS-1027 did not raise")
    loaded = sorted(name for name in sys.modules if name == "yaml" or name.startswith(("yaml.", "_yaml")))
    print(loaded)
    """
)


def test_first_calls_import_no_yaml() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_CALLS], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_function_api_answers_from_the_compiled_catalogue() -> None:
    assert _contract.result_codes() is catalogue.RESULT_CODES
    assert _contract.permissions() is catalogue.PERMISSIONS
    assert _contract.result_codes()["TS-1060"].retryable
    assert _contract.result_codes()["TS-1033"].transport_statuses == (413, 415)


def test_compiled_catalogue_equals_the_spec() -> None:
    # scripts/generate --check guards the file; this guards the compiler's reading of each field.
    document = load_openapi()
    for code, row in document["x-result-code-catalogue"].items():
        compiled = catalogue.RESULT_CODES[code]
        assert (compiled.code, compiled.http_status, compiled.kind, compiled.message) == (
            code,
            row["http"],
            row["kind"],
            row["message"],
        )
        assert compiled.family == row.get("family")
        assert compiled.retryable == row.get("retryable", False)
        assert compiled.transport_statuses == tuple(row.get("transport_http", ()))
    assert list(catalogue.RESULT_CODES) == list(document["x-result-code-catalogue"])
    assert {name: (p.denial_code, p.description) for name, p in catalogue.PERMISSIONS.items()} == {
        name: (row["code"], row["description"]) for name, row in document["x-permission-catalogue"].items()
    }
    assert catalogue.ENUM_LABELS["SmsLang"] == {0: "English", 1: "Turkish", 2: "Unicode"}
