"""A seller's own listings, every status, and the order of their pictures."""

from __future__ import annotations

from fastapi import FastAPI

from techmarket.core.resources import Resources
from tests.accounts import sign_up
from tests.images import jpeg_with_gps
from tests.services.catalog.test_selling import listing, make_seller_account

PRODUCTS = "/api/v1/products"


async def test_my_listings_show_every_status_of_my_store_only(
    app: FastAPI, resources: Resources
) -> None:
    seller, other = (
        await make_seller_account(app, resources),
        await make_seller_account(app, resources),
    )
    made = []
    for visibility in ("public", "draft", "private"):
        created = await seller.http.post(
            PRODUCTS, json=listing(visibility=visibility), headers=seller.auth()
        )
        made.append(created.json()["id"])
    await seller.http.delete(f"{PRODUCTS}/{made[0]}", headers=seller.auth())
    await other.http.post(PRODUCTS, json=listing(), headers=other.auth())
    pages, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        body = (
            await seller.http.get(f"{PRODUCTS}/mine", params=params, headers=seller.auth())
        ).json()
        pages += body["items"]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert [item["id"] for item in pages] == list(reversed(made))  # newest first, all mine
    removed = await seller.http.get(
        f"{PRODUCTS}/mine", params={"status": "removed"}, headers=seller.auth()
    )
    assert [item["id"] for item in removed.json()["items"]] == [made[0]]
    buyer = await sign_up(app)
    none = await buyer.http.get(f"{PRODUCTS}/mine", headers=buyer.auth())
    assert none.json() == {"items": [], "next_cursor": None}
    assert (await buyer.http.get(f"{PRODUCTS}/mine")).status_code == 401


async def test_pictures_are_reordered_by_their_owner(app: FastAPI, resources: Resources) -> None:
    seller, other = (
        await make_seller_account(app, resources),
        await make_seller_account(app, resources),
    )
    product = (await seller.http.post(PRODUCTS, json=listing(), headers=seller.auth())).json()
    for _ in range(3):
        uploaded = await seller.http.post(
            f"{PRODUCTS}/{product['id']}/images",
            files={"file": ("p.jpg", jpeg_with_gps(), "image/jpeg")},
            headers=seller.auth(),
        )
        assert uploaded.status_code == 201
    ids = [image["id"] for image in uploaded.json()["images"]]
    order = f"{PRODUCTS}/{product['id']}/images/order"
    wanted = [ids[2], ids[0], ids[1]]
    moved = await seller.http.put(order, json={"image_ids": wanted}, headers=seller.auth())
    assert moved.status_code == 200, moved.text
    assert [image["id"] for image in moved.json()["images"]] == wanted
    public = (await seller.http.get(f"{PRODUCTS}/{product['id']}")).json()
    assert public["image"]["id"] == ids[2]  # the card shows the new first picture
    for wrong in ([ids[0], ids[1]], [*ids, ids[0]], [ids[0], ids[1], ids[1]]):
        refused = await seller.http.put(order, json={"image_ids": wrong}, headers=seller.auth())
        assert refused.status_code == 422, wrong
    stranger = await other.http.put(order, json={"image_ids": wanted}, headers=other.auth())
    assert stranger.status_code == 404
