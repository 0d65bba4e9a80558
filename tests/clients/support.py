"""A served mock for the client tests, and the provider's own Python SDK installed beside (never into) our venv."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests import seeds
from tests.serving import post, serving

KEY = "clients-key"
BALANCE = {"main": 10_000, "international": 100}
# Every title a client or the provider's page sends: the page's placeholders are real sender IDs here.
TITLES = ("MyCompany", "SenderID", "YOUR_TITLE", "TurkeySMS")
SEED: dict[str, Any] = {
    "accounts": [
        seeds.account(
            "clients",
            [seeds.one_key(KEY)],
            balance=BALANCE,
            sender_ids=[{"title": title, "status": "active"} for title in TITLES],
        )
    ]
}

OFFICIAL_SDK = "turkeysms-python==4.0.0"
# What pip prints when it cannot reach an index at all (as opposed to a package that fails to install).
_UNREACHABLE = (
    "NewConnectionError",
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Name or service not known",
    "Network is unreachable",
    "ConnectTimeoutError",
    "Connection refused",
    "ProxyError",
)


@dataclass(frozen=True)
class Mock:
    """The served mock, called with the standard library only (independent of every SDK under test)."""

    base: str
    key: str = KEY

    def post(self, path: str, **body: Any) -> tuple[int, dict[str, Any]]:
        return post(self.base, path, {"api_key": self.key, **body})

    def get(self, path: str, **query: str) -> dict[str, Any]:
        url = f"{self.base}{path}?{urllib.parse.urlencode(query)}" if query else self.base + path
        with urllib.request.urlopen(url, timeout=30) as response:
            answer: dict[str, Any] = json.loads(response.read())
            return answer

    def control(self, path: str, **body: Any) -> dict[str, Any]:
        status, answer = post(self.base, path, body)
        assert status == 200, answer
        return answer

    def reset(self) -> None:
        self.control("/_mock/reset")

    def advance(self, seconds: float) -> None:
        self.control("/_mock/clock", advance=seconds)

    def otp(self, mobile: str) -> dict[str, Any]:
        return self.get("/_mock/otp", mobile=mobile)

    def messages(self, to: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self.get("/_mock/messages", to=to)["messages"]
        return found


@contextmanager
def served_mock(workdir: Path) -> Iterator[Mock]:
    seeds.write(workdir / "seed.yaml", SEED)
    with serving(workdir, "--db", "clients.sqlite3", "--seed", "seed.yaml", "--workers", "1") as (base, _):
        yield Mock(base)


class PyPIUnreachableError(Exception):
    """PyPI could not be reached; the one reason the official SDK's tests may skip."""


def install_official_sdk(target: Path) -> Path:
    """`pip install --target` the official SDK (and its requests) into `target`; our venv stays untouched."""
    command = [
        sys.executable, "-m", "pip", "install", "--quiet", "--no-input", "--disable-pip-version-check",
        "--timeout", "20", "--retries", "1", "--target", str(target), OFFICIAL_SDK,
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        if any(marker in done.stderr for marker in _UNREACHABLE):
            raise PyPIUnreachableError(done.stderr.strip().splitlines()[-1])
        raise AssertionError(f"pip could not install {OFFICIAL_SDK}:\n{done.stderr}")
    return target


# Runs in a subprocess with no site-packages at all (-I -S): only the target directory and the standard
# library are importable, so `turkeysms` can only be the provider's package. A call's argument written
# "$N.field" is that field of the N-th answer of the same run.
_RUNNER = """
import json, sys
target, base = sys.argv[1], sys.argv[2]
sys.path.insert(0, target)
import turkeysms
from turkeysms import TurkeySmsClient
TurkeySmsClient.BASE_URL = base
plan = json.loads(sys.stdin.read())
client = TurkeySmsClient(plan["api_key"])
results = []
def resolve(arg):
    if isinstance(arg, str) and arg.startswith("$"):
        index, field = arg[1:].split(".", 1)
        return results[int(index)][field]
    return arg
for method, args in plan["calls"]:
    results.append(getattr(client, method)(*[resolve(arg) for arg in args]))
print(json.dumps({"module": turkeysms.__file__, "path": sys.path, "results": results}))
"""


@dataclass(frozen=True)
class Run:
    module: str
    path: list[str]
    results: list[dict[str, Any]]


def run_official(
    target: Path, base_url: str, api_key: str, calls: Sequence[tuple[str, Sequence[Any]]]
) -> Run:
    """Call the official `TurkeySmsClient` with `BASE_URL = base_url` in a fresh interpreter."""
    plan = json.dumps({"api_key": api_key, "calls": [[method, list(args)] for method, args in calls]})
    done = subprocess.run(
        [sys.executable, "-I", "-S", "-c", _RUNNER, str(target), base_url],
        input=plan,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    return Run(found["module"], found["path"], found["results"])
