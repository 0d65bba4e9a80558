"""Where the ids the API shows start: provider-like sizes, in every new or reset database."""

from __future__ import annotations

FIRST_SMS_ID = 1_000_000_000
FIRST_GROUP_ID = 5_000
FIRST_SENDER_ID = 12_345
