"""The command line: every operation, JSON out, the key from env or a prompt, bulk that reports what it did."""

from __future__ import annotations

import argparse
import io
import json
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

import turkeysms
from turkeysms import TurkeySMS, _client, cli
from turkeysms_mock import create_app

KEY = "test-key"
Run = Callable[..., tuple[int, Any, str]]


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Iterator[Run]:
    """The CLI against the mock in-process; answers (exit code, parsed stdout, stderr)."""
    app = create_app({"DATABASE": ":memory:"})
    http = httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://mock")

    def client(api_key: str, base_url: str | None = None, **options: Any) -> TurkeySMS:
        return TurkeySMS(api_key, http_client=http, **options)

    monkeypatch.setattr(cli, "TurkeySMS", client)
    monkeypatch.setenv("TURKEYSMS_API_KEY", KEY)

    def invoke(*argv: str) -> tuple[int, Any, str]:
        code = cli.main(list(argv))
        out, err = capsys.readouterr()
        return code, (json.loads(out) if out.strip() else None), err

    yield invoke
    http.close()


def test_every_operation_has_a_command(run: Run, tmp_path: Path) -> None:
    code, auth, _ = run("check-auth")
    assert code == 0 and auth["result_code"] == "TS-1000"
    assert run("balance")[1]["balance"]["main"] == 1500
    assert {s["title"] for s in run("sender-ids")[1]["sender_ids"]} >= {"MyCompany"}
    sms_id = run("send", "--title", "MyCompany", "--to", "905321234567", "--text", "hi", "--sms-lang", "0")[
        1
    ]["sms_id"]
    assert run("otp", "--to", "905321234567", "--digits", "6")[1]["otp_code"].isdigit()
    assert (
        len(
            run("custom-otp", "--title", "MyCompany", "--to", "905321234567", "--text", "TS-CODE")[1][
                "otp_code"
            ]
        )
        == 4
    )
    rows = tmp_path / "to.csv"
    rows.write_text("phone\n905321234501\n905321234502\n")
    assert run("bulk", "--title", "MyCompany", "--text", "x", "--csv", str(rows))[1]["sent"] == 2
    mixed = run(
        "mixed", "--title", "MyCompany", "--message", "905321234567", "A", "--message", "905321234568", "B"
    )
    assert mixed[1]["number_of_sms"] == 2
    group = run("group-create", "VIP")[1]["group"]["id"]
    assert run("group-rename", str(group), "VVIP")[1]["new_name"] == "VVIP"
    assert (
        run("contact-add", str(group), "905321234567", "--name", "Ada", "--f-01", "x")[1]["group_id"] == group
    )
    assert [g["id"] for g in run("groups", "--search", "VV")[1]["groups"]] == [group]
    assert run("group-delete", str(group))[0] == 0
    assert run("report", str(sms_id))[1]["total_numbers"] == 1
    assert run("report-page", str(sms_id), "--page", "1")[1]["pagination"]["current_page"] == 1
    assert [r["phone_number"] for r in run("report-records", str(sms_id))[1]] == ["905321234567"]
    assert run("status", str(sms_id))[1]["result_code"] in {"TS-1023", "TS-1064"}
    assert run("blacklist-add", "905329999999")[1]["result_code"] == "TS-1141"
    assert run("blacklist-status", "905329999999")[1]["is_blocked"] is True


def test_the_commands_cover_every_client_method() -> None:
    (commands,) = (a for a in cli._parser()._actions if isinstance(a, argparse._SubParsersAction))
    methods = {n for n in vars(TurkeySMS) if not n.startswith("_") and callable(getattr(TurkeySMS, n))}
    assert len(commands.choices) == len(methods - {"close", "with_options"}) == 19


def test_version_and_exit_codes_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert capsys.readouterr().out.strip() == f"turkeysms {turkeysms.__version__}"
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    help_text = capsys.readouterr().out
    assert "exit codes:" in help_text and "4  no answer" in help_text and "TURKEYSMS_API_KEY" in help_text


def test_python_dash_m_turkeysms_works() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "turkeysms", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == f"turkeysms {turkeysms.__version__}"


def test_the_key_is_asked_for_on_a_terminal(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TURKEYSMS_API_KEY")
    asked: list[str] = []
    monkeypatch.setattr(cli.getpass, "getpass", lambda prompt: asked.append(prompt) or KEY)
    monkeypatch.setattr(cli.sys, "stdin", _Tty(""))
    assert run("balance")[0] == 0 and asked == ["TurkeySMS API key: "]


def test_a_missing_key_names_the_flag_and_the_variable(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TURKEYSMS_API_KEY")
    monkeypatch.setattr(cli.sys, "stdin", io.StringIO(""))
    code, out, err = run("balance")
    assert (code, out) == (2, None)
    assert "--api-key" in err and "$TURKEYSMS_API_KEY" in err and "api_key=" not in err


def test_a_bulk_run_that_stops_prints_what_it_did(run: Run, tmp_path: Path) -> None:
    # 1,500 credits: the first 1,000 numbers are billed, the next chunk meets TS-1027.
    rows = tmp_path / "to.csv"
    rows.write_text("phone\n" + "".join(f"90534{i:07d}\n" for i in range(2500)))
    code, summary, err = run(
        "bulk", "--title", "MyCompany", "--text", "Hi", "--csv", str(rows), "--chunk-size", "1000"
    )
    assert code == 1
    assert (summary["sent"], summary["credits"], len(summary["sms_ids"]), summary["recipients"]) == (
        1000,
        1000,
        1,
        2500,
    )
    assert summary["stopped"]["chunk"] == 1 and summary["stopped"]["code"] == "TS-1027"
    assert summary["stopped"]["chunks_in_doubt"] == []
    (line,) = err.splitlines()
    assert line.startswith("turkeysms: bulk send stopped at chunk 1") and "TS-1027" in line


def test_a_refused_chunk_names_the_offending_number(run: Run, tmp_path: Path) -> None:
    rows = tmp_path / "to.csv"
    rows.write_text("phone\n905321234501\n905321234501\n905321234502\n905321234503\n")
    code, summary, _ = run(
        "bulk", "--title", "MyCompany", "--text", "x", "--csv", str(rows), "--chunk-size", "3"
    )
    assert code == 3 and summary["refused_chunks"][0]["offending"] == ["905321234501"]
    code, summary, _ = run("bulk", "--title", "MyCompany", "--text", "x", "--csv", str(rows), "--dedupe")
    assert code == 0 and (summary["sent"], summary["duplicates_skipped"]) == (3, 1)


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_is_drawn_only_on_a_terminal(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = tmp_path / "to.csv"
    rows.write_text("phone\n" + "".join(f"90534{i:07d}\n" for i in range(30)))
    argv = ("bulk", "--title", "MyCompany", "--text", "x", "--csv", str(rows), "--chunk-size", "10")
    assert run(*argv)[2] == ""
    terminal = _Tty()
    monkeypatch.setattr(cli.sys, "stderr", terminal)
    assert run(*argv)[0] == 0
    assert "\r[" in terminal.getvalue() and "30/30 100%" in terminal.getvalue()
    assert terminal.getvalue().endswith("\n")


def test_a_connection_error_names_the_url(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(_client, "_sleep", lambda _: None)
    monkeypatch.setenv("TURKEYSMS_API_KEY", KEY)
    with socket.socket() as probe:  # a port nothing listens on: bound, then released
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code = cli.main(["--base-url", f"http://127.0.0.1:{port}", "balance"])
    err = capsys.readouterr().err
    assert code == 4 and f"POST http://127.0.0.1:{port}/balance/" in err and KEY not in err
