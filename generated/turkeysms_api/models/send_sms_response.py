from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SendSmsResponse")


@_attrs_define
class SendSmsResponse:
    result: bool
    result_code: str
    """ A TS-xxxx code of `x-result-code-catalogue`; kept open so that new codes still parse. """
    result_message: str
    sms_id: int
    """ A positive id; bounded at 2^53-1 so that JavaScript tools keep it exact. """
    number_of_sms: int
    """ Parts the message was billed as. """
    sms_lang: str
    """ `English`, `Turkish` or `Unicode`. """
    content_type: str
    """ `Transactional`, `High Quality` or `Advertising`. """
    country: str
    """ Destination as `Name-CC`, e.g. `Turkey-TR`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result = self.result

        result_code = self.result_code

        result_message = self.result_message

        sms_id = self.sms_id

        number_of_sms = self.number_of_sms

        sms_lang = self.sms_lang

        content_type = self.content_type

        country = self.country

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
                "result_code": result_code,
                "result_message": result_message,
                "sms_id": sms_id,
                "number_of_sms": number_of_sms,
                "sms_lang": sms_lang,
                "content_type": content_type,
                "country": country,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        result = d.pop("result")

        result_code = d.pop("result_code")

        result_message = d.pop("result_message")

        sms_id = d.pop("sms_id")

        number_of_sms = d.pop("number_of_sms")

        sms_lang = d.pop("sms_lang")

        content_type = d.pop("content_type")

        country = d.pop("country")

        send_sms_response = cls(
            result=result,
            result_code=result_code,
            result_message=result_message,
            sms_id=sms_id,
            number_of_sms=number_of_sms,
            sms_lang=sms_lang,
            content_type=content_type,
            country=country,
        )

        send_sms_response.additional_properties = d
        return send_sms_response

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
