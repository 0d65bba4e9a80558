"""The exception map: derived from the catalogue, one class per family, unknown codes to the base."""

from __future__ import annotations

import httpx
import pytest

import turkeysms
from turkeysms import TurkeySMS
from turkeysms._contract import result_codes
from turkeysms._exceptions import _FAMILY_CLASSES, error_class_for

from .conftest import FakeAPI, error_body

ERROR_CODES = sorted(code for code, row in result_codes().items() if row.is_error)


def test_every_family_of_the_catalogue_has_its_own_class() -> None:
    families = {row.family for row in result_codes().values() if row.is_error}
    assert families <= set(_FAMILY_CLASSES), families - set(_FAMILY_CLASSES)


@pytest.mark.parametrize("code", ERROR_CODES)
def test_every_error_code_raises_its_family_class(client: TurkeySMS, fake: FakeAPI, code: str) -> None:
    row = result_codes()[code]
    fake.script.append(httpx.Response(row.http_status, json=error_body(code, row.message)))
    with (
        TurkeySMS(
            "k",
            http_client=httpx.Client(transport=httpx.MockTransport(fake), base_url="http://f"),
            max_retries=0,
        ) as sdk,
        pytest.raises(turkeysms.TurkeySMSError) as caught,
    ):
        sdk.get_balance()
    error = caught.value
    assert type(error) is _FAMILY_CLASSES[row.family or ""]
    assert (error.code, error.status_code, error.message) == (code, row.http_status, row.message)
    assert error.body == error_body(code, row.message)
    assert code in str(error)


def test_named_classes_match_their_codes() -> None:
    assert error_class_for("TS-1031") is turkeysms.AuthenticationError
    assert error_class_for("TS-1030") is turkeysms.AccountError
    assert error_class_for("TS-1061") is turkeysms.PermissionDeniedError
    assert error_class_for("TS-1027") is turkeysms.InsufficientBalanceError
    assert error_class_for("TS-1060") is turkeysms.RateLimitError
    assert error_class_for("TS-1033") is turkeysms.InvalidRequestError
    assert error_class_for("TS-1086") is turkeysms.NotFoundError
    assert error_class_for("TS-1029") is turkeysms.SenderIdError
    assert error_class_for("TS-1082") is turkeysms.ConflictError


def test_unknown_code_falls_back_to_the_base_class(client: TurkeySMS, fake: FakeAPI) -> None:
    fake.script.append(httpx.Response(400, json=error_body("TS-9999", "new in v5")))
    with pytest.raises(turkeysms.TurkeySMSError) as caught:
        client.get_balance()
    assert type(caught.value) is turkeysms.TurkeySMSError
    assert caught.value.code == "TS-9999"


def test_error_without_envelope_is_an_api_status_error(client: TurkeySMS, fake: FakeAPI) -> None:
    fake.script.append(httpx.Response(404, text="<html>not here</html>"))
    with pytest.raises(turkeysms.APIStatusError) as caught:
        client.get_balance()
    assert caught.value.code is None and caught.value.status_code == 404


def test_success_and_status_codes_have_no_error_class() -> None:
    for code, row in result_codes().items():
        if not row.is_error:
            assert error_class_for(code) is turkeysms.TurkeySMSError
