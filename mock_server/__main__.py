"""`python -m turkeysms_mock`: the same as `turkeysms-mock`."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
