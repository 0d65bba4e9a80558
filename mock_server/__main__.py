"""`python -m mock_server`: the same as `turkeysms-mock`."""

from __future__ import annotations

import sys

from mock_server.cli import main

if __name__ == "__main__":
    sys.exit(main())
