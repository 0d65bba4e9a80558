"""Fixtures in the Flask tutorial's style: an app on a temporary database, its client, its clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from turkeysms._contract import permissions
from turkeysms_mock import create_app
from turkeysms_mock.domain.backend import Backend
from turkeysms_mock.domain.clock import Clock

ACTIVE = [{"title": "MyCompany", "status": "active"}, {"title": "TurkeySMS", "status": "active"}]
SENDERS = [*ACTIVE, {"title": "Pending", "status": "inactive"}]


def _account(name: str, keys: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    account = {
        "name": name,
        "api_keys": keys,
        "balance": {"main": 1000, "international": 100},
        "sender_ids": SENDERS,
        "rate_limit_per_minute": 0,
    }
    account.update(extra)
    return account


def test_seed() -> dict[str, Any]:
    """Accounts for every refusal: a key without each permission, suspended, limited, poor, domestic."""
    every = sorted(permissions())
    without = [
        {"key": f"key-without-{name}", "permissions": [p for p in every if p != name]} for name in every
    ]
    return {
        "accounts": [
            _account(
                "main",
                [
                    {"key": "key-all", "permissions": "all"},
                    *without,
                    {"key": "key-inactive", "permissions": "all", "status": "inactive"},
                ],
            ),
            _account("other", [{"key": "key-other", "permissions": "all"}]),
            _account("suspended", [{"key": "key-suspended", "permissions": "all"}], status="suspended"),
            _account("limited", [{"key": "key-limited", "permissions": "all"}], rate_limit_per_minute=2),
            _account(
                "poor", [{"key": "key-poor", "permissions": "all"}], balance={"main": 0, "international": 0}
            ),
            _account("domestic", [{"key": "key-domestic", "permissions": "all"}], international=False),
        ]
    }


test_seed.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test


@pytest.fixture
def seed_file(tmp_path: Path) -> Path:
    path = tmp_path / "seed.yaml"
    path.write_text(yaml.safe_dump(test_seed(), sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def app(tmp_path: Path, seed_file: Path, clock: Clock) -> Iterator[Flask]:
    app = create_app({"DATABASE": str(tmp_path / "mock.sqlite3"), "SEED": str(seed_file), "CLOCK": clock})
    yield app
    backend(app).database.close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def backend(app: Flask) -> Backend:
    found: Backend = app.extensions["turkeysms_mock"]
    return found


class Api:
    """POSTs JSON bodies with a default key, the way every test calls the mock."""

    def __init__(self, client: FlaskClient, key: str = "key-all") -> None:
        self.client = client
        self.key = key

    def __call__(self, path: str, *, key: str | None = None, **body: Any) -> TestResponse:
        return self.client.post(path, json={"api_key": key or self.key, **body})

    def ok(self, path: str, **body: Any) -> dict[str, Any]:
        response = self(path, **body)
        assert response.status_code == 200, response.get_data(as_text=True)
        payload: dict[str, Any] = response.get_json()
        return payload


@pytest.fixture
def api(client: FlaskClient) -> Api:
    return Api(client)


def send(api: Api, to: str = "905321234567", text: str = "Hello", **extra: Any) -> dict[str, Any]:
    return api.ok("/sms/send", title="MyCompany", text=text, sentto=to, **extra)
