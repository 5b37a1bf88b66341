"""Rules of the auth service: registering, signing in (with MFA), changing and resetting
passwords, verifying email addresses. Sessions live in sessions.py, TOTP in mfa.py."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.clock import utcnow
from techmarket.core.mail import OutgoingEmail, send_after_commit
from techmarket.core.resources import Resources
from techmarket.core.security import policies
from techmarket.core.security.password_policy import check_password as judge_password
from techmarket.core.security.passwords import PasswordHasher
from techmarket.core.security.principal import Principal
from techmarket.services.auth import activity, mfa, one_time_tokens, sessions
from techmarket.services.auth.brute_force import (
    MFA_PER_ACCOUNT,
    REGISTER_PER_ADDRESS,
    RESET_PER_ACCOUNT,
    RESET_PER_ADDRESS,
    SIGN_IN_PER_ACCOUNT,
    SIGN_IN_PER_ADDRESS,
    ensure_allowed,
    forget_attempts,
    record_attempt,
)
from techmarket.services.auth.client_info import ClientInfo
from techmarket.services.auth.emails import (
    email_changed_notice,
    password_reset_email,
    verification_email,
)
from techmarket.services.auth.errors import (
    InvalidCode,
    InvalidCredentials,
    InvalidLink,
    MfaNotSetUp,
    SessionNotFound,
    StepUpRequired,
    WeakPassword,
    WrongFieldValue,
)
from techmarket.services.auth.models import (
    ActivityKind,
    AuthActivity,
    AuthSession,
    Credential,
    OneTimeToken,
    RecoveryCode,
    TokenPurpose,
)
from techmarket.services.auth.schemas import (
    MfaChallenge,
    PasswordStrength,
    RegisterRequest,
    TokenPair,
    TotpSetup,
)
from techmarket.services.users import client as users

# Verifying against this keeps a sign-in for an unknown email as slow as for a known one.
_TIMING_DECOY_HASH: dict[int, str] = {}  # one decoy per hasher (per pepper)


class FailedSignIn(InvalidCredentials):
    """Committed before answering, so the failure shows in the owner's activity log."""

    commit_before_raising = True


class WrongMfaCode(InvalidCode):
    commit_before_raising = True


# --- passwords ---------------------------------------------------------------------------


def password_strength(
    password: str, email: str | None, display_name: str | None
) -> PasswordStrength:
    verdict = judge_password(password, email=email, display_name=display_name)
    return PasswordStrength(
        acceptable=verdict.acceptable,
        score=verdict.score,
        reasons=list(verdict.reasons),
        suggestions=list(verdict.suggestions),
    )


def ensure_strong(password: str, *, email: str, display_name: str, field: str = "password") -> None:
    verdict = judge_password(password, email=email, display_name=display_name)
    if not verdict.acceptable:
        raise WeakPassword(
            " ".join(verdict.reasons),
            errors=[
                {"field": field, "in": "body", "message": reason, "code": "weak_password"}
                for reason in verdict.reasons
            ],
        )


async def set_password(
    session: AsyncSession, hasher: PasswordHasher, user_id: uuid.UUID, password: str
) -> None:
    credential = await session.get(Credential, user_id)
    password_hash = hasher.hash(password)
    if credential is None:
        session.add(Credential(user_id=user_id, password_hash=password_hash))
    else:
        credential.password_hash = password_hash
        credential.updated_at = utcnow()
    await session.flush()


async def check_password(
    session: AsyncSession, hasher: PasswordHasher, user_id: uuid.UUID, password: str
) -> bool:
    """True when `password` is the user's; an outdated hash is upgraded on the way."""
    credential = await session.get(Credential, user_id)
    if credential is None:
        return False
    valid, new_hash = hasher.verify_and_update(password, credential.password_hash)
    if valid and new_hash:
        credential.password_hash = new_hash
        await session.flush()
    return valid


def _spend_equal_time(hasher: PasswordHasher, password: str) -> None:
    decoy = _TIMING_DECOY_HASH.setdefault(id(hasher), hasher.hash("timing decoy password"))
    hasher.verify_and_update(password, decoy)


def _send(session: AsyncSession, resources: Resources, message: OutgoingEmail) -> None:
    send_after_commit(session, resources.mailer, message)


# --- registering and verifying -----------------------------------------------------------


