from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SenderId")


@_attrs_define
class SenderId:
    id: int
    """ A positive id; bounded at 2^53-1 so that JavaScript tools keep it exact. """
    title: str
    status: int
    """ 1 active, 0 not activated. """
    document: int
    """ 1 when the registration document is on file. """
    network_stat: int
    """ 1 when the operators have approved the title. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        status = self.status

        document = self.document

        network_stat = self.network_stat

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "status": status,
                "document": document,
                "network_stat": network_stat,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        status = d.pop("status")

        document = d.pop("document")

        network_stat = d.pop("network_stat")

        sender_id = cls(
            id=id,
            title=title,
            status=status,
            document=document,
            network_stat=network_stat,
        )

        sender_id.additional_properties = d
        return sender_id

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
