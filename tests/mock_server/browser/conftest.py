"""Browser fixtures: Debian's chromium under Playwright, one served mock (gunicorn) per session, a page per test."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.serving import serving

REPO = Path(__file__).resolve().parents[3]
REPORTS = REPO / "reports"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
# Playwright's own browser download does not work on these machines; Debian's package does.
INSTALL_COMMAND = "apt-get update && apt-get install -y chromium"
# Headless in a container: no sandbox (no user namespaces), no GPU, and nothing that phones home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
MAIN_KEY, OTHER_KEY = "inbox-key", "shop-key"
SEED = {
    "accounts": [
        {
            "name": "demo",
            "api_keys": [{"key": MAIN_KEY, "permissions": "all"}],
            "balance": {"main": 100000, "international": 1000},
            "sender_ids": [
                {"title": "TurkeySMS", "status": "active"},
                {"title": "MyCompany", "status": "active"},
            ],
        },
        {
            "name": "shop",
            "api_keys": [{"key": OTHER_KEY, "permissions": "all"}],
            "balance": {"main": 1000, "international": 0},
            "sender_ids": [{"title": "ShopCo", "status": "active"}],
        },
    ]
}


def _find_chromium() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return found or next((path for path in CHROMIUM_CANDIDATES if os.access(path, os.X_OK)), None)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """A Chromium to drive: found, or installed from Debian when missing and running as root."""
    found = _find_chromium()
    if found:
        return found
    if os.geteuid() != 0:
        pytest.skip(f"no Chromium found and not root, so it cannot be installed: run `{INSTALL_COMMAND}`")
    result = subprocess.run(
        ["sh", "-c", INSTALL_COMMAND], check=False, capture_output=True, text=True, timeout=900
    )
    found = _find_chromium()
    if result.returncode != 0 or not found:
        pytest.skip(f"`{INSTALL_COMMAND}` failed ({result.returncode}): {result.stderr[-500:]}")
    return found


# Per module, not per session: while Playwright's sync API runs, its event loop counts as running in
# the main thread, and any later test that calls asyncio.run() would fail.
@pytest.fixture(scope="module")
def browser(chromium_path: str) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is in the dev extra")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield launched
        finally:
            launched.close()


class Mock:
    """The served mock: base URL and control calls with the standard library."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def call(self, path: str, body: dict[str, Any] | None = None, method: str | None = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.base_url + path, data=data, method=method or ("GET" if body is None else "POST")
        )
        request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())


@pytest.fixture(scope="session")
def served_mock(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Mock]:
    """The mock as users run it: the command line, gunicorn sync workers, a database file."""
    workdir = tmp_path_factory.mktemp("inbox-mock")
    (workdir / "seed.yaml").write_text(yaml.safe_dump(SEED))
    with serving(workdir, "--db", str(workdir / "mock.sqlite3"), "--seed", str(workdir / "seed.yaml")) as (
        base,
        _,
    ):
        yield Mock(base)


@pytest.fixture
def mock(served_mock: Mock) -> Mock:
    served_mock.call("/_mock/reset", {})
    return served_mock


@pytest.fixture
def expected_console() -> list[str]:
    """Texts of console errors a test expects (Chromium logs every refused fetch as one); any other fails."""
    return []


@pytest.fixture
def page(browser: Any, mock: Mock, expected_console: list[str]) -> Iterator[Any]:
    """The inbox open at desktop width; the test fails on any console error, page error or dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
    tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    tab.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    tab.goto(mock.base_url + "/")
    tab.locator("#live.on").wait_for(timeout=5000)
    try:
        yield tab
    finally:
        context.close()
    unexpected = [text for text in problems if not any(part in text for part in expected_console)]
    assert not unexpected, unexpected