async def register(
    session: AsyncSession, resources: Resources, request: RegisterRequest, client: ClientInfo
) -> users.MeRead:
    guard = (REGISTER_PER_ADDRESS, client.address_key)
    await ensure_allowed(resources.attempts, guard)
    await record_attempt(resources.attempts, guard)
    email = users.normalize_email(str(request.email))
    ensure_strong(request.password, email=email, display_name=request.display_name)
    user = await users.create_user(session, email=email, display_name=request.display_name)
    await set_password(session, resources.passwords, user.id, request.password)
    await send_verification(session, resources, user.id, email, user.display_name, client)
    return await me(session, user.id)


async def send_verification(
    session: AsyncSession,
    resources: Resources,
    user_id: uuid.UUID,
    email: str,
    display_name: str,
    client: ClientInfo | None,
) -> None:
    token = await one_time_tokens.issue(session, user_id, TokenPurpose.VERIFY_EMAIL, client)
    link = f"{resources.settings.base_url}/verify-email?token={token}"
    _send(session, resources, verification_email(email, display_name, link))


async def resend_verification(
    session: AsyncSession, resources: Resources, principal: Principal, client: ClientInfo
) -> None:
    user = await users.user_with_roles(session, principal.user_id)
    if user.email_verified_at is None:
        await send_verification(session, resources, user.id, user.email, user.display_name, client)


async def verify_email(session: AsyncSession, token: str, client: ClientInfo) -> None:
    found = await one_time_tokens.find_usable(session, token, TokenPurpose.VERIFY_EMAIL)
    if found is None:
        raise InvalidLink("This verification link was used already or has expired.")
    one_time_tokens.use(found)
    await users.mark_email_verified(session, found.user_id)
    activity.record(session, found.user_id, ActivityKind.EMAIL_VERIFIED, client)


async def mfa_enabled(session: AsyncSession, user_id: uuid.UUID) -> bool:
    credential = await session.get(Credential, user_id)
    return bool(credential and credential.totp_enabled_at)


async def me(session: AsyncSession, user_id: uuid.UUID) -> users.MeRead:
    """The account as its owner sees it (the users service's data plus whether MFA is on)."""
    return await users.me(session, user_id, mfa_enabled=await mfa_enabled(session, user_id))


# --- signing in ----------------------------------------------------------------------------


async def login(
    session: AsyncSession, resources: Resources, email: str, password: str, client: ClientInfo
) -> TokenPair | MfaChallenge:
    account_key = users.normalize_email(email)
    account, address = (SIGN_IN_PER_ACCOUNT, account_key), (SIGN_IN_PER_ADDRESS, client.address_key)
    await ensure_allowed(resources.attempts, account, address)
    user = await users.get_user_by_email(session, account_key)
    if user is None:
        _spend_equal_time(resources.passwords, password)
        await record_attempt(resources.attempts, account, address)
        raise InvalidCredentials("The email or the password is wrong.")
    if not await check_password(session, resources.passwords, user.id, password):
        await record_attempt(resources.attempts, account, address)
        activity.record(session, user.id, ActivityKind.SIGN_IN_FAILED, client)
        raise FailedSignIn("The email or the password is wrong.")
    await forget_attempts(resources.attempts, account)
    credential = await session.get(Credential, user.id)
    if credential is not None and credential.totp_enabled_at is not None:
        token = await one_time_tokens.issue(session, user.id, TokenPurpose.MFA_CHALLENGE, client)
        return MfaChallenge(mfa_token=token)
    return await sessions.start(session, resources, user.id, client)


async def login_with_code(
    session: AsyncSession, resources: Resources, mfa_token: str, code: str, client: ClientInfo
) -> TokenPair:
    challenge = await one_time_tokens.find_usable(session, mfa_token, TokenPurpose.MFA_CHALLENGE)
    if challenge is None:
        raise InvalidLink("This sign-in step expired or had too many wrong codes; start again.")
    guard = (MFA_PER_ACCOUNT, str(challenge.user_id))
    await ensure_allowed(resources.attempts, guard)
    credential = await session.get(Credential, challenge.user_id)
    if credential is None or credential.totp_enabled_at is None:
        raise InvalidLink("Start the sign-in again.")
    if not await mfa.accept_any(session, credential, code):
        challenge.failed_attempts += 1
        await record_attempt(resources.attempts, guard)
        activity.record(session, challenge.user_id, ActivityKind.SIGN_IN_FAILED, client)
        left = one_time_tokens.MAX_FAILED_ATTEMPTS - challenge.failed_attempts
        raise WrongMfaCode(
            f"The code is wrong; {left} tries left." if left > 0 else "Too many wrong codes."
        )
    one_time_tokens.use(challenge)
    return await sessions.start(session, resources, challenge.user_id, client)


