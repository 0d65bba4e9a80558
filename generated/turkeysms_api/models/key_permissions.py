from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="KeyPermissions")


@_attrs_define
class KeyPermissions:
    """One boolean per permission of `x-permission-catalogue`, and `manage_groups`. The provider's page shows the six that
    are required; the mock reports every one (D17).

    """

    post_request: bool
    """ Use the API over POST at all (every operation but /auth/check). """
    send_single_sms: bool
    """ Send a single or scheduled SMS. """
    send_otp: bool
    """ Send a standard OTP. """
    check_balance: bool
    """ Read the balance. """
    check_senderid: bool
    """ List the account's sender IDs. """
    manage_groups: bool
    """ True when all four group privileges are: create, edit, delete and list. """
    send_advanced_otp: bool | Unset = UNSET
    """ Send a custom-text OTP. """
    send_group_sms: bool | Unset = UNSET
    """ Send to many numbers at once. """
    check_sms_status: bool | Unset = UNSET
    """ Read a message's delivery status. """
    view_reports: bool | Unset = UNSET
    """ Read basic and detailed reports. """
    create_group: bool | Unset = UNSET
    """ Create contact groups. """
    edit_group: bool | Unset = UNSET
    """ Rename contact groups. """
    delete_group: bool | Unset = UNSET
    """ Delete contact groups. """
    list_groups: bool | Unset = UNSET
    """ List contact groups. """
    manage_contacts: bool | Unset = UNSET
    """ Add numbers to contact groups. """
    manage_blacklist: bool | Unset = UNSET
    """ Add to and query the blacklist. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        post_request = self.post_request

        send_single_sms = self.send_single_sms

        send_otp = self.send_otp

        check_balance = self.check_balance

        check_senderid = self.check_senderid

        manage_groups = self.manage_groups

        send_advanced_otp = self.send_advanced_otp

        send_group_sms = self.send_group_sms

        check_sms_status = self.check_sms_status

        view_reports = self.view_reports

        create_group = self.create_group

        edit_group = self.edit_group

        delete_group = self.delete_group

        list_groups = self.list_groups

        manage_contacts = self.manage_contacts

        manage_blacklist = self.manage_blacklist

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "post_request": post_request,
                "send_single_sms": send_single_sms,
                "send_otp": send_otp,
                "check_balance": check_balance,
                "check_senderid": check_senderid,
                "manage_groups": manage_groups,
            }
        )
        if send_advanced_otp is not UNSET:
            field_dict["send_advanced_otp"] = send_advanced_otp
        if send_group_sms is not UNSET:
            field_dict["send_group_sms"] = send_group_sms
        if check_sms_status is not UNSET:
            field_dict["check_sms_status"] = check_sms_status
        if view_reports is not UNSET:
            field_dict["view_reports"] = view_reports
        if create_group is not UNSET:
            field_dict["create_group"] = create_group
        if edit_group is not UNSET:
            field_dict["edit_group"] = edit_group
        if delete_group is not UNSET:
            field_dict["delete_group"] = delete_group
        if list_groups is not UNSET:
            field_dict["list_groups"] = list_groups
        if manage_contacts is not UNSET:
            field_dict["manage_contacts"] = manage_contacts
        if manage_blacklist is not UNSET:
            field_dict["manage_blacklist"] = manage_blacklist

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        post_request = d.pop("post_request")

        send_single_sms = d.pop("send_single_sms")

        send_otp = d.pop("send_otp")

        check_balance = d.pop("check_balance")

        check_senderid = d.pop("check_senderid")

        manage_groups = d.pop("manage_groups")

        send_advanced_otp = d.pop("send_advanced_otp", UNSET)

        send_group_sms = d.pop("send_group_sms", UNSET)

        check_sms_status = d.pop("check_sms_status", UNSET)

        view_reports = d.pop("view_reports", UNSET)

        create_group = d.pop("create_group", UNSET)

        edit_group = d.pop("edit_group", UNSET)

        delete_group = d.pop("delete_group", UNSET)

        list_groups = d.pop("list_groups", UNSET)

        manage_contacts = d.pop("manage_contacts", UNSET)

        manage_blacklist = d.pop("manage_blacklist", UNSET)

        key_permissions = cls(
            post_request=post_request,
            send_single_sms=send_single_sms,
            send_otp=send_otp,
            check_balance=check_balance,
            check_senderid=check_senderid,
            manage_groups=manage_groups,
            send_advanced_otp=send_advanced_otp,
            send_group_sms=send_group_sms,
            check_sms_status=check_sms_status,
            view_reports=view_reports,
            create_group=create_group,
            edit_group=edit_group,
            delete_group=delete_group,
            list_groups=list_groups,
            manage_contacts=manage_contacts,
            manage_blacklist=manage_blacklist,
        )

        key_permissions.additional_properties = d
        return key_permissions

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
