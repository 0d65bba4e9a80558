from enum import IntEnum


class OtpDigits(IntEnum):
    FOUR = 4
    FIVE = 5
    SIX = 6

    def __str__(self) -> str:
        return str(self.value)
