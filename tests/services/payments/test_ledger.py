"""The books balance whatever happens: random orders, cancels, refunds, releases and payouts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from techmarket.core.resources import Resources
from techmarket.services.payments import ledger
from techmarket.services.payments.models import LedgerEntry, LedgerTransaction

FEE_PERCENT = 8


@dataclass
class Order:
    amount: int
    seller: int
    released: bool = False
    refunded: int = 0


@dataclass
class Books:
    """What the balances must be, computed without the database."""

    escrow: int = 0
    processor: int = 0
    fees: int = 0
    sellers: dict[int, int] = field(default_factory=dict)


operations = st.lists(
    st.one_of(
        st.tuples(st.just("order"), st.integers(1, 500_000), st.integers(0, 2)),
        st.tuples(st.just("release"), st.integers(0, 30), st.just(0)),
        st.tuples(st.just("refund"), st.integers(0, 30), st.integers(1, 100)),
        st.tuples(st.just("payout"), st.integers(0, 2), st.integers(1, 100)),
    ),
    min_size=1,
    max_size=25,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=operations)
async def test_random_money_flows_balance_and_never_go_negative(
    resources: Resources, ops: list[tuple[str, int, int]]
) -> None:
    currency = "EUR"
    sellers = [uuid.uuid4() for _ in range(3)]
    orders: list[Order] = []
    books = Books()
    async with resources.db.unit_of_work(write=True) as session:
        start = {
            "escrow": await ledger.balance(session, ledger.escrow(currency)),
            "processor": await ledger.balance(session, ledger.processor(currency)),
            "fees": await ledger.balance(session, ledger.platform_fees(currency)),
        }
        for op, a, b in ops:
            if op == "order":
                orders.append(Order(amount=a, seller=b))
                await ledger.record_capture(session, uuid.uuid4(), a, currency)
                books.escrow += a
                books.processor += a
            elif op == "release" and orders:
                order = orders[a % len(orders)]
                if order.released or order.refunded:
                    continue
                fee = order.amount * FEE_PERCENT // 100
                await ledger.record_release(
                    session, uuid.uuid4(), sellers[order.seller], order.amount, fee, currency
                )
                order.released = True
                books.escrow -= order.amount
                books.fees += fee
                books.sellers[order.seller] = (
                    books.sellers.get(order.seller, 0) + order.amount - fee
                )
            elif op == "refund" and orders:
                order = orders[a % len(orders)]
                amount = max(1, (order.amount - order.refunded) * b // 100)
                if order.refunded + amount > order.amount:
                    continue
                if order.released:
                    fee_share = amount * FEE_PERCENT // 100
                    owed = books.sellers.get(order.seller, 0)
                    if owed < amount - fee_share:
                        with pytest.raises(ledger.InsufficientBalance):
                            await ledger.record_refund(
                                session, f"r-{uuid.uuid4()}", amount, currency,
                                released_to=sellers[order.seller], fee_share=fee_share,
                            )  # fmt: skip
                        continue
                    await ledger.record_refund(
                        session, f"r-{uuid.uuid4()}", amount, currency,
                        released_to=sellers[order.seller], fee_share=fee_share,
                    )  # fmt: skip
                    books.sellers[order.seller] = owed - (amount - fee_share)
                    books.fees -= fee_share
                else:
                    await ledger.record_refund(session, f"r-{uuid.uuid4()}", amount, currency)
                    books.escrow -= amount
                order.refunded += amount
                books.processor -= amount
            elif op == "payout":
                owed = books.sellers.get(a, 0)
                amount = owed * b // 100
                if amount == 0:
                    with pytest.raises(ledger.InsufficientBalance):
                        await ledger.record_payout(
                            session, uuid.uuid4(), sellers[a], owed + 1, currency
                        )
                    continue
                await ledger.record_payout(session, uuid.uuid4(), sellers[a], amount, currency)
                books.sellers[a] = owed - amount
                books.processor -= amount
        assert (
            await ledger.balance(session, ledger.escrow(currency)) - start["escrow"] == books.escrow
        )
        assert (
            await ledger.balance(session, ledger.processor(currency)) - start["processor"]
            == books.processor
        )
        assert (
            await ledger.balance(session, ledger.platform_fees(currency)) - start["fees"]
            == books.fees
        )
        for index, seller_id in enumerate(sellers):
            owed = await ledger.balance(session, ledger.seller(seller_id, currency))
            assert owed == books.sellers.get(index, 0) >= 0
        # Every transaction ever written sums to zero, so the whole ledger does too.
        unbalanced = await session.scalar(
            select(func.count()).select_from(
                select(LedgerTransaction.id)
                .join(LedgerEntry, LedgerEntry.transaction_id == LedgerTransaction.id)
                .group_by(LedgerTransaction.id)
                .having(func.sum(LedgerEntry.amount) != 0)
                .subquery()
            )
        )
        assert unbalanced == 0
        assert await session.scalar(select(func.sum(LedgerEntry.amount))) in (0, None)


async def test_a_retried_posting_writes_nothing_twice(resources: Resources) -> None:
    payment = uuid.uuid4()
    async with resources.db.unit_of_work(write=True) as session:
        before = await ledger.balance(session, ledger.escrow("SEK"))
        await ledger.record_capture(session, payment, 1000, "SEK")
        await ledger.record_capture(session, payment, 1000, "SEK")
        assert await ledger.balance(session, ledger.escrow("SEK")) - before == 1000


async def test_unbalanced_or_overdrawn_postings_are_refused(resources: Resources) -> None:
    async with resources.db.unit_of_work(write=True) as session:
        with pytest.raises(ledger.UnbalancedTransaction):
            await ledger.post(session, "test", str(uuid.uuid4()), [(ledger.escrow("NOK"), 5)])
        with pytest.raises(ledger.InsufficientBalance):
            await ledger.record_payout(session, uuid.uuid4(), uuid.uuid4(), 1, "NOK")
