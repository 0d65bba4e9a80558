"""Routes that read sends back: /sms/status, /reports/basic, /reports/detailed."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from ..domain import reports
from ..domain.backend import Backend
from ..domain.clock import to_istanbul
from ..domain.delivery import SMS_STATUS_TEXT
from ..records import Principal
from .pipeline import endpoint
from .responses import success

blueprint = Blueprint("reports", __name__)


@endpoint(blueprint, "/sms/status")
def sms_status(backend: Backend, principal: Principal, fields: dict[str, Any]) -> dict[str, Any]:
    found = reports.status(backend, principal, fields["sms_id"])
    answer = success(
        found.code,
        sender_id=found.message.title,
        sms_status=found.text,
        sms_balance=f"{found.message.credits} SMS",
    )
    # The status envelope of the page: `status` first, then the code (C5).
    return {"status": "success", **answer}


@endpoint(blueprint, "/reports/basic")
def basic_report(backend: Backend, principal: Principal, fields: dict[str, Any]) -> dict[str, Any]:
    summary = reports.summary(backend, principal, fields["raporid"])
    # C7: the provider's summary carries no result_code.
    return {
        "result": True,
        "rapor_id": summary.sms_id,
        "total_numbers": summary.total,
        "success_count": summary.delivered,
        "failed_count": summary.failed,
        "pending_count": summary.pending,
    }


@endpoint(blueprint, "/reports/detailed")
def detailed_report(backend: Backend, principal: Principal, fields: dict[str, Any]) -> dict[str, Any]:
    page = reports.page(backend, principal, fields["raporid"], fields["page"])
    return {
        "result": True,
        "result_code": "TS-1064",
        "pagination": {
            "current_page": page.current,
            "total_pages": page.total_pages,
            "total_records": page.total_records,
        },
        "data": [
            {
                "phone_number": line.number,
                "sent_at": to_istanbul(line.sent_at).strftime("%Y-%m-%d %H:%M:%S"),
                "sms_status": SMS_STATUS_TEXT[line.status],
            }
            for line in page.lines
        ],
    }
