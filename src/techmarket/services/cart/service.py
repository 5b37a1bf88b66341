"""Rules of the cart: what may go into it, how much, and what changed since it went in.

Listings are read only through the catalog client (`purchasables`), in one batch for a whole
cart, so reading a cart costs the same number of queries whatever its size. Services flush;
the request's unit of work commits.

A line may be priced by an accepted offer (`offers.py`): it then holds one unit at the agreed
price (`offer_id`, `agreed_price`), and a later change of the listing's price is not a problem
for it: the buyer pays the agreed price, or the listing's price if that has dropped below it.

What the catalog tells and what it does not: `purchasables` answers nothing for a listing id
it does not know, for an option id that is not the listing's, and for a listing with options
asked without one. So "this listing needs an option" cannot be told apart from "no such
listing", and both are refused as `listing-unavailable` (see docs/api.md, Cart).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NoReturn

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.storage import FileStorage
from techmarket.services.cart import repository
from techmarket.services.cart.errors import (
    CartChanged,
    CartFull,
    CartLineNotFound,
    ListingUnavailable,
    NotEnoughStock,
    OneUnitAtAgreedPrice,
    OptionNotAccepted,
    OwnListing,
    SoldOut,
)
from techmarket.services.cart.models import CartItem, line_key
from techmarket.services.cart.schemas import (
    BLOCKING_PROBLEMS,
    MAX_LINE_QUANTITY,
    MAX_LINES,
    Cart,
    CartItemCreate,
    CartLine,
    CartMerge,
    LineProblem,
    MergeNote,
    MergeReason,
    MergeResult,
    SellerRef,
    Subtotal,
)
from techmarket.services.catalog import client as catalog
from techmarket.services.users import client as users

LineRef = tuple[uuid.UUID, uuid.UUID | None]
"""(listing id, option id): what a line is of."""

# Listing statuses as the catalog names them (its client exposes the values, not the enum).
REMOVED = "removed"
STOCK_GONE = frozenset({"reserved", "sold_out"})


@dataclass(frozen=True)
class CheckoutLine:
    """A cart line with its listing as it is now; `purchasable` is None when the listing or
    the option is gone. A line with a blocking problem cannot be ordered as it stands.

    `unit_price` is what a checkout charges for one unit: the agreed price of the accepted
    offer `offer_id` (capped at the listing's current price), else the listing's current
    price (the price it was added at when the listing is gone)."""

    line_id: uuid.UUID
    product_id: uuid.UUID
    option_id: uuid.UUID | None
    quantity: int
    price_when_added: int
    currency_when_added: str
    purchasable: catalog.Purchasable | None
    problems: tuple[LineProblem, ...]
    unit_price: int
    offer_id: uuid.UUID | None

    @property
    def orderable(self) -> bool:
        return not BLOCKING_PROBLEMS.intersection(self.problems)


# --- what changed since a line was added --------------------------------------------------


def is_sold_out(found: catalog.Purchasable) -> bool:
    return found.status in STOCK_GONE or found.available <= 0


def is_unavailable(found: catalog.Purchasable | None) -> bool:
    """Gone, removed, or hidden (draft, private). A listing that is merely out of stock is
    sold out, not unavailable: it may come back."""
    if found is None or found.status == REMOVED:
        return True
    return not found.buyable and not is_sold_out(found)


def problems_of(
    quantity: int,
    price_when_added: int,
    currency: str,
    found: catalog.Purchasable | None,
    *,
    agreed: bool = False,
) -> tuple[LineProblem, ...]:
    """`agreed`: the line is priced by an accepted offer, so only a change of currency (the
    agreement was in the old one) is a price change."""
    if found is None or is_unavailable(found):
        return (LineProblem.UNAVAILABLE,)
    problems: list[LineProblem] = []
    if found.currency != currency or (not agreed and found.price != price_when_added):
        problems.append(LineProblem.PRICE_CHANGED)
    if is_sold_out(found):
        problems.append(LineProblem.SOLD_OUT)
    elif found.available < quantity:
        problems.append(LineProblem.NOT_ENOUGH_STOCK)
    return tuple(problems)


def unit_price_of(line: CartItem, found: catalog.Purchasable | None) -> int:
    """The agreed price while the listing is priced in the agreement's currency, but never
    more than the listing costs now; else the current price (the old one when gone)."""
    shown = found if found is not None and not is_unavailable(found) else None
    agreed = line.agreed_price if line.offer_id is not None else None
    if shown is None:
        return line.price_when_added if agreed is None else agreed
    if agreed is not None and shown.currency == line.currency:
        return min(agreed, shown.price)
    return shown.price


def checkout_line(line: CartItem, found: catalog.Purchasable | None) -> CheckoutLine:
    return CheckoutLine(
        line_id=line.id,
        product_id=line.product_id,
        option_id=line.option_id,
        quantity=line.quantity,
        price_when_added=line.price_when_added,
        currency_when_added=line.currency,
        purchasable=found,
        problems=problems_of(
            line.quantity,
            line.price_when_added,
            line.currency,
            found,
            agreed=line.offer_id is not None,
        ),
        unit_price=unit_price_of(line, found),
        offer_id=line.offer_id,
    )


def _in_cart_order(lines: Iterable[CheckoutLine]) -> list[CheckoutLine]:
    """Grouped by seller (store name, then id), oldest line first within a seller; lines whose
    listing is gone come last."""

    def key(line: CheckoutLine) -> tuple[bool, str, str]:
        found = line.purchasable
        if found is None:
            return (True, "", "")
        return (False, found.seller_name.casefold(), found.seller_id.hex)

    return sorted(lines, key=key)  # stable: lines arrive oldest first


def to_read(line: CheckoutLine) -> CartLine:
    found = line.purchasable
    shown = found if found is not None and not is_unavailable(found) else None
    return CartLine(
        id=line.line_id,
        product_id=line.product_id,
        option_id=line.option_id,
        title=found.title if found else None,
        option_name=found.option_name if found else None,
        seller=SellerRef(id=found.seller_id, store_name=found.seller_name) if found else None,
        quantity=line.quantity,
        unit_price=line.unit_price,
        currency=shown.currency if shown else line.currency_when_added,
        price_when_added=line.price_when_added,
        offer_id=line.offer_id,
        available=shown.available if shown else 0,
        thumbnail_url=found.thumbnail_url if found else None,
        line_total=line.unit_price * line.quantity,
        problems=list(line.problems),
    )


def to_cart(lines: Sequence[CheckoutLine]) -> Cart:
    items = [to_read(line) for line in lines]
    totals: dict[str, int] = defaultdict(int)
    for line, item in zip(lines, items, strict=True):
        if line.orderable:
            totals[item.currency] += item.line_total
    return Cart(
        items=items,
        subtotals=[Subtotal(currency=c, amount=a) for c, a in sorted(totals.items())],
        count=sum(item.quantity for item in items),
    )


# --- reading ------------------------------------------------------------------------------


async def checkout_lines(
    session: AsyncSession, storage: FileStorage, user_id: uuid.UUID
) -> list[CheckoutLine]:
    """Every line of the user's cart with its listing now, in cart order: one query for the
    lines and one batch of the catalog for their listings, whatever their number."""
    lines = await repository.lines_of(session, user_id)
    found = await catalog.purchasables(
        session, storage, [(line.product_id, line.option_id) for line in lines]
    )
    return _in_cart_order(
        checkout_line(line, found.get((line.product_id, line.option_id))) for line in lines
    )


async def view(session: AsyncSession, storage: FileStorage, user_id: uuid.UUID) -> Cart:
    return to_cart(await checkout_lines(session, storage, user_id))


# --- changing -----------------------------------------------------------------------------


def _field(name: str, message: str, code: str) -> list[dict[str, str]]:
    return [{"field": name, "in": "body", "message": message, "code": code}]


def _units(count: int) -> str:
    return f"{count} {'is' if count == 1 else 'are'}"


def _check_stock(found: catalog.Purchasable, wanted: int, already: int) -> None:
    if wanted <= min(found.available, MAX_LINE_QUANTITY):
        return
    if found.available > MAX_LINE_QUANTITY:
        raise NotEnoughStock(
            f"A cart line holds at most {MAX_LINE_QUANTITY} units.",
            errors=_field("quantity", f"at most {MAX_LINE_QUANTITY}", "line_limit"),
        )
    detail = f"Only {found.available} left"
    if already:
        detail += f", and {_units(already)} already in your cart"
    raise NotEnoughStock(
        detail + ".",
        errors=_field("quantity", f"only {found.available} left", "not_enough_stock"),
    )


async def _found(
    session: AsyncSession, storage: FileStorage, ref: LineRef
) -> catalog.Purchasable | None:
    return (await catalog.purchasables(session, storage, [ref])).get(ref)


async def add(
    session: AsyncSession, storage: FileStorage, user_id: uuid.UUID, item: CartItemCreate
) -> CartLine:
    """Put a listing in the cart, or more of it into its line. Adding again also takes the
    current price as the line's reference: the buyer has just seen it."""
    ref: LineRef = (item.product_id, item.option_id)
    asked = [ref] if item.option_id is None else [ref, (item.product_id, None)]
    found_all = await catalog.purchasables(session, storage, asked)
    found = found_all.get(ref)
    if found is None:
        _refuse_unknown(item, found_all.get((item.product_id, None)))
    await _refuse_own(session, user_id, found)
    _refuse_unbuyable(found, item.option_id is not None)
    line = await repository.line_by_key(session, user_id, line_key(*ref))
    if line is None and await repository.count_lines(session, user_id) >= MAX_LINES:
        raise CartFull(
            f"A cart holds at most {MAX_LINES} lines; remove some first.",
            errors=_field("product_id", f"the cart already has {MAX_LINES} lines", "cart_full"),
        )
    if line is not None and line.offer_id is not None:
        _refuse_more_than_one()
    already = line.quantity if line else 0
    _check_stock(found, already + item.quantity, already)
    if line is None:
        line = CartItem(
            user_id=user_id, product_id=item.product_id, option_id=item.option_id,
            line_key=line_key(*ref), quantity=item.quantity,
            price_when_added=found.price, currency=found.currency,
        )  # fmt: skip
        session.add(line)
    else:
        line.quantity += item.quantity
        line.price_when_added, line.currency = found.price, found.currency
    await _flush(session)
    return to_read(checkout_line(line, found))


def _refuse_more_than_one() -> NoReturn:
    raise OneUnitAtAgreedPrice(
        "This line is one unit at the price agreed in an offer; buying more would need "
        "another offer, or a separate order at the listed price once this one is placed.",
        errors=_field("quantity", "one unit at the agreed price", "offer_line_quantity"),
    )


def _refuse_unknown(item: CartItemCreate, plain: catalog.Purchasable | None) -> NoReturn:
    """The catalog found nothing for the line asked. With an option, and the listing found
    without one: the listing has no options. Otherwise the catalog cannot say whether the
    listing is unknown or needs an option, and the answer says so."""
    if item.option_id is not None and plain is not None and not is_unavailable(plain):
        raise OptionNotAccepted(
            "This listing has no options; leave option_id out.",
            errors=_field("option_id", "the listing has no options", "option_not_accepted"),
        )
    if item.option_id is None:
        detail = (
            f"Listing {item.product_id} cannot be bought: it is not for sale, or it has "
            "options and one must be chosen (option_id)."
        )
    else:
        detail = f"No listing for sale has id {item.product_id} with option {item.option_id}."
    raise ListingUnavailable(
        detail, errors=_field("product_id", "not for sale", "listing_unavailable")
    )


async def _flush(session: AsyncSession) -> None:
    try:
        await session.flush()
    except IntegrityError as error:
        # Two requests adding the same new line at once (row locks on MariaDB/PostgreSQL;
        # SQLite serialises writers, so it cannot happen there).
        raise CartChanged("The same line was added at the same moment; try again.") from error


async def _refuse_own(
    session: AsyncSession, user_id: uuid.UUID, found: catalog.Purchasable
) -> None:
    dealer = await users.get_dealer_of_user(session, user_id)
    if dealer is not None and dealer.id == found.seller_id:
        raise OwnListing(
            "You cannot buy your own listing.",
            errors=_field("product_id", "your own listing", "own_listing"),
        )


def _refuse_unbuyable(found: catalog.Purchasable, by_option: bool) -> None:
    if is_unavailable(found):
        raise ListingUnavailable(
            f"Listing {found.product_id} is not for sale.",
            errors=_field("product_id", "not for sale", "listing_unavailable"),
        )
    if is_sold_out(found):
        raise SoldOut(
            "That option is sold out." if by_option else "This listing is sold out.",
            errors=_field("option_id" if by_option else "product_id", "sold out", "sold_out"),
        )


async def _own_line(session: AsyncSession, user_id: uuid.UUID, line_id: uuid.UUID) -> CartItem:
    line = await repository.line_of(session, user_id, line_id)
    if line is None:
        # Someone else's line answers like one that does not exist.
        raise CartLineNotFound(f"Your cart has no line {line_id}.")
    return line


async def change_quantity(
    session: AsyncSession,
    storage: FileStorage,
    user_id: uuid.UUID,
    line_id: uuid.UUID,
    quantity: int,
) -> CartLine:
    """Set a line's quantity; its reference price stays, so a price change stays flagged."""
    line = await _own_line(session, user_id, line_id)
    if line.offer_id is not None and quantity > 1:
        _refuse_more_than_one()
    found = await _found(session, storage, (line.product_id, line.option_id))
    if found is None or is_unavailable(found):
        raise ListingUnavailable(
            "This listing is not for sale any more; remove the line.",
            errors=_field("quantity", "the listing is not for sale", "listing_unavailable"),
        )
    if is_sold_out(found):
        raise SoldOut(
            "This is sold out; remove the line.",
            errors=_field("quantity", "sold out", "sold_out"),
        )
    _check_stock(found, quantity, 0)
    line.quantity = quantity
    await session.flush()
    return to_read(checkout_line(line, found))


async def accept_price(
    session: AsyncSession, storage: FileStorage, user_id: uuid.UUID, line_id: uuid.UUID
) -> CartLine:
    """The buyer has seen the new price: it becomes the line's reference. A line agreed in
    an offer whose listing has since changed currency gives up the agreement (it was in the
    old currency) and takes the listed price."""
    line = await _own_line(session, user_id, line_id)
    found = await _found(session, storage, (line.product_id, line.option_id))
    if found is None or is_unavailable(found):
        raise ListingUnavailable(
            "This listing is not for sale any more; there is no price to accept.",
            errors=[{"field": "id", "in": "path", "message": "not for sale"}],
        )
    if line.offer_id is not None and found.currency != line.currency:
        line.offer_id, line.agreed_price = None, None
    line.price_when_added, line.currency = found.price, found.currency
    await session.flush()
    return to_read(checkout_line(line, found))


async def put_agreed(
    session: AsyncSession,
    buyer_id: uuid.UUID,
    found: catalog.Purchasable,
    offer_id: uuid.UUID,
    agreed_price: int,
) -> None:
    """An accepted offer puts its listing in the buyer's cart: one unit at the agreed price.
    A line the buyer already has for it takes the agreement and goes down to one unit. The
    50-line limit does not apply: the seller's acceptance must not fail on the buyer's cart."""
    key = line_key(found.product_id, found.option_id)
    line = await repository.line_by_key(session, buyer_id, key)
    if line is None:
        line = CartItem(
            user_id=buyer_id, product_id=found.product_id, option_id=found.option_id,
            line_key=key, quantity=1, price_when_added=found.price, currency=found.currency,
        )  # fmt: skip
        session.add(line)
    line.quantity, line.offer_id, line.agreed_price = 1, offer_id, agreed_price
    line.price_when_added, line.currency = found.price, found.currency
    await _flush(session)


async def remove(session: AsyncSession, user_id: uuid.UUID, line_id: uuid.UUID) -> None:
    await _own_line(session, user_id, line_id)
    await repository.delete_lines(session, user_id, [line_id])


async def clear(
    session: AsyncSession, user_id: uuid.UUID, line_ids: Sequence[uuid.UUID] | None = None
) -> None:
    """Empty the cart, or only the given lines of it (those a checkout ordered)."""
    await repository.delete_lines(session, user_id, line_ids)


# --- merging a signed-out visitor's cart --------------------------------------------------


def _combined(items: Sequence[CartItemCreate]) -> dict[LineRef, int]:
    """The browser's lines by listing and option, duplicates added up, first seen first."""
    wanted: dict[LineRef, int] = {}
    for item in items:
        ref = (item.product_id, item.option_id)
        wanted[ref] = wanted.get(ref, 0) + item.quantity
    return wanted


async def merge(
    session: AsyncSession, storage: FileStorage, user_id: uuid.UUID, visitor: CartMerge
) -> MergeResult:
    """Fold the visitor's cart into the account's: quantities add up and are capped at the
    stock; lines that cannot be bought are skipped with their reason, never refused as a
    whole. Existing lines keep their reference price (a change stays flagged); new lines
    take the current one. A line agreed in an offer stays at one unit (`capped`)."""
    wanted = _combined(visitor.items)
    lines = {(line.product_id, line.option_id): line for line in
             await repository.lines_of(session, user_id)}  # fmt: skip
    found_all = await catalog.purchasables(session, storage, list(wanted))
    dealer = await users.get_dealer_of_user(session, user_id)
    notes: list[MergeNote] = []

    def note(ref: LineRef, reason: MergeReason, kept: int = 0) -> None:
        notes.append(MergeNote(product_id=ref[0], option_id=ref[1], reason=reason, kept=kept))

    for ref, quantity in wanted.items():
        found = found_all.get(ref)
        line = lines.get(ref)
        if found is not None and dealer is not None and dealer.id == found.seller_id:
            note(ref, MergeReason.OWN_LISTING)  # checked first, as when adding one line
        elif found is None or is_unavailable(found):
            note(ref, MergeReason.UNAVAILABLE)
        elif is_sold_out(found):
            note(ref, MergeReason.SOLD_OUT)
        elif line is None and len(lines) >= MAX_LINES:
            note(ref, MergeReason.CART_FULL)
        else:
            total = (line.quantity if line else 0) + quantity
            most = 1 if line is not None and line.offer_id is not None else MAX_LINE_QUANTITY
            kept = min(total, found.available, most)
            if kept < total:
                note(ref, MergeReason.CAPPED, kept)
            if line is None:
                lines[ref] = CartItem(
                    user_id=user_id, product_id=ref[0], option_id=ref[1],
                    line_key=line_key(*ref), quantity=kept,
                    price_when_added=found.price, currency=found.currency,
                )  # fmt: skip
                session.add(lines[ref])
            else:
                line.quantity = kept
    await _flush(session)
    return MergeResult(cart=await view(session, storage, user_id), skipped=notes)


async def remove_ordered(
    session: AsyncSession,
    user_id: uuid.UUID,
    ordered: Sequence[tuple[uuid.UUID, uuid.UUID | None]],
) -> None:
    """Take the lines of what was just paid for out of the buyer's cart."""
    await repository.delete_listings(session, user_id, [line_key(p, o) for p, o in ordered])
