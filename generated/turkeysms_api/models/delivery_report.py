from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DeliveryReport")


@_attrs_define
class DeliveryReport:
    sms_id: int
    """ A positive id; bounded at 2^53-1 so that JavaScript tools keep it exact. """
    status: str
    """ `pending`, `delivered`, `failed` or `out_of_coverage`; kept open. """
    phone_number: str | Unset = UNSET
    result_code: str | Unset = UNSET
    """ A TS-xxxx code of `x-result-code-catalogue`; kept open so that new codes still parse. """
    sms_status: str | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sms_id = self.sms_id

        status = self.status

        phone_number = self.phone_number

        result_code = self.result_code

        sms_status = self.sms_status

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sms_id": sms_id,
                "status": status,
            }
        )
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if result_code is not UNSET:
            field_dict["result_code"] = result_code
        if sms_status is not UNSET:
            field_dict["sms_status"] = sms_status
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        sms_id = d.pop("sms_id")

        status = d.pop("status")

        phone_number = d.pop("phone_number", UNSET)

        result_code = d.pop("result_code", UNSET)

        sms_status = d.pop("sms_status", UNSET)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        delivery_report = cls(
            sms_id=sms_id,
            status=status,
            phone_number=phone_number,
            result_code=result_code,
            sms_status=sms_status,
            updated_at=updated_at,
        )

        delivery_report.additional_properties = d
        return delivery_report

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
