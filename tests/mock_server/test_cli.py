"""The real server via the CLI: several workers, restarts and kill -9, logs without keys."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests import seeds
from tests.conftest import both_engines
from tests.serving import post, serving

pytestmark = pytest.mark.slow

SECRET_KEY = "sk-very-secret-4f1c"


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    acme = seeds.account(
        "acme",
        [seeds.one_key(SECRET_KEY)],
        balance={"main": 300, "international": 0},
        sender_ids=[{"title": "ACME", "status": "active"}],
    )
    return seeds.write(tmp_path / "seed.yaml", {"accounts": [acme]})


def test_demo_account_and_quick_health(tmp_path: Path) -> None:
    with serving(tmp_path, "--db", "demo.sqlite3") as (base, _):
        status, body = post(base, "/balance/", {"api_key": "test-key"})
        assert (status, body["balance"]) == (200, {"main": 1500, "international": 250})
    assert "test-key" in (tmp_path / "server.log").read_text()  # printed at start, as documented


@both_engines
def test_concurrent_sends_never_overspend_or_repeat_an_id(
    tmp_path: Path, seed: Path, database_target: str
) -> None:
    with serving(
        tmp_path, "--db", database_target, "--seed", str(seed), "--workers", "3", "--threads", "2"
    ) as (
        base,
        _,
    ):
        body = {
            "api_key": SECRET_KEY,
            "title": "ACME",
            "text": "A" * 161,
            "sentto": "905321234567",
            "sms_lang": 0,
        }

        def one(_: int) -> tuple[int, dict[str, Any]]:
            return post(base, "/sms/send", body)

        with ThreadPoolExecutor(max_workers=24) as pool:
            answers = list(pool.map(one, range(240)))
        accepted = [a for s, a in answers if s == 200]
        refused = [a["result_code"] for s, a in answers if s != 200]
        ids = [a["sms_id"] for a in accepted]
        assert len(accepted) == 150  # 300 credits, 2 parts each
        assert set(refused) == {"TS-1027"}
        assert len(set(ids)) == len(ids)
        status, balance = post(base, "/balance/", {"api_key": SECRET_KEY})
        assert status == 200
        assert balance["balance"]["main"] == 0


@both_engines
def test_answered_sends_survive_restart_and_kill_9(tmp_path: Path, seed: Path, database_target: str) -> None:
    args = ("--db", database_target, "--seed", str(seed))
    with serving(tmp_path, *args) as (base, _):
        first = post(
            base, "/sms/send", {"api_key": SECRET_KEY, "title": "ACME", "text": "x", "sentto": "905321234567"}
        )
    with serving(tmp_path, *args) as (base, process):
        assert post(base, "/sms/status", {"api_key": SECRET_KEY, "sms_id": first[1]["sms_id"]})[0] == 200
        group = post(base, "/groups/create", {"api_key": SECRET_KEY, "group_name": "Kept"})[1]["group"]["id"]
        second = post(
            base, "/sms/send", {"api_key": SECRET_KEY, "title": "ACME", "text": "y", "sentto": "905321234567"}
        )
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    with serving(tmp_path, *args) as (base, _):
        assert post(base, "/sms/status", {"api_key": SECRET_KEY, "sms_id": second[1]["sms_id"]})[0] == 200
        groups = post(base, "/groups/list", {"api_key": SECRET_KEY})[1]["groups"]
        assert [g["id"] for g in groups] == [group]
        assert post(base, "/balance/", {"api_key": SECRET_KEY})[1]["balance"]["main"] == 298


def test_memory_database_serves_with_threads(tmp_path: Path) -> None:
    with serving(tmp_path, "--db", ":memory:") as (base, _):
        assert post(base, "/balance/", {"api_key": "test-key"})[0] == 200


def test_api_keys_never_reach_the_logs(tmp_path: Path, seed: Path) -> None:
    log = tmp_path / "access.log"
    with serving(tmp_path, "--db", "l.sqlite3", "--seed", str(seed), "--access-log", "-", log=log) as (
        base,
        _,
    ):
        post(
            base, "/sms/send", {"api_key": SECRET_KEY, "title": "ACME", "text": "x", "sentto": "905321234567"}
        )
        post(base, "/balance/?api_key=" + SECRET_KEY, {"api_key": SECRET_KEY})
        post(base, "/nowhere", {"api_key": SECRET_KEY})
    text = log.read_text()
    assert "POST /sms/send" in text  # the access log is on
    assert SECRET_KEY not in text


def test_bad_seed_is_refused_before_serving(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("accounts: [{name: x, api_keys: [{key: k, permissions: [fly]}]}]", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "turkeysms_mock", "--seed", str(bad), "--db", str(tmp_path / "x.sqlite3")],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert "fly" in result.stderr
