"""Would an embedded search engine meet the search goal at 1M listings? A probe, not the app.

Issue 4's goal is p95 <= 50 ms at 1,000,000 listings. The database alone misses it for common
words, spec filters and first-visit facets (docs/benchmarks.md). This script copies the public,
active listings of the database `search_scale.py --keep` left behind into a tantivy index
(Rust, embedded, BM25, fast fields, Elasticsearch-style aggregations), then times the same
searches as `search_scale.py`: one page of ids in the search's order, plus the facets (brand,
condition, category, price bands) over all matches. Loading the page's rows by id from the
database is not included; `search_scale.py` measures that read as "listing by id" (a few ms).

    .venv/bin/python bench/search_scale.py --database sqlite --listings 1000000 --keep --only id
    .venv/bin/python bench/search_engine_probe.py [--listings 1000000] [--runs 30]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sqlite3
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tantivy

BENCH_DIR = Path("var/bench")
PRICE_BANDS = [{"to": 10_000}, {"from": 10_000, "to": 50_000}, {"from": 50_000, "to": 100_000},
               {"from": 100_000}]  # fmt: skip
RARE_WORD = "zirconia"


def schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("row", stored=True, fast=True)
    for name in ("title", "brand", "model", "description"):
        builder.add_text_field(name, stored=False)
    for name in ("category", "brand_key", "condition"):
        builder.add_text_field(name, stored=False, tokenizer_name="raw", fast=True)
    builder.add_integer_field("price", indexed=True, fast=True)
    builder.add_integer_field("created", indexed=True, fast=True)
    builder.add_json_field("specs", stored=False, fast=True)
    return builder.build()


def subtree(database: sqlite3.Connection, slug: str) -> list[str]:
    children: dict[str | None, list[str]] = defaultdict(list)
    slugs = {}
    for category_id, parent_id, category_slug in database.execute(
        "SELECT id, parent_id, slug FROM category"
    ):
        children[parent_id].append(category_id)
        slugs[category_slug] = category_id
    found, stack = [], [slugs[slug]]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children[current])
    return found


def build(database: sqlite3.Connection, path: Path) -> tantivy.Index:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    index = tantivy.Index(schema(), path=str(path))
    writer = index.writer(heap_size=512_000_000, num_threads=2)
    started, count = time.perf_counter(), 0
    rows = database.execute(
        "SELECT rowid, title, brand, model, description, category_id, brand_key, condition,"
        " price, created_at, specs FROM product WHERE status = 'active' AND visibility = 'public'"
    )
    for row in rows:
        created = dt.datetime.fromisoformat(row[9]).timestamp()
        writer.add_document(
            tantivy.Document(
                row=row[0],
                title=row[1],
                brand=row[2],
                model=row[3],
                description=row[4],
                category=row[5],
                brand_key=row[6],
                condition=row[7],
                price=row[8],
                created=int(created * 1_000_000),
                specs=json.loads(row[10]),
            )
        )
        count += 1
        if count % 200_000 == 0:
            print(f"  {count:>9,} documents  {time.perf_counter() - started:6.1f} s")
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    print(f"indexed {count:,} listings in {time.perf_counter() - started:.1f} s")
    return index


def facets(searcher: tantivy.Searcher, query: tantivy.Query) -> dict[str, Any]:
    return searcher.aggregate(
        query,
        {
            "brand": {"terms": {"field": "brand_key", "size": 10}},
            "condition": {"terms": {"field": "condition", "size": 5}},
            "category": {"terms": {"field": "category", "size": 50}},
            "price": {"range": {"field": "price", "ranges": PRICE_BANDS}},
        },
    )


def searches(index: tantivy.Index, database: sqlite3.Connection) -> dict[str, Callable[[], int]]:
    schema_ = index.schema
    public = tantivy.Query.all_query()

    def text(q: str) -> tantivy.Query:
        return index.parse_query(q, ["title", "brand", "model", "description"],
                                 conjunction_by_default=True)  # fmt: skip

    def any_of(field: str, values: list[str]) -> tantivy.Query:
        return tantivy.Query.term_set_query(schema_, field, values)

    def price(low: int, high: int) -> tantivy.Query:
        return tantivy.Query.range_query(schema_, "price", tantivy.FieldType.Integer, low, high)

    def both(*queries: tantivy.Query) -> tantivy.Query:
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in queries])

    laptops, phones = subtree(database, "laptops"), subtree(database, "phones")
    cases: dict[str, tuple[tantivy.Query, str | None, tantivy.Order, int]] = {
        "newest, everything": (public, "created", tantivy.Order.Desc, 0),
        "category + condition": (
            both(any_of("category", laptops), any_of("condition", ["like_new", "good"])),
            "created", tantivy.Order.Desc, 0,
        ),
        "category + price range": (
            both(any_of("category", phones), price(20_000, 50_000)),
            "created", tantivy.Order.Desc, 0,
        ),
        "brand": (any_of("brand_key", ["samsung"]), "created", tantivy.Order.Desc, 0),
        "text: common word": (text("charger"), None, tantivy.Order.Desc, 0),
        "text: two words": (text("original box"), None, tantivy.Order.Desc, 0),
        "text: rare word": (text(RARE_WORD), None, tantivy.Order.Desc, 0),
        "text + category + price": (
            both(text("thinkpad"), any_of("category", laptops), price(30_000, 150_000)),
            None, tantivy.Order.Desc, 0,
        ),
        "spec filter": (
            both(any_of("category", phones),
                 index.parse_query("specs.storage_gb:[128 TO 512]", ["title"])),
            "created", tantivy.Order.Desc, 0,
        ),
        "price asc, page 50": (any_of("category", laptops), "price", tantivy.Order.Asc, 49 * 20),
        "relevance, page 2": (text("charger"), None, tantivy.Order.Desc, 20),
    }  # fmt: skip

    def run(case: tuple[tantivy.Query, str | None, tantivy.Order, int]) -> Callable[[], int]:
        query, order_by, order, offset = case

        def once() -> int:
            searcher = index.searcher()
            if order_by is None:
                found = searcher.search(query, 20, count=True, offset=offset)
            else:
                found = searcher.search(
                    query, 20, count=True, order_by_field=order_by, order=order, offset=offset
                )
            facets(searcher, query)
            return int(getattr(found, "count", 0) or 0)  # not in the stubs

        return once

    return {name: run(case) for name, case in cases.items()}


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main(listings: int, runs: int, rebuild: bool) -> None:
    database = sqlite3.connect(BENCH_DIR / f"search_scale_{listings}.db")
    path = BENCH_DIR / f"tantivy_{listings}"
    if rebuild or not (path / "meta.json").exists():
        index = build(database, path)
    else:
        index = tantivy.Index.open(str(path))
    print(f"index on disk: {sum(f.stat().st_size for f in path.iterdir()) / 1e6:,.0f} MB")
    print(f"{'search (page of 20 + facets)':32} {'matches':>9} {'p50 ms':>8} {'p95 ms':>8}")
    for name, once in searches(index, database).items():
        matches = once()  # warm-up
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            once()
            samples.append(time.perf_counter() - started)
        print(
            f"{name:32} {matches:>9,} {percentile(samples, 0.5) * 1e3:8.1f}"
            f" {percentile(samples, 0.95) * 1e3:8.1f}"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--listings", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--rebuild", action="store_true")
    arguments = parser.parse_args()
    main(arguments.listings, arguments.runs, arguments.rebuild)
