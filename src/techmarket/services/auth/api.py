"""HTTP routes of the auth service.

The refresh token is returned in the body (for API clients) and also set as an httpOnly,
SameSite=Strict cookie scoped to `/api/v1/auth`, so the web app never holds it in script.
"""

from __future__ import annotations

import uuid
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Cookie, Query, Request, Response, status
from fastapi.responses import RedirectResponse

from techmarket.core.dependencies import (
    CurrentPrincipal,
    OptionalPrincipal,
    ResourcesDep,
    SessionDep,
    WriteSessionDep,
)
from techmarket.services.auth import activity, service, sessions, social_sign_in
from techmarket.services.auth.client_info import ClientInfo
from techmarket.services.auth.cookies import COOKIE_PATH, REFRESH_COOKIE, clear_refresh_cookie
from techmarket.services.auth.errors import SessionEnded
from techmarket.services.auth.oauth_providers import configured_providers
from techmarket.services.auth.schemas import (
    ActivityList,
    ActivityRead,
    ChangePasswordRequest,
    ForgotPasswordRequest,
    Jwks,
    LoginRequest,
    MfaChallenge,
    MfaLoginRequest,
    OAuthProviderList,
    OAuthProviderRead,
    PasswordStrength,
    PasswordStrengthRequest,
    RecoveryCodes,
    RefreshRequest,
    RegisterRequest,
    ResetPasswordRequest,
    SessionList,
    SessionRead,
    StepUpRequest,
    TokenPair,
    TotpConfirmRequest,
    TotpSetup,
    VerifyEmailRequest,
)
from techmarket.services.users.client import MeRead

router = APIRouter(prefix="/auth", tags=["auth"])


def _expired_cookie() -> str:
    """A Set-Cookie that removes the refresh cookie (sent along with a refused refresh)."""
    cleared = Response()
    clear_refresh_cookie(cleared)
    return cleared.headers["set-cookie"]


def _with_cookie(response: Response, tokens: TokenPair, resources: ResourcesDep) -> TokenPair:
    response.set_cookie(
        REFRESH_COOKIE,
        tokens.refresh_token,
        max_age=resources.settings.session_lifetime_seconds,
        path=COOKIE_PATH,
        httponly=True,
        secure=resources.settings.cookie_secure,
        samesite="strict",
    )
    return tokens


@router.post("/register", status_code=status.HTTP_201_CREATED, operation_id="auth-register")
async def register(
    body: RegisterRequest, request: Request, session: SessionDep, resources: ResourcesDep
) -> MeRead:
    return await service.register(session, resources, body, ClientInfo.of(request))


@router.post("/password/strength", operation_id="auth-password-strength")
async def password_strength(body: PasswordStrengthRequest) -> PasswordStrength:
    return service.password_strength(body.password, body.email, body.display_name)


@router.post("/login", operation_id="auth-login")
async def login(
    body: LoginRequest,
    request: Request,
    response: Response,
    session: SessionDep,
    resources: ResourcesDep,
) -> TokenPair | MfaChallenge:
    outcome = await service.login(
        session, resources, body.email, body.password, ClientInfo.of(request)
    )
    if isinstance(outcome, TokenPair):
        return _with_cookie(response, outcome, resources)
    return outcome


@router.post("/login/mfa", operation_id="auth-login-mfa")
async def login_mfa(
    body: MfaLoginRequest,
    request: Request,
    response: Response,
    session: SessionDep,
    resources: ResourcesDep,
) -> TokenPair:
    tokens = await service.login_with_code(
        session, resources, body.mfa_token, body.code, ClientInfo.of(request)
    )
    return _with_cookie(response, tokens, resources)


@router.post("/refresh", operation_id="auth-refresh")
async def refresh(
    request: Request,
    response: Response,
    session: SessionDep,
    resources: ResourcesDep,
    body: RefreshRequest | None = None,
    tm_refresh: Annotated[str | None, Cookie()] = None,
) -> TokenPair:
    token = (body.refresh_token if body else None) or tm_refresh
    try:
        if not token:
            raise SessionEnded("Sign in again.")
        tokens = await sessions.rotate(session, resources, token, ClientInfo.of(request))
    except SessionEnded as ended:
        ended.headers = {**(ended.headers or {}), "set-cookie": _expired_cookie()}
        raise
    return _with_cookie(response, tokens, resources)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, operation_id="auth-logout")
async def logout(
    principal: OptionalPrincipal,
    response: Response,
    session: SessionDep,
    resources: ResourcesDep,
    tm_refresh: Annotated[str | None, Cookie()] = None,
) -> None:
    await service.logout(session, resources, principal, tm_refresh)
    clear_refresh_cookie(response)


@router.get("/sessions", operation_id="auth-list-sessions")
async def list_sessions(principal: CurrentPrincipal, session: SessionDep) -> SessionList:
    found = await service.list_sessions(session, principal)
    items = [
        SessionRead.model_validate(s).model_copy(update={"current": s.id == principal.session_id})
        for s in found
    ]
    return SessionList(items=items)


@router.delete(
    "/sessions/{session_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="auth-revoke-session",
)
async def revoke_session(
    session_id: uuid.UUID,
    principal: CurrentPrincipal,
    request: Request,
    session: SessionDep,
    resources: ResourcesDep,
) -> None:
    await service.revoke_session(session, resources, principal, session_id, ClientInfo.of(request))


@router.get("/activity", operation_id="auth-activity")
async def list_activity(principal: CurrentPrincipal, session: SessionDep) -> ActivityList:
    found = await activity.recent(session, principal.user_id)
    return ActivityList(items=[ActivityRead.model_validate(a) for a in found])


