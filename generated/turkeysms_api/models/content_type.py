from enum import IntEnum


class ContentType(IntEnum):
    TRANSACTIONAL = 0
    HIGH_QUALITY = 1
    ADVERTISING = 2

    def __str__(self) -> str:
        return str(self.value)
