"""Any text a JSON body can carry is stored and read back as it came, on both engines."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.conftest import both_engines
from tests.mock_server.conftest import Api, send
from turkeysms_mock.store.postgres import escaped, unescaped

# U+0000 (PostgreSQL's text refuses it; the adapter escapes it) and the adapter's own escape character.
AWKWARD = ("a\x00b", "\x00", "\ue000", "\ue0000", "\ue000\x00\ue000\ue000", "100% ?x :name ''")


@both_engines
@pytest.mark.parametrize("text", AWKWARD)
def test_a_text_comes_back_as_it_was_sent(api: Api, client: FlaskClient, text: str) -> None:
    sms_id = send(api, text=text)["sms_id"]
    [received] = client.get(f"/_mock/messages?sms_id={sms_id}").get_json()["messages"]
    assert received["text"] == text


@both_engines
@pytest.mark.parametrize("name", AWKWARD)
def test_a_group_name_is_found_as_it_was_created(api: Api, name: str) -> None:
    created = api.ok("/groups/create", group_name=name)["group"]
    assert created["name"] == name
    assert [g["name"] for g in api.ok("/groups/list", search=name)["groups"]] == [name]


def test_the_escape_is_reversible() -> None:
    for text in (*AWKWARD, "", "plain"):
        assert "\x00" not in escaped(text)
        assert unescaped(escaped(text)) == text
