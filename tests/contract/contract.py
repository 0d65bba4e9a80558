"""Shared pieces of the contract suite: the seed, the app factory, the answer recorder and the catalogue."""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spec_shapes
from flask import Flask

from tests import seeds
from tests.contract.hooks import KEY, php_unserialize
from turkeysms._contract import CONTROL_API_PATH, OPENAPI_PATH, load_openapi, result_codes
from turkeysms_mock import create_app

__all__ = [
    "CONTROL_API_PATH",
    "KEY",
    "OPENAPI_PATH",
    "SCHEMATHESIS_SPEC_PATH",
    "Combination",
    "Recorder",
    "contract_app",
    "documented_combinations",
    "seed_document",
]

# Large enough that a whole fuzzing run (every send debited, UCS-2 texts of many parts, bulk sends to
# many recipients) never drains it: a drained balance would turn valid sends into TS-1027.
BIG_BALANCE = 10**12
CONFIG_PATH = Path(__file__).with_name("schemathesis.toml")
# What schemathesis reads: the spec with its PHP answers listed and its link bodies filled
# (scripts/spec_shapes.py), written once per process.
_SHAPES_DIR = Path(tempfile.mkdtemp(prefix="turkeysms-contract-"))
atexit.register(shutil.rmtree, _SHAPES_DIR, True)
SCHEMATHESIS_SPEC_PATH = spec_shapes.write("schemathesis", _SHAPES_DIR / "openapi.yaml", OPENAPI_PATH)
# Where the suite writes its reports (git-ignored): the coverage report and the CLI run's JUnit XML.
REPORTS = Path(__file__).resolve().parents[2] / "reports"


def seed_document() -> dict[str, Any]:
    """The contract account (key `KEY`) and one account or key per refusal the scenarios need."""
    balance = {"main": BIG_BALANCE, "international": BIG_BALANCE}
    return seeds.every_refusal(name="contract", key=KEY, balance=balance, rate_limit=1)


def write_seed(directory: Path) -> Path:
    return seeds.write(directory / "contract-seed.yaml", seed_document())


@dataclass(frozen=True, order=True, slots=True)
class Combination:
    """One documented answer: an operation, an HTTP status and a TS code (None: the code-less 200)."""

    operation: str
    path: str
    status: int
    code: str | None

    def label(self) -> str:
        return f"{self.operation} {self.status} {self.code or '(no result_code)'}"


def documented_combinations() -> list[Combination]:
    """Every (operation, status, code) the spec documents: each x-result-codes entry at its catalogue
    status (and TS-1033 at its transport statuses too), plus the basic report's code-less 200."""
    spec = load_openapi()
    catalogue = result_codes()
    found: set[Combination] = set()
    for path, item in spec["paths"].items():
        operation = item["post"]
        name = operation["operationId"]
        for code in operation["x-result-codes"]:
            entry = catalogue[code]
            for status in (entry.http_status, *entry.transport_statuses):
                found.add(Combination(name, path, status, code))
        schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
        target = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
        if "result_code" not in target.get("required", ()):
            found.add(Combination(name, path, 200, None))
    return sorted(found)


@dataclass
class Recorder:
    """Every answer of every contract app: (path, status, result_code) → how often, per source (test module)."""

    seen: dict[tuple[str, int, str | None], dict[str, int]] = field(default_factory=dict)
    source: str = "unknown"
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, path: str, status: int, code: str | None) -> None:
        with self.lock:
            sources = self.seen.setdefault((path.rstrip("/"), status, code), {})
            sources[self.source] = sources.get(self.source, 0) + 1

    def observe(self, path: str, status: int, media_type: str, data: bytes) -> None:
        payload: Any = None
        try:
            if media_type == "application/json":
                payload = json.loads(data)
            elif media_type == "application/vnd.php.serialized":
                payload = php_unserialize(data)
        except (ValueError, IndexError):
            payload = None
        code = payload.get("result_code") if isinstance(payload, Mapping) else None
        self.record(path, status, code if isinstance(code, str) else None)

    def sources(self, combination: Combination) -> dict[str, int]:
        return self.seen.get((combination.path.rstrip("/"), combination.status, combination.code), {})


RECORDER = Recorder()


def contract_app(directory: Path, **config: Any) -> Flask:
    """A mock on a fresh database under `directory`, seeded for the contract, whose answers are recorded."""
    directory.mkdir(parents=True, exist_ok=True)
    seed = directory / "contract-seed.yaml"
    if not seed.exists():
        write_seed(directory)
    app = create_app({"DATABASE": str(directory / "mock.sqlite3"), "SEED": str(seed), **config})
    # Recorded around the whole WSGI callable, not in a Flask hook: a hook would send every request
    # past the fast path (api/fast_path.py steps aside for hooks), and the contract must hold the
    # path that serves real traffic.
    app.wsgi_app = _recording(app.wsgi_app)  # type: ignore[method-assign]
    return app


WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def _recording(inner: WsgiApp) -> WsgiApp:
    """`inner`, with each POST's status and result code given to the RECORDER."""

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "POST":  # schemathesis' unsupported_method probes
            return inner(environ, start_response)
        answered: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            answered["status"], answered["headers"] = int(status.split(maxsplit=1)[0]), headers
            return start_response(status, headers, exc_info)

        chunks = inner(environ, capture)
        try:
            data = b"".join(chunks)
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()
        content_type = next((v for k, v in answered["headers"] if k.lower() == "content-type"), "")
        media_type = content_type.partition(";")[0].strip().lower()
        RECORDER.observe(environ.get("PATH_INFO", ""), answered["status"], media_type, data)
        return [data]

    return app


def iter_models(value: Any) -> Iterator[Any]:
    """`value` and every generated model nested in it (attributes, lists)."""
    if hasattr(value, "additional_properties") and hasattr(value, "to_dict"):
        yield value
        for name in getattr(type(value), "__attrs_attrs__", ()):
            if name.name != "additional_properties":
                yield from iter_models(getattr(value, name.name))
    elif isinstance(value, list):
        for item in value:
            yield from iter_models(item)
