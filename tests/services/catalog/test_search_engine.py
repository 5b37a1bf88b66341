"""The embedded search engine: what it ranks and counts, how its index keeps in step with the
database, and why the database still decides what is shown."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import threading
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from sqlalchemy import func, select, update

from techmarket.app import create_app
from techmarket.config import Settings
from techmarket.core.clock import utcnow
from techmarket.core.pagination import decode_cursor, encode_cursor
from techmarket.core.resources import Resources
from techmarket.services.catalog import full_text, repository, search_index
from techmarket.services.catalog.models import ListingStatus, Product, Visibility
from techmarket.services.catalog.search import CURSOR_KEYS
from techmarket.services.catalog.search_engine import EngineQuery, SearchEngine, index_words
from techmarket.services.catalog.search_index import SearchIndex
from tests.factories import make_listing, make_seller, unique
from tests.services.catalog.test_search import PRODUCTS, _ids, word
from tests.services.catalog.test_selling import listing, make_seller_account


def _index(resources: Resources) -> SearchIndex:
    index = search_index.of_database(resources.db)
    assert index is not None, "the test app searches with the embedded engine"
    return index


async def _in_index(index: SearchIndex, key: str) -> list[uuid.UUID]:
    return index.engine.page(EngineQuery(words=index_words(key)), 0, 100)


async def test_the_engine_ranks_every_match_however_old(
    client: httpx.AsyncClient, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database ranks a window of the newest matches on SQLite; the engine ranks them all,
    and its pages go on by offset in a cursor of its own."""
    monkeypatch.setattr(full_text, "RANKED_WINDOW", 1)
    seller, key = await make_seller(resources), word()
    strong = await make_listing(
        resources, seller, title=f"{key} {key} {key}", description=f"{key} {key}",
        created_at=utcnow() - dt.timedelta(days=30),
    )  # fmt: skip
    newer = [await make_listing(resources, seller, title=f"Phone {key} {n}") for n in range(3)]
    first = (await client.get(PRODUCTS, params={"q": key, "limit": 2})).json()
    assert first["items"][0]["id"] == str(strong)
    position = decode_cursor(first["next_cursor"], expected_keys=CURSOR_KEYS)
    assert position["sort"] == "engine:relevance" and position["value"][0] == 2
    ranked = await _ids(client, q=key, limit=2)
    assert sorted(ranked) == sorted(map(str, [strong, *newer]))  # each once over the pages


