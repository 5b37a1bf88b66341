"""A user's postal addresses: only the owner reads or changes them; one may be the default."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.errors import Conflict, NotFound
from techmarket.services.users.models import Address
from techmarket.services.users.schemas import AddressCreate, AddressUpdate

MAX_ADDRESSES = 20


class AddressNotFound(NotFound):
    code, title = "address-not-found", "Address not found"


class TooManyAddresses(Conflict):
    code, title = "too-many-addresses", "Address book full"


async def list_addresses(session: AsyncSession, user_id: uuid.UUID) -> Sequence[Address]:
    result = await session.scalars(
        select(Address)
        .where(Address.user_id == user_id)
        .order_by(Address.is_default.desc(), Address.created_at)
    )
    return result.all()


async def _owned(session: AsyncSession, user_id: uuid.UUID, address_id: uuid.UUID) -> Address:
    """Someone else's address answers exactly like a missing one."""
    address = await session.get(Address, address_id)
    if address is None or address.user_id != user_id:
        raise AddressNotFound(f"You have no address {address_id}.")
    return address


async def _clear_default(session: AsyncSession, user_id: uuid.UUID) -> None:
    await session.execute(
        update(Address).where(Address.user_id == user_id).values(is_default=False)
    )


async def add_address(session: AsyncSession, user_id: uuid.UUID, data: AddressCreate) -> Address:
    existing = await list_addresses(session, user_id)
    if len(existing) >= MAX_ADDRESSES:
        raise TooManyAddresses(f"Keep at most {MAX_ADDRESSES} addresses; delete one first.")
    make_default = data.is_default or not existing
    if make_default:
        await _clear_default(session, user_id)
    address = Address(user_id=user_id, **data.model_dump(exclude={"is_default"}))
    address.is_default = make_default
    session.add(address)
    await session.flush()
    return address


async def change_address(
    session: AsyncSession, user_id: uuid.UUID, address_id: uuid.UUID, data: AddressUpdate
) -> Address:
    address = await _owned(session, user_id, address_id)
    changes = data.model_dump(exclude_unset=True)
    if changes.pop("is_default", None):
        await _clear_default(session, user_id)
        address.is_default = True
    for field, value in changes.items():
        setattr(address, field, value)
    await session.flush()
    return address


async def delete_address(session: AsyncSession, user_id: uuid.UUID, address_id: uuid.UUID) -> None:
    address = await _owned(session, user_id, address_id)
    await session.delete(address)
    await session.flush()


async def owned_address(
    session: AsyncSession, user_id: uuid.UUID, address_id: uuid.UUID
) -> Address:
    """One of the user's addresses (for checkout); someone else's answers 404."""
    return await _owned(session, user_id, address_id)
