"""The social sign-in providers TechMarket knows, and how to read who someone is at each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from authlib.integrations.httpx_client import AsyncOAuth2Client

from techmarket.config import Settings


@dataclass(frozen=True)
class VerifiedIdentity:
    subject: str
    email: str
    display_name: str


class IdentityNotUsable(Exception):
    """The provider vouched for no verified email address."""


@dataclass(frozen=True)
class OAuthProvider:
    name: str
    label: str
    authorize_url: str
    token_url: str
    userinfo_url: str
    scope: str
    client_id: str
    client_secret: str

    def client(self, redirect_uri: str) -> AsyncOAuth2Client:
        return AsyncOAuth2Client(
            client_id=self.client_id,
            client_secret=self.client_secret,
            scope=self.scope,
            redirect_uri=redirect_uri,
            code_challenge_method="S256",
            timeout=10,
        )

    async def identity(self, client: AsyncOAuth2Client) -> VerifiedIdentity:
        response = await client.get(self.userinfo_url)
        response.raise_for_status()
        profile: dict[str, Any] = response.json()
        if self.name == "github":
            return await _github_identity(client, profile)
        if not profile.get("email") or profile.get("email_verified") is not True:
            raise IdentityNotUsable("Google did not confirm an email address for this account.")
        return VerifiedIdentity(
            subject=str(profile["sub"]),
            email=str(profile["email"]),
            display_name=str(profile.get("name") or profile["email"].split("@")[0]),
        )


async def _github_identity(client: AsyncOAuth2Client, profile: dict[str, Any]) -> VerifiedIdentity:
    # GitHub's /user email may be unverified or hidden: only a verified primary address counts.
    response = await client.get("https://api.github.com/user/emails")
    response.raise_for_status()
    primary = next((e for e in response.json() if e.get("primary") and e.get("verified")), None)
    if primary is None:
        raise IdentityNotUsable("GitHub has no verified primary email address for this account.")
    return VerifiedIdentity(
        subject=str(profile["id"]),
        email=str(primary["email"]),
        display_name=str(profile.get("name") or profile.get("login") or "GitHub user"),
    )


def configured_providers(settings: Settings) -> dict[str, OAuthProvider]:
    providers: dict[str, OAuthProvider] = {}
    if settings.oauth_google_client_id and settings.oauth_google_client_secret:
        providers["google"] = OAuthProvider(
            name="google",
            label="Google",
            authorize_url="https://accounts.google.com/o/oauth2/v2/auth",
            token_url="https://oauth2.googleapis.com/token",  # noqa: S106 - a URL
            userinfo_url="https://openidconnect.googleapis.com/v1/userinfo",
            scope="openid email profile",
            client_id=settings.oauth_google_client_id,
            client_secret=settings.oauth_google_client_secret.get_secret_value(),
        )
    if settings.oauth_github_client_id and settings.oauth_github_client_secret:
        providers["github"] = OAuthProvider(
            name="github",
            label="GitHub",
            authorize_url="https://github.com/login/oauth/authorize",
            token_url="https://github.com/login/oauth/access_token",  # noqa: S106 - a URL
            userinfo_url="https://api.github.com/user",
            scope="read:user user:email",
            client_id=settings.oauth_github_client_id,
            client_secret=settings.oauth_github_client_secret.get_secret_value(),
        )
    return providers
