"""scripts/bench-mock's run: start the mock, the bare Flask reference and Prism (and PostgreSQL-backed mocks),
then wrk the same send against each, alternately, and print the medians and ratios."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import importlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import bench_mock

REPO = Path(__file__).resolve().parents[1]
PRISM = REPO / ".bench/node_modules/.bin/prism"
LUA = REPO / "scripts/bench-mock-send.lua"
FLASK_REFERENCE = REPO / "scripts/bench_flask_reference.py"
API_KEY = "bench-key"
TITLE = "TurkeySMS"
SENTTO = "905321234567"
BODY = f'{{"api_key":"{API_KEY}","title":"{TITLE}","text":"ready?","sentto":"{SENTTO}"}}'
# The mock's default worker count (mock_server/defaults.py), read without importing the package.
DEFAULT_WORKERS = 2
ALL_TARGETS = ("prism", "flask", "mock")


@dataclass
class Target:
    """One server under test: its processes, and the URLs wrk splits its connections over."""

    name: str
    urls: list[str]
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)


@dataclass(frozen=True)
class Config:
    """One line of the run: connections and the Python servers' workers and threads."""

    connections: int
    workers: int | None  # None: the mock's default
    threads: int | None

    def label(self) -> str:
        workers = f"{self.workers} workers" if self.workers else f"default workers ({DEFAULT_WORKERS})"
        threads = f" x {self.threads} threads" if self.threads else ""
        return f"{self.connections} connections, {workers}{threads}"

    def server_flags(self) -> list[str]:
        flags = []
        if self.workers:
            flags += ["--workers", str(self.workers)]
        if self.threads:
            flags += ["--threads", str(self.threads)]
        return flags


class Servers:
    """Every process this run started, each in its own session so that one signal reaches its workers."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.started: list[subprocess.Popen[bytes]] = []

    def start(
        self, name: str, argv: Sequence[str], env: dict[str, str] | None = None, cwd: Path = REPO
    ) -> subprocess.Popen[bytes]:
        log = (self.work / f"{name}.log").open("wb")
        process = subprocess.Popen(
            list(argv), stdout=log, stderr=subprocess.STDOUT, cwd=cwd, start_new_session=True, env=env
        )
        self.started.append(process)
        return process

    def stop(self, processes: Sequence[subprocess.Popen[bytes]] | None = None) -> None:
        chosen = list(self.started if processes is None else processes)
        for process in chosen:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for process in chosen:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            if process in self.started:
                self.started.remove(process)

    def log(self, name: str) -> str:
        path = self.work / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""


def _mock_argv(port: int, db: str, seed: Path, config: Config) -> list[str]:
    return [
        sys.executable,
        "-m",
        "turkeysms_mock",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--db",
        db,
        "--seed",
        str(seed),
        *config.server_flags(),
    ]


def _wait(servers: Servers, target: Target, process: subprocess.Popen[bytes], url: str) -> None:
    if target.name == "prism":
        ok = bench_mock.wait_ready(
            f"{url}/sms/send", body=BODY.encode(), expect=None, timeout=90, pid=process.pid
        )
    elif target.name == "flask":
        ok = bench_mock.wait_ready(
            f"{url}/sms/send", body=BODY.encode(), expect=200, timeout=30, pid=process.pid
        )
    else:
        ok = bench_mock.wait_ready(f"{url}/_mock/health", body=None, expect=200, timeout=60, pid=process.pid)
    if not ok:
        raise RuntimeError(f"{target.name} did not start; its log:\n{servers.log(target.name)}")


def start_target(
    servers: Servers,
    name: str,
    config: Config,
    *,
    seed: Path,
    db: str,
    instances: int = 1,
    env: dict[str, str] | None = None,
    cwd: Path = REPO,
) -> Target:
    """Start `name` (prism, flask, or the mock on database `db`: a file or a URL) on free ports; `env`
    and `cwd`: the mock's environment and directory (a baseline's import path and checkout)."""
    ports = bench_mock.free_ports(instances)
    target = Target(name=name, urls=[f"http://127.0.0.1:{port}" for port in ports])
    for index, port in enumerate(ports):
        if name == "prism":
            argv = [str(PRISM), "mock", "-h", "127.0.0.1", "-p", str(port), "spec/openapi.yaml"]
        elif name == "flask":
            argv = [sys.executable, str(FLASK_REFERENCE), "--port", str(port), *config.server_flags()]
        else:
            argv = _mock_argv(port, db, seed, config)
        process = servers.start(name if instances == 1 else f"{name}-{index + 1}", argv, env, cwd)
        target.processes.append(process)
        # One at a time: instances on one database must not race to create its schema.
        _wait(servers, target, process, target.urls[index])
    return target


def _tree(pid: int) -> list[int]:
    """A process and all its descendants (the mock's forked workers, Node's helpers)."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        with contextlib.suppress(OSError):
            queue.extend(
                int(child) for child in Path(f"/proc/{current}/task/{current}/children").read_text().split()
            )
    return found


