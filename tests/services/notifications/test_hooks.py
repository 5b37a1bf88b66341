"""Other services' events become notifications: offers, paid orders, delivery problems."""

from __future__ import annotations

import uuid

from fastapi import FastAPI

from techmarket.core.clock import utcnow
from techmarket.core.resources import Resources
from techmarket.services.notifications import shipment_hooks
from techmarket.services.users import client as users
from tests.accounts import sign_up
from tests.factories import make_listing, make_seller
from tests.services.cart.offers_shop import acted, listed, offered
from tests.services.notifications.tell import Shipped, notifications_of
from tests.services.orders.shop import make_buyer


async def test_an_offer_tells_the_seller_and_the_answer_tells_the_buyer(
    app: FastAPI, resources: Resources
) -> None:
    shop = await listed(app, resources, title="ThinkPad X1 Carbon")
    buyer = await sign_up(app)
    made = await offered(buyer, shop.product_id, 8_000)
    [received] = await notifications_of(resources, shop.seller.user_id)
    assert received.kind == "offer_received"
    assert received.title == "New offer: 80.00 EUR for ThinkPad X1 Carbon"
    assert received.event_key == f"offer:{made['id']}:made"
    assert received.link == "/account/offers"
    bell = await shop.owner.http.get("/api/v1/notifications", headers=shop.owner.auth())
    assert [item["kind"] for item in bell.json()["items"]] == ["offer_received"]

    await acted(shop.owner, made["id"], "counter", 9_000)
    [answered] = await notifications_of(resources, buyer.user_id)
    assert answered.kind == "offer_answered"
    assert answered.title == "Counter-offer: ThinkPad X1 Carbon"
    assert (
        answered.body == "The seller countered your offer on “ThinkPad X1 Carbon” with 90.00 EUR."
    )
    assert len(await notifications_of(resources, shop.seller.user_id)) == 1  # not the mover


async def test_a_paid_order_tells_the_buyer_and_the_seller(
    app: FastAPI, resources: Resources
) -> None:
    buyer = await make_buyer(app)
    seller = await make_seller(resources)
    product = await make_listing(resources, seller, title="Steam Deck OLED", price=40_000)
    await buyer.add(product)
    placed = await buyer.order()
    assert placed.status_code == 201, placed.text
    order_id = placed.json()["orders"][0]["id"]
    [receipt] = await notifications_of(resources, buyer.account.user_id)
    assert receipt.kind == "order_paid"
    assert receipt.title.startswith("Your TechMarket receipt: ")
    [sale] = await notifications_of(resources, seller.user_id)
    assert sale.kind == "order_placed"
    assert sale.title == "New order to ship: Steam Deck OLED"
    assert sale.link == f"/selling/sales/{order_id}"


async def test_a_delivery_problem_tells_buyer_seller_and_support(
    app: FastAPI, resources: Resources
) -> None:
    buyer = await sign_up(app)
    seller = await make_seller(resources)
    agent = await sign_up(app)
    async with resources.db.unit_of_work(write=True) as session:
        await users.grant_role(session, uuid.UUID(agent.user_id), users.Role.SUPPORT_AGENT)
    order_id = uuid.uuid4()
    event = Shipped(
        order_id=order_id, shipment_id=uuid.uuid4(), buyer_id=uuid.UUID(buyer.user_id),
        seller_id=seller.dealer_id, status="returned_to_sender", previous_status="in_transit",
        tracking_number="SBX000EXC", tracking_url=None, occurred_at=utcnow(),
    )  # fmt: skip
    for _ in range(2):  # a repeated webhook tells nobody twice
        async with resources.db.unit_of_work(write=True) as session:
            await shipment_hooks.on_shipment_updated(session, event)
    links = {}
    for who, user_id in (("buyer", buyer.user_id), ("seller", seller.user_id),
                         ("agent", agent.user_id)):  # fmt: skip
        [told] = await notifications_of(resources, user_id)
        assert told.kind == "delivery_problem"
        assert told.title == (
            f"Delivery problem with order {str(order_id)[:8]}: returned to the sender"
        )
        links[who] = told.link
    assert links == {
        "buyer": f"/account/orders/{order_id}",
        "seller": f"/selling/sales/{order_id}",
        "agent": None,
    }


async def test_shipment_steps_tell_the_buyer_once_each(app: FastAPI, resources: Resources) -> None:
    buyer = await sign_up(app)
    order_id = uuid.uuid4()
    for status in ("label_created", "in_transit", "out_for_delivery", "delivered", "delivered"):
        event = Shipped(
            order_id=order_id, shipment_id=uuid.uuid4(), buyer_id=uuid.UUID(buyer.user_id),
            seller_id=uuid.uuid4(), status=status, previous_status=None,
            tracking_number="SBX42", tracking_url=None, occurred_at=utcnow(),
        )  # fmt: skip
        async with resources.db.unit_of_work(write=True) as session:
            await shipment_hooks.on_shipment_updated(session, event)
    told = await notifications_of(resources, buyer.user_id)
    assert [n.kind for n in told] == ["order_shipped", "out_for_delivery", "delivered"]
