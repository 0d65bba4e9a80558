"""Schemathesis hooks and domain checks of the contract suite, shared by pytest and the CLI (SCHEMATHESIS_HOOKS)."""

from __future__ import annotations

import json
import re
import threading
import zlib
from collections.abc import Mapping
from typing import Any

import schemathesis
from schemathesis import Case, Response
from schemathesis.checks import CheckContext

from turkeysms._contract import load_openapi, result_codes
from turkeysms.segments import estimate

# The contract seed's key with every permission and an inexhaustible balance (tests/contract/contract.py).
KEY = "contract-key"
TITLE = re.compile(r"[A-Za-z0-9 ._&'-]{1,11}")
OPERATIONS: Mapping[str, Mapping[str, Any]] = {
    path: item["post"] for path, item in load_openapi()["paths"].items()
}
SENDS = frozenset({"/sms/send", "/group/send", "/group/sendMixed", "/otp/send", "/otp/detailed"})
TITLED = frozenset({"/sms/send", "/group/send", "/group/sendMixed", "/otp/detailed"})

# Numbers the run has put on the contract account's blacklist (after_call below): a valid send to one
# of them is refused with TS-1025 (D1, D2) and that is state, not a broken contract.
BLACKLISTED: set[str] = set()
_LOCK = threading.Lock()


def _operation(case: Case) -> Mapping[str, Any] | None:
    """The public operation of `case`, or None for the control API and unexpected methods."""
    if case.method.upper() != "POST":
        return None
    return OPERATIONS.get(case.operation.path)


def _key_is_well_formed(value: object) -> bool:
    return isinstance(value, str) and 1 <= len(value) <= 256


@schemathesis.hook
def before_call(context: Any, case: Case, kwargs: dict[str, Any]) -> None:
    """Put the contract key into every body whose own `api_key` is well formed.

    A body whose key is missing or of the wrong type or length is left alone: that key is the
    negative part of the case, and the mock must answer it TS-1050 / TS-1031. Replacing only a key
    that is already valid per the schema keeps positive cases positive and negative cases negative
    (schemathesis revalidates what this hook edits).
    """
    if _operation(case) is None:
        return
    body = case.body
    if isinstance(body, dict) and _key_is_well_formed(body.get("api_key")):
        body["api_key"] = KEY
        title = body.get("title")
        # Three in four well-formed titles become the account's registered sender ID, so that valid
        # sends get through and are billed (number_of_sms_is_the_estimate); the rest stay as drawn
        # and meet TS-1029. crc32, not hash(): the choice must not change with PYTHONHASHSEED.
        if isinstance(title, str) and TITLE.fullmatch(title) and zlib.crc32(title.encode()) % 4:
            body["title"] = "MyCompany"


@schemathesis.hook
def after_call(context: Any, case: Case, response: Response) -> None:
    """Remember the numbers this run blacklisted (see BLACKLISTED)."""
    if case.operation.path != "/blacklist/add" or response.status_code not in (200, 400):
        return
    body = case.body
    blocked = result_code(response) in {"TS-1141", "TS-1140"}
    if (
        blocked
        and isinstance(body, dict)
        and body.get("api_key") == KEY
        and isinstance(body.get("number"), str)
    ):
        with _LOCK:
            BLACKLISTED.add(body["number"])


def php_unserialize(data: bytes) -> Any:
    """PHP `unserialize()` of the values the mock writes (D27): arrays, strings, ints, floats, bools, null.

    Lists come back as lists when their keys are 0..n-1, as PHP's own json_encode would write them.
    """

    def read(at: int) -> tuple[Any, int]:
        kind = data[at : at + 1]
        if kind == b"N":
            return None, at + 2
        end = data.index(b";" if kind in b"bid" else b":", at + 2)
        head = data[at + 2 : end]
        if kind == b"b":
            return head == b"1", end + 1
        if kind == b"i":
            return int(head), end + 1
        if kind == b"d":
            return float(head), end + 1
        if kind == b"s":
            start = end + 2  # past :"
            length = int(head)
            return data[start : start + length].decode("utf-8"), start + length + 2  # past ";
        if kind == b"a":
            at = end + 2  # past :{
            items: dict[Any, Any] = {}
            for _ in range(int(head)):
                key, at = read(at)
                items[key], at = read(at)
            if list(items) == list(range(len(items))):
                return list(items.values()), at + 1
            return items, at + 1
        raise ValueError(f"not PHP serialize at byte {at}: {data[at : at + 10]!r}")

    value, end = read(0)
    if end != len(data):
        raise ValueError("trailing bytes after the PHP value")
    return value


