"""Where a served send spends its time: py-spy on one worker of the mock (or of the bare Flask reference)
under wrk load, summed by step."""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import bench_mock
import bench_mock_run

# (label, frames that must all be on the stack, frames that must not be); "a|b" is either frame. Frames
# are py-spy's "function (file)" without line numbers; a row's share is of every busy sample of the worker.
# The names fit the pipeline before and after api/fast_path.py (which answers from wsgi_app, not Flask).
_PIPELINE = "run (mock_server/api/pipeline.py)|answer (mock_server/api/pipeline.py)"
STEPS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("waitress I/O thread: accept, read, parse, send", ("BaseWSGIServer.run (waitress/server.py)",), ()),
    (
        "waitress request thread, outside the app",
        ("handler_thread (waitress/task.py)",),
        ("Flask.__call__",),
    ),
    ("  of which writing the answer to the socket", ("Task.write (waitress/task.py)",), ()),
    ("Flask and werkzeug around the pipeline", ("Flask.wsgi_app (flask/app.py)",), (_PIPELINE,)),
    (
        "fast path: route, read the body",
        ("wsgi_app (mock_server/api/fast_path.py)",),
        (_PIPELINE, "Flask.wsgi_app"),
    ),
    ("the mock's pipeline", (_PIPELINE,), ()),
    ("  read the body", (_PIPELINE, "Request.get_data"), ()),
    ("  parse the JSON (no NaN, no duplicate keys)", ("parse_body (mock_server/api/pipeline.py)",), ()),
    ("  fault rules: any active?", ("take (mock_server/domain/faults.py)",), ()),
    ("  authenticate the key", ("authenticate (mock_server/domain/accounts.py)",), ()),
    ("  admit (active, permissions, rate limit)", ("admit (mock_server/domain/accounts.py)",), ()),
    (
        "  validate the fields (spec schemas)",
        ("RequestValidator.validate (mock_server/api/validation.py)",),
        (),
    ),
    ("  send: sender ID check", ("require_sender (mock_server/domain/accounts.py)",), ()),
    ("  send: the shared clock", ("SharedClock.offset (mock_server/domain/clock.py)",), ()),
    ("  send: the write transaction", ("send (mock_server/domain/messaging.py)", "Database.write"), ()),
    (
        "  write the answer (JSON, response object)",
        (
            "write (mock_server/api/responses.py)|answer (mock_server/api/responses.py)|Response.__call__|Answer.__call__",
        ),
        (),
    ),
    ("webhook dispatcher thread", ("Dispatcher._loop (mock_server/adapters/webhook_sender.py)",), ()),
)
_LINE = re.compile(r":\d+\)")


# A request thread waiting for its next task is idle, though py-spy sees it in a Python frame.
_IDLE_LEAF = "Condition.wait (threading.py)"


def read_samples(text: str) -> list[tuple[list[str], int]]:
    """py-spy's raw (collapsed) output: `frame;frame;... count` per line; line numbers dropped, idle
    request threads left out."""
    samples = []
    for line in text.splitlines():
        stack, _, count = line.rstrip().rpartition(" ")
        if stack and count.isdigit():
            frames = [_LINE.sub(")", frame) for frame in stack.split(";")]
            if not (frames[-1] == _IDLE_LEAF and _has(frames, "handler_thread")):
                samples.append((frames, int(count)))
    return samples


def _has(frames: Sequence[str], wanted: str) -> bool:
    return any(one in frame for one in wanted.split("|") for frame in frames)


def summarise(samples: Iterable[tuple[list[str], int]]) -> tuple[int, list[tuple[str, float]]]:
    """Total samples, and each step's share of them (inclusive: a step counts every sample it is on)."""
    listed = list(samples)
    total = sum(count for _, count in listed)
    rows = []
    for label, needed, excluded in STEPS:
        hit = sum(
            count
            for frames, count in listed
            if all(_has(frames, want) for want in needed) and not any(_has(frames, no) for no in excluded)
        )
        rows.append((label, hit / total if total else 0.0))
    return total, rows


