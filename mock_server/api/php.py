"""PHP `serialize()` of the JSON-shaped answers (D27): what `response_type: php` asks for."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any


def serialize(value: Any) -> str:
    """Encode like PHP 7.1+'s serialize(): lengths in UTF-8 bytes, lists as integer-keyed arrays."""
    parts: list[str] = []
    _write(value, parts)
    return "".join(parts)


def _write(value: Any, out: list[str]) -> None:
    if value is None:
        out.append("N;")
    elif isinstance(value, bool):
        out.append("b:1;" if value else "b:0;")
    elif isinstance(value, int):
        out.append(f"i:{value};")
    elif isinstance(value, float):
        out.append(f"d:{_float(value)};")
    elif isinstance(value, str):
        out.append(f's:{len(value.encode("utf-8"))}:"{value}";')
    elif isinstance(value, Mapping):
        out.append(f"a:{len(value)}:{{")
        for key, item in value.items():
            _key(key, out)
            _write(item, out)
        out.append("}")
    elif isinstance(value, Sequence):
        out.append(f"a:{len(value)}:{{")
        for index, item in enumerate(value):
            out.append(f"i:{index};")
            _write(item, out)
        out.append("}")
    else:
        raise TypeError(f"cannot serialize {type(value).__name__}")


def _key(key: Any, out: list[str]) -> None:
    # PHP turns decimal-integer string keys into integer keys.
    if (isinstance(key, int) and not isinstance(key, bool)) or (isinstance(key, str) and _integer_like(key)):
        out.append(f"i:{key};")
    else:
        _write(str(key), out)


def _integer_like(key: str) -> bool:
    digits = key.removeprefix("-")
    return digits.isascii() and digits.isdigit() and str(int(key)) == key


def _float(value: float) -> str:
    if math.isnan(value):
        return "NAN"
    if math.isinf(value):
        return "INF" if value > 0 else "-INF"
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = repr(value)
    # PHP writes exponents as 1.0E+25, Python as 1e+25.
    if "e" in text:
        mantissa, exponent = text.split("e")
        if "." not in mantissa:
            mantissa += ".0"
        sign = "-" if exponent.startswith("-") else "+"
        text = f"{mantissa}E{sign}{exponent.lstrip('+-')}"
    return text
