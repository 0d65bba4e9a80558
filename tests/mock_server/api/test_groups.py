"""Groups with soft delete, and contacts."""

from __future__ import annotations

from tests.mock_server.conftest import Api


def test_deleted_group_is_invisible_and_its_name_free_again(api: Api) -> None:
    group = api.ok("/groups/create", group_name="Team A")["group"]
    assert api.ok("/groups/list", search="team")["groups_count"] == 1
    api.ok("/groups/delete", group_id=group["id"])
    assert api.ok("/groups/list")["groups"] == []
    assert api("/groups/delete", group_id=group["id"]).status_code == 404
    again = api.ok("/groups/create", group_name="Team A")["group"]
    assert again["id"] > group["id"]


def test_rename_and_search(api: Api) -> None:
    first = api.ok("/groups/create", group_name="Clients")["group"]["id"]
    api.ok("/groups/create", group_name="100% Team")
    assert api.ok("/groups/edit", group_id=first, new_name="  Customers ")["new_name"] == "Customers"
    assert api.ok("/groups/edit", group_id=first, new_name="Customers")["result_code"] == "TS-1087"
    assert [g["name"] for g in api.ok("/groups/list", search="%")["groups"]] == ["100% Team"]
    assert [g["name"] for g in api.ok("/groups/list", search="CUST")["groups"]] == ["Customers"]


def test_contact_answer(api: Api) -> None:
    group = api.ok("/groups/create", group_name="Team")["group"]["id"]
    answer = api.ok(
        "/contacts/add", group_id=group, gsm_number="905051234567", name="Ada", f_01="x", f_03="z"
    )
    assert answer["mobile"] == "905051234567"
    assert (answer["total_sent"], answer["total_added"], answer["total_failed"], answer["group_id"]) == (
        1,
        1,
        0,
        group,
    )


def test_auth_check_on_a_suspended_account_tells_why(api: Api) -> None:
    answer = api.ok("/auth/check", key="key-suspended")
    assert answer["account_summary"]["account_status"] == "Suspended"
    assert api("/balance/", key="key-suspended").get_json()["result_code"] == "TS-1030"


def test_auth_check_reports_the_keys_permissions(api: Api) -> None:
    flags = api.ok("/auth/check", key="key-without-edit_group")["key_details"]["permissions"]
    assert flags["edit_group"] is False and flags["manage_groups"] is False and flags["send_otp"] is True
    assert api.ok("/auth/check")["key_details"]["permissions"]["manage_groups"] is True


def test_inactive_key_is_invalid(api: Api) -> None:
    assert api("/auth/check", key="key-inactive").get_json()["result_code"] == "TS-1031"


def test_sender_ids_listed_with_their_state(api: Api) -> None:
    senders = api.ok("/senderid/check")["sender_ids"]
    assert [(s["title"], s["status"]) for s in senders] == [
        ("MyCompany", 1),
        ("TurkeySMS", 1),
        ("Pending", 0),
    ]


def test_a_name_blank_only_to_python_is_a_name(api: Api) -> None:
    # U+0085 matches the spec's ECMA-262 `\S` (found by schemathesis); ECMA white space still blanks.
    assert api.ok("/groups/create", group_name="\u0085")["group"]["name"] == "\u0085"
    assert api("/groups/create", group_name="\u00a0\u3000").get_json()["result_code"] == "TS-1083"