def render(total: int, rows: Sequence[tuple[str, float]]) -> str:
    width = max(len(label) for label, _ in rows)
    lines = [f"{'step':<{width}}  share", "-" * (width + 8)]
    lines += [f"{label:<{width}}  {share:6.1%}" for label, share in rows]
    lines.append(f"({total} samples of one worker's threads, idle ones left out)")
    return "\n".join(lines)


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def profile(args: argparse.Namespace, out: Path) -> None:
    """Serve the mock with its defaults, load it with wrk, record one worker with py-spy."""
    config = bench_mock_run.Config(args.connections, None, None)
    name = args.server
    with tempfile.TemporaryDirectory(prefix="profile-mock.") as tmp:
        work = Path(tmp)
        seed = work / "seed.yaml"
        bench_mock.main(
            ["seed", str(seed), "--api-key", bench_mock_run.API_KEY, "--title", bench_mock_run.TITLE]
        )
        servers = bench_mock_run.Servers(work)
        try:
            target = bench_mock_run.start_target(servers, name, config, seed=seed, db=str(work / "mock.db"))
            bench_mock_run.run_wrk(target, config, 3, 2, work / "warmup.txt")
            workers = _children(target.processes[0].pid) or [target.processes[0].pid]
            found: list[bench_mock.Round] = []
            load = threading.Thread(
                target=lambda: found.append(
                    bench_mock_run.run_wrk(target, config, args.duration + 4, 2, work / "load.txt")
                )
            )
            load.start()
            time.sleep(2)
            subprocess.run(
                [
                    args.py_spy,
                    "record",
                    "--pid",
                    str(workers[0]),
                    "--duration",
                    str(args.duration),
                    "--rate",
                    str(args.rate),
                    "--nonblocking",
                    "--nolineno",
                    "--format",
                    "raw",
                    "--output",
                    str(out),
                ],
                check=True,
                capture_output=True,
            )
            load.join()
            for measured in found:
                print(
                    f"under load: {measured.rate:,.0f} req/s, p50 {measured.p50_us / 1000:.1f} ms, non-200 {measured.non200}"
                )
        finally:
            servers.stop()


# In-process rows: (label, the function's cumulative time, functions whose cumulative time it leaves out).
IN_PROCESS: tuple[tuple[str, tuple[str, str], tuple[tuple[str, str], ...]], ...] = (
    ("Flask and werkzeug around the pipeline", ("flask/app.py", "wsgi_app"), (("api/pipeline.py", "run"),)),
    ("the mock's pipeline", ("api/pipeline.py", "answer|run"), ()),
    ("  parse the JSON", ("api/pipeline.py", "parse_body"), ()),
    ("  first read (rules active?, clock, key, account, sender ID)", ("domain/accounts.py", "look_up"), ()),
    ("  fault rules: any active?", ("domain/faults.py", "take"), ()),
    ("  authenticate the key", ("domain/accounts.py", "authenticate"), ()),
    ("  validate the fields", ("api/validation.py", "validate"), ()),
    ("  send (sender ID, clock, the write transaction)", ("domain/messaging.py", "send"), ()),
    ("    of which the write transaction", ("store/database.py", "write"), ()),
    ("  write the answer", ("api/responses.py", "answer|write"), ()),
    ("SQLite statements, all of them", ("~", "<method 'execute' of 'sqlite3.Connection' objects>"), ()),
)


