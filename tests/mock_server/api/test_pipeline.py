"""The pipeline's reading of a body: duplicate keys refused, a present null named with its field's code."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.conftest import both_engines
from turkeysms_mock.api.pipeline import parse_body

SEND = '"title": "MyCompany", "text": "x", "sentto": "905321234567"'


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ('{"api_key": "nope", "api_key": "key-all"}', "api_key"),
        ('{"api_key": "key-all", "sentto": "905321234567", ' + SEND + "}", "sentto"),
        ('{"api_key": "key-all", "numbers": [{"a": 1, "a": 2}]}', "a"),  # at any depth
    ],
)
def test_a_key_given_twice_is_refused(client: FlaskClient, body: str, key: str) -> None:
    response = client.post("/sms/send", data=body, content_type="application/json")
    assert (response.status_code, response.get_json()["result_code"]) == (400, "TS-1033")
    assert f'"{key}" appears twice' in response.get_json()["result_message"]


def test_the_same_key_in_two_objects_is_no_duplicate() -> None:
    assert parse_body(b'{"a": {"a": 1}, "b": [{"a": 2}, {"a": 3}]}') == {
        "a": {"a": 1},
        "b": [{"a": 2}, {"a": 3}],
    }


@pytest.mark.parametrize(
    ("field", "code", "status"),
    [
        ("title", "TS-1034", 400),
        ("text", "TS-1026", 400),
        ("sms_lang", "TS-1033", 400),
        ("api_key", "TS-1050", 401),
    ],
)
def test_a_present_null_answers_its_fields_code_and_names_it(
    client: FlaskClient, field: str, code: str, status: int
) -> None:
    body = {"api_key": "key-all", "title": "MyCompany", "text": "x", "sentto": "905321234567", field: None}
    response = client.post("/sms/send", json=body)
    answer = response.get_json()
    assert (response.status_code, answer["result_code"]) == (status, code)
    assert (
        answer["result_message"]
        == f"'{field}' must be {'an integer' if field == 'sms_lang' else 'a string'}, not null."
    )


def test_a_body_that_is_not_an_object_says_so(client: FlaskClient) -> None:
    answer = client.post("/balance/", data=b"[]", content_type="application/json").get_json()
    assert (answer["result_code"], answer["result_message"]) == (
        "TS-1033",
        "Invalid request format (the body must be a JSON object).",
    )


def test_control_calls_refuse_duplicate_keys_too(client: FlaskClient) -> None:
    response = client.post(
        "/_mock/clock", data=b'{"advance": 1, "advance": 2}', content_type="application/json"
    )
    assert (response.status_code, response.get_json()["error"]) == (400, "invalid_request")
    assert '"advance" appears twice' in response.get_json()["message"]


@both_engines
@pytest.mark.parametrize("title", ["\\ud800", "a\\u0000b", "MyCompany\\udfff"])
def test_a_title_no_driver_can_bind_is_refused_not_looked_up(client: FlaskClient, title: str) -> None:
    # The request's first read binds the body's title before validation (store/first_read.py).
    body = '{"api_key": "key-all", "title": "' + title + '", "text": "x", "sentto": "905321234567"}'
    response = client.post("/sms/send", data=body, content_type="application/json")
    assert (response.status_code, response.get_json()["result_code"]) == (400, "TS-1034")
