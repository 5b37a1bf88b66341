"""What other services and tools may call on the auth service (in process, for now)."""

from techmarket.services.auth.service import check_password, mfa_enabled, set_password

__all__ = ["check_password", "mfa_enabled", "set_password"]
