from enum import IntEnum


class SmsLang(IntEnum):
    ENGLISH = 0
    TURKISH = 1
    UNICODE = 2

    def __str__(self) -> str:
        return str(self.value)
