"""Connections and write locks of the store (the descriptors are SQLite's; the locks both engines')."""

from __future__ import annotations

import gc
import os
import threading
from pathlib import Path

from tests.conftest import both_engines
from turkeysms_mock.store.database import Database


def _lock_files_open(database_path: Path) -> int:
    """Descriptors of this process open on the database's writer lock file."""
    lock = str(database_path) + ".lock"
    count = 0
    for name in os.listdir("/proc/self/fd"):
        try:
            count += os.readlink(f"/proc/self/fd/{name}") == lock
        except OSError:  # the descriptor closed while we looked
            continue
    return count


def test_threads_that_end_leave_no_descriptor_behind(tmp_path: Path) -> None:
    """A thread-per-request server must not leak a connection and a lock file per request."""
    path = tmp_path / "mock.sqlite3"
    database = Database(str(path))
    with database.write() as connection:
        connection.execute("CREATE TABLE hits (n INTEGER)")

    def one_request() -> None:
        with database.write() as connection:
            connection.execute("INSERT INTO hits VALUES (1)")

    for _ in range(100):
        thread = threading.Thread(target=one_request)
        thread.start()
        thread.join()
    gc.collect()
    # Only this (still living) thread's lock file stays open. SQLite's own descriptors are not
    # counted: it parks a closed connection's descriptor for reuse while another connection of the
    # process holds locks on the file, which stays bounded (about 50 after 3,000 threads).
    assert _lock_files_open(path) == 1
    with database.read() as connection:
        assert connection.execute("SELECT count(*) FROM hits").fetchone()[0] == 100
    database.close()


@both_engines
def test_writers_in_threads_exclude_each_other(database_target: str) -> None:
    database = Database(database_target)
    with database.write() as connection:
        connection.execute("CREATE TABLE counter (n INTEGER)")
        connection.execute("INSERT INTO counter VALUES (0)")

    def bump() -> None:
        for _ in range(20):
            with database.write() as connection:
                (n,) = connection.execute("SELECT n FROM counter").fetchone()
                connection.execute("UPDATE counter SET n = ?", (n + 1,))

    threads = [threading.Thread(target=bump) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with database.read() as connection:
        assert connection.execute("SELECT n FROM counter").fetchone()[0] == 160
    database.close()
