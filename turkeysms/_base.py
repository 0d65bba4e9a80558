"""What the sync and async clients share: settings, copies, request preparation, answer checks, logs."""

from __future__ import annotations

import copy
import logging
import time
from collections.abc import Mapping
from typing import Any, Self, TypeVar

import httpx

from turkeysms._config import NOT_GIVEN, NotGiven, Settings, check_max_retries, resolve_settings
from turkeysms._envelope import check_response, decode_body
from turkeysms._exceptions import APIConnectionError, APITimeoutError, TurkeySMSError
from turkeysms._logs import body_text, logger, setup_from_env
from turkeysms._requests import Call
from turkeysms._response import APIResponse
from turkeysms._retry import RetryPolicy, should_retry
from turkeysms._secret import Secret, redact

__all__ = ["BaseClient", "Prepared"]

T = TypeVar("T")
# The request left when these happened, so a send may have been dispatched.
_BEFORE_SENDING = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class Prepared:
    """One call turned into an HTTP request: method, absolute URL, JSON body."""

    __slots__ = ("body", "call", "method", "path", "url")

    def __init__(self, call: Call[Any], base_url: str) -> None:
        kwargs = call.endpoint._get_kwargs(body=call.body)
        self.call = call
        self.method: str = kwargs["method"].upper()
        self.path: str = kwargs["url"]
        self.url = base_url + self.path
        self.body: Any = kwargs["json"]


class BaseClient:
    """Configuration and the pure steps of a request, without any I/O."""

    _settings: Settings
    _owns_http: bool
    _raw: bool

    def _configure(
        self,
        api_key: str | None,
        *,
        base_url: str | None,
        timeout: float | httpx.Timeout | NotGiven | None,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
        http_client: httpx.Client | httpx.AsyncClient | None,
    ) -> None:
        setup_from_env()
        self._settings = resolve_settings(
            api_key,
            base_url,
            timeout,
            max_retries,
            default_headers=default_headers,
            http_client=http_client,
        )
        self._retry = RetryPolicy(max_retries=max_retries)
        self._owns_http = http_client is None
        self._raw = False

    @property
    def base_url(self) -> str:
        """The API's root URL."""
        return self._settings.base_url

    @property
    def timeout(self) -> httpx.Timeout:
        """The timeout of every request (the http client's own when it was given without `timeout=`)."""
        return self._settings.timeout or self._http_timeout()

    @property
    def max_retries(self) -> int:
        """How often a failed request is retried when that is safe."""
        return self._settings.max_retries

    @property
    def default_headers(self) -> Mapping[str, str]:
        """Headers sent with every request, besides the http client's own."""
        return self._settings.headers

    def _http_timeout(self) -> httpx.Timeout:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, max_retries={self.max_retries})"

    def with_options(
        self,
        *,
        api_key: str | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> Self:
        """A copy with other settings that shares this client's connection pool.

        Use it per call (`client.with_options(timeout=5).send_sms(...)`) or keep it.
        `default_headers` are added to this client's. Closing the copy leaves the pool
        open: it belongs to the client that made it.
        """
        other = copy.copy(self)
        settings = self._settings
        headers = {**settings.headers, **(default_headers or {})}
        other._settings = Settings(
            api_key=Secret(api_key) if api_key else settings.api_key,
            base_url=settings.base_url,
            timeout=settings.timeout
            if isinstance(timeout, NotGiven)
            else (timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)),
            max_retries=settings.max_retries if max_retries is None else check_max_retries(max_retries),
            headers=headers,
        )
        other._retry = RetryPolicy(max_retries=other._settings.max_retries)
        other._owns_http = False
        return other

    def _raw_copy(self) -> Self:
        other = copy.copy(self)
        other._owns_http = False
        other._raw = True
        return other

    def _key(self) -> str:
        return self._settings.api_key.get()

    def _timeout_arg(self) -> httpx.Timeout | Any:
        timeout = self._settings.timeout
        return httpx.USE_CLIENT_DEFAULT if timeout is None else timeout

    def _finish(self, answer: APIResponse[T]) -> T:
        # A raw copy hands the APIResponse itself back through the typed method; _raw.py
        # restores its type. Every other client parses.
        if self._raw:
            result: Any = answer
            return result  # type: ignore[no-any-return]
        return answer.parse()

    def _log_request(self, prepared: Prepared, attempt: int) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "request %s %s (attempt %d) body=%s",
                prepared.method,
                prepared.url,
                attempt + 1,
                body_text(prepared.body, self._key()),
            )

    def _answer(
        self, prepared: Prepared, response: httpx.Response, started: float, attempt: int
    ) -> APIResponse[Any] | TurkeySMSError:
        """The APIResponse of a success, or the TurkeySMSError an answer stands for."""
        body = decode_body(response)
        error = check_response(response, self._key(), body)
        if logger.isEnabledFor(logging.DEBUG):
            code = error.code if error is not None else None
            logger.debug(
                "answer %s %s -> %d%s in %.1f ms (attempt %d, retries %d) body=%s",
                prepared.method,
                prepared.path,
                response.status_code,
                f" {code}" if code else "",
                (time.perf_counter() - started) * 1000,
                attempt + 1,
                attempt,
                self._answer_text(response),
            )
        if error is None:
            return APIResponse(
                response, prepared.call.result_type, secret=self._key(), retries_taken=attempt, decoded=body
            )
        if error.status_code == 504 and not prepared.call.idempotent:
            # The gateway gave up waiting, not the provider: the send may have gone out.
            error._mark_retryable(False)
        error.retries_taken = attempt
        return error

    def _answer_text(self, response: httpx.Response) -> str:
        decoded = decode_body(response)
        if decoded is not None:
            return body_text(decoded, self._key())
        return redact_text(response.text[:500], self._key())

    def _transport_error(
        self, error: httpx.TransportError, prepared: Prepared, attempt: int
    ) -> TurkeySMSError:
        call = prepared.call
        cls = APITimeoutError if isinstance(error, httpx.TimeoutException) else APIConnectionError
        name = call.endpoint.__name__.rsplit(".", 1)[-1]
        detail = f"{name}: {prepared.method} {prepared.url}: {type(error).__name__}: {redact(str(error), self._key())}"
        safe = should_retry(error, idempotent=call.idempotent)
        if not safe:
            detail += " (not retried: the request may have reached the server; check before sending again)"
        wrapped = cls(detail, retryable=safe)
        try:
            wrapped.request = error.request
        except RuntimeError:
            wrapped.request = None
        wrapped.retries_taken = attempt
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "no answer %s %s: %s (attempt %d)",
                prepared.method,
                prepared.path,
                type(error).__name__,
                attempt + 1,
            )
        return wrapped

    def _should_retry(self, error: TurkeySMSError, attempt: int) -> bool:
        return attempt < self.max_retries and error.retryable

    def _log_retry(self, prepared: Prepared, error: TurkeySMSError, attempt: int, delay: float) -> None:
        logger.info(
            "retrying %s %s (retry %d of %d) in %.2fs after %s",
            prepared.method,
            prepared.path,
            attempt + 1,
            self.max_retries,
            delay,
            error.code or type(error).__name__,
        )


def redact_text(text: str, secret: str) -> str:
    """Free text with the key scrubbed out."""
    scrubbed: str = redact(text, secret)
    return scrubbed
