"""Offers ("make an offer"): a buyer proposes a price below the listed one, the seller accepts,
counters or declines, and the buyer answers a counter. Accepted, the listing goes into that
buyer's cart at the agreed price (`service.put_agreed`), for that buyer only.

Who may do what, by status (anything else is a 409 that says why):

    pending    seller: accept (at the amount), decline, counter    buyer: withdraw
    countered  buyer: accept (at the counter), decline             seller: nothing (waits)
    accepted, declined, withdrawn, expired: closed (`offer-closed`)

An offer nobody answers expires 48 hours after its last move (made or countered). An open offer
past `expires_at` is expired whatever its row says: reads and moves write that down as they
meet it, and `expire_offers` does it for every due offer (for a sweeper).

Every move goes through `announce`, which tells the other party through notifications.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Sequence
from typing import NoReturn

from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.clock import utcnow
from techmarket.core.db import after_commit, write_after_commit
from techmarket.core.pagination import cut_page
from techmarket.core.storage import FileStorage
from techmarket.services.cart import repository, service
from techmarket.services.cart.errors import (
    InvalidOfferAmount,
    ListingUnavailable,
    OfferAlreadyOpen,
    OfferClosed,
    OfferJustExpired,
    OfferListingUnavailable,
    OfferMoveNotAllowed,
    OfferNotFound,
    OptionNotAccepted,
    OwnListing,
    SoldOut,
)
from techmarket.services.cart.models import Offer, OfferStatus
from techmarket.services.cart.offer_schemas import (
    OfferCreate,
    OfferListing,
    OfferMove,
    OfferPage,
    OfferRead,
    OfferRole,
)
from techmarket.services.catalog import client as catalog
from techmarket.services.notifications import client as notifications
from techmarket.services.users import client as users

log = logging.getLogger(__name__)

OFFER_LIFETIME = dt.timedelta(hours=48)
"""How long an offer or a counter waits for an answer."""

FLOOR_PERCENT = 50
"""The lowest offer, as a share of the listed price (rounded up): offers far below it are
noise to a seller, and a floor keeps buyers from fishing with 1-cent offers."""

OPEN = frozenset(repository.OPEN_OFFER)

ALLOWED: dict[tuple[OfferStatus, OfferRole], tuple[OfferMove, ...]] = {
    (OfferStatus.PENDING, OfferRole.SELLER): (
        OfferMove.ACCEPT,
        OfferMove.DECLINE,
        OfferMove.COUNTER,
    ),
    (OfferStatus.PENDING, OfferRole.BUYER): (OfferMove.WITHDRAW,),
    (OfferStatus.COUNTERED, OfferRole.BUYER): (OfferMove.ACCEPT, OfferMove.DECLINE),
}
"""The moves each party may make in each open status; closed statuses allow none."""

AFTER: dict[OfferMove, OfferStatus] = {
    OfferMove.COUNTER: OfferStatus.COUNTERED,
    OfferMove.ACCEPT: OfferStatus.ACCEPTED,
    OfferMove.DECLINE: OfferStatus.DECLINED,
    OfferMove.WITHDRAW: OfferStatus.WITHDRAWN,
}

CLOSED_AS = {
    OfferStatus.ACCEPTED: "was accepted",
    OfferStatus.DECLINED: "was declined",
    OfferStatus.WITHDRAWN: "was withdrawn",
    OfferStatus.EXPIRED: "has expired",
}

LineRef = tuple[uuid.UUID, uuid.UUID | None]


# --- the notifications seam ---------------------------------------------------------------


async def announce(
    session: AsyncSession,
    offer: Offer,
    move: OfferMove,
    by: OfferRole | None,
) -> None:
    """Called on every move: made, counter, accept, decline, withdraw, and expired (`by` is
    None: nobody moved, time did). The party who did not move hears of it, in the move's
    transaction (a move that rolls back tells nobody); both hear of an expiry. The log line
    carries the same facts once the move is committed.
    """
    notify = {OfferRole.BUYER: "seller", OfferRole.SELLER: "buyer", None: "buyer,seller"}[by]
    facts = {
        "offer.id": str(offer.id),
        "offer.move": move.value,
        "offer.status": offer.status.value,
        "offer.product_id": str(offer.product_id),
        "offer.buyer_id": str(offer.buyer_id),
        "offer.seller_id": str(offer.seller_id),
        "offer.notify": notify,
    }

    async def log_move() -> None:
        log.info("offer %s: %s (notify %s)", facts["offer.id"], move.value, notify, extra=facts)

    after_commit(session, log_move)
    await _tell(session, offer, move, by)


async def _tell(session: AsyncSession, offer: Offer, move: OfferMove, by: OfferRole | None) -> None:
    titles = await catalog.listing_titles(session, [offer.product_id])
    context = {
        "offer_id": str(offer.id), "product_id": str(offer.product_id),
        "title": titles.get(offer.product_id, "a listing"), "move": move.value,
        "by": by.value if by else None, "currency": offer.currency,
        "amount": offer.counter_amount if move == OfferMove.COUNTER else agreed_price(offer),
        "listed_price": offer.listed_price,
    }  # fmt: skip
    key = f"offer:{offer.id}:{move.value}"
    if move == OfferMove.MADE:
        await notifications.notify_store(
            session, store_id=offer.seller_id, kind=notifications.NotificationKind.OFFER_RECEIVED,
            event_key=key, context=context,
        )  # fmt: skip
        return
    kind = notifications.NotificationKind.OFFER_ANSWERED
    if by != OfferRole.BUYER:
        await notifications.notify(
            session, user_id=offer.buyer_id, kind=kind, event_key=key, context=context
        )
    if by != OfferRole.SELLER:
        await notifications.notify_store(
            session, store_id=offer.seller_id, kind=kind, event_key=key, context=context
        )


# --- making an offer ----------------------------------------------------------------------


def floor_of(price: int) -> int:
    return -(-price * FLOOR_PERCENT // 100)


def _amount_error(message: str, code: str) -> list[dict[str, str]]:
    return [{"field": "amount", "in": "body", "message": message, "code": code}]


def _check_amount(amount: int, price: int, currency: str) -> None:
    if amount >= price:
        raise InvalidOfferAmount(
            f"An offer must be below the listed price ({price} {currency} minor units); "
            "at that price, buy it outright.",
            errors=_amount_error(f"must be below {price}", "not_below_price"),
        )
    floor = floor_of(price)
    if amount < floor:
        raise InvalidOfferAmount(
            f"An offer must be at least {FLOOR_PERCENT} % of the listed price: {floor} "
            f"{currency} minor units or more.",
            errors=_amount_error(f"must be at least {floor}", "below_floor"),
        )


def _path_error(message: str, code: str) -> list[dict[str, str]]:
    return [{"field": "product_id", "in": "path", "message": message, "code": code}]


def _refuse_unknown(
    product_id: uuid.UUID, option_id: uuid.UUID | None, plain: catalog.Purchasable | None
) -> NoReturn:
    """As the cart does (see `service._refuse_unknown`): the catalog cannot tell an unknown
    listing from one with options asked without one."""
    if option_id is not None and plain is not None and not service.is_unavailable(plain):
        raise OptionNotAccepted(
            "This listing has no options; leave option_id out.",
            errors=[{"field": "option_id", "in": "body", "message": "the listing has no options",
                     "code": "option_not_accepted"}],
        )  # fmt: skip
    if option_id is None:
        detail = (
            f"Listing {product_id} cannot be bought: it is not for sale, or it has options "
            "and the offer must name one (option_id)."
        )
    else:
        detail = f"No listing for sale has id {product_id} with option {option_id}."
    raise ListingUnavailable(detail, errors=_path_error("not for sale", "listing_unavailable"))


def _refuse_unbuyable(found: catalog.Purchasable, by_option: bool) -> None:
    if service.is_unavailable(found):
        raise ListingUnavailable(
            f"Listing {found.product_id} is not for sale.",
            errors=_path_error("not for sale", "listing_unavailable"),
        )
    if service.is_sold_out(found):
        raise SoldOut(
            "That option is sold out." if by_option else "This listing is sold out.",
            errors=_path_error("sold out", "sold_out"),
        )


async def make(
    session: AsyncSession,
    storage: FileStorage,
    buyer_id: uuid.UUID,
    product_id: uuid.UUID,
    body: OfferCreate,
    now: dt.datetime | None = None,
) -> OfferRead:
    """A buyer's offer on a listing that can be bought now, below its price and at least
    half of it; one open offer per buyer and listing (and option) at a time."""
    now = now or utcnow()
    ref: LineRef = (product_id, body.option_id)
    asked = [ref] if body.option_id is None else [ref, (product_id, None)]
    found_all = await catalog.purchasables(session, storage, asked)
    found = found_all.get(ref)
    if found is None:
        _refuse_unknown(product_id, body.option_id, found_all.get((product_id, None)))
    dealer = await users.get_dealer_of_user(session, buyer_id)
    if dealer is not None and dealer.id == found.seller_id:
        raise OwnListing(
            "You cannot make an offer on your own listing.",
            errors=_path_error("your own listing", "own_listing"),
        )
    _refuse_unbuyable(found, body.option_id is not None)
    _check_amount(body.amount, found.price, found.currency)
    for earlier in await repository.open_offers(session, buyer_id, product_id, body.option_id):
        if not await _expire_if_due(session, earlier, now):
            raise OfferAlreadyOpen(
                f"You already have an open offer on this listing ({earlier.id}, "
                f"{earlier.status.value}); withdraw it, or wait for it to be answered.",
                errors=_path_error("an offer is open", "offer_already_open"),
            )
    offer = Offer(
        id=uuid.uuid4(), product_id=product_id, option_id=body.option_id, buyer_id=buyer_id,
        seller_id=found.seller_id, currency=found.currency, listed_price=found.price,
        amount=body.amount, counter_amount=None, status=OfferStatus.PENDING,
        created_at=now, updated_at=now, expires_at=now + OFFER_LIFETIME,
    )  # fmt: skip
    session.add(offer)
    await session.flush()
    await announce(session, offer, OfferMove.MADE, OfferRole.BUYER)
    return _read(offer, found, OfferRole.BUYER)


# --- moves --------------------------------------------------------------------------------


async def _expire_if_due(
    session: AsyncSession, offer: Offer, now: dt.datetime, *, reading: bool = False
) -> bool:
    """Write down that an open offer past its time expired (at its `expires_at`).

    `reading`: found by a read, whose transaction must not write (SQLite cannot upgrade it
    once another writer has gone first). The offer is shown expired at once, detached from
    the read, and written down, with its announcement, in a write transaction of its own
    right after the read commits.
    """
    if offer.status not in OPEN or offer.expires_at > now:
        return False
    if reading:
        session.expunge(offer)
        offer_id = offer.id

        async def write_down(own: AsyncSession) -> None:
            stored = await own.get(Offer, offer_id, with_for_update=True)
            if stored is not None:
                await _expire_if_due(own, stored, now)

        write_after_commit(session, write_down)
    offer.status, offer.updated_at = OfferStatus.EXPIRED, offer.expires_at
    if not reading:
        await announce(session, offer, OfferMove.EXPIRED, None)
    return True


async def _role_of(session: AsyncSession, user_id: uuid.UUID, offer: Offer) -> OfferRole:
    if offer.buyer_id == user_id:
        return OfferRole.BUYER
    dealer = await users.get_dealer_of_user(session, user_id)
    if dealer is not None and dealer.id == offer.seller_id:
        return OfferRole.SELLER
    # Someone else's offer answers like one that does not exist.
    raise OfferNotFound(f"You have no offer {offer.id}.")


async def _party_to(
    session: AsyncSession, user_id: uuid.UUID, offer_id: uuid.UUID, *, lock: bool
) -> tuple[Offer, OfferRole]:
    offer = await repository.offer_by_id(session, offer_id, lock=lock)
    if offer is None:
        raise OfferNotFound(f"You have no offer {offer_id}.")
    return offer, await _role_of(session, user_id, offer)


def _why_not(status: OfferStatus, role: OfferRole, move: OfferMove) -> str:
    if status == OfferStatus.PENDING and role == OfferRole.BUYER:
        return "The seller has not answered your offer yet; until then you can only withdraw it."
    if status == OfferStatus.PENDING:
        return "Only the buyer withdraws an offer; decline it instead."
    if role == OfferRole.SELLER:
        return "You countered this offer; it is the buyer's turn to accept or decline."
    if move == OfferMove.COUNTER:
        return "Only the seller counters; decline this counter and make a new offer instead."
    return "The seller countered your offer: accept or decline the counter."


def _check_allowed(offer: Offer, role: OfferRole, move: OfferMove) -> None:
    if offer.status not in OPEN:
        raise OfferClosed(
            f"This offer {CLOSED_AS[offer.status]}; nothing more can happen to it.",
        )
    if move not in ALLOWED.get((offer.status, role), ()):
        raise OfferMoveNotAllowed(_why_not(offer.status, role, move))


def _still_buyable(offer: Offer, found: catalog.Purchasable | None) -> catalog.Purchasable:
    """Accepting or countering needs a listing that can be bought, in the offer's currency."""
    if found is None or service.is_unavailable(found):
        raise OfferListingUnavailable("The listing is not for sale any more.")
    if service.is_sold_out(found):
        raise OfferListingUnavailable("The listing is sold out.")
    if found.currency != offer.currency:
        raise OfferListingUnavailable(
            f"The listing is priced in {found.currency} now; the offer was in {offer.currency}."
        )
    return found


