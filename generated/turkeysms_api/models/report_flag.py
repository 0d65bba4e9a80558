from enum import IntEnum


class ReportFlag(IntEnum):
    DISABLED = 0
    ENABLED = 1

    def __str__(self) -> str:
        return str(self.value)
