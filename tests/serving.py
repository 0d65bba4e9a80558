"""Start the mock server's command line on a free loopback port and wait until it is healthy."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# `python -m turkeysms_mock` and the installed console script are the same command line; tests use both.
MODULE_COMMAND: tuple[str, ...] = (sys.executable, "-m", "turkeysms_mock")
CONSOLE_SCRIPT: tuple[str, ...] = (str(Path(sys.executable).with_name("turkeysms-mock")),)
STARTUP_TIMEOUT_S = 15.0
PORT_ATTEMPTS = 3


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def post(base: str, path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """POST a JSON body with the standard library (independent of the SDK under test)."""
    request = urllib.request.Request(
        base + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def _healthy(base: str, process: subprocess.Popen[bytes], log: Path) -> bool:
    """True once /_mock/health answers 200; False if the server exited first."""
    started = time.monotonic()
    while True:
        try:
            with urllib.request.urlopen(base + "/_mock/health", timeout=1) as response:
                return response.status == 200
        # OSError covers a read timeout too: the socket is bound (and accepts) before workers run.
        except OSError:
            if process.poll() is not None:
                return False
            assert time.monotonic() - started < STARTUP_TIMEOUT_S, (
                f"the mock did not start: {log.read_text()}"
            )
            time.sleep(0.02)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


@contextmanager
def serving(
    workdir: Path, *args: str, log: Path | None = None, command: Sequence[str] = MODULE_COMMAND
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Run `command --host 127.0.0.1 --port P *args` in `workdir`; yield its base URL and process."""
    log_path = log or workdir / "server.log"
    with log_path.open("ab") as out:
        for attempt in range(PORT_ATTEMPTS):
            port = free_port()
            process = subprocess.Popen(
                [*command, "--host", "127.0.0.1", "--port", str(port), *args],
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=workdir,
                start_new_session=True,
            )
            base = f"http://127.0.0.1:{port}"
            if _healthy(base, process, log_path):
                break
            _stop(process)
            # Another process can take the port between the probe above and the server's bind.
            lost_port = "Address already in use" in log_path.read_text(errors="replace")
            assert lost_port and attempt < PORT_ATTEMPTS - 1, f"the mock exited: {log_path.read_text()}"
        try:
            yield base, process
        finally:
            _stop(process)
