"""Build hook: mark the generated client and the spec package typed in the wheel.

Their folders are written by scripts/generate (generated/ is replaced wholesale, its
generator writes no py.typed with --meta none), so the markers are added here.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

# Packages whose py.typed is written at build time; turkeysms and turkeysms_mock carry their own.
MARKED = ("turkeysms_api", "turkeysms_spec")


class BuildPyWithMarkers(build_py):
    """build_py that also writes py.typed into each package of MARKED in the build tree."""

    def _markers(self) -> list[Path]:
        return [Path(self.build_lib, package, "py.typed") for package in MARKED]

    def run(self) -> None:
        super().run()
        for marker in self._markers():
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.write_text("")

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        return [*super().get_outputs(include_bytecode), *map(str, self._markers())]


setup(cmdclass={"build_py": BuildPyWithMarkers})
