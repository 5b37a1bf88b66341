"""Disputes: the buyer complains about an order, the seller answers, an admin decides.

Opening a dispute moves the order to `disputed`, which holds its money in escrow: the end of the
inspection window completes only `delivered` orders. The decision moves the money:

- `refund`: what is left of the order's total goes back to the buyer; the order is `refunded`.
- `partial_refund`: `amount` goes back to the buyer, the rest is released to the seller (less
  the platform fee, never more than what is released); the order is `completed`.
- `release`: the escrow goes to the seller; the order is `completed`.

A refund is a call to the processor, made outside any transaction (as `service.cancel` does).
The decision and the order's `refunded_total` are written first, under the dispute's row lock;
the dispute becomes `decided` only once the money has moved. A decision whose refund failed
half-way therefore shows `decision` set but `status` not yet `decided`, and repeating the same
decision finishes it (the refund's reference `dispute:<id>` makes it happen once at the
processor and in the ledger); any other second decision is refused.
"""

from __future__ import annotations

import asyncio
import enum
import uuid

from sqlalchemy import Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from techmarket.core.clock import utcnow
from techmarket.core.errors import Conflict, Forbidden, InvalidInput, NotFound
from techmarket.core.pagination import cut_page, newest_first
from techmarket.core.resources import Resources
from techmarket.core.security.policies import ADMIN, MODERATOR
from techmarket.core.security.principal import Principal
from techmarket.core.storage import FileStorage
from techmarket.services.catalog import client as catalog
from techmarket.services.notifications import client as notifications
from techmarket.services.orders import service, state_machine
from techmarket.services.orders.dispute_schemas import (
    DisputeAnswer,
    DisputeCreate,
    DisputeDecisionCreate,
    DisputePage,
    DisputePhotoRead,
    DisputeRead,
)
from techmarket.services.orders.errors import OrderNotFound
from techmarket.services.orders.models import (
    Checkout,
    Dispute,
    DisputeDecision,
    DisputePhoto,
    DisputeReason,
    DisputeStatus,
    Order,
    OrderStatus,
)
from techmarket.services.payments import client as payments
from techmarket.services.users import client as users

MAX_PHOTOS = 6
MAX_PHOTO_BYTES = 10_000_000
PHOTO_SIZES = ("thumbnail", "full")
"""Of the sizes the catalog's pipeline renders, the ones a dispute shows."""

DISPUTABLE = (OrderStatus.SHIPPED, OrderStatus.DELIVERED)
STAFF_ROLES = (ADMIN, MODERATOR)
_REASON_NOTES = {
    DisputeReason.NOT_RECEIVED: "item not received",
    DisputeReason.NOT_AS_DESCRIBED: "item not as described",
}


class DisputeNotFound(NotFound):
    code, title = "dispute-not-found", "Dispute not found"


class DisputeExists(Conflict):
    code, title = "dispute-exists", "This order already has a dispute"


class NotDisputable(Conflict):
    code, title = "not-disputable", "The order cannot be disputed now"


class DisputeClosed(Conflict):
    code, title = "dispute-decided", "The dispute is already decided"


class AlreadyAnswered(Conflict):
    code, title = "dispute-answered", "The dispute is already answered"


class NotYourPart(Forbidden):
    code, title = "not-your-part", "Someone else does this in a dispute"


class TooManyPhotos(InvalidInput):
    code, title = "too-many-photos", "Too many photos"


class InvalidPhoto(InvalidInput):
    code, title = "invalid-image", "The file is not an image we accept"


class InvalidRefundAmount(InvalidInput):
    code, title = "invalid-refund-amount", "The refund amount does not fit the decision"


class Party(enum.Enum):
    BUYER = "buyer"
    SELLER = "seller"
    STAFF = "staff"


# --- reading -------------------------------------------------------------------------------


