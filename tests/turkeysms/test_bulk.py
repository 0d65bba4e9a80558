"""send_bulk streams any iterable in chunks: lazily, one result per chunk, memory flat."""

from __future__ import annotations

import gc
import json
import tracemalloc
import warnings
from collections.abc import Iterator

import httpx
import pytest
import yaml

import turkeysms
from turkeysms import TurkeySMS, _bulk
from turkeysms._contract import OPENAPI_PATH

from .conftest import ANSWERS, KEY, FakeAPI, error_body


def numbers(count: int) -> Iterator[str]:
    return (f"905{i:09d}" for i in range(count))


def test_chunks_cover_every_number_once_in_order(client: TurkeySMS, fake: FakeAPI) -> None:
    results = list(client.send_bulk("MyCompany", numbers(2500), "Hi", chunk_size=1000))
    assert [(r.index, len(r.recipients), r.ok) for r in results] == [
        (0, 1000, True),
        (1, 1000, True),
        (2, 500, True),
    ]
    sent = [n for _, body in fake.requests for n in body["sentto"]]
    assert sent == list(numbers(2500))


def test_nothing_is_read_or_sent_before_iteration(client: TurkeySMS, fake: FakeAPI) -> None:
    pulled = 0

    def source() -> Iterator[str]:
        nonlocal pulled
        for number in numbers(50):
            pulled += 1
            yield number

    stream = client.send_bulk("MyCompany", source(), "Hi", chunk_size=10)
    assert (pulled, len(fake.requests)) == (0, 0)
    next(stream)
    assert (pulled, len(fake.requests)) == (10, 1)


def test_a_chunk_refused_for_its_content_is_reported_and_the_rest_goes_on(
    client: TurkeySMS, fake: FakeAPI
) -> None:
    fake.script.append(httpx.Response(400, json=error_body("TS-1072", "Duplicate recipient numbers found.")))
    results = list(client.send_bulk("MyCompany", numbers(30), "Hi", chunk_size=10))
    assert [r.ok for r in results] == [False, True, True]
    assert isinstance(results[0].error, turkeysms.InvalidRequestError) and results[0].error.code == "TS-1072"
    assert results[0].recipients == tuple(numbers(10))


def test_a_fatal_error_ends_the_stream(client: TurkeySMS, fake: FakeAPI) -> None:
    fake.script += [
        httpx.Response(200, json={**ANSWERS["/group/send"], "number_of_recipients": 10}),
        httpx.Response(403, json=error_body("TS-1027")),
    ]
    stream = client.send_bulk("MyCompany", numbers(100), "Hi", chunk_size=10)
    assert next(stream).ok
    with pytest.raises(turkeysms.BulkAbortedError) as raised:
        next(stream)
    assert len(fake.requests) == 2
    error = raised.value
    assert isinstance(error.error, turkeysms.InsufficientBalanceError) and error.code == "TS-1027"
    # Nothing of the refused chunk went out (TS-1027 sends nothing): it is not in doubt.
    assert (error.chunk_index, error.recipients, error.chunks_in_doubt) == (1, tuple(numbers(20))[10:], ())
    assert (error.summary.sms_ids, error.summary.sent, error.summary.credits) == ([9], 10, 2)


def test_chunk_size_must_be_positive(client: TurkeySMS) -> None:
    with pytest.raises(ValueError):
        client.send_bulk("MyCompany", [], "Hi", chunk_size=0)


