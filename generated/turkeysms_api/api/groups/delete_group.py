from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.group_id_request import GroupIdRequest
from ...models.message_response import MessageResponse
from ...types import Response


def _get_kwargs(
    *,
    body: GroupIdRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/groups/delete",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | MessageResponse | None:
    if response.status_code == 200:
        response_200 = MessageResponse.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

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
) -> Response[ErrorResponse | MessageResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GroupIdRequest,
) -> Response[ErrorResponse | MessageResponse]:
    """Delete a contact group (soft delete)

     Deletes a group softly: it leaves the list and answers TS-1086 from then on, and its name is free
    again (D23).

    **Permissions:** `post_request` (else TS-1061), then `delete_group` (else TS-1085).

    | Code | HTTP | Meaning |
    |---|---|---|
    | TS-1030 | 403 | Account is deactivated or temporarily suspended. |
    | TS-1031 | 401 | Invalid or deactivated API key. |
    | TS-1033 | 400, 413, 415 | Invalid request format (not valid JSON). |
    | TS-1050 | 401 | API key is missing from the request. |
    | TS-1060 | 403 | Per-minute rate limit exceeded. |
    | TS-1061 | 403 | POST sending permission is not enabled for this key. |
    | TS-1085 | 403 | Group delete privilege disabled. |
    | TS-1086 | 404 | Group not found or unauthorized access. |
    | TS-1088 | 200 | Group deleted successfully. |

    Args:
        body (GroupIdRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MessageResponse]
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
    body: GroupIdRequest,
) -> ErrorResponse | MessageResponse | None:
    """Delete a contact group (soft delete)

     Deletes a group softly: it leaves the list and answers TS-1086 from then on, and its name is free
    again (D23).

    **Permissions:** `post_request` (else TS-1061), then `delete_group` (else TS-1085).

    | Code | HTTP | Meaning |
    |---|---|---|
    | TS-1030 | 403 | Account is deactivated or temporarily suspended. |
    | TS-1031 | 401 | Invalid or deactivated API key. |
    | TS-1033 | 400, 413, 415 | Invalid request format (not valid JSON). |
    | TS-1050 | 401 | API key is missing from the request. |
    | TS-1060 | 403 | Per-minute rate limit exceeded. |
    | TS-1061 | 403 | POST sending permission is not enabled for this key. |
    | TS-1085 | 403 | Group delete privilege disabled. |
    | TS-1086 | 404 | Group not found or unauthorized access. |
    | TS-1088 | 200 | Group deleted successfully. |

    Args:
        body (GroupIdRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MessageResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GroupIdRequest,
) -> Response[ErrorResponse | MessageResponse]:
    """Delete a contact group (soft delete)

     Deletes a group softly: it leaves the list and answers TS-1086 from then on, and its name is free
    again (D23).

    **Permissions:** `post_request` (else TS-1061), then `delete_group` (else TS-1085).

    | Code | HTTP | Meaning |
    |---|---|---|
    | TS-1030 | 403 | Account is deactivated or temporarily suspended. |
    | TS-1031 | 401 | Invalid or deactivated API key. |
    | TS-1033 | 400, 413, 415 | Invalid request format (not valid JSON). |
    | TS-1050 | 401 | API key is missing from the request. |
    | TS-1060 | 403 | Per-minute rate limit exceeded. |
    | TS-1061 | 403 | POST sending permission is not enabled for this key. |
    | TS-1085 | 403 | Group delete privilege disabled. |
    | TS-1086 | 404 | Group not found or unauthorized access. |
    | TS-1088 | 200 | Group deleted successfully. |

    Args:
        body (GroupIdRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MessageResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: GroupIdRequest,
) -> ErrorResponse | MessageResponse | None:
    """Delete a contact group (soft delete)

     Deletes a group softly: it leaves the list and answers TS-1086 from then on, and its name is free
    again (D23).

    **Permissions:** `post_request` (else TS-1061), then `delete_group` (else TS-1085).

    | Code | HTTP | Meaning |
    |---|---|---|
    | TS-1030 | 403 | Account is deactivated or temporarily suspended. |
    | TS-1031 | 401 | Invalid or deactivated API key. |
    | TS-1033 | 400, 413, 415 | Invalid request format (not valid JSON). |
    | TS-1050 | 401 | API key is missing from the request. |
    | TS-1060 | 403 | Per-minute rate limit exceeded. |
    | TS-1061 | 403 | POST sending permission is not enabled for this key. |
    | TS-1085 | 403 | Group delete privilege disabled. |
    | TS-1086 | 404 | Group not found or unauthorized access. |
    | TS-1088 | 200 | Group deleted successfully. |

    Args:
        body (GroupIdRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MessageResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
