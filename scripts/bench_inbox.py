"""scripts/bench-mock --inbox: a poller that does what an open inbox page does, and the side-by-side report."""

from __future__ import annotations

import argparse
import json
import signal
import statistics
import sys
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import bench_mock

# The page's own rate and requests (mock_server/inbox/inbox.js): the cursor twice a second, and the
# messages and accounts whenever it moved (on every poll while a benchmark sends).
POLL_INTERVAL_S = 0.5
PAGE_LIMIT = 1000


@dataclass
class PollStats:
    polls: int = 0
    refreshes: int = 0
    errors: int = 0
    refresh_ms: list[float] | None = None


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        body: bytes = response.read()
        return body


def poll(base_url: str, interval: float, out: Path) -> int:
    """Poll like the page until SIGTERM, then write what it did to `out` as JSON."""
    stats = PollStats(refresh_ms=[])
    running = True

    def stop(_signum: int, _frame: FrameType | None) -> None:
        nonlocal running
        running = False

    signal.signal(signal.SIGTERM, stop)
    cursor = None
    while running:
        started = time.perf_counter()
        try:
            changes = json.loads(_get(base_url + "/_mock/changes"))
            stats.polls += 1
            if changes["cursor"] != cursor:
                _get(f"{base_url}/_mock/messages?limit={PAGE_LIMIT}")
                _get(base_url + "/_mock/accounts")
                cursor = changes["cursor"]
                stats.refreshes += 1
                assert stats.refresh_ms is not None
                stats.refresh_ms.append((time.perf_counter() - started) * 1000)
        except (OSError, ValueError, KeyError):
            stats.errors += 1
        time.sleep(max(0.0, interval - (time.perf_counter() - started)))
    out.write_text(json.dumps(stats.__dict__))
    return 0


def report(
    mock_runs: Sequence[Path], inbox_runs: Sequence[Path], poller_runs: Sequence[Path]
) -> tuple[str, bool]:
    """The table of both (bench_mock's), the ratio, and what the poller did."""
    results = {
        "mock": [bench_mock.parse_wrk_output("mock", path.read_text()) for path in mock_runs],
        "inbox": [bench_mock.parse_wrk_output("inbox", path.read_text()) for path in inbox_runs],
    }
    text, clean = bench_mock.report(results)
    alone, watched = (
        bench_mock.summarise("mock", results["mock"]),
        bench_mock.summarise("inbox", results["inbox"]),
    )
    polls = [json.loads(path.read_text()) for path in poller_runs]
    refresh = [ms for run in polls for ms in run["refresh_ms"]]
    lines = [
        text,
        "",
        "mock = no page open; inbox = one open inbox page (a poller at the page's rate and requests)",
        f"ratio inbox/mock (median req/s): {bench_mock.ratio(watched, alone):.2f}x",
        f"p99 inbox vs mock: {watched.p99_ms:.1f} ms vs {alone.p99_ms:.1f} ms",
        f"poller: {sum(r['polls'] for r in polls)} polls, {sum(r['refreshes'] for r in polls)} refreshes"
        f" (/_mock/messages?limit={PAGE_LIMIT} + /_mock/accounts), {sum(r['errors'] for r in polls)} errors",
    ]
    if refresh:
        lines.append(
            f"poller refresh (cursor + messages + accounts) under load: median {statistics.median(refresh):.1f} ms,"
            f" max {max(refresh):.1f} ms"
        )
    return "\n".join(lines), clean and all(r["errors"] == 0 for r in polls)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p_poll = sub.add_parser("poll", help="poll like an open inbox page until SIGTERM")
    p_poll.add_argument("base_url")
    p_poll.add_argument("--interval", type=float, default=POLL_INTERVAL_S)
    p_poll.add_argument("--out", type=Path, required=True)
    p_report = sub.add_parser("report", help="mock vs inbox side by side")
    p_report.add_argument("--mock", type=Path, nargs="+", required=True)
    p_report.add_argument("--inbox", type=Path, nargs="+", required=True)
    p_report.add_argument("--poller", type=Path, nargs="+", required=True)
    args = parser.parse_args(argv)
    if args.command == "poll":
        return poll(args.base_url.rstrip("/"), args.interval, args.out)
    text, clean = report(args.mock, args.inbox, args.poller)
    print(text)
    if not clean:
        print(
            "\nFAIL: some responses were not 200 (or sockets or polls failed); the figures above are not valid."
        )
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
