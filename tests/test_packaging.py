"""The wheel carries every package and the contract files the mock and the SDK load."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _declared() -> set[str]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return set(tomllib.load(handle)["tool"]["setuptools"]["packages"])


def _on_disk() -> set[str]:
    roots = {
        "turkeysms": ROOT / "turkeysms",
        "turkeysms_spec": ROOT / "spec",
        "turkeysms_api": ROOT / "generated" / "turkeysms_api",
        "turkeysms_mock": ROOT / "mock_server",
    }
    names = set()
    for name, root in roots.items():
        for init in root.rglob("__init__.py"):
            relative = init.parent.relative_to(root).parts
            names.add(".".join((name, *relative)))
    return names


def test_every_package_directory_is_declared() -> None:
    assert _on_disk() - _declared() == set()


def test_every_declared_package_exists() -> None:
    assert _declared() - _on_disk() == set()
