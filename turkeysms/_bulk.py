"""Bulk sends that account for themselves: chunks streamed lazily, a running summary, a clean abort."""

from __future__ import annotations

import itertools
import re
import warnings
from collections import Counter
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, Self

from turkeysms._exceptions import APIConnectionError, InvalidRequestError, TurkeySMSError
from turkeysms_api.models import SendBulkSmsResponse

if TYPE_CHECKING:
    import asyncio

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "AsyncBulkSend",
    "BulkAbortedError",
    "BulkChunkResult",
    "BulkNotSentWarning",
    "BulkSend",
    "BulkSummary",
    "aiter_chunks",
    "check_chunk_size",
    "is_chunk_error",
    "iter_chunks",
]

# One request per 1,000 numbers keeps a body near 16 kB, far below any size limit.
DEFAULT_CHUNK_SIZE: Final = 1000
# spec/openapi.yaml components/schemas/PhoneNumber (tests/turkeysms/test_bulk.py checks they agree).
PHONE_PATTERN: Final = re.compile(r"^(905[0-9]{9}|9[1-9][0-9]{5,13}|[1-8][0-9]{6,14})$")
_DUPLICATES: Final = "TS-1072"
_BAD_RECIPIENT: Final = "TS-1025"


class BulkNotSentWarning(RuntimeWarning):
    """A bulk send was dropped without being iterated or run: nothing was sent."""


