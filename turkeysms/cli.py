"""The `turkeysms` command line: every operation of the API from the shell, answers as JSON."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Final, TextIO

from turkeysms._bulk import BulkAbortedError, BulkSend
from turkeysms._client import TurkeySMS
from turkeysms._config import API_KEY_ENV, BASE_URL_ENV
from turkeysms._exceptions import APIConnectionError, TurkeySMSError
from turkeysms._version import __version__

__all__ = ["main"]

EXIT_OK: Final = 0
EXIT_API_ERROR: Final = 1
EXIT_USAGE: Final = 2
EXIT_PARTIAL: Final = 3
EXIT_NO_ANSWER: Final = 4
EXIT_CODES: Final = f"""exit codes:
  {EXIT_OK}  done
  {EXIT_API_ERROR}  the API refused (its TS code and message on stderr); a bulk run that stopped
     still prints what it did on stdout
  {EXIT_USAGE}  bad usage: a missing option or API key, an unreadable file
  {EXIT_PARTIAL}  bulk: some chunks were refused, the rest was sent
  {EXIT_NO_ANSWER}  no answer: the connection failed or timed out (the URL is named)

The API key comes from --api-key, else ${API_KEY_ENV}, else a prompt when stdin is a
terminal (prefer the last two: --api-key shows in `ps` and in your shell history)."""


class UsageError(Exception):
    """Bad usage the parser could not catch (a missing key, a CSV without its column)."""


def _add_send_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sms-lang", type=int, choices=(0, 1, 2), help="0 English, 1 Turkish, 2 Unicode")
    parser.add_argument("--content-type", type=int, choices=(0, 1, 2), help="0 transactional (default)")
    parser.add_argument("--no-report", action="store_true", help="no delivery report for this send")
    parser.add_argument(
        "--at", type=dt.datetime.fromisoformat, help="send later: ISO time (naive = Istanbul)"
    )


def _add_otp_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--to", required=True, help="recipient, international digits")
    parser.add_argument("--digits", type=int, choices=(4, 5, 6))
    parser.add_argument("--lang", type=int, choices=(0, 1, 2))


def _parser() -> argparse.ArgumentParser:  # noqa: PLR0915 (one flat list of commands)
    parser = argparse.ArgumentParser(
        prog="turkeysms",
        description="TurkeySMS v4 from the shell: one command per operation, answers print as JSON.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"turkeysms {__version__}")
    parser.add_argument("--api-key", help=f"API key (default: ${API_KEY_ENV}, else a prompt)")
    parser.add_argument("--base-url", help=f"API root (default: ${BASE_URL_ENV}, then production)")
    parser.add_argument("--timeout", type=float, help="seconds to wait for each answer (default 30)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help_text, description=help_text)

    command("check-auth", "the key's status and permissions, the account's status and balance")
    command("balance", "the main and international credits left")
    command("sender-ids", "the account's sender titles")
    send = command("send", "send one SMS")
    send.add_argument("--title", required=True, help="sender ID")
    send.add_argument("--to", required=True, help="recipient, international digits")
    send.add_argument("--text", required=True)
    _add_send_options(send)
    otp = command("otp", "send a one-time password in the provider's text")
    _add_otp_options(otp)
    custom = command("custom-otp", "send a one-time password inside your text (TS-CODE marks it)")
    custom.add_argument("--title", required=True)
    custom.add_argument("--text", required=True)
    _add_otp_options(custom)
    bulk = command("bulk", "send one text to every number of a CSV file, in chunks")
    bulk.add_argument("--title", required=True)
    bulk.add_argument("--text", required=True)
    bulk.add_argument("--csv", required=True, type=Path, help="CSV file with a header row")
    bulk.add_argument("--column", default="phone", help="column holding the numbers (default: phone)")
    bulk.add_argument("--chunk-size", type=int, default=1000)
    bulk.add_argument("--dedupe", action="store_true", help="send each number once across the file")
    bulk.add_argument("--no-progress", action="store_true", help="no progress bar (shown only on a terminal)")
    _add_send_options(bulk)
    mixed = command("mixed", "send each number its own text, in one request")
    mixed.add_argument("--title", required=True)
    mixed.add_argument(
        "--message", nargs=2, action="append", required=True, metavar=("NUMBER", "TEXT"), help="repeatable"
    )
    _add_send_options(mixed)
    create = command("group-create", "create a contact group")
    create.add_argument("name")
    rename = command("group-rename", "rename a group")
    rename.add_argument("group_id", type=int)
    rename.add_argument("new_name")
    delete = command("group-delete", "delete a group")
    delete.add_argument("group_id", type=int)
    groups = command("groups", "list the groups")
    groups.add_argument("--search", help="only names containing this")
    contact = command("contact-add", "add a number to a group")
    contact.add_argument("group_id", type=int)
    contact.add_argument("number")
    contact.add_argument("--name")
    for extra in ("f_01", "f_02", "f_03"):
        contact.add_argument(f"--{extra.replace('_', '-')}", dest=extra, help="custom field")
    report = command("report", "delivered, failed and pending counts of one send")
    report.add_argument("sms_id", type=int)
    page = command("report-page", "one page (500 records) of the per-number report of one send")
    page.add_argument("sms_id", type=int)
    page.add_argument("--page", type=int, default=1)
    records = command("report-records", "every per-number record of one send (a JSON array, streamed)")
    records.add_argument("sms_id", type=int)
    status = command("status", "the delivery status of one send")
    status.add_argument("sms_id", type=int)
    block = command("blacklist-add", "block a number")
    block.add_argument("number")
    blocked = command("blacklist-status", "whether a number is blocked")
    blocked.add_argument("number")
    return parser


def _api_key(args: argparse.Namespace) -> str:
    if args.api_key:
        return str(args.api_key)
    key = os.environ.get(API_KEY_ENV)
    if key:
        return key
    if sys.stdin.isatty():
        key = getpass.getpass("TurkeySMS API key: ")
        if key:
            return key
    raise UsageError(f"no API key: set ${API_KEY_ENV}, pass --api-key, or run in a terminal to be asked")


def _numbers(path: Path, column: str) -> Iterator[str]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or column not in reader.fieldnames:
            raise UsageError(f"{path}: no column {column!r} (columns: {reader.fieldnames}); see --column")
        for row in reader:
            number = (row.get(column) or "").strip()
            if number:
                yield number


def _count(path: Path, column: str) -> int:
    # A first streaming pass gives the bar its total without holding the file in memory.
    return sum(1 for _ in _numbers(path, column))


class _Progress:
    """A one-line bar on stderr, drawn only on a terminal (a log file gets no carriage returns)."""

    def __init__(self, total: int, out: TextIO, enabled: bool) -> None:
        self._total = total
        self._out = out
        self._enabled = enabled and out.isatty()
        self._drawn = False

    def update(self, done: int) -> None:
        if not self._enabled:
            return
        width = 30
        filled = width * done // self._total if self._total else width
        percent = 100 * done // self._total if self._total else 100
        self._out.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{self._total} {percent}%")
        self._out.flush()
        self._drawn = True

    def end(self) -> None:
        # Whatever follows (an error, say) starts on its own line.
        if self._drawn:
            self._out.write("\n")
            self._out.flush()
            self._drawn = False


def _send_options(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "sms_lang": args.sms_lang,
        "content_type": args.content_type,
        "report": False if args.no_report else None,
        "scheduled_at": args.at,
    }


def _bulk(client: TurkeySMS, args: argparse.Namespace) -> tuple[Any, int]:
    total = _count(args.csv, args.column)
    progress = _Progress(total, sys.stderr, enabled=not args.no_progress)
    stream: BulkSend = client.send_bulk(
        args.title,
        _numbers(args.csv, args.column),
        args.text,
        chunk_size=args.chunk_size,
        dedupe=args.dedupe,
        **_send_options(args),
    )
    done = 0
    try:
        for result in stream:
            done += len(result.recipients)
            progress.update(done + stream.summary.duplicates_skipped)
    except BulkAbortedError as error:
        progress.end()
        summary = {"recipients": total, **error.summary.to_dict()}
        summary["stopped"] = {
            "chunk": error.chunk_index,
            "recipients": len(error.recipients),
            "code": error.code,
            "message": error.error.message,
            "chunks_in_doubt": list(error.chunks_in_doubt),
        }
        print(json.dumps(summary, ensure_ascii=False))
        raise
    progress.end()
    summary = {"recipients": total, **stream.summary.to_dict()}
    return summary, (EXIT_PARTIAL if stream.summary.refused else EXIT_OK)


def _report_records(client: TurkeySMS, args: argparse.Namespace) -> tuple[Any, int]:
    # A JSON array written record by record: a report of any size, flat memory.
    out = sys.stdout
    out.write("[")
    for index, record in enumerate(client.iter_report_records(args.sms_id)):
        out.write(("," if index else "") + "\n" + json.dumps(record.to_dict(), ensure_ascii=False))
    out.write("\n]\n")
    return None, EXIT_OK


def _simple(client: TurkeySMS, args: argparse.Namespace) -> Any:
    name = args.command
    commands: dict[str, Callable[[], Any]] = {
        "check-auth": client.check_auth,
        "balance": client.get_balance,
        "sender-ids": client.list_sender_ids,
        "send": lambda: client.send_sms(args.title, args.to, args.text, **_send_options(args)),
        "otp": lambda: client.send_otp(args.to, digits=args.digits, lang=args.lang),
        "custom-otp": lambda: client.send_custom_otp(
            args.title, args.to, args.text, digits=args.digits, lang=args.lang
        ),
        "mixed": lambda: client.send_mixed(
            args.title, [(number, text) for number, text in args.message], **_send_options(args)
        ),
        "group-create": lambda: client.create_group(args.name),
        "group-rename": lambda: client.rename_group(args.group_id, args.new_name),
        "group-delete": lambda: client.delete_group(args.group_id),
        "groups": lambda: client.list_groups(args.search),
        "contact-add": lambda: client.add_contact(
            args.group_id, args.number, name=args.name, f_01=args.f_01, f_02=args.f_02, f_03=args.f_03
        ),
        "report": lambda: client.get_report(args.sms_id),
        "report-page": lambda: client.get_report_page(args.sms_id, args.page),
        "status": lambda: client.get_status(args.sms_id),
        "blacklist-add": lambda: client.blacklist_add(args.number),
        "blacklist-status": lambda: client.blacklist_status(args.number),
    }
    return commands[name]().to_dict()


def _run(client: TurkeySMS, args: argparse.Namespace) -> tuple[Any, int]:
    if args.command == "bulk":
        return _bulk(client, args)
    if args.command == "report-records":
        return _report_records(client, args)
    return _simple(client, args), EXIT_OK


def _error(message: str) -> None:
    print(f"turkeysms: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; print its answer as JSON on stdout and errors on stderr, one line each."""
    args = _parser().parse_args(argv)
    try:
        options: dict[str, Any] = {} if args.timeout is None else {"timeout": args.timeout}
        with TurkeySMS(_api_key(args), base_url=args.base_url, **options) as client:
            answer, code = _run(client, args)
    except APIConnectionError as error:
        _error(str(error))
        return EXIT_NO_ANSWER
    except TurkeySMSError as error:
        _error(str(error))
        return EXIT_API_ERROR
    except (UsageError, ValueError, OSError) as error:
        _error(str(error))
        return EXIT_USAGE
    if answer is not None:
        print(json.dumps(answer, ensure_ascii=False))
    return code


if __name__ == "__main__":
    sys.exit(main())
