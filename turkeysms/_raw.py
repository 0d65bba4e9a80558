"""`client.with_raw_response`: every operation answering its APIResponse instead of the parsed model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar, cast

from turkeysms._response import APIResponse
from turkeysms_api.models import (
    AddContactResponse,
    AuthCheckResponse,
    BalanceResponse,
    BasicReportResponse,
    BlacklistAddResponse,
    BlacklistStatusResponse,
    ContentType,
    CreateGroupResponse,
    DetailedReportResponse,
    EditGroupResponse,
    ListGroupsResponse,
    MessageResponse,
    OtpDigits,
    SendBulkSmsResponse,
    SenderIdsResponse,
    SendOtpResponse,
    SendSmsResponse,
    SmsLang,
    SmsStatusResponse,
)

if TYPE_CHECKING:
    from turkeysms._async_client import AsyncTurkeySMS
    from turkeysms._client import TurkeySMS

__all__ = ["AsyncTurkeySMSWithRawResponse", "TurkeySMSWithRawResponse"]

T = TypeVar("T")


def _unparsed(answer: T) -> APIResponse[T]:
    # The wrapped client is a raw copy (BaseClient._raw_copy): its methods hand back the
    # APIResponse unparsed although typed as the model; this restores the truth.
    if not isinstance(answer, APIResponse):  # pragma: no cover - a copy that is not raw
        raise TypeError(f"expected an APIResponse, got {type(answer).__name__}")
    return cast("APIResponse[T]", answer)


class TurkeySMSWithRawResponse:
    """`client.with_raw_response`: each operation of TurkeySMS answers `APIResponse[Model]`.

    Errors still raise (their `http_response` holds the answer). The streaming
    helpers (`send_bulk`, `iter_report_records`) have no raw form: use
    `get_report_page`, or each chunk's `response`. tests/turkeysms/test_raw_response.py
    checks that every signature here is the client's own.
    """

    def __init__(self, client: TurkeySMS) -> None:
        self._client = client

    def check_auth(self) -> APIResponse[AuthCheckResponse]:
        """The key's status and permissions, and the account's status and balance."""
        return _unparsed(self._client.check_auth())

    def get_balance(self) -> APIResponse[BalanceResponse]:
        """The main and international credits left."""
        return _unparsed(self._client.get_balance())

    def list_sender_ids(self) -> APIResponse[SenderIdsResponse]:
        """The account's sender titles and whether each is active."""
        return _unparsed(self._client.list_sender_ids())

    def send_sms(
        self,
        title: str,
        to: str,
        text: str,
        *,
        sms_lang: SmsLang | int | None = None,
        content_type: ContentType | int | None = None,
        report: bool | None = None,
        scheduled_at: dt.datetime | None = None,
    ) -> APIResponse[SendSmsResponse]:
        """Send one SMS now, or at `scheduled_at` (naive means Europe/Istanbul time)."""
        return _unparsed(
            self._client.send_sms(
                title,
                to,
                text,
                sms_lang=sms_lang,
                content_type=content_type,
                report=report,
                scheduled_at=scheduled_at,
            )
        )

    def send_otp(
        self,
        to: str,
        *,
        digits: OtpDigits | int | None = None,
        lang: SmsLang | int | None = None,
        report: bool | None = None,
    ) -> APIResponse[SendOtpResponse]:
        """Send a one-time password in the provider's text; the answer carries `otp_code`."""
        return _unparsed(self._client.send_otp(to, digits=digits, lang=lang, report=report))

    def send_custom_otp(
        self,
        title: str,
        to: str,
        text: str,
        *,
        digits: OtpDigits | int | None = None,
        lang: SmsLang | int | None = None,
        report: bool | None = None,
    ) -> APIResponse[SendOtpResponse]:
        """Send a one-time password inside `text`, where `TS-CODE` stands."""
        return _unparsed(
            self._client.send_custom_otp(title, to, text, digits=digits, lang=lang, report=report)
        )

    def send_mixed(
        self,
        title: str,
        messages: Sequence[tuple[str, str]],
        *,
        sms_lang: SmsLang | int | None = None,
        content_type: ContentType | int | None = None,
        report: bool | None = None,
        scheduled_at: dt.datetime | None = None,
    ) -> APIResponse[SendBulkSmsResponse]:
        """Send each (number, text) pair's own text to its number, in one request."""
        return _unparsed(
            self._client.send_mixed(
                title,
                messages,
                sms_lang=sms_lang,
                content_type=content_type,
                report=report,
                scheduled_at=scheduled_at,
            )
        )

    def create_group(self, name: str) -> APIResponse[CreateGroupResponse]:
        """Create a contact group; the answer's `group.id` names it from then on."""
        return _unparsed(self._client.create_group(name))

    def rename_group(self, group_id: int, new_name: str) -> APIResponse[EditGroupResponse]:
        """Give a group a new name."""
        return _unparsed(self._client.rename_group(group_id, new_name))

    def delete_group(self, group_id: int) -> APIResponse[MessageResponse]:
        """Delete a group (soft: its name becomes free again)."""
        return _unparsed(self._client.delete_group(group_id))

    def list_groups(self, search: str | None = None) -> APIResponse[ListGroupsResponse]:
        """The account's live groups, optionally those whose name contains `search`."""
        return _unparsed(self._client.list_groups(search))

    def add_contact(
        self,
        group_id: int,
        number: str,
        *,
        name: str | None = None,
        f_01: str | None = None,
        f_02: str | None = None,
        f_03: str | None = None,
    ) -> APIResponse[AddContactResponse]:
        """Add a number, with a name and up to three custom fields, to a group."""
        return _unparsed(
            self._client.add_contact(group_id, number, name=name, f_01=f_01, f_02=f_02, f_03=f_03)
        )

    def get_report(self, sms_id: int) -> APIResponse[BasicReportResponse]:
        """Delivered, failed and pending counts of one send."""
        return _unparsed(self._client.get_report(sms_id))

    def get_report_page(self, sms_id: int, page: int = 1) -> APIResponse[DetailedReportResponse]:
        """One page (500 records) of the per-number report of one send."""
        return _unparsed(self._client.get_report_page(sms_id, page))

    def get_status(self, sms_id: int) -> APIResponse[SmsStatusResponse]:
        """The delivery status of one send; TS-1022/TS-1023 are statuses here, not errors."""
        return _unparsed(self._client.get_status(sms_id))

    def blacklist_add(self, number: str) -> APIResponse[BlacklistAddResponse]:
        """Block a number: it never receives a message from this account again."""
        return _unparsed(self._client.blacklist_add(number))

    def blacklist_status(self, number: str) -> APIResponse[BlacklistStatusResponse]:
        """Whether a number is blocked (TS-1143) or not (TS-1142), and since when."""
        return _unparsed(self._client.blacklist_status(number))


