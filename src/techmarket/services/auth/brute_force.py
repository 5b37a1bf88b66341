"""How many failed attempts are allowed before TechMarket makes a caller wait (DESIGN §5).

Tiers give growing delays, then a temporary lock: a few quick mistakes cost a minute, a run of
them a quarter of an hour, and no account takes more than 100 failed sign-ins an hour however
many addresses the guesses come from. Nothing locks an account for good: every window ends, and
the owner can always reset the password by email.
"""

from __future__ import annotations

from collections.abc import Sequence

from techmarket.core.errors import TooManyRequests
from techmarket.core.security.rate_limits import AttemptCounter, Limit

SIGN_IN_PER_ACCOUNT = (
    Limit("sign-in-account", "5 per minute"),
    Limit("sign-in-account", "10 per 15 minutes"),
    Limit("sign-in-account", "100 per hour"),
)
SIGN_IN_PER_ADDRESS = (
    Limit("sign-in-address", "20 per minute"),
    Limit("sign-in-address", "200 per hour"),
)
MFA_PER_ACCOUNT = (
    Limit("mfa-account", "5 per minute"),
    Limit("mfa-account", "20 per hour"),
)
REGISTER_PER_ADDRESS = (Limit("register-address", "10 per hour"),)
RESET_PER_ADDRESS = (Limit("reset-address", "10 per hour"),)
RESET_PER_ACCOUNT = (Limit("reset-account", "3 per hour"),)

Guard = tuple[Sequence[Limit], str]


async def ensure_allowed(counter: AttemptCounter, *guards: Guard) -> None:
    """Refuse with 429 and `Retry-After` while any limit is exhausted; checks come first, so a
    locked account's password is not even looked at."""
    wait = 0
    for limits, key in guards:
        wait = max(wait, await counter.retry_after(limits, key))
    if wait:
        raise TooManyRequests(
            f"Too many attempts. Try again in {wait} seconds.",
            headers={"retry-after": str(wait)},
        )


async def record_attempt(counter: AttemptCounter, *guards: Guard) -> None:
    for limits, key in guards:
        await counter.record(limits, key)


async def forget_attempts(counter: AttemptCounter, *guards: Guard) -> None:
    for limits, key in guards:
        await counter.forget(limits, key)
