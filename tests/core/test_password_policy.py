"""Each password rule refuses with its own reason; good passwords, Unicode ones too, pass."""

from __future__ import annotations

import random
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from techmarket.core.security.password_policy import check_password

STRONG = "Kettle-lantern-moss-orbit"
TOO_EASY = "It is too easy to guess."


def test_a_strong_password_is_accepted() -> None:
    verdict = check_password(STRONG, email="robin@example.test", display_name="Robin Tester")
    assert verdict.acceptable
    assert verdict.reasons == []
    assert verdict.score >= 3


def test_too_short_is_refused() -> None:
    verdict = check_password("Tr7-kX9p")
    assert not verdict.acceptable
    assert verdict.reasons[0] == "It is too short: use at least 12 characters (it has 8)."


def test_too_long_is_refused_even_when_strong() -> None:
    password = (STRONG + "-") * 5 + "x" * 4
    assert len(password) == 134
    verdict = check_password(password)
    assert verdict.reasons == ["It is too long: use at most 128 characters (it has 134)."]


def test_one_of_the_10000_most_common_is_refused_whatever_its_case() -> None:
    verdict = check_password("QWERTY123456")  # rank 1,850 in zxcvbn's password list
    assert not verdict.acceptable
    assert verdict.reasons == [
        "It is one of the most common passwords, the first ones attackers try.",
        TOO_EASY,
    ]


def test_the_common_list_stops_at_rank_10000() -> None:
    verdict = check_password("password1234")  # rank 11,383: weak, but not on our list
    assert verdict.reasons == ["It is too easy to guess: this is a very common password."]


def test_a_weak_long_password_is_refused_with_zxcvbns_warning() -> None:
    verdict = check_password("aaaaaaaaaaaaaaaa")
    assert not verdict.acceptable
    assert verdict.score < 3
    assert verdict.reasons == ['It is too easy to guess: repeats like "aaa" are easy to guess.']
    assert "Avoid repeated words and characters." in verdict.suggestions


def test_containing_the_email_is_refused_whatever_its_case() -> None:
    verdict = check_password("jane.doe@example.com-Kettle", email="Jane.Doe@Example.com")
    assert verdict.reasons == ["It contains your email address."]
    assert verdict.suggestions == [
        "Leave out anything about you, such as your name or email address."
    ]


def test_containing_the_emails_local_part_is_refused() -> None:
    verdict = check_password("Kettle-JANE.DOE-moss-42", email="jane.doe@example.com")
    assert verdict.reasons == ["It contains the part of your email address before the @."]


def test_containing_the_display_name_or_one_of_its_words_is_refused() -> None:
    whole = check_password("robin tester kettle moss", display_name="Robin Tester")
    word = check_password("Blue-kettle-TESTER-moss", display_name="Robin Tester")
    assert whole.reasons == ["It contains your name."]
    assert word.reasons == ["It contains your name."]


def test_name_fragments_under_four_characters_are_not_held_against_anyone() -> None:
    verdict = check_password("Royal-kettle-moss-lantern", display_name="Al Ng", email="al@x.io")
    assert verdict.acceptable


def test_a_unicode_passphrase_is_accepted() -> None:
    verdict = check_password("Fjörður-Ünïcödé-東京タワー-ñandú", display_name="Ørjan Ødegård")
    assert verdict.acceptable, verdict.reasons


def test_length_counts_code_points_after_nfc() -> None:
    decomposed_11 = "e\u0301" * 11  # 22 code points as typed, 11 once composed
    decomposed_12 = "e\u0301" * 12
    assert check_password(decomposed_11).reasons[0] == (
        "It is too short: use at least 12 characters (it has 11)."
    )
    assert not any("too short" in reason for reason in check_password(decomposed_12).reasons)
    emoji_12 = "🦊🌲🪐🧭🎻🦉🍄🛶🗝🌋🐚🪁"  # astral characters count once each, not as UTF-16 pairs
    assert not any("too short" in reason for reason in check_password(emoji_12).reasons)


def test_a_128_character_password_is_judged() -> None:
    rng = random.Random(128)
    alphabet = string.ascii_letters + string.digits + string.punctuation
    password = "".join(rng.choice(alphabet) for _ in range(128))
    assert check_password(password).acceptable
    lookalikes = ("4@8({[<3691!|70$5+%2" * 7)[:128]  # the worst case for zxcvbn's l33t matcher
    assert check_password(lookalikes).reasons == []


@settings(deadline=None, max_examples=60)
@given(
    password=st.text(max_size=140),
    email=st.none() | st.emails(),
    display_name=st.none() | st.text(max_size=40),
)
def test_a_verdict_is_acceptable_exactly_when_it_has_no_reasons(
    password: str, email: str | None, display_name: str | None
) -> None:
    verdict = check_password(password, email=email, display_name=display_name)
    assert verdict.acceptable == (not verdict.reasons)
    assert 0 <= verdict.score <= 4
