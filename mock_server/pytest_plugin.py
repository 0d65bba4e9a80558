"""pytest plugin: the `turkeysms_mock` fixture, a mock server on a real socket, reset before each test."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import pytest

from . import extra

if TYPE_CHECKING:
    from wsgiref.types import WSGIApplication

    import httpx

    from turkeysms import TurkeySMS

# httpx, Flask and the app are imported only when the fixture is used: this module is loaded into
# every pytest session of an environment that has the package, and must cost nothing otherwise.


class MockServer:
    """A running mock: its base URL, the seed's first API key and account, and helpers over the control API."""

    def __init__(
        self, base_url: str, api_key: str, account: str = "demo", *, app: WSGIApplication | None = None
    ) -> None:
        self.base_url = base_url
        self.api_key = api_key
        self.account = account
        import httpx  # noqa: PLC0415  # see the note at the top

        self.http = httpx.Client(base_url=base_url, timeout=30, trust_env=False)
        # The session's own server runs in this process: its reset, once per test, skips the socket
        # and the server's thread (about 2 ms a test on werkzeug's server) and goes to the app itself.
        self._control = (
            self.http
            if app is None
            else httpx.Client(
                base_url=base_url, transport=httpx.WSGITransport(app=app), timeout=30, trust_env=False
            )
        )
        self._client: TurkeySMS | None = None

    @property
    def client(self) -> TurkeySMS:
        """A `TurkeySMS` on this mock with its key, made once per session (one connection pool).

        A client per test costs a connection per test; this one keeps its connection open.
        """
        if self._client is None:
            from turkeysms import TurkeySMS  # noqa: PLC0415  # see the note at the top

            self._client = TurkeySMS(self.api_key, base_url=self.base_url)
        return self._client

    def close(self) -> None:
        """Close the fixture's connections (the session fixture does it at the end)."""
        if self._client is not None:
            self._client.close()
        if self._control is not self.http:
            self._control.close()
        self.http.close()

    def _ok(self, response: httpx.Response, status: int = 200) -> Any:
        if response.status_code != status:
            raise AssertionError(f"{response.request.url}: {response.status_code} {response.text}")
        return response.json()

    def post(self, path: str, **body: Any) -> dict[str, Any]:
        """Call a TurkeySMS operation with this mock's API key; answers the JSON body whatever its status."""
        answer: dict[str, Any] = self.http.post(path, json={"api_key": self.api_key, **body}).json()
        return answer

    def reset(self) -> None:
        """Back to the seed: every message, fault rule and edit gone, the clock at real time."""
        self._ok(self._control.post("/_mock/reset", json={}))

    def advance(self, seconds: float) -> str:
        """Move the mock clock forward; due deliveries and webhooks have run when it returns."""
        now: str = self._ok(self.http.post("/_mock/clock", json={"advance": seconds}))["now"]
        return now

    def otp(self, mobile: str) -> str:
        """The latest OTP code sent to `mobile`."""
        code: str = self._ok(self.http.get("/_mock/otp", params={"mobile": mobile}))["code"]
        return code

    def messages(
        self,
        to: str | None = None,
        limit: int = 100,
        *,
        sms_id: int | None = None,
        status: str | None = None,
        since: str | None = None,
    ) -> list[dict[str, Any]]:
        """Messages received, newest first (one entry per recipient): the first `limit` that match."""
        found: list[dict[str, Any]] = self._page(
            to=to, limit=limit, sms_id=sms_id, status=status, since=since
        )["messages"]
        return found

    def iter_messages(
        self,
        to: str | None = None,
        *,
        sms_id: int | None = None,
        status: str | None = None,
        since: str | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Every matching message, newest first, a page of 1,000 at a time."""
        cursor: str | None = None
        while True:
            page = self._page(to=to, limit=1000, sms_id=sms_id, status=status, since=since, cursor=cursor)
            yield from page["messages"]
            cursor = page["next_cursor"]
            if cursor is None:
                return

    def _page(self, **params: Any) -> dict[str, Any]:
        chosen = {name: value for name, value in params.items() if value is not None}
        page: dict[str, Any] = self._ok(self.http.get("/_mock/messages", params=chosen))
        return page

    def set_webhook(self, url: str | None, secret: str = "", api_key: str | None = None) -> None:
        body = {"api_key": api_key or self.api_key, "url": url, "secret": secret}
        self._ok(self.http.post("/_mock/webhook", json=body))

    def webhooks(self, sms_id: int | None = None) -> dict[str, Any]:
        """Webhook attempts (newest first) and what is still pending in the outbox."""
        params = {} if sms_id is None else {"sms_id": sms_id}
        history: dict[str, Any] = self._ok(self.http.get("/_mock/webhooks", params=params))
        return history

    def force_status(self, sms_id: int, status: str, recipient: str | None = None) -> list[dict[str, Any]]:
        body = {"status": status} if recipient is None else {"status": status, "recipient": recipient}
        found: list[dict[str, Any]] = self._ok(self.http.post(f"/_mock/messages/{sms_id}/status", json=body))[
            "messages"
        ]
        return found

    # Faults (spec/control-api.yaml, tag faults).

    def fault(
        self,
        kind: str,
        *,
        count: int = 1,
        operation: str | None = None,
        api_key: str | None = None,
        recipient: str | None = None,
        **params: Any,
    ) -> dict[str, Any]:
        """Make the next `count` matching requests meet a fault; returns the stored rule.

        `kind` is code (`code="TS-1060", retry_after=2`), status (`status=503`), gateway
        (`status=502`), delay (`seconds=1.5`), drop or hang (`seconds=5`); `commit=` says whether the
        request is carried out first. `operation` (a path such as "/sms/send"), `api_key` and
        `recipient` narrow which requests match.
        """
        match = {"operation": operation, "api_key": api_key, "recipient": recipient}
        body = {"kind": kind, "count": count, **{k: v for k, v in match.items() if v is not None}, **params}
        rule: dict[str, Any] = self._ok(self.http.post("/_mock/faults", json=body), 201)
        return rule

    def faults(self) -> list[dict[str, Any]]:
        """Every fault rule, newest first, with its `remaining` requests."""
        found: list[dict[str, Any]] = self._ok(self.http.get("/_mock/faults"))["faults"]
        return found

    def clear_faults(self) -> int:
        cleared: int = self._ok(self.http.delete("/_mock/faults"))["cleared"]
        return cleared

    # Live account edits (spec/control-api.yaml, tag accounts); `account` defaults to the seed's first.

    def accounts(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self._ok(self.http.get("/_mock/accounts"))["accounts"]
        return found

    def _account_call(
        self, method: str, suffix: str, body: dict[str, Any], account: str | None, status: int = 200
    ) -> dict[str, Any]:
        path = f"/_mock/accounts/{quote(account or self.account, safe='')}{suffix}"
        state: dict[str, Any] = self._ok(self.http.request(method, path, json=body), status)
        return state

    def top_up(self, main: int = 0, international: int = 0, account: str | None = None) -> dict[str, int]:
        """Add credits; returns the balance after."""
        state = self._account_call(
            "POST", "/balance", {"add": {"main": main, "international": international}}, account
        )
        balance: dict[str, int] = state["balance"]
        return balance

    def set_balance(
        self, main: int | None = None, international: int | None = None, account: str | None = None
    ) -> dict[str, int]:
        """Set the balances given (the others stay); returns the balance after."""
        amounts = {k: v for k, v in (("main", main), ("international", international)) if v is not None}
        balance: dict[str, int] = self._account_call("POST", "/balance", {"set": amounts}, account)["balance"]
        return balance

    def edit_account(self, account: str | None = None, **changes: Any) -> dict[str, Any]:
        """Change `status` (active, suspended), `international` or `rate_limit_per_minute`."""
        return self._account_call("PATCH", "", changes, account)

    def suspend(self, account: str | None = None) -> dict[str, Any]:
        return self.edit_account(account, status="suspended")

    def reactivate(self, account: str | None = None) -> dict[str, Any]:
        return self.edit_account(account, status="active")

    def add_key(
        self,
        key: str,
        permissions: str | list[str] = "all",
        status: str = "active",
        account: str | None = None,
    ) -> dict[str, Any]:
        body = {"key": key, "permissions": permissions, "status": status}
        return self._account_call("POST", "/keys", body, account, 201)

    def edit_key(
        self,
        key: str | None = None,
        *,
        status: str | None = None,
        permissions: str | list[str] | None = None,
        account: str | None = None,
    ) -> dict[str, Any]:
        """Deactivate or reactivate a key (default: the fixture's) or replace its permissions."""
        changes = {k: v for k, v in (("status", status), ("permissions", permissions)) if v is not None}
        return self._account_call("PATCH", "/keys", {"key": key or self.api_key, **changes}, account)

    def add_sender_id(self, title: str, status: str = "active", account: str | None = None) -> dict[str, Any]:
        return self._account_call("POST", "/sender-ids", {"title": title, "status": status}, account, 201)

    def edit_sender_id(self, title: str, status: str, account: str | None = None) -> dict[str, Any]:
        return self._account_call("PATCH", "/sender-ids", {"title": title, "status": status}, account)


@pytest.fixture(scope="session")
def turkeysms_mock_seed() -> Path | None:
    """The seed file of the mock; override this fixture to use your own (default: the demo account)."""
    return None


@pytest.fixture(scope="session")
def turkeysms_mock_server(turkeysms_mock_seed: Path | None) -> Iterator[MockServer]:
    """One mock per session, served by werkzeug in a thread; `turkeysms_mock` resets it per test."""
    absent = extra.missing()
    if absent:
        # No traceback: the one line says what to install.
        pytest.fail(str(extra.MockExtraMissingError("The turkeysms_mock fixture", absent)), pytrace=False)
    from werkzeug.serving import WSGIRequestHandler, make_server  # noqa: PLC0415  # see the note at the top

    from . import create_app  # noqa: PLC0415
    from .api.control import DISPATCHER_KEY  # noqa: PLC0415
    from .domain import seed  # noqa: PLC0415

    # In memory: a session's state needs no file, and werkzeug's thread per request would
    # otherwise open a database file (and its lock) per request.
    app = create_app({"DATABASE": ":memory:", "SEED": turkeysms_mock_seed, "WEBHOOK_THREAD": True})

    class QuietHandler(WSGIRequestHandler):
        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            pass  # one line per request would drown the test run's own log

    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="turkeysms-mock", daemon=True
    )
    thread.start()
    first = seed.load(turkeysms_mock_seed).accounts[0]
    mock = MockServer(f"http://127.0.0.1:{server.server_port}", first.keys[0].key, first.name, app=app)
    try:
        yield mock
    finally:
        mock.close()
        server.shutdown()
        thread.join(timeout=5)
        app.extensions[DISPATCHER_KEY].stop()
        server.server_close()


@pytest.fixture
def turkeysms_mock(turkeysms_mock_server: MockServer) -> MockServer:
    """A running TurkeySMS mock with the seed's state and no fault rules: `.base_url`, `.api_key`,
    `.client` (a `TurkeySMS` on it), `.otp()`, `.messages()`, `.advance()`, `.set_webhook()`, `.webhooks()`, `.force_status()`, `.post()`,
    `.fault()`, `.top_up()`, `.suspend()` and the other account edits."""
    turkeysms_mock_server.reset()
    return turkeysms_mock_server
