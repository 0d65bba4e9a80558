"""AsyncTurkeySMS: the asynchronous client, the same methods as TurkeySMS awaited."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Mapping, Sequence
from types import TracebackType
from typing import Self, TypeVar

import httpx

from turkeysms import _requests as build
from turkeysms._base import BaseClient, Prepared
from turkeysms._bulk import DEFAULT_CHUNK_SIZE, AsyncBulkSend
from turkeysms._config import DEFAULT_MAX_RETRIES, NOT_GIVEN, NotGiven
from turkeysms._exceptions import TurkeySMSError
from turkeysms._raw import AsyncTurkeySMSWithRawResponse
from turkeysms._requests import Call, SendOptions
from turkeysms._response import APIResponse
from turkeysms._tls import shared_ssl_context
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
    ReportRecord,
    SendBulkSmsResponse,
    SenderIdsResponse,
    SendOtpResponse,
    SendSmsResponse,
    SmsLang,
    SmsStatusResponse,
)

__all__ = ["AsyncTurkeySMS"]

T = TypeVar("T")

# Looked up at call time so that tests can replace it and retry without waiting.
_sleep = asyncio.sleep


class AsyncTurkeySMS(BaseClient):
    """Asynchronous TurkeySMS v4 client; use it as an async context manager.

    >>> async with AsyncTurkeySMS("test-key", base_url="http://127.0.0.1:8080") as client:  # doctest: +SKIP
    ...     (await client.send_sms("MyCompany", "905321234567", "Hello")).sms_id

    The key falls back to `TURKEYSMS_API_KEY` and the base URL to
    `TURKEYSMS_BASE_URL`, then production. Errors raise subclasses of
    `TurkeySMSError`. Failed requests are retried with exponential backoff and
    jitter on TS-1060, 5xx answers and connection failures; a send is never
    repeated once it may have reached the server (see `should_retry`).
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        self._configure(
            api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            http_client=http_client,
        )
        # A client given to us stays as it was: no hook, no base URL, no header set on it.
        self._http = (
            http_client
            if http_client is not None
            else httpx.AsyncClient(timeout=self.timeout, verify=shared_ssl_context())
        )

    def _http_timeout(self) -> httpx.Timeout:
        return self._http.timeout

    @property
    def with_raw_response(self) -> AsyncTurkeySMSWithRawResponse:
        """The same methods answering an `APIResponse` (status, headers, raw body, `.parse()`)."""
        return AsyncTurkeySMSWithRawResponse(self._raw_copy())

    async def aclose(self) -> None:
        """Close the connection pool, if this client made it (a given `http_client` stays open)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def _request(self, call: Call[T]) -> APIResponse[T]:
        prepared = Prepared(call, self._settings.base_url)
        headers = self._settings.headers
        attempt = 0
        while True:
            self._log_request(prepared, attempt)
            started = time.perf_counter()
            try:
                response = await self._http.request(
                    prepared.method,
                    prepared.url,
                    json=prepared.body,
                    headers=headers,
                    timeout=self._timeout_arg(),
                )
                outcome = self._answer(prepared, response, started, attempt)
            except httpx.TransportError as error:
                outcome = self._transport_error(error, prepared, attempt)
                outcome.__cause__ = error
            if not isinstance(outcome, TurkeySMSError):
                answer: APIResponse[T] = outcome
                return answer
            if not self._should_retry(outcome, attempt):
                raise outcome
            delay = self._retry.delay(attempt, outcome.retry_after)
            self._log_retry(prepared, outcome, attempt, delay)
            await _sleep(delay)
            attempt += 1

    async def check_auth(self) -> AuthCheckResponse:
        """The key's status and permissions, and the account's status and balance."""
        return self._finish(await self._request(build.build_check_auth(self._key())))

    async def get_balance(self) -> BalanceResponse:
        """The main and international credits left."""
        return self._finish(await self._request(build.build_get_balance(self._key())))

    async def list_sender_ids(self) -> SenderIdsResponse:
        """The account's sender titles and whether each is active."""
        return self._finish(await self._request(build.build_list_sender_ids(self._key())))

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
    ) -> SendSmsResponse:
        """Send one SMS now, or at `scheduled_at` (naive means Europe/Istanbul time).

        Options left at None take the API's defaults: sms_lang 2 (SmsLang.UNICODE),
        content_type 0 (transactional), report on.
        """
        options = SendOptions.build(sms_lang, content_type, report, scheduled_at)
        return self._finish(await self._request(build.build_send_sms(self._key(), title, to, text, options)))

    async def send_otp(
        self,
        to: str,
        *,
        digits: OtpDigits | int | None = None,
        lang: SmsLang | int | None = None,
        report: bool | None = None,
    ) -> SendOtpResponse:
        """Send a one-time password in the provider's text; the answer carries `otp_code`."""
        call = build.build_send_otp(self._key(), to, digits=digits, lang=lang, report=report)
        return self._finish(await self._request(call))

    async def send_custom_otp(
        self,
        title: str,
        to: str,
        text: str,
        *,
        digits: OtpDigits | int | None = None,
        lang: SmsLang | int | None = None,
        report: bool | None = None,
    ) -> SendOtpResponse:
        """Send a one-time password inside `text`, where `TS-CODE` stands."""
        call = build.build_send_custom_otp(
            self._key(), title, to, text, digits=digits, lang=lang, report=report
        )
        return self._finish(await self._request(call))

    def send_bulk(
        self,
        title: str,
        to: Iterable[str] | AsyncIterable[str],
        text: str,
        *,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        concurrency: int = 4,
        ordered: bool = True,
        dedupe: bool = False,
        sms_lang: SmsLang | int | None = None,
        content_type: ContentType | int | None = None,
        report: bool | None = None,
        scheduled_at: dt.datetime | None = None,
    ) -> AsyncBulkSend:
        """Send one text to every number of `to`, up to `concurrency` chunks in flight at once.

        `to` may be a sync or async iterable of any length: at most `concurrency`
        chunks are read ahead, so memory stays flat. `async for` the result for one
        BulkChunkResult per chunk, in input order (completion order with
        `ordered=False`), or `await ....run()` for the BulkSummary; nothing is sent
        before. A chunk refused for its content carries its error and the stream goes
        on; any other error lets the chunks in flight finish, then raises
        BulkAbortedError with the progress so far.
        """
        options = SendOptions.build(sms_lang, content_type, report, scheduled_at)

        async def send(chunk: list[str]) -> SendBulkSmsResponse:
            answer = await self._request(build.build_send_bulk(self._key(), title, chunk, text, options))
            return answer.parse()

        return AsyncBulkSend(
            send, to, chunk_size=chunk_size, concurrency=concurrency, ordered=ordered, dedupe=dedupe
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
    ) -> SendBulkSmsResponse:
        """Send each (number, text) pair's own text to its number, in one request."""
        options = SendOptions.build(sms_lang, content_type, report, scheduled_at)
        return self._finish(
            await self._request(build.build_send_mixed(self._key(), title, messages, options))
        )

    async def create_group(self, name: str) -> CreateGroupResponse:
        """Create a contact group; the answer's `group.id` names it from then on."""
        return self._finish(await self._request(build.build_create_group(self._key(), name)))

    async def rename_group(self, group_id: int, new_name: str) -> EditGroupResponse:
        """Give a group a new name."""
        return self._finish(await self._request(build.build_rename_group(self._key(), group_id, new_name)))

    async def delete_group(self, group_id: int) -> MessageResponse:
        """Delete a group (soft: its name becomes free again)."""
        return self._finish(await self._request(build.build_delete_group(self._key(), group_id)))

    async def list_groups(self, search: str | None = None) -> ListGroupsResponse:
        """The account's live groups, optionally those whose name contains `search`."""
        return self._finish(await self._request(build.build_list_groups(self._key(), search)))

    async def add_contact(
        self,
        group_id: int,
        number: str,
        *,
        name: str | None = None,
        f_01: str | None = None,
        f_02: str | None = None,
        f_03: str | None = None,
    ) -> AddContactResponse:
        """Add a number, with a name and up to three custom fields, to a group."""
        call = build.build_add_contact(
            self._key(), group_id, number, name=name, f_01=f_01, f_02=f_02, f_03=f_03
        )
        return self._finish(await self._request(call))

    async def get_report(self, sms_id: int) -> BasicReportResponse:
        """Delivered, failed and pending counts of one send."""
        return self._finish(await self._request(build.build_get_report(self._key(), sms_id)))

    async def get_report_page(self, sms_id: int, page: int = 1) -> DetailedReportResponse:
        """One page (500 records) of the per-number report of one send."""
        return self._finish(await self._request(build.build_get_report_page(self._key(), sms_id, page)))

    async def iter_report_records(self, sms_id: int) -> AsyncIterator[ReportRecord]:
        """Every per-number record of one send, fetching one page at a time as you iterate."""
        page = 1
        while True:
            answer = await self.get_report_page(sms_id, page)
            for record in answer.data:
                yield record
            if not answer.data or page >= answer.pagination.total_pages:
                return
            page += 1

    async def get_status(self, sms_id: int) -> SmsStatusResponse:
        """The delivery status of one send; TS-1022/TS-1023 are statuses here, not errors."""
        return self._finish(await self._request(build.build_get_status(self._key(), sms_id)))

    async def blacklist_add(self, number: str) -> BlacklistAddResponse:
        """Block a number: it never receives a message from this account again."""
        return self._finish(await self._request(build.build_blacklist_add(self._key(), number)))

    async def blacklist_status(self, number: str) -> BlacklistStatusResponse:
        """Whether a number is blocked (TS-1143) or not (TS-1142), and since when."""
        return self._finish(await self._request(build.build_blacklist_status(self._key(), number)))
