"""Routes that send: /sms/send, /group/send, /group/sendMixed, /otp/send, /otp/detailed (fields mapped only)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from ..domain import messaging
from ..domain.backend import Backend
from ..records import Principal
from .operations import enum_labels
from .pipeline import endpoint
from .responses import success

blueprint = Blueprint("sms", __name__)


def _labels(fields: dict[str, Any], lang_field: str = "sms_lang") -> dict[str, str]:
    labels = {"sms_lang": enum_labels("SmsLang")[fields[lang_field]]}
    if "content_type" in fields:
        labels["content_type"] = enum_labels("ContentType")[fields["content_type"]]
    return labels


def _outgoing(kind: str, numbers: list[str], texts: list[str], fields: dict[str, Any]) -> messaging.Outgoing:
    return messaging.Outgoing(
        kind=kind,
        title=fields["title"],
        numbers=numbers,
        texts=texts,
        sms_lang=fields["sms_lang"],
        content_type=fields["content_type"],
        report=fields["report"],
        schedule=messaging.Schedule(
            fields["scheduled_sms"], fields.get("scheduled_date"), fields.get("scheduled_time")
        ),
    )


@endpoint(blueprint, "/sms/send")
def send_sms(backend: Backend, principal: Principal, fields: dict[str, Any]) -> dict[str, Any]:
    outgoing = _outgoing("single", [fields["sentto"]], [fields["text"]], fields)
    sent = messaging.send(backend, principal, outgoing)
    return success(
        "TS-1024", sms_id=sent.sms_id, number_of_sms=sent.credits, **_labels(fields), country=sent.country
    )


def _bulk_answer(sent: messaging.Sent, fields: dict[str, Any]) -> dict[str, Any]:
    return success(
        "TS-1024",
        sms_id=sent.sms_id,
        number_of_sms=sent.credits,
        number_of_recipients=sent.recipients,
        blacklisted=list(sent.blacklisted),
        **_labels(fields),
    )


@endpoint(blueprint, "/group/send")
def send_bulk(backend: Backend, principal: Principal, fields: dict[str, Any]) -> dict[str, Any]:
    outgoing = _outgoing("bulk", fields["sentto"], [fields["text"]], fields)
    return _bulk_answer(messaging.send(backend, principal, outgoing), fields)


@endpoint(blueprint, "/group/sendMixed")
def send_mixed(backend: Backend, principal: Principal, fields: dict[str, Any]) -> dict[str, Any]:
    outgoing = _outgoing("mixed", fields["sentto"], fields["text"], fields)
    return _bulk_answer(messaging.send(backend, principal, outgoing), fields)


def _otp(
    backend: Backend, principal: Principal, fields: dict[str, Any], *, title: str | None, text: str, code: str
) -> dict[str, Any]:
    outgoing = messaging.Outgoing(
        kind="otp",
        title=title,
        numbers=[fields["mobile"]],
        texts=[text],
        sms_lang=fields["lang"],
        content_type=0,
        report=fields["report"],
        otp_code=code,
    )
    sent = messaging.send(backend, principal, outgoing)
    return success(
        "TS-1024",
        sms_id=sent.sms_id,
        otp_code=code,
        number_of_sms=sent.credits,
        sms_lang=enum_labels("SmsLang")[fields["lang"]],
        country=sent.country,
    )


@endpoint(blueprint, "/otp/send")
def send_otp(backend: Backend, principal: Principal, fields: dict[str, Any]) -> dict[str, Any]:
    code = messaging.otp_code(fields["digits"])
    # No title: the provider's own (D14).
    return _otp(
        backend, principal, fields, title=None, text=messaging.otp_text(fields["lang"], code), code=code
    )


@endpoint(blueprint, "/otp/detailed")
def send_custom_otp(backend: Backend, principal: Principal, fields: dict[str, Any]) -> dict[str, Any]:
    code = messaging.otp_code(fields["digits"])
    text = messaging.custom_otp_text(fields["text"], code)
    return _otp(backend, principal, fields, title=fields["title"], text=text, code=code)
