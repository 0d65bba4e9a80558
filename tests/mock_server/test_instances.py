"""Two mock instances on one database, as a team runs them: no overspend, a kill -9 loses nothing, one state."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.mock_server import instances
from tests.mock_server.instances import COST, INSUFFICIENT, KEY, RATE_LIMITED, TO, Instance, pair
from tests.postgres import ENGINES, DatabaseFactory
from turkeysms_mock.domain.webhooks import Policy

pytestmark = pytest.mark.slow

THREADS = 8
SENDS_PER_THREAD = 500
# Pays for 2,500 of the 4,000 two-part sends; the odd credit left shows that no send took one.
START = 2 * 2500 + 1


ON_EACH_ENGINE = [pytest.param(name, marks=getattr(pytest.mark, name)) for name in ENGINES]


def new_database(engine: str, request: pytest.FixtureRequest, directory: Path) -> str:
    """A database no mock has started on: a SQLite file in `directory`, or a new one on the session's
    PostgreSQL (tests/conftest.py); the two instances create its schema together."""
    if engine == "sqlite":
        return str(directory / "team.sqlite3")
    factory: DatabaseFactory = request.getfixturevalue("postgresql_database")
    return factory()


@pytest.fixture(scope="module", params=ON_EACH_ENGINE)
def running(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Instance, Instance]]:
    """Both instances for the module's tests (each resets them first)."""
    workdir = tmp_path_factory.mktemp(f"team-{request.param}")
    url = new_database(request.param, request, workdir)
    with pair(workdir, url, instances.seed(workdir / "seed.yaml", START)) as both:
        yield both


@pytest.fixture
def team(running: tuple[Instance, Instance]) -> tuple[Instance, Instance]:
    """Both instances, reset (through A) to the seed before the test."""
    with running[0].client() as client:
        assert client.post("/_mock/reset", json={}).status_code == 200
    return running


def _run_sends(a: Instance, b: Instance, per_thread: int) -> list[tuple[int, dict[str, Any]]]:
    """THREADS threads, each alternating its sends between A and B on two keep-alive connections."""

    def thread(index: int) -> list[tuple[int, dict[str, Any]]]:
        with a.client() as to_a, b.client() as to_b:
            return [instances.send((to_a, to_b)[(index + n) % 2]) for n in range(per_thread)]

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        return [answer for answers in pool.map(thread, range(THREADS)) for answer in answers]


def test_two_instances_never_overspend_or_repeat_an_id(team: tuple[Instance, Instance]) -> None:
    a, b = team
    lowest: list[int] = []
    done = threading.Event()

    def watch() -> None:
        # The balance as either instance reads it while the sends run: it never goes below zero.
        with a.client() as to_a, b.client() as to_b:
            while not done.is_set():
                lowest.append(min(instances.balance(to_a), instances.balance(to_b)))
                done.wait(0.25)  # a sample, not a second load on the instances

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        answers = _run_sends(a, b, SENDS_PER_THREAD)
    finally:
        done.set()
        watcher.join()
    accepted = [body for status, body in answers if status == 200]
    refused = Counter((status, body["result_code"]) for status, body in answers if status != 200)
    ids = [body["sms_id"] for body in accepted]
    assert len(answers) == THREADS * SENDS_PER_THREAD
    assert all(body["result"] is True for body in accepted)
    assert len(set(ids)) == len(ids)
    assert refused == {INSUFFICIENT: len(answers) - len(accepted)}
    with a.client() as to_a, b.client() as to_b:
        final = instances.balance(to_b)
        assert instances.balance(to_a) == final
        assert len(accepted) * COST == START - final
        assert final == START % COST  # the sends stopped only when the balance could not pay
        assert min(lowest) >= 0
        stored = instances.stored_ids(to_b)
    assert len(stored) == len(accepted)
    assert set(stored) == set(ids)


