from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.sender_id import SenderId


T = TypeVar("T", bound="SenderIdsResponse")


@_attrs_define
class SenderIdsResponse:
    result: bool
    result_code: str
    """ A TS-xxxx code of `x-result-code-catalogue`; kept open so that new codes still parse. """
    result_message: str
    sender_ids: list[SenderId]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result = self.result

        result_code = self.result_code

        result_message = self.result_message

        sender_ids = []
        for sender_ids_item_data in self.sender_ids:
            sender_ids_item = sender_ids_item_data.to_dict()
            sender_ids.append(sender_ids_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
                "result_code": result_code,
                "result_message": result_message,
                "sender_ids": sender_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.sender_id import SenderId

        d = dict(src_dict)
        result = d.pop("result")

        result_code = d.pop("result_code")

        result_message = d.pop("result_message")

        sender_ids = []
        _sender_ids = d.pop("sender_ids")
        for sender_ids_item_data in _sender_ids:
            sender_ids_item = SenderId.from_dict(sender_ids_item_data)

            sender_ids.append(sender_ids_item)

        sender_ids_response = cls(
            result=result,
            result_code=result_code,
            result_message=result_message,
            sender_ids=sender_ids,
        )

        sender_ids_response.additional_properties = d
        return sender_ids_response

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
