from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReportRecord")


@_attrs_define
class ReportRecord:
    phone_number: str
    sent_at: str
    """ `YYYY-MM-DD HH:MM:SS`, Europe/Istanbul. """
    sms_status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        phone_number = self.phone_number

        sent_at = self.sent_at

        sms_status = self.sms_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "phone_number": phone_number,
                "sent_at": sent_at,
                "sms_status": sms_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        phone_number = d.pop("phone_number")

        sent_at = d.pop("sent_at")

        sms_status = d.pop("sms_status")

        report_record = cls(
            phone_number=phone_number,
            sent_at=sent_at,
            sms_status=sms_status,
        )

        report_record.additional_properties = d
        return report_record

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
