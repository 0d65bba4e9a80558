"""The installed wheel carries its types: mypy --strict and basedpyright see them; verifytypes >= 95%."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import Venv

pytestmark = pytest.mark.slow

TOOLS = Path(sys.executable).parent
USER_SCRIPT = """
from typing import assert_type

from turkeysms import APIResponse, AsyncTurkeySMS, BulkSummary, TurkeySMS
from turkeysms.types import BalanceResponse, SendSmsResponse, WebhookEvent
from turkeysms.webhooks import construct_event


def use(client: TurkeySMS) -> None:
    sent = client.send_sms("MyCompany", "905321234567", "Hi")
    assert_type(sent, SendSmsResponse)
    reveal_type(sent.sms_id)
    raw = client.with_raw_response.get_balance()
    assert_type(raw, APIResponse[BalanceResponse])
    assert_type(raw.parse().balance.main, int)
    assert_type(raw.status_code, int)
    quick = client.with_options(timeout=5, max_retries=0)
    assert_type(quick, TurkeySMS)
    assert_type(client.send_bulk("MyCompany", ["905321234567"], "Hi").run(), BulkSummary)
    assert_type(client.check_auth().key_details.permissions.send_single_sms, bool)
    assert_type(construct_event(b"{}", "sig", ["new", "old"], tolerance=300), WebhookEvent)


async def use_async(client: AsyncTurkeySMS) -> None:
    sent = await client.send_sms("MyCompany", "905321234567", "Hi")
    reveal_type(sent.sms_id)
    raw = await client.with_raw_response.send_sms("MyCompany", "905321234567", "Hi")
    assert_type(raw.parse(), SendSmsResponse)
"""


@pytest.fixture(scope="module")
def user_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("user")
    (project / "app.py").write_text(USER_SCRIPT)
    return project


def test_every_shipped_package_has_py_typed(wheel_venv: Venv) -> None:
    site = next(wheel_venv.root.glob("lib/python*/site-packages"))
    for package in ("turkeysms", "turkeysms_api", "turkeysms_mock", "turkeysms_spec"):
        assert (site / package / "py.typed").is_file(), package


def test_mypy_strict_sees_the_types(wheel_venv: Venv, user_project: Path) -> None:
    done = subprocess.run(
        [str(TOOLS / "mypy"), "--strict", "--python-executable", str(wheel_venv.python), "app.py"],
        cwd=user_project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(re.findall(r'Revealed type is "(builtins\.)?int"', done.stdout)) == 2, done.stdout


def test_basedpyright_sees_the_types(wheel_venv: Venv, user_project: Path) -> None:
    done = subprocess.run(
        [str(TOOLS / "basedpyright"), "--pythonpath", str(wheel_venv.python), "app.py"],
        cwd=user_project,
        capture_output=True,
        text=True,
        check=False,
    )
    # Warnings (basedpyright flags the unused assert_type results) set the exit code too: count errors.
    assert re.search(r"^0 errors,", done.stdout, re.MULTILINE), done.stdout
    assert done.stdout.count('Type of "sent.sms_id" is "int"') == 2, done.stdout


def test_verifytypes_scores_at_least_95_percent(wheel_venv: Venv, tmp_path: Path) -> None:
    # verifytypes finds the package only inside the venv that holds it.
    # --ignoreexternal: the score of our own symbols; gaps inside httpx's annotations are httpx's.
    done = subprocess.run(
        [str(TOOLS / "basedpyright"), "--verifytypes", "turkeysms", "--ignoreexternal", "--outputjson"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=wheel_venv.env(),
        check=False,
    )
    report = json.loads(done.stdout)
    completeness = report["typeCompleteness"]
    assert completeness["packageRootDirectory"].startswith(str(wheel_venv.root))
    score = completeness["completenessScore"]
    assert score >= 0.95, (score, [s["name"] for s in completeness["symbols"] if not s["isTypeKnown"]][:40])
