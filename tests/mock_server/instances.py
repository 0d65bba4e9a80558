"""Two mock instances as two hosts would run them: separate processes and ports on one database."""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

from tests import seeds
from tests.serving import CONSOLE_SCRIPT, MODULE_COMMAND, serving
from turkeysms._contract import result_codes

KEY = "team-key"
SENDER = "TEAM"
TOKEN = "team-control-token"
# 161 GSM-7 characters: two parts, so a debit of one credit instead of two would show in the balance.
TEXT = "A" * 161
COST = 2
TO = "905321234567"


def _documented(family: str) -> tuple[int, str]:
    """The HTTP status and TS code of a refusal, as the spec's catalogue documents it."""
    found = next(code for code in result_codes().values() if code.family == family)
    return found.http_status, found.code


INSUFFICIENT = _documented("insufficient_balance")
RATE_LIMITED = _documented("rate_limit")


def seed(path: Path, main: int) -> Path:
    """One account with `main` credits, one key, one sender ID, no rate limit."""
    team = seeds.account(
        "team",
        [seeds.one_key(KEY)],
        balance={"main": main, "international": 0},
        sender_ids=[{"title": SENDER, "status": "active"}],
    )
    return seeds.write(path, {"accounts": [team]})


@dataclass
class Instance:
    """One running `turkeysms-mock`: its base URL and its process (the leader of its own group)."""

    name: str
    base: str
    pid: int

    def client(self) -> httpx.Client:
        """A keep-alive client carrying the control token (the API operations ignore it)."""
        return httpx.Client(base_url=self.base, timeout=30, headers={"X-Mock-Token": TOKEN})


@contextmanager
def pair(workdir: Path, database: str, seed_file: Path, *extra: str) -> Iterator[tuple[Instance, Instance]]:
    """Instance A (`python -m turkeysms_mock`) and B (the console script) on `database`, started at
    once, as a team's deployment starts its hosts: both prepare the schema and the seed concurrently."""
    args = ("--db", database, "--seed", str(seed_file), "--control-token", TOKEN, *extra)
    contexts = [
        serving(workdir, *args, log=workdir / f"{name}.log", command=command)
        for name, command in (("a", MODULE_COMMAND), ("b", CONSOLE_SCRIPT))
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(context.__enter__) for context in contexts]
    with ExitStack() as stack:
        started = []
        for name, context, future in zip("ab", contexts, futures, strict=True):
            if future.exception() is None:
                stack.push(context.__exit__)  # stopped however the other one fared
                base, process = future.result()
                started.append(Instance(name, base, process.pid))
        for future in futures:
            if (error := future.exception()) is not None:
                raise error
        yield started[0], started[1]


def send(client: httpx.Client) -> tuple[int, dict[str, Any]]:
    """One two-part send; the HTTP status and the envelope."""
    response = client.post(
        "/sms/send", json={"api_key": KEY, "title": SENDER, "text": TEXT, "sentto": TO, "sms_lang": 0}
    )
    return response.status_code, response.json()


def balance(client: httpx.Client) -> int:
    response = client.post("/balance/", json={"api_key": KEY})
    assert response.status_code == 200, response.text
    main: int = response.json()["balance"]["main"]
    return main


def stored_ids(client: httpx.Client) -> list[int]:
    """The sms_id of every stored message, every page of /_mock/messages (one recipient per send)."""
    found: list[int] = []
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 1000}
        if cursor is not None:
            params["cursor"] = cursor
        response = client.get("/_mock/messages", params=params)
        assert response.status_code == 200, response.text
        page = response.json()
        found.extend(message["sms_id"] for message in page["messages"])
        cursor = page["next_cursor"]
        if cursor is None:
            return found


def _children(pid: int) -> set[int]:
    """`pid` and its descendants (a supervisor's forked workers), read from /proc."""
    found, todo = set(), [pid]
    while todo:
        current = todo.pop()
        found.add(current)
        try:
            listed = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        todo.extend(int(child) for child in listed)
    return found


def _socket_inodes(pids: set[int]) -> set[str]:
    inodes = set()
    for pid in pids:
        try:
            descriptors = list(Path(f"/proc/{pid}/fd").iterdir())
        except OSError:
            continue
        for descriptor in descriptors:
            try:
                target = os.readlink(descriptor)
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    return inodes


def owns_connection(pid: int, client_port: int) -> bool:
    """Whether the process group led by `pid` holds the loopback TCP socket bound to `client_port`.

    A webhook names no sender, and two instances post to one receiver: the receiver tells which one
    is calling from the caller's socket (Linux: /proc/net/tcp names each socket's inode).
    """
    wanted = f":{client_port:04X}"
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError), open(table, encoding="ascii") as lines:
            next(lines, None)
            for line in lines:
                fields = line.split()
                if fields[1].endswith(wanted):
                    inodes.add(fields[9])
    return bool(inodes & _socket_inodes(_children(pid)))


@dataclass
class Receipt:
    """One webhook POST as the receiver read it, and whether the watched instance sent it."""

    key: tuple[int, str, str]  # (sms_id, phone_number, status): one event
    from_watched: bool


@dataclass
class GatedReceiver:
    """A webhook receiver that answers 204, or, while its gate is closed, holds every call unanswered.

    Until `on_watched` has run, each arrival is checked against the watched process group; the first
    one from it while the gate is closed runs `on_watched` in the handler's thread at once (its
    sender is still waiting for the answer).
    """

    url: str = ""
    receipts: list[Receipt] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    gate: threading.Event = field(default_factory=threading.Event)
    watched_pid: int | None = None
    on_watched: Callable[[Receipt], None] | None = None
    caught: Receipt | None = None
    watched_gone: threading.Event = field(default_factory=threading.Event)

    def arrived(self, body: bytes, client_port: int) -> None:
        data = json.loads(body)["data"]
        key = (int(data["sms_id"]), str(data["phone_number"]), str(data["status"]))
        held = not self.gate.is_set()
        watched = (
            not self.watched_gone.is_set()
            and self.watched_pid is not None
            and owns_connection(self.watched_pid, client_port)
        )
        receipt = Receipt(key, watched)
        with self.lock:
            self.receipts.append(receipt)
            first = watched and held and self.caught is None
            if first:
                self.caught = receipt
        if first and self.on_watched is not None:
            self.on_watched(receipt)
            self.watched_gone.set()


@contextmanager
def gated_receiving() -> Iterator[GatedReceiver]:
    receiver = GatedReceiver()
    receiver.gate.set()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            receiver.arrived(body, self.client_address[1])
            receiver.gate.wait(timeout=30)
            with contextlib.suppress(OSError):  # the sender may have given up (timeout) or died
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:  # the base class's name
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    receiver.url = f"http://127.0.0.1:{server.server_port}/hooks/sms"
    try:
        yield receiver
    finally:
        receiver.gate.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
