"""Bulk at scale: `send_bulk` of 10,000 and 100,000 numbers through the SDK to the served mock, with memory."""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

API_KEY = "bulk-key"
TITLE = "BULK"
SERVING = re.compile(r"serving on (http://[^\s(]+)")
# One run of the client, in a process of its own so that its peak RSS is this run's alone.
CLIENT = """
import json, resource, sys, time
from turkeysms import TurkeySMS
base_url, count, chunk = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rss = []
def numbers():
    for i in range(count):
        if i % (count // 10 or 1) == 0:
            rss.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        yield f"905{i:09d}"
with TurkeySMS(sys.argv[4], base_url=base_url, timeout=120) as client:
    started = time.perf_counter()
    summary = client.send_bulk(sys.argv[5], numbers(), "bulk bench", chunk_size=chunk).run()
    seconds = time.perf_counter() - started
print(json.dumps({"sent": summary.sent, "chunks": summary.chunks, "refused": summary.refused,
                  "seconds": seconds, "peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "rss_kib_by_tenth": rss}))
"""


def rss_kib(pid: int) -> int:
    """Resident set size of one process now (0 once it is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    return int(found.group(1)) if found else 0


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(part) for part in text.split()]


@dataclass
class Sampler:
    """Samples the RSS of the mock's processes (the parent and its forked workers) every `every` s."""

    root: int
    every: float = 0.1
    peaks: dict[int, int] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def now(self) -> dict[int, int]:
        return {pid: rss_kib(pid) for pid in (self.root, *children(self.root))}

    def __enter__(self) -> Sampler:
        def loop() -> None:
            while not self._stop.is_set():
                for pid, kib in self.now().items():
                    self.peaks[pid] = max(self.peaks.get(pid, 0), kib)
                self._stop.wait(self.every)

        self._thread = threading.Thread(target=loop, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()


@dataclass(frozen=True)
class Result:
    count: int
    seconds: float
    client_peak_kib: int
    client_rss_kib_by_tenth: tuple[int, ...]
    mock_before_kib: dict[int, int]
    mock_peak_kib: dict[int, int]

    @property
    def rate(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0


def start_mock(mock: str, work: Path, workers: int | None) -> tuple[subprocess.Popen[str], str]:
    seed = work / "seed.yaml"
    account = {
        "name": "bulk",
        "api_keys": [{"key": API_KEY, "permissions": "all"}],
        "balance": {"main": 10**12, "international": 0},
        "sender_ids": [{"title": TITLE, "status": "active"}],
        "rate_limit_per_minute": 0,
    }
    seed.write_text(yaml.safe_dump({"accounts": [account]}))
    command = [mock, "--host", "127.0.0.1", "--port", "0", "--db", str(work / "bulk.db"), "--seed", str(seed)]
    if workers is not None:
        command += ["--workers", str(workers)]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    assert process.stdout is not None
    deadline = time.monotonic() + 60
    for line in process.stdout:
        found = SERVING.search(line)
        if found:
            url = found.group(1)
            break
        if time.monotonic() > deadline:
            break
    else:
        raise RuntimeError(f"the mock exited {process.wait()} before serving")
    # Drain what it prints later, so a full pipe never stalls it.
    threading.Thread(target=lambda: [None for _ in process.stdout or ()], daemon=True).start()
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_mock/health", timeout=2) as answer:  # loopback
                if answer.status == 200:
                    return process, url
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("the mock did not answer /_mock/health")


def stop_mock(process: subprocess.Popen[str]) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
            process.wait(timeout=10)
            return
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue


def run_client(url: str, count: int, chunk: int, python: str) -> dict[str, object]:
    done = subprocess.run(
        [python, "-c", CLIENT, url, str(count), str(chunk), API_KEY, TITLE],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the bulk client failed:\n{done.stderr[-3000:]}")
    answer: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    if answer["sent"] != count or answer["refused"] != 0:
        raise RuntimeError(f"sent {answer['sent']} of {count}, refused {answer['refused']}")
    return answer


def _ints(value: object) -> list[int]:
    if not isinstance(value, list) or not all(isinstance(v, int) for v in value):
        raise TypeError(f"expected a list of numbers, got {value!r}")
    return value


def one_run(mock: str, count: int, chunk: int, workers: int | None, python: str) -> Result:
    """A fresh mock (empty database), one bulk send of `count` numbers, the RSS of every process."""
    with tempfile.TemporaryDirectory(prefix="bench-bulk-") as tmp:
        process, url = start_mock(mock, Path(tmp), workers)
        try:
            with Sampler(process.pid) as sampler:
                before = sampler.now()
                answer = run_client(url, count, chunk, python)
            return Result(
                count=count,
                seconds=float(str(answer["seconds"])),
                client_peak_kib=int(str(answer["peak_kib"])),
                client_rss_kib_by_tenth=tuple(int(v) for v in _ints(answer["rss_kib_by_tenth"])),
                mock_before_kib=before,
                mock_peak_kib=dict(sampler.peaks),
            )
        finally:
            stop_mock(process)


def render(results: Sequence[Result]) -> Iterator[str]:
    yield (
        f"{'numbers':>8} {'s':>7} {'msg/s':>8} {'client peak MiB':>16} {'client RSS at 10%/50%/100% MiB':>31}"
        f" {'mock RSS MiB before -> peak, per process':>42}"
    )
    for r in results:
        tenths = r.client_rss_kib_by_tenth
        marks = (
            [tenths[min(1, len(tenths) - 1)], tenths[len(tenths) // 2], r.client_peak_kib] if tenths else []
        )
        mock = ", ".join(
            f"{r.mock_before_kib.get(pid, 0) / 1024:.0f}->{peak / 1024:.0f}"
            for pid, peak in sorted(r.mock_peak_kib.items())
        )
        yield (
            f"{r.count:>8} {r.seconds:>7.2f} {r.rate:>8.0f} {r.client_peak_kib / 1024:>16.1f}"
            f" {' / '.join(f'{m / 1024:.1f}' for m in marks):>31} {mock:>42}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000", help="numbers per run (default 10000,100000)")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each size (default 2)")
    parser.add_argument("--chunk-size", type=int, default=1000, help="numbers per request (default 1000)")
    parser.add_argument("--workers", type=int, default=None, help="the mock's --workers (default its own)")
    parser.add_argument("--mock", default=str(Path(sys.executable).parent / "turkeysms-mock"))
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    print(
        f"bench-bulk: send_bulk through TurkeySMS to a served mock (fresh SQLite file per run), chunks of "
        f"{args.chunk_size}, {args.rounds} rounds; load average {os.getloadavg()[0]:.2f}"
    )
    results = []
    for round_ in range(args.rounds):
        for size in sizes if round_ % 2 == 0 else reversed(sizes):
            results.append(one_run(args.mock, size, args.chunk_size, args.workers, args.python))
    results.sort(key=lambda r: r.count)
    for line in render(results):
        print(line)
    print(
        f"bench-bulk: load average after {os.getloadavg()[0]:.2f}; the client's own RSS: {_self_rss():.0f} MiB"
    )
    return 0


def _self_rss() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    raise SystemExit(main())
