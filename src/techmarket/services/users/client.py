"""What other services and tools may call on the users service (in process, for now)."""

from techmarket.services.users.address_book import owned_address
from techmarket.services.users.models import Address, Role
from techmarket.services.users.repository import (
    dealer_countries,
    get_dealer,
    get_dealer_of_user,
    get_user,
    get_user_by_email,
    user_ids_with_roles,
)
from techmarket.services.users.schemas import AddressCreate, MeRead
from techmarket.services.users.service import (
    become_dealer,
    change_email,
    create_user,
    erase_user,
    grant_role,
    mark_email_verified,
    me,
    normalize_email,
    revoke_role,
    role_names,
    user_with_roles,
)

__all__ = [
    "Address",
    "AddressCreate",
    "MeRead",
    "Role",
    "become_dealer",
    "change_email",
    "create_user",
    "dealer_countries",
    "erase_user",
    "get_dealer",
    "get_dealer_of_user",
    "get_user",
    "get_user_by_email",
    "grant_role",
    "mark_email_verified",
    "me",
    "normalize_email",
    "owned_address",
    "revoke_role",
    "role_names",
    "user_ids_with_roles",
    "user_with_roles",
]
