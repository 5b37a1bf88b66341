"""Saved payment methods: the processor's token and what may be shown of the card."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.errors import InvalidInput, NotFound
from techmarket.services.payments.models import PaymentMethod
from techmarket.services.payments.providers.base import PaymentProvider
from techmarket.services.payments.schemas import PaymentMethodCreate

MAX_METHODS = 10


class MethodNotFound(NotFound):
    code, title = "payment-method-not-found", "Payment method not found"


class WrongProvider(InvalidInput):
    code, title = "wrong-payment-provider", "This processor is not in use"


class TooManyMethods(InvalidInput):
    code, title = "too-many-payment-methods", "Too many saved cards"


async def save(
    session: AsyncSession, provider: PaymentProvider, user_id: uuid.UUID, body: PaymentMethodCreate
) -> PaymentMethod:
    if body.provider != provider.name:
        raise WrongProvider(
            f"Cards are taken by the {provider.name} processor here.",
            errors=[{"field": "provider", "in": "body", "message": f"use {provider.name}"}],
        )
    existing = await list_for(session, user_id)
    if len(existing) >= MAX_METHODS:
        raise TooManyMethods(f"Keep at most {MAX_METHODS} cards; remove one first.")
    card = await provider.describe_token(body.token)
    same = next((m for m in existing if m.fingerprint == card.fingerprint), None)
    if same is not None:
        same.token = body.token  # the newest token of a card saved before
        same.exp_month, same.exp_year = card.exp_month, card.exp_year
        await session.flush()
        return same
    method = PaymentMethod(
        user_id=user_id,
        provider=provider.name,
        token=body.token,
        brand=card.brand,
        last4=card.last4,
        exp_month=card.exp_month,
        exp_year=card.exp_year,
        fingerprint=card.fingerprint,
    )
    session.add(method)
    await session.flush()
    return method


async def list_for(session: AsyncSession, user_id: uuid.UUID) -> Sequence[PaymentMethod]:
    rows = await session.scalars(
        select(PaymentMethod)
        .where(PaymentMethod.user_id == user_id)
        .order_by(PaymentMethod.created_at.desc())
    )
    return rows.all()


async def owned(session: AsyncSession, user_id: uuid.UUID, method_id: uuid.UUID) -> PaymentMethod:
    method = await session.get(PaymentMethod, method_id)
    if method is None or method.user_id != user_id:
        raise MethodNotFound(
            f"You have no payment method {method_id}.",
            errors=[{"field": "payment_method_id", "in": "body", "message": "not yours"}],
        )
    return method


async def remove(session: AsyncSession, user_id: uuid.UUID, method_id: uuid.UUID) -> None:
    await session.delete(await owned(session, user_id, method_id))
    await session.flush()
