"""scripts/bench_flask_reference.py: the bare app answers a send with the mock's success envelope."""

from __future__ import annotations

import json

import bench_flask_reference


def test_reference_answers_the_send_envelope_with_increasing_ids() -> None:
    client = bench_flask_reference.create_app().test_client()
    body = {"api_key": "k", "title": "T", "text": "hi", "sentto": "905321234567"}
    first = client.post("/sms/send", data=json.dumps(body), content_type="application/json")
    second = client.post("/sms/send", data=json.dumps(body), content_type="application/json")
    assert first.status_code == 200
    assert first.mimetype == "application/json"
    answer = first.get_json()
    assert answer["result"] is True
    assert answer["result_code"] == "TS-1024"
    assert answer["country"] == "Turkey-TR"
    assert second.get_json()["sms_id"] == answer["sms_id"] + 1