def _check_counter(offer: Offer, amount: int, price: int) -> None:
    if amount <= offer.amount:
        raise InvalidOfferAmount(
            f"A counter must be above the buyer's offer of {offer.amount}; to agree to it, "
            "accept it.",
            errors=_amount_error(f"must be above {offer.amount}", "not_above_offer"),
        )
    if amount >= price:
        raise InvalidOfferAmount(
            f"A counter must be below the listed price ({price}).",
            errors=_amount_error(f"must be below {price}", "not_below_price"),
        )


def agreed_price(offer: Offer) -> int:
    """The counter if there was one (only the buyer accepts a counter), else the amount."""
    return offer.counter_amount if offer.counter_amount is not None else offer.amount


async def move(
    session: AsyncSession,
    storage: FileStorage,
    user_id: uuid.UUID,
    offer_id: uuid.UUID,
    wanted: OfferMove,
    amount: int | None = None,
    now: dt.datetime | None = None,
) -> OfferRead:
    """One party's move on an open offer: accept, decline, counter (with `amount`) or
    withdraw. Accepting puts the listing in the buyer's cart at the agreed price."""
    now = now or utcnow()
    offer, role = await _party_to(session, user_id, offer_id, lock=True)
    if await _expire_if_due(session, offer, now):
        raise OfferJustExpired(
            f"This offer expired at {offer.expires_at.isoformat()}; nothing more can happen to it."
        )
    _check_allowed(offer, role, wanted)
    found = (await _listings(session, storage, [offer])).get((offer.product_id, offer.option_id))
    if wanted == OfferMove.COUNTER:
        assert amount is not None
        _check_counter(offer, amount, _still_buyable(offer, found).price)
        offer.counter_amount, offer.expires_at = amount, now + OFFER_LIFETIME
    elif wanted == OfferMove.ACCEPT:
        listing = _still_buyable(offer, found)
        await service.put_agreed(session, offer.buyer_id, listing, offer.id, agreed_price(offer))
    offer.status, offer.updated_at = AFTER[wanted], now
    await session.flush()
    await announce(session, offer, wanted, role)
    return _read(offer, found, role)


