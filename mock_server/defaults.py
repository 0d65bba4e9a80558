"""Every default of the mock in one place: the command line, create_app, the domain and the server read them."""

from __future__ import annotations

HOST = "127.0.0.1"
PORT = 8080
DATABASE = "turkeysms-mock.sqlite3"
WORKERS = 2
THREADS = 4  # request threads per worker
MEMORY_THREADS = 8  # at least this many with :memory:, which one process serves alone
MAX_BODY_BYTES = 2 * 1024 * 1024
# Mock seconds between dispatch and the delivery outcome (the seed's `delivery_delay` overrides it).
DELIVERY_DELAY_S = 2.0
WEBHOOK_TIMEOUT_S = 2.0  # real seconds a receiver has to answer
WEBHOOK_MAX_ATTEMPTS = 8
WEBHOOK_BACKOFF_S = 10.0  # mock seconds before the second attempt, doubled after each
WEBHOOK_BACKOFF_CAP_S = 3600.0
