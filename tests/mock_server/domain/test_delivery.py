"""The recipient status model and the one status of a batch (D10)."""

from __future__ import annotations

import pytest

from turkeysms_mock.domain import delivery
from turkeysms_mock.records import Delivery

ROW = Delivery(number="905321234567", parts=1, send_at=100.0, due_at=102.0, outcome=delivery.FAILED)


@pytest.mark.parametrize(
    ("now", "status"), [(99.9, "scheduled"), (100.0, "pending"), (101.9, "pending"), (102.0, "failed")]
)
def test_status_follows_the_timeline(now: float, status: str) -> None:
    assert delivery.status_at(ROW, now) == status


@pytest.mark.parametrize(
    ("statuses", "batch"),
    [
        (["delivered", "pending"], "pending"),
        (["failed", "out_of_coverage"], "out_of_coverage"),
        (["delivered", "failed"], "failed"),
        (["delivered"], "delivered"),
    ],
)
def test_batch_status(statuses: list[str], batch: str) -> None:
    assert delivery.batch_status(statuses) == batch
