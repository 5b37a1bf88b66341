"""A sandbox carrier that takes 50 ms per step for the parcels a test makes (the session's app
keeps its slow clock for everyone else's)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI

from techmarket.services.shipping.sandbox_carrier.simulator import CarrierSimulator
from tests.services.shipping.journey import simulator

FAST_STEP_SECONDS = 0.05


@pytest.fixture
def fast_carrier(app: FastAPI) -> Iterator[CarrierSimulator]:
    carrier = simulator(app)
    before = carrier.step_seconds
    carrier.step_seconds = FAST_STEP_SECONDS
    try:
        yield carrier
    finally:
        carrier.step_seconds = before
