"""The sandbox processor's rules: tokenize, authorize, capture, cancel, refund, transfer, 3DS.

Each function works inside the caller's transaction (write transactions take SQLite's write lock
at BEGIN, so a read-check-write never interleaves with another worker's). A state change records
its webhook event in the same transaction; the processor sends it once the transaction commits.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Final, Literal

import orjson
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.services.payments.providers import base as provider_base
from techmarket.services.payments.sandbox_processor import cards, errors, models, schemas

EVENTS_RECORDED: Final = "sandbox_payments_events"
"""`session.info` key listing the ids of events recorded in the transaction."""

AUTHENTICATION_FAILED: Final = "authentication_failed"


def new_id(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex}"


# Cards.


async def tokenize(
    session: AsyncSession, card: schemas.CardCreate, *, fingerprint_key: bytes, now: dt.datetime
) -> models.CardToken:
    problems = cards.card_problems(
        card.number, card.exp_month, card.exp_year, card.cvc, today=now.date()
    )
    if problems:
        raise errors.InvalidCard(
            "; ".join(f"{problem.field}: {problem.message}" for problem in problems),
            errors=[
                {"field": p.field, "in": "body", "message": p.message, "code": p.code}
                for p in problems
            ],
        )
    digits = cards.normalise_number(card.number)
    token = models.CardToken(
        id=new_id("tok"),
        brand=cards.brand_of(digits),
        last4=digits[-4:],
        exp_month=card.exp_month,
        exp_year=cards.full_year(card.exp_year),
        fingerprint=cards.fingerprint(digits, fingerprint_key),
        behaviour=cards.behaviour_of(digits),
        created_at=now,
    )
    session.add(token)
    return token


async def get_token(session: AsyncSession, token_id: str) -> models.CardToken:
    token = await session.get(models.CardToken, token_id)
    if token is None:
        raise errors.TokenNotFound(f"No card token {token_id}.")
    return token


def token_read(token: models.CardToken) -> schemas.TokenRead:
    return schemas.TokenRead(
        token=token.id,
        brand=token.brand,
        last4=token.last4,
        exp_month=token.exp_month,
        exp_year=token.exp_year,
    )


def token_details(token: models.CardToken) -> schemas.TokenDetails:
    return schemas.TokenDetails(
        **token_read(token).model_dump(), fingerprint=token.fingerprint, created=token.created_at
    )


# Authorizations.


async def authorize(
    session: AsyncSession,
    request: schemas.AuthorizationCreate,
    *,
    public_url: str,
    now: dt.datetime,
) -> schemas.AuthorizationRead:
    token = await get_token(session, request.token)
    authorization = models.Authorization(
        id=new_id("auth"),
        token_id=token.id,
        amount=request.amount,
        currency=request.currency,
        status="authorized",
        amount_captured=0,
        amount_refunded=0,
        return_url=str(request.return_url) if request.return_url else None,
        details=dict(request.metadata),
        created_at=now,
        updated_at=now,
    )
    if cards.is_expired(token.exp_month, token.exp_year, today=now.date()):
        _decline(authorization, "expired_card")
    elif token.behaviour == cards.CHALLENGE:
        authorization.status = "requires_action"
        authorization.challenge_id = new_id("chl")
    elif token.behaviour != cards.APPROVE:
        _decline(authorization, token.behaviour)
    elif request.capture:
        authorization.status = "captured"
        authorization.amount_captured = request.amount
    session.add(authorization)
    await session.flush()
    read = authorization_read(authorization, token, public_url)
    if authorization.status == "authorized":
        record_event(session, provider_base.PAYMENT_AUTHORIZED, read, now=now)
    elif authorization.status == "captured":
        record_event(session, provider_base.PAYMENT_CAPTURED, read, now=now)
    elif authorization.status == "declined":
        record_event(session, provider_base.PAYMENT_FAILED, read, now=now)
    return read


def _decline(authorization: models.Authorization, reason: str) -> None:
    authorization.status = "declined"
    authorization.decline_reason = reason


async def get_authorization(
    session: AsyncSession, authorization_id: str, *, public_url: str
) -> schemas.AuthorizationRead:
    authorization = await _authorization(session, authorization_id, lock=False)
    token = await get_token(session, authorization.token_id)
    return authorization_read(authorization, token, public_url)


async def capture(
    session: AsyncSession,
    authorization_id: str,
    amount: int | None,
    *,
    public_url: str,
    now: dt.datetime,
) -> schemas.AuthorizationRead:
    authorization = await _authorization(session, authorization_id, lock=True)
    if authorization.status != "authorized":
        raise errors.UnexpectedState(
            f"Only an authorized payment can be captured; this one is {authorization.status}."
        )
    wanted = authorization.amount if amount is None else amount
    if wanted > authorization.amount:
        raise errors.AmountExceedsAuthorized(
            f"Capturing {wanted} is more than the {authorization.amount} authorized.",
            errors=[_amount_error("at most the authorized amount", "amount_too_large")],
        )
    authorization.amount_captured = wanted
    authorization.status = "captured"
    authorization.updated_at = now
    return await _changed(session, authorization, provider_base.PAYMENT_CAPTURED, public_url, now)


async def cancel(
    session: AsyncSession, authorization_id: str, *, public_url: str, now: dt.datetime
) -> schemas.AuthorizationRead:
    authorization = await _authorization(session, authorization_id, lock=True)
    if authorization.status not in ("authorized", "requires_action"):
        raise errors.UnexpectedState(
            f"Only an authorization not yet captured can be cancelled; this one is "
            f"{authorization.status}."
        )
    authorization.status = "cancelled"
    authorization.updated_at = now
    return await _changed(session, authorization, provider_base.PAYMENT_CANCELLED, public_url, now)


async def finish_challenge(
    session: AsyncSession,
    challenge_id: str,
    outcome: Literal["complete", "fail"],
    *,
    public_url: str,
    now: dt.datetime,
) -> schemas.AuthorizationRead:
    """The buyer's answer to 3-D Secure. Only the first answer counts; a second submit of the
    page (a double click, the back button) changes nothing."""
    authorization = await challenged_authorization(session, challenge_id, lock=True)
    if authorization.status != "requires_action":
        token = await get_token(session, authorization.token_id)
        return authorization_read(authorization, token, public_url)
    authorization.updated_at = now
    if outcome == "complete":
        authorization.status = "authorized"
        event = provider_base.PAYMENT_AUTHORIZED
    else:
        _decline(authorization, AUTHENTICATION_FAILED)
        event = provider_base.PAYMENT_FAILED
    return await _changed(session, authorization, event, public_url, now)


async def challenged_authorization(
    session: AsyncSession, challenge_id: str, *, lock: bool
) -> models.Authorization:
    query = select(models.Authorization).where(models.Authorization.challenge_id == challenge_id)
    if lock:
        query = query.with_for_update()
    authorization = (await session.execute(query)).scalar_one_or_none()
    if authorization is None:
        raise errors.ChallengeNotFound("This authentication page does not exist.")
    return authorization


async def _authorization(
    session: AsyncSession, authorization_id: str, *, lock: bool
) -> models.Authorization:
    authorization = await session.get(models.Authorization, authorization_id, with_for_update=lock)
    if authorization is None:
        raise errors.AuthorizationNotFound(f"No authorization {authorization_id}.")
    return authorization


async def _changed(
    session: AsyncSession,
    authorization: models.Authorization,
    event_type: str,
    public_url: str,
    now: dt.datetime,
    **extra: Any,
) -> schemas.AuthorizationRead:
    token = await get_token(session, authorization.token_id)
    read = authorization_read(authorization, token, public_url)
    record_event(session, event_type, read, now=now, **extra)
    return read


def authorization_read(
    authorization: models.Authorization, token: models.CardToken, public_url: str
) -> schemas.AuthorizationRead:
    action_url = (
        f"{public_url}/challenge/{authorization.challenge_id}"
        if authorization.status == "requires_action" and authorization.challenge_id
        else None
    )
    return schemas.AuthorizationRead(
        id=authorization.id,
        status=authorization.status,
        amount=authorization.amount,
        currency=authorization.currency,
        amount_captured=authorization.amount_captured,
        amount_refunded=authorization.amount_refunded,
        token=token.id,
        card=schemas.CardSummary(brand=token.brand, last4=token.last4),
        decline_reason=authorization.decline_reason,
        action_url=action_url,
        return_url=authorization.return_url,
        metadata=authorization.details,
        created=authorization.created_at,
    )


# Refunds.


async def refund(
    session: AsyncSession, request: schemas.RefundCreate, *, public_url: str, now: dt.datetime
) -> schemas.RefundRead:
    authorization = await _authorization(session, request.authorization_id, lock=True)
    if authorization.status not in ("captured", "refunded"):
        raise errors.UnexpectedState(
            f"Only a captured payment can be refunded; this one is {authorization.status}."
        )
    left = authorization.amount_captured - authorization.amount_refunded
    wanted = left if request.amount is None else request.amount
    if wanted > left or wanted == 0:
        raise errors.RefundExceedsCaptured(
            f"Refunding {wanted} is more than the {left} left of {authorization.amount_captured} "
            "captured.",
            errors=[
                _amount_error("at most what was captured and not yet refunded", "amount_too_large")
            ],
        )
    row = models.Refund(
        id=new_id("re"),
        authorization_id=authorization.id,
        amount=wanted,
        currency=authorization.currency,
        status="succeeded",
        details=dict(request.metadata),
        created_at=now,
    )
    session.add(row)
    authorization.amount_refunded += wanted
    if authorization.amount_refunded == authorization.amount_captured:
        authorization.status = "refunded"
    authorization.updated_at = now
    read = refund_read(row)
    await _changed(
        session,
        authorization,
        provider_base.PAYMENT_REFUNDED,
        public_url,
        now,
        refund=read.model_dump(mode="json"),
    )
    return read


async def get_refund(session: AsyncSession, refund_id: str) -> schemas.RefundRead:
    row = await session.get(models.Refund, refund_id)
    if row is None:
        raise errors.RefundNotFound(f"No refund {refund_id}.")
    return refund_read(row)


def refund_read(row: models.Refund) -> schemas.RefundRead:
    return schemas.RefundRead(
        id=row.id,
        authorization_id=row.authorization_id,
        amount=row.amount,
        currency=row.currency,
        status="succeeded",
        metadata=row.details,
        created=row.created_at,
    )


# Transfers.


async def transfer(
    session: AsyncSession, request: schemas.TransferCreate, *, now: dt.datetime
) -> schemas.TransferRead:
    available = await platform_balance(session, request.currency)
    if request.amount > available:
        raise errors.BalanceInsufficient(
            f"The platform's available {request.currency} balance is {available}; a transfer "
            f"of {request.amount} needs more captured payments first."
        )
    row = models.Transfer(
        id=new_id("tr"),
        amount=request.amount,
        currency=request.currency,
        destination=request.destination,
        status="paid",
        details=dict(request.metadata),
        created_at=now,
    )
    session.add(row)
    read = transfer_read(row)
    record_event(session, provider_base.TRANSFER_PAID, read, now=now)
    return read


async def platform_balance(session: AsyncSession, currency: str) -> int:
    """Captured minus refunded minus transferred, in one currency."""
    kept = await session.scalar(
        select(
            func.coalesce(
                func.sum(
                    models.Authorization.amount_captured - models.Authorization.amount_refunded
                ),
                0,
            )
        ).where(models.Authorization.currency == currency)
    )
    sent = await session.scalar(
        select(func.coalesce(func.sum(models.Transfer.amount), 0)).where(
            models.Transfer.currency == currency
        )
    )
    return int(kept or 0) - int(sent or 0)


async def get_transfer(session: AsyncSession, transfer_id: str) -> schemas.TransferRead:
    row = await session.get(models.Transfer, transfer_id)
    if row is None:
        raise errors.TransferNotFound(f"No transfer {transfer_id}.")
    return transfer_read(row)


def transfer_read(row: models.Transfer) -> schemas.TransferRead:
    return schemas.TransferRead(
        id=row.id,
        amount=row.amount,
        currency=row.currency,
        destination=row.destination,
        status="paid",
        metadata=row.details,
        created=row.created_at,
    )


# Events.


def record_event(
    session: AsyncSession,
    event_type: str,
    subject: schemas.AuthorizationRead | schemas.TransferRead,
    *,
    now: dt.datetime,
    **extra: Any,
) -> str:
    """Store the event in this transaction; it is sent after the commit."""
    event = schemas.EventRead(
        id=new_id("evt"),
        type=event_type,
        created=now,
        data={"object": subject.model_dump(mode="json"), **extra},
    )
    session.add(
        models.Event(
            id=event.id,
            type=event_type,
            object_id=subject.id,
            body=orjson.dumps(event.model_dump(mode="json")).decode(),
            created_at=now,
            attempts=0,
        )
    )
    session.info.setdefault(EVENTS_RECORDED, []).append(event.id)
    return event.id


def _amount_error(message: str, code: str) -> dict[str, str]:
    return {"field": "amount", "in": "body", "message": message, "code": code}