async def logout(
    session: AsyncSession,
    resources: Resources,
    principal: Principal | None,
    refresh_token: str | None,
) -> None:
    """Ends the session of the access token, or else of the refresh cookie: signing out must
    work even when the access token has already expired."""
    auth_session = None
    if principal is not None:
        auth_session = await session.get(AuthSession, principal.session_id)
    elif refresh_token:
        auth_session = await sessions.find_by_refresh_token(session, refresh_token)
    if auth_session is not None:
        await sessions.revoke(session, resources, auth_session, "logout")


async def list_sessions(session: AsyncSession, principal: Principal) -> Sequence[AuthSession]:
    return await sessions.active_sessions(session, principal.user_id)


async def revoke_session(
    session: AsyncSession,
    resources: Resources,
    principal: Principal,
    session_id: uuid.UUID,
    client: ClientInfo,
) -> None:
    """Only the owner's sessions can be ended; anyone else's id answers 404 like a missing one."""
    auth_session = await session.get(AuthSession, session_id)
    if auth_session is None or not policies.owns(principal, auth_session.user_id):
        raise SessionNotFound(f"You have no session {session_id}.")
    await sessions.revoke(session, resources, auth_session, "revoked")
    activity.record(session, principal.user_id, ActivityKind.SESSION_REVOKED, client)


# --- step-up and sensitive changes ---------------------------------------------------------


async def step_up(
    session: AsyncSession,
    resources: Resources,
    user_id: uuid.UUID,
    *,
    code: str | None,
    password: str | None,
) -> Credential:
    """Proof from the last moment that the owner is at the keyboard: with MFA on, a code
    (TOTP or recovery); with MFA off, the password."""
    credential = await session.get(Credential, user_id)
    assert credential is not None
    guard = (MFA_PER_ACCOUNT, str(user_id))
    await ensure_allowed(resources.attempts, guard)
    if credential.totp_enabled_at is not None:
        if not code:
            raise StepUpRequired("Enter a code from your authenticator app to confirm.")
        if not await mfa.accept_any(session, credential, code):
            await record_attempt(resources.attempts, guard)
            raise WrongFieldValue("The code is wrong.", field="code")
        return credential
    if not password or not await check_password(session, resources.passwords, user_id, password):
        await record_attempt(resources.attempts, guard)
        raise StepUpRequired("Enter your password to confirm.")
    return credential


async def change_password(
    session: AsyncSession,
    resources: Resources,
    principal: Principal,
    *,
    current_password: str,
    new_password: str,
    code: str | None,
    client: ClientInfo,
) -> None:
    guard = (MFA_PER_ACCOUNT, str(principal.user_id))
    await ensure_allowed(resources.attempts, guard)
    if not await check_password(session, resources.passwords, principal.user_id, current_password):
        await record_attempt(resources.attempts, guard)
        raise WrongFieldValue("The current password is wrong.", field="current_password")
    credential = await session.get(Credential, principal.user_id)
    if credential is not None and credential.totp_enabled_at is not None:
        await step_up(session, resources, principal.user_id, code=code, password=None)
    user = await users.user_with_roles(session, principal.user_id)
    ensure_strong(
        new_password, email=user.email, display_name=user.display_name, field="new_password"
    )
    await set_password(session, resources.passwords, principal.user_id, new_password)
    await sessions.revoke_all(
        session, resources, principal.user_id, "password-changed", keep=principal.session_id
    )
    activity.record(session, principal.user_id, ActivityKind.PASSWORD_CHANGED, client)


