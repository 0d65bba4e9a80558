"""The PHP serialize() encoder against outputs PHP itself gives."""

from __future__ import annotations

import pytest

from turkeysms_mock.api.php import serialize


@pytest.mark.parametrize(
    ("value", "php"),
    [
        # php -r 'echo serialize([...]);' for each of these.
        (
            {"result": True, "result_code": "TS-1040"},
            'a:2:{s:6:"result";b:1;s:11:"result_code";s:7:"TS-1040";}',
        ),
        (None, "N;"),
        (False, "b:0;"),
        (-7, "i:-7;"),
        (0.1, "d:0.1;"),
        (1.0, "d:1;"),
        (1e25, "d:1.0E+25;"),
        (float("inf"), "d:INF;"),
        ("ş", 's:2:"ş";'),
        ('a"b', 's:3:"a"b";'),
        (["x", 2], 'a:2:{i:0;s:1:"x";i:1;i:2;}'),
        ({"5": "a", "05": "b", "-1": "c"}, 'a:3:{i:5;s:1:"a";s:2:"05";s:1:"b";i:-1;s:1:"c";}'),
        ({"data": [], "n": {"m": 1}}, 'a:2:{s:4:"data";a:0:{}s:1:"n";a:1:{s:1:"m";i:1;}}'),
    ],
)
def test_matches_php(value: object, php: str) -> None:
    assert serialize(value) == php


def test_rejects_what_php_answers_never_hold() -> None:
    with pytest.raises(TypeError):
        serialize(object())
