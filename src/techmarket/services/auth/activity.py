"""The account's activity log: what happened, when and from where, for the owner to read."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.clock import utcnow
from techmarket.services.auth.client_info import ClientInfo
from techmarket.services.auth.models import ActivityKind, AuthActivity


def record(
    session: AsyncSession, user_id: uuid.UUID, kind: ActivityKind, client: ClientInfo | None
) -> None:
    session.add(
        AuthActivity(
            user_id=user_id,
            kind=kind,
            ip_address=client.ip_address if client else None,
            user_agent=client.user_agent if client else None,
            created_at=utcnow(),
        )
    )


async def recent(
    session: AsyncSession, user_id: uuid.UUID, limit: int = 50
) -> Sequence[AuthActivity]:
    result = await session.scalars(
        select(AuthActivity)
        .where(AuthActivity.user_id == user_id)
        .order_by(AuthActivity.created_at.desc(), AuthActivity.id.desc())
        .limit(limit)
    )
    return result.all()
