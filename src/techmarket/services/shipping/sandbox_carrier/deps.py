"""Typed dependencies of the sandbox carrier's routes."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request

from techmarket.core.errors import Unauthorized
from techmarket.services.shipping.sandbox_carrier.simulator import CarrierSimulator


class InvalidApiKey(Unauthorized):
    code, title = "invalid-api-key", "A valid secret API key is required"


async def get_simulator(request: Request) -> CarrierSimulator:
    simulator: CarrierSimulator = request.app.state.simulator
    await simulator.start()
    return simulator


SimulatorDep = Annotated[CarrierSimulator, Depends(get_simulator)]


async def require_api_key(request: Request, simulator: SimulatorDep) -> None:
    """Server-to-server calls carry the secret key: `Authorization: Bearer <key>`."""
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), simulator.config.api_key.encode()
    ):
        raise InvalidApiKey(
            "Send the sandbox carrier's secret API key as `Authorization: Bearer <key>`.",
            headers={"www-authenticate": "Bearer"},
        )


ServerCaller = Depends(require_api_key)
