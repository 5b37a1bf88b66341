"""The long-lived things a running TechMarket holds: database, cache, storage, keys."""

from __future__ import annotations

from dataclasses import dataclass

from techmarket.config import Settings
from techmarket.core.cache import Cache, create_cache
from techmarket.core.db import Database
from techmarket.core.secret_keys import SecretKeys, load_secret_keys
from techmarket.core.security.passwords import PasswordHasher
from techmarket.core.storage import FileStorage, LocalFileStorage


@dataclass
class Resources:
    settings: Settings
    db: Database
    cache: Cache
    storage: FileStorage
    keys: SecretKeys
    passwords: PasswordHasher

    async def close(self) -> None:
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
    )
