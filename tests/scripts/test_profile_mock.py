"""scripts/profile_mock.py: py-spy's collapsed stacks summed into the README's steps."""

from __future__ import annotations

from pathlib import Path

import profile_mock
import pytest

REQUEST = (
    "Thread.run (threading.py:982);ThreadedTaskDispatcher.handler_thread (waitress/task.py:83);"
    "WSGITask.execute (waitress/task.py:435);Flask.__call__ (flask/app.py:1536);"
    "Flask.wsgi_app (flask/app.py:1511)"
)
IDLE = "Thread.run (threading.py:982);ThreadedTaskDispatcher.handler_thread (waitress/task.py:83);Condition.wait (threading.py:320)"
RAW = f"""{REQUEST};run (mock_server/api/pipeline.py:108);take (mock_server/domain/faults.py:180) 3
{REQUEST};run (mock_server/api/pipeline.py:108);send (mock_server/domain/messaging.py:153);Database.write (mock_server/store/database.py:80) 5
{REQUEST};Response.__call__ (werkzeug/wrappers/response.py:1) 2
<module> (turkeysms-mock:6);BaseWSGIServer.run (waitress/server.py:322);poll (waitress/wasyncore.py:1) 10
{IDLE} 80
"""


def test_steps_are_shares_of_the_busy_samples_with_idle_request_threads_left_out(tmp_path: Path) -> None:
    total, rows = profile_mock.summarise(profile_mock.read_samples(RAW))
    assert total == 20
    shares = dict(rows)
    assert shares["waitress I/O thread: accept, read, parse, send"] == pytest.approx(0.5)
    assert shares["Flask and werkzeug around the pipeline"] == pytest.approx(0.1)
    assert shares["the mock's pipeline"] == pytest.approx(0.4)
    assert shares["  fault rules: any active?"] == pytest.approx(0.15)
    assert shares["  send: the write transaction"] == pytest.approx(0.25)
    raw = tmp_path / "raw.txt"
    raw.write_text(RAW)
    assert profile_mock.main(["--summarise", str(raw)]) == 0


def test_in_process_profile_covers_the_steps_of_a_send() -> None:
    text = profile_mock.in_process(30)
    assert "the mock's pipeline" in text
    assert "SQLite statements, all of them" in text
    assert "30 sends in-process" in text
