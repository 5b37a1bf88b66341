"""Wire shapes of the users service."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Annotated, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    HttpUrl,
    StringConstraints,
    field_validator,
    model_validator,
)

from techmarket.services.users.models import ContactKind, Role, SocialNetwork


class PublicProfileRead(BaseModel):
    """What anyone may see of a user: never the email or phone."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    display_name: str
    member_since: dt.datetime
    dealer_id: uuid.UUID | None = None


class DealerRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    user_id: uuid.UUID
    store_name: str
    description: str
    city: str | None
    country: str | None
    created_at: dt.datetime


class MeRead(BaseModel):
    """The signed-in user's own view of their account."""

    id: uuid.UUID
    email: str
    display_name: str
    email_verified: bool
    roles: list[Role]
    mfa_enabled: bool
    dealer_id: uuid.UUID | None
    created_at: dt.datetime


class MeUpdate(BaseModel):
    display_name: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)] | None
    ) = None


class DealerCreate(BaseModel):
    store_name: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=2, max_length=80)
    ]
    description: Annotated[str, StringConstraints(max_length=2000)] = ""
    city: Annotated[str, StringConstraints(strip_whitespace=True, max_length=80)] | None = None
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None = None


PostalCode = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=16)]
EMAIL_SHAPE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
CountryCode = Annotated[str, StringConstraints(to_upper=True, pattern=r"^[A-Za-z]{2}$")]
PhoneNumber = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^\+?[0-9][0-9 ()\-]{5,24}$")
]


class AddressCreate(BaseModel):
    name: Line
    line1: Line
    line2: Line | None = None
    city: Line
    region: Line | None = None
    postal_code: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=2, max_length=16)
    ]
    country: CountryCode = Field(description="ISO 3166-1 alpha-2")
    phone: PhoneNumber | None = None
    is_default: bool = False


def _not_null(value: object) -> object:
    if value is None:
        raise ValueError("may be left out, but not set to null")
    return value


class AddressUpdate(BaseModel):
    name: Line | None = None
    line1: Line | None = None
    line2: Line | None = None
    city: Line | None = None
    region: Line | None = None
    postal_code: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=16)] | None
    ) = None
    country: CountryCode | None = None
    phone: PhoneNumber | None = None
    is_default: bool | None = None

    _required_stay_set = field_validator(
        "name", "line1", "city", "postal_code", "country", "is_default", mode="before"
    )(_not_null)


class AddressRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    line1: str
    line2: str | None
    city: str
    region: str | None
    postal_code: str
    country: str
    phone: str | None
    is_default: bool
    created_at: dt.datetime


class ContactCreate(BaseModel):
    kind: ContactKind
    value: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=120)]

    @model_validator(mode="after")
    def _value_fits_kind(self) -> Self:
        if self.kind in {ContactKind.PHONE, ContactKind.WHATSAPP, ContactKind.SIGNAL}:
            if not re.fullmatch(r"\+?[0-9][0-9 ()\-]{5,24}", self.value):
                raise ValueError(f"a {self.kind.value} contact must be a phone number")
        elif self.kind is ContactKind.TELEGRAM:
            if not re.fullmatch(r"@?[A-Za-z0-9_]{5,32}", self.value):
                raise ValueError("a Telegram contact is a user name of 5 to 32 letters or digits")
        elif self.kind is ContactKind.EMAIL and not re.fullmatch(
            r"[^@\s]+@[^@\s]+\.[^@\s]+", self.value
        ):
            raise ValueError("an email contact must be an email address")
        return self


class ContactRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: ContactKind
    value: str
    created_at: dt.datetime


SOCIAL_HOSTS: dict[SocialNetwork, frozenset[str]] = {
    SocialNetwork.GITHUB: frozenset({"github.com"}),
    SocialNetwork.GITLAB: frozenset({"gitlab.com"}),
    SocialNetwork.LINKEDIN: frozenset({"linkedin.com", "www.linkedin.com"}),
    SocialNetwork.X: frozenset({"x.com", "twitter.com"}),
    SocialNetwork.YOUTUBE: frozenset({"youtube.com", "www.youtube.com"}),
    SocialNetwork.INSTAGRAM: frozenset({"instagram.com", "www.instagram.com"}),
    SocialNetwork.FACEBOOK: frozenset({"facebook.com", "www.facebook.com"}),
}


class SocialLinkCreate(BaseModel):
    network: SocialNetwork
    url: HttpUrl

    @model_validator(mode="after")
    def _url_belongs_to_network(self) -> Self:
        if self.url.scheme != "https":
            raise ValueError("links must use https")
        host = (self.url.host or "").lower()
        path = self.url.path or "/"
        if self.network is SocialNetwork.MASTODON:
            # Mastodon lives on many servers; a profile path looks like /@name.
            if not re.fullmatch(r"/@[A-Za-z0-9_]{1,30}/?", path):
                raise ValueError("a Mastodon link looks like https://server/@name")
        elif host not in SOCIAL_HOSTS[self.network]:
            hosts = ", ".join(sorted(SOCIAL_HOSTS[self.network]))
            raise ValueError(f"a {self.network.value} link must be on {hosts}")
        elif path in {"", "/"}:
            raise ValueError("the link must point at a profile, not the site's home page")
        return self


class SocialLinkRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    network: SocialNetwork
    url: str
    created_at: dt.datetime


class AddressList(BaseModel):
    items: list[AddressRead]
    next_cursor: str | None = None


class ContactList(BaseModel):
    items: list[ContactRead]
    next_cursor: str | None = None


class SocialLinkList(BaseModel):
    items: list[SocialLinkRead]
    next_cursor: str | None = None


class EmailChange(BaseModel):
    new_email: EmailStr
    code: Annotated[str, StringConstraints(strip_whitespace=True, max_length=32)] | None = None
    password: Annotated[str, StringConstraints(max_length=1024)] | None = None


class AccountDeletion(BaseModel):
    code: Annotated[str, StringConstraints(strip_whitespace=True, max_length=32)] | None = None
    password: Annotated[str, StringConstraints(max_length=1024)] | None = None
