"""The provider's Node.js (axios), PHP (Guzzle) and C# (HttpClient + Newtonsoft) SDKs, replayed byte for byte.

Their wire formats are facts (shared/notes/tooling-facts.md, "Real clients of the API"): the same JSON
bodies as the Python SDK (`mobile` on /sms/send), `Accept: application/json`, and a Content-Type of
`application/json`, with `; charset=utf-8` from C#. Each body is written the way that client's JSON
serializer writes it; no code of theirs is copied or run.
"""

from __future__ import annotations

import http.client
import json
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from tests.clients.support import KEY, Mock

pytestmark = pytest.mark.slow


def _compact(fields: dict[str, Any]) -> bytes:
    # JSON.stringify (axios) and Newtonsoft's JsonConvert: no spaces, non-ASCII as raw UTF-8, "/" as is.
    return json.dumps(fields, separators=(",", ":"), ensure_ascii=False).encode()


def _php_json_encode(fields: dict[str, Any]) -> bytes:
    # PHP's json_encode without flags (Guzzle's `json` option): non-ASCII as \uXXXX and "/" as "\/".
    return json.dumps(fields, separators=(",", ":"), ensure_ascii=True).replace("/", "\\/").encode()


@dataclass(frozen=True)
class Client:
    name: str
    content_type: str
    encode: Callable[[dict[str, Any]], bytes]
    sms_id_as_string: bool  # C# takes sms_id as `object`; a PHP form value is a string

    def replay(self, mock: Mock, path: str, fields: dict[str, Any]) -> tuple[int, dict[str, Any], bytes]:
        body = self.encode({"api_key": KEY, **fields})
        where = urllib.parse.urlsplit(mock.base)
        connection = http.client.HTTPConnection(where.hostname or "", where.port, timeout=30)
        try:
            connection.request(
                "POST", path, body, {"Content-Type": self.content_type, "Accept": "application/json"}
            )
            response = connection.getresponse()
            return response.status, json.loads(response.read()), body
        finally:
            connection.close()


CLIENTS = [
    Client("node-axios", "application/json", _compact, sms_id_as_string=False),
    Client("php-guzzle", "application/json", _php_json_encode, sms_id_as_string=True),
    Client("csharp-httpclient", "application/json; charset=utf-8", _compact, sms_id_as_string=True),
]
TEXT = "Merhaba dünya: şifre/çağrı ✓"  # Turkish letters, a slash (PHP escapes it) and a non-GSM sign


@pytest.mark.parametrize("client", CLIENTS, ids=lambda client: client.name)
def test_every_call_of_the_sdk_answers_its_documented_code(client: Client, mock: Mock) -> None:
    to, otp_to, custom_to, blocked = "905321240001", "905321240011", "905321240021", "905321240031"
    status, sent, body = client.replay(
        mock, "/sms/send", {"title": "MyCompany", "mobile": to, "text": TEXT, "sms_lang": 1}
    )
    assert (status, sent["result_code"], sent["result"]) == (200, "TS-1024", True), sent
    if client.encode is _php_json_encode:
        assert b"\\u00fc" in body and b"\\/" in body  # the replay really is in PHP's spelling
    [inboxed] = mock.messages(to)
    assert (inboxed["sms_id"], inboxed["text"]) == (sent["sms_id"], TEXT)

    status, otp, _ = client.replay(mock, "/otp/send", {"mobile": otp_to, "lang": 0, "digits": 6})
    assert (status, otp["result_code"]) == (200, "TS-1024"), otp
    assert mock.otp(otp_to)["code"] == otp["otp_code"] and len(otp["otp_code"]) == 6

    status, custom, _ = client.replay(
        mock, "/otp/detailed", {"title": "MyCompany", "mobile": custom_to, "text": "Kod: TS-CODE", "lang": 1}
    )
    assert (status, custom["result_code"]) == (200, "TS-1024"), custom
    assert mock.otp(custom_to)["text"] == f"Kod: {custom['otp_code']}"

    status, balance, _ = client.replay(mock, "/balance/", {})
    assert (status, balance["result_code"]) == (200, "TS-1040"), balance
    spent = sent["number_of_sms"] + otp["number_of_sms"] + custom["number_of_sms"]
    assert balance["balance"]["main"] == 10_000 - spent

    status, added, _ = client.replay(mock, "/blacklist/add", {"number": blocked})
    assert (status, added["status"], added["result_code"]) == (200, "success", "TS-1141"), added

    sms_id: int | str = str(sent["sms_id"]) if client.sms_id_as_string else sent["sms_id"]
    status, pending, body = client.replay(mock, "/sms/status", {"sms_id": sms_id})
    assert (status, pending["result"], pending["result_code"]) == (200, True, "TS-1023"), pending
    assert (b'"sms_id":"' in body) is client.sms_id_as_string
    mock.advance(60)
    status, delivered, _ = client.replay(mock, "/sms/status", {"sms_id": sms_id})
    assert (status, delivered["result"], delivered["result_code"]) == (200, True, "TS-1064"), delivered
    assert delivered["sms_status"] == "Number received the message"


@pytest.mark.parametrize("client", CLIENTS, ids=lambda client: client.name)
def test_a_refusal_reaches_the_sdk_in_the_error_envelope(client: Client, mock: Mock) -> None:
    status, refused, _ = client.replay(mock, "/sms/send", {"title": "MyCompany", "mobile": "12", "text": "x"})
    assert (status, refused["result"], refused["result_code"]) == (400, False, "TS-1025"), refused
    assert "mobile" in refused["result_message"]