def dispute_read(dispute: Dispute, storage: FileStorage) -> DisputeRead:
    return DisputeRead(
        id=dispute.id,
        order_id=dispute.order_id,
        reason=dispute.reason,
        status=dispute.status,
        buyer_statement=dispute.buyer_statement,
        seller_answer=dispute.seller_answer,
        decision=dispute.decision,
        refund_amount=dispute.refund_amount,
        decision_note=dispute.decision_note,
        photos=[
            DisputePhotoRead(
                thumbnail_url=storage.url(f"{photo.storage_prefix}-thumbnail.webp"),
                full_url=storage.url(f"{photo.storage_prefix}-full.webp"),
            )
            for photo in dispute.photos
        ],
        opened_at=dispute.opened_at,
        answered_at=dispute.answered_at,
        decided_at=dispute.decided_at,
    )


async def _store_of(session: AsyncSession, principal: Principal) -> uuid.UUID | None:
    dealer = await users.get_dealer_of_user(session, principal.user_id)
    return dealer.id if dealer else None


async def _party(session: AsyncSession, principal: Principal, dispute: Dispute) -> Party | None:
    """The caller's part in the dispute; None means it is none of their business (404)."""
    if dispute.buyer_id == principal.user_id:
        return Party.BUYER
    if await _store_of(session, principal) == dispute.seller_id:
        return Party.SELLER
    if principal.has_role(*STAFF_ROLES):
        return Party.STAFF
    return None


async def _load(
    session: AsyncSession, dispute_id: uuid.UUID, *, lock: bool = False
) -> Dispute | None:
    query = select(Dispute).where(Dispute.id == dispute_id).options(selectinload(Dispute.photos))
    if lock:
        query = query.with_for_update()
    return await session.scalar(query)


async def _visible(
    session: AsyncSession, principal: Principal, dispute_id: uuid.UUID, *, lock: bool = False
) -> tuple[Dispute, Party]:
    dispute = await _load(session, dispute_id, lock=lock)
    party = None if dispute is None else await _party(session, principal, dispute)
    if dispute is None or party is None:
        raise DisputeNotFound(f"You have no dispute {dispute_id}.")
    return dispute, party


async def get(session: AsyncSession, principal: Principal, dispute_id: uuid.UUID) -> Dispute:
    """The buyer, the seller and staff (admins, moderators) see a dispute; others get a 404."""
    dispute, _ = await _visible(session, principal, dispute_id)
    return dispute


async def page(
    session: AsyncSession,
    storage: FileStorage,
    principal: Principal,
    *,
    status: DisputeStatus | None,
    order_id: uuid.UUID | None,
    cursor: str | None,
    limit: int,
) -> DisputePage:
    """Newest first: the caller's own disputes as buyer or seller; staff see every one."""
    query: Select[Dispute] = select(Dispute).options(selectinload(Dispute.photos))
    if not principal.has_role(*STAFF_ROLES):
        store = await _store_of(session, principal)
        own = Dispute.buyer_id == principal.user_id
        query = query.where(or_(own, Dispute.seller_id == store) if store else own)
    if status is not None:
        query = query.where(Dispute.status == status)
    if order_id is not None:
        query = query.where(Dispute.order_id == order_id)
    statement = newest_first(query, Dispute.opened_at, Dispute.id, cursor, limit)
    rows = list(await session.scalars(statement))
    disputes, next_cursor = cut_page(rows, limit, lambda d: (d.opened_at, d.id))
    return DisputePage(items=[dispute_read(d, storage) for d in disputes], next_cursor=next_cursor)


# --- the buyer opens, adds photos; the seller answers ----------------------------------------


async def _order(session: AsyncSession, order_id: uuid.UUID) -> Order | None:
    """The order, its row locked (a no-op on SQLite, whose write transactions are serial)."""
    return await session.scalar(
        select(Order)
        .where(Order.id == order_id)
        .options(selectinload(Order.events))
        .with_for_update()
    )


