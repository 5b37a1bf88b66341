"""The emails the auth service sends: address verification, password reset links and security
notices. Security notices cannot be turned off (notification settings show them as locked)."""

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


def new_sign_in_notice(
    to: str, display_name: str, *, when: str, device: str, ip_address: str, reset_link: str
) -> OutgoingEmail:
    """Sent when an account is signed in from a device it has not used before."""
    return OutgoingEmail(
        to=to,
        subject="New sign-in to your TechMarket account",
        text=(
            f"Hello {display_name},\n\n"
            "Your TechMarket account was just signed in from a device it had not used before:\n\n"
            f"  When: {when}\n  Device: {device}\n  Address: {ip_address}\n\n"
            "If this was you, there is nothing to do. If not, choose a new password at once "
            f"(it signs you out everywhere):\n\n{reset_link}\n"
        ),
    )