def payload(response: Response) -> Any:
    """The decoded answer, from JSON or from PHP serialize format."""
    headers = {name.lower(): values for name, values in response.headers.items()}
    media_type = (headers.get("content-type") or [""])[0].split(";")[0].strip()
    try:
        if media_type == "application/vnd.php.serialized":
            return php_unserialize(response.content)
        return json.loads(response.content)
    except (ValueError, IndexError):
        return None


def result_code(response: Response) -> str | None:
    """The answer's result_code, in JSON or in PHP serialize format (D27)."""
    found = payload(response)
    if isinstance(found, Mapping):
        code = found.get("result_code")
        return code if isinstance(code, str) else None
    return None


def _is_positive(case: Case) -> bool:
    # A case built by hand (no metadata) is a valid request by construction.
    return case.meta is None or case.meta.generation.mode.is_positive


@schemathesis.check
def answer_matches_catalogue(ctx: CheckContext, response: Response, case: Case) -> bool | None:
    """Every answer carries a code the operation documents (x-result-codes), at the catalogue's status.

    Schemathesis only checks that a status is documented at all; this holds each (status, code) pair
    to the catalogue: TS-1086 must be 404, TS-1060 403, a 200 must carry a success or status code.
    """
    operation = _operation(case)
    if operation is None:
        return None
    code = result_code(response)
    status = response.status_code
    if code is None:
        # Only the basic report's 200 carries no result_code (C7).
        if (case.operation.path, status) != ("/reports/basic", 200):
            raise AssertionError(f"{status} answer without a result_code on {case.operation.path}")
        return True
    documented = operation["x-result-codes"]
    if code not in documented:
        raise AssertionError(f"{code} is not among the codes {case.operation.path} documents: {documented}")
    entry = result_codes()[code]
    allowed = {entry.http_status, *entry.transport_statuses}
    if status not in allowed:
        raise AssertionError(f"{code} answered with HTTP {status}; the catalogue says {sorted(allowed)}")
    found = payload(response)
    # One envelope (D10): a 200 answer is a success, its code a result or a status; only errors say false.
    if isinstance(found, Mapping) and "result" in found and found["result"] is not (entry.kind != "error"):
        raise AssertionError(f"{code} ({entry.kind}) answered result={found['result']!r}")
    return True


def _explained_rejection(path: str, body: Mapping[str, Any], code: str) -> bool:
    """Whether a schema-valid body may be refused with `code`: the refusal depends on state or on a
    rule the schema cannot express, each named in DECISIONS.md."""
    if code in {"TS-1028", "TS-1029"}:
        return path in TITLED  # the title is well formed but not an (active) sender ID of the account
    if code == "TS-1086":
        return path in {"/groups/edit", "/groups/delete", "/contacts/add"}  # no such live group (D23)
    if code == "TS-1082":
        return path in {"/groups/create", "/groups/edit"}  # the name is taken (D22)
    if code == "TS-1101":
        return path == "/contacts/add"  # the number is already in the group (D24)
    if code == "TS-1140":
        return path == "/blacklist/add"  # the number is already blocked
    if code == "TS-1052":
        return path in {"/sms/status", "/reports/basic", "/reports/detailed"}  # no such send (D9)
    if (
        code == "TS-1025"
        and path == "/sms/send"
        and "mobile" in body
        and "sentto" in body
        and body["mobile"] != body["sentto"]
    ):
        return True  # D32: `sentto` and its alias `mobile` name different recipients
    if code == "TS-1025" and path in SENDS:
        numbers = body.get("sentto", body.get("mobile"))
        numbers = numbers if isinstance(numbers, list) else [numbers]
        with _LOCK:
            blocked = [number for number in numbers if number in BLACKLISTED]
        if path in {"/sms/send", "/otp/send", "/otp/detailed"}:
            return bool(blocked)  # D1
        if path == "/group/sendMixed" and len(body.get("text", [])) != len(numbers):
            return True  # D3
        return len(blocked) == len(numbers)  # D2: every recipient blacklisted
    if code == "TS-1033" and path in {"/sms/send", "/group/send", "/group/sendMixed"}:
        # D6: scheduled_sms 1 needs both scheduled_date and scheduled_time (the schema cannot say so).
        return body.get("scheduled_sms") == 1 and not ("scheduled_date" in body and "scheduled_time" in body)
    return False


