"""Sellers' money: what they are owed (the ledger), what waits in escrow, and payouts.

A payout sends a seller's whole available balance in one currency to their account at the
processor. The payout row is written first (pending), the transfer is idempotent by the
payout's id, and the ledger moves only once the processor confirms it: a failure leaves the
balance where it was and the payout `failed`.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.errors import Conflict, InvalidInput
from techmarket.core.resources import Resources
from techmarket.services.notifications import client as notifications
from techmarket.services.payments import ledger
from techmarket.services.payments.models import (
    AccountKind,
    LedgerAccount,
    Payout,
    PayoutAccount,
    PayoutStatus,
)
from techmarket.services.payments.processor_link import provider_for
from techmarket.services.payments.providers.base import PaymentProviderError
from techmarket.services.payments.schemas import (
    PayoutAccountRead,
    PayoutBalance,
    PayoutRead,
    PayoutSummary,
)


class NoPayoutAccount(InvalidInput):
    code, title = "no-payout-account", "Add a payout account first"


class NothingToPayOut(Conflict):
    code, title = "nothing-to-pay-out", "There is no money to pay out"


async def set_account(
    session: AsyncSession, resources: Resources, seller_id: uuid.UUID, account_ref: str
) -> PayoutAccountRead:
    account = await session.scalar(
        select(PayoutAccount).where(PayoutAccount.seller_id == seller_id)
    )
    provider = provider_for(resources).name
    if account is None:
        account = PayoutAccount(seller_id=seller_id, provider=provider, account_ref=account_ref)
        session.add(account)
    else:
        account.provider, account.account_ref = provider, account_ref
    await session.flush()
    return PayoutAccountRead(provider=account.provider, account_ref=account.account_ref)


async def _account_of(session: AsyncSession, seller_id: uuid.UUID) -> PayoutAccount | None:
    return await session.scalar(select(PayoutAccount).where(PayoutAccount.seller_id == seller_id))


async def _currencies(session: AsyncSession, seller_id: uuid.UUID) -> list[str]:
    rows = await session.scalars(
        select(LedgerAccount.currency).where(
            LedgerAccount.kind == AccountKind.SELLER, LedgerAccount.owner_id == seller_id
        )
    )
    return sorted(set(rows))


async def summary(
    session: AsyncSession, seller_id: uuid.UUID, pending: Mapping[str, int]
) -> PayoutSummary:
    """`pending` is what the seller's unfinished orders will bring (from the orders service)."""
    paid_rows = await session.execute(
        select(Payout.currency, func.sum(Payout.amount))
        .where(Payout.seller_id == seller_id, Payout.status == PayoutStatus.PAID)
        .group_by(Payout.currency)
    )
    paid = {currency: int(total) for currency, total in paid_rows}
    currencies = sorted({*await _currencies(session, seller_id), *pending, *paid})
    balances = [
        PayoutBalance(
            currency=currency,
            available=await ledger.balance(session, ledger.seller(seller_id, currency)),
            pending=pending.get(currency, 0),
            paid_out=paid.get(currency, 0),
        )
        for currency in currencies
    ]
    history = await session.scalars(
        select(Payout)
        .where(Payout.seller_id == seller_id)
        .order_by(Payout.created_at.desc())
        .limit(50)
    )
    account = await session.scalar(
        select(PayoutAccount).where(PayoutAccount.seller_id == seller_id)
    )
    return PayoutSummary(
        balances=balances,
        items=[PayoutRead.model_validate(payout) for payout in history],
        account=(
            PayoutAccountRead(provider=account.provider, account_ref=account.account_ref)
            if account
            else None
        ),
    )


async def pay_out(resources: Resources, seller_id: uuid.UUID, currency: str) -> PayoutRead:
    async with resources.db.unit_of_work(write=True) as session:
        account = await _account_of(session, seller_id)
        if account is None:
            raise NoPayoutAccount("Add the account your payouts go to (PUT /payouts/account).")
        amount = await ledger.balance(session, ledger.seller(seller_id, currency))
        if amount <= 0:
            raise NothingToPayOut(f"You have no {currency} available to pay out yet.")
        payout = Payout(
            id=uuid.uuid4(), seller_id=seller_id, amount=amount, currency=currency,
            status=PayoutStatus.PENDING,
        )  # fmt: skip
        session.add(payout)
        payout_id, destination = payout.id, account.account_ref
    try:
        transfer = await provider_for(resources).transfer(
            amount=amount,
            currency=currency,
            destination_account=destination,
            idempotency_key=f"payout:{payout_id}",
            metadata={"seller_id": str(seller_id)},
        )
    except PaymentProviderError:
        async with resources.db.unit_of_work(write=True) as session:
            failed = await session.get(Payout, payout_id)
            if failed is not None:
                failed.status = PayoutStatus.FAILED
        raise
    async with resources.db.unit_of_work(write=True) as session:
        payout = await session.get(Payout, payout_id)  # type: ignore[assignment]
        assert payout is not None
        payout.status = PayoutStatus.PAID
        payout.provider_transfer_id = transfer.id
        await ledger.record_payout(session, payout_id, seller_id, amount, currency)
        await notifications.notify_store(
            session, store_id=seller_id, kind=notifications.NotificationKind.PAYOUT_SENT,
            event_key=f"payout:{payout_id}:sent",
            context={"payout_id": str(payout_id), "amount": amount, "currency": currency,
                     "account": _masked(destination)},
        )  # fmt: skip
        return PayoutRead.model_validate(payout)


def _masked(account_ref: str) -> str:
    """The end of the account reference: enough to recognise it, not to copy it."""
    return "…" + account_ref[-4:] if len(account_ref) > 4 else account_ref
