"""The `turkeysms` logger: one line per request and answer, switched on by TURKEYSMS_LOG or logging."""

from __future__ import annotations

import json
import logging
import os
import sys
from typing import Any, Final

from turkeysms._secret import redact

__all__ = ["LOG_ENV", "logger", "setup_from_env"]

LOG_ENV: Final = "TURKEYSMS_LOG"
logger = logging.getLogger("turkeysms")
_LEVELS: Final = {"debug": logging.DEBUG, "info": logging.INFO}
_configured = False


def setup_from_env() -> None:
    """Attach a stderr handler once when TURKEYSMS_LOG is `debug` or `info` (as OPENAI_LOG does)."""
    global _configured  # noqa: PLW0603 (one handler per process, however many clients)
    if _configured:
        return
    level = _LEVELS.get(os.environ.get(LOG_ENV, "").strip().lower())
    if level is None:
        return
    _configured = True
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)


def body_text(body: Any, secret: str) -> str:
    """A JSON body for a log line, with the key and every `api_key` field redacted."""
    return json.dumps(redact(body, secret), ensure_ascii=False, default=str)
