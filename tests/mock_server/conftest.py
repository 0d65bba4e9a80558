"""Fixtures in the Flask tutorial's style: an app on a temporary database, its client, its clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests import seeds
from turkeysms_mock import create_app
from turkeysms_mock.domain.backend import Backend
from turkeysms_mock.domain.clock import Clock


def test_seed() -> dict[str, Any]:
    """Accounts for every refusal: a key without each permission, suspended, limited, poor, domestic."""
    return seeds.every_refusal(
        name="main", key="key-all", balance={"main": 1000, "international": 100}, rate_limit=2
    )


test_seed.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test


@pytest.fixture
def seed_file(tmp_path: Path) -> Path:
    return seeds.write(tmp_path / "seed.yaml", test_seed())


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def app(database_target: str, seed_file: Path, clock: Clock) -> Iterator[Flask]:
    """On SQLite, or on both engines in a module marked `both_engines` (tests/conftest.py)."""
    app = create_app({"DATABASE": database_target, "SEED": str(seed_file), "CLOCK": clock})
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
