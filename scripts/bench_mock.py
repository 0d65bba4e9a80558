"""Helpers for scripts/bench-mock: free ports, the seed file, readiness polling and the results table."""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

# The one line the wrk Lua script's done() prints per round; everything else wrk prints is ignored.
RESULT_PREFIX = "BENCH "

# A balance no benchmark run can exhaust, so no round ever sees TS-1027 instead of a send.
HUGE_BALANCE = 1_000_000_000


@dataclass(frozen=True)
class Round:
    """One wrk round against one server, as the Lua done() hook reported it."""

    server: str
    requests: int
    duration_us: int
    p50_us: int
    p99_us: int
    non200: int
    socket_errors: int
    statuses: str

    @property
    def rate(self) -> float:
        return self.requests / (self.duration_us / 1_000_000) if self.duration_us else 0.0


@dataclass(frozen=True)
class ServerSummary:
    """Medians over one server's rounds."""

    server: str
    rounds: int
    rate: float
    p50_ms: float
    p99_ms: float
    non200: int
    socket_errors: int


def parse_result_line(server: str, line: str) -> Round:
    """Parse `BENCH key=value ...` as printed by the Lua script's done()."""
    if not line.startswith(RESULT_PREFIX):
        raise ValueError(f"not a result line: {line!r}")
    fields = dict(part.split("=", 1) for part in line[len(RESULT_PREFIX) :].split())
    return Round(
        server=server,
        requests=int(fields["requests"]),
        duration_us=int(fields["duration_us"]),
        p50_us=int(fields["p50_us"]),
        p99_us=int(fields["p99_us"]),
        non200=int(fields["non200"]),
        socket_errors=int(fields["socket_errors"]),
        statuses=fields.get("statuses", "-"),
    )


def parse_wrk_output(server: str, text: str) -> Round:
    """Find the single result line in one wrk run's output."""
    lines = [line.strip() for line in text.splitlines() if line.strip().startswith(RESULT_PREFIX)]
    if len(lines) != 1:
        raise ValueError(f"expected one {RESULT_PREFIX.strip()} line in the wrk output, found {len(lines)}")
    return parse_result_line(server, lines[0])


def summarise(server: str, rounds: Sequence[Round]) -> ServerSummary:
    """Median rate and latencies over the rounds; error counts are summed, since any one matters."""
    if not rounds:
        raise ValueError(f"no rounds for {server}")
    return ServerSummary(
        server=server,
        rounds=len(rounds),
        rate=statistics.median(r.rate for r in rounds),
        p50_ms=statistics.median(r.p50_us for r in rounds) / 1000,
        p99_ms=statistics.median(r.p99_us for r in rounds) / 1000,
        non200=sum(r.non200 for r in rounds),
        socket_errors=sum(r.socket_errors for r in rounds),
    )


def ratio(mock: ServerSummary, prism: ServerSummary) -> float:
    """The issue's figure of merit: the mock's median rate over Prism's."""
    return mock.rate / prism.rate if prism.rate else float("inf")


def render_table(summaries: Iterable[ServerSummary]) -> str:
    """A small fixed-width table, one row per server."""
    header = (
        f"{'server':<8} {'rounds':>6} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'non-200':>8} {'sock err':>8}"
    )
    rows = [header, "-" * len(header)]
    rows.extend(
        f"{s.server:<8} {s.rounds:>6} {s.rate:>9,.0f} {s.p50_ms:>8.1f} {s.p99_ms:>8.1f} {s.non200:>8} {s.socket_errors:>8}"
        for s in summaries
    )
    return "\n".join(rows)