def test_control_state_is_shared_by_every_instance(team: tuple[Instance, Instance]) -> None:
    a, b = team
    with a.client() as to_a, b.client() as to_b:
        assert instances.send(to_b)[0] == 200
        # A clock advance through A: B tells the same time at once.
        moved = to_a.post("/_mock/clock", json={"advance": 7200, "wait": 0}).json()["now"]
        seen = to_b.get("/_mock/health").json()["now"]
        assert 7200 - 1 < datetime.fromisoformat(seen).timestamp() - time.time() < 7200 + 60
        assert datetime.fromisoformat(seen) >= datetime.fromisoformat(moved)
        # A fault rule made through A: its 5 requests are taken once each by 24 sends over both.
        rule = {"kind": "code", "code": "TS-1030", "operation": "/sms/send", "count": 5}
        assert to_a.post("/_mock/faults", json=rule).status_code == 201
        codes = Counter(body["result_code"] for _, body in _burst(a, b, 24))
        assert codes["TS-1030"] == 5
        assert [f["remaining"] for f in to_b.get("/_mock/faults").json()["faults"]] == [0]
        # A rate limit set through A is one rolling minute (of the shared clock) for both.
        to_a.post("/_mock/clock", json={"advance": 120, "wait": 0})
        limit = {"rate_limit_per_minute": 10}
        assert to_a.patch("/_mock/accounts/team", json=limit).status_code == 200
        answers = Counter((status, body["result_code"]) for status, body in _burst(a, b, 30))
        assert answers == {(200, "TS-1024"): 10, RATE_LIMITED: 20}
        assert len(instances.stored_ids(to_b)) == 1 + 19 + 10
        # A reset through A: B sees the seed again, no messages, no rule, the clock back to real time.
        assert to_a.post("/_mock/reset", json={}).status_code == 200
        assert instances.stored_ids(to_b) == []
        assert instances.balance(to_b) == START
        assert to_b.get("/_mock/faults").json()["faults"] == []
        now = datetime.fromisoformat(to_b.get("/_mock/health").json()["now"]).timestamp()
        assert abs(now - time.time()) < 60


def _burst(a: Instance, b: Instance, sends: int) -> list[tuple[int, dict[str, Any]]]:
    """`sends` sends at once, every other one through B, one connection each."""

    def one(index: int) -> tuple[int, dict[str, Any]]:
        with (a, b)[index % 2].client() as client:
            return instances.send(client)

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        return list(pool.map(one, range(sends)))


# The kill test's webhook timeout: short, so that the killed instance's lease lapses within seconds.
KILL_TIMEOUT_S = 0.2
KILL_SENDS_PER_THREAD = 75  # at least; each thread also sends AFTER_KILL more once A is dead
AFTER_KILL = 10
# Worker processes per instance, each with one webhook sender (no clock call reaches A, so no other).
KILLED_SENDERS = 2
KILL_START = 2 * 300  # pays for 300 sends: every event and attempt fits one /_mock/webhooks page


@dataclass
class Outcome:
    instance: str
    status: int | None  # None: unanswered (the connection broke), so it may or may not be stored
    body: dict[str, Any]
    after_kill: bool


