"""The SDK and its command line against the real mock server: in-process (WSGI) and over a socket."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import turkeysms
from tests.serving import CONSOLE_SCRIPT, serving
from turkeysms import AsyncTurkeySMS, TurkeySMS
from turkeysms.cli import main as cli_main
from turkeysms_mock import create_app

DEMO_KEY = "test-key"


@pytest.fixture
def inproc() -> Iterator[TurkeySMS]:
    app = create_app({"DATABASE": ":memory:"})
    http = httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://mock")
    with TurkeySMS(DEMO_KEY, http_client=http) as sdk:
        yield sdk


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(tmp_path_factory.mktemp("mock"), "--db", "mock.sqlite3", command=CONSOLE_SCRIPT) as (url, _):
        yield url


def _exercise_every_method(sdk: TurkeySMS) -> None:
    assert sdk.check_auth().key_details.status == "Active"
    before = sdk.get_balance().balance.main
    assert {s.title for s in sdk.list_sender_ids().sender_ids} >= {"TurkeySMS", "MyCompany"}
    sent = sdk.send_sms("MyCompany", "905321234567", "Merhaba", sms_lang=0)
    assert sent.number_of_sms == 1
    assert sdk.get_balance().balance.main == before - 1
    assert sdk.get_status(sent.sms_id).result_code in {"TS-1023", "TS-1064"}
    assert sdk.get_report(sent.sms_id).total_numbers == 1
    assert [r.phone_number for r in sdk.iter_report_records(sent.sms_id)] == ["905321234567"]
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    assert sdk.send_sms("MyCompany", "905321234568", "later", scheduled_at=later).sms_id > sent.sms_id
    assert sdk.send_otp("905321234567", digits=6).otp_code.isdigit()
    assert len(sdk.send_custom_otp("MyCompany", "905321234567", "Kod: TS-CODE", digits=5).otp_code) == 5
    results = list(sdk.send_bulk("MyCompany", (f"90532123{i:04d}" for i in range(25)), "Hi", chunk_size=10))
    assert [len(r.recipients) for r in results if r.ok] == [10, 10, 5]
    assert sdk.send_mixed("MyCompany", [("905321234567", "A"), ("905321234568", "B")]).number_of_sms == 2
    group = sdk.create_group(f"VIP {sent.sms_id}").group
    assert sdk.rename_group(group.id, f"VVIP {sent.sms_id}").new_name == f"VVIP {sent.sms_id}"
    assert sdk.add_contact(group.id, "905321234567", name="Ada").group_id == group.id
    assert group.id in {g.id for g in sdk.list_groups().groups}
    assert sdk.delete_group(group.id).result_code == "TS-1088"
    with pytest.raises(turkeysms.NotFoundError):
        sdk.rename_group(group.id, "gone")
    number = f"9053299{sent.sms_id % 100000:05d}"
    assert sdk.blacklist_status(number).is_blocked is False
    assert sdk.blacklist_add(number).result_code == "TS-1141"
    assert sdk.blacklist_status(number).result_code == "TS-1143"
    with pytest.raises(turkeysms.ConflictError):
        sdk.blacklist_add(number)


def test_every_method_in_process(inproc: TurkeySMS) -> None:
    _exercise_every_method(inproc)


def test_every_method_over_a_socket(server: str) -> None:
    with TurkeySMS(DEMO_KEY, base_url=server) as sdk:
        _exercise_every_method(sdk)


def test_error_families_from_the_mock(inproc: TurkeySMS) -> None:
    with pytest.raises(turkeysms.SenderIdError) as caught:
        inproc.send_sms("Unknown", "905321234567", "x")
    assert caught.value.code == "TS-1029"
    with pytest.raises(turkeysms.InvalidRequestError):
        inproc.send_sms("MyCompany", "12", "x")
    with pytest.raises(turkeysms.InsufficientBalanceError):
        inproc.send_sms("MyCompany", "905321234567", "x" * 160 * 2000, sms_lang=0)
    with pytest.raises(turkeysms.InvalidRequestError) as dup:
        inproc.send_mixed("MyCompany", [("905321234567", "a"), ("905321234567", "b")])
    assert dup.value.code == "TS-1072"


def test_a_wrong_key_is_an_authentication_error_without_the_key(server: str) -> None:
    with (
        TurkeySMS("wrong-key-123456", base_url=server) as sdk,
        pytest.raises(turkeysms.AuthenticationError) as caught,
    ):
        sdk.get_balance()
    assert caught.value.code == "TS-1031" and "wrong-key-123456" not in str(caught.value)


def test_async_client_over_a_socket(server: str) -> None:
    async def scenario() -> list[int]:
        async with AsyncTurkeySMS(DEMO_KEY, base_url=server) as sdk:
            assert (await sdk.get_balance()).balance.international >= 0
            numbers = (f"90533{i:07d}" for i in range(40))
            return [
                len(r.recipients)
                async for r in sdk.send_bulk("MyCompany", numbers, "Hi", chunk_size=10, concurrency=3)
                if r.ok
            ]

    assert sorted(asyncio.run(scenario())) == [10, 10, 10, 10]


def test_cli_against_the_mock(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TURKEYSMS_API_KEY", DEMO_KEY)
    monkeypatch.setenv("TURKEYSMS_BASE_URL", server)
    assert cli_main(["balance"]) == 0
    assert json.loads(capsys.readouterr().out)["result_code"] == "TS-1040"
    assert cli_main(["send", "--title", "MyCompany", "--to", "905321234567", "--text", "cli"]) == 0
    sms_id = json.loads(capsys.readouterr().out)["sms_id"]
    assert cli_main(["status", str(sms_id)]) == 0
    assert json.loads(capsys.readouterr().out)["result_code"] in {"TS-1023", "TS-1064"}
    assert cli_main(["otp", "--to", "905321234567", "--digits", "6"]) == 0
    assert len(json.loads(capsys.readouterr().out)["otp_code"]) == 6
    rows = tmp_path / "to.csv"
    rows.write_text("name,phone\n" + "".join(f"n{i},90534{i:07d}\n" for i in range(23)) + "bad,12\n")
    assert (
        cli_main(["bulk", "--title", "MyCompany", "--text", "Hi", "--csv", str(rows), "--chunk-size", "10"])
        == 3
    )
    captured = capsys.readouterr()
    summary = json.loads(captured.out)
    assert (summary["recipients"], summary["sent"], summary["refused"]) == (24, 20, 4)
    assert len(summary["sms_ids"]) == 2 and summary["credits"] == 20
    refused = summary["refused_chunks"][0]
    assert (refused["chunk"], refused["code"], refused["offending"]) == (2, "TS-1025", ["12"])
    assert captured.err == ""  # no bar: stderr is not a terminal here
    assert cli_main(["send", "--title", "Nope", "--to", "905321234567", "--text", "x"]) == 1
    assert "TS-1029" in capsys.readouterr().err


def test_cli_console_script_runs(server: str) -> None:
    script = Path(sys.executable).with_name("turkeysms")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "turkeysms.cli"]
    env = {**os.environ, "TURKEYSMS_API_KEY": DEMO_KEY, "TURKEYSMS_BASE_URL": server}
    done = subprocess.run(
        [*command, "balance"], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["balance"]["main"] > 0
    missing = {k: v for k, v in env.items() if k != "TURKEYSMS_API_KEY"}
    done = subprocess.run(
        [*command, "balance"], capture_output=True, text=True, env=missing, timeout=60, check=False
    )
    assert done.returncode == 2 and "TURKEYSMS_API_KEY" in done.stderr
