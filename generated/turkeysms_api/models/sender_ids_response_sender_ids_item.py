from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sender_ids_response_sender_ids_item_document import (
    SenderIdsResponseSenderIdsItemDocument,
)
from ..models.sender_ids_response_sender_ids_item_network_stat import (
    SenderIdsResponseSenderIdsItemNetworkStat,
)
from ..models.sender_ids_response_sender_ids_item_status import (
    SenderIdsResponseSenderIdsItemStatus,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="SenderIdsResponseSenderIdsItem")


@_attrs_define
class SenderIdsResponseSenderIdsItem:
    id: int
    """ A positive id; bounded at 2^53-1 so that JavaScript tools keep it exact. """
    title: str
    status: SenderIdsResponseSenderIdsItemStatus
    """ 1 active, 0 not activated. """
    document: SenderIdsResponseSenderIdsItemDocument | Unset = UNSET
    """ 1 when the registration document is on file. """
    network_stat: SenderIdsResponseSenderIdsItemNetworkStat | Unset = UNSET
    """ 1 when the operators have approved the title. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        status = self.status.value

        document: int | Unset = UNSET
        if not isinstance(self.document, Unset):
            document = self.document.value

        network_stat: int | Unset = UNSET
        if not isinstance(self.network_stat, Unset):
            network_stat = self.network_stat.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "status": status,
            }
        )
        if document is not UNSET:
            field_dict["document"] = document
        if network_stat is not UNSET:
            field_dict["network_stat"] = network_stat

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        status = SenderIdsResponseSenderIdsItemStatus(d.pop("status"))

        _document = d.pop("document", UNSET)
        document: SenderIdsResponseSenderIdsItemDocument | Unset
        if isinstance(_document, Unset):
            document = UNSET
        else:
            document = SenderIdsResponseSenderIdsItemDocument(_document)

        _network_stat = d.pop("network_stat", UNSET)
        network_stat: SenderIdsResponseSenderIdsItemNetworkStat | Unset
        if isinstance(_network_stat, Unset):
            network_stat = UNSET
        else:
            network_stat = SenderIdsResponseSenderIdsItemNetworkStat(_network_stat)

        sender_ids_response_sender_ids_item = cls(
            id=id,
            title=title,
            status=status,
            document=document,
            network_stat=network_stat,
        )

        sender_ids_response_sender_ids_item.additional_properties = d
        return sender_ids_response_sender_ids_item

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
