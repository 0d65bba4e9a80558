"""Binding the mock's socket before serving: real sockets, the real port for 0, one-line refusals."""

from __future__ import annotations

import io
import socket

import pytest

from turkeysms_mock import listener


def test_port_zero_binds_a_free_port_that_accepts_connections() -> None:
    with listener.bind("127.0.0.1", 0) as bound:
        port = bound.getsockname()[1]
        assert port != 0
        assert listener.base_url(bound) == f"http://127.0.0.1:{port}"
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass  # it listens already: a client may connect before any server runs


def test_a_taken_port_is_one_line_naming_the_address() -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        with pytest.raises(listener.ListenError) as refused:
            listener.bind("127.0.0.1", port)
    message = str(refused.value)
    assert message.startswith(f"cannot listen on 127.0.0.1:{port}: the port is already in use")
    assert "--port 0" in message
    assert "\n" not in message


def test_a_wildcard_address_is_announced_as_loopback() -> None:
    with listener.bind("0.0.0.0", 0) as bound:
        port = bound.getsockname()[1]
        assert listener.base_url(bound) == f"http://127.0.0.1:{port}"
        out = io.StringIO()
        listener.announce(bound, [], "database x", out)
    assert out.getvalue() == (
        f"turkeysms-mock: serving on http://127.0.0.1:{port} (database x, listening on 0.0.0.0)\n"
    )


def test_announce_prints_each_link_under_the_real_address() -> None:
    with listener.bind("127.0.0.1", 0) as bound:
        base = listener.base_url(bound)
        out = io.StringIO()
        listener.announce(bound, [("API docs", "/docs"), ("inbox", "/")], "database :memory:", out)
    assert out.getvalue().splitlines() == [
        f"turkeysms-mock: serving on {base} (database :memory:)",
        f"turkeysms-mock: API docs  {base}/docs",
        f"turkeysms-mock: inbox     {base}/",
    ]


@pytest.mark.skipif(not socket.has_ipv6, reason="no IPv6 on this machine")
def test_an_ipv6_address_is_bracketed() -> None:
    try:
        bound = listener.bind("::1", 0)
    except listener.ListenError:
        pytest.skip("no IPv6 loopback here")
    with bound:
        assert listener.base_url(bound) == f"http://[::1]:{bound.getsockname()[1]}"
