"""Fixtures: a scripted fake of the API behind httpx.MockTransport, and clients wired to it."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from turkeysms import _async_client, _client

KEY = "sk-live-7f3a9c-very-secret"

# One success answer per path, shaped as the spec's examples.
ANSWERS: dict[str, dict[str, Any]] = {
    "/auth/check": {
        "result": True,
        "result_code": "TS-1000",
        "key_details": {
            "status": "Active",
            "permissions": {
                "post_request": True,
                "send_single_sms": True,
                "send_otp": True,
                "check_balance": True,
                "check_senderid": True,
                "manage_groups": True,
            },
        },
        "account_summary": {"account_status": "Active", "balance": {"main": 1500, "international": 250}},
    },
    "/balance/": {
        "result": True,
        "result_code": "TS-1040",
        "result_message": "Balance inquiry successful.",
        "balance": {"main": 1500, "international": 250},
    },
    "/senderid/check": {
        "result": True,
        "result_code": "TS-1064",
        "result_message": "Operation success",
        "sender_ids": [{"id": 1, "title": "TurkeySMS", "status": 1, "document": 1, "network_stat": 1}],
    },
    "/sms/send": {
        "result": True,
        "result_code": "TS-1024",
        "result_message": "SMS dispatched successfully.",
        "sms_id": 1000007721,
        "number_of_sms": 1,
        "sms_lang": "English",
        "content_type": "Transactional",
        "country": "Turkey-TR",
    },
    "/otp/send": {
        "result": True,
        "result_code": "TS-1024",
        "result_message": "ok",
        "sms_id": 7,
        "otp_code": "4821",
        "number_of_sms": 1,
        "sms_lang": "Unicode",
        "country": "Turkey-TR",
    },
    "/otp/detailed": {
        "result": True,
        "result_code": "TS-1024",
        "result_message": "ok",
        "sms_id": 8,
        "otp_code": "482133",
        "number_of_sms": 1,
        "sms_lang": "Unicode",
        "country": "Turkey-TR",
    },
    "/group/send": {
        "result": True,
        "result_code": "TS-1024",
        "result_message": "ok",
        "sms_id": 9,
        "number_of_sms": 2,
        "number_of_recipients": 2,
        "blacklisted": [],
        "sms_lang": "Unicode",
        "content_type": "Transactional",
    },
    "/group/sendMixed": {
        "result": True,
        "result_code": "TS-1024",
        "result_message": "ok",
        "sms_id": 10,
        "number_of_sms": 2,
        "number_of_recipients": 2,
        "blacklisted": [],
        "sms_lang": "Unicode",
        "content_type": "Transactional",
    },
    "/groups/create": {
        "result": True,
        "result_code": "TS-1080",
        "result_message": "ok",
        "group": {"id": 5, "name": "VIP", "created_at": "2026-04-03"},
    },
    "/groups/edit": {"result": True, "result_code": "TS-1087", "result_message": "ok", "new_name": "VVIP"},
    "/groups/delete": {"result": True, "result_code": "TS-1088", "result_message": "ok"},
    "/groups/list": {
        "result": True,
        "result_code": "TS-1090",
        "groups_count": 1,
        "groups": [{"id": 5, "name": "VIP", "date": "2026-04-03"}],
    },
    "/contacts/add": {
        "result": True,
        "result_code": "TS-1100",
        "result_message": "ok",
        "group_id": 5,
        "total_sent": 1,
        "total_added": 1,
        "total_failed": 0,
        "mobile": "905321234567",
    },
    "/reports/basic": {
        "result": True,
        "rapor_id": 9,
        "total_numbers": 3,
        "success_count": 1,
        "failed_count": 1,
        "pending_count": 1,
    },
    "/blacklist/add": {"status": "success", "result_code": "TS-1141", "result_message": "ok"},
    "/blacklist/status": {
        "status": "success",
        "result_code": "TS-1142",
        "result_message": "Number not found in blacklist.",
        "is_blocked": False,
    },
    "/sms/status": {
        "status": "success",
        "result_code": "TS-1023",
        "result_message": "not yet",
        "result": True,
        "sender_id": "MyCompany",
        "sms_status": "pending",
        "sms_balance": "1 SMS",
    },
}


def detailed_page(page: int, total_pages: int, per_page: int = 3) -> dict[str, Any]:
    """One page of a detailed report whose numbers encode their page and position."""
    data = [
        {"phone_number": f"9053{page:04d}{i:04d}", "sent_at": "2026-04-03 12:00:00", "sms_status": "ok"}
        for i in range(per_page if page <= total_pages else 0)
    ]
    return {
        "result": True,
        "result_code": "TS-1064",
        "pagination": {
            "current_page": page,
            "total_pages": total_pages,
            "total_records": total_pages * per_page,
        },
        "data": data,
    }


def error_body(code: str, message: str = "refused") -> dict[str, Any]:
    return {"result": False, "result_code": code, "result_message": message}


class FakeAPI:
    """Answers like the API; records every request body; `script` overrides answers per call."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.script: list[Callable[[httpx.Request], httpx.Response] | httpx.Response | Exception] = []
        self.report_pages = 3

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        self.requests.append((request.url.path, body))
        if self.script:
            step = self.script.pop(0)
            if isinstance(step, Exception):
                raise step
            if isinstance(step, httpx.Response):
                return step
            return step(request)
        return self.answer(request.url.path, body)

    def answer(self, path: str, body: dict[str, Any]) -> httpx.Response:
        if body.get("api_key") != KEY:
            return httpx.Response(401, json=error_body("TS-1031", "Invalid or deactivated API key."))
        if path == "/reports/detailed":
            return httpx.Response(200, json=detailed_page(body.get("page", 1), self.report_pages))
        if path in {"/group/send", "/group/sendMixed"}:
            # The batch's own count, as the API answers it (every recipient sent).
            return httpx.Response(200, json={**ANSWERS[path], "number_of_recipients": len(body["sentto"])})
        return httpx.Response(200, json=ANSWERS[path])


@pytest.fixture
def fake() -> FakeAPI:
    return FakeAPI()


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record retry delays instead of waiting them out."""
    delays: list[float] = []

    async def fake_async_sleep(delay: float) -> None:
        delays.append(delay)

    monkeypatch.setattr(_client, "_sleep", delays.append)
    monkeypatch.setattr(_async_client, "_sleep", fake_async_sleep)
    return delays


@pytest.fixture
def client(fake: FakeAPI, sleeps: list[float]) -> Iterator[_client.TurkeySMS]:
    http = httpx.Client(transport=httpx.MockTransport(fake), base_url="http://fake")
    with _client.TurkeySMS(KEY, http_client=http, max_retries=3) as sdk:
        yield sdk


@pytest.fixture
def make_async(fake: FakeAPI, sleeps: list[float]) -> Callable[..., _async_client.AsyncTurkeySMS]:
    def make(handler: Any = None, **kwargs: Any) -> _async_client.AsyncTurkeySMS:
        transport = httpx.MockTransport(handler or fake)
        http = httpx.AsyncClient(transport=transport, base_url="http://fake")
        return _async_client.AsyncTurkeySMS(
            KEY, http_client=http, max_retries=kwargs.pop("max_retries", 3), **kwargs
        )

    return make
