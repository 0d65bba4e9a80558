"""Cut a stream of recipients into chunks without holding more than one chunk in memory."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from dataclasses import dataclass
from typing import Final

from turkeysms._exceptions import InvalidRequestError, TurkeySMSError
from turkeysms_api.models import SendBulkSmsResponse

__all__ = ["DEFAULT_CHUNK_SIZE", "BulkChunkResult", "aiter_chunks", "is_chunk_error", "iter_chunks"]

# One request per 1,000 numbers keeps a body near 16 kB, far below any size limit.
DEFAULT_CHUNK_SIZE: Final = 1000


@dataclass(frozen=True, slots=True)
class BulkChunkResult:
    """What became of one chunk of a bulk send: its answer, or the error that refused it."""

    index: int
    recipients: tuple[str, ...]
    response: SendBulkSmsResponse | None = None
    error: TurkeySMSError | None = None

    @property
    def ok(self) -> bool:
        """True when the chunk was accepted."""
        return self.error is None


def is_chunk_error(error: TurkeySMSError) -> bool:
    """Whether an error is about this chunk's content, so the next chunk may still succeed.

    Anything else (authentication, balance, permissions, a connection that broke
    after the request left) would fail or be in doubt for every later chunk too,
    so it ends the stream instead.
    """
    return isinstance(error, InvalidRequestError)


def check_chunk_size(chunk_size: int) -> None:
    """Refuse a chunk size the API cannot take."""
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")


def iter_chunks(numbers: Iterable[str], size: int) -> Iterator[list[str]]:
    """Lists of at most `size` numbers, read lazily from `numbers`."""
    iterator = iter(numbers)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


async def aiter_chunks(numbers: Iterable[str] | AsyncIterable[str], size: int) -> AsyncIterator[list[str]]:
    """Lists of at most `size` numbers from a sync or async iterable, read lazily."""
    if not isinstance(numbers, AsyncIterable):
        for whole in iter_chunks(numbers, size):
            yield whole
        return
    chunk: list[str] = []
    async for number in numbers:
        chunk.append(number)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
