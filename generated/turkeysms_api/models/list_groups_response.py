from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.listed_group import ListedGroup


T = TypeVar("T", bound="ListGroupsResponse")


@_attrs_define
class ListGroupsResponse:
    result: bool
    result_code: str
    """ A TS-xxxx code of `x-result-code-catalogue`; kept open so that new codes still parse. """
    groups_count: int
    """ A count or page number; bounded at 2^53-1 like every integer here. """
    groups: list[ListedGroup]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result = self.result

        result_code = self.result_code

        groups_count = self.groups_count

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
                "result_code": result_code,
                "groups_count": groups_count,
                "groups": groups,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.listed_group import ListedGroup

        d = dict(src_dict)
        result = d.pop("result")

        result_code = d.pop("result_code")

        groups_count = d.pop("groups_count")

        groups = []
        _groups = d.pop("groups")
        for groups_item_data in _groups:
            groups_item = ListedGroup.from_dict(groups_item_data)

            groups.append(groups_item)

        list_groups_response = cls(
            result=result,
            result_code=result_code,
            groups_count=groups_count,
            groups=groups,
        )

        list_groups_response.additional_properties = d
        return list_groups_response

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
