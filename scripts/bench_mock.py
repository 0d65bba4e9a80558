"""Helpers for scripts/bench-mock: free ports, the seed file, readiness polling and the results table."""

from __future__ import annotations

import argparse
import dataclasses
import math
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

# The lines the wrk Lua script's done() prints per round; everything else wrk prints is ignored.
RESULT_PREFIX = "BENCH "
HISTOGRAM_PREFIX = "BENCH-HIST "

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
    # (latency in microseconds, how many requests took it), ascending; empty when wrk printed none.
    histogram: tuple[tuple[int, int], ...] = ()
    # CPU seconds (user + system) the server's processes spent during the round; None: not measured.
    cpu_s: float | None = None

    @property
    def cpu_us_per_request(self) -> float | None:
        """The server's CPU time per answered request: steadier than the rate on a shared machine."""
        return None if self.cpu_s is None or not self.requests else self.cpu_s / self.requests * 1e6

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
    cpu_us: float | None = None


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


def parse_histogram(line: str) -> tuple[tuple[int, int], ...]:
    """Parse `BENCH-HIST us:count,...` (or `BENCH-HIST -` for no requests)."""
    body = line[len(HISTOGRAM_PREFIX) :].strip()
    if body in ("", "-"):
        return ()
    pairs = (part.split(":", 1) for part in body.split(","))
    return tuple(sorted((int(value), int(count)) for value, count in pairs))


def parse_wrk_output(server: str, text: str) -> Round:
    """Find the single result line (and the histogram line, if any) in one wrk run's output."""
    stripped = [line.strip() for line in text.splitlines()]
    lines = [line for line in stripped if line.startswith(RESULT_PREFIX)]
    if len(lines) != 1:
        raise ValueError(f"expected one {RESULT_PREFIX.strip()} line in the wrk output, found {len(lines)}")
    found = parse_result_line(server, lines[0])
    histograms = [line for line in stripped if line.startswith(HISTOGRAM_PREFIX)]
    if histograms:
        found = dataclasses.replace(found, histogram=parse_histogram(histograms[0]))
    return found


def percentile(histogram: Sequence[tuple[int, int]], p: float) -> int:
    """wrk's own rule (stats_percentile): the smallest value whose cumulative count reaches the rank."""
    total = sum(count for _, count in histogram)
    if total == 0:
        return 0
    # C's round(): halves away from zero (Python's round() would take 98.5 to 98).
    rank = max(1, math.floor(p / 100 * total + 0.5 + 0.5))
    seen = 0
    for value, count in histogram:
        seen += count
        if seen >= rank:
            return value
    return histogram[-1][0]


def merge(server: str, parts: Sequence[Round]) -> Round:
    """Rounds run at the same time against several instances, as one round: the requests add up over
    the longest duration, the percentiles come from the merged histograms."""
    if not parts:
        raise ValueError(f"nothing to merge for {server}")
    if len(parts) == 1:
        return dataclasses.replace(parts[0], server=server)
    counts: dict[int, int] = {}
    for part in parts:
        if not part.histogram and part.requests:
            raise ValueError(f"{server}: a part has no latency histogram to merge")
        for value, count in part.histogram:
            counts[value] = counts.get(value, 0) + count
    histogram = tuple(sorted(counts.items()))
    statuses = sorted({code for part in parts for code in part.statuses.split(",") if code != "-"})
    return Round(
        server=server,
        requests=sum(part.requests for part in parts),
        duration_us=max(part.duration_us for part in parts),
        p50_us=percentile(histogram, 50),
        p99_us=percentile(histogram, 99),
        non200=sum(part.non200 for part in parts),
        socket_errors=sum(part.socket_errors for part in parts),
        statuses=",".join(statuses) or "-",
        histogram=histogram,
        cpu_s=None if any(part.cpu_s is None for part in parts) else sum(part.cpu_s or 0.0 for part in parts),
    )


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
        cpu_us=_median_or_none([r.cpu_us_per_request for r in rounds]),
    )


def _median_or_none(values: Sequence[float | None]) -> float | None:
    known = [value for value in values if value is not None]
    return statistics.median(known) if known else None


def ratio(mock: ServerSummary, prism: ServerSummary) -> float:
    """The issue's figure of merit: one server's median rate over another's (the mock's over Prism's)."""
    return mock.rate / prism.rate if prism.rate else float("inf")


def render_table(summaries: Iterable[ServerSummary]) -> str:
    """A small fixed-width table, one row per server."""
    listed = list(summaries)
    width = max([8, *(len(s.server) for s in listed)])
    header = (
        f"{'server':<{width}} {'rounds':>6} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'CPU us/req':>10}"
        f" {'non-200':>8} {'sock err':>8}"
    )
    rows = [header, "-" * len(header)]
    rows.extend(
        f"{s.server:<{width}} {s.rounds:>6} {s.rate:>9,.0f} {s.p50_ms:>8.1f} {s.p99_ms:>8.1f}"
        f" {'-' if s.cpu_us is None else f'{s.cpu_us:,.0f}':>10} {s.non200:>8} {s.socket_errors:>8}"
        for s in listed
    )
    return "\n".join(rows)


# The ratios printed when both servers ran: every server measured over the two references.
REFERENCES = ("flask", "prism")


def ratio_pairs(servers: Iterable[str]) -> list[tuple[str, str]]:
    """(server, reference) for every measured server that is not a reference, against each reference."""
    names = list(servers)
    return [(name, ref) for name in names if name not in REFERENCES for ref in REFERENCES if ref in names]


def report(results: dict[str, list[Round]]) -> tuple[str, bool]:
    """The whole printed summary, and whether every response was a 200 with no socket error."""
    lines = ["per round:"]
    width = max([6, *(len(server) for server in results)])
    for server, rounds in results.items():
        for i, r in enumerate(rounds, 1):
            lines.append(
                f"  {server:<{width}} #{i}  {r.rate:>9,.0f} req/s  p50 {r.p50_us / 1000:>6.1f} ms"
                f"  p99 {r.p99_us / 1000:>6.1f} ms"
                + ("" if r.cpu_us_per_request is None else f"  CPU {r.cpu_us_per_request:,.0f} us/req")
                + f"  non-200 {r.non200} ({r.statuses})"
                f"  socket errors {r.socket_errors}"
            )
    summaries = {server: summarise(server, rounds) for server, rounds in results.items() if rounds}
    lines += ["", "medians:", render_table(summaries.values())]
    pairs = ratio_pairs(summaries)
    if pairs:
        lines.append("")
    for name, ref in pairs:
        one, other = summaries[name], summaries[ref]
        lines.append(
            f"ratio {name}/{ref} (median req/s): {ratio(one, other):.2f}x"
            f"   p50 {one.p50_ms:.1f} vs {other.p50_ms:.1f} ms, p99 {one.p99_ms:.1f} vs {other.p99_ms:.1f} ms"
            + (
                ""
                if one.cpu_us is None or other.cpu_us is None
                else f", CPU/req {one.cpu_us:,.0f} vs {other.cpu_us:,.0f} us"
            )
        )
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