def in_process(sends: int) -> str:
    """cProfile over `sends` sends through the app's WSGI callable (no server, no client library)."""
    import cProfile  # noqa: PLC0415
    import io  # noqa: PLC0415
    import pstats  # noqa: PLC0415

    from turkeysms_mock import create_app  # noqa: PLC0415

    body = (
        f'{{"api_key":"{bench_mock_run.API_KEY}","title":"{bench_mock_run.TITLE}",'
        f'"text":"Benchmark message","sentto":"{bench_mock_run.SENTTO}"}}'
    ).encode()

    def one(app: Any) -> None:
        environ = {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": "/sms/send",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8080",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "CONTENT_TYPE": "application/json",
            "CONTENT_LENGTH": str(len(body)),
            "HTTP_HOST": "127.0.0.1:8080",
            "wsgi.input": io.BytesIO(body),
            "wsgi.url_scheme": "http",
            "wsgi.errors": sys.stderr,
        }
        statuses: list[str] = []
        b"".join(app(environ, lambda status, _headers, *_: statuses.append(status)))
        assert statuses == ["200 OK"], statuses

    with tempfile.TemporaryDirectory(prefix="profile-mock.") as tmp:
        seed = Path(tmp) / "seed.yaml"
        bench_mock.main(
            ["seed", str(seed), "--api-key", bench_mock_run.API_KEY, "--title", bench_mock_run.TITLE]
        )
        app = create_app({"DATABASE": str(Path(tmp) / "mock.db"), "SEED": str(seed)})
        for _ in range(200):  # warm: caches, first connections
            one(app)
        # The CPU of a send without the profiler, best of five batches (the machine is shared).
        batches = []
        for _ in range(5):
            begun = time.process_time()
            for _ in range(sends):
                one(app)
            batches.append((time.process_time() - begun) / sends)
        profiler = cProfile.Profile()
        started = time.process_time()
        profiler.enable()
        for _ in range(sends):
            one(app)
        profiler.disable()
        cpu = time.process_time() - started
    # {(file, line, name): (calls, primitive calls, own time, cumulative time, callers)}
    stats: dict[tuple[str, int, str], tuple[Any, ...]] = getattr(pstats.Stats(profiler), "stats")  # noqa: B009  # untyped

    def cumulative(where: tuple[str, str]) -> float:
        path, names = where
        return sum(
            float(row[3])
            for (file, _, name), row in stats.items()
            if file.endswith(path)
            and (name in names.split("|") or name.rpartition(".")[2] in names.split("|"))
        )

    total = sum(float(row[2]) for row in stats.values())
    width = max(len(label) for label, _, _ in IN_PROCESS)
    lines = [f"{'step':<{width}}  share", "-" * (width + 8)]
    for label, where, minus in IN_PROCESS:
        share = (cumulative(where) - sum(cumulative(other) for other in minus)) / total if total else 0.0
        lines.append(f"{label:<{width}}  {share:6.1%}")
    lines.append(
        f"({sends} sends in-process under cProfile, {cpu / sends * 1e6:.0f} us of CPU each with the profiler"
        f" on; {min(batches) * 1e6:.0f} us without it, best of 5 x {sends})"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=int, default=15, help="seconds py-spy records")
    parser.add_argument("--rate", type=int, default=200, help="samples per second")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--server",
        choices=("mock", "flask"),
        default="mock",
        help="flask: the bare reference, for comparison",
    )
    parser.add_argument("--raw", type=Path, help="keep py-spy's raw output here (default: a temp file)")
    parser.add_argument("--summarise", type=Path, help="only summarise this raw py-spy output")
    parser.add_argument(
        "--in-process",
        type=int,
        metavar="SENDS",
        help="cProfile this many sends in-process instead (no py-spy)",
    )
    args = parser.parse_args(argv)
    if args.in_process:
        print(in_process(args.in_process))
        return 0
    if args.summarise is not None:
        print(render(*summarise(read_samples(args.summarise.read_text()))))
        return 0
    args.py_spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(args.py_spy).exists():
        print("profile-mock: py-spy is not installed (pip install py-spy)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = args.raw or Path(tmp) / "profile.txt"
        profile(args, out)
        print(render(*summarise(read_samples(out.read_text()))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
