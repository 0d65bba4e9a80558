"""TurkeySmsClient: the official turkeysms-python 4.0.0 class, as a drop-in built on TurkeySMS."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, Protocol, cast

import httpx

from turkeysms._client import TurkeySMS
from turkeysms._config import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from turkeysms._exceptions import TurkeySMSError
from turkeysms._secret import Secret

__all__ = ["LOCAL_ERROR_CODE", "TurkeySmsClient", "local_error"]

LOCAL_ERROR_CODE: Final = "LOCAL-ERR"


def local_error(message: str) -> dict[str, Any]:
    """The official SDK's answer when no answer of the API can be given (its `LOCAL-ERR` dict)."""
    return {"status": "error", "result_code": LOCAL_ERROR_CODE, "result_message": message, "result": False}


def _identifier(value: object) -> object:
    # The official SDK sends whatever it is given; a string of digits is the id, the rest the API judges.
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    return value


class _Model(Protocol):
    """What every generated answer model offers: its JSON object, unknown fields included."""

    def to_dict(self) -> dict[str, Any]: ...


class TurkeySmsClient:
    """Code written for the provider's `turkeysms.TurkeySmsClient` runs unchanged on this one.

    The six methods, their argument names and defaults, the `BASE_URL` class attribute (read at
    every call, so setting it on the class or the instance takes effect at once) and the dict
    results are the official SDK's. What changes: requests go through `TurkeySMS`, with its
    timeouts and retries, and a refused call (any 4xx, or a 5xx with the API's envelope) returns
    the API's own answer, `result_code` included, where the official SDK returns its `LOCAL-ERR`
    dict. That dict still stands for an answer that never came (a connection failure, a timeout,
    a body that is not the API's JSON).
    """

    BASE_URL = "https://api.turkeysms.com.tr/"

    def __init__(
        self,
        api_key: str,
        *,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
    ) -> None:
        self._api_key = Secret(api_key)
        self._timeout = timeout
        self._max_retries = max_retries
        self._client: TurkeySMS | None = None
        self._client_for: tuple[str, Secret] | None = None

    @property
    def api_key(self) -> str:
        """The key, as the official class exposes it (held as a Secret, so no repr shows it)."""
        return self._api_key.get()

    @api_key.setter
    def api_key(self, value: str) -> None:
        self._api_key = Secret(value)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(BASE_URL={self.BASE_URL!r})"

    def close(self) -> None:
        """Close the connection pool (the official class has none to close)."""
        if self._client is not None:
            self._client.close()
        self._client = self._client_for = None

    def _sdk(self) -> TurkeySMS:
        wanted = (self.BASE_URL, self._api_key)
        if self._client is None or self._client_for != wanted:
            self.close()
            self._client = TurkeySMS(
                self._api_key.get(),
                base_url=self.BASE_URL,
                timeout=self._timeout,
                max_retries=self._max_retries,
            )
            self._client_for = wanted
        return self._client

    def _call(self, request: Callable[[TurkeySMS], _Model]) -> dict[str, Any]:
        if not self.BASE_URL:
            # TurkeySMS would fall back to TURKEYSMS_BASE_URL or production; the official class fails.
            return local_error("BASE_URL is empty")
        try:
            answer = request(self._sdk())
        except TurkeySMSError as error:
            # The API answered in its envelope: that answer, with its code, is the result.
            if error.body is not None:
                return dict(error.body)
            return local_error(str(error))
        except (ValueError, httpx.InvalidURL) as error:
            # An argument the request cannot carry (an unknown lang, a BASE_URL that is no URL), or no key.
            return local_error(str(error))
        return answer.to_dict()

    def send_sms(self, title: str, mobile: str, text: str, lang: int = 0) -> dict[str, Any]:
        """Send `text` to `mobile` from the sender ID `title`; `lang` is the `sms_lang` (0 English)."""
        return self._call(lambda sdk: sdk.send_sms(title, mobile, text, sms_lang=lang))

    def send_otp(self, mobile: str, lang: int = 2, digits: int = 4) -> dict[str, Any]:
        """Send a one-time password in the provider's text; the answer carries `otp_code`."""
        return self._call(lambda sdk: sdk.send_otp(mobile, lang=lang, digits=digits))

    def send_detailed_otp(self, title: str, mobile: str, text: str, lang: int = 2) -> dict[str, Any]:
        """Send a one-time password inside `text`, where `TS-CODE` stands."""
        return self._call(lambda sdk: sdk.send_custom_otp(title, mobile, text, lang=lang))

    def get_balance(self) -> dict[str, Any]:
        """The main and international credits left."""
        return self._call(lambda sdk: sdk.get_balance())

    def add_to_blacklist(self, number: str) -> dict[str, Any]:
        """Block `number`: it never receives a message from this account again."""
        return self._call(lambda sdk: sdk.blacklist_add(number))

    def get_sms_status(self, sms_id: int | str) -> dict[str, Any]:
        """The delivery status of one send; `sms_id` may be an int or a string of digits."""
        return self._call(lambda sdk: sdk.get_status(cast(int, _identifier(sms_id))))
