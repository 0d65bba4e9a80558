from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.response_type import ResponseType
from ..types import UNSET, Unset

T = TypeVar("T", bound="BlacklistRequest")


@_attrs_define
class BlacklistRequest:
    api_key: str
    """ Your API key (control panel → My Account → API Settings). """
    number: str
    """ International format, digits only, no `+` or leading zero. A Turkish number is a mobile: `905` and nine
    digits. """
    response_type: ResponseType | Unset = UNSET
    """ Response format. `php` answers in PHP `serialize()` format (`x-php-media-type`, D27). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_key = self.api_key

        number = self.number

        response_type: str | Unset = UNSET
        if not isinstance(self.response_type, Unset):
            response_type = self.response_type.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_key": api_key,
                "number": number,
            }
        )
        if response_type is not UNSET:
            field_dict["response_type"] = response_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        api_key = d.pop("api_key")

        number = d.pop("number")

        _response_type = d.pop("response_type", UNSET)
        response_type: ResponseType | Unset
        if isinstance(_response_type, Unset):
            response_type = UNSET
        else:
            response_type = ResponseType(_response_type)

        blacklist_request = cls(
            api_key=api_key,
            number=number,
            response_type=response_type,
        )

        blacklist_request.additional_properties = d
        return blacklist_request

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
