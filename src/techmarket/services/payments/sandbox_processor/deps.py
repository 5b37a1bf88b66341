"""Typed dependencies of the sandbox processor's routes."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Header, Request

from techmarket.services.payments.sandbox_processor.errors import InvalidApiKey
from techmarket.services.payments.sandbox_processor.processor import SandboxProcessor


async def get_processor(request: Request) -> SandboxProcessor:
    processor: SandboxProcessor = request.app.state.processor
    await processor.start()
    return processor


ProcessorDep = Annotated[SandboxProcessor, Depends(get_processor)]


async def require_api_key(request: Request, processor: ProcessorDep) -> None:
    """Server-to-server calls carry the secret key: `Authorization: Bearer <key>`."""
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    expected = processor.config.api_key
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), expected.encode()
    ):
        raise InvalidApiKey(
            "Send the sandbox's secret API key as `Authorization: Bearer <key>`.",
            headers={"www-authenticate": "Bearer"},
        )


ServerCaller = Depends(require_api_key)

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=255,
        description="A retry with the same key returns the first answer and changes nothing.",
    ),
]
