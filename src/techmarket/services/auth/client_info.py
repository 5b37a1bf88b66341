"""Where a request comes from, as recorded on sessions and in the activity log."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request


@dataclass(frozen=True)
class ClientInfo:
    ip_address: str | None
    user_agent: str | None

    @classmethod
    def of(cls, request: Request) -> ClientInfo:
        agent = request.headers.get("user-agent")
        return cls(
            ip_address=request.client.host if request.client else None,
            user_agent=agent[:300] if agent else None,
        )

    @property
    def address_key(self) -> str:
        return self.ip_address or "unknown"
