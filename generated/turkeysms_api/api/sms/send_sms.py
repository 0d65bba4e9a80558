from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.send_sms_request import SendSmsRequest
from ...models.send_sms_response import SendSmsResponse
from ...types import Response


def _get_kwargs(
    *,
    body: SendSmsRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/sms/send",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SendSmsResponse | None:
    if response.status_code == 200:
        response_200 = SendSmsResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ErrorResponse.from_dict(response.json())

        return response_415

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | SendSmsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SendSmsRequest,
) -> Response[ErrorResponse | SendSmsResponse]:
    """Send one SMS now or at a scheduled time

     Sends one SMS to one number, at once or, with `scheduled_sms: 1`, at `scheduled_date`
    `scheduled_time` (Europe/Istanbul, D4). The answer's `sms_id` reads the status and the reports;
    `number_of_sms` is what the balance lost. A blacklisted recipient answers TS-1025 and nothing is
    sent (D1).

    **Permissions:** `post_request` (else TS-1061), then `send_single_sms` (else TS-1065).

    | Code | HTTP | Meaning |
    |---|---|---|
    | TS-1024 | 200 | SMS dispatched successfully. |
    | TS-1025 | 400 | Recipient number is missing or invalid. |
    | TS-1026 | 400 | Message text is missing or empty. |
    | TS-1027 | 403 | Insufficient balance to complete the operation. |
    | TS-1028 | 403 | Sender ID is not activated or not verified. |
    | TS-1029 | 403 | Sender ID not found in the account. |
    | TS-1030 | 403 | Account is deactivated or temporarily suspended. |
    | TS-1031 | 401 | Invalid or deactivated API key. |
    | TS-1032 | 403 | International sending is not enabled for this account. |
    | TS-1033 | 400, 413, 415 | Invalid request format (not valid JSON). |
    | TS-1034 | 400 | Sender title is missing or contains invalid characters. |
    | TS-1050 | 401 | API key is missing from the request. |
    | TS-1060 | 403 | Per-minute rate limit exceeded. |
    | TS-1061 | 403 | POST sending permission is not enabled for this key. |
    | TS-1065 | 403 | API Key permissions do not allow this operation. |

    Args:
        body (SendSmsRequest): The recipient is `sentto`, or `mobile` as the provider's own SDKs
            send it (D32): one of the two is required (`x-required-any-of`), and a body with both must
            give the same number in each. The client keeps sending `sentto`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SendSmsResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SendSmsRequest,
) -> ErrorResponse | SendSmsResponse | None:
    """Send one SMS now or at a scheduled time

     Sends one SMS to one number, at once or, with `scheduled_sms: 1`, at `scheduled_date`
    `scheduled_time` (Europe/Istanbul, D4). The answer's `sms_id` reads the status and the reports;
    `number_of_sms` is what the balance lost. A blacklisted recipient answers TS-1025 and nothing is
    sent (D1).

    **Permissions:** `post_request` (else TS-1061), then `send_single_sms` (else TS-1065).

    | Code | HTTP | Meaning |
    |---|---|---|
    | TS-1024 | 200 | SMS dispatched successfully. |
    | TS-1025 | 400 | Recipient number is missing or invalid. |
    | TS-1026 | 400 | Message text is missing or empty. |
    | TS-1027 | 403 | Insufficient balance to complete the operation. |
    | TS-1028 | 403 | Sender ID is not activated or not verified. |
    | TS-1029 | 403 | Sender ID not found in the account. |
    | TS-1030 | 403 | Account is deactivated or temporarily suspended. |
    | TS-1031 | 401 | Invalid or deactivated API key. |
    | TS-1032 | 403 | International sending is not enabled for this account. |
    | TS-1033 | 400, 413, 415 | Invalid request format (not valid JSON). |
    | TS-1034 | 400 | Sender title is missing or contains invalid characters. |
    | TS-1050 | 401 | API key is missing from the request. |
    | TS-1060 | 403 | Per-minute rate limit exceeded. |
    | TS-1061 | 403 | POST sending permission is not enabled for this key. |
    | TS-1065 | 403 | API Key permissions do not allow this operation. |

    Args:
        body (SendSmsRequest): The recipient is `sentto`, or `mobile` as the provider's own SDKs
            send it (D32): one of the two is required (`x-required-any-of`), and a body with both must
            give the same number in each. The client keeps sending `sentto`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SendSmsResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SendSmsRequest,
) -> Response[ErrorResponse | SendSmsResponse]:
    """Send one SMS now or at a scheduled time

     Sends one SMS to one number, at once or, with `scheduled_sms: 1`, at `scheduled_date`
    `scheduled_time` (Europe/Istanbul, D4). The answer's `sms_id` reads the status and the reports;
    `number_of_sms` is what the balance lost. A blacklisted recipient answers TS-1025 and nothing is
    sent (D1).

    **Permissions:** `post_request` (else TS-1061), then `send_single_sms` (else TS-1065).

    | Code | HTTP | Meaning |
    |---|---|---|
    | TS-1024 | 200 | SMS dispatched successfully. |
    | TS-1025 | 400 | Recipient number is missing or invalid. |
    | TS-1026 | 400 | Message text is missing or empty. |
    | TS-1027 | 403 | Insufficient balance to complete the operation. |
    | TS-1028 | 403 | Sender ID is not activated or not verified. |
    | TS-1029 | 403 | Sender ID not found in the account. |
    | TS-1030 | 403 | Account is deactivated or temporarily suspended. |
    | TS-1031 | 401 | Invalid or deactivated API key. |
    | TS-1032 | 403 | International sending is not enabled for this account. |
    | TS-1033 | 400, 413, 415 | Invalid request format (not valid JSON). |
    | TS-1034 | 400 | Sender title is missing or contains invalid characters. |
    | TS-1050 | 401 | API key is missing from the request. |
    | TS-1060 | 403 | Per-minute rate limit exceeded. |
    | TS-1061 | 403 | POST sending permission is not enabled for this key. |
    | TS-1065 | 403 | API Key permissions do not allow this operation. |

    Args:
        body (SendSmsRequest): The recipient is `sentto`, or `mobile` as the provider's own SDKs
            send it (D32): one of the two is required (`x-required-any-of`), and a body with both must
            give the same number in each. The client keeps sending `sentto`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SendSmsResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SendSmsRequest,
) -> ErrorResponse | SendSmsResponse | None:
    """Send one SMS now or at a scheduled time

     Sends one SMS to one number, at once or, with `scheduled_sms: 1`, at `scheduled_date`
    `scheduled_time` (Europe/Istanbul, D4). The answer's `sms_id` reads the status and the reports;
    `number_of_sms` is what the balance lost. A blacklisted recipient answers TS-1025 and nothing is
    sent (D1).

    **Permissions:** `post_request` (else TS-1061), then `send_single_sms` (else TS-1065).

    | Code | HTTP | Meaning |
    |---|---|---|
    | TS-1024 | 200 | SMS dispatched successfully. |
    | TS-1025 | 400 | Recipient number is missing or invalid. |
    | TS-1026 | 400 | Message text is missing or empty. |
    | TS-1027 | 403 | Insufficient balance to complete the operation. |
    | TS-1028 | 403 | Sender ID is not activated or not verified. |
    | TS-1029 | 403 | Sender ID not found in the account. |
    | TS-1030 | 403 | Account is deactivated or temporarily suspended. |
    | TS-1031 | 401 | Invalid or deactivated API key. |
    | TS-1032 | 403 | International sending is not enabled for this account. |
    | TS-1033 | 400, 413, 415 | Invalid request format (not valid JSON). |
    | TS-1034 | 400 | Sender title is missing or contains invalid characters. |
    | TS-1050 | 401 | API key is missing from the request. |
    | TS-1060 | 403 | Per-minute rate limit exceeded. |
    | TS-1061 | 403 | POST sending permission is not enabled for this key. |
    | TS-1065 | 403 | API Key permissions do not allow this operation. |

    Args:
        body (SendSmsRequest): The recipient is `sentto`, or `mobile` as the provider's own SDKs
            send it (D32): one of the two is required (`x-required-any-of`), and a body with both must
            give the same number in each. The client keeps sending `sentto`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SendSmsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