def _peak_bytes(count: int) -> int:
    canned = json.dumps(ANSWERS["/group/send"]).encode()

    def api(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=canned, headers={"content-type": "application/json"})

    http = httpx.Client(transport=httpx.MockTransport(api), base_url="http://fake")
    with TurkeySMS(KEY, http_client=http) as sdk:
        tracemalloc.start()
        try:
            chunks = 0
            for result in sdk.send_bulk("MyCompany", numbers(count), "Hi", chunk_size=1000):
                chunks += result.ok
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert chunks == -(-count // 1000)
    return peak


@pytest.mark.slow
def test_a_million_recipients_stream_in_flat_memory() -> None:
    small = _peak_bytes(100_000)
    large = _peak_bytes(1_000_000)
    # A list of a million 12-digit strings alone would take about 60 MB; what remains is
    # a few chunk bodies that wait for the cyclic garbage collector, the same at any size.
    assert large < 4 * 1024 * 1024, large
    assert large - small < 1024 * 1024, (small, large)


def _bulk_answer(request: httpx.Request) -> httpx.Response:
    sent = json.loads(request.content)["sentto"]
    blocked = [n for n in sent if n.endswith("99")]
    body = {
        **ANSWERS["/group/send"],
        "sms_id": 100 + len(sent),
        "number_of_sms": 2 * (len(sent) - len(blocked)),
        "number_of_recipients": len(sent) - len(blocked),
        "blacklisted": blocked,
    }
    return httpx.Response(200, json=body)


def test_run_drives_the_send_and_sums_it_up(client: TurkeySMS, fake: FakeAPI) -> None:
    sources = [f"9053212345{i:02d}" for i in range(25)]
    fake.script += [_bulk_answer, httpx.Response(400, json=error_body("TS-1072")), _bulk_answer]
    bulk = client.send_bulk("MyCompany", sources, "Hi", chunk_size=10)
    summary = bulk.run()
    assert summary.sms_ids == [110, 105] and summary.chunks == 3
    assert (summary.sent, summary.refused, summary.credits) == (15, 10, 30)
    assert summary.blacklisted == []
    assert [c.index for c in summary.refused_chunks] == [1]
    assert bulk.summary == summary


def test_blacklisted_numbers_are_counted(client: TurkeySMS, fake: FakeAPI) -> None:
    fake.script.append(_bulk_answer)
    summary = client.send_bulk("MyCompany", ["905321234599", "905321234500"], "Hi").run()
    assert (summary.sent, summary.blacklisted, summary.credits) == (1, ["905321234599"], 2)


def test_dedupe_sends_each_number_once_across_the_whole_stream(client: TurkeySMS, fake: FakeAPI) -> None:
    fake.script += [_bulk_answer] * 3
    stream = ["905321234501", "905321234502", "905321234501", "905321234503", "905321234502"] * 3
    summary = client.send_bulk("MyCompany", stream, "Hi", chunk_size=2, dedupe=True).run()
    sent = [n for _, body in fake.requests for n in body["sentto"]]
    assert sent == ["905321234501", "905321234502", "905321234503"]
    assert (summary.sent, summary.duplicates_skipped, summary.refused) == (3, 12, 0)


def test_the_offending_numbers_of_a_refused_chunk_are_named(client: TurkeySMS, fake: FakeAPI) -> None:
    fake.script += [
        httpx.Response(400, json=error_body("TS-1072")),
        httpx.Response(400, json=error_body("TS-1025")),
    ]
    chunks = ["905321234501", "905321234501", "905321234502", "0532 123", "905321234503", "905321234504"]
    results = list(client.send_bulk("MyCompany", chunks, "Hi", chunk_size=3))
    assert [r.offending for r in results] == [("905321234501",), ("0532 123",)]


def test_the_number_pattern_is_the_specs() -> None:
    spec = yaml.safe_load(OPENAPI_PATH.read_text(encoding="utf-8"))
    assert _bulk.PHONE_PATTERN.pattern == spec["components"]["schemas"]["PhoneNumber"]["pattern"]


def test_a_bulk_send_dropped_unused_warns(client: TurkeySMS, fake: FakeAPI) -> None:
    with pytest.warns(turkeysms.BulkNotSentWarning, match="nothing was sent"):
        client.send_bulk("MyCompany", ["905321234567"], "Hi")
        gc.collect()
    assert fake.requests == []
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        bulk = client.send_bulk("MyCompany", ["905321234567"], "Hi")
        bulk.run()
        del bulk
        gc.collect()