class AsyncTurkeySMSWithRawResponse:
    """`client.with_raw_response` of AsyncTurkeySMS: each operation awaits to `APIResponse[Model]`."""

    def __init__(self, client: AsyncTurkeySMS) -> None:
        self._client = client

    async def check_auth(self) -> APIResponse[AuthCheckResponse]:
        """The key's status and permissions, and the account's status and balance."""
        return _unparsed(await self._client.check_auth())

    async def get_balance(self) -> APIResponse[BalanceResponse]:
        """The main and international credits left."""
        return _unparsed(await self._client.get_balance())

    async def list_sender_ids(self) -> APIResponse[SenderIdsResponse]:
        """The account's sender titles and whether each is active."""
        return _unparsed(await self._client.list_sender_ids())

    async def send_sms(
        self,
        title: str,
        to: str,
        text: str,
        *,
        sms_lang: SmsLang | int | None = None,
        content_type: ContentType | int | None = None,
        report: bool | None = None,
        scheduled_at: dt.datetime | None = None,
    ) -> APIResponse[SendSmsResponse]:
        """Send one SMS now, or at `scheduled_at` (naive means Europe/Istanbul time)."""
        return _unparsed(
            await self._client.send_sms(
                title,
                to,
                text,
                sms_lang=sms_lang,
                content_type=content_type,
                report=report,
                scheduled_at=scheduled_at,
            )
        )

    async def send_otp(
        self,
        to: str,
        *,
        digits: OtpDigits | int | None = None,
        lang: SmsLang | int | None = None,
        report: bool | None = None,
    ) -> APIResponse[SendOtpResponse]:
        """Send a one-time password in the provider's text; the answer carries `otp_code`."""
        return _unparsed(await self._client.send_otp(to, digits=digits, lang=lang, report=report))

    async def send_custom_otp(
        self,
        title: str,
        to: str,
        text: str,
        *,
        digits: OtpDigits | int | None = None,
        lang: SmsLang | int | None = None,
        report: bool | None = None,
    ) -> APIResponse[SendOtpResponse]:
        """Send a one-time password inside `text`, where `TS-CODE` stands."""
        return _unparsed(
            await self._client.send_custom_otp(title, to, text, digits=digits, lang=lang, report=report)
        )

    async def send_mixed(
        self,
        title: str,
        messages: Sequence[tuple[str, str]],
        *,
        sms_lang: SmsLang | int | None = None,
        content_type: ContentType | int | None = None,
        report: bool | None = None,
        scheduled_at: dt.datetime | None = None,
    ) -> APIResponse[SendBulkSmsResponse]:
        """Send each (number, text) pair's own text to its number, in one request."""
        return _unparsed(
            await self._client.send_mixed(
                title,
                messages,
                sms_lang=sms_lang,
                content_type=content_type,
                report=report,
                scheduled_at=scheduled_at,
            )
        )

    async def create_group(self, name: str) -> APIResponse[CreateGroupResponse]:
        """Create a contact group; the answer's `group.id` names it from then on."""
        return _unparsed(await self._client.create_group(name))

    async def rename_group(self, group_id: int, new_name: str) -> APIResponse[EditGroupResponse]:
        """Give a group a new name."""
        return _unparsed(await self._client.rename_group(group_id, new_name))

    async def delete_group(self, group_id: int) -> APIResponse[MessageResponse]:
        """Delete a group (soft: its name becomes free again)."""
        return _unparsed(await self._client.delete_group(group_id))

    async def list_groups(self, search: str | None = None) -> APIResponse[ListGroupsResponse]:
        """The account's live groups, optionally those whose name contains `search`."""
        return _unparsed(await self._client.list_groups(search))

    async def add_contact(
        self,
        group_id: int,
        number: str,
        *,
        name: str | None = None,
        f_01: str | None = None,
        f_02: str | None = None,
        f_03: str | None = None,
    ) -> APIResponse[AddContactResponse]:
        """Add a number, with a name and up to three custom fields, to a group."""
        return _unparsed(
            await self._client.add_contact(group_id, number, name=name, f_01=f_01, f_02=f_02, f_03=f_03)
        )

    async def get_report(self, sms_id: int) -> APIResponse[BasicReportResponse]:
        """Delivered, failed and pending counts of one send."""
        return _unparsed(await self._client.get_report(sms_id))

    async def get_report_page(self, sms_id: int, page: int = 1) -> APIResponse[DetailedReportResponse]:
        """One page (500 records) of the per-number report of one send."""
        return _unparsed(await self._client.get_report_page(sms_id, page))

    async def get_status(self, sms_id: int) -> APIResponse[SmsStatusResponse]:
        """The delivery status of one send; TS-1022/TS-1023 are statuses here, not errors."""
        return _unparsed(await self._client.get_status(sms_id))

    async def blacklist_add(self, number: str) -> APIResponse[BlacklistAddResponse]:
        """Block a number: it never receives a message from this account again."""
        return _unparsed(await self._client.blacklist_add(number))

    async def blacklist_status(self, number: str) -> APIResponse[BlacklistStatusResponse]:
        """Whether a number is blocked (TS-1143) or not (TS-1142), and since when."""
        return _unparsed(await self._client.blacklist_status(number))
