"""What other services and tools may call on the users service (in process, for now)."""

from techmarket.services.users.models import Role
from techmarket.services.users.repository import get_dealer_of_user, get_user_by_email
from techmarket.services.users.schemas import MeRead
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
    "MeRead",
    "Role",
    "become_dealer",
    "change_email",
    "create_user",
    "erase_user",
    "get_dealer_of_user",
    "get_user_by_email",
    "grant_role",
    "mark_email_verified",
    "me",
    "normalize_email",
    "revoke_role",
    "role_names",
    "user_with_roles",
]
