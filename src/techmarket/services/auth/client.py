"""What other services and tools may call on the auth service (in process, for now)."""

from techmarket.services.auth.client_info import ClientInfo
from techmarket.services.auth.cookies import clear_refresh_cookie
from techmarket.services.auth.service import (
    change_email,
    check_password,
    delete_account,
    mfa_enabled,
    set_password,
)

__all__ = [
    "ClientInfo",
    "change_email",
    "check_password",
    "clear_refresh_cookie",
    "delete_account",
    "mfa_enabled",
    "set_password",
]
