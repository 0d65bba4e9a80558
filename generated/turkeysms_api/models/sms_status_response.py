from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SmsStatusResponse")


@_attrs_define
class SmsStatusResponse:
    status: str
    result_code: str
    """ A TS-xxxx code of `x-result-code-catalogue`; kept open so that new codes still parse. """
    result_message: str
    result: bool
    """ True: the query succeeded, whatever the delivery state (D10). """
    sender_id: str
    sms_status: str
    sms_balance: str
    """ Credits billed, e.g. `1 SMS`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        result_code = self.result_code

        result_message = self.result_message

        result = self.result

        sender_id = self.sender_id

        sms_status = self.sms_status

        sms_balance = self.sms_balance

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "result_code": result_code,
                "result_message": result_message,
                "result": result,
                "sender_id": sender_id,
                "sms_status": sms_status,
                "sms_balance": sms_balance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = d.pop("status")

        result_code = d.pop("result_code")

        result_message = d.pop("result_message")

        result = d.pop("result")

        sender_id = d.pop("sender_id")

        sms_status = d.pop("sms_status")

        sms_balance = d.pop("sms_balance")

        sms_status_response = cls(
            status=status,
            result_code=result_code,
            result_message=result_message,
            result=result,
            sender_id=sender_id,
            sms_status=sms_status,
            sms_balance=sms_balance,
        )

        sms_status_response.additional_properties = d
        return sms_status_response

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
