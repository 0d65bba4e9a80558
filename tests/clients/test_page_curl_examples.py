"""Every curl example of the provider's page, run against the served mock with its documented code asserted."""

from __future__ import annotations

import http.client
import json
import re
import shlex
import shutil
import subprocess
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.clients.support import KEY, Mock
from turkeysms._contract import load_openapi

pytestmark = pytest.mark.slow

# A copy of the provider's page (shared/seed/turkeysms-api-v4.txt), so that the suite runs from any checkout.
PAGE = Path(__file__).with_name("provider-page.txt")
PRODUCTION = "https://api.turkeysms.com.tr"
# The code each example answers: the page's own response example where it shows one, with the table's code
# where the page contradicts it (DECISIONS.md C1-C4), else the shape DECISIONS.md decides.
DOCUMENTED = {
    "/auth/check": "TS-1000",
    "/sms/send": "TS-1024",
    "/otp/send": "TS-1024",  # D13
    "/otp/detailed": "TS-1024",  # D13
    "/groups/create": "TS-1080",
    "/groups/edit": "TS-1087",  # C1
    "/groups/delete": "TS-1088",  # C2
    "/groups/list": "TS-1090",  # C3
    "/contacts/add": "TS-1100",
    "/group/send": "TS-1024",
    "/group/sendMixed": "TS-1024",
    "/balance/": "TS-1040",
    "/senderid/check": "TS-1064",  # C4
    "/reports/basic": None,  # C7: the summary carries no result_code
    "/blacklist/add": "TS-1141",
    "/blacklist/status": "TS-1143",  # the page's example: the number the example before it blocked
    "/sms/status": "TS-1064",  # the page's "Delivered" example, once the mock clock has delivered it
}


@dataclass(frozen=True)
class Example:
    argv: list[str]
    path: str
    body: str  # the -d argument as the page writes it, placeholders and all


def page_text() -> str:
    return PAGE.read_text(encoding="utf-8")


def examples(text: str) -> list[Example]:
    """Each `curl -X POST ... -d '...'` of the page; `\\` line continuations, one-line or not."""
    found = []
    for raw in re.findall(r"curl -X POST .*?-d '.*?'", text, flags=re.S):
        argv = shlex.split(re.sub(r"\\\s", " ", raw))
        assert argv[:3] == ["curl", "-X", "POST"] and argv[4] == "-H" and argv[6] == "-d", argv
        assert argv[3].startswith(PRODUCTION + "/"), argv[3]
        found.append(Example(argv, argv[3].removeprefix(PRODUCTION), argv[7]))
    return found


def _fill(body: str, ids: dict[str, int]) -> str:
    """The page's placeholders replaced by the seed's key and titles and by ids the mock answered before."""
    body = body.replace('"YOUR_API_KEY"', json.dumps(KEY))
    # The page writes numbers as 905xxxxxxxxx, once one digit short (DECISIONS.md, Examples).
    body = body.replace('"905xxxxxxxxx"', '"905321234567"').replace('"905xxxxxxxx"', '"905321234568"')
    for field, value in ids.items():
        body = re.sub(rf'"{field}": \d+', f'"{field}": {value}', body)
    return body


def _run(argv: list[str]) -> tuple[int, dict[str, Any]]:
    if shutil.which("curl"):
        done = subprocess.run(
            [*argv, "--silent", "--show-error", "--write-out", "\n%{http_code}"],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        body, _, status = done.stdout.rpartition("\n")
        return int(status), json.loads(body)
    # No curl binary: the same request, as curl sends it for these arguments.
    url = urllib.parse.urlsplit(argv[3])
    name, _, value = argv[5].partition(": ")
    connection = http.client.HTTPConnection(url.hostname or "", url.port, timeout=60)
    try:
        connection.request("POST", url.path, argv[7].encode(), {name: value})
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def test_the_page_has_the_curl_examples_this_test_knows() -> None:
    found = examples(page_text())
    assert len(found) == 18
    # Every operation of the spec has one; /sms/send has two (now and scheduled).
    assert {example.path for example in found} == set(load_openapi()["paths"]) - {"/reports/detailed"}
    assert set(DOCUMENTED) == {example.path for example in found}


def test_every_curl_example_answers_its_documented_code(mock: Mock) -> None:
    found = examples(page_text())
    # Page order, except that the group is deleted once the examples that use it have run.
    found.sort(key=lambda example: example.path == "/groups/delete")
    ids: dict[str, int] = {}
    for example in found:
        if example.path == "/sms/status":
            mock.advance(60)  # the page's status example is of a delivered message
        argv = [*example.argv[:3], mock.base + example.path, *example.argv[4:7], _fill(example.body, ids)]
        status, answer = _run(argv)
        assert status == 200, (example.path, answer)
        assert answer.get("result_code") == DOCUMENTED[example.path], (example.path, answer)
        assert answer.get("result", True) is True and answer.get("status", "success") == "success", answer
        if example.path == "/groups/create":
            ids["group_id"] = answer["group"]["id"]
        elif example.path == "/sms/send" and "sms_id" not in ids:
            ids["sms_id"] = answer["sms_id"]
        elif example.path == "/group/send":
            ids["raporid"] = answer["sms_id"]  # D11: a batch's sms_id is its report id
    assert mock.post("/groups/list")[1]["groups_count"] == 0  # the example's group is deleted at the end
