"""scripts/bench-mock's reference: a bare Flask app that parses the JSON body and answers the send envelope,
served by the mock's own server function with the mock's defaults."""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Sequence

from flask import Flask, Response, request

from turkeysms_mock import defaults, listener
from turkeysms_mock.cli import _server_error
from turkeysms_mock.server import Limits, serve

# The mock's answer to a valid send, with the fields that vary between sends filled in per request.
ENVELOPE = {
    "result": True,
    "result_code": "TS-1024",
    "result_message": "SMS dispatched successfully.",
}


def create_app() -> Flask:
    """POST /sms/send: the body read as JSON, the same shape of answer the mock gives; nothing checked or
    stored. What the mock adds to this (validation, key, billing, SQLite) is what the benchmark prices."""
    app = Flask(__name__)
    ids = itertools.count(1)

    @app.post("/sms/send")
    def send() -> Response:
        body = json.loads(request.get_data(cache=False))
        answer = {
            **ENVELOPE,
            "sms_id": next(ids),
            "number_of_sms": 1,
            "sms_lang": "Unicode",
            "content_type": "Transactional",
            "country": "Turkey-TR" if str(body.get("sentto", "")).startswith("90") else "-",
        }
        return Response(
            json.dumps(answer, ensure_ascii=False, separators=(",", ":")), mimetype="application/json"
        )

    return app


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default=defaults.HOST)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--workers", type=int, default=defaults.WORKERS)
    parser.add_argument("--threads", type=int, default=defaults.THREADS)
    args = parser.parse_args(argv)
    bound = listener.bind(args.host, args.port)
    print(f"bench_flask_reference: serving on {listener.base_url(bound)}", flush=True)
    serve(
        create_app,
        bound,
        workers=args.workers,
        limits=Limits(threads=args.threads, max_body_bytes=defaults.MAX_BODY_BYTES),
        error_body=_server_error,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
