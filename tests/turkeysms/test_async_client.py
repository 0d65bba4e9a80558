"""AsyncTurkeySMS: the same methods awaited, retries, and bulk chunks in flight under a bound."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable

import httpx
import pytest

import turkeysms
from turkeysms import AsyncTurkeySMS

from .conftest import ANSWERS, FakeAPI, error_body

MakeAsync = Callable[..., AsyncTurkeySMS]


def test_every_method_works_awaited(make_async: MakeAsync, fake: FakeAPI) -> None:
    async def scenario() -> None:
        async with make_async() as sdk:
            assert (await sdk.check_auth()).result_code == "TS-1000"
            assert (await sdk.get_balance()).balance.main == 1500
            assert (await sdk.list_sender_ids()).sender_ids
            assert (await sdk.send_sms("MyCompany", "905321234567", "Hi")).sms_id == 1000007721
            assert (await sdk.send_otp("905321234567")).otp_code == "4821"
            assert (await sdk.send_custom_otp("MyCompany", "905321234567", "TS-CODE")).sms_id == 8
            assert [r.index async for r in sdk.send_bulk("MyCompany", ["905321234567"], "Hi")] == [0]
            assert (await sdk.send_mixed("MyCompany", [("905321234567", "A")])).sms_id == 10
            assert (await sdk.create_group("VIP")).group.name == "VIP"
            assert (await sdk.rename_group(5, "VVIP")).new_name == "VVIP"
            assert (await sdk.delete_group(5)).result_code == "TS-1088"
            assert (await sdk.list_groups()).groups_count == 1
            assert (await sdk.add_contact(5, "905321234567")).mobile == "905321234567"
            assert (await sdk.get_report(9)).total_numbers == 3
            assert len([r async for r in sdk.iter_report_records(9)]) == 9
            assert (await sdk.get_status(9)).result_code == "TS-1023"
            assert (await sdk.blacklist_add("905321234567")).result_code == "TS-1141"
            assert (await sdk.blacklist_status("905321234567")).result_code == "TS-1142"

    asyncio.run(scenario())
    assert len(set(fake.paths())) == 18


def test_async_errors_and_retries(make_async: MakeAsync, fake: FakeAPI, sleeps: list[float]) -> None:
    fake.script += [
        httpx.ConnectError("refused"),
        httpx.Response(403, json=error_body("TS-1060")),
        httpx.Response(200, json=ANSWERS["/balance/"]),
        httpx.ReadTimeout("no answer"),
        httpx.Response(403, json=error_body("TS-1027")),
    ]

    async def scenario() -> None:
        async with make_async() as sdk:
            assert (await sdk.get_balance()).balance.main == 1500
            with pytest.raises(turkeysms.APITimeoutError):
                await sdk.send_sms("MyCompany", "905321234567", "Hi")
            with pytest.raises(turkeysms.InsufficientBalanceError):
                await sdk.send_sms("MyCompany", "905321234567", "Hi")

    asyncio.run(scenario())
    assert len(sleeps) == 2 and len(fake.requests) == 5


def test_async_bulk_keeps_at_most_the_bound_in_flight(make_async: MakeAsync) -> None:
    in_flight = 0
    peak = 0
    seen: list[list[str]] = []

    async def slow_api(request: httpx.Request) -> httpx.Response:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        seen.append(json.loads(request.content)["sentto"])
        await asyncio.sleep(0.01)
        in_flight -= 1
        return httpx.Response(200, json=ANSWERS["/group/send"])

    async def numbers() -> AsyncIterator[str]:
        for i in range(95):
            yield f"90532{i:07d}"

    async def scenario() -> list[int]:
        async with make_async(slow_api) as sdk:
            return [
                r.index
                async for r in sdk.send_bulk("MyCompany", numbers(), "Hi", chunk_size=10, concurrency=3)
            ]

    indexes = asyncio.run(scenario())
    assert sorted(indexes) == list(range(10))
    assert peak == 3
    assert sum(len(chunk) for chunk in seen) == 95 and max(len(chunk) for chunk in seen) == 10


def test_async_bulk_cancels_in_flight_chunks_on_a_fatal_error(make_async: MakeAsync) -> None:
    started = 0
    cancelled = 0

    async def api(request: httpx.Request) -> httpx.Response:
        nonlocal started, cancelled
        started += 1
        if started == 1:
            return httpx.Response(401, json=error_body("TS-1031"))
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            cancelled += 1
            raise
        return httpx.Response(200, json=ANSWERS["/group/send"])

    async def scenario() -> None:
        async with make_async(api) as sdk:
            with pytest.raises(turkeysms.AuthenticationError):
                async for _ in sdk.send_bulk(
                    "MyCompany", (f"90532{i:07d}" for i in range(10_000)), "x", chunk_size=5, concurrency=4
                ):
                    pass

    asyncio.run(scenario())
    assert started == 4 and cancelled == 3


def test_async_bulk_refuses_bad_bounds(make_async: MakeAsync) -> None:
    sdk = make_async()
    with pytest.raises(ValueError):
        sdk.send_bulk("MyCompany", [], "x", concurrency=0)
    with pytest.raises(ValueError):
        sdk.send_bulk("MyCompany", [], "x", chunk_size=0)
