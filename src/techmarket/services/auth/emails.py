"""The emails the auth service sends: address verification and password reset links."""

from __future__ import annotations

from techmarket.core.mail import OutgoingEmail


def verification_email(to: str, display_name: str, link: str) -> OutgoingEmail:
    return OutgoingEmail(
        to=to,
        subject="Confirm your email address for TechMarket",
        text=(
            f"Hello {display_name},\n\n"
            f"Confirm that this is your address by opening this link:\n\n{link}\n\n"
            "The link works once and for 24 hours. If you did not sign up, ignore this email.\n"
        ),
    )


def password_reset_email(to: str, display_name: str, link: str) -> OutgoingEmail:
    return OutgoingEmail(
        to=to,
        subject="Reset your TechMarket password",
        text=(
            f"Hello {display_name},\n\n"
            f"Choose a new password by opening this link:\n\n{link}\n\n"
            "The link works once and for 30 minutes, and signs you out everywhere. If you did not "
            "ask for it, ignore this email: your password stays as it is.\n"
        ),
    )


def email_changed_notice(to: str, display_name: str, new_email: str) -> OutgoingEmail:
    """Sent to the old address, so a hijacked account's owner hears about it."""
    return OutgoingEmail(
        to=to,
        subject="Your TechMarket email address was changed",
        text=(
            f"Hello {display_name},\n\n"
            f"The email address of your TechMarket account is now {new_email}.\n\n"
            "If you did not do this, reset your password at once and contact support.\n"
        ),
    )