@schemathesis.check
def positive_rejections_are_state(ctx: CheckContext, response: Response, case: Case) -> bool | None:
    """A schema-valid body with the contract key is accepted unless state explains the refusal.

    `positive_data_acceptance` is configured (schemathesis.toml) to let 400, 403 and 404 through,
    because a valid body can still name a group that does not exist or a sender ID the account lacks;
    this check narrows those statuses to exactly the codes such state explains.
    """
    operation = _operation(case)
    body = case.body
    if operation is None or not _is_positive(case) or response.status_code == 200:
        return None
    if not isinstance(body, Mapping) or body.get("api_key") != KEY:
        return None
    code = result_code(response)
    if code is None or not _explained_rejection(case.operation.path, body, code):
        raise AssertionError(
            f"A schema-valid body was refused with HTTP {response.status_code} {code}, "
            "which no state of the account explains"
        )
    return True


def expected_credits(path: str, body: Mapping[str, Any], answer: Mapping[str, Any]) -> int | None:
    """What a successful send must bill: segments.estimate(text, sms_lang).parts × recipients (D12)."""
    blocked = set(answer.get("blacklisted") or ())
    if path == "/sms/send":
        return estimate(body["text"], body.get("sms_lang", 2)).parts
    if path == "/group/send":
        kept = [n for n in body["sentto"] if n not in blocked]
        return estimate(body["text"], body.get("sms_lang", 2)).parts * len(kept)
    if path == "/group/sendMixed":
        pairs = zip(body["text"], body["sentto"], strict=True)
        return sum(estimate(text, body.get("sms_lang", 2)).parts for text, n in pairs if n not in blocked)
    if path == "/otp/detailed":
        text = body["text"].replace("TS-CODE", answer["otp_code"]).replace("TS-L", "\n")
        return estimate(text, body.get("lang", 2)).parts
    return None


@schemathesis.check
def number_of_sms_is_the_estimate(ctx: CheckContext, response: Response, case: Case) -> bool | None:
    """A send's number_of_sms is the segment estimate of its text × its recipients; an OTP has the
    digits asked for; a bulk send counts its recipients and leaves out only blacklisted ones."""
    path = case.operation.path
    answer = payload(response)
    body = case.body
    if (
        _operation(case) is None
        or path not in SENDS
        or response.status_code != 200
        or not isinstance(answer, Mapping)
        or not isinstance(body, Mapping)
    ):
        return None
    if path.startswith("/otp/") and len(answer["otp_code"]) != body.get("digits", 4):
        raise AssertionError(f"otp_code {answer['otp_code']!r} has not {body.get('digits', 4)} digits")
    if path.startswith("/group/"):
        kept = [n for n in body["sentto"] if n not in set(answer.get("blacklisted") or ())]
        if answer.get("number_of_recipients") != len(kept):
            raise AssertionError(f"number_of_recipients {answer.get('number_of_recipients')} != {len(kept)}")
    expected = expected_credits(path, body, answer)
    if expected is not None and answer["number_of_sms"] != expected:
        raise AssertionError(f"number_of_sms {answer['number_of_sms']} != the estimate {expected}")
    return True
