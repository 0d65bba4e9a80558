"""Build hook: mark the generated client typed in the wheel, since its generator writes no py.typed."""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithMarkers(build_py):
    """Write turkeysms_api/py.typed into the build tree (generated/ is regenerated wholesale)."""

    def run(self) -> None:
        super().run()
        marker = Path(self.build_lib, "turkeysms_api", "py.typed")
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text("")

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        return [
            *super().get_outputs(include_bytecode),
            str(Path(self.build_lib, "turkeysms_api", "py.typed")),
        ]


setup(cmdclass={"build_py": BuildPyWithMarkers})
