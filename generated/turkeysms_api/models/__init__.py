"""Contains all the data models used in inputs/outputs"""

from .account_summary import AccountSummary
from .add_contact_request import AddContactRequest
from .add_contact_response import AddContactResponse
from .api_key_request import ApiKeyRequest
from .auth_check_response import AuthCheckResponse
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
from .created_group import CreatedGroup
from .delivery_report import DeliveryReport
from .detailed_report_request import DetailedReportRequest
from .detailed_report_response import DetailedReportResponse
from .edit_group_request import EditGroupRequest
from .edit_group_response import EditGroupResponse
from .error_response import ErrorResponse
from .group_id_request import GroupIdRequest
from .key_details import KeyDetails
from .key_permissions import KeyPermissions
from .list_groups_request import ListGroupsRequest
from .list_groups_response import ListGroupsResponse
from .listed_group import ListedGroup
from .message_response import MessageResponse
from .otp_digits import OtpDigits
from .pagination import Pagination
from .report_flag import ReportFlag
from .report_record import ReportRecord
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
from .sender_id import SenderId
from .sender_ids_response import SenderIdsResponse
from .sms_lang import SmsLang
from .sms_status_request import SmsStatusRequest
from .sms_status_response import SmsStatusResponse
from .webhook_event import WebhookEvent

__all__ = (
    "AccountSummary",
    "AddContactRequest",
    "AddContactResponse",
    "ApiKeyRequest",
    "AuthCheckResponse",
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
    "CreatedGroup",
    "DeliveryReport",
    "DetailedReportRequest",
    "DetailedReportResponse",
    "EditGroupRequest",
    "EditGroupResponse",
    "ErrorResponse",
    "GroupIdRequest",
    "KeyDetails",
    "KeyPermissions",
    "ListGroupsRequest",
    "ListGroupsResponse",
    "ListedGroup",
    "MessageResponse",
    "OtpDigits",
    "Pagination",
    "ReportFlag",
    "ReportRecord",
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
    "SenderId",
    "SenderIdsResponse",
    "SmsLang",
    "SmsStatusRequest",
    "SmsStatusResponse",
    "WebhookEvent",
)