@router.post(
    "/password/change", status_code=status.HTTP_204_NO_CONTENT, operation_id="auth-change-password"
)
async def change_password(
    body: ChangePasswordRequest,
    principal: CurrentPrincipal,
    request: Request,
    session: SessionDep,
    resources: ResourcesDep,
) -> None:
    await service.change_password(
        session,
        resources,
        principal,
        current_password=body.current_password,
        new_password=body.new_password,
        code=body.code,
        client=ClientInfo.of(request),
    )


@router.post(
    "/password/forgot", status_code=status.HTTP_202_ACCEPTED, operation_id="auth-forgot-password"
)
async def forgot_password(
    body: ForgotPasswordRequest, request: Request, session: SessionDep, resources: ResourcesDep
) -> None:
    await service.forgot_password(session, resources, body.email, ClientInfo.of(request))


@router.post(
    "/password/reset", status_code=status.HTTP_204_NO_CONTENT, operation_id="auth-reset-password"
)
async def reset_password(
    body: ResetPasswordRequest, request: Request, session: SessionDep, resources: ResourcesDep
) -> None:
    await service.reset_password(
        session, resources, body.token, body.password, ClientInfo.of(request)
    )


@router.post(
    "/email/verify", status_code=status.HTTP_204_NO_CONTENT, operation_id="auth-verify-email"
)
async def verify_email(body: VerifyEmailRequest, request: Request, session: SessionDep) -> None:
    await service.verify_email(session, body.token, ClientInfo.of(request))


@router.post(
    "/email/verify/resend",
    status_code=status.HTTP_202_ACCEPTED,
    operation_id="auth-resend-verification",
)
async def resend_verification(
    principal: CurrentPrincipal, request: Request, session: SessionDep, resources: ResourcesDep
) -> None:
    await service.resend_verification(session, resources, principal, ClientInfo.of(request))


@router.post("/mfa/totp/setup", operation_id="auth-totp-setup")
async def totp_setup(principal: CurrentPrincipal, session: SessionDep) -> TotpSetup:
    return await service.begin_totp_setup(session, principal)


@router.post("/mfa/totp/confirm", operation_id="auth-totp-confirm")
async def totp_confirm(
    body: TotpConfirmRequest,
    principal: CurrentPrincipal,
    request: Request,
    session: SessionDep,
    resources: ResourcesDep,
) -> RecoveryCodes:
    codes = await service.confirm_totp(
        session, resources, principal, body.code, ClientInfo.of(request)
    )
    return RecoveryCodes(recovery_codes=codes)


@router.post(
    "/mfa/totp/disable", status_code=status.HTTP_204_NO_CONTENT, operation_id="auth-totp-disable"
)
async def totp_disable(
    body: StepUpRequest,
    principal: CurrentPrincipal,
    request: Request,
    session: SessionDep,
    resources: ResourcesDep,
) -> None:
    await service.disable_totp(
        session,
        resources,
        principal,
        code=body.code,
        password=body.password,
        client=ClientInfo.of(request),
    )


@router.get("/jwks.json", operation_id="auth-jwks")
async def jwks(resources: ResourcesDep) -> Jwks:
    return Jwks.model_validate(resources.access_tokens.keys.jwks())


OAUTH_STATE_COOKIE = "tm_oauth_state"
OAUTH_COOKIE_PATH = "/api/v1/auth/oauth"


@router.get("/oauth/providers", operation_id="auth-oauth-providers")
async def oauth_providers(resources: ResourcesDep) -> OAuthProviderList:
    found = configured_providers(resources.settings).values()
    return OAuthProviderList(items=[OAuthProviderRead(name=p.name, label=p.label) for p in found])


@router.get("/oauth/{provider}/start", operation_id="auth-oauth-start")
async def oauth_start(
    provider: str, resources: ResourcesDep, next: Annotated[str | None, Query()] = None
) -> RedirectResponse:
    url, state = await social_sign_in.begin(resources, provider, next)
    response = RedirectResponse(url, status_code=status.HTTP_302_FOUND)
    # Lax, not Strict: the provider sends the browser back with a top-level GET.
    response.set_cookie(
        OAUTH_STATE_COOKIE,
        state,
        max_age=social_sign_in.STATE_TTL_SECONDS,
        path=OAUTH_COOKIE_PATH,
        httponly=True,
        secure=resources.settings.cookie_secure,
        samesite="lax",
    )
    return response


@router.get("/oauth/{provider}/callback", operation_id="auth-oauth-callback")
async def oauth_callback(
    provider: str,
    request: Request,
    session: WriteSessionDep,
    resources: ResourcesDep,
    code: Annotated[str | None, Query(max_length=2048)] = None,
    state: Annotated[str | None, Query(max_length=256)] = None,
    tm_oauth_state: Annotated[str | None, Cookie()] = None,
) -> RedirectResponse:
    try:
        outcome = await social_sign_in.finish(
            session,
            resources,
            provider,
            code=code,
            state=state,
            browser_state=tm_oauth_state,
            client_info=ClientInfo.of(request),
        )
    except social_sign_in.SocialSignInFailed as failed:
        response = RedirectResponse(
            "/sign-in?" + urlencode({"error": str(failed)}), status_code=status.HTTP_302_FOUND
        )
    else:
        if outcome.mfa_token:
            query = urlencode({"mfa_token": outcome.mfa_token, "next": outcome.next_path})
            response = RedirectResponse(f"/sign-in?{query}", status_code=status.HTTP_302_FOUND)
        else:
            response = RedirectResponse(outcome.next_path, status_code=status.HTTP_302_FOUND)
            assert outcome.tokens is not None
            _with_cookie(response, outcome.tokens, resources)
    response.delete_cookie(OAUTH_STATE_COOKIE, path=OAUTH_COOKIE_PATH)
    return response