def report(results: dict[str, list[Round]]) -> tuple[str, bool]:
    """The whole printed summary, and whether every response was a 200 with no socket error."""
    lines = ["per round:"]
    for server, rounds in results.items():
        for i, r in enumerate(rounds, 1):
            lines.append(
                f"  {server:<6} #{i}  {r.rate:>9,.0f} req/s  p99 {r.p99_us / 1000:>6.1f} ms"
                f"  non-200 {r.non200} ({r.statuses})  socket errors {r.socket_errors}"
            )
    summaries = {server: summarise(server, rounds) for server, rounds in results.items() if rounds}
    lines += ["", "medians:", render_table(summaries.values())]
    if "mock" in summaries and "prism" in summaries:
        mock, prism = summaries["mock"], summaries["prism"]
        lines.append("")
        lines.append(f"ratio mock/prism (median req/s): {ratio(mock, prism):.2f}x")
        lines.append(f"p99 mock vs prism: {mock.p99_ms:.1f} ms vs {prism.p99_ms:.1f} ms")
    clean = all(s.non200 == 0 and s.socket_errors == 0 for s in summaries.values())
    return "\n".join(lines), clean


def free_ports(count: int) -> list[int]:
    """Distinct free loopback ports; all sockets are held open until each has one, so none repeats."""
    sockets = []
    try:
        for _ in range(count):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def seed_document(api_key: str, title: str) -> dict[str, object]:
    """One account whose key may do everything, with a balance the benchmark cannot exhaust."""
    return {
        "accounts": [
            {
                "name": "bench",
                "api_keys": [{"key": api_key, "permissions": "all"}],
                "balance": {"main": HUGE_BALANCE, "international": HUGE_BALANCE},
                "sender_ids": [{"title": title, "status": "active"}],
                "rate_limit_per_minute": 0,
            }
        ]
    }


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def wait_ready(
    url: str, *, body: bytes | None, expect: int | None, timeout: float, pid: int | None = None
) -> bool:
    """Poll until the URL answers (with `expect` if given), the timeout passes or process `pid` dies."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        # A server that exited at start (bad flag, port taken) will never answer: say so now.
        if pid is not None and not _alive(pid):
            return False
        request = urllib.request.Request(url, data=body, method="POST" if body is not None else "GET")
        if body is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                status = int(response.status)
        except urllib.error.HTTPError as exc:
            status = exc.code
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
            continue
        if expect is None or status == expect:
            return True
        time.sleep(0.1)
    return False


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p_ports = sub.add_parser("free-ports", help="print N free loopback ports")
    p_ports.add_argument("count", type=int)
    p_seed = sub.add_parser("seed", help="write the benchmark's seed YAML")
    p_seed.add_argument("path", type=Path)
    p_seed.add_argument("--api-key", required=True)
    p_seed.add_argument("--title", required=True)
    p_wait = sub.add_parser("wait", help="wait until a URL answers")
    p_wait.add_argument("url")
    p_wait.add_argument("--post-json", help="POST this JSON body instead of a GET")
    p_wait.add_argument("--expect", type=int, help="the status that means ready (default: any)")
    p_wait.add_argument("--timeout", type=float, default=30.0)
    p_wait.add_argument("--pid", type=int, help="give up as soon as this process has exited")
    p_report = sub.add_parser("report", help="summarise wrk outputs named SERVER=FILE")
    p_report.add_argument("runs", nargs="+", metavar="SERVER=FILE")
    args = parser.parse_args(argv)

    if args.command == "free-ports":
        print(" ".join(str(p) for p in free_ports(args.count)))
        return 0
    if args.command == "seed":
        args.path.write_text(yaml.safe_dump(seed_document(args.api_key, args.title), sort_keys=False))
        return 0
    if args.command == "wait":
        body = args.post_json.encode() if args.post_json is not None else None
        return (
            0
            if wait_ready(args.url, body=body, expect=args.expect, timeout=args.timeout, pid=args.pid)
            else 1
        )
    results: dict[str, list[Round]] = {}
    for run in args.runs:
        server, _, path = run.partition("=")
        results.setdefault(server, []).append(parse_wrk_output(server, Path(path).read_text()))
    text, clean = report(results)
    print(text)
    if not clean:
        print("\nFAIL: some responses were not 200 (or sockets failed); the figures above are not valid.")
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
