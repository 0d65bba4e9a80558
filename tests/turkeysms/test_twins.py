"""TurkeySMS and AsyncTurkeySMS stay twins: the same public methods, parameters, defaults and annotations."""

from __future__ import annotations

import inspect
import types
import typing
from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterable, Iterator
from typing import Any

import httpx
import pytest

from turkeysms import AsyncTurkeySMS, TurkeySMS
from turkeysms._bulk import AsyncBulkSend, BulkSend
from turkeysms._raw import AsyncTurkeySMSWithRawResponse, TurkeySMSWithRawResponse

# The async spelling of a sync name (httpx's own pairs).
RENAMED = {"aclose": "close", "__aenter__": "__enter__", "__aexit__": "__exit__"}
DUNDERS = {"__init__", "__enter__", "__exit__"}
# Parameters only the async twin has, and why: it keeps several chunks in flight at once, and may
# hand them back in completion order.
ASYNC_ONLY = {"send_bulk": {"concurrency", "ordered"}}
_SYNC_OF: dict[Any, Any] = {
    AsyncIterator: Iterator,
    AsyncIterable: Iterable,
    httpx.AsyncClient: httpx.Client,
    AsyncBulkSend: BulkSend,
    AsyncTurkeySMSWithRawResponse: TurkeySMSWithRawResponse,
}


def _public(cls: type) -> dict[str, Callable[..., Any]]:
    """Public methods, and the getter of each public property, by their sync names."""
    found = {}
    for name, member in vars(cls).items():
        if isinstance(member, property) and member.fget is not None and not name.startswith("_"):
            found[name] = member.fget
        elif callable(member) and (not name.startswith("_") or name in DUNDERS or name in RENAMED):
            found[RENAMED.get(name, name)] = member
    return found


def _normal(annotation: Any) -> Any:
    """An annotation with the async types read as their sync twins; a union loses repeated members."""
    annotation = _SYNC_OF.get(annotation, annotation)
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (types.UnionType, typing.Union):
        members: list[Any] = []
        for member in map(_normal, args):
            if member not in members:
                members.append(member)
        return members[0] if len(members) == 1 else ("union", tuple(members))
    if origin is not None:
        return (_SYNC_OF.get(origin, origin), tuple(_normal(arg) for arg in args))
    return annotation


SYNC, ASYNC = _public(TurkeySMS), _public(AsyncTurkeySMS)


def test_both_clients_have_the_same_public_methods() -> None:
    assert sorted(SYNC) == sorted(ASYNC)


@pytest.mark.parametrize("name", sorted(SYNC))
def test_each_method_has_the_same_signature(name: str) -> None:
    sync = inspect.signature(SYNC[name], eval_str=True)
    twin = inspect.signature(ASYNC[name], eval_str=True)
    extra = ASYNC_ONLY.get(name, set())
    assert [p for p in twin.parameters if p not in extra] == list(sync.parameters)
    for param in sync.parameters.values():
        other = twin.parameters[param.name]
        assert (other.kind, other.default) == (param.kind, param.default), param.name
        assert _normal(other.annotation) == _normal(param.annotation), param.name
    assert _normal(twin.return_annotation) == _normal(sync.return_annotation)


PROPERTIES = {name for name, member in vars(TurkeySMS).items() if isinstance(member, property)}


@pytest.mark.parametrize("name", sorted(set(SYNC) - {"__init__"} - PROPERTIES))
def test_what_the_sync_twin_returns_the_async_one_awaits_or_iterates(name: str) -> None:
    returns = inspect.signature(SYNC[name], eval_str=True).return_annotation
    returns = typing.get_origin(returns) or returns
    twin = ASYNC[name]
    assert not inspect.iscoroutinefunction(SYNC[name])
    if isinstance(returns, type) and issubclass(returns, Iterator):
        # What the sync twin iterates, the async one hands back to iterate with `async for`.
        twin_returns = inspect.signature(twin, eval_str=True).return_annotation
        assert issubclass(typing.get_origin(twin_returns) or twin_returns, AsyncIterator)
        assert inspect.isasyncgenfunction(twin) or not inspect.iscoroutinefunction(twin)
    else:
        assert inspect.iscoroutinefunction(twin), name
