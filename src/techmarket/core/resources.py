"""The long-lived things a running TechMarket holds: database, cache, storage, keys."""

from __future__ import annotations

from dataclasses import dataclass

from techmarket.config import Settings
from techmarket.core.cache import Cache, create_cache
from techmarket.core.db import Database
from techmarket.core.live import LiveChannels, create_live_channels
from techmarket.core.mail import Mailer, OutboxMailer, SmtpMailer
from techmarket.core.secret_keys import SecretKeys, load_secret_keys
from techmarket.core.security.field_crypto import FieldCipher, install_field_cipher, parse_key_ring
from techmarket.core.security.passwords import PasswordHasher
from techmarket.core.security.rate_limits import AttemptCounter
from techmarket.core.security.tokens import AccessTokens, TokenKeys
from techmarket.core.storage import FileStorage, LocalFileStorage


@dataclass
class Resources:
    settings: Settings
    db: Database
    cache: Cache
    storage: FileStorage
    keys: SecretKeys
    passwords: PasswordHasher
    access_tokens: AccessTokens
    attempts: AttemptCounter
    mailer: Mailer
    live: LiveChannels

    async def close(self) -> None:
        await self.live.close()
        await self.cache.close()
        await self.db.dispose()


async def open_resources(settings: Settings) -> Resources:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    keys = load_secret_keys(
        settings.secrets_dir,
        signing_key_pem=settings.signing_key_pem,
        encryption_key=settings.encryption_key,
        password_pepper=settings.password_pepper,
    )
    ring = (
        settings.field_encryption_keys.get_secret_value()
        if settings.field_encryption_keys
        else "k0:" + keys.encryption_key.decode()
    )
    install_field_cipher(FieldCipher(*parse_key_ring(ring)))
    return Resources(
        settings=settings,
        db=Database(
            settings.effective_database_url,
            pool_size=settings.database_pool_size,
            max_overflow=settings.database_max_overflow,
            echo=settings.database_echo,
        ),
        cache=await create_cache(
            settings.redis_url,
            max_bytes=settings.cache_max_bytes,
            set_lfu_policy=settings.redis_set_lfu_policy,
        ),
        storage=LocalFileStorage(settings.media_dir),
        keys=keys,
        passwords=PasswordHasher(keys.password_pepper),
        access_tokens=AccessTokens(
            TokenKeys(
                keys.signing_key_pem,
                [pem.encode() for pem in settings.previous_signing_public_keys_pem],
            ),
            issuer=settings.jwt_issuer,
            audience=settings.jwt_audience,
            ttl_seconds=settings.access_token_ttl_seconds,
        ),
        attempts=AttemptCounter(settings.redis_url),
        mailer=create_mailer(settings),
        live=create_live_channels(settings.redis_url),
    )


def create_mailer(settings: Settings) -> Mailer:
    if not settings.smtp_host:
        return OutboxMailer(settings.outbox_dir, sender=settings.mail_sender)
    return SmtpMailer(
        host=settings.smtp_host,
        port=settings.smtp_port,
        sender=settings.mail_sender,
        username=settings.smtp_username,
        password=settings.smtp_password.get_secret_value() if settings.smtp_password else None,
        security=settings.smtp_security,
    )
