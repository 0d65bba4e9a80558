"""send_bulk streams any iterable in chunks: lazily, one result per chunk, memory flat."""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Iterator

import httpx
import pytest

import turkeysms
from turkeysms import TurkeySMS

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
        httpx.Response(200, json=ANSWERS["/group/send"]),
        httpx.Response(403, json=error_body("TS-1027")),
    ]
    stream = client.send_bulk("MyCompany", numbers(100), "Hi", chunk_size=10)
    assert next(stream).ok
    with pytest.raises(turkeysms.InsufficientBalanceError):
        next(stream)
    assert len(fake.requests) == 2


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
