"""Stateful tests through the spec's links, with the domain's own assertions on groups, balances and billing."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, ClassVar

import hypothesis
import pytest
import schemathesis
from flask import Flask
from flask.testing import FlaskClient
from schemathesis import Case, Response
from schemathesis.config import SchemathesisConfig

from tests.contract import hooks
from tests.contract.contract import CONFIG_PATH, KEY, SCHEMATHESIS_SPEC_PATH, contract_app

schema = schemathesis.openapi.from_path(
    SCHEMATHESIS_SPEC_PATH, config=SchemathesisConfig.from_path(CONFIG_PATH)
)
GROUP_PATHS = frozenset({"/groups/edit", "/groups/delete", "/contacts/add"})
BILLED = frozenset(hooks.SENDS)

SETTINGS = hypothesis.settings(
    max_examples=60,
    # Use after delete needs create → delete → edit through one create's links: at 8 steps per
    # scenario the (derandomized) run never drew that path; at 12 each path is hit at least 11 times.
    stateful_step_count=12,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(hypothesis.HealthCheck),
    phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
)


def total_balance(client: FlaskClient) -> int:
    answer = client.post("/balance/", json={"api_key": KEY}).get_json()
    balance = answer["balance"]
    assert balance["main"] >= 0 and balance["international"] >= 0, balance
    return int(balance["main"]) + int(balance["international"])


class DomainInvariants:
    """What the mock promises beyond the schema, checked on every step of a scenario.

    - a group this scenario created and did not delete never answers 404;
    - a group this scenario deleted answers 404 TS-1086 to a valid body;
    - the balance never goes negative, a send that answers 200 lowers it by exactly its
      number_of_sms, and anything else leaves it as it was;
    - number_of_sms is the segment estimate (checked by hooks.number_of_sms_is_the_estimate).
    """

    # What the scenarios exercised, over the whole run: the test asserts each happened at least once.
    seen: ClassVar[Counter[str]] = Counter()

    def __init__(self, client: FlaskClient) -> None:
        self.client = client
        self.live: set[int] = set()
        self.deleted: set[int] = set()
        self.balance = total_balance(client)

    def after(self, case: Case, response: Response) -> None:
        path = case.operation.path
        body = case.body if isinstance(case.body, dict) else {}
        answer = hooks.payload(response)
        answer = answer if isinstance(answer, dict) else {}
        ours = body.get("api_key") == KEY
        positive = case.meta is None or case.meta.generation.mode.is_positive
        group = body.get("group_id")
        if path in GROUP_PATHS and ours and isinstance(group, int):
            if group in self.live:
                self.seen[f"{path} on a live group"] += 1
                assert response.status_code != 404, f"live group {group} answered 404 on {path}"
            if group in self.deleted and positive:
                self.seen[f"{path} on a deleted group"] += 1
                assert (response.status_code, answer.get("result_code")) == (404, "TS-1086"), (
                    f"deleted group {group} answered {response.status_code} {answer} on {path}"
                )
        if path == "/groups/create" and response.status_code == 200:
            self.live.add(answer["group"]["id"])
        if path == "/groups/delete" and response.status_code == 200 and isinstance(group, int):
            self.live.discard(group)
            self.deleted.add(group)
        if path in {"/sms/status", "/reports/basic", "/reports/detailed"} and response.status_code == 200:
            self.seen[f"{path} of a send"] += 1
        if path in BILLED:
            self.seen[f"{path} {response.status_code}"] += 1
            now = total_balance(self.client)
            spent = answer.get("number_of_sms", 0) if response.status_code == 200 else 0
            assert now == self.balance - spent, (
                f"{path} answered {response.status_code} with number_of_sms {spent}, "
                f"but the balance went from {self.balance} to {now}"
            )
            self.balance = now


class _Steps:
    """Calls every step on the in-process app and checks the domain after it."""

    directory: ClassVar[Path]
    app: Flask

    def setup(self) -> None:
        # A fresh mock per scenario: state left by an earlier scenario (a group name taken) would make
        # the same drawn steps answer differently, which Hypothesis rejects as a flaky strategy.
        self.app = contract_app(self.directory, DATABASE=":memory:")
        self.domain = DomainInvariants(self.app.test_client())

    def get_call_kwargs(self, case: Case) -> dict[str, Any]:
        return {"app": self.app}

    def after_call(self, response: Response, case: Case) -> None:
        super().after_call(response, case)  # type: ignore[misc]
        self.domain.after(case, response)


# schemathesis starts scenarios only from "reliable" roots: with the sends in the same machine it never
# starts one from /groups/create (its dependency analysis takes group_name for a reference). One machine
# per family of links, so that each family has its root.
GROUP_FAMILY = ["createGroup", "editGroup", "deleteGroup", "addContact"]


class GroupWorkflow(_Steps, schema.include(operation_id=GROUP_FAMILY).as_state_machine()):  # type: ignore[misc]
    pass


class SendWorkflow(_Steps, schema.exclude(operation_id=GROUP_FAMILY).as_state_machine()):  # type: ignore[misc]
    pass


@pytest.mark.parametrize(
    ("workflow", "exercised"),
    [
        pytest.param(
            GroupWorkflow,
            {
                "/groups/edit on a live group",
                "/contacts/add on a live group",
                "/groups/delete on a live group",
                "/groups/edit on a deleted group",
                "/groups/delete on a deleted group",
                "/contacts/add on a deleted group",
            },
            id="create group, rename, add contacts, delete, use after delete",
        ),
        pytest.param(
            SendWorkflow,
            {
                "/sms/send 200",
                "/group/send 200",
                "/group/sendMixed 200",
                "/otp/send 200",
                "/otp/detailed 200",
                "/sms/status of a send",
                "/reports/basic of a send",
                "/reports/detailed of a send",
            },
            id="send, then status and reports",
        ),
    ],
)
def test_links_hold_the_domain(tmp_path: Path, workflow: type[_Steps], exercised: set[str]) -> None:
    """Scenarios through the spec's links; the domain invariants hold after every step."""
    workflow.directory = tmp_path
    DomainInvariants.seen.clear()
    workflow.run(settings=SETTINGS)  # type: ignore[attr-defined]
    seen = {name for name, count in DomainInvariants.seen.items() if count}
    assert exercised <= seen, f"never exercised: {sorted(exercised - seen)}"


