"""`client.with_raw_response`: every operation answering its APIResponse instead of the parsed model."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

from turkeysms._async_client import AsyncTurkeySMS
from turkeysms._client import TurkeySMS
from turkeysms._response import APIResponse

__all__ = ["AsyncTurkeySMSWithRawResponse", "TurkeySMSWithRawResponse"]

P = ParamSpec("P")
T = TypeVar("T")


def _raw(
    method: Callable[Concatenate[TurkeySMS, P], T],
) -> Callable[Concatenate[TurkeySMSWithRawResponse, P], APIResponse[T]]:
    def wrapper(self: TurkeySMSWithRawResponse, /, *args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        # The client is a raw copy: its methods hand back the APIResponse unparsed (_base._finish).
        answer: Any = method(self._client, *args, **kwargs)
        return answer  # type: ignore[no-any-return]

    wrapper.__name__ = method.__name__
    wrapper.__doc__ = method.__doc__
    return wrapper


def _araw(
    method: Callable[Concatenate[AsyncTurkeySMS, P], Awaitable[T]],
) -> Callable[Concatenate[AsyncTurkeySMSWithRawResponse, P], Awaitable[APIResponse[T]]]:
    async def wrapper(
        self: AsyncTurkeySMSWithRawResponse, /, *args: P.args, **kwargs: P.kwargs
    ) -> APIResponse[T]:
        answer: Any = await method(self._client, *args, **kwargs)
        return answer  # type: ignore[no-any-return]

    wrapper.__name__ = method.__name__
    wrapper.__doc__ = method.__doc__
    return wrapper


class TurkeySMSWithRawResponse:
    """`client.with_raw_response`: each operation of TurkeySMS answers `APIResponse[Model]`.

    Errors still raise (their `http_response` holds the answer). The streaming
    helpers (`send_bulk`, `iter_report_records`) have no raw form: use
    `get_report_page` or handle each chunk's answer.
    """

    def __init__(self, client: TurkeySMS) -> None:
        self._client = client

    check_auth = _raw(TurkeySMS.check_auth)
    get_balance = _raw(TurkeySMS.get_balance)
    list_sender_ids = _raw(TurkeySMS.list_sender_ids)
    send_sms = _raw(TurkeySMS.send_sms)
    send_otp = _raw(TurkeySMS.send_otp)
    send_custom_otp = _raw(TurkeySMS.send_custom_otp)
    send_mixed = _raw(TurkeySMS.send_mixed)
    create_group = _raw(TurkeySMS.create_group)
    rename_group = _raw(TurkeySMS.rename_group)
    delete_group = _raw(TurkeySMS.delete_group)
    list_groups = _raw(TurkeySMS.list_groups)
    add_contact = _raw(TurkeySMS.add_contact)
    get_report = _raw(TurkeySMS.get_report)
    get_report_page = _raw(TurkeySMS.get_report_page)
    get_status = _raw(TurkeySMS.get_status)
    blacklist_add = _raw(TurkeySMS.blacklist_add)
    blacklist_status = _raw(TurkeySMS.blacklist_status)


class AsyncTurkeySMSWithRawResponse:
    """`client.with_raw_response` of AsyncTurkeySMS: each operation awaits to `APIResponse[Model]`."""

    def __init__(self, client: AsyncTurkeySMS) -> None:
        self._client = client

    check_auth = _araw(AsyncTurkeySMS.check_auth)
    get_balance = _araw(AsyncTurkeySMS.get_balance)
    list_sender_ids = _araw(AsyncTurkeySMS.list_sender_ids)
    send_sms = _araw(AsyncTurkeySMS.send_sms)
    send_otp = _araw(AsyncTurkeySMS.send_otp)
    send_custom_otp = _araw(AsyncTurkeySMS.send_custom_otp)
    send_mixed = _araw(AsyncTurkeySMS.send_mixed)
    create_group = _araw(AsyncTurkeySMS.create_group)
    rename_group = _araw(AsyncTurkeySMS.rename_group)
    delete_group = _araw(AsyncTurkeySMS.delete_group)
    list_groups = _araw(AsyncTurkeySMS.list_groups)
    add_contact = _araw(AsyncTurkeySMS.add_contact)
    get_report = _araw(AsyncTurkeySMS.get_report)
    get_report_page = _araw(AsyncTurkeySMS.get_report_page)
    get_status = _araw(AsyncTurkeySMS.get_status)
    blacklist_add = _araw(AsyncTurkeySMS.blacklist_add)
    blacklist_status = _araw(AsyncTurkeySMS.blacklist_status)
