"""Attribute rules of access (DESIGN §5), in one place, called by the services.

Roles answer "may this kind of user do this at all"; these rules answer "may this user do it
to this thing". A rule that fails for someone else's private thing makes the service answer
404, never 403, so ids cannot be probed.
"""

from __future__ import annotations

import uuid

from techmarket.core.security.principal import Principal

ADMIN = "admin"
MODERATOR = "moderator"
SUPPORT_AGENT = "support_agent"
SELLER = "seller"
BUYER = "buyer"

GRANTABLE_ROLES = frozenset({SUPPORT_AGENT, MODERATOR, ADMIN})
"""Roles an admin hands out. `seller` comes with a store, `buyer` with every account."""


def owns(principal: Principal, owner_id: uuid.UUID) -> bool:
    """Private account data (addresses, contacts, sessions) is its owner's alone."""
    return principal.user_id == owner_id


def may_grant_role(principal: Principal, role: str) -> bool:
    return principal.has_role(ADMIN) and role in GRANTABLE_ROLES


def may_revoke_role(principal: Principal, target_user_id: uuid.UUID, role: str) -> bool:
    """Admins revoke staff roles, but never their own admin role (someone must stay admin)."""
    if not principal.has_role(ADMIN) or role not in GRANTABLE_ROLES:
        return False
    return not (role == ADMIN and target_user_id == principal.user_id)


def may_edit_listing(seller_id_of_caller: uuid.UUID | None, listing_seller_id: uuid.UUID) -> bool:
    """A seller edits only their own listings (admins moderate through their own tools)."""
    return seller_id_of_caller is not None and seller_id_of_caller == listing_seller_id


def may_see_listing(
    principal: Principal | None,
    seller_id_of_caller: uuid.UUID | None,
    listing_seller_id: uuid.UUID,
    visibility: str,
    removed: bool,
) -> bool:
    """Public and unlisted listings open by link; drafts only to their seller; private ones to
    their seller and admins; removed ones only to their seller."""
    owner = may_edit_listing(seller_id_of_caller, listing_seller_id)
    if owner:
        return True
    if removed:
        return False
    if visibility in {"public", "unlisted"}:
        return True
    return visibility == "private" and principal is not None and principal.has_role(ADMIN)
