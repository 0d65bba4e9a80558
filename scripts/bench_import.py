"""`import turkeysms` against `import httpx` (python -X importtime), alternately, and where the time goes."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Imported:
    """One `-X importtime` run: the module's cumulative microseconds and each package's own."""

    module: str
    total_us: int
    by_package: Counter[str]


def parse_importtime(module: str, stderr: str) -> Imported:
    """Read `import time: self | cumulative | name` lines; the total is the top-level line of `module`."""
    total: int | None = None
    by_package: Counter[str] = Counter()
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = (part.strip() for part in line.removeprefix("import time:").split("|", 2))
        by_package[name.split(".", 1)[0]] += int(own)
        if name == module:
            total = int(cumulative)
    if total is None:
        raise ValueError(f"no top-level import time line for {module!r}")
    return Imported(module, total, by_package)


def measure(module: str, python: str) -> Imported:
    done = subprocess.run(
        [python, "-X", "importtime", "-c", f"import {module}"], capture_output=True, text=True, check=True
    )
    return parse_importtime(module, done.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=9, help="fresh interpreters per module (default 9)")
    parser.add_argument("--top", type=int, default=8, help="packages listed by own import time (default 8)")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument(
        "--module", default="turkeysms", help="what to compare with httpx (default turkeysms)"
    )
    args = parser.parse_args(argv)
    runs: dict[str, list[Imported]] = {"httpx": [], args.module: []}
    for round_ in range(args.rounds):
        # Alternate the order so that drift in machine load falls on both alike.
        order = list(runs) if round_ % 2 == 0 else list(reversed(runs))
        for module in order:
            runs[module].append(measure(module, args.python))
    print(f"bench-import: {args.rounds} fresh interpreters each, python -X importtime, cumulative ms")
    medians: dict[str, float] = {}
    fastest: dict[str, float] = {}
    for module, found in runs.items():
        totals = [r.total_us / 1000 for r in found]
        medians[module], fastest[module] = statistics.median(totals), min(totals)
        print(
            f"  import {module:<10} median {medians[module]:7.1f}  fastest {fastest[module]:7.1f}  slowest {max(totals):7.1f}"
        )
    print(
        f"  ratio {args.module}/httpx: {medians[args.module] / medians['httpx']:.2f}x median, "
        f"{fastest[args.module] / fastest['httpx']:.2f}x fastest"
    )
    # The fastest run is the least disturbed one: its per-package split says where the time goes.
    best = min(runs[args.module], key=lambda r: r.total_us)
    print(f"  where `import {args.module}` goes (fastest run, own time per top-level package, ms):")
    for package, own in best.by_package.most_common(args.top):
        print(f"    {package:<28} {own / 1000:6.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
