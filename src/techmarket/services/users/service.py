"""Rules of the users service: who exists, with which roles, and who sells."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.clock import utcnow
from techmarket.services.users import repository
from techmarket.services.users.errors import (
    DealerNotFound,
    EmailTaken,
    StoreNameTaken,
    UserNotFound,
)
from techmarket.services.users.models import Dealer, Role, User, UserRole
from techmarket.services.users.schemas import DealerRead, PublicProfileRead


def normalize_email(email: str) -> str:
    """Emails compare case-insensitively; we keep one canonical spelling."""
    return email.strip().lower()


async def create_user(
    session: AsyncSession,
    *,
    email: str,
    display_name: str,
    roles: frozenset[Role] = frozenset({Role.BUYER}),
    email_verified: bool = False,
) -> User:
    email = normalize_email(email)
    if await repository.get_user_by_email(session, email) is not None:
        raise EmailTaken(f"An account with {email} exists already.")
    user = User(
        id=uuid.uuid4(),
        email=email,
        display_name=display_name.strip(),
        email_verified_at=utcnow() if email_verified else None,
        roles=[UserRole(role=role) for role in sorted(roles | {Role.BUYER})],
    )
    session.add(user)
    await session.flush()
    return user


async def become_dealer(
    session: AsyncSession,
    user: User,
    *,
    store_name: str,
    description: str = "",
    city: str | None = None,
    country: str | None = None,
) -> Dealer:
    store_name = store_name.strip()
    if await repository.store_name_exists(session, store_name):
        raise StoreNameTaken(f"A store called {store_name!r} exists already.")
    dealer = Dealer(
        user_id=user.id,
        store_name=store_name,
        description=description,
        city=city,
        country=country,
    )
    session.add(dealer)
    session.add(UserRole(user_id=user.id, role=Role.SELLER))
    await session.flush()
    return dealer


async def public_profile(session: AsyncSession, user_id: uuid.UUID) -> PublicProfileRead:
    user = await repository.get_user(session, user_id)
    if user is None:
        raise UserNotFound(f"No user has id {user_id}.")
    dealer = await repository.get_dealer_of_user(session, user_id)
    return PublicProfileRead(
        id=user.id,
        display_name=user.display_name,
        member_since=user.created_at,
        dealer_id=dealer.id if dealer else None,
    )


async def dealer_profile(session: AsyncSession, dealer_id: uuid.UUID) -> DealerRead:
    dealer = await repository.get_dealer(session, dealer_id)
    if dealer is None:
        raise DealerNotFound(f"No seller has id {dealer_id}.")
    return DealerRead.model_validate(dealer)
