"""Start the mock server's command line on a free loopback port (--port 0) and wait until it is healthy."""

from __future__ import annotations

import json
import os
import re
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
# The line the command line prints once it holds its port: the real one, also for --port 0.
ANNOUNCED = re.compile(r"^turkeysms-mock: serving on (http://\S+) ", re.MULTILINE)


def free_port() -> int:
    """A port nothing listens on (the moment it is returned), e.g. for a connection that must fail."""
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


def _announced(process: subprocess.Popen[bytes], log: Path, offset: int) -> str:
    """The base URL the server printed after `offset` in its log (it prints it only once bound)."""
    started = time.monotonic()
    while True:
        found = ANNOUNCED.search(log.read_bytes()[offset:].decode(errors="replace"))
        if found:
            return found.group(1)
        assert process.poll() is None, f"the mock exited: {log.read_text(errors='replace')}"
        assert time.monotonic() - started < STARTUP_TIMEOUT_S, f"the mock did not start: {log.read_text()}"
        time.sleep(0.02)


def _wait_healthy(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    started = time.monotonic()
    while True:
        try:
            # The socket listens before the workers run: a connection waits in its backlog, and a
            # loaded machine may take a while to boot a worker (TimeoutError, an OSError, not a URLError).
            with urllib.request.urlopen(base + "/_mock/health", timeout=5) as response:
                assert response.status == 200
                return
        except OSError:
            assert process.poll() is None, f"the mock exited: {log.read_text(errors='replace')}"
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
    """Run `command --host 127.0.0.1 --port 0 *args` in `workdir`; yield its base URL and process."""
    log_path = log or workdir / "server.log"
    with log_path.open("ab") as out:
        offset = out.tell()
        process = subprocess.Popen(
            [*command, "--host", "127.0.0.1", "--port", "0", *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=workdir,
            start_new_session=True,
        )
        try:
            base = _announced(process, log_path, offset)
            _wait_healthy(base, process, log_path)
            yield base, process
        finally:
            _stop(process)
