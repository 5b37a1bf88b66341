"""Every status pair is either allowed by the table or refused with a 409."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from techmarket.services.orders import state_machine
from techmarket.services.orders.models import Order, OrderStatus


def _order(status: OrderStatus) -> Order:
    return Order(id=uuid.uuid4(), status=status, events=[])


@given(st.sampled_from(OrderStatus), st.sampled_from(OrderStatus))
def test_moves_follow_the_table(start: OrderStatus, to: OrderStatus) -> None:
    order = _order(start)
    if to in state_machine.ALLOWED[start]:
        event = state_machine.move(order, to, note="why")
        assert order.status == to and order.events == [event] and event.status == to
    else:
        with pytest.raises(state_machine.IllegalTransition):
            state_machine.move(order, to)
        assert order.status == start and order.events == []


def test_the_happy_path_stamps_each_step() -> None:
    order = _order(OrderStatus.PENDING_PAYMENT)
    for step in ("paid", "shipped", "delivered", "completed"):
        state_machine.move(order, OrderStatus(step))
        assert getattr(order, f"{step}_at") is not None
    assert [event.status for event in order.events] == [
        OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.COMPLETED,
    ]  # fmt: skip


def test_finished_orders_go_nowhere() -> None:
    for end in (OrderStatus.COMPLETED, OrderStatus.CANCELLED, OrderStatus.REFUNDED):
        assert state_machine.ALLOWED[end] == frozenset()
    assert not state_machine.can(_order(OrderStatus.SHIPPED), OrderStatus.CANCELLED)
