"""Recovery codes: six readable groups, random, and forgiving of how they are typed."""

from __future__ import annotations

import re

from app.store import keys


def test_code_is_six_readable_groups_and_random() -> None:
    code = keys.new_recovery_code()
    assert re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}", code)
    assert code != keys.new_recovery_code()


def test_typed_code_forgives_case_spaces_and_look_alikes() -> None:
    assert keys.normalise_recovery_code(" abcde fghij-KLMNO ") == "ABCDE-FGH1J-K1MN0"


def test_a_wrapped_key_opens_only_with_its_secret() -> None:
    data_key = keys.new_data_key()
    wrapped = keys.wrap(data_key, "a long passphrase", "passphrase")
    assert keys.unwrap(wrapped, "a long passphrase") == data_key
    try:
        keys.unwrap(wrapped, "another passphrase")
    except keys.WrongSecret:
        pass
    else:
        raise AssertionError("a wrong secret unwrapped the key")
