"""Which passwords TechMarket accepts, and why it refuses the others (DESIGN §5).

Every rule that fails gives its own reason, written for the person typing, so a sign-up form or a
live strength meter can show all of them at once. Strength is zxcvbn's score, computed by the
Rust port (`zxcvbn-rs-py`): the pure-Python port takes 50-300 ms on ordinary 48-character inputs.
The common-password list is the ranked "passwords" list shipped inside the `zxcvbn` package, so
nothing is downloaded at run time.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from zxcvbn_rs_py import zxcvbn

MIN_LENGTH = 12
MAX_LENGTH = 128
MIN_SCORE = 3
COMMON_PASSWORDS_RANK = 10_000
# Shorter fragments of a name or an email (like "al" or "jo") would refuse half of all passwords.
MIN_PERSONAL_FRAGMENT = 4

# zxcvbn's l33t matcher tries every combination of the look-alike symbols present, so its cost
# grows with their variety as well as with the length squared: 20 distinct ones in 20 characters
# take ~55 ms, in 64 characters ~400 ms. Each row reads "with at most this many distinct
# look-alike symbols, zxcvbn sees at most this many leading characters"; measured so that the
# worst case stays within 20-30 ms. Passwords without such variety are judged on 64 characters.
_L33T_SYMBOLS = frozenset("4@8({[<3691!|70$5+%2")
_SCORED_LENGTH_BY_L33T_VARIETY = ((4, 64), (6, 48), (8, 40), (10, 32), (12, 20), (14, 16))
_SCORED_LENGTH_FLOOR = 12


@dataclass(frozen=True)
class PasswordVerdict:
    acceptable: bool
    score: int
    """0..4 on zxcvbn's scale; at least `MIN_SCORE` is needed."""
    reasons: list[str]
    """Why the password is refused, one sentence each; empty when it is acceptable."""
    suggestions: list[str]


@cache
def _common_passwords() -> frozenset[str]:
    # Imported here: loading zxcvbn's lists takes ~75 ms, paid on first use, not at import.
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"][:COMMON_PASSWORDS_RANK])


def _scored_prefix(password: str) -> str:
    """The leading part zxcvbn can judge within its time budget (see the table above)."""
    length = min(len(password), _SCORED_LENGTH_BY_L33T_VARIETY[0][1])
    while length > _SCORED_LENGTH_FLOOR:
        variety = len(_L33T_SYMBOLS.intersection(password[:length]))
        affordable = next(
            (limit for most, limit in _SCORED_LENGTH_BY_L33T_VARIETY if variety <= most),
            _SCORED_LENGTH_FLOOR,
        )
        if length <= affordable:
            break
        length = affordable
    return password[:length]


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _name_fragments(display_name: str) -> set[str]:
    """The whole name and each of its words, all long enough to mean something."""
    folded = _fold(display_name).strip()
    fragments = {folded, *re.findall(r"\w+", folded)}
    return {fragment for fragment in fragments if len(fragment) >= MIN_PERSONAL_FRAGMENT}


def _strength(password: str, user_inputs: list[str]) -> tuple[int, str | None, list[str]]:
    """(score, zxcvbn's warning or None, zxcvbn's suggestions)."""
    result = zxcvbn(_scored_prefix(password), user_inputs)
    score = int(result.score)  # an int-like enum at run time, whatever the stub says
    feedback = result.feedback
    if feedback is None:
        return score, None, []
    warning = str(feedback.warning) if feedback.warning is not None else None
    return score, warning, [str(suggestion) for suggestion in feedback.suggestions]


def check_password(
    password: str, *, email: str | None = None, display_name: str | None = None
) -> PasswordVerdict:
    password = unicodedata.normalize("NFC", password)
    folded = password.casefold()
    reasons: list[str] = []
    suggestions: list[str] = []

    length = len(password)
    if length < MIN_LENGTH:
        reasons.append(f"It is too short: use at least {MIN_LENGTH} characters (it has {length}).")
    elif length > MAX_LENGTH:
        reasons.append(f"It is too long: use at most {MAX_LENGTH} characters (it has {length}).")

    common = folded in _common_passwords()
    if common:
        reasons.append("It is one of the most common passwords, the first ones attackers try.")

    user_inputs: list[str] = []
    personal_reasons: list[str] = []
    if email:
        email_folded = _fold(email).strip()
        local_part = email_folded.rpartition("@")[0]
        user_inputs += [text for text in (email_folded, local_part) if text]
        if len(email_folded) >= MIN_PERSONAL_FRAGMENT and email_folded in folded:
            personal_reasons.append("It contains your email address.")
        elif len(local_part) >= MIN_PERSONAL_FRAGMENT and local_part in folded:
            personal_reasons.append("It contains the part of your email address before the @.")
    if display_name:
        fragments = _name_fragments(display_name)
        user_inputs += sorted(fragments)
        if any(fragment in folded for fragment in fragments):
            personal_reasons.append("It contains your name.")
    if personal_reasons:
        reasons += personal_reasons
        suggestions.append("Leave out anything about you, such as your name or email address.")

    score, warning, strength_suggestions = _strength(password, user_inputs)
    if score < MIN_SCORE:
        # zxcvbn's own warning adds nothing when the common-password reason is already given.
        detail = f": {warning[0].lower()}{warning[1:]}" if warning and not common else "."
        reasons.append(f"It is too easy to guess{detail}")
    suggestions = list(dict.fromkeys([*strength_suggestions, *suggestions]))

    return PasswordVerdict(
        acceptable=not reasons, score=score, reasons=reasons, suggestions=suggestions
    )
