"""The mock's listening socket, bound here before any server starts, and the lines that say where it is."""

from __future__ import annotations

import errno
import ipaddress
import socket
from collections.abc import Sequence
from typing import TextIO

BACKLOG = 1024  # connections wait here while the workers start
PROGRAM = "turkeysms-mock"


class ListenError(Exception):
    """The address cannot be listened on; the message is one line for the user."""


def _reason(error: OSError) -> str:
    if error.errno == errno.EADDRINUSE:
        return "the port is already in use (stop the other server, or pass --port 0 for a free port)"
    if error.errno == errno.EACCES:
        return "permission denied (ports below 1024 need privileges; pick a higher --port)"
    if error.errno == errno.EADDRNOTAVAIL:
        return "no interface of this machine has that address (try --host 127.0.0.1)"
    return error.strerror or str(error)


def bind(host: str, port: int, backlog: int = BACKLOG) -> socket.socket:
    """A socket bound to (host, port) and listening; port 0 takes a free port."""
    shown = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        raise ListenError(f"cannot listen on {shown}: unknown host ({error.strerror})") from None
    family, _, _, _, address = found[0]
    try:
        # SO_REUSEADDR (set by create_server) lets a restart reuse a port in TIME_WAIT; a port that
        # another socket listens on still fails with EADDRINUSE.
        return socket.create_server(address, family=family, backlog=backlog)
    except OSError as error:
        raise ListenError(f"cannot listen on {shown}: {_reason(error)}") from None


def base_url(listener: socket.socket) -> str:
    """The URL a client on this machine uses: the bound address and real port, loopback for a wildcard."""
    host, port = listener.getsockname()[:2]
    address = ipaddress.ip_address(host)
    if address.is_unspecified:
        address = ipaddress.ip_address("::1" if address.version == 6 else "127.0.0.1")
    shown = f"[{address}]" if address.version == 6 else str(address)
    return f"http://{shown}:{port}"


def announce(listener: socket.socket, links: Sequence[tuple[str, str]], detail: str, out: TextIO) -> None:
    """Print where the mock listens (only ever called once the socket is bound), then each (label, path)."""
    url = base_url(listener)
    bound_host = listener.getsockname()[0]
    suffix = f", listening on {bound_host}" if ipaddress.ip_address(bound_host).is_unspecified else ""
    print(f"{PROGRAM}: serving on {url} ({detail}{suffix})", file=out)
    width = max((len(label) for label, _ in links), default=0)
    for label, path in links:
        print(f"{PROGRAM}: {label.ljust(width)}  {url}{path}", file=out)
    out.flush()
