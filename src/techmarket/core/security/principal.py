"""Who is calling: the verified claims of an access token, as every service sees them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class Principal:
    user_id: uuid.UUID
    session_id: uuid.UUID
    roles: frozenset[str]

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))


def revoked_session_key(session_id: uuid.UUID) -> str:
    """Cache entry marking a session revoked, so its unexpired access tokens stop working."""
    return f"auth:revoked-session:{session_id}"
