from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.key_permissions import KeyPermissions


T = TypeVar("T", bound="KeyDetails")


@_attrs_define
class KeyDetails:
    status: str
    """ `Active` or `Inactive`. """
    permissions: KeyPermissions
    """ One boolean per permission of `x-permission-catalogue`, and `manage_groups`. The provider's page shows the
    six that are required; the mock reports every one (D17). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        permissions = self.permissions.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "permissions": permissions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.key_permissions import KeyPermissions

        d = dict(src_dict)
        status = d.pop("status")

        permissions = KeyPermissions.from_dict(d.pop("permissions"))

        key_details = cls(
            status=status,
            permissions=permissions,
        )

        key_details.additional_properties = d
        return key_details

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
