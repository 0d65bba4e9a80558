"""`python -m turkeysms`: the same command line as `turkeysms`."""

from __future__ import annotations

import sys

from turkeysms.cli import main

sys.exit(main())
