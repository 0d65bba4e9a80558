"""turkeysms.types holds the response models; their reprs show no Unset and no key; the version is the metadata's."""

from __future__ import annotations

from importlib.metadata import version

import turkeysms
from turkeysms import TurkeySMS, types
from turkeysms_api import models

from .conftest import KEY


def test_every_response_model_is_importable_from_turkeysms_types() -> None:
    responses = {name for name in models.__all__ if name.endswith("Response")}
    assert responses <= set(types.__all__)
    for name in types.__all__:
        assert getattr(types, name) is not None


def test_reprs_show_no_unset_and_no_key(client: TurkeySMS) -> None:
    answer = client.send_sms("MyCompany", "905321234567", "Hi")
    text = repr(answer)
    assert "Unset" not in text and "additional_properties" not in text
    assert (
        text.startswith("SendSmsResponse(result=True, result_code='TS-1024'") and "sms_id=1000007721" in text
    )
    request = models.SendSmsRequest(api_key=KEY, title="T", sentto="905321234567", text="x")
    assert KEY not in repr(request) and "Unset" not in repr(request)
    for name in models.__all__:
        model = getattr(models, name)
        if hasattr(model, "__attrs_attrs__"):
            assert model.__repr__ is types._repr, name


def test_version_comes_from_the_package_metadata() -> None:
    assert turkeysms.__version__ == version("turkeysms")
