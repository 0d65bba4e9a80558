from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.content_type import ContentType
from ..models.report_flag import ReportFlag
from ..models.response_type import ResponseType
from ..models.scheduled_flag import ScheduledFlag
from ..models.sms_lang import SmsLang
from ..types import UNSET, Unset

T = TypeVar("T", bound="SendSmsRequest")


@_attrs_define
class SendSmsRequest:
    """The recipient is `sentto`, or `mobile` as the provider's own SDKs send it (D32): one of the two is required
    (`x-required-any-of`), and a body with both must give the same number in each. The client keeps sending `sentto`.

    """

    api_key: str
    """ Your API key (control panel → My Account → API Settings). """
    title: str
    """ A registered sender ID (case-sensitive), 1 to 11 characters. """
    text: str
    """ Message text; fully supports Unicode. Must hold a non-blank character. """
    sentto: str | Unset = UNSET
    """ International format, digits only, no `+` or leading zero. A Turkish number is a mobile: `905` and nine
    digits. """
    mobile: str | Unset = UNSET
    """ International format, digits only, no `+` or leading zero. A Turkish number is a mobile: `905` and nine
    digits. """
    report: ReportFlag | Unset = UNSET
    """ Delivery reports for this message: 1 on, 0 off (no webhook calls for it). """
    sms_lang: SmsLang | Unset = UNSET
    """ Content language, answered as its label: 0 English (GSM 7-bit), 1 Turkish (national shift tables), 2 Unicode
    (UCS-2; the page says "Arabic / Unicode", C8). """
    content_type: ContentType | Unset = UNSET
    """ 0 Transactional, 1 High Quality, 2 Advertising. """
    response_type: ResponseType | Unset = UNSET
    """ Response format. `php` answers in PHP `serialize()` format (`x-php-media-type`, D27). """
    scheduled_sms: ScheduledFlag | Unset = UNSET
    """ 1 holds the message until `scheduled_date` `scheduled_time` (Europe/Istanbul). """
    scheduled_date: datetime.date | Unset = UNSET
    """ Day of a scheduled send, `YYYY-MM-DD`, Europe/Istanbul. """
    scheduled_time: str | Unset = UNSET
    """ Time of a scheduled send, `HH:MM` (24 h), Europe/Istanbul. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_key = self.api_key

        title = self.title

        text = self.text

        sentto = self.sentto

        mobile = self.mobile

        report: int | Unset = UNSET
        if not isinstance(self.report, Unset):
            report = self.report.value

        sms_lang: int | Unset = UNSET
        if not isinstance(self.sms_lang, Unset):
            sms_lang = self.sms_lang.value

        content_type: int | Unset = UNSET
        if not isinstance(self.content_type, Unset):
            content_type = self.content_type.value

        response_type: str | Unset = UNSET
        if not isinstance(self.response_type, Unset):
            response_type = self.response_type.value

        scheduled_sms: int | Unset = UNSET
        if not isinstance(self.scheduled_sms, Unset):
            scheduled_sms = self.scheduled_sms.value

        scheduled_date: str | Unset = UNSET
        if not isinstance(self.scheduled_date, Unset):
            scheduled_date = self.scheduled_date.isoformat()

        scheduled_time = self.scheduled_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_key": api_key,
                "title": title,
                "text": text,
            }
        )
        if sentto is not UNSET:
            field_dict["sentto"] = sentto
        if mobile is not UNSET:
            field_dict["mobile"] = mobile
        if report is not UNSET:
            field_dict["report"] = report
        if sms_lang is not UNSET:
            field_dict["sms_lang"] = sms_lang
        if content_type is not UNSET:
            field_dict["content_type"] = content_type
        if response_type is not UNSET:
            field_dict["response_type"] = response_type
        if scheduled_sms is not UNSET:
            field_dict["scheduled_sms"] = scheduled_sms
        if scheduled_date is not UNSET:
            field_dict["scheduled_date"] = scheduled_date
        if scheduled_time is not UNSET:
            field_dict["scheduled_time"] = scheduled_time

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        api_key = d.pop("api_key")

        title = d.pop("title")

        text = d.pop("text")

        sentto = d.pop("sentto", UNSET)

        mobile = d.pop("mobile", UNSET)

        _report = d.pop("report", UNSET)
        report: ReportFlag | Unset
        if isinstance(_report, Unset):
            report = UNSET
        else:
            report = ReportFlag(_report)

        _sms_lang = d.pop("sms_lang", UNSET)
        sms_lang: SmsLang | Unset
        if isinstance(_sms_lang, Unset):
            sms_lang = UNSET
        else:
            sms_lang = SmsLang(_sms_lang)

        _content_type = d.pop("content_type", UNSET)
        content_type: ContentType | Unset
        if isinstance(_content_type, Unset):
            content_type = UNSET
        else:
            content_type = ContentType(_content_type)

        _response_type = d.pop("response_type", UNSET)
        response_type: ResponseType | Unset
        if isinstance(_response_type, Unset):
            response_type = UNSET
        else:
            response_type = ResponseType(_response_type)

        _scheduled_sms = d.pop("scheduled_sms", UNSET)
        scheduled_sms: ScheduledFlag | Unset
        if isinstance(_scheduled_sms, Unset):
            scheduled_sms = UNSET
        else:
            scheduled_sms = ScheduledFlag(_scheduled_sms)

        _scheduled_date = d.pop("scheduled_date", UNSET)
        scheduled_date: datetime.date | Unset
        if isinstance(_scheduled_date, Unset):
            scheduled_date = UNSET
        else:
            scheduled_date = datetime.date.fromisoformat(_scheduled_date)

        scheduled_time = d.pop("scheduled_time", UNSET)

        send_sms_request = cls(
            api_key=api_key,
            title=title,
            text=text,
            sentto=sentto,
            mobile=mobile,
            report=report,
            sms_lang=sms_lang,
            content_type=content_type,
            response_type=response_type,
            scheduled_sms=scheduled_sms,
            scheduled_date=scheduled_date,
            scheduled_time=scheduled_time,
        )

        send_sms_request.additional_properties = d
        return send_sms_request

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
