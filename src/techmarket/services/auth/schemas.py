"""Wire shapes of the auth service."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints

from techmarket.services.auth.models import ActivityKind

# Length rules of passwords are checked by the policy, with reasons; the schema only bounds input.
PasswordInput = Annotated[str, StringConstraints(min_length=1, max_length=1024)]
DisplayName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
Code = Annotated[str, StringConstraints(strip_whitespace=True, min_length=6, max_length=32)]


class RegisterRequest(BaseModel):
    email: EmailStr
    password: PasswordInput
    display_name: DisplayName


class LoginRequest(BaseModel):
    email: Annotated[str, StringConstraints(strip_whitespace=True, max_length=320)]
    password: PasswordInput


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 - the OAuth token type
    expires_in: int


class MfaChallenge(BaseModel):
    mfa_required: Literal[True] = True
    mfa_token: str


class MfaLoginRequest(BaseModel):
    mfa_token: Annotated[str, StringConstraints(max_length=200)]
    code: Code


class RefreshRequest(BaseModel):
    refresh_token: Annotated[str, StringConstraints(max_length=200)] | None = None


class PasswordStrengthRequest(BaseModel):
    password: PasswordInput
    email: Annotated[str, StringConstraints(max_length=320)] | None = None
    display_name: Annotated[str, StringConstraints(max_length=80)] | None = None


class PasswordStrength(BaseModel):
    acceptable: bool
    score: int
    reasons: list[str]
    suggestions: list[str]


class ChangePasswordRequest(BaseModel):
    current_password: PasswordInput
    new_password: PasswordInput
    code: Code | None = None


class ForgotPasswordRequest(BaseModel):
    email: Annotated[str, StringConstraints(strip_whitespace=True, max_length=320)]


class ResetPasswordRequest(BaseModel):
    token: Annotated[str, StringConstraints(max_length=200)]
    password: PasswordInput


class VerifyEmailRequest(BaseModel):
    token: Annotated[str, StringConstraints(max_length=200)]


class TotpSetup(BaseModel):
    secret: str
    otpauth_uri: str


class TotpConfirmRequest(BaseModel):
    code: Code


class RecoveryCodes(BaseModel):
    recovery_codes: list[str]


class StepUpRequest(BaseModel):
    """Proof that the person at the keyboard is the owner: a TOTP code, or the password."""

    code: Code | None = None
    password: PasswordInput | None = None


class SessionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    user_agent: str | None
    ip_address: str | None
    created_at: dt.datetime
    last_seen_at: dt.datetime
    current: bool = False


class SessionList(BaseModel):
    items: list[SessionRead]
    next_cursor: str | None = None


class ActivityRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: ActivityKind
    ip_address: str | None
    user_agent: str | None
    created_at: dt.datetime


class ActivityList(BaseModel):
    items: list[ActivityRead]
    next_cursor: str | None = None


class Jwks(BaseModel):
    keys: list[dict[str, str]] = Field(description="Public keys that sign access tokens")


class OAuthProviderRead(BaseModel):
    name: str
    label: str


class OAuthProviderList(BaseModel):
    items: list[OAuthProviderRead]