async def expire_offers(
    session: AsyncSession, now: dt.datetime | None = None, limit: int = 500
) -> int:
    """Mark expired every open offer past its time, at most `limit` at once; how many were.
    For a sweeper, inside a write unit of work (call again while it returns `limit`)."""
    now = now or utcnow()
    due = await repository.due_offers(session, now, limit)
    for offer in due:
        await _expire_if_due(session, offer, now)
    await session.flush()
    return len(due)


# --- reading ------------------------------------------------------------------------------


async def _listings(
    session: AsyncSession, storage: FileStorage, offers: Sequence[Offer]
) -> dict[LineRef, catalog.Purchasable]:
    """The listings of these offers as they are now: one batch of the catalog."""
    refs = list(dict.fromkeys((offer.product_id, offer.option_id) for offer in offers))
    return await catalog.purchasables(session, storage, refs)


def _listing_of(found: catalog.Purchasable | None) -> OfferListing | None:
    """The listing while it is for sale (sold out included); null once gone or hidden."""
    if found is None or service.is_unavailable(found):
        return None
    return OfferListing(
        title=found.title,
        option_name=found.option_name,
        store_name=found.seller_name,
        price=found.price,
        currency=found.currency,
        thumbnail_url=found.thumbnail_url,
    )


def _read(offer: Offer, found: catalog.Purchasable | None, role: OfferRole) -> OfferRead:
    return OfferRead(
        id=offer.id,
        product_id=offer.product_id,
        option_id=offer.option_id,
        listing=_listing_of(found),
        buyer_id=offer.buyer_id,
        seller_id=offer.seller_id,
        your_role=role,
        currency=offer.currency,
        listed_price=offer.listed_price,
        amount=offer.amount,
        counter_amount=offer.counter_amount,
        agreed_price=agreed_price(offer) if offer.status == OfferStatus.ACCEPTED else None,
        status=offer.status,
        moves=list(ALLOWED.get((offer.status, role), ())),
        created_at=offer.created_at,
        updated_at=offer.updated_at,
        expires_at=offer.expires_at,
    )


