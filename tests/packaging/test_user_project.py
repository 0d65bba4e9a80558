"""The installed wheel beside a user's project that has its own `mock_server/`, `spec/` and `tests/`."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from tests.packaging.conftest import Venv

pytestmark = pytest.mark.slow

# What the pytest plugin must not have imported by the time the user's conftest loads.
HEAVY = ("flask", "werkzeug", "httpx", "yaml", "waitress", "jsonschema_rs", "phonenumbers", "sqlite3")

FILES = {
    # The generic names our repository uses for its folders; the wheel must not install them.
    "mock_server/__init__.py": 'OWNER = "the user"\n',
    "spec/__init__.py": 'OWNER = "the user"\n',
    "tests/__init__.py": "",
    "tests/conftest.py": f"""
        import sys

        import pytest

        # Taken when pytest has loaded every plugin (ours by its entry point) and nothing else ran yet.
        LOADED_BY_PLUGINS = sorted(name for name in {HEAVY!r} if name in sys.modules)


        @pytest.fixture
        def loaded_by_plugins():
            return LOADED_BY_PLUGINS
        """,
    "tests/test_app.py": """
        import mock_server
        import spec


        def test_our_own_packages_are_ours():
            assert (mock_server.OWNER, spec.OWNER) == ("the user", "the user")


        def test_the_plugin_is_loaded_and_has_imported_nothing(request, loaded_by_plugins):
            assert request.config.pluginmanager.has_plugin("turkeysms_mock")
            assert loaded_by_plugins == []


        def test_the_quick_start_against_the_fixture(turkeysms_mock):
            from turkeysms import TurkeySMS

            client = TurkeySMS("test-key", base_url=turkeysms_mock.base_url)
            sms_id = client.send_sms("MyCompany", "905321234567", "Hello!").sms_id
            (received,) = turkeysms_mock.messages(to="905321234567")
            assert (received["sms_id"], received["text"]) == (sms_id, "Hello!")
        """,
}


def test_a_user_project_with_its_own_mock_server_runs_its_tests(tmp_path: Path, wheel_venv: Venv) -> None:
    project = tmp_path / "shop"
    for name, text in FILES.items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text).lstrip(), encoding="utf-8")
    result = wheel_venv.run("-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout
