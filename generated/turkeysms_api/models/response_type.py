from enum import StrEnum


class ResponseType(StrEnum):
    JSON = "json"
    PHP = "php"

    def __str__(self) -> str:
        return str(self.value)
