"""with_options gives a configured copy on the same pool; a user's http_client is never changed or closed."""

from __future__ import annotations

import asyncio

import httpx
import pytest

import turkeysms
from turkeysms import TurkeySMS
from turkeysms._config import USER_AGENT

from .conftest import ANSWERS, KEY


def recording_client(requests: list[httpx.Request], **kwargs: object) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(200, json=ANSWERS["/balance/"])

    return httpx.Client(transport=httpx.MockTransport(handler), **kwargs)  # type: ignore[arg-type]


def test_with_options_copies_settings_and_shares_the_pool() -> None:
    requests: list[httpx.Request] = []
    http = recording_client(requests, base_url="http://fake")
    client = TurkeySMS(KEY, http_client=http, max_retries=3)
    quick = client.with_options(timeout=1.5, max_retries=0, default_headers={"X-Trace": "abc"})
    assert (quick.max_retries, quick.timeout.read, client.max_retries) == (0, 1.5, 3)
    assert quick._http is client._http  # one connection pool
    quick.get_balance()
    client.get_balance()
    assert requests[0].headers["X-Trace"] == "abc" and "X-Trace" not in requests[1].headers
    assert requests[0].extensions["timeout"]["read"] == 1.5
    assert requests[1].extensions["timeout"]["read"] == http.timeout.read  # the user's client's own
    quick.close()  # a copy does not close the pool it shares
    assert not http.is_closed


def test_with_options_validates() -> None:
    client = TurkeySMS(KEY, base_url="http://fake")
    with pytest.raises(ValueError, match="max_retries"):
        client.with_options(max_retries=-1)


def test_a_users_http_client_is_not_mutated_nor_closed() -> None:
    requests: list[httpx.Request] = []
    http = recording_client(requests)
    hooks_before = {name: list(hooks) for name, hooks in http.event_hooks.items()}
    with TurkeySMS(KEY, base_url="http://fake", http_client=http, timeout=7) as client:
        client.get_balance()
    assert str(http.base_url) == "" and http.event_hooks == hooks_before
    assert not http.is_closed
    assert http.timeout == httpx.Timeout(5.0)  # httpx's default, untouched
    assert requests[0].url == "http://fake/balance/"
    assert requests[0].extensions["timeout"]["read"] == 7  # timeout= honoured per request
    assert requests[0].headers["User-Agent"] == USER_AGENT


def test_the_users_own_user_agent_is_kept() -> None:
    requests: list[httpx.Request] = []
    http = recording_client(requests, base_url="http://fake", headers={"User-Agent": "shop/1.0"})
    TurkeySMS(KEY, http_client=http).get_balance()
    assert requests[0].headers["User-Agent"] == "shop/1.0"


def test_a_base_url_conflicting_with_the_http_clients_is_an_error() -> None:
    http = httpx.Client(base_url="http://one")
    with pytest.raises(ValueError, match=r"conflicts with http_client\.base_url"):
        TurkeySMS(KEY, base_url="http://two", http_client=http)
    assert TurkeySMS(KEY, base_url="http://one/", http_client=http).base_url == "http://one"


def test_own_client_gets_the_default_timeout_and_user_agent_from_metadata() -> None:
    requests: list[httpx.Request] = []
    client = TurkeySMS(KEY, base_url="http://fake")
    assert client.timeout == turkeysms.DEFAULT_TIMEOUT
    assert f"turkeysms-python/{turkeysms.__version__}" == USER_AGENT
    client._http = recording_client(requests)
    client.get_balance()
    assert requests[0].headers["User-Agent"] == USER_AGENT
    client.close()
    assert client._http.is_closed


def test_the_async_client_leaves_a_users_client_open_and_unhooked() -> None:
    requests: list[httpx.Request] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(200, json=ANSWERS["/balance/"])

    http = httpx.AsyncClient(transport=httpx.MockTransport(handler), base_url="http://fake")

    async def scenario() -> None:
        async with turkeysms.AsyncTurkeySMS(KEY, http_client=http) as client:
            await client.with_options(timeout=2).get_balance()
        assert not http.is_closed and http.event_hooks == {"request": [], "response": []}
        await http.aclose()

    asyncio.run(scenario())
    assert requests[0].extensions["timeout"]["read"] == 2 and requests[0].headers["User-Agent"] == USER_AGENT
