from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.response_type import ResponseType
from ..types import UNSET, Unset

T = TypeVar("T", bound="AddContactRequest")


@_attrs_define
class AddContactRequest:
    api_key: str
    """ Your API key (control panel → My Account → API Settings). """
    group_id: int
    """ A positive id; bounded at 2^53-1 so that JavaScript tools keep it exact. """
    gsm_number: str
    """ International format, digits only, no `+` or leading zero. A Turkish number is a mobile: `905` and nine
    digits. """
    name: str | Unset = UNSET
    f_01: str | Unset = UNSET
    f_02: str | Unset = UNSET
    f_03: str | Unset = UNSET
    response_type: ResponseType | Unset = UNSET
    """ Response format. `php` answers in PHP `serialize()` format (`x-php-media-type`, D27). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_key = self.api_key

        group_id = self.group_id

        gsm_number = self.gsm_number

        name = self.name

        f_01 = self.f_01

        f_02 = self.f_02

        f_03 = self.f_03

        response_type: str | Unset = UNSET
        if not isinstance(self.response_type, Unset):
            response_type = self.response_type.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_key": api_key,
                "group_id": group_id,
                "gsm_number": gsm_number,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if f_01 is not UNSET:
            field_dict["f_01"] = f_01
        if f_02 is not UNSET:
            field_dict["f_02"] = f_02
        if f_03 is not UNSET:
            field_dict["f_03"] = f_03
        if response_type is not UNSET:
            field_dict["response_type"] = response_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        api_key = d.pop("api_key")

        group_id = d.pop("group_id")

        gsm_number = d.pop("gsm_number")

        name = d.pop("name", UNSET)

        f_01 = d.pop("f_01", UNSET)

        f_02 = d.pop("f_02", UNSET)

        f_03 = d.pop("f_03", UNSET)

        _response_type = d.pop("response_type", UNSET)
        response_type: ResponseType | Unset
        if isinstance(_response_type, Unset):
            response_type = UNSET
        else:
            response_type = ResponseType(_response_type)

        add_contact_request = cls(
            api_key=api_key,
            group_id=group_id,
            gsm_number=gsm_number,
            name=name,
            f_01=f_01,
            f_02=f_02,
            f_03=f_03,
            response_type=response_type,
        )

        add_contact_request.additional_properties = d
        return add_contact_request

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
