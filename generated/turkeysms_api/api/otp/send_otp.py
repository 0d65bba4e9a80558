from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.send_otp_request import SendOtpRequest
from ...models.send_otp_response import SendOtpResponse
from ...types import Response


def _get_kwargs(
    *,
    body: SendOtpRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/otp/send",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SendOtpResponse | None:
    if response.status_code == 200:
        response_200 = SendOtpResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | SendOtpResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SendOtpRequest,
) -> Response[ErrorResponse | SendOtpResponse]:
    """Send a one-time password in the provider's standard text

     Generates a code of `digits` digits and sends it in the provider's standard text in the language
    `lang` names (D31), from the provider's own sender `TurkeySMS` (D14), at the highest priority. The
    answer carries `otp_code` for your app to verify what the user types (D13).

    **Permissions:** `post_request` (else TS-1061), then `send_otp` (else TS-1036).

    | Code | HTTP | Meaning |
    |---|---|---|
    | TS-1024 | 200 | SMS dispatched successfully. |
    | TS-1025 | 400 | Recipient number is missing or invalid. |
    | TS-1027 | 403 | Insufficient balance to complete the operation. |
    | TS-1030 | 403 | Account is deactivated or temporarily suspended. |
    | TS-1031 | 401 | Invalid or deactivated API key. |
    | TS-1032 | 403 | International sending is not enabled for this account. |
    | TS-1033 | 400, 413, 415 | Invalid request format (not valid JSON). |
    | TS-1036 | 403 | Standard OTP sending privilege is not enabled for this key. |
    | TS-1050 | 401 | API key is missing from the request. |
    | TS-1060 | 403 | Per-minute rate limit exceeded. |
    | TS-1061 | 403 | POST sending permission is not enabled for this key. |

    Args:
        body (SendOtpRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SendOtpResponse]
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
    body: SendOtpRequest,
) -> ErrorResponse | SendOtpResponse | None:
    """Send a one-time password in the provider's standard text

     Generates a code of `digits` digits and sends it in the provider's standard text in the language
    `lang` names (D31), from the provider's own sender `TurkeySMS` (D14), at the highest priority. The
    answer carries `otp_code` for your app to verify what the user types (D13).

    **Permissions:** `post_request` (else TS-1061), then `send_otp` (else TS-1036).

    | Code | HTTP | Meaning |
    |---|---|---|
    | TS-1024 | 200 | SMS dispatched successfully. |
    | TS-1025 | 400 | Recipient number is missing or invalid. |
    | TS-1027 | 403 | Insufficient balance to complete the operation. |
    | TS-1030 | 403 | Account is deactivated or temporarily suspended. |
    | TS-1031 | 401 | Invalid or deactivated API key. |
    | TS-1032 | 403 | International sending is not enabled for this account. |
    | TS-1033 | 400, 413, 415 | Invalid request format (not valid JSON). |
    | TS-1036 | 403 | Standard OTP sending privilege is not enabled for this key. |
    | TS-1050 | 401 | API key is missing from the request. |
    | TS-1060 | 403 | Per-minute rate limit exceeded. |
    | TS-1061 | 403 | POST sending permission is not enabled for this key. |

    Args:
        body (SendOtpRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SendOtpResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SendOtpRequest,
) -> Response[ErrorResponse | SendOtpResponse]:
    """Send a one-time password in the provider's standard text

     Generates a code of `digits` digits and sends it in the provider's standard text in the language
    `lang` names (D31), from the provider's own sender `TurkeySMS` (D14), at the highest priority. The
    answer carries `otp_code` for your app to verify what the user types (D13).

    **Permissions:** `post_request` (else TS-1061), then `send_otp` (else TS-1036).

    | Code | HTTP | Meaning |
    |---|---|---|
    | TS-1024 | 200 | SMS dispatched successfully. |
    | TS-1025 | 400 | Recipient number is missing or invalid. |
    | TS-1027 | 403 | Insufficient balance to complete the operation. |
    | TS-1030 | 403 | Account is deactivated or temporarily suspended. |
    | TS-1031 | 401 | Invalid or deactivated API key. |
    | TS-1032 | 403 | International sending is not enabled for this account. |
    | TS-1033 | 400, 413, 415 | Invalid request format (not valid JSON). |
    | TS-1036 | 403 | Standard OTP sending privilege is not enabled for this key. |
    | TS-1050 | 401 | API key is missing from the request. |
    | TS-1060 | 403 | Per-minute rate limit exceeded. |
    | TS-1061 | 403 | POST sending permission is not enabled for this key. |

    Args:
        body (SendOtpRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SendOtpResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SendOtpRequest,
) -> ErrorResponse | SendOtpResponse | None:
    """Send a one-time password in the provider's standard text

     Generates a code of `digits` digits and sends it in the provider's standard text in the language
    `lang` names (D31), from the provider's own sender `TurkeySMS` (D14), at the highest priority. The
    answer carries `otp_code` for your app to verify what the user types (D13).

    **Permissions:** `post_request` (else TS-1061), then `send_otp` (else TS-1036).

    | Code | HTTP | Meaning |
    |---|---|---|
    | TS-1024 | 200 | SMS dispatched successfully. |
    | TS-1025 | 400 | Recipient number is missing or invalid. |
    | TS-1027 | 403 | Insufficient balance to complete the operation. |
    | TS-1030 | 403 | Account is deactivated or temporarily suspended. |
    | TS-1031 | 401 | Invalid or deactivated API key. |
    | TS-1032 | 403 | International sending is not enabled for this account. |
    | TS-1033 | 400, 413, 415 | Invalid request format (not valid JSON). |
    | TS-1036 | 403 | Standard OTP sending privilege is not enabled for this key. |
    | TS-1050 | 401 | API key is missing from the request. |
    | TS-1060 | 403 | Per-minute rate limit exceeded. |
    | TS-1061 | 403 | POST sending permission is not enabled for this key. |

    Args:
        body (SendOtpRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SendOtpResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