async def forgot_password(
    session: AsyncSession, resources: Resources, email: str, client: ClientInfo
) -> None:
    """The same answer whether the account exists or not, so addresses cannot be probed."""
    email = users.normalize_email(email)
    guards = ((RESET_PER_ADDRESS, client.address_key), (RESET_PER_ACCOUNT, email))
    await ensure_allowed(resources.attempts, *guards)
    await record_attempt(resources.attempts, *guards)
    user = await users.get_user_by_email(session, email)
    if user is None:
        return
    token = await one_time_tokens.issue(session, user.id, TokenPurpose.RESET_PASSWORD, client)
    link = f"{resources.settings.base_url}/reset-password?token={token}"
    _send(session, resources, password_reset_email(user.email, user.display_name, link))


async def reset_password(
    session: AsyncSession, resources: Resources, token: str, password: str, client: ClientInfo
) -> None:
    found = await one_time_tokens.find_usable(session, token, TokenPurpose.RESET_PASSWORD)
    if found is None:
        raise InvalidLink("This reset link was used already or has expired; ask for a new one.")
    user = await users.user_with_roles(session, found.user_id)
    ensure_strong(password, email=user.email, display_name=user.display_name)
    one_time_tokens.use(found)
    await set_password(session, resources.passwords, user.id, password)
    await sessions.revoke_all(session, resources, user.id, "password-reset")
    activity.record(session, user.id, ActivityKind.PASSWORD_RESET, client)


# --- MFA set-up ----------------------------------------------------------------------------


async def begin_totp_setup(session: AsyncSession, principal: Principal) -> TotpSetup:
    credential = await session.get(Credential, principal.user_id)
    assert credential is not None
    user = await users.user_with_roles(session, principal.user_id)
    setup = mfa.begin_setup(credential, user.email)
    await session.flush()
    return setup


async def confirm_totp(
    session: AsyncSession, resources: Resources, principal: Principal, code: str, client: ClientInfo
) -> list[str]:
    guard = (MFA_PER_ACCOUNT, str(principal.user_id))
    await ensure_allowed(resources.attempts, guard)
    credential = await session.get(Credential, principal.user_id)
    assert credential is not None
    codes = await mfa.confirm(session, credential, code)
    if codes is None:
        await record_attempt(resources.attempts, guard)
        raise WrongFieldValue(
            "The code is wrong; check the time on your phone and try again.", field="code"
        )
    activity.record(session, principal.user_id, ActivityKind.MFA_ENABLED, client)
    return codes


async def disable_totp(
    session: AsyncSession,
    resources: Resources,
    principal: Principal,
    *,
    code: str | None,
    password: str | None,
    client: ClientInfo,
) -> None:
    credential = await session.get(Credential, principal.user_id)
    if credential is None or credential.totp_enabled_at is None:
        raise MfaNotSetUp("Two-step sign-in is off already.")
    await step_up(session, resources, principal.user_id, code=code, password=password)
    await mfa.disable(session, credential)
    activity.record(session, principal.user_id, ActivityKind.MFA_DISABLED, client)


# --- changing the email and deleting the account ---------------------------------------------


async def change_email(
    session: AsyncSession,
    resources: Resources,
    principal: Principal,
    *,
    new_email: str,
    code: str | None,
    password: str | None,
    client: ClientInfo,
) -> users.MeRead:
    await step_up(session, resources, principal.user_id, code=code, password=password)
    before = await users.user_with_roles(session, principal.user_id)
    old_email = before.email
    user = await users.change_email(session, principal.user_id, new_email)
    if user.email != old_email:
        await send_verification(session, resources, user.id, user.email, user.display_name, client)
        _send(session, resources, email_changed_notice(old_email, user.display_name, user.email))
        activity.record(session, user.id, ActivityKind.EMAIL_CHANGED, client)
    return await me(session, user.id)


async def delete_account(
    session: AsyncSession,
    resources: Resources,
    principal: Principal,
    *,
    code: str | None,
    password: str | None,
) -> None:
    """Erase the person: credentials, second factor, sessions, activity and personal data."""
    await step_up(session, resources, principal.user_id, code=code, password=password)
    await sessions.revoke_all(session, resources, principal.user_id, "account-deleted")
    for model in (RecoveryCode, OneTimeToken, AuthActivity):
        await session.execute(delete(model).where(model.user_id == principal.user_id))
    credential = await session.get(Credential, principal.user_id)
    if credential is not None:
        await session.delete(credential)
    await users.erase_user(session, principal.user_id)
