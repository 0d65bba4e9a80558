"""Control calls: only JSON, only from hosts and origins the mock serves, the token when one is set."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from tests.conftest import both_engines
from turkeysms_mock import create_app

TOKEN = "tok-3f9a"


def _client(tmp_path: Path, **config: object) -> FlaskClient:
    return create_app({"DATABASE": str(tmp_path / "guard.sqlite3"), **config}).test_client()


@pytest.mark.parametrize(
    "content_type", ["application/x-www-form-urlencoded", "text/plain", "multipart/form-data", None]
)
def test_a_control_post_that_is_not_json_is_refused(tmp_path: Path, content_type: str | None) -> None:
    # What a page on another site can send without a CORS preflight: a form or text/plain POST.
    client = _client(tmp_path)
    headers = {"Origin": "http://localhost:3000"} | ({"Content-Type": content_type} if content_type else {})
    response = client.post("/_mock/reset", data=b"a=1", headers=headers)
    assert (response.status_code, response.get_json()["error"]) == (415, "unsupported_media_type")
    assert client.post("/_mock/reset", json={}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example:8080", "rebind.attacker.test", "127.0.0.1.evil.test"])
def test_a_host_it_does_not_serve_is_refused(tmp_path: Path, host: str) -> None:
    # DNS rebinding: the attacker's name resolves to 127.0.0.1, the Host header still carries it.
    response = _client(tmp_path).get("/_mock/otp?mobile=905321234567", headers={"Host": host})
    assert (response.status_code, response.get_json()["error"]) == (403, "forbidden_host")


@pytest.mark.parametrize("origin", ["https://evil.example", "null", "http://localhost.evil.test"])
def test_a_foreign_origin_is_refused(tmp_path: Path, origin: str) -> None:
    response = _client(tmp_path).post("/_mock/reset", json={}, headers={"Origin": origin})
    assert (response.status_code, response.get_json()["error"]) == (403, "forbidden_origin")


def test_loopback_the_bound_address_and_allowed_hosts_pass(tmp_path: Path) -> None:
    client = _client(tmp_path, HOST="10.1.2.3", ALLOWED_HOSTS=["mock.internal"])
    for host in ("localhost:8080", "127.0.0.1:1", "[::1]:8080", "10.1.2.3:8080", "MOCK.internal"):
        assert client.get("/_mock/health", headers={"Host": host}).status_code == 200, host
    assert (
        client.post("/_mock/reset", json={}, headers={"Origin": "http://mock.internal:9000"}).status_code
        == 200
    )


@pytest.mark.parametrize("host", ["10.0.3.17:8080", "mock-1.staging.internal", "192.0.2.2"])
def test_health_answers_the_host_a_load_balancer_probes_with(tmp_path: Path, host: str) -> None:
    # A load balancer or an orchestrator probes each instance by its own address (ALB, Kubernetes:
    # the target's IP), which no --allowed-host can list ahead; the answer holds nothing to steal.
    client = _client(tmp_path, HOST="0.0.0.0", CONTROL_TOKEN=TOKEN)  # a bind, as served
    probe = client.get("/_mock/health", headers={"Host": host, "Origin": "http://lb.example"})
    assert probe.status_code == 200, probe.get_data(as_text=True)
    refused = client.get("/_mock/otp?mobile=905321234567", headers={"Host": host, "X-Mock-Token": TOKEN})
    assert refused.status_code == 403  # every other control call still checks the Host


def test_any_host_when_told(tmp_path: Path) -> None:
    client = _client(tmp_path, ALLOWED_HOSTS=["*"])
    assert client.get("/_mock/health", headers={"Host": "anything.test"}).status_code == 200


def test_the_api_itself_answers_any_host(tmp_path: Path) -> None:
    # A container reaches the mock by its service name; the API needs its key, not a host.
    response = _client(tmp_path).post(
        "/balance/", json={"api_key": "test-key"}, headers={"Host": "mock:8080"}
    )
    assert response.status_code == 200


def test_the_control_token_is_required_when_set(tmp_path: Path) -> None:
    client = _client(tmp_path, CONTROL_TOKEN=TOKEN)
    refused = client.post("/_mock/clock", json={"advance": 0})
    assert (refused.status_code, refused.get_json()["error"]) == (401, "unauthorized")
    wrong = client.get("/_mock/webhooks", headers={"X-Mock-Token": TOKEN + "x"})
    assert wrong.status_code == 401
    assert (
        client.post("/_mock/clock", json={"advance": 0}, headers={"X-Mock-Token": TOKEN}).status_code == 200
    )
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    assert client.get("/_mock/otp?mobile=905321234567", headers=bearer).status_code == 404  # passed the guard
    assert client.get("/_mock/health").status_code == 200  # a load balancer's check needs no token


def test_a_webhook_url_with_cr_or_lf_is_refused(tmp_path: Path) -> None:
    client = _client(tmp_path)
    for url in ("http://127.0.0.1:9/hook\r\nX-Injected: 1", "http://127.0.0.1:9/a\nb", "http://h/ a"):
        response = client.post("/_mock/webhook", json={"api_key": "test-key", "url": url, "secret": "s"})
        assert (response.status_code, response.get_json()["error"]) == (400, "invalid_request"), url


@both_engines
def test_health_is_readiness_and_includes_the_database(database_target: str) -> None:
    app = create_app({"DATABASE": database_target})
    client = app.test_client()
    assert client.get("/_mock/health").status_code == 200
    database = app.extensions["turkeysms_mock"].database
    with database.write() as connection:
        connection.execute("DROP TABLE mock_state")  # a database that no longer holds the mock's state
    answer = client.get("/_mock/health")
    assert (answer.status_code, answer.get_json()["error"]) == (503, "unavailable")


@pytest.mark.parametrize("given", ["tëk", "tok-3f9a\u00ff", "\u20ac"])
def test_a_token_with_characters_beyond_ascii_is_refused_not_an_error(tmp_path: Path, given: str) -> None:
    # hmac.compare_digest raises on such str; werkzeug hands a latin-1 header over as exactly that.
    client = _client(tmp_path, CONTROL_TOKEN=TOKEN)
    refused = client.get("/_mock/faults", headers={"X-Mock-Token": given.encode().decode("latin-1")})
    assert (refused.status_code, refused.get_json()["error"]) == (401, "unauthorized")
