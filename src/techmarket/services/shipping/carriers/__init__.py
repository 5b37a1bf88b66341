"""Carrier adapters behind one Protocol (`base.Carrier`).

`create_carrier(settings)` picks the adapter named by `shipping_carrier`.
"""

from __future__ import annotations

import httpx

from techmarket.config import Settings
from techmarket.services.shipping.carriers.base import Carrier
from techmarket.services.shipping.carriers.sandbox import SandboxCarrierAdapter


def create_carrier(settings: Settings, *, http: httpx.AsyncClient | None = None) -> Carrier:
    """The adapter for `settings.shipping_carrier`; `http` reaches the sandbox (in process
    through ASGI when it is mounted in the same app)."""
    return SandboxCarrierAdapter.from_settings(settings, http=http)


__all__ = ["Carrier", "create_carrier"]
