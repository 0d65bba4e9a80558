from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BasicReportResponse")


@_attrs_define
class BasicReportResponse:
    """The provider's summary has no result_code."""

    result: bool
    rapor_id: int
    """ A positive id; bounded at 2^53-1 so that JavaScript tools keep it exact. """
    total_numbers: int
    """ A count or page number; bounded at 2^53-1 like every integer here. """
    success_count: int
    """ A count or page number; bounded at 2^53-1 like every integer here. """
    failed_count: int
    """ A count or page number; bounded at 2^53-1 like every integer here. """
    pending_count: int
    """ A count or page number; bounded at 2^53-1 like every integer here. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result = self.result

        rapor_id = self.rapor_id

        total_numbers = self.total_numbers

        success_count = self.success_count

        failed_count = self.failed_count

        pending_count = self.pending_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
                "rapor_id": rapor_id,
                "total_numbers": total_numbers,
                "success_count": success_count,
                "failed_count": failed_count,
                "pending_count": pending_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        result = d.pop("result")

        rapor_id = d.pop("rapor_id")

        total_numbers = d.pop("total_numbers")

        success_count = d.pop("success_count")

        failed_count = d.pop("failed_count")

        pending_count = d.pop("pending_count")

        basic_report_response = cls(
            result=result,
            rapor_id=rapor_id,
            total_numbers=total_numbers,
            success_count=success_count,
            failed_count=failed_count,
            pending_count=pending_count,
        )

        basic_report_response.additional_properties = d
        return basic_report_response

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
