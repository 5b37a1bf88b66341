"""HTTP routes for the signed-in user's addresses, contacts and social links."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from techmarket.core.dependencies import CurrentPrincipal, SessionDep
from techmarket.services.users import address_book, contact_details
from techmarket.services.users.schemas import (
    AddressCreate,
    AddressList,
    AddressRead,
    AddressUpdate,
    ContactCreate,
    ContactList,
    ContactRead,
    SocialLinkCreate,
    SocialLinkList,
    SocialLinkRead,
)

router = APIRouter(prefix="/users/me", tags=["users"])


@router.get("/addresses", operation_id="users-list-addresses")
async def list_addresses(principal: CurrentPrincipal, session: SessionDep) -> AddressList:
    found = await address_book.list_addresses(session, principal.user_id)
    return AddressList(items=[AddressRead.model_validate(a) for a in found])


@router.post("/addresses", status_code=status.HTTP_201_CREATED, operation_id="users-add-address")
async def add_address(
    body: AddressCreate, principal: CurrentPrincipal, session: SessionDep
) -> AddressRead:
    address = await address_book.add_address(session, principal.user_id, body)
    return AddressRead.model_validate(address)


@router.patch("/addresses/{address_id}", operation_id="users-change-address")
async def change_address(
    address_id: uuid.UUID, body: AddressUpdate, principal: CurrentPrincipal, session: SessionDep
) -> AddressRead:
    address = await address_book.change_address(session, principal.user_id, address_id, body)
    return AddressRead.model_validate(address)


@router.delete(
    "/addresses/{address_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="users-delete-address",
)
async def delete_address(
    address_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> None:
    await address_book.delete_address(session, principal.user_id, address_id)


@router.get("/contacts", operation_id="users-list-contacts")
async def list_contacts(principal: CurrentPrincipal, session: SessionDep) -> ContactList:
    found = await contact_details.list_contacts(session, principal.user_id)
    return ContactList(items=[ContactRead.model_validate(c) for c in found])


@router.post("/contacts", status_code=status.HTTP_201_CREATED, operation_id="users-add-contact")
async def add_contact(
    body: ContactCreate, principal: CurrentPrincipal, session: SessionDep
) -> ContactRead:
    return ContactRead.model_validate(
        await contact_details.add_contact(session, principal.user_id, body)
    )


@router.delete(
    "/contacts/{contact_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="users-delete-contact",
)
async def delete_contact(
    contact_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> None:
    await contact_details.delete_contact(session, principal.user_id, contact_id)


@router.get("/social-links", operation_id="users-list-social-links")
async def list_social_links(principal: CurrentPrincipal, session: SessionDep) -> SocialLinkList:
    found = await contact_details.list_social_links(session, principal.user_id)
    return SocialLinkList(items=[SocialLinkRead.model_validate(s) for s in found])


@router.post(
    "/social-links", status_code=status.HTTP_201_CREATED, operation_id="users-add-social-link"
)
async def add_social_link(
    body: SocialLinkCreate, principal: CurrentPrincipal, session: SessionDep
) -> SocialLinkRead:
    return SocialLinkRead.model_validate(
        await contact_details.add_social_link(session, principal.user_id, body)
    )


@router.delete(
    "/social-links/{link_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="users-delete-social-link",
)
async def delete_social_link(
    link_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> None:
    await contact_details.delete_social_link(session, principal.user_id, link_id)