async def open_dispute(
    session: AsyncSession, principal: Principal, order_id: uuid.UUID, body: DisputeCreate
) -> Dispute:
    """Before completion the buyer disputes a shipped or delivered order, once.

    Both reasons are accepted in both states: a carrier's "delivered" scan does not prove the
    buyer has the parcel, and a parcel that has arrived may still read `shipped` until the
    carrier reports it. Before shipping the buyer cancels instead.
    """
    order = await _order(session, order_id)
    if order is None or order.buyer_id != principal.user_id:
        raise OrderNotFound(f"You have no order {order_id}.")
    existing = await session.scalar(select(Dispute.id).where(Dispute.order_id == order.id))
    if existing is not None:
        raise DisputeExists(f"Order {order_id} already has a dispute ({existing}); an order "
                            "is disputed once.")  # fmt: skip
    now = utcnow()
    if order.status not in DISPUTABLE:
        raise NotDisputable(_why_not_disputable(order))
    if order.status == OrderStatus.DELIVERED and (
        order.inspection_ends_at is not None and order.inspection_ends_at <= now
    ):
        ended = f"{order.inspection_ends_at:%Y-%m-%d %H:%M}"
        raise NotDisputable(
            f"The inspection window of this order ended at {ended} UTC; disputes are opened "
            "before it ends."
        )
    dispute = Dispute(
        id=uuid.uuid4(),
        order_id=order.id,
        buyer_id=order.buyer_id,
        seller_id=order.seller_id,
        reason=body.reason,
        status=DisputeStatus.OPEN,
        buyer_statement=body.statement,
        opened_at=now,
        photos=[],
    )
    session.add(dispute)
    state_machine.move(
        order, OrderStatus.DISPUTED, actor_id=principal.user_id, at=now,
        note=f"Disputed by the buyer: {_REASON_NOTES[body.reason]}",
    )  # fmt: skip
    await session.flush()
    await notifications.notify_store(
        session, store_id=dispute.seller_id, kind=notifications.NotificationKind.DISPUTE_OPENED,
        event_key=f"dispute:{dispute.id}:opened",
        context={"dispute_id": str(dispute.id), "order_id": str(order.id),
                 "reason": body.reason.value, "statement": body.statement},
    )  # fmt: skip
    return dispute


def _why_not_disputable(order: Order) -> str:
    match order.status:
        case OrderStatus.PENDING_PAYMENT:
            return "This order is not paid yet; there is nothing to dispute."
        case OrderStatus.PAID:
            return (
                "This order has not shipped yet: cancel it instead "
                f"(POST /orders/{order.id}/cancel) for a full refund."
            )
        case OrderStatus.COMPLETED:
            return "This order is completed and its money went to the seller; contact support."
        case _:
            return f"This order is {order.status.value}; there is nothing left to dispute."


def _check_photo_allowed(dispute: Dispute) -> None:
    if dispute.status == DisputeStatus.DECIDED or dispute.decision is not None:
        raise DisputeClosed("The dispute is decided; no more photos can be added.")
    if len(dispute.photos) >= MAX_PHOTOS:
        raise TooManyPhotos(
            f"A dispute has at most {MAX_PHOTOS} photos.",
            errors=[{"field": "file", "in": "body", "message": f"at most {MAX_PHOTOS} photos"}],
        )


