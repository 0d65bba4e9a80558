from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AddContactResponse")


@_attrs_define
class AddContactResponse:
    result: bool
    result_code: str
    """ A TS-xxxx code of `x-result-code-catalogue`; kept open so that new codes still parse. """
    result_message: str
    group_id: int
    """ A positive id; bounded at 2^53-1 so that JavaScript tools keep it exact. """
    total_sent: int
    """ A count or page number; bounded at 2^53-1 like every integer here. """
    total_added: int
    """ A count or page number; bounded at 2^53-1 like every integer here. """
    total_failed: int
    """ A count or page number; bounded at 2^53-1 like every integer here. """
    mobile: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result = self.result

        result_code = self.result_code

        result_message = self.result_message

        group_id = self.group_id

        total_sent = self.total_sent

        total_added = self.total_added

        total_failed = self.total_failed

        mobile = self.mobile

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
                "result_code": result_code,
                "result_message": result_message,
                "group_id": group_id,
                "total_sent": total_sent,
                "total_added": total_added,
                "total_failed": total_failed,
                "mobile": mobile,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        result = d.pop("result")

        result_code = d.pop("result_code")

        result_message = d.pop("result_message")

        group_id = d.pop("group_id")

        total_sent = d.pop("total_sent")

        total_added = d.pop("total_added")

        total_failed = d.pop("total_failed")

        mobile = d.pop("mobile")

        add_contact_response = cls(
            result=result,
            result_code=result_code,
            result_message=result_message,
            group_id=group_id,
            total_sent=total_sent,
            total_added=total_added,
            total_failed=total_failed,
            mobile=mobile,
        )

        add_contact_response.additional_properties = d
        return add_contact_response

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
