"""Rules of the users service: who exists, with which roles, and who sells."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.clock import utcnow
from techmarket.services.users import repository
from techmarket.services.users.errors import (
    AlreadyDealer,
    DealerNotFound,
    EmailNotVerified,
    EmailTaken,
    StoreNameTaken,
    UserNotFound,
)
from techmarket.services.users.models import (
    Address,
    Contact,
    Dealer,
    Role,
    SocialLink,
    User,
    UserRole,
)
from techmarket.services.users.schemas import (
    DealerCreate,
    DealerRead,
    MeRead,
    MeUpdate,
    PublicProfileRead,
)


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
        display_name=display_name.strip(),
        email_verified_at=utcnow() if email_verified else None,
        roles=[UserRole(role=role) for role in sorted(roles | {Role.BUYER})],
    )
    user.set_email(email)
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


async def user_with_roles(session: AsyncSession, user_id: uuid.UUID) -> User:
    user = await repository.get_user_with_roles(session, user_id)
    if user is None:
        raise UserNotFound(f"No user has id {user_id}.")
    return user


def role_names(user: User) -> list[str]:
    return sorted(role.role.value for role in user.roles)


async def mark_email_verified(session: AsyncSession, user_id: uuid.UUID) -> None:
    user = await user_with_roles(session, user_id)
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
        await session.flush()


async def me(session: AsyncSession, user_id: uuid.UUID, *, mfa_enabled: bool) -> MeRead:
    user = await user_with_roles(session, user_id)
    dealer = await repository.get_dealer_of_user(session, user_id)
    return MeRead(
        id=user.id,
        email=user.email,
        display_name=user.display_name,
        email_verified=user.email_verified_at is not None,
        roles=[Role(name) for name in role_names(user)],
        mfa_enabled=mfa_enabled,
        dealer_id=dealer.id if dealer else None,
        created_at=user.created_at,
    )


async def update_me(session: AsyncSession, user_id: uuid.UUID, changes: MeUpdate) -> None:
    user = await user_with_roles(session, user_id)
    if changes.display_name is not None:
        user.display_name = changes.display_name
    await session.flush()


async def open_store(
    session: AsyncSession, user_id: uuid.UUID, request: DealerCreate
) -> DealerRead:
    """Selling needs a verified email: buyers must be able to reach the seller."""
    user = await user_with_roles(session, user_id)
    if user.email_verified_at is None:
        raise EmailNotVerified("Verify your email address before you open a store.")
    if await repository.get_dealer_of_user(session, user_id) is not None:
        raise AlreadyDealer("You have a store already.")
    dealer = await become_dealer(
        session,
        user,
        store_name=request.store_name,
        description=request.description,
        city=request.city,
        country=request.country,
    )
    return DealerRead.model_validate(dealer)


async def grant_role(session: AsyncSession, user_id: uuid.UUID, role: Role) -> None:
    user = await user_with_roles(session, user_id)
    if role not in {r.role for r in user.roles}:
        user.roles.append(UserRole(role=role))
        await session.flush()


async def revoke_role(session: AsyncSession, user_id: uuid.UUID, role: Role) -> None:
    user = await user_with_roles(session, user_id)
    user.roles = [r for r in user.roles if r.role != role]
    await session.flush()


async def change_email(session: AsyncSession, user_id: uuid.UUID, new_email: str) -> User:
    """The new address is unverified until its owner opens the link mailed to it."""
    email = normalize_email(new_email)
    user = await user_with_roles(session, user_id)
    if email == user.email:
        return user
    if await repository.get_user_by_email(session, email) is not None:
        raise EmailTaken(f"An account with {email} exists already.")
    user.set_email(email)
    user.email_verified_at = None
    await session.flush()
    return user


async def erase_user(session: AsyncSession, user_id: uuid.UUID) -> None:
    """Deleting an account erases what identifies the person; the row stays as a tombstone so
    orders and reviews that point at it keep making sense."""
    user = await user_with_roles(session, user_id)
    for model in (Address, Contact, SocialLink):
        for row in (await session.scalars(select(model).where(model.user_id == user_id))).all():
            await session.delete(row)
    user.set_email(f"deleted-{user.id.hex}@deleted.invalid")
    user.display_name = "Deleted user"
    user.email_verified_at = None
    user.roles = [r for r in user.roles if r.role in {Role.BUYER, Role.SELLER}]
    await session.flush()
