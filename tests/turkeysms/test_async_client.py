"""AsyncTurkeySMS: the same methods awaited, retries, and bulk chunks in flight under a bound."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

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


def test_async_bulk_lets_in_flight_chunks_land_on_a_fatal_error_and_counts_them(
    make_async: MakeAsync,
) -> None:
    started = 0

    async def api(request: httpx.Request) -> httpx.Response:
        nonlocal started
        started += 1
        if started == 1:
            return httpx.Response(401, json=error_body("TS-1031"))
        await asyncio.sleep(0.01)
        return httpx.Response(200, json=ANSWERS["/group/send"])

    async def scenario() -> turkeysms.BulkAbortedError:
        async with make_async(api) as sdk:
            with pytest.raises(turkeysms.BulkAbortedError) as raised:
                async for _ in sdk.send_bulk(
                    "MyCompany", (f"90532{i:07d}" for i in range(10_000)), "x", chunk_size=5, concurrency=4
                ):
                    pass
            return raised.value

    error = asyncio.run(scenario())
    # No chunk starts after the fatal one; the three already sent are counted, none is in doubt.
    assert started == 4
    assert isinstance(error.error, turkeysms.AuthenticationError) and error.code == "TS-1031"
    assert (error.chunk_index, error.summary.chunks, error.summary.sms_ids) == (0, 3, [9, 9, 9])
    assert error.chunks_in_doubt == ()


def test_async_bulk_refuses_bad_bounds(make_async: MakeAsync) -> None:
    sdk = make_async()
    with pytest.raises(ValueError):
        sdk.send_bulk("MyCompany", [], "x", concurrency=0)
    with pytest.raises(ValueError):
        sdk.send_bulk("MyCompany", [], "x", chunk_size=0)


def _last_first_api(chunks: int) -> Any:
    """Each chunk answers only once every later chunk has: completion order is the reverse of input."""
    answered: dict[int, asyncio.Event] = {}

    async def api(request: httpx.Request) -> httpx.Response:
        sentto = json.loads(request.content)["sentto"]
        index = int(sentto[0][-3:])
        for later in range(index + 1, chunks):
            await answered.setdefault(later, asyncio.Event()).wait()
        answered.setdefault(index, asyncio.Event()).set()
        answer = {**ANSWERS["/group/send"], "sms_id": index, "number_of_recipients": len(sentto)}
        return httpx.Response(200, json=answer)

    return api


def test_async_bulk_keeps_input_order_by_default_and_completion_order_on_request(
    make_async: MakeAsync,
) -> None:
    numbers = [f"905321234{i:03d}" for i in range(4)]

    async def scenario(ordered: bool) -> list[int]:
        async with make_async(_last_first_api(4)) as sdk:
            bulk = sdk.send_bulk("MyCompany", numbers, "x", chunk_size=1, concurrency=4, ordered=ordered)
            return [r.index async for r in bulk]

    assert asyncio.run(scenario(True)) == [0, 1, 2, 3]
    unordered = asyncio.run(scenario(False))
    # Chunks that land in the same loop step come out by index; chunk 0 lands last.
    assert sorted(unordered) == [0, 1, 2, 3] and unordered[-1] == 0


def test_async_bulk_run_returns_the_summary(make_async: MakeAsync) -> None:
    async def scenario() -> turkeysms.BulkSummary:
        async with make_async(_last_first_api(3)) as sdk:
            numbers = [f"905321234{i:03d}" for i in (0, 1, 2)] * 2
            return await sdk.send_bulk("MyCompany", numbers, "x", chunk_size=1, dedupe=True).run()

    summary = asyncio.run(scenario())
    assert sorted(summary.sms_ids) == [0, 1, 2] and summary.sent == 3 and summary.duplicates_skipped == 3
