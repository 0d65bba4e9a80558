from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BlacklistStatusResponse")


@_attrs_define
class BlacklistStatusResponse:
    status: str
    result_code: str
    """ A TS-xxxx code of `x-result-code-catalogue`; kept open so that new codes still parse. """
    is_blocked: bool
    result_message: str | Unset = UNSET
    block_date: datetime.date | Unset = UNSET
    block_time: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        result_code = self.result_code

        is_blocked = self.is_blocked

        result_message = self.result_message

        block_date: str | Unset = UNSET
        if not isinstance(self.block_date, Unset):
            block_date = self.block_date.isoformat()

        block_time = self.block_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "result_code": result_code,
                "is_blocked": is_blocked,
            }
        )
        if result_message is not UNSET:
            field_dict["result_message"] = result_message
        if block_date is not UNSET:
            field_dict["block_date"] = block_date
        if block_time is not UNSET:
            field_dict["block_time"] = block_time

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = d.pop("status")

        result_code = d.pop("result_code")

        is_blocked = d.pop("is_blocked")

        result_message = d.pop("result_message", UNSET)

        _block_date = d.pop("block_date", UNSET)
        block_date: datetime.date | Unset
        if isinstance(_block_date, Unset):
            block_date = UNSET
        else:
            block_date = datetime.date.fromisoformat(_block_date)

        block_time = d.pop("block_time", UNSET)

        blacklist_status_response = cls(
            status=status,
            result_code=result_code,
            is_blocked=is_blocked,
            result_message=result_message,
            block_date=block_date,
            block_time=block_time,
        )

        blacklist_status_response.additional_properties = d
        return blacklist_status_response

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
