"""Compare `TurkeySMS.get_balance()` (or `send_sms`) with the same POST by bare httpx, on one transport, alternately."""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import httpx

from turkeysms import TurkeySMS

KEY = "test-key"
BALANCE = json.dumps(
    {
        "result": True,
        "result_code": "TS-1040",
        "result_message": "ok",
        "balance": {"main": 1500000000, "international": 0},
    }
).encode()


SENT = json.dumps(
    {
        "result": True,
        "result_code": "TS-1024",
        "result_message": "SMS dispatched successfully.",
        "sms_id": 1000000000,
        "number_of_sms": 1,
        "sms_lang": "Unicode",
        "content_type": "Transactional",
        "country": "Turkey-TR",
    }
).encode()
SEND = {"title": "MyCompany", "sentto": "905321234567", "text": "hello"}


SEED = f"""
accounts:
  - name: bench
    api_keys: [{{key: {KEY}, permissions: all}}]
    balance: {{main: 1500000000, international: 0}}
    sender_ids: [{{title: MyCompany, status: active}}]
"""


def _instant(request: httpx.Request) -> httpx.Response:
    body = SENT if request.url.path == "/sms/send" else BALANCE
    return httpx.Response(200, content=body, headers={"content-type": "application/json"})


def _transport(target: str) -> httpx.BaseTransport:
    if target == "wsgi":
        from turkeysms_mock import create_app  # noqa: PLC0415 (only this target needs Flask)

        # The demo account's credits would run out under thousands of sends: a seed with enough.
        seed = Path(tempfile.mkdtemp(prefix="bench-client-")) / "seed.yaml"
        seed.write_text(SEED)
        return httpx.WSGITransport(app=create_app({"DATABASE": ":memory:", "SEED": str(seed)}))
    return httpx.MockTransport(_instant)


def _time(call: Callable[[], Any], calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        call()
    return (time.perf_counter() - start) / calls


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=300, help="calls per timed round (default 300)")
    parser.add_argument(
        "--rounds", type=int, default=31, help="alternating rounds; the medians count (default 31)"
    )
    parser.add_argument(
        "--target", choices=("mock", "wsgi"), default="mock", help="instant MockTransport or the mock app"
    )
    parser.add_argument(
        "--operation", choices=("balance", "send"), default="balance", help="POST /balance/ or /sms/send"
    )
    args = parser.parse_args(argv)

    transport = _transport(args.target)
    raw = httpx.Client(transport=transport, base_url="http://bench", timeout=30)
    sdk = TurkeySMS(KEY, http_client=httpx.Client(transport=transport, base_url="http://bench", timeout=30))

    def raw_balance() -> int:
        answer = raw.post("/balance/", json={"api_key": KEY})
        answer.raise_for_status()
        return int(answer.json()["balance"]["main"])

    def sdk_balance() -> int:
        return sdk.get_balance().balance.main

    def raw_send() -> int:
        answer = raw.post("/sms/send", json={"api_key": KEY, **SEND})
        answer.raise_for_status()
        return int(answer.json()["number_of_sms"])

    def sdk_send() -> int:
        return sdk.send_sms(SEND["title"], SEND["sentto"], SEND["text"]).number_of_sms

    raw_call, sdk_call = (raw_send, sdk_send) if args.operation == "send" else (raw_balance, sdk_balance)
    assert raw_call() == sdk_call()  # same endpoint, same answer
    for call in (raw_call, sdk_call):
        _time(call, max(1, args.calls // 10))  # warm-up

    raw_times: list[float] = []
    sdk_times: list[float] = []
    for round_ in range(args.rounds):
        # Alternate the order so that drift in machine load hits both sides alike.
        pairs = ((raw_times, raw_call), (sdk_times, sdk_call))
        for times, call in pairs if round_ % 2 == 0 else reversed(pairs):
            times.append(_time(call, args.calls))

    raw_us = statistics.median(raw_times) * 1e6
    sdk_us = statistics.median(sdk_times) * 1e6
    # Each round's two sides ran back to back, under the same load: their ratio is the robust figure
    # on a shared machine; the quartiles say how much it moved.
    ratios = sorted(sdk / raw for sdk, raw in zip(sdk_times, raw_times, strict=True))
    low, mid, high = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else (ratios[0],) * 3
    path, method = (
        ("/sms/send ", "send_sms()   ") if args.operation == "send" else ("/balance/ ", "get_balance()")
    )
    print(f"target: {args.target}, {args.rounds} rounds x {args.calls} calls, median per call")
    print(f"raw httpx POST {path}: {raw_us:8.1f} us (fastest round {min(raw_times) * 1e6:.1f})")
    print(f"TurkeySMS.{method}  : {sdk_us:8.1f} us (fastest round {min(sdk_times) * 1e6:.1f})")
    print(
        f"ratio facade/raw         : {mid:8.3f}x median of paired rounds, quartiles {low:.3f}-{high:.3f} (goal <= 1.1x)"
    )


if __name__ == "__main__":
    main()
