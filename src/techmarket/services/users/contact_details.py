"""A user's contacts (private, encrypted) and social links (public, on the store page)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.errors import Conflict, NotFound
from techmarket.services.users.models import Contact, SocialLink
from techmarket.services.users.schemas import ContactCreate, SocialLinkCreate

MAX_CONTACTS = 10


class ContactNotFound(NotFound):
    code, title = "contact-not-found", "Contact not found"


class SocialLinkNotFound(NotFound):
    code, title = "social-link-not-found", "Link not found"


class TooManyContacts(Conflict):
    code, title = "too-many-contacts", "Too many contacts"


class NetworkLinked(Conflict):
    code, title = "network-linked", "Link for this network exists"


async def list_contacts(session: AsyncSession, user_id: uuid.UUID) -> Sequence[Contact]:
    result = await session.scalars(
        select(Contact).where(Contact.user_id == user_id).order_by(Contact.created_at)
    )
    return result.all()


async def add_contact(session: AsyncSession, user_id: uuid.UUID, data: ContactCreate) -> Contact:
    if len(await list_contacts(session, user_id)) >= MAX_CONTACTS:
        raise TooManyContacts(f"Keep at most {MAX_CONTACTS} contacts; delete one first.")
    contact = Contact(user_id=user_id, kind=data.kind, value=data.value)
    session.add(contact)
    await session.flush()
    return contact


async def delete_contact(session: AsyncSession, user_id: uuid.UUID, contact_id: uuid.UUID) -> None:
    contact = await session.get(Contact, contact_id)
    if contact is None or contact.user_id != user_id:
        raise ContactNotFound(f"You have no contact {contact_id}.")
    await session.delete(contact)
    await session.flush()


async def list_social_links(session: AsyncSession, user_id: uuid.UUID) -> Sequence[SocialLink]:
    result = await session.scalars(
        select(SocialLink).where(SocialLink.user_id == user_id).order_by(SocialLink.network)
    )
    return result.all()


async def add_social_link(
    session: AsyncSession, user_id: uuid.UUID, data: SocialLinkCreate
) -> SocialLink:
    existing = await session.scalar(
        select(SocialLink).where(SocialLink.user_id == user_id, SocialLink.network == data.network)
    )
    if existing is not None:
        raise NetworkLinked(f"You linked a {data.network.value} profile already; delete it first.")
    link = SocialLink(user_id=user_id, network=data.network, url=str(data.url))
    session.add(link)
    await session.flush()
    return link


async def delete_social_link(session: AsyncSession, user_id: uuid.UUID, link_id: uuid.UUID) -> None:
    link = await session.get(SocialLink, link_id)
    if link is None or link.user_id != user_id:
        raise SocialLinkNotFound(f"You have no link {link_id}.")
    await session.delete(link)
    await session.flush()