async def test_new_listings_do_not_push_items_across_later_pages(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    seller, brand = await make_seller(resources), unique("Pushed")
    older = [await make_listing(resources, seller, brand=brand) for _ in range(4)]
    first = await client.get(PRODUCTS, params={"brand": brand, "sort": "newest", "limit": 2})
    body = first.json()
    await make_listing(resources, seller, brand=brand)  # lands on top of page one meanwhile
    params = {"brand": brand, "sort": "newest", "limit": 2, "cursor": body["next_cursor"]}
    second = (await client.get(PRODUCTS, params=params)).json()
    shown = [item["id"] for item in body["items"] + second["items"]]
    assert sorted(shown) == sorted(map(str, older))  # no item twice, none skipped
    assert second["next_cursor"] is None


async def test_facets_count_every_match_not_a_sample(
    client: httpx.AsyncClient,
    database_search_client: httpx.AsyncClient,
    resources: Resources,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(repository, "FACET_SAMPLE", 2)
    seller, brand = await make_seller(resources), unique("Counted")
    for condition in ("good", "good", "fair"):
        await make_listing(resources, seller, brand=brand, condition=condition)
    engine = (await client.get(PRODUCTS, params={"brand": brand})).json()["facets"]
    assert {v["value"]: v["count"] for v in engine["condition"]} == {"good": 2, "fair": 1}
    assert engine["approximate"] is False
    sampled = (await database_search_client.get(PRODUCTS, params={"brand": brand})).json()
    assert sampled["facets"]["approximate"] is True
    assert sum(v["count"] for v in sampled["facets"]["condition"]) == 2


async def test_decimal_specs_filter_by_range(
    search_client: httpx.AsyncClient, resources: Resources
) -> None:
    """Numbers are kept as thousandths in the index (tantivy cannot range over mixed integers
    and decimals): 6.1 and 6.7 inch screens sort out as in the database."""
    seller, brand = await make_seller(resources), unique("Screens")

    async def phone(screen: float) -> str:
        specs = {"carrier_lock": "unlocked", "screen_inches": screen}
        return str(await make_listing(resources, seller, brand=brand, specs=specs))

    small, large, whole = await phone(6.1), await phone(6.7), await phone(7)
    base = {"brand": brand, "category": "phones"}
    assert set(await _ids(search_client, **base, spec="screen_inches:6.0..6.5")) == {small}
    assert set(await _ids(search_client, **base, spec="screen_inches:6.5..")) == {large, whole}
    assert await _ids(search_client, **base, spec="screen_inches:6.7") == [large]
    assert await _ids(search_client, **base, spec="screen_inches:7") == [whole]


async def test_a_listing_leaving_public_view_leaves_search_at_once(
    app: FastAPI, client: httpx.AsyncClient, resources: Resources
) -> None:
    seller = await make_seller_account(app, resources)
    key = word()
    created = await seller.http.post(
        PRODUCTS, json=listing(title=f"Laptop {key}", visibility="public"), headers=seller.auth()
    )
    assert created.status_code == 201, created.text
    product_id = created.json()["id"]
    assert await _ids(client, q=key) == [product_id]
    hidden = await seller.http.patch(
        f"{PRODUCTS}/{product_id}", json={"visibility": "unlisted"}, headers=seller.auth()
    )
    assert hidden.status_code == 200, hidden.text
    assert await _ids(client, q=key) == []
    assert uuid.UUID(product_id) not in await _in_index(_index(resources), key)


async def test_writes_of_other_processes_show_within_the_lag(
    resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process sees another's write at its next catch-up, due once the lag has passed; a
    write of its own makes the next search catch up at once."""
    index = _index(resources)
    monkeypatch.setattr(index, "_lag", 3600)
    assert await index.fresh()
    seller, key = await make_seller(resources), word()
    elsewhere = await make_listing(resources, seller, title=f"Tablet {key}")
    assert await index.fresh()
    assert await _in_index(index, key) == []  # within the lag: not read yet
    async with resources.db.unit_of_work(write=True) as session:
        await session.execute(
            update(Product).where(Product.id == elsewhere).values(title=f"Tablet {key} 64GB")
        )
        search_index.listings_changed(session)  # what every listing write of the app says
        assert not index._stale  # not before the commit: a search meanwhile would miss it
    assert index._stale
    assert await index.fresh()
    assert await _in_index(index, key) == [elsewhere]
    monkeypatch.setattr(index, "_lag", 0)
    later = await make_listing(resources, seller, title=f"Tablet {key} case")
    assert await index.fresh()  # past the lag
    assert sorted(await _in_index(index, key)) == sorted([elsewhere, later])


async def test_a_new_process_builds_its_index_from_the_database(
    resources: Resources, tmp_path: Path
) -> None:
    seller, key = await make_seller(resources), word()
    found = await make_listing(resources, seller, title=f"Camera {key}")
    await make_listing(resources, seller, title=f"Camera {key} draft", visibility="draft")
    index = SearchIndex(resources.db, lag_seconds=0, folder=tmp_path)
    assert not await index.fresh()  # not built: searches use the database meanwhile
    built = await index.build()
    async with resources.db.unit_of_work(write=False) as session:
        findable = await session.scalar(
            select(func.count())
            .select_from(Product)
            .where(Product.status == ListingStatus.ACTIVE, Product.visibility == Visibility.PUBLIC)
        )
    assert built == findable == index.engine.size
    assert await _in_index(index, key) == [found]


async def test_the_database_decides_what_is_shown(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    """A listing the index still holds (another process hid it a moment ago) is not shown."""
    seller, key = await make_seller(resources), word()
    kept = await make_listing(resources, seller, title=f"Console {key}")
    hidden = await make_listing(resources, seller, title=f"Console {key} Pro")
    index = _index(resources)
    assert await index.fresh() and len(await _in_index(index, key)) == 2
    async with resources.db.unit_of_work(write=True) as session:  # the stamp stays: unseen
        await session.execute(
            update(Product)
            .where(Product.id == hidden)
            .values(visibility=Visibility.PRIVATE, updated_at=Product.updated_at)
        )
    assert await _ids(client, q=key) == [str(kept)]
    assert len(await _in_index(index, key)) == 2


@pytest.mark.parametrize("failing", ["page", "facets"])
async def test_a_failing_engine_leaves_search_to_the_database(
    client: httpx.AsyncClient, resources: Resources, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    seller, key = await make_seller(resources), word()
    found = await make_listing(resources, seller, title=f"Router {key}")

    def panic(*_: Any) -> None:
        raise RuntimeError("tantivy fell over")

    monkeypatch.setattr(SearchEngine, failing, panic)
    response = await client.get(PRODUCTS, params={"q": key})
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [str(found)]


async def test_engine_cursors_are_checked(
    client: httpx.AsyncClient, database_search_client: httpx.AsyncClient, resources: Resources
) -> None:
    seller, brand = await make_seller(resources), unique("Cursors")
    for _ in range(3):
        await make_listing(resources, seller, brand=brand)
    params: dict[str, Any] = {"brand": brand, "limit": 1}
    cursor = (await client.get(PRODUCTS, params=params)).json()["next_cursor"]
    other_sort = await client.get(PRODUCTS, params={**params, "sort": "newest", "cursor": cursor})
    assert other_sort.status_code == 422
    without_engine = await database_search_client.get(PRODUCTS, params={**params, "cursor": cursor})
    assert without_engine.status_code == 422
    assert without_engine.json()["errors"][0]["field"] == "cursor"
    for value in ([0, 1], [10_001, 1], [2, 2**63], [2, -1], ["2", 1], [True, 1], [2], 2):
        forged = encode_cursor(
            {"sort": "engine:relevance", "value": value, "id": str(uuid.uuid4())}
        )
        response = await client.get(PRODUCTS, params={**params, "cursor": forged})
        assert response.status_code == 422, value


def test_index_folders_of_processes_gone_are_removed(tmp_path: Path) -> None:
    parent = tmp_path / "search-index"
    parent.mkdir()
    gone = parent / "999999999-crashed"  # above any pid_max: no such process
    alive = parent / f"{os.getpid()}-running"
    unrelated = parent / "notes"
    for folder in (gone, alive, unrelated):
        folder.mkdir()
    made = search_index.new_folder(tmp_path)
    assert not gone.exists() and alive.exists() and unrelated.exists()
    assert made.parent == parent and made.name.startswith(f"{os.getpid()}-")


async def test_an_app_removes_its_index_folder_when_it_stops(settings: Settings) -> None:
    app = create_app(settings)
    async with LifespanManager(app):
        resources: Resources = app.state.resources
        index = search_index.of_database(resources.db)
        assert index is not None and (index.engine.folder / "meta.json").exists()
    assert not index.engine.folder.exists()
    assert search_index.of_database(resources.db) is None


async def test_suggestions_come_from_the_database_when_the_engine_fails(
    client: httpx.AsyncClient, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    seller, key = await make_seller(resources), word()
    found = await make_listing(resources, seller, title=f"Dock {key}")

    def panic(*_: Any) -> None:
        raise RuntimeError("tantivy fell over")

    monkeypatch.setattr(SearchEngine, "brands_starting", panic)
    response = await client.get(f"{PRODUCTS}/suggest", params={"q": key})
    assert response.status_code == 200
    assert {"kind": "product", "label": f"Dock {key}", "value": str(found)} in (
        response.json()["items"]
    )


async def test_a_search_cancelled_during_a_catch_up_leaves_it_whole(
    resources: Resources,
) -> None:
    """A client that goes away cancels its search, not the catch-up it waits for: the listings
    read are committed to the index, not left read but unseen until the next write."""
    index = _index(resources)
    seller, key = await make_seller(resources), word()
    found = await make_listing(resources, seller, title=f"Monitor {key}")
    index.mark_stale()
    waiting = asyncio.create_task(index.fresh())
    await asyncio.sleep(0)  # the catch-up has started
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    assert index._running is not None and not index._running.cancelled()
    await index._running
    assert not index._stale
    assert await _in_index(index, key) == [found]


async def test_a_search_during_a_catch_up_waits_for_it(
    resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The catch-up marks the index fresh when it starts; a search arriving before it commits
    must still wait for it, or it searches an index without what is being read."""
    index = _index(resources)
    seller, key = await make_seller(resources), word()
    found = await make_listing(resources, seller, title=f"Keyboard {key}")
    at_commit, go_on = threading.Event(), threading.Event()
    commit = SearchEngine.commit

    def held_commit(engine: SearchEngine) -> None:
        at_commit.set()
        go_on.wait(10)
        commit(engine)

    monkeypatch.setattr(SearchEngine, "commit", held_commit)
    monkeypatch.setattr(index, "_lag", 3600)  # only a write makes it due
    index.mark_stale()
    first = asyncio.create_task(index.fresh())
    assert await asyncio.to_thread(at_commit.wait, 10)  # read, not committed, marked fresh
    second = asyncio.create_task(index.fresh())
    await asyncio.sleep(0.05)
    assert not second.done()  # it waits for the commit
    go_on.set()
    assert await second
    assert await _in_index(index, key) == [found]
    await first
