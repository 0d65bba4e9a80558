"""The `mock` and `postgresql` extras: one message naming the install line, for every way of starting the mock."""

from __future__ import annotations

import importlib.util

INSTALL_LINE = "pip install 'turkeysms[mock]'"

# Top-level import name → distribution of the `mock` extra in pyproject.toml (a test keeps them equal).
# Checked by name, not imported: the pytest plugin must stay cheap, and phonenumbers is only imported
# on the first international number, long after a missing one should have been reported.
MODULES = {
    "yaml": "PyYAML",
    "flask": "flask",
    "waitress": "waitress",
    "phonenumbers": "phonenumbers",
    "swagger_ui_bundle": "swagger-ui-bundle",
    "jsonschema_rs": "jsonschema-rs",
}


class MockExtraMissingError(ImportError):
    """The mock was started without the packages of the `mock` extra."""

    def __init__(self, what: str, absent: list[str]) -> None:
        self.absent = absent
        super().__init__(f"{what} needs the 'mock' extra ({', '.join(absent)} not installed): {INSTALL_LINE}")


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a finder that refuses it, or a module set to None
        return False


def missing() -> list[str]:
    """The distributions of the `mock` extra whose modules cannot be imported here."""
    return [distribution for module, distribution in MODULES.items() if not _installed(module)]


def require(what: str) -> None:
    """Raise MockExtraMissingError naming `what` (e.g. "turkeysms-mock") if the extra is incomplete."""
    absent = missing()
    if absent:
        raise MockExtraMissingError(what, absent)


POSTGRESQL_INSTALL_LINE = "pip install 'turkeysms[postgresql]'"
# The `postgresql` extra, imported only when a postgresql:// database is used.
POSTGRESQL_MODULES = {"psycopg": "psycopg", "psycopg_pool": "psycopg-pool"}


class PostgresqlExtraMissingError(ImportError):
    """A postgresql:// database was asked for without the packages of the `postgresql` extra."""

    def __init__(self, what: str, absent: list[str]) -> None:
        self.absent = absent
        super().__init__(
            f"{what} needs the 'postgresql' extra ({', '.join(absent)} not installed): {POSTGRESQL_INSTALL_LINE}"
        )


def require_postgresql(what: str) -> None:
    """Raise PostgresqlExtraMissingError naming `what` if psycopg or its pool cannot be imported."""
    absent = [distribution for module, distribution in POSTGRESQL_MODULES.items() if not _installed(module)]
    if absent:
        raise PostgresqlExtraMissingError(what, absent)