@pytest.mark.parametrize("engine", ON_EACH_ENGINE)
def test_a_kill_9_of_one_instance_loses_no_send_and_no_webhook(
    engine: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    url = new_database(engine, request, tmp_path)
    seed = instances.seed(tmp_path / "seed.yaml", KILL_START)
    options = (
        *("--delivery-delay", "0", "--webhook-backoff", "1", "--webhook-timeout", str(KILL_TIMEOUT_S)),
        *("--webhook-attempts", "20", "--workers", str(KILLED_SENDERS)),
    )
    killed = threading.Event()
    outcomes: list[Outcome] = []
    with instances.gated_receiving() as receiver, pair(tmp_path, url, seed, *options) as (a, b):

        def kill_a(_: instances.Receipt) -> None:
            # In the receiver's thread, while A still waits for this answer: A dies holding its lease.
            os.killpg(a.pid, signal.SIGKILL)
            killed.set()

        receiver.watched_pid, receiver.on_watched = a.pid, kill_a
        with a.client() as to_a:
            hook = {"api_key": KEY, "url": receiver.url, "secret": "team-secret"}
            assert to_a.post("/_mock/webhook", json=hook).status_code == 200
        stop = threading.Event()

        def thread(index: int) -> None:
            sent = after = 0
            with a.client() as to_a, b.client() as to_b:
                while not stop.is_set() and (sent < KILL_SENDS_PER_THREAD or after < AFTER_KILL):
                    instance, client = ((a, to_a), (b, to_b))[(index + sent) % 2]
                    dead = killed.is_set()
                    try:
                        status, body = instances.send(client)
                    except httpx.TransportError:
                        status, body = None, {}
                    outcomes.append(Outcome(instance.name, status, body, dead))
                    sent, after = sent + 1, after + dead

        senders = [threading.Thread(target=thread, args=(i,)) for i in range(THREADS)]
        for sender in senders:
            sender.start()
        try:
            _wait_for(lambda: len(receiver.receipts) >= 5, "webhooks never reached the receiver")
            receiver.gate.clear()  # from now on both instances' senders hang on every call
            _wait_for(killed.is_set, "instance A never called the receiver while it held calls")
        finally:
            receiver.gate.set()
            if not killed.is_set():
                stop.set()  # the test failed: the senders must not wait for a kill that never comes
            for sender in senders:
                sender.join()
        with b.client() as to_b:
            history = _settle(to_b)
            stored = instances.stored_ids(to_b)
            final = instances.balance(to_b)
    _check_sends(outcomes, stored, final)
    _check_webhooks(history, stored, receiver)


def _check_sends(outcomes: list[Outcome], stored: list[int], final: int) -> None:
    """Every send answered as sent is stored and billed; the only others stored were cut off."""
    answered = {o.body["sms_id"] for o in outcomes if o.status == 200}
    unanswered = sum(1 for o in outcomes if o.status is None)
    assert answered <= set(stored)
    assert len(stored) - len(answered) <= unanswered
    assert len(set(stored)) == len(stored)
    assert KILL_START - final == len(stored) * COST
    assert {(o.status, o.body["result_code"]) for o in outcomes if o.status not in (None, 200)} <= {
        INSUFFICIENT
    }
    # The run went on across the kill: B answered sends after it, A none.
    assert any(o.after_kill and o.instance == "b" and o.status is not None for o in outcomes)
    assert not any(o.after_kill and o.instance == "a" and o.status is not None for o in outcomes)


def _check_webhooks(history: dict[str, Any], stored: list[int], receiver: instances.GatedReceiver) -> None:
    """Each stored send's event delivered once as the mock records it; the receiver got nothing more
    than the recorded attempts, but for the calls A was making when it died (at least once)."""
    assert len(history["attempts"]) < 1000  # the listing's limit: the whole history is here
    assert history["pending"] == []
    delivered = Counter(
        (t["sms_id"], t["recipient"], t["status"]) for t in history["attempts"] if t["outcome"] == "delivered"
    )
    assert delivered == Counter({(sms_id, TO, "delivered"): 1 for sms_id in stored})
    recorded = Counter((t["sms_id"], t["recipient"], t["status"]) for t in history["attempts"])
    received = Counter(receipt.key for receipt in receiver.receipts)
    assert recorded - received == Counter()  # every recorded attempt reached the receiver
    unrecorded = received - recorded
    # A was killed while making this call, so it never recorded it: its claim lapsed, B delivered it.
    assert receiver.caught is not None
    assert unrecorded[receiver.caught.key] == 1
    # Nothing else goes unrecorded but what A's other senders had on the wire when it died: one call
    # each at most (B records every attempt it makes, and A made none after it died).
    assert sum(unrecorded.values()) <= KILLED_SENDERS


def _wait_for(condition: Callable[[], bool], message: str, timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, message
        time.sleep(0.005)


def _settle(client: httpx.Client) -> dict[str, Any]:
    """Advance the survivor's clock until nothing waits: retries come due, the dead lease lapses."""
    deadline = time.monotonic() + Policy(timeout_s=KILL_TIMEOUT_S).lease_s + 30
    while True:
        client.post("/_mock/clock", json={"advance": 60, "wait": 1})
        history: dict[str, Any] = client.get("/_mock/webhooks").json()
        if not history["pending"]:
            return history
        assert time.monotonic() < deadline, history["pending"]
        time.sleep(0.2)
