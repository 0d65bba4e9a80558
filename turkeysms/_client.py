"""TurkeySMS: the synchronous client."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Iterator, Sequence
from types import TracebackType
from typing import Any, Self, TypeVar

import httpx

from turkeysms import _requests as build
from turkeysms._base import PARSE_ERRORS, USER_AGENT, BaseClient
from turkeysms._bulk import DEFAULT_CHUNK_SIZE, BulkChunkResult, check_chunk_size, is_chunk_error, iter_chunks
from turkeysms._config import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from turkeysms._exceptions import TurkeySMSError
from turkeysms._requests import Call, SendOptions
from turkeysms._retry import should_retry
from turkeysms_api.client import Client as GeneratedClient
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
    DetailedReportResponseDataItem,
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

__all__ = ["TurkeySMS"]

T = TypeVar("T")

# Looked up at call time so that tests can replace it and retry without waiting.
_sleep = time.sleep


class TurkeySMS(BaseClient):
    """Synchronous TurkeySMS v4 client.

    >>> client = TurkeySMS("test-key", base_url="http://127.0.0.1:8080")
    >>> client.send_sms("MyCompany", "905321234567", "Hello").sms_id  # doctest: +SKIP

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
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(api_key, base_url=base_url, timeout=timeout, max_retries=max_retries)
        if http_client is None:
            http_client = httpx.Client(
                base_url=self.base_url, timeout=self.timeout, headers={"User-Agent": USER_AGENT}
            )
        elif not str(http_client.base_url):
            http_client.base_url = httpx.URL(self.base_url)
        # Checking in a response hook sees the raw answer before the generated parser,
        # which would choke on an error envelope sent with HTTP 200.
        http_client.event_hooks["response"].append(self._on_response)
        self._http = http_client
        self._api = GeneratedClient(base_url=self.base_url).set_httpx_client(http_client)

    def _on_response(self, response: httpx.Response) -> None:
        response.read()
        self._check(response)

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _request(self, call: Call[T]) -> T:
        attempt = 0
        while True:
            try:
                answer: Any = call.endpoint.sync_detailed(client=self._api, body=call.body)
            except (httpx.TransportError, TurkeySMSError) as error:
                if attempt < self.max_retries and should_retry(error, idempotent=call.idempotent):
                    delay = self._retry.delay(attempt, getattr(error, "retry_after", None))
                    self._log_retry(call, error, attempt, delay)
                    _sleep(delay)
                    attempt += 1
                    continue
                if isinstance(error, httpx.TransportError):
                    raise self._wrap_transport_error(error, call) from error
                raise
            except PARSE_ERRORS as error:
                raise self._wrap_parse_error(error, call) from error
            return self._result(call, answer.parsed, answer.status_code)

    def check_auth(self) -> AuthCheckResponse:
        """The key's status and permissions, and the account's status and balance."""
        return self._request(build.build_check_auth(self._key()))

    def get_balance(self) -> BalanceResponse:
        """The main and international credits left."""
        return self._request(build.build_get_balance(self._key()))

    def list_sender_ids(self) -> SenderIdsResponse:
        """The account's sender titles and whether each is active."""
        return self._request(build.build_list_sender_ids(self._key()))

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
    ) -> SendSmsResponse:
        """Send one SMS now, or at `scheduled_at` (naive means Europe/Istanbul time).

        Options left at None take the API's defaults: sms_lang 2 (SmsLang.UNICODE),
        content_type 0 (transactional), report on.
        """
        options = SendOptions.build(sms_lang, content_type, report, scheduled_at)
        return self._request(build.build_send_sms(self._key(), title, to, text, options))

    def send_otp(
        self,
        to: str,
        *,
        digits: OtpDigits | int | None = None,
        lang: SmsLang | int | None = None,
        report: bool | None = None,
    ) -> SendOtpResponse:
        """Send a one-time password in the provider's text; the answer carries `otp_code`."""
        return self._request(build.build_send_otp(self._key(), to, digits=digits, lang=lang, report=report))

    def send_custom_otp(
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
        return self._request(call)

    def send_bulk(
        self,
        title: str,
        to: Iterable[str],
        text: str,
        *,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        sms_lang: SmsLang | int | None = None,
        content_type: ContentType | int | None = None,
        report: bool | None = None,
        scheduled_at: dt.datetime | None = None,
    ) -> Iterator[BulkChunkResult]:
        """Send one text to every number of `to`, `chunk_size` numbers per request, lazily.

        `to` may be any iterable, a generator of millions included: it is read one
        chunk at a time, and nothing is sent until the returned iterator is
        consumed. Each chunk yields a `BulkChunkResult`; a chunk refused for its
        content (InvalidRequestError, e.g. TS-1072 duplicates) carries its error and
        the stream goes on, any other error ends the stream by raising.
        """
        check_chunk_size(chunk_size)
        options = SendOptions.build(sms_lang, content_type, report, scheduled_at)
        return self._bulk(title, to, text, chunk_size, options)

    def _bulk(
        self, title: str, to: Iterable[str], text: str, chunk_size: int, options: SendOptions
    ) -> Iterator[BulkChunkResult]:
        for index, chunk in enumerate(iter_chunks(to, chunk_size)):
            try:
                response = self._request(build.build_send_bulk(self._key(), title, chunk, text, options))
            except TurkeySMSError as error:
                if not is_chunk_error(error):
                    raise
                yield BulkChunkResult(index, tuple(chunk), error=error)
            else:
                yield BulkChunkResult(index, tuple(chunk), response=response)

    def send_mixed(
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
        return self._request(build.build_send_mixed(self._key(), title, messages, options))

    def create_group(self, name: str) -> CreateGroupResponse:
        """Create a contact group; the answer's `group.id` names it from then on."""
        return self._request(build.build_create_group(self._key(), name))

    def rename_group(self, group_id: int, new_name: str) -> EditGroupResponse:
        """Give a group a new name."""
        return self._request(build.build_rename_group(self._key(), group_id, new_name))

    def delete_group(self, group_id: int) -> MessageResponse:
        """Delete a group (soft: its name becomes free again)."""
        return self._request(build.build_delete_group(self._key(), group_id))

    def list_groups(self, search: str | None = None) -> ListGroupsResponse:
        """The account's live groups, optionally those whose name contains `search`."""
        return self._request(build.build_list_groups(self._key(), search))

    def add_contact(
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
        return self._request(call)

    def get_report(self, sms_id: int) -> BasicReportResponse:
        """Delivered, failed and pending counts of one send."""
        return self._request(build.build_get_report(self._key(), sms_id))

    def get_report_page(self, sms_id: int, page: int = 1) -> DetailedReportResponse:
        """One page (500 records) of the per-number report of one send."""
        return self._request(build.build_get_report_page(self._key(), sms_id, page))

    def iter_report_records(self, sms_id: int) -> Iterator[DetailedReportResponseDataItem]:
        """Every per-number record of one send, fetching one page at a time as you iterate."""
        page = 1
        while True:
            answer = self.get_report_page(sms_id, page)
            yield from answer.data
            if not answer.data or page >= answer.pagination.total_pages:
                return
            page += 1

    def get_status(self, sms_id: int) -> SmsStatusResponse:
        """The delivery status of one send; TS-1022/TS-1023 are statuses here, not errors."""
        return self._request(build.build_get_status(self._key(), sms_id))

    def blacklist_add(self, number: str) -> BlacklistAddResponse:
        """Block a number: it never receives a message from this account again."""
        return self._request(build.build_blacklist_add(self._key(), number))

    def blacklist_status(self, number: str) -> BlacklistStatusResponse:
        """Whether a number is blocked (TS-1143) or not (TS-1142), and since when."""
        return self._request(build.build_blacklist_status(self._key(), number))
