"""Start-up: `turkeysms-mock` from launch to its first healthy answer, beside `prism mock` on our spec."""

from __future__ import annotations

import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PRISM = REPO / ".bench/node_modules/.bin/prism"
# The mock prints its real address (it binds --port 0 itself); Prism prints its own once listening.
SERVING = re.compile(r"serving on (http://[^\s(]+)")
# CPU seconds the server's processes had used when it first answered, per program: on a shared
# machine the wall time waits for the cores, the CPU time does not.
CPU: dict[str, list[float]] = {}
SEND = b'{"api_key":"test-key","title":"MyCompany","text":"ready?","sentto":"905321234567"}'


def answers(url: str, body: bytes | None = None, expect: int | None = 200) -> bool:
    """True once `url` answers (with `expect`, or anything when None)."""
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=2) as response:  # loopback only
            return expect is None or response.status == expect
    except urllib.error.HTTPError as error:
        return expect is None or error.code == expect
    except OSError:
        return False


def free_port() -> int:
    import socket  # noqa: PLC0415

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def cpu_seconds(root: int) -> float:
    """CPU time (user + system) so far of a process and its direct children: the mock and its workers."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    try:
        kids = Path(f"/proc/{root}/task/{root}/children").read_text().split()
    except OSError:
        kids = []
    for pid in (root, *map(int, kids)):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of proc(5))
    return total / tick


def _stop(process: subprocess.Popen[str]) -> None:
    # Each server runs in a session of its own: one signal reaches the mock's forked workers too.
    with_group = process.pid
    for sig, wait in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(with_group, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=wait)
            break
        except subprocess.TimeoutExpired:
            continue


def time_start(
    command: Sequence[str],
    ready: Callable[[str], bool],
    url_of: Callable[[str], str | None],
    cwd: Path,
    timeout: float,
) -> float:
    """Seconds from launching `command` to the first answer `ready` accepts, polled every 5 ms."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    seen: list[str] = []
    found: list[str] = []

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            seen.append(line)
            url = url_of(line)
            if url is not None and not found:
                found.append(url)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        while time.perf_counter() - started < timeout:
            if process.poll() is not None:
                raise RuntimeError(f"{command[0]} exited {process.returncode}:\n{''.join(seen)}")
            if found and ready(found[0]):
                elapsed = time.perf_counter() - started
                CPU[command[0]] = [*CPU.get(command[0], []), cpu_seconds(process.pid)]
                return elapsed
            time.sleep(0.005)
        raise RuntimeError(f"{command[0]} gave no answer in {timeout:.0f} s:\n{''.join(seen)}")
    finally:
        _stop(process)
        reader.join(timeout=5)


def mock_start(mock: str, work: Path, args: Sequence[str]) -> float:
    """One launch of the mock with its defaults (a new SQLite file in an empty directory) on --port 0."""
    run = Path(tempfile.mkdtemp(dir=work))

    def url_of(line: str) -> str | None:
        match = SERVING.search(line)
        return match.group(1) if match else None

    return time_start(
        [mock, "--host", "127.0.0.1", "--port", "0", *args],
        lambda url: answers(f"{url}/_mock/health"),
        url_of,
        run,
        timeout=60,
    )


def prism_start(prism: Path, work: Path) -> float:
    """One launch of `prism mock spec/openapi.yaml`; ready at its first answer to a send."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    return time_start(
        [str(prism), "mock", "-h", "127.0.0.1", "-p", str(port), str(REPO / "spec/openapi.yaml")],
        lambda _: answers(f"{url}/sms/send", SEND, expect=None),
        lambda _: url,
        work,
        timeout=120,
    )


def summary(name: str, times: Sequence[float]) -> str:
    ordered = sorted(times)
    return (
        f"  {name:<28} median {statistics.median(ordered):6.2f} s   fastest {ordered[0]:6.2f}"
        f"   slowest {ordered[-1]:6.2f}   ({len(ordered)} starts)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5, help="starts of each server (default 5)")
    parser.add_argument("--mock", default=str(Path(sys.executable).parent / "turkeysms-mock"))
    parser.add_argument("--prism", type=Path, default=PRISM, help="prism binary (default .bench/...)")
    parser.add_argument("--no-prism", action="store_true", help="time the mock only")
    parser.add_argument("--memory", action="store_true", help="also time --db :memory:")
    args = parser.parse_args(argv)
    servers: dict[str, Callable[[Path], float]] = {
        "turkeysms-mock (SQLite file)": lambda work: mock_start(args.mock, work, []),
    }
    if args.memory:
        servers["turkeysms-mock --db :memory:"] = lambda work: mock_start(
            args.mock, work, ["--db", ":memory:"]
        )
    if not args.no_prism:
        if not args.prism.exists():
            parser.error(f"no Prism at {args.prism} (scripts/bench-startup installs it; or --no-prism)")
        servers["prism mock spec/openapi.yaml"] = lambda work: prism_start(args.prism, work)
    times: dict[str, list[float]] = {name: [] for name in servers}
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        for round_ in range(args.rounds):
            names = list(servers) if round_ % 2 == 0 else list(reversed(servers))
            for name in names:
                times[name].append(servers[name](Path(tmp)))
    print(f"bench-startup: launch to first healthy answer, {args.rounds} rounds alternating")
    for name, found in times.items():
        print(summary(name, found))
    for program, used in CPU.items():
        print(f"  CPU used until then, {Path(program).name:<16} median {statistics.median(used):6.2f} s")
    print(f"  load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    mock = statistics.median(times["turkeysms-mock (SQLite file)"])
    if "prism mock spec/openapi.yaml" in times:
        prism = statistics.median(times["prism mock spec/openapi.yaml"])
        print(f"  ratio mock/Prism: {mock / prism:.2f}x (medians)")
    print(f"  goal <= 1 s: {'met' if mock <= 1.0 else 'not met'} (median {mock:.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
