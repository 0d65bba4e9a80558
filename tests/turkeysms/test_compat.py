"""turkeysms.TurkeySmsClient, the drop-in for the official SDK's class, against a mock on a real socket."""

from __future__ import annotations

import inspect
from collections.abc import Iterator

import pytest

from tests.serving import free_port
from turkeysms import TurkeySmsClient
from turkeysms.compat import LOCAL_ERROR_CODE
from turkeysms_mock.pytest_plugin import MockServer

TO = "905321250001"


@pytest.fixture
def client(turkeysms_mock: MockServer) -> Iterator[TurkeySmsClient]:
    client = TurkeySmsClient(turkeysms_mock.api_key)
    client.BASE_URL = turkeysms_mock.base_url + "/"
    yield client
    client.close()


def test_the_six_methods_answer_the_api_dicts(client: TurkeySmsClient, turkeysms_mock: MockServer) -> None:
    sent = client.send_sms("MyCompany", TO, "Hello")
    assert (sent["result"], sent["result_code"], sent["sms_lang"]) == (True, "TS-1024", "English")  # lang=0
    assert turkeysms_mock.messages(to=TO)[0]["sms_id"] == sent["sms_id"]

    otp = client.send_otp("905321250011", digits=6)
    assert otp["otp_code"] == turkeysms_mock.otp("905321250011") and len(otp["otp_code"]) == 6
    assert otp["sms_lang"] == "Unicode"  # the official default lang=2

    custom = client.send_detailed_otp("MyCompany", "905321250021", "Code TS-CODE")
    assert turkeysms_mock.otp("905321250021") == custom["otp_code"] and len(custom["otp_code"]) == 4

    assert client.get_balance() == turkeysms_mock.post("/balance/")
    assert client.add_to_blacklist("905321250031")["result_code"] == "TS-1141"

    pending = client.get_sms_status(sent["sms_id"])
    assert (pending["status"], pending["result"], pending["result_code"]) == ("success", True, "TS-1023")
    turkeysms_mock.advance(60)
    delivered = client.get_sms_status(str(sent["sms_id"]))  # as a C# or PHP caller hands it over
    assert delivered == turkeysms_mock.post("/sms/status", sms_id=sent["sms_id"])
    assert delivered["result_code"] == "TS-1064"


def test_a_refusal_keeps_the_api_code_where_the_official_sdk_says_local_err(
    client: TurkeySmsClient, turkeysms_mock: MockServer
) -> None:
    assert client.send_sms("MyCompany", "12", "Hello") == turkeysms_mock.post(
        "/sms/send", title="MyCompany", sentto="12", text="Hello"
    )
    client.api_key = "no-such-key"
    refused = client.get_balance()
    assert (refused["result"], refused["result_code"]) == (False, "TS-1031")


def test_a_wrong_id_is_judged_by_the_api(client: TurkeySmsClient) -> None:
    answer = client.get_sms_status("abc")
    assert (answer["result"], answer["result_code"]) == (False, "TS-1052")
    assert "sms_id" in answer["result_message"]


def test_no_answer_is_the_local_err_dict() -> None:
    client = TurkeySmsClient("key", max_retries=0, timeout=5)
    client.BASE_URL = f"http://127.0.0.1:{free_port()}/"  # nothing listens there
    answer = client.get_balance()
    assert set(answer) == {"status", "result_code", "result_message", "result"}
    assert (answer["status"], answer["result_code"], answer["result"]) == ("error", LOCAL_ERROR_CODE, False)
    assert answer["result_message"]
    assert client.send_sms("MyCompany", TO, "Hi", lang=7)["result_code"] == LOCAL_ERROR_CODE
    for unusable in ("", "nonsense", "http://[::1/"):
        client.BASE_URL = unusable  # never production, never TURKEYSMS_BASE_URL: what it was told
        assert client.get_balance()["result_code"] == LOCAL_ERROR_CODE, unusable
    assert TurkeySmsClient("").get_balance()["result_code"] == LOCAL_ERROR_CODE


def test_base_url_is_read_at_every_call(turkeysms_mock: MockServer, monkeypatch: pytest.MonkeyPatch) -> None:
    client = TurkeySmsClient(turkeysms_mock.api_key, max_retries=0)
    assert client.BASE_URL == "https://api.turkeysms.com.tr/"
    monkeypatch.setattr(TurkeySmsClient, "BASE_URL", turkeysms_mock.base_url + "/")
    assert client.get_balance()["result_code"] == "TS-1040"  # set on the class after construction
    client.BASE_URL = f"http://127.0.0.1:{free_port()}/"
    assert client.get_balance()["result_code"] == LOCAL_ERROR_CODE  # the instance's own, at once
    client.close()


def test_the_key_shows_in_no_repr() -> None:
    client = TurkeySmsClient("secret-key-123")
    assert client.api_key == "secret-key-123"
    assert "secret-key-123" not in repr(client) + repr(vars(client))


def test_method_names_arguments_and_defaults_are_the_official_ones() -> None:
    # turkeysms-python 4.0.0, as tests/clients/test_official_python_sdk.py installs it.
    official = {
        "send_sms": "(self, title, mobile, text, lang=0)",
        "send_otp": "(self, mobile, lang=2, digits=4)",
        "send_detailed_otp": "(self, title, mobile, text, lang=2)",
        "get_balance": "(self)",
        "add_to_blacklist": "(self, number)",
        "get_sms_status": "(self, sms_id)",
    }
    for name, signature in official.items():
        ours = inspect.signature(getattr(TurkeySmsClient, name))
        unannotated = ours.replace(
            parameters=[p.replace(annotation=p.empty) for p in ours.parameters.values()],
            return_annotation=inspect.Signature.empty,
        )
        assert str(unannotated) == signature, name
