"""The marketplace's books: double entry, every transaction sums to zero.

Entries are signed (debit > 0, credit < 0). Accounts and what their balance means:

| account | balance (as reported) | grows when |
| --- | --- | --- |
| processor | money TechMarket holds at the processor | a buyer's payment is captured |
| escrow | paid by buyers, not yet released | capture; shrinks on release or refund |
| seller:<id> | owed to a seller | an order is released to them; shrinks on payout |
| platform_fees | TechMarket's revenue | the fee of a released order |

Postings (one transaction each, keyed by what caused it, so a retry posts nothing twice):

- capture A: processor +A, escrow -A
- release A with fee F: escrow +A, seller -(A-F), platform_fees -F
- refund R before release: escrow +R, processor -R
- refund R after release: seller +(R-f), platform_fees +f, processor -R (f = the fee's share)
- payout P: seller +P, processor -P

No balance may go below zero: a release or refund larger than the escrow, or a payout larger
than the seller's balance, is refused before anything is written.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.errors import Conflict
from techmarket.services.payments.models import (
    AccountKind,
    LedgerAccount,
    LedgerEntry,
    LedgerTransaction,
)

# Accounts whose natural balance is a credit (what TechMarket owes or earned): reported negated.
_CREDIT_NORMAL = {AccountKind.ESCROW, AccountKind.SELLER, AccountKind.PLATFORM_FEES}


class UnbalancedTransaction(ValueError):
    """A programming error: the lines of a transaction must sum to zero."""


class InsufficientBalance(Conflict):
    code, title = "insufficient-balance", "Not enough money in the account"


@dataclass(frozen=True)
class AccountRef:
    kind: AccountKind
    currency: str
    owner_id: uuid.UUID | None = None

    @property
    def owner_key(self) -> str:
        return str(self.owner_id) if self.owner_id else "-"


def processor(currency: str) -> AccountRef:
    return AccountRef(AccountKind.PROCESSOR, currency)


def escrow(currency: str) -> AccountRef:
    return AccountRef(AccountKind.ESCROW, currency)


def seller(seller_id: uuid.UUID, currency: str) -> AccountRef:
    return AccountRef(AccountKind.SELLER, currency, seller_id)


def platform_fees(currency: str) -> AccountRef:
    return AccountRef(AccountKind.PLATFORM_FEES, currency)


async def _account(session: AsyncSession, ref: AccountRef) -> LedgerAccount:
    account = await session.scalar(
        select(LedgerAccount).where(
            LedgerAccount.kind == ref.kind,
            LedgerAccount.owner_key == ref.owner_key,
            LedgerAccount.currency == ref.currency,
        )
    )
    if account is None:
        account = LedgerAccount(
            id=uuid.uuid4(),
            kind=ref.kind,
            owner_id=ref.owner_id,
            owner_key=ref.owner_key,
            currency=ref.currency,
        )
        session.add(account)
        await session.flush()
    return account


async def balance(session: AsyncSession, ref: AccountRef) -> int:
    """The account's balance in its natural sign (what is held, owed or earned)."""
    total = await session.scalar(
        select(func.coalesce(func.sum(LedgerEntry.amount), 0))
        .join(LedgerAccount, LedgerAccount.id == LedgerEntry.account_id)
        .where(
            LedgerAccount.kind == ref.kind,
            LedgerAccount.owner_key == ref.owner_key,
            LedgerAccount.currency == ref.currency,
        )
    )
    amount = int(total or 0)
    return -amount if ref.kind in _CREDIT_NORMAL else amount


async def post(
    session: AsyncSession, kind: str, reference: str, lines: Sequence[tuple[AccountRef, int]]
) -> LedgerTransaction:
    """Write one balanced transaction; the same (kind, reference) again returns the first."""
    if sum(amount for _, amount in lines) != 0:
        raise UnbalancedTransaction(f"{kind} {reference}: lines sum to {sum(a for _, a in lines)}")
    existing = await session.scalar(
        select(LedgerTransaction).where(
            LedgerTransaction.kind == kind, LedgerTransaction.reference == reference
        )
    )
    if existing is not None:
        return existing
    transaction = LedgerTransaction(id=uuid.uuid4(), kind=kind, reference=reference)
    session.add(transaction)
    await session.flush()
    for ref, amount in lines:
        if amount == 0:
            continue
        account = await _account(session, ref)
        session.add(
            LedgerEntry(transaction_id=transaction.id, account_id=account.id, amount=amount)
        )
    await session.flush()
    return transaction


async def has_posting(session: AsyncSession, kind: str, reference: str) -> bool:
    found = await session.scalar(
        select(LedgerTransaction.id).where(
            LedgerTransaction.kind == kind, LedgerTransaction.reference == reference
        )
    )
    return found is not None


async def _require(session: AsyncSession, ref: AccountRef, amount: int, what: str) -> None:
    available = await balance(session, ref)
    if available < amount:
        raise InsufficientBalance(
            f"{what}: {amount} needed, {available} available in {ref.kind.value} ({ref.currency})."
        )


async def record_capture(
    session: AsyncSession, payment_id: uuid.UUID, amount: int, currency: str
) -> None:
    await post(
        session, "capture", str(payment_id),
        [(processor(currency), amount), (escrow(currency), -amount)],
    )  # fmt: skip


async def record_release(
    session: AsyncSession,
    order_id: uuid.UUID,
    seller_id: uuid.UUID,
    amount: int,
    fee: int,
    currency: str,
) -> None:
    if not 0 <= fee <= amount:
        raise UnbalancedTransaction(f"fee {fee} outside 0..{amount}")
    await _require(session, escrow(currency), amount, "Release")
    await post(
        session,
        "release",
        str(order_id),
        [
            (escrow(currency), amount),
            (seller(seller_id, currency), -(amount - fee)),
            (platform_fees(currency), -fee),
        ],
    )


async def record_refund(
    session: AsyncSession,
    refund_reference: str,
    amount: int,
    currency: str,
    *,
    released_to: uuid.UUID | None = None,
    fee_share: int = 0,
) -> None:
    """A refund comes out of escrow, or, after release, back from the seller and the fee."""
    if released_to is None:
        await _require(session, escrow(currency), amount, "Refund")
        lines = [(escrow(currency), amount), (processor(currency), -amount)]
    else:
        await _require(session, seller(released_to, currency), amount - fee_share, "Refund")
        await _require(session, platform_fees(currency), fee_share, "Refund")
        lines = [
            (seller(released_to, currency), amount - fee_share),
            (platform_fees(currency), fee_share),
            (processor(currency), -amount),
        ]
    await post(session, "refund", refund_reference, lines)


async def record_payout(
    session: AsyncSession, payout_id: uuid.UUID, seller_id: uuid.UUID, amount: int, currency: str
) -> None:
    await _require(session, seller(seller_id, currency), amount, "Payout")
    await post(
        session, "payout", str(payout_id),
        [(seller(seller_id, currency), amount), (processor(currency), -amount)],
    )  # fmt: skip