def cpu_seconds(target: Target) -> float:
    """User + system CPU seconds of every process of the target, so far."""
    ticks = 0
    for process in target.processes:
        for pid in _tree(process.pid):
            with contextlib.suppress(OSError, IndexError, ValueError):
                fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
                ticks += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return ticks / os.sysconf("SC_CLK_TCK")


def run_wrk(target: Target, config: Config, seconds: int, wrk_threads: int, out: Path) -> bench_mock.Round:
    """wrk against every URL of the target at once, the connections split evenly; one merged round,
    with the CPU time the target's processes spent meanwhile."""
    count = len(target.urls)
    cpu_before = cpu_seconds(target)
    running = []
    for index, url in enumerate(target.urls):
        connections = config.connections // count + (1 if index < config.connections % count else 0)
        threads = max(1, min(connections, wrk_threads // count or 1))
        argv = [
            "wrk",
            "-t",
            str(threads),
            "-c",
            str(connections),
            "-d",
            f"{seconds}s",
            "--timeout",
            "5s",
            "--latency",
            "-s",
            str(LUA),
            f"{url}/sms/send",
            "--",
            API_KEY,
            TITLE,
            SENTTO,
        ]
        path = out.with_suffix(f".{index}.txt")
        running.append((path, subprocess.Popen(argv, stdout=path.open("wb"), stderr=subprocess.STDOUT)))
    parts = []
    for path, process in running:
        if process.wait(timeout=seconds + 60) != 0:
            raise RuntimeError(f"wrk failed against {target.name}:\n{path.read_text(errors='replace')}")
        parts.append(bench_mock.parse_wrk_output(target.name, path.read_text()))
    merged = bench_mock.merge(target.name, parts)
    return dataclasses.replace(merged, cpu_s=cpu_seconds(target) - cpu_before)


@contextlib.contextmanager
def postgresql(url: str, work: Path) -> Iterator[Any]:
    """A PostgreSQL server: the URL given (None is yielded), or a pgserver started in the run's temp dir."""
    if url != "postgresql":
        yield None
        return
    try:
        with warnings.catch_warnings():
            # platformdirs, under pgserver, when no XDG_RUNTIME_DIR is set (as for root in a container).
            warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
            # Imported by name: only --db postgresql needs it (the dev extra has it).
            pgserver: Any = importlib.import_module("pgserver")
    except ImportError as missing:
        raise RuntimeError(
            "--db postgresql without a URL needs pgserver (in the dev extra: pip install -e '.[dev]')"
        ) from missing
    server = pgserver.get_server(str(work / "pgdata"), cleanup_mode="stop")
    try:
        yield server
    finally:
        server.cleanup()


def database_url(url: str, server: Any, name: str) -> str:
    """A new, empty database for one line of the run, so that the bench seed is applied to it."""
    if server is None:
        return url  # a URL given: used as it is (see --db)
    base: str = server.get_uri()
    psycopg: Any = importlib.import_module("psycopg")
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    # pgserver's URL names the database `postgres` and its socket directory as `?host=`.
    return base.replace("/postgres?", f"/{name}?", 1)


def measure(
    config: Config,
    *,
    names: Sequence[str],
    args: argparse.Namespace,
    work: Path,
    seed: Path,
    pg_server: Any,
    config_index: int,
) -> tuple[str, bool]:
    servers = Servers(work)
    targets: list[Target] = []
    try:
        for name in names:
            # A new SQLite file per configuration: every line starts from the same empty state.
            db = str(work / f"{name}-{config_index}.db")
            targets.append(start_target(servers, name, config, seed=seed, db=db))
        if args.baseline:
            # The same mock at another commit, in the same run: before and after against one reference.
            db = str(work / f"baseline-{config_index}.db")
            env = {**os.environ, "PYTHONPATH": baseline_path(args.baseline, work)}
            targets.append(
                start_target(servers, "baseline", config, seed=seed, db=db, env=env, cwd=args.baseline)
            )
        if args.db:
            for instances, name in ((1, "pg-1"), (2, "pg-2")):
                url = database_url(args.db, pg_server, f"bench_{config_index}_{instances}")
                targets.append(start_target(servers, name, config, seed=seed, db=url, instances=instances))
        print(
            f"bench-mock: {config.label()}; {args.rounds} rounds x {args.duration}s, {args.threads} wrk threads,"
            f" POST /sms/send (+{args.warmup}s warm-up each)"
        )
        print(f"bench-mock: load average before: {_loadavg()}", flush=True)
        for target in targets:  # warm-up, not counted: JITs, imports, first connections
            run_wrk(target, config, args.warmup, args.threads, work / f"warmup-{target.name}.txt")
        results: dict[str, list[bench_mock.Round]] = {target.name: [] for target in targets}
        for round_no in range(args.rounds):
            # Rotate who goes first, so any drift over the run (heat, page cache, db size) falls on all.
            shift = round_no % len(targets)
            for target in targets[shift:] + targets[:shift]:
                out = work / f"round{round_no + 1}-{target.name}.txt"
                measured = run_wrk(target, config, args.duration, args.threads, out)
                results[target.name].append(measured)
                print(
                    f"  round {round_no + 1} {target.name}: {measured.rate:,.0f} req/s",
                    file=sys.stderr,
                    flush=True,
                )
        text, clean = bench_mock.report(results)
        return f"{text}\nbench-mock: load average after: {_loadavg()}", clean
    finally:
        servers.stop()


def baseline_path(tree: Path, work: Path) -> str:
    """An import path that serves `tree` (a checkout of this repository at another commit, e.g. from
    `git worktree add`) as the turkeysms_mock, turkeysms_spec and turkeysms packages."""
    links = work / "baseline-packages"
    links.mkdir(exist_ok=True)
    for package, folder in (
        ("turkeysms_mock", "mock_server"),
        ("turkeysms_spec", "spec"),
        ("turkeysms", "turkeysms"),
    ):
        link = links / package
        if not link.exists():
            link.symlink_to(tree.resolve() / folder, target_is_directory=True)
    return str(links)


def _loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def configs(args: argparse.Namespace) -> list[Config]:
    """The run's lines: the one asked for, and with --matrix also 64 connections and workers = cores."""
    workers = (
        os.cpu_count()
        if args.mock_workers == "cores"
        else (int(args.mock_workers) if args.mock_workers else None)
    )
    base = Config(args.connections, workers, args.mock_threads)
    found = [base]
    if args.matrix:
        found.append(Config(64, workers, args.mock_threads))
        cores = os.cpu_count() or 1
        if (workers or DEFAULT_WORKERS) != cores:
            found.append(Config(args.connections, cores, args.mock_threads))
        else:
            print(f"bench-mock: workers = cores ({cores}) is this run's first line already; not run twice")
    return found


def parser() -> argparse.ArgumentParser:
    ask = argparse.ArgumentParser(prog="scripts/bench-mock", description=__doc__)
    ask.add_argument("--rounds", type=int, default=3)
    ask.add_argument("--duration", type=int, default=6, help="seconds per round")
    ask.add_argument("--warmup", type=int, default=3, help="seconds of warm-up per server")
    ask.add_argument("--connections", type=int, default=16)
    ask.add_argument("--threads", type=int, default=2, help="wrk threads")
    ask.add_argument(
        "--mock-workers", help="worker processes of the mock and of the Flask reference (N or cores)"
    )
    ask.add_argument("--mock-threads", type=int, help="request threads per worker of both")
    ask.add_argument(
        "--only",
        default=",".join(ALL_TARGETS),
        help=f"comma-separated servers (default {','.join(ALL_TARGETS)})",
    )
    ask.add_argument("--prism-only", action="store_true", help="the same as --only prism")
    ask.add_argument(
        "--matrix",
        action="store_true",
        help="also at 64 connections and with workers = cores (os.cpu_count())",
    )
    ask.add_argument(
        "--db",
        help="also the mock on PostgreSQL, one instance and two on one database (postgresql: a pgserver"
        " in a temp dir; postgresql://URL: that database, which must be empty)",
    )
    ask.add_argument(
        "--baseline",
        type=Path,
        help="also this checkout of the repository (another commit) as the row `baseline`, in the same run",
    )
    ask.add_argument("--smoke", action="store_true", help="the plumbing only: 1 round of 1 s, 1 s warm-up")
    return ask


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.smoke:
        args.rounds, args.duration, args.warmup = 1, 1, 1
    names = ["prism"] if args.prism_only else [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = sorted(set(names) - set(ALL_TARGETS))
    if unknown or (args.mock_workers not in (None, "cores") and not str(args.mock_workers).isdigit()):
        print(f"bench-mock: unknown server {unknown} or --mock-workers value", file=sys.stderr)
        return 2
    if args.db and not args.db.startswith("postgresql"):
        print("bench-mock: --db takes postgresql or a postgresql:// URL", file=sys.stderr)
        return 2
    if shutil.which("wrk") is None:
        print("bench-mock: wrk is not installed (scripts/bench-mock installs it)", file=sys.stderr)
        return 2
    clean = True
    with tempfile.TemporaryDirectory(prefix="bench-mock.") as tmp:
        work = Path(tmp)
        seed = work / "seed.yaml"
        bench_mock.main(["seed", str(seed), "--api-key", API_KEY, "--title", TITLE])
        try:
            with postgresql(args.db or "", work) if args.db else contextlib.nullcontext() as pg_server:
                for index, config in enumerate(configs(args)):
                    text, ok = measure(
                        config,
                        names=names,
                        args=args,
                        work=work,
                        seed=seed,
                        pg_server=pg_server,
                        config_index=index,
                    )
                    print(f"\n{text}\n", flush=True)
                    clean = clean and ok
        except RuntimeError as failure:
            print(f"bench-mock: {failure}", file=sys.stderr)
            return 1
    if not clean:
        print("FAIL: some responses were not 200 (or sockets failed); the figures above are not valid.")
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
