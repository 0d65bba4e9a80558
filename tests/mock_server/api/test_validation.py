"""Bodies as real clients write them: `mobile` for `sentto` (D32), ids as digit strings (D33), messages naming the field."""

from __future__ import annotations

import pytest

from tests.mock_server.conftest import Api, send

TO = "905321234567"


def test_mobile_is_the_recipient_of_a_single_send(api: Api) -> None:
    sent = api.ok("/sms/send", title="MyCompany", text="Hi", mobile=TO)
    assert api.ok("/sms/status", sms_id=sent["sms_id"])["result_code"] == "TS-1023"
    both = api.ok("/sms/send", title="MyCompany", text="Hi", mobile=TO, sentto=TO)
    assert both["number_of_sms"] == 1  # the same number twice is one recipient


def test_different_sentto_and_mobile_send_nothing(api: Api) -> None:
    before = api.ok("/balance/")["balance"]
    response = api("/sms/send", title="MyCompany", text="Hi", mobile=TO, sentto="905321234568")
    assert response.status_code == 400
    assert response.get_json() == {
        "result": False,
        "result_code": "TS-1025",
        "result_message": "'sentto' and 'mobile' name different recipients; send one.",
    }
    assert api.ok("/balance/")["balance"] == before


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "Recipient number is missing or invalid."),
        ({"mobile": "12"}, "'mobile' does not match ^(905[0-9]{9}|9[1-9][0-9]{5,13}|[1-8][0-9]{6,14})$."),
        ({"sentto": 905321234567}, "'sentto' must be a string, not an integer."),
    ],
)
def test_a_bad_recipient_is_named_as_it_was_sent(api: Api, body: dict[str, object], message: str) -> None:
    response = api("/sms/send", title="MyCompany", text="Hi", **body)
    assert (response.status_code, response.get_json()["result_code"]) == (400, "TS-1025")
    assert response.get_json()["result_message"] == message


def test_ids_and_pages_may_be_strings_of_digits(api: Api) -> None:
    sms_id = send(api)["sms_id"]
    assert api.ok("/sms/status", sms_id=str(sms_id))["result_code"] == "TS-1023"
    assert api.ok("/reports/basic", raporid=str(sms_id))["rapor_id"] == sms_id
    assert api.ok("/reports/detailed", raporid=str(sms_id), page="1")["pagination"]["current_page"] == 1
    group = api.ok("/groups/create", group_name="Team")["group"]["id"]
    assert api.ok("/groups/edit", group_id=str(group), new_name="Crew")["new_name"] == "Crew"
    assert api.ok("/contacts/add", group_id=f"00{group}", gsm_number=TO)["group_id"] == group


@pytest.mark.parametrize(
    ("sms_id", "message"),
    [
        ("abc", "'sms_id' must be an integer (or a string of its digits), not a string that is not all digits."),
        ("١٢", "'sms_id' must be an integer (or a string of its digits), not a string that is not all digits."),
        ("12 ", "'sms_id' must be an integer (or a string of its digits), not a string that is not all digits."),
        ("9" * 21, "'sms_id' must be an integer (or a string of its digits), not a string of more digits than an id has."),
        ("0", "'sms_id' must be at least 1."),
        ("9007199254740992", "'sms_id' must be at most 9007199254740991."),
        (None, "'sms_id' must be an integer (or a string of its digits), not null."),
        (True, "'sms_id' must be an integer (or a string of its digits), not a boolean."),
        (1.5, "'sms_id' must be an integer (or a string of its digits), not a number."),
        ([1], "'sms_id' must be an integer (or a string of its digits), not an array."),
    ],
)  # fmt: skip
def test_any_other_id_names_the_field_and_what_is_wrong(api: Api, sms_id: object, message: str) -> None:
    response = api("/sms/status", sms_id=sms_id)
    assert (response.status_code, response.get_json()) == (
        400,
        {"result": False, "result_code": "TS-1052", "result_message": message},
    )


def test_a_missing_id_keeps_the_table_message(api: Api) -> None:
    assert api("/sms/status").get_json()["result_message"] == "SMS ID is missing."


def test_enums_are_not_read_from_strings(api: Api) -> None:
    response = api("/sms/send", title="MyCompany", text="Hi", sentto=TO, sms_lang="0")
    assert (response.status_code, response.get_json()["result_code"]) == (400, "TS-1033")
    assert response.get_json()["result_message"] == "'sms_lang' must be an integer, not a string."


def test_an_item_of_a_list_is_named_by_its_index(api: Api) -> None:
    response = api("/group/sendMixed", title="MyCompany", text=["Hi", ""], sentto=[TO, "905321234568"])
    assert response.get_json()["result_message"] == "'text[1]' must not be empty."
