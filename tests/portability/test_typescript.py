"""TypeScript users: openapi-typescript's types and a small openapi-fetch program pass `tsc --strict`."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.portability import tools

PROGRAM = Path(__file__).with_name("program.ts")
TSCONFIG = {
    "compilerOptions": {
        "strict": True,
        "noUncheckedIndexedAccess": True,
        "noEmit": True,
        "target": "ES2022",
        "module": "ESNext",
        "moduleResolution": "Bundler",
        "lib": ["ES2022", "DOM"],
        "types": [],
    },
    "files": ["program.ts"],
}


def test_the_program_uses_no_casts() -> None:
    code = "\n".join(
        line for line in PROGRAM.read_text(encoding="utf-8").splitlines() if not line.startswith("//")
    )
    # `x as T`, `<T>x`, `x!` and `any` are the ways around the types; a generic call `f<T>(…)` is not.
    assert re.search(r"\bas\s+[A-Za-z{(\[]|(?<!\w)<[A-Z]\w*>\s*\w|!\.|!;|!\)|\bany\b", code) is None


def test_typescript_program_compiles_strictly(node_bin: Path, tmp_path: Path) -> None:
    types = tmp_path / "turkeysms.d.ts"
    done = tools.run([str(node_bin / "openapi-typescript"), str(tools.SPEC), "-o", str(types)])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "vnd.php" not in types.read_text(encoding="utf-8")  # every answer is typed as JSON
    (tmp_path / "program.ts").write_text(PROGRAM.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "tsconfig.json").write_text(json.dumps(TSCONFIG), encoding="utf-8")
    (tmp_path / "node_modules").symlink_to(node_bin.parent, target_is_directory=True)
    done = tools.run([str(node_bin / "tsc"), "-p", str(tmp_path / "tsconfig.json")])
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-3000:]
