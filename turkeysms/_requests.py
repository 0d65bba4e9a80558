"""Build each operation's request from Python arguments; shared by the sync and async clients."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Generic, TypeVar

from turkeysms._schedule import to_schedule
from turkeysms_api.api.account import check_auth, get_balance, list_sender_ids
from turkeysms_api.api.blacklist import add_to_blacklist, get_blacklist_status
from turkeysms_api.api.contacts import add_contact
from turkeysms_api.api.groups import create_group, delete_group, edit_group, list_groups
from turkeysms_api.api.otp import send_custom_otp, send_otp
from turkeysms_api.api.reports import get_basic_report, get_detailed_report
from turkeysms_api.api.sms import get_sms_status, send_bulk_sms, send_mixed_sms, send_sms
from turkeysms_api.models import (
    AddContactRequest,
    AddContactResponse,
    ApiKeyRequest,
    AuthCheckResponse,
    BalanceResponse,
    BasicReportRequest,
    BasicReportResponse,
    BlacklistAddResponse,
    BlacklistRequest,
    BlacklistStatusResponse,
    ContentType,
    CreateGroupRequest,
    CreateGroupResponse,
    DetailedReportRequest,
    DetailedReportResponse,
    EditGroupRequest,
    EditGroupResponse,
    GroupIdRequest,
    ListGroupsRequest,
    ListGroupsResponse,
    MessageResponse,
    OtpDigits,
    ReportFlag,
    ScheduledFlag,
    SendBulkSmsRequest,
    SendBulkSmsResponse,
    SendCustomOtpRequest,
    SenderIdsResponse,
    SendMixedSmsRequest,
    SendOtpRequest,
    SendOtpResponse,
    SendSmsRequest,
    SendSmsResponse,
    SmsLang,
    SmsStatusRequest,
    SmsStatusResponse,
)
from turkeysms_api.types import UNSET, Unset

__all__ = ["Call"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Call(Generic[T]):
    """One request ready to go: the generated endpoint, its body and the model it answers."""

    endpoint: ModuleType
    body: Any
    result_type: type[T]
    # True when sending it twice does no harm, so it may be repeated after a read timeout.
    idempotent: bool

    def __repr__(self) -> str:
        # The body holds the API key and attrs would print it.
        return f"Call({self.endpoint.__name__.rsplit('.', 1)[-1]})"


def _opt(value: Any, kind: Any) -> Any:
    return UNSET if value is None else kind(value)


def _report(report: bool | None) -> ReportFlag | Unset:
    return UNSET if report is None else (ReportFlag.ENABLED if report else ReportFlag.DISABLED)


@dataclass(frozen=True, slots=True)
class SendOptions:
    """The options every send takes, converted once into the generated enums."""

    sms_lang: SmsLang | Unset
    content_type: ContentType | Unset
    report: ReportFlag | Unset
    scheduled_sms: ScheduledFlag | Unset
    scheduled_date: dt.date | Unset
    scheduled_time: str | Unset

    @classmethod
    def build(
        cls,
        sms_lang: SmsLang | int | None,
        content_type: ContentType | int | None,
        report: bool | None,
        scheduled_at: dt.datetime | None,
    ) -> SendOptions:
        if scheduled_at is None:
            return cls(
                _opt(sms_lang, SmsLang), _opt(content_type, ContentType), _report(report), UNSET, UNSET, UNSET
            )
        day, time = to_schedule(scheduled_at)
        return cls(
            _opt(sms_lang, SmsLang),
            _opt(content_type, ContentType),
            _report(report),
            ScheduledFlag.YES,
            day,
            time,
        )

    def fields(self) -> dict[str, Any]:
        return {
            "sms_lang": self.sms_lang,
            "content_type": self.content_type,
            "report": self.report,
            "scheduled_sms": self.scheduled_sms,
            "scheduled_date": self.scheduled_date,
            "scheduled_time": self.scheduled_time,
        }


def build_check_auth(key: str) -> Call[AuthCheckResponse]:
    return Call(check_auth, ApiKeyRequest(api_key=key), AuthCheckResponse, idempotent=True)


def build_get_balance(key: str) -> Call[BalanceResponse]:
    return Call(get_balance, ApiKeyRequest(api_key=key), BalanceResponse, idempotent=True)


def build_list_sender_ids(key: str) -> Call[SenderIdsResponse]:
    return Call(list_sender_ids, ApiKeyRequest(api_key=key), SenderIdsResponse, idempotent=True)


def build_send_sms(key: str, title: str, to: str, text: str, options: SendOptions) -> Call[SendSmsResponse]:
    body = SendSmsRequest(api_key=key, title=title, sentto=to, text=text, **options.fields())
    return Call(send_sms, body, SendSmsResponse, idempotent=False)


def build_send_otp(
    key: str, to: str, *, digits: OtpDigits | int | None, lang: SmsLang | int | None, report: bool | None
) -> Call[SendOtpResponse]:
    body = SendOtpRequest(
        api_key=key,
        mobile=to,
        digits=_opt(digits, OtpDigits),
        lang=_opt(lang, SmsLang),
        report=_report(report),
    )
    return Call(send_otp, body, SendOtpResponse, idempotent=False)


def build_send_custom_otp(
    key: str,
    title: str,
    to: str,
    text: str,
    *,
    digits: OtpDigits | int | None,
    lang: SmsLang | int | None,
    report: bool | None,
) -> Call[SendOtpResponse]:
    body = SendCustomOtpRequest(
        api_key=key,
        title=title,
        mobile=to,
        text=text,
        digits=_opt(digits, OtpDigits),
        lang=_opt(lang, SmsLang),
        report=_report(report),
    )
    return Call(send_custom_otp, body, SendOtpResponse, idempotent=False)


def build_send_bulk(
    key: str, title: str, to: list[str], text: str, options: SendOptions
) -> Call[SendBulkSmsResponse]:
    body = SendBulkSmsRequest(api_key=key, title=title, sentto=to, text=text, **options.fields())
    return Call(send_bulk_sms, body, SendBulkSmsResponse, idempotent=False)


def build_send_mixed(
    key: str, title: str, messages: Sequence[tuple[str, str]], options: SendOptions
) -> Call[SendBulkSmsResponse]:
    body = SendMixedSmsRequest(
        api_key=key,
        title=title,
        sentto=[number for number, _ in messages],
        text=[text for _, text in messages],
        **options.fields(),
    )
    return Call(send_mixed_sms, body, SendBulkSmsResponse, idempotent=False)


def build_create_group(key: str, name: str) -> Call[CreateGroupResponse]:
    return Call(
        create_group, CreateGroupRequest(api_key=key, group_name=name), CreateGroupResponse, idempotent=False
    )


def build_rename_group(key: str, group_id: int, new_name: str) -> Call[EditGroupResponse]:
    body = EditGroupRequest(api_key=key, group_id=group_id, new_name=new_name)
    return Call(edit_group, body, EditGroupResponse, idempotent=False)


def build_delete_group(key: str, group_id: int) -> Call[MessageResponse]:
    return Call(
        delete_group, GroupIdRequest(api_key=key, group_id=group_id), MessageResponse, idempotent=False
    )


def build_list_groups(key: str, search: str | None) -> Call[ListGroupsResponse]:
    body = ListGroupsRequest(api_key=key, search=UNSET if search is None else search)
    return Call(list_groups, body, ListGroupsResponse, idempotent=True)


def build_add_contact(
    key: str,
    group_id: int,
    number: str,
    *,
    name: str | None,
    f_01: str | None,
    f_02: str | None,
    f_03: str | None,
) -> Call[AddContactResponse]:
    body = AddContactRequest(
        api_key=key,
        group_id=group_id,
        gsm_number=number,
        name=UNSET if name is None else name,
        f_01=UNSET if f_01 is None else f_01,
        f_02=UNSET if f_02 is None else f_02,
        f_03=UNSET if f_03 is None else f_03,
    )
    return Call(add_contact, body, AddContactResponse, idempotent=False)


def build_get_report(key: str, sms_id: int) -> Call[BasicReportResponse]:
    return Call(
        get_basic_report,
        BasicReportRequest(api_key=key, raporid=sms_id),
        BasicReportResponse,
        idempotent=True,
    )


def build_get_report_page(key: str, sms_id: int, page: int) -> Call[DetailedReportResponse]:
    body = DetailedReportRequest(api_key=key, raporid=sms_id, page=page)
    return Call(get_detailed_report, body, DetailedReportResponse, idempotent=True)


def build_get_status(key: str, sms_id: int) -> Call[SmsStatusResponse]:
    return Call(
        get_sms_status, SmsStatusRequest(api_key=key, sms_id=sms_id), SmsStatusResponse, idempotent=True
    )


def build_blacklist_add(key: str, number: str) -> Call[BlacklistAddResponse]:
    return Call(
        add_to_blacklist, BlacklistRequest(api_key=key, number=number), BlacklistAddResponse, idempotent=False
    )


def build_blacklist_status(key: str, number: str) -> Call[BlacklistStatusResponse]:
    body = BlacklistRequest(api_key=key, number=number)
    return Call(get_blacklist_status, body, BlacklistStatusResponse, idempotent=True)
