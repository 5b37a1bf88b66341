"""What other services and tools may call on the users service (in process, for now)."""

from techmarket.services.users.models import Role
from techmarket.services.users.repository import get_user_by_email
from techmarket.services.users.service import become_dealer, create_user, normalize_email

__all__ = ["Role", "become_dealer", "create_user", "get_user_by_email", "normalize_email"]