def _step(method: str, path: str, body: dict[str, Any]) -> Case:
    return schema[path][method].Case(body=body, media_type="application/json")


def test_the_invariants_fail_on_a_broken_mock(tmp_path: Path) -> None:
    """The domain assertions are not vacuous: each one fails on an answer that breaks it."""
    client = contract_app(tmp_path).test_client()
    invariants = DomainInvariants(client)
    created = client.post("/groups/create", json={"api_key": KEY, "group_name": "Live"}).get_json()
    invariants.live.add(created["group"]["id"])
    invariants.deleted.add(999_999)

    def answer(status: int, payload: dict[str, Any]) -> Response:
        response = client.post("/auth/check", json={"api_key": KEY})  # any real response, then rewritten
        converted = Response.from_any(response)
        converted.status_code = status
        converted.content = __import__("json").dumps(payload).encode()
        return converted

    live = _step(
        "post", "/groups/edit", {"api_key": KEY, "group_id": created["group"]["id"], "new_name": "X"}
    )
    with pytest.raises(AssertionError, match="live group"):
        invariants.after(live, answer(404, {"result_code": "TS-1086"}))
    gone = _step("post", "/groups/delete", {"api_key": KEY, "group_id": 999_999})
    with pytest.raises(AssertionError, match="deleted group"):
        invariants.after(gone, answer(200, {"result_code": "TS-1088"}))
    send = _step(
        "post", "/sms/send", {"api_key": KEY, "title": "MyCompany", "text": "Hi", "sentto": "905321234567"}
    )
    with pytest.raises(AssertionError, match="balance went"):
        invariants.after(
            send, answer(200, {"result_code": "TS-1024", "number_of_sms": 3})
        )  # nothing was billed
