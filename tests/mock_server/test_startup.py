"""`turkeysms-mock` start-up: the bound address after binding, the real port for 0, links, a taken port."""

from __future__ import annotations

import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.serving import CONSOLE_SCRIPT, serving

pytestmark = pytest.mark.slow


def test_port_zero_announces_the_real_port_then_the_inbox_docs_and_messages(tmp_path: Path) -> None:
    # serving() passes --port 0 and takes the URL from the "serving on" line.
    with serving(tmp_path, "--db", ":memory:", command=CONSOLE_SCRIPT) as (base, _):
        assert not base.endswith(":0")
        lines = (tmp_path / "server.log").read_text().splitlines()
        links = [word for line in lines for word in line.split() if word.startswith("http://")]
        assert links == [base, f"{base}/", f"{base}/docs", f"{base}/_mock/messages"]
        for link in links[1:]:
            with urllib.request.urlopen(link, timeout=30) as answer:
                assert answer.status == 200


def test_a_taken_port_is_one_line_and_exit_2_without_touching_the_database(tmp_path: Path) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = subprocess.run(
            [*CONSOLE_SCRIPT, "--port", str(port), "--db", "state.sqlite3"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"turkeysms-mock: cannot listen on 127.0.0.1:{port}: the port is already in use"
        " (stop the other server, or pass --port 0 for a free port)"
    ]
    assert "serving on" not in result.stdout
    assert not (tmp_path / "state.sqlite3").exists()


def test_a_port_out_of_range_is_a_usage_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "turkeysms_mock", "--port", "65536"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "'65536' is not a port from 0 to 65535" in result.stderr