@dataclass(frozen=True, slots=True)
class BulkChunkResult:
    """What became of one chunk of a bulk send: its answer, or the error that refused it.

    `offending` names the numbers that made the API refuse the chunk, when they can be
    told: the repeated ones for TS-1072, the malformed ones for TS-1025.
    """

    index: int
    recipients: tuple[str, ...]
    response: SendBulkSmsResponse | None = None
    error: TurkeySMSError | None = None
    offending: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the chunk was accepted."""
        return self.error is None

    @property
    def blacklisted(self) -> tuple[str, ...]:
        """Numbers of this chunk the API skipped because they are blacklisted."""
        return tuple(self.response.blacklisted) if self.response is not None else ()

    @property
    def sent(self) -> int:
        """Recipients this chunk was sent to."""
        return self.response.number_of_recipients if self.response is not None else 0


@dataclass(slots=True)
class BulkSummary:
    """What a bulk send has done so far: every sms_id, recipients sent, refused, blacklisted, credits."""

    chunks: int = 0
    sms_ids: list[int] = field(default_factory=list)
    sent: int = 0
    refused: int = 0
    blacklisted: list[str] = field(default_factory=list)
    credits: int = 0
    duplicates_skipped: int = 0
    refused_chunks: list[BulkChunkResult] = field(default_factory=list)

    def add(self, result: BulkChunkResult) -> None:
        """Count one chunk's outcome."""
        self.chunks += 1
        if result.response is not None:
            self.sms_ids.append(result.response.sms_id)
            self.sent += result.sent
            self.blacklisted.extend(result.blacklisted)
            self.credits += result.response.number_of_sms
        else:
            self.refused += len(result.recipients)
            self.refused_chunks.append(result)

    def snapshot(self) -> BulkSummary:
        """A copy that later chunks do not change."""
        return BulkSummary(
            self.chunks,
            list(self.sms_ids),
            self.sent,
            self.refused,
            list(self.blacklisted),
            self.credits,
            self.duplicates_skipped,
            list(self.refused_chunks),
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: counts, sms_ids, blacklisted numbers and each refused chunk's error."""
        return {
            "chunks": self.chunks,
            "sms_ids": list(self.sms_ids),
            "sent": self.sent,
            "refused": self.refused,
            "blacklisted": list(self.blacklisted),
            "credits": self.credits,
            "duplicates_skipped": self.duplicates_skipped,
            "refused_chunks": [
                {
                    "chunk": chunk.index,
                    "recipients": len(chunk.recipients),
                    "code": chunk.error.code if chunk.error else None,
                    "message": chunk.error.message if chunk.error else None,
                    "offending": list(chunk.offending),
                }
                for chunk in self.refused_chunks
            ],
        }


class BulkAbortedError(TurkeySMSError):
    """A bulk send stopped on an error that every later chunk would meet too (e.g. TS-1027).

    `error` is that error (its code and status are copied here), `summary` what was
    done before it, `chunk_index`/`recipients` the chunk it stopped at, and
    `chunks_in_doubt` the chunks that may have been sent although no answer said so
    (a broken connection or gateway timeout after the request left): check them with
    `get_status`/`get_report` before sending them again.
    """

    def __init__(
        self,
        error: TurkeySMSError,
        *,
        summary: BulkSummary,
        chunk_index: int,
        recipients: tuple[str, ...],
        chunks_in_doubt: tuple[int, ...],
    ) -> None:
        doubt = f"; chunks in doubt (may have been sent): {list(chunks_in_doubt)}" if chunks_in_doubt else ""
        message = (
            f"bulk send stopped at chunk {chunk_index} ({len(recipients)} numbers): {error}; "
            f"done until then: {summary.chunks} chunks, {summary.sent} sent, {summary.refused} refused, "
            f"sms_ids {summary.sms_ids}{doubt}"
        )
        super().__init__(
            message,
            code=error.code,
            status_code=error.status_code,
            body=error.body,
            http_response=error.http_response,
            retryable=False,
        )
        self.error: TurkeySMSError = error
        self.summary: BulkSummary = summary
        self.chunk_index: int = chunk_index
        self.recipients: tuple[str, ...] = recipients
        self.chunks_in_doubt: tuple[int, ...] = chunks_in_doubt

    def __str__(self) -> str:
        return self.message


def is_chunk_error(error: TurkeySMSError) -> bool:
    """Whether an error is about this chunk's content, so the next chunk may still succeed.

    Anything else (authentication, balance, permissions, a connection that broke
    after the request left) would fail or be in doubt for every later chunk too,
    so it ends the stream instead.
    """
    return isinstance(error, InvalidRequestError)


def in_doubt(error: TurkeySMSError) -> bool:
    """Whether the request may have been carried out although it failed."""
    broken = isinstance(error, APIConnectionError) and not error.retryable
    return broken or error.status_code == 504


def offending_numbers(chunk: tuple[str, ...], error: TurkeySMSError) -> tuple[str, ...]:
    """The numbers of a refused chunk that explain the refusal, when they can be told locally."""
    if error.code == _DUPLICATES:
        return tuple(number for number, count in Counter(chunk).items() if count > 1)
    if error.code == _BAD_RECIPIENT:
        return tuple(number for number in chunk if not PHONE_PATTERN.match(number))
    return ()


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


class _Dedupe:
    """Drops numbers already seen anywhere earlier in the stream (one set of every number kept)."""

    def __init__(self, summary: BulkSummary) -> None:
        self._seen: set[str] = set()
        self._summary = summary

    def first_seen(self, number: str) -> bool:
        if number in self._seen:
            self._summary.duplicates_skipped += 1
            return False
        self._seen.add(number)
        return True


class _BulkBase:
    """What the sync and async bulk sends share: the summary, de-duplication, the never-run warning."""

    def __init__(self, chunk_size: int, dedupe: bool) -> None:
        check_chunk_size(chunk_size)
        self._chunk_size = chunk_size
        self._progress = BulkSummary()
        self._dedupe = _Dedupe(self._progress) if dedupe else None
        self._started = False

    @property
    def summary(self) -> BulkSummary:
        """What has been done so far (a snapshot); complete once the stream is exhausted."""
        return self._progress.snapshot()

    def _result(
        self, index: int, chunk: list[str], outcome: SendBulkSmsResponse | TurkeySMSError
    ) -> BulkChunkResult:
        recipients = tuple(chunk)
        if isinstance(outcome, TurkeySMSError):
            result = BulkChunkResult(
                index, recipients, error=outcome, offending=offending_numbers(recipients, outcome)
            )
        else:
            result = BulkChunkResult(index, recipients, response=outcome)
        self._progress.add(result)
        return result

    def _abort(
        self, index: int, chunk: list[str], error: TurkeySMSError, doubt: tuple[int, ...]
    ) -> BulkAbortedError:
        return BulkAbortedError(
            error,
            summary=self._progress.snapshot(),
            chunk_index=index,
            recipients=tuple(chunk),
            chunks_in_doubt=doubt,
        )

    def __del__(self) -> None:
        if not getattr(self, "_started", True):
            # Like an un-awaited coroutine: a send_bulk(...) whose result is dropped sent nothing.
            warnings.warn(
                "send_bulk(...) was never iterated nor run(): nothing was sent",
                BulkNotSentWarning,
                stacklevel=2,
            )


class BulkSend(_BulkBase, Iterator[BulkChunkResult]):
    """A lazy bulk send: iterate it for one BulkChunkResult per chunk, or `run()` it for the summary.

    Nothing is read or sent until then; dropping it unused warns (BulkNotSentWarning).
    A chunk refused for its content is reported and the stream goes on; any other error
    raises BulkAbortedError with the progress so far.
    """

    def __init__(
        self,
        send: Callable[[list[str]], SendBulkSmsResponse],
        numbers: Iterable[str],
        *,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        dedupe: bool = False,
    ) -> None:
        super().__init__(chunk_size, dedupe)
        self._send = send
        self._numbers = numbers
        self._stream = self._run()

    def _run(self) -> Iterator[BulkChunkResult]:
        numbers: Iterable[str] = self._numbers
        if self._dedupe is not None:
            numbers = filter(self._dedupe.first_seen, numbers)
        for index, chunk in enumerate(iter_chunks(numbers, self._chunk_size)):
            try:
                outcome: SendBulkSmsResponse | TurkeySMSError = self._send(chunk)
            except TurkeySMSError as error:
                if not is_chunk_error(error):
                    doubt = (index,) if in_doubt(error) else ()
                    raise self._abort(index, chunk, error, doubt) from error
                outcome = error
            yield self._result(index, chunk, outcome)

    def __iter__(self) -> Self:
        self._started = True
        return self

    def __next__(self) -> BulkChunkResult:
        self._started = True
        return next(self._stream)

    def run(self) -> BulkSummary:
        """Send every chunk not sent yet and return the summary of the whole send."""
        self._started = True
        for _ in self._stream:
            pass
        return self.summary


class AsyncBulkSend(_BulkBase, AsyncIterator[BulkChunkResult]):
    """The async bulk send: `async for` its chunks (input order unless `ordered=False`) or `await run()`.

    Up to `concurrency` chunks are in flight and read ahead. On an error that ends the
    stream no new chunk starts, the ones in flight finish and are counted, then
    BulkAbortedError raises.
    """

    def __init__(
        self,
        send: Callable[[list[str]], Awaitable[SendBulkSmsResponse]],
        numbers: Iterable[str] | AsyncIterable[str],
        *,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        concurrency: int = 4,
        ordered: bool = True,
        dedupe: bool = False,
    ) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        super().__init__(chunk_size, dedupe)
        self._send = send
        self._numbers = numbers
        self._concurrency = concurrency
        self._ordered = ordered
        self._stream = self._run()

    async def _chunks(self) -> AsyncIterator[list[str]]:
        async for chunk in aiter_chunks(self._numbers, self._chunk_size):
            if self._dedupe is None:
                yield chunk
                continue
            kept = [number for number in chunk if self._dedupe.first_seen(number)]
            if kept:
                yield kept

    async def _attempt(self, chunk: list[str]) -> SendBulkSmsResponse | TurkeySMSError:
        try:
            return await self._send(chunk)
        except TurkeySMSError as error:
            return error

    async def _run(self) -> AsyncIterator[BulkChunkResult]:
        import asyncio  # noqa: PLC0415  # only async code needs it; `import turkeysms` stays without

        source = self._chunks()
        pending: dict[asyncio.Task[SendBulkSmsResponse | TurkeySMSError], tuple[int, list[str]]] = {}
        finished: dict[int, BulkChunkResult] = {}
        next_index = next_out = 0
        exhausted = False
        fatal: list[tuple[int, list[str], TurkeySMSError]] = []
        try:
            while True:
                # In order, a slow chunk holds back later results: the window bounds those too.
                while not exhausted and not fatal and len(pending) + len(finished) < self._concurrency:
                    chunk = await anext(source, None)
                    if chunk is None:
                        exhausted = True
                        break
                    pending[asyncio.ensure_future(self._attempt(chunk))] = (next_index, chunk)
                    next_index += 1
                if not pending and (fatal or not finished):
                    break
                if pending:
                    done, _ = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                    for task in sorted(done, key=lambda t: pending[t][0]):
                        index, chunk = pending.pop(task)
                        outcome = task.result()
                        if isinstance(outcome, TurkeySMSError) and not is_chunk_error(outcome):
                            fatal.append((index, chunk, outcome))
                        else:
                            finished[index] = self._result(index, chunk, outcome)
                if fatal:
                    continue  # let what is in flight land and be counted, start nothing new
                if self._ordered:
                    while next_out in finished:
                        yield finished.pop(next_out)
                        next_out += 1
                else:
                    for index in sorted(finished):
                        yield finished.pop(index)
            if fatal:
                fatal.sort(key=lambda item: item[0])
                index, chunk, error = fatal[0]
                doubt = tuple(i for i, _, e in fatal if in_doubt(e))
                raise self._abort(index, chunk, error, doubt) from error
            for index in sorted(finished):
                yield finished.pop(index)
        finally:
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.gather(*pending, return_exceptions=True)

    def __aiter__(self) -> Self:
        self._started = True
        return self

    async def __anext__(self) -> BulkChunkResult:
        self._started = True
        return await anext(self._stream)

    async def run(self) -> BulkSummary:
        """Send every chunk not sent yet and return the summary of the whole send."""
        self._started = True
        async for _ in self._stream:
            pass
        return self.summary