async def add_photo(
    resources: Resources, principal: Principal, dispute_id: uuid.UUID, data: bytes
) -> Dispute:
    """The buyer's evidence, up to six pictures, stored like listing pictures: decoded with
    Pillow, re-encoded as WebP (which drops EXIF, GPS positions included).

    Decoding runs off the event loop and outside the write transaction, so a large picture
    never holds the database's write lock."""
    async with resources.db.unit_of_work(write=False) as session:
        dispute, party = await _visible(session, principal, dispute_id)
        if party is not Party.BUYER:
            raise NotYourPart("Only the buyer adds photos to a dispute.")
        _check_photo_allowed(dispute)
    try:
        rendered = await asyncio.to_thread(catalog.render_sizes, data)
    except InvalidInput as error:  # the catalog's InvalidImage
        raise InvalidPhoto(
            error.detail, errors=[{"field": "file", "in": "body", "message": error.detail}]
        ) from error
    async with resources.db.unit_of_work(write=True) as session:
        dispute, _ = await _visible(session, principal, dispute_id, lock=True)
        _check_photo_allowed(dispute)
        photo_id = uuid.uuid4()
        prefix = f"disputes/{dispute.id}/{photo_id.hex}"
        for image in rendered:
            if image.size in PHOTO_SIZES:  # files first: a row never points at no file
                await resources.storage.put(f"{prefix}-{image.size}.webp", image.data)
        position = max((photo.position for photo in dispute.photos), default=-1) + 1
        dispute.photos.append(
            DisputePhoto(
                id=photo_id, dispute_id=dispute.id, storage_prefix=prefix, position=position
            )
        )
        await session.flush()
    return dispute


async def answer(
    session: AsyncSession, principal: Principal, dispute_id: uuid.UUID, body: DisputeAnswer
) -> Dispute:
    """The order's seller tells their side, once, before the decision."""
    dispute, party = await _visible(session, principal, dispute_id, lock=True)
    if party is not Party.SELLER:
        raise NotYourPart("Only the seller of the order answers a dispute.")
    if dispute.status == DisputeStatus.DECIDED or dispute.decision is not None:
        raise DisputeClosed("The dispute is decided; it can no longer be answered.")
    if dispute.status == DisputeStatus.ANSWERED:
        raise AlreadyAnswered("You answered this dispute already; a dispute is answered once.")
    dispute.seller_answer = body.statement
    dispute.status = DisputeStatus.ANSWERED
    dispute.answered_at = utcnow()
    await session.flush()
    return dispute


# --- an admin decides; the money follows ---------------------------------------------------


async def decide(
    resources: Resources, principal: Principal, dispute_id: uuid.UUID, body: DisputeDecisionCreate
) -> Dispute:
    """Record the decision and move the money (see the module's docstring for the steps).

    Callers are admins (checked by the route). An admin who is the buyer or the seller does not
    decide their own dispute. A seller who has not answered does not block the decision."""
    async with resources.db.unit_of_work(write=True) as session:
        dispute, party = await _visible(session, principal, dispute_id, lock=True)
        if party is not Party.STAFF:
            raise NotYourPart("You are part of this dispute; another admin decides it.")
        order = await _order(session, dispute.order_id)
        assert order is not None, "a dispute's order is never deleted (RESTRICT)"
        if dispute.decision is None:
            await _record_decision(session, principal, dispute, order, body)
        else:
            _check_repeat(dispute, body)
        refund = dispute.refund_amount if dispute.status != DisputeStatus.DECIDED else None
        checkout = await session.get(Checkout, order.checkout_id)
        payment_id = checkout.payment_id if checkout else None
    if refund:
        assert payment_id is not None, "a shipped order was paid"
        await payments.refund(
            resources, payment_id=payment_id, amount=refund, reference=f"dispute:{dispute_id}"
        )  # before release: out of escrow, so released_to stays None
        async with resources.db.unit_of_work(write=True) as session:
            dispute, _ = await _visible(session, principal, dispute_id, lock=True)
            order = await _order(session, dispute.order_id)
            assert order is not None
            await _settle(session, dispute, order)
    async with resources.db.unit_of_work(write=False) as session:
        return await get(session, principal, dispute_id)


