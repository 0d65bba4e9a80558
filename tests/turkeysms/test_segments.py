"""Segment counting against the vectors of shared/notes/sms-encoding.md and further edge cases."""

from __future__ import annotations

import pytest

from turkeysms.segments import Encoding, NotEncodableError, estimate

# (text, sms_lang 0, sms_lang 1, sms_lang 2) parts from the notes' table; None: not that alphabet.
VECTORS = [
    ("A" * 160, 1, 1, 3),
    ("A" * 161, 2, 2, 3),
    ("€" * 81, 2, 1, 2),
    ("Çiçek", None, 1, 1),
    ("a" * 153 + "ş", None, 1, 3),
    ("Merhaba 😀", None, None, 1),
]


@pytest.mark.parametrize(("text", "lang0", "lang1", "lang2"), VECTORS)
def test_notes_vectors(text: str, lang0: int | None, lang1: int | None, lang2: int) -> None:
    for sms_lang, parts in ((0, lang0), (1, lang1)):
        result = estimate(text, sms_lang)
        if parts is None:
            assert result.encoding is Encoding.UCS2
        else:
            assert result.encoding is not Encoding.UCS2
            assert result.parts == parts, (sms_lang, result)
    assert estimate(text, 2).parts == lang2
    assert estimate(text, 2).encoding is Encoding.UCS2


def test_arabic_fills_one_ucs2_part_at_70_and_two_at_71() -> None:
    assert estimate("م" * 70, 2).parts == 1
    assert estimate("م" * 71, 2).parts == 2


def test_escape_pairs_are_never_split() -> None:
    result = estimate("]" * 153, 0)
    assert (result.units, result.parts) == (306, 3)
    assert [len(s) for s in result.segments] == [76, 76, 1]


def test_surrogate_pairs_are_never_split() -> None:
    result = estimate("😀" * 67, 2)
    assert result.parts == 3
    assert [len(s) for s in result.segments] == [33, 33, 1]


def test_segments_rebuild_the_text() -> None:
    text = "Merhaba dünya! " * 40 + "€[]"
    for sms_lang in (0, 1, 2):
        assert "".join(estimate(text, sms_lang).segments) == text


def test_turkish_picks_the_cheapest_table() -> None:
    assert estimate("a" * 153 + "ş", 1).encoding is Encoding.GSM7_TURKISH_SINGLE
    assert estimate("€" * 81, 1).encoding is Encoding.GSM7_TURKISH_LOCKING
    assert estimate("plain ascii", 1).encoding is Encoding.GSM7
    # One shift table costs a header: 156 Turkish septets no longer fit in one part.
    assert estimate("ı" * 156, 1).parts == 2
    assert estimate("ı" * 155, 1).parts == 1


def test_turkish_locking_table_loses_the_replaced_characters() -> None:
    # è is only in the default table, ş only in Turkish ones: single shift carries both.
    result = estimate("è" + "ş" * 10, 1)
    assert result.encoding is Encoding.GSM7_TURKISH_SINGLE and result.units == 21


def test_default_boundaries() -> None:
    assert estimate("x" * 306, 0).parts == 2
    assert estimate("x" * 307, 0).parts == 3
    assert estimate("{" * 80, 0).parts == 1


def test_ucs2_boundaries() -> None:
    assert estimate("ğ" * 134, 0).parts == 2
    assert estimate("ğ" * 135, 0).parts == 3


def test_reject_policy_names_the_character() -> None:
    with pytest.raises(NotEncodableError) as caught:
        estimate("Çiçek", 0, non_gsm="reject")
    assert caught.value.character == "ç"
    with pytest.raises(NotEncodableError):
        estimate("😀", 1, non_gsm="reject")


def test_flat_turkish_policy_bills_155_per_single_part() -> None:
    assert estimate("A" * 155, 1, turkish="flat").parts == 1
    assert estimate("A" * 156, 1, turkish="flat").parts == 2
    assert estimate("A" * 156, 1).parts == 1


def test_empty_text_costs_nothing() -> None:
    result = estimate("", 0)
    assert (result.parts, result.units, result.segments) == (0, 0, ())


def test_remaining_counts_free_units_in_the_last_part() -> None:
    assert estimate("A" * 150, 0).remaining == 10
    assert estimate("A" * 160, 0).remaining == 0
    assert estimate("A" * 161, 0).remaining == 153 - 8
    assert estimate("😀", 2).remaining == 68


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="sms_lang"):
        estimate("hi", 3)
