"""Contains all the data models used in inputs/outputs"""

from .add_contact_request import AddContactRequest
from .add_contact_response import AddContactResponse
from .api_key_request import ApiKeyRequest
from .auth_check_response import AuthCheckResponse
from .auth_check_response_account_summary import AuthCheckResponseAccountSummary
from .auth_check_response_key_details import AuthCheckResponseKeyDetails
from .auth_check_response_key_details_permissions import (
    AuthCheckResponseKeyDetailsPermissions,
)
from .balance import Balance
from .balance_response import BalanceResponse
from .basic_report_request import BasicReportRequest
from .basic_report_response import BasicReportResponse
from .blacklist_add_response import BlacklistAddResponse
from .blacklist_request import BlacklistRequest
from .blacklist_status_response import BlacklistStatusResponse
from .content_type import ContentType
from .create_group_request import CreateGroupRequest
from .create_group_response import CreateGroupResponse
from .create_group_response_group import CreateGroupResponseGroup
from .detailed_report_request import DetailedReportRequest
from .detailed_report_response import DetailedReportResponse
from .detailed_report_response_data_item import DetailedReportResponseDataItem
from .detailed_report_response_pagination import DetailedReportResponsePagination
from .edit_group_request import EditGroupRequest
from .edit_group_response import EditGroupResponse
from .error_response import ErrorResponse
from .group_id_request import GroupIdRequest
from .list_groups_request import ListGroupsRequest
from .list_groups_response import ListGroupsResponse
from .list_groups_response_groups_item import ListGroupsResponseGroupsItem
from .message_response import MessageResponse
from .otp_digits import OtpDigits
from .report_flag import ReportFlag
from .response_type import ResponseType
from .scheduled_flag import ScheduledFlag
from .send_bulk_sms_request import SendBulkSmsRequest
from .send_bulk_sms_response import SendBulkSmsResponse
from .send_custom_otp_request import SendCustomOtpRequest
from .send_mixed_sms_request import SendMixedSmsRequest
from .send_otp_request import SendOtpRequest
from .send_otp_response import SendOtpResponse
from .send_sms_request import SendSmsRequest
from .send_sms_response import SendSmsResponse
from .sender_ids_response import SenderIdsResponse
from .sender_ids_response_sender_ids_item import SenderIdsResponseSenderIdsItem
from .sms_lang import SmsLang
from .sms_status_request import SmsStatusRequest
from .sms_status_response import SmsStatusResponse
from .webhook_event import WebhookEvent
from .webhook_event_data import WebhookEventData

__all__ = (
    "AddContactRequest",
    "AddContactResponse",
    "ApiKeyRequest",
    "AuthCheckResponse",
    "AuthCheckResponseAccountSummary",
    "AuthCheckResponseKeyDetails",
    "AuthCheckResponseKeyDetailsPermissions",
    "Balance",
    "BalanceResponse",
    "BasicReportRequest",
    "BasicReportResponse",
    "BlacklistAddResponse",
    "BlacklistRequest",
    "BlacklistStatusResponse",
    "ContentType",
    "CreateGroupRequest",
    "CreateGroupResponse",
    "CreateGroupResponseGroup",
    "DetailedReportRequest",
    "DetailedReportResponse",
    "DetailedReportResponseDataItem",
    "DetailedReportResponsePagination",
    "EditGroupRequest",
    "EditGroupResponse",
    "ErrorResponse",
    "GroupIdRequest",
    "ListGroupsRequest",
    "ListGroupsResponse",
    "ListGroupsResponseGroupsItem",
    "MessageResponse",
    "OtpDigits",
    "ReportFlag",
    "ResponseType",
    "ScheduledFlag",
    "SendBulkSmsRequest",
    "SendBulkSmsResponse",
    "SendCustomOtpRequest",
    "SendMixedSmsRequest",
    "SendOtpRequest",
    "SendOtpResponse",
    "SendSmsRequest",
    "SendSmsResponse",
    "SenderIdsResponse",
    "SenderIdsResponseSenderIdsItem",
    "SmsLang",
    "SmsStatusRequest",
    "SmsStatusResponse",
    "WebhookEvent",
    "WebhookEventData",
)