async def _record_decision(
    session: AsyncSession,
    principal: Principal,
    dispute: Dispute,
    order: Order,
    body: DisputeDecisionCreate,
) -> None:
    if order.status != OrderStatus.DISPUTED:
        raise NotDisputable(
            f"The order is {order.status.value} now (the buyer confirmed delivery, which ends "
            "the dispute); nothing is left to decide."
        )
    remaining = order.total - order.refunded_total
    refund = _refund_amount(body, remaining)
    dispute.decision = body.decision
    dispute.decision_note = body.note
    dispute.decided_by = principal.user_id
    dispute.decided_at = utcnow()
    dispute.refund_amount = refund or None
    # Counted as refunded before the processor is called, so nothing released in the meantime
    # could take the money the refund needs from escrow.
    order.refunded_total += refund
    match body.decision:
        case DisputeDecision.REFUND:
            state_machine.move(
                order, OrderStatus.REFUNDED, actor_id=principal.user_id,
                note="Refunded in full: the dispute was decided for the buyer",
            )  # fmt: skip
        case DisputeDecision.RELEASE:
            await service.complete(
                session, order, note="Completed: the dispute was decided for the seller"
            )
        case DisputeDecision.PARTIAL_REFUND:
            pass  # completed once the refund went through (`_settle`)
    if not refund:  # no money to wait for
        dispute.status = DisputeStatus.DECIDED
        await _tell_decided(session, dispute, order)
    await session.flush()


def _refund_amount(body: DisputeDecisionCreate, remaining: int) -> int:
    if body.decision != DisputeDecision.PARTIAL_REFUND:
        if body.amount is not None:
            raise _bad_amount(
                f"amount goes only with partial_refund; {body.decision.value} needs none."
            )
        return remaining if body.decision == DisputeDecision.REFUND else 0
    if body.amount is None:
        raise _bad_amount("partial_refund needs an amount (minor units).")
    if not 1 <= body.amount < remaining:
        raise _bad_amount(
            f"amount must be at least 1 and less than the order's remaining total {remaining}; "
            "to give everything back decide refund."
        )
    return body.amount


def _bad_amount(message: str) -> InvalidRefundAmount:
    return InvalidRefundAmount(
        message, errors=[{"field": "amount", "in": "body", "message": message}]
    )


def _check_repeat(dispute: Dispute, body: DisputeDecisionCreate) -> None:
    """A decision whose refund has not gone through yet is finished by repeating it."""
    assert dispute.decision is not None
    assert dispute.decided_at is not None
    same = body.decision == dispute.decision and (
        body.decision != DisputeDecision.PARTIAL_REFUND or body.amount == dispute.refund_amount
    )
    if dispute.status == DisputeStatus.DECIDED or not same:
        raise DisputeClosed(
            f"This dispute was decided on {dispute.decided_at:%Y-%m-%d %H:%M} UTC "
            f"({dispute.decision.value}); a dispute is decided once."
        )


async def _settle(session: AsyncSession, dispute: Dispute, order: Order) -> None:
    """After the refund: a partial refund releases the rest; the dispute is decided."""
    if dispute.status == DisputeStatus.DECIDED:
        return  # a concurrent repeat of the decision got here first
    if dispute.decision == DisputeDecision.PARTIAL_REFUND and order.status == OrderStatus.DISPUTED:
        await service.complete(
            session, order, note="Completed: partly refunded to the buyer after the dispute, "
            "the rest released to the seller",
        )  # fmt: skip
    dispute.status = DisputeStatus.DECIDED
    await _tell_decided(session, dispute, order)
    await session.flush()


async def _tell_decided(session: AsyncSession, dispute: Dispute, order: Order) -> None:
    """Both parties hear the decision once the money has moved (the dispute is `decided`)."""
    assert dispute.decision is not None
    facts = {
        "dispute_id": str(dispute.id), "order_id": str(order.id),
        "decision": dispute.decision.value, "refund_amount": dispute.refund_amount,
        "currency": order.currency, "note": dispute.decision_note,
    }  # fmt: skip
    kind, key = notifications.NotificationKind.DISPUTE_DECIDED, f"dispute:{dispute.id}:decided"
    await notifications.notify(
        session, user_id=dispute.buyer_id, kind=kind, event_key=key,
        context={**facts, "role": "buyer"},
    )  # fmt: skip
    await notifications.notify_store(
        session, store_id=dispute.seller_id, kind=kind, event_key=key,
        context={**facts, "role": "seller"},
    )  # fmt: skip
