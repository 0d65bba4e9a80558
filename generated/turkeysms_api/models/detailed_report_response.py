from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.pagination import Pagination
    from ..models.report_record import ReportRecord


T = TypeVar("T", bound="DetailedReportResponse")


@_attrs_define
class DetailedReportResponse:
    result: bool
    result_code: str
    """ A TS-xxxx code of `x-result-code-catalogue`; kept open so that new codes still parse. """
    pagination: Pagination
    data: list[ReportRecord]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result = self.result

        result_code = self.result_code

        pagination = self.pagination.to_dict()

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
                "result_code": result_code,
                "pagination": pagination,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pagination import Pagination
        from ..models.report_record import ReportRecord

        d = dict(src_dict)
        result = d.pop("result")

        result_code = d.pop("result_code")

        pagination = Pagination.from_dict(d.pop("pagination"))

        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = ReportRecord.from_dict(data_item_data)

            data.append(data_item)

        detailed_report_response = cls(
            result=result,
            result_code=result_code,
            pagination=pagination,
            data=data,
        )

        detailed_report_response.additional_properties = d
        return detailed_report_response

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
