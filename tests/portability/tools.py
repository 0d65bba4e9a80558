"""The pinned tools of the portability suite, installed on first use into the git-ignored .portability/."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("TURKEYSMS_PORTABILITY_CACHE", ROOT / ".portability"))
SPEC = ROOT / "spec" / "openapi.yaml"

# Pinned: a tool's new release must not turn the suite red or green by itself.
OPENAPI_GENERATOR_CLI = "openapi-generator-cli==7.26.0"
NPM_PACKAGES = {
    "openapi-typescript": "7.13.0",
    "openapi-fetch": "0.17.0",
    "typescript": "5.9.3",
    "@stoplight/spectral-cli": "6.16.3",
    "@redocly/cli": "2.77.0",
}
# Debian's Jakarta APIs for the Java client's annotations; Maven Central is not reachable from here.
DEBIAN_JARS = {
    "libjakarta-validation-api-java": "usr/share/java/jakarta-validation-api.jar",
    "libjakarta-annotation-api-java": "usr/share/java/jakarta-annotation-api.jar",
}
# The Jackson packages the generated Java client imports: the generator's own jar bundles them.
JACKSON_PACKAGES = (
    "com/fasterxml/jackson/annotation/",
    "com/fasterxml/jackson/core/",
    "com/fasterxml/jackson/databind/",
    "com/fasterxml/jackson/datatype/jsr310/",
)
TIMEOUT_S = 600


def run(command: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)


def _checked(command: list[str], cwd: Path | None = None) -> None:
    done = run(command, cwd)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")


def openapi_generator() -> Path:
    """The openapi-generator-cli command (the PyPI wheel bundles the jar), in its own venv."""
    home = CACHE / "openapi-generator"
    command = home / "bin" / "openapi-generator-cli"
    stamp = home / "installed.txt"
    if not (command.exists() and stamp.exists() and stamp.read_text() == OPENAPI_GENERATOR_CLI):
        shutil.rmtree(home, ignore_errors=True)
        venv.create(home, with_pip=True)
        _checked([str(home / "bin" / "python"), "-m", "pip", "install", "--quiet", OPENAPI_GENERATOR_CLI])
        stamp.write_text(OPENAPI_GENERATOR_CLI)
    return command


def generator_jar() -> Path:
    (jar,) = (CACHE / "openapi-generator").glob("lib/python*/site-packages/openapi_generator_cli/*.jar")
    return jar


def node_bin() -> Path:
    """node_modules/.bin of the pinned npm packages."""
    home = CACHE / "npm"
    manifest = {"name": "turkeysms-portability", "private": True, "dependencies": NPM_PACKAGES}
    wanted = json.dumps(manifest, indent=2, sort_keys=True)
    stamp = home / "installed.json"
    if not (stamp.exists() and stamp.read_text() == wanted):
        home.mkdir(parents=True, exist_ok=True)
        (home / "package.json").write_text(wanted)
        _checked(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"], cwd=home)
        stamp.write_text(wanted)
    return home / "node_modules" / ".bin"


def java_classpath() -> list[Path]:
    """The generated Java client's dependencies: Jackson from the generator's jar, Jakarta from Debian."""
    jackson = CACHE / "java" / "jackson"
    if not (jackson / "com").exists():
        with zipfile.ZipFile(generator_jar()) as jar:
            members = [name for name in jar.namelist() if name.startswith(JACKSON_PACKAGES)]
            jar.extractall(jackson, members)
    debs = CACHE / "java" / "debian"
    jars = [debs / path for path in DEBIAN_JARS.values()]
    if not all(jar.exists() for jar in jars):
        debs.mkdir(parents=True, exist_ok=True)
        download = ["apt-get", "download", *DEBIAN_JARS]
        if run(download, cwd=debs).returncode != 0 and os.geteuid() == 0:
            _checked(["apt-get", "update", "-qq"])  # a fresh machine has no package lists yet
        _checked(download, cwd=debs)
        for deb in debs.glob("*.deb"):
            _checked(["dpkg-deb", "-x", str(deb), str(debs)])
    return [jackson, *jars]
