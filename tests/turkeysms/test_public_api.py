"""The public surface of `turkeysms` is exactly what __all__ says, as httpx checks its own."""

from __future__ import annotations

import subprocess
import sys

import turkeysms
from turkeysms import segments

EXPECTED = {
    "APIConnectionError",
    "APIResponse",
    "AsyncBulkSend",
    "AsyncTurkeySMSWithRawResponse",
    "BulkAbortedError",
    "BulkNotSentWarning",
    "BulkSend",
    "BulkSummary",
    "InvalidWebhookError",
    "NOT_GIVEN",
    "NotGiven",
    "TurkeySMSWithRawResponse",
    "__version__",
    "construct_event",
    "types",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AccountError",
    "AsyncTurkeySMS",
    "AuthenticationError",
    "BulkChunkResult",
    "ConflictError",
    "ContentType",
    "DEFAULT_CHUNK_SIZE",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "Encoding",
    "Estimate",
    "InsufficientBalanceError",
    "InvalidRequestError",
    "NotFoundError",
    "OtpDigits",
    "PRODUCTION_BASE_URL",
    "PermissionDeniedError",
    "RateLimitError",
    "SenderIdError",
    "SmsLang",
    "TurkeySMS",
    "TurkeySMSError",
    "TurkeySmsClient",
    "WebhookEvent",
    "estimate",
    "parse_event",
    "verify_signature",
    "webhooks",
}


def test_all_is_the_expected_surface() -> None:
    assert set(turkeysms.__all__) == EXPECTED
    assert len(turkeysms.__all__) == len(EXPECTED)


def test_every_public_name_exists_and_nothing_public_is_unlisted() -> None:
    for name in turkeysms.__all__:
        assert hasattr(turkeysms, name), name
    # Not identifiers, not API: pytest rewrites the asserts of every package of a distribution that
    # registers a pytest11 plugin (ours: the turkeysms_mock fixture), which adds `@py_builtins`.
    public = {name for name in vars(turkeysms) if not name.startswith("_") and name.isidentifier()}
    # Subpackages imported for their side effect show up as attributes; they are modules, not API.
    # `annotations` is the __future__ feature object every module holds.
    modules = {"segments", "webhooks", "types", "cli", "compat", "annotations"}
    assert public - modules <= set(turkeysms.__all__), public - set(turkeysms.__all__)


def test_public_classes_present_as_turkeysms() -> None:
    for name in ("TurkeySMS", "AsyncTurkeySMS", "TurkeySMSError", "RateLimitError", "BulkChunkResult"):
        assert getattr(turkeysms, name).__module__ == "turkeysms"


def test_segments_is_the_shared_module() -> None:
    assert turkeysms.estimate is segments.estimate
    assert turkeysms.estimate("hello", sms_lang=0).parts == 1


def test_import_turkeysms_leaves_the_async_client_and_asyncio_until_used() -> None:
    code = (
        "import sys, turkeysms; print(sorted(m for m in ('asyncio', 'turkeysms._async_client',"
        " 'turkeysms_spec.documents') if m in sys.modules)); print(turkeysms.AsyncTurkeySMS.__module__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split("\n")[:2] == ["[]", "turkeysms"]
