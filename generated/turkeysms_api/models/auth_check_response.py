from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.account_summary import AccountSummary
    from ..models.key_details import KeyDetails


T = TypeVar("T", bound="AuthCheckResponse")


@_attrs_define
class AuthCheckResponse:
    result: bool
    result_code: str
    """ A TS-xxxx code of `x-result-code-catalogue`; kept open so that new codes still parse. """
    key_details: KeyDetails
    account_summary: AccountSummary
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result = self.result

        result_code = self.result_code

        key_details = self.key_details.to_dict()

        account_summary = self.account_summary.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
                "result_code": result_code,
                "key_details": key_details,
                "account_summary": account_summary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.account_summary import AccountSummary
        from ..models.key_details import KeyDetails

        d = dict(src_dict)
        result = d.pop("result")

        result_code = d.pop("result_code")

        key_details = KeyDetails.from_dict(d.pop("key_details"))

        account_summary = AccountSummary.from_dict(d.pop("account_summary"))

        auth_check_response = cls(
            result=result,
            result_code=result_code,
            key_details=key_details,
            account_summary=account_summary,
        )

        auth_check_response.additional_properties = d
        return auth_check_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
