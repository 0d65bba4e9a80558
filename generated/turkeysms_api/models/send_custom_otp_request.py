from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.otp_digits import OtpDigits
from ..models.report_flag import ReportFlag
from ..models.response_type import ResponseType
from ..models.sms_lang import SmsLang
from ..types import UNSET, Unset

T = TypeVar("T", bound="SendCustomOtpRequest")


@_attrs_define
class SendCustomOtpRequest:
    api_key: str
    """ Your API key (control panel → My Account → API Settings). """
    mobile: str
    """ International format, digits only, no `+` or leading zero. A Turkish number is a mobile: `905` and nine
    digits. """
    title: str
    """ A registered sender ID (case-sensitive), 1 to 11 characters. """
    text: str
    """ Your text; `TS-CODE` becomes the code and `TS-L` a line break. """
    lang: SmsLang | Unset = UNSET
    """ Content language, answered as its label: 0 English (GSM 7-bit), 1 Turkish (national shift tables), 2 Unicode
    (UCS-2; the page says "Arabic / Unicode", C8). """
    digits: OtpDigits | Unset = UNSET
    """ Number of digits of the generated code. """
    report: ReportFlag | Unset = UNSET
    """ Delivery reports for this message: 1 on, 0 off (no webhook calls for it). """
    response_type: ResponseType | Unset = UNSET
    """ Response format. `php` answers in PHP `serialize()` format (`x-php-media-type`, D27). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_key = self.api_key

        mobile = self.mobile

        title = self.title

        text = self.text

        lang: int | Unset = UNSET
        if not isinstance(self.lang, Unset):
            lang = self.lang.value

        digits: int | Unset = UNSET
        if not isinstance(self.digits, Unset):
            digits = self.digits.value

        report: int | Unset = UNSET
        if not isinstance(self.report, Unset):
            report = self.report.value

        response_type: str | Unset = UNSET
        if not isinstance(self.response_type, Unset):
            response_type = self.response_type.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_key": api_key,
                "mobile": mobile,
                "title": title,
                "text": text,
            }
        )
        if lang is not UNSET:
            field_dict["lang"] = lang
        if digits is not UNSET:
            field_dict["digits"] = digits
        if report is not UNSET:
            field_dict["report"] = report
        if response_type is not UNSET:
            field_dict["response_type"] = response_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        api_key = d.pop("api_key")

        mobile = d.pop("mobile")

        title = d.pop("title")

        text = d.pop("text")

        _lang = d.pop("lang", UNSET)
        lang: SmsLang | Unset
        if isinstance(_lang, Unset):
            lang = UNSET
        else:
            lang = SmsLang(_lang)

        _digits = d.pop("digits", UNSET)
        digits: OtpDigits | Unset
        if isinstance(_digits, Unset):
            digits = UNSET
        else:
            digits = OtpDigits(_digits)

        _report = d.pop("report", UNSET)
        report: ReportFlag | Unset
        if isinstance(_report, Unset):
            report = UNSET
        else:
            report = ReportFlag(_report)

        _response_type = d.pop("response_type", UNSET)
        response_type: ResponseType | Unset
        if isinstance(_response_type, Unset):
            response_type = UNSET
        else:
            response_type = ResponseType(_response_type)

        send_custom_otp_request = cls(
            api_key=api_key,
            mobile=mobile,
            title=title,
            text=text,
            lang=lang,
            digits=digits,
            report=report,
            response_type=response_type,
        )

        send_custom_otp_request.additional_properties = d
        return send_custom_otp_request

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