async def read_one(
    session: AsyncSession,
    storage: FileStorage,
    user_id: uuid.UUID,
    offer_id: uuid.UUID,
    now: dt.datetime | None = None,
) -> OfferRead:
    offer, role = await _party_to(session, user_id, offer_id, lock=False)
    await _expire_if_due(session, offer, now or utcnow(), reading=True)
    found = (await _listings(session, storage, [offer])).get((offer.product_id, offer.option_id))
    return _read(offer, found, role)


async def page(
    session: AsyncSession,
    storage: FileStorage,
    user_id: uuid.UUID,
    role: OfferRole,
    status: OfferStatus | None,
    cursor: str | None,
    limit: int,
    now: dt.datetime | None = None,
) -> OfferPage:
    """The caller's offers as buyer (made) or as seller (received), newest first; `status`
    filters by the status in effect (an open offer past its time counts as expired)."""
    now = now or utcnow()
    if role == OfferRole.SELLER:
        dealer = await users.get_dealer_of_user(session, user_id)
        if dealer is None:
            return OfferPage(items=[], next_cursor=None)
        party = repository.made_to(dealer.id)
    else:
        party = repository.made_by(user_id)
    found_rows = await repository.offers_page(session, party, status, now, cursor, limit)
    rows, next_cursor = cut_page(found_rows, limit, lambda offer: (offer.created_at, offer.id))
    for offer in rows:
        await _expire_if_due(session, offer, now, reading=True)
    found = await _listings(session, storage, rows)
    return OfferPage(
        items=[_read(o, found.get((o.product_id, o.option_id)), role) for o in rows],
        next_cursor=next_cursor,
    )
