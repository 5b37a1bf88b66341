"""Secrets the auth service hands out are stored only as digests.

Refresh tokens, email links, MFA challenges and recovery codes are 128+ bits of randomness, so
a plain SHA-256 is enough (no salt or slow hash needed, unlike passwords).
"""

import hashlib
import secrets


def new_token() -> str:
    return secrets.token_urlsafe(32)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_recovery_code() -> str:
    """Three groups of four lower-case letters and digits, easy to copy from paper."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalize_recovery_code(code: str) -> str:
    compact = code.strip().lower().replace("-", "").replace(" ", "")
    return f"{compact[:4]}-{compact[4:8]}-{compact[8:]}" if len(compact) == 12 else code
