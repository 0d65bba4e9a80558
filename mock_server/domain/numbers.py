"""Where a phone number goes: Turkey or abroad, and the `Name-CC` country label the API answers."""

from __future__ import annotations

import functools

TURKEY_PREFIX = "90"
TURKEY_LABEL = "Turkey-TR"


def is_international(number: str) -> bool:
    """D20: anything not starting with 90 draws on the international balance."""
    return not number.startswith(TURKEY_PREFIX)


@functools.lru_cache(maxsize=4096)
def country_label(number: str) -> str:
    """`Turkey-TR` style; the provider's spelling for Turkey, phonenumbers' English names elsewhere."""
    if not is_international(number):
        return TURKEY_LABEL
    # Imported on first use: phonenumbers' geocoder data costs a third of a second at start.
    import phonenumbers  # noqa: PLC0415
    from phonenumbers import geocoder  # noqa: PLC0415

    try:
        parsed = phonenumbers.parse("+" + number, None)
    except phonenumbers.NumberParseException:
        return "Unknown-ZZ"
    region = phonenumbers.region_code_for_number(parsed)
    if not region or region == "ZZ":
        return "Unknown-ZZ"
    name = geocoder.country_name_for_number(parsed, "en") or region
    return f"{name}-{region}"
