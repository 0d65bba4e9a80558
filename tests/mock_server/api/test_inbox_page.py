"""The inbox page's routes: the page at / and /inbox, its packaged assets, the CSP, and JSON errors elsewhere."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from turkeysms_mock.api.inbox_page import ASSETS, CONTENT_SECURITY_POLICY

REPO = Path(__file__).resolve().parents[3]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.inline_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        if self.tags and self.tags[-1][0] in {"script", "style"} and data.strip():
            self.inline_script = True


@pytest.mark.parametrize("path", ["/", "/inbox", "/inbox/"])
def test_the_page_is_served_with_a_strict_policy(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY and "unsafe" not in CONTENT_SECURITY_POLICY


def test_the_page_needs_no_inline_script_or_style_and_nothing_from_elsewhere(client: FlaskClient) -> None:
    parser = _Tags()
    parser.feed(client.get("/").get_data(as_text=True))
    assert not parser.inline_script
    assert not [tag for tag, _ in parser.tags if tag == "style"]
    for tag, attrs in parser.tags:
        assert "style" not in attrs, tag
        assert not [name for name in attrs if name.startswith("on")], tag
        for name in ("src", "href"):
            link = attrs.get(name)
            if link and not link.startswith("#"):
                assert link.startswith("/inbox/"), link
                assert client.get(link).status_code == 200, link


@pytest.mark.parametrize(
    ("name", "mimetype"),
    [("inbox.js", "text/javascript"), ("inbox.css", "text/css"), ("favicon.svg", "image/svg+xml")],
)
def test_each_asset_is_served_with_its_type_and_the_policy(
    client: FlaskClient, name: str, mimetype: str
) -> None:
    response = client.get(f"/inbox/{name}")
    assert (response.status_code, response.mimetype) == (200, mimetype)
    assert response.data == (ASSETS / name).read_bytes()
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY


@pytest.mark.parametrize(
    "path", ["/inbox/index.html", "/inbox/nope.js", "/inbox/..%2fapi%2finbox_page.py", "/inbox/a/b"]
)
def test_anything_else_under_inbox_is_a_json_404(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert (response.status_code, response.mimetype) == (404, "application/json")
    assert response.get_json()["result_code"] == "TS-1033"


@pytest.mark.parametrize(
    ("method", "path", "status", "field"),
    [
        ("GET", "/_mock/nowhere", 404, "error"),
        ("POST", "/_mock/changes", 405, "error"),
        ("POST", "/inbox", 405, "result_code"),
        ("GET", "/sms/nowhere", 404, "result_code"),
    ],
)
def test_api_paths_keep_their_json_errors(
    client: FlaskClient, method: str, path: str, status: int, field: str
) -> None:
    response = client.open(path, method=method)
    assert (response.status_code, response.mimetype) == (status, "application/json")
    assert field in response.get_json()


def test_the_script_never_writes_html() -> None:
    # Untrusted text reaches the DOM through textContent and attribute values only.
    script = (ASSETS / "inbox.js").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script, sink
    assert not re.search(r"setAttribute\(\s*[\"']on", script)


def test_every_asset_is_shipped_as_package_data() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["turkeysms_mock"]
    files = [path.relative_to(ASSETS.parent).as_posix() for path in ASSETS.iterdir()]
    assert {"inbox/index.html", "inbox/inbox.js", "inbox/inbox.css", "inbox/favicon.svg"} <= set(files)
    for name in files:
        assert any(fnmatch.fnmatch(name, pattern) for pattern in patterns), name
