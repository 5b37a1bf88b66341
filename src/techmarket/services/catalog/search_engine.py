"""The embedded search engine: a tantivy index of the listings anyone may find.

The database answers every search correctly, but not within 50 ms at a million listings for
common words, spec filters and facets (docs/benchmarks.md). Tantivy (Lucene's design, in Rust,
embedded: no server to run) ranks by BM25, sorts on columnar fast fields and counts facets over
every match in milliseconds. The index holds only what a search filters, sorts and ranks by;
the rows shown are read from the database by id, which stays the truth for who may see what.

Every call blocks (Rust code that lets go of the GIL): callers run them in a worker thread.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tantivy

from techmarket.services.catalog.full_text import MAX_WORDS
from techmarket.services.catalog.repository import PRICE_BANDS, FacetCounts
from techmarket.services.catalog.schemas import ProductSort
from techmarket.services.catalog.spec_schemas import SpecField, SpecFilter, SpecType, SpecValue

PREFIX_MIN = 2
"""The last word of a query, when it has at least this many letters, also matches as the start
of a longer word: "thinkpad x1 carb" finds "Carbon" while the buyer types (Elasticsearch's
`match_bool_prefix`). The words before it are whole: a prefix of each would open thousands of
words of a million listings for nothing the buyer meant."""
SPEC_SCALE = 1000
"""Numbers in specs are kept as integer thousandths: tantivy 0.27 panics on a range over a JSON
path that holds both integers and decimals, so every number is made an integer."""
WRITER_HEAP = 64_000_000  # bytes of indexing buffer: tantivy's minimum is 15 MB per thread


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    # Title, brand, model and description as one text (as the database engines index them),
    # and the title again, to rank a listing whose title holds the words above the others.
    # Tantivy's default tokenizer: split on anything but letters and digits, lower case.
    builder.add_text_field("text")
    builder.add_text_field("title")
    for name in ("category", "brand_key", "brand_name", "condition"):
        builder.add_text_field(name, tokenizer_name="raw", fast=True)
    builder.add_integer_field("price", indexed=True, fast=True)
    builder.add_integer_field("created", indexed=True, fast=True)
    builder.add_json_field("specs", fast=True, tokenizer_name="raw")
    return builder.build()


def micros(moment: dt.datetime) -> int:
    """A moment as the index keeps it: integer microseconds since the epoch."""
    return round(moment.timestamp() * 1_000_000)


def index_words(q: str) -> list[str]:
    """The words of a query as the index's tokenizer cuts them (letters and digits)."""
    return re.findall(r"[^\W_]+", q.lower())[:MAX_WORDS]


def _spec_term(value: SpecValue) -> bool | int | str:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return round(float(value) * SPEC_SCALE)
    return str(value).lower()  # the database compares specs without case, so does the index


@dataclass(frozen=True)
class Listing:
    """What the index keeps of a listing, read from its row."""

    id: uuid.UUID
    title: str
    brand: str
    brand_key: str
    model: str
    description: str
    category_id: uuid.UUID
    condition: str
    price: int
    created_at: dt.datetime
    specs: dict[str, SpecValue]

    def document(self) -> tantivy.Document:
        return tantivy.Document(
            id=str(self.id),
            text=" ".join((self.title, self.brand, self.model, self.description)),
            title=self.title,
            category=str(self.category_id),
            brand_key=self.brand_key,
            brand_name=self.brand,
            condition=self.condition,
            price=self.price,
            created=micros(self.created_at),
            specs={name: _spec_term(value) for name, value in self.specs.items()},
        )


@dataclass(frozen=True)
class EngineQuery:
    """A search as the engine runs it; `created_until` keeps later pages to the listings that
    existed when the first page was made, so new listings do not push items across pages."""

    words: list[str] = field(default_factory=list)
    category_ids: Sequence[uuid.UUID] | None = None
    brand_keys: Sequence[str] = ()
    conditions: Sequence[str] = ()
    min_price: int | None = None
    max_price: int | None = None
    spec_filters: Sequence[tuple[SpecField, SpecFilter]] = ()
    sort: ProductSort = ProductSort.RELEVANCE
    created_until: int | None = None


@dataclass
class EngineFacets:
    counts: FacetCounts
    specs: dict[str, list[tuple[Any, int]]]


class SearchEngine:
    """One tantivy index in a folder of its own (memory-mapped: the kernel keeps the hot parts
    in memory and may drop the rest), its single writer and the searches over it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._schema = _schema()
        self._index = tantivy.Index(self._schema, path=str(folder), reuse=False)
        self._writer = self._index.writer(heap_size=WRITER_HEAP, num_threads=1)

    # --- writing (one caller at a time) ------------------------------------------------------

    def add(self, listings: Sequence[Listing]) -> None:
        """Index listings not in the index yet (the build)."""
        for listing in listings:
            self._writer.add_document(listing.document())

    def put(self, listings: Sequence[Listing], gone: Sequence[uuid.UUID]) -> None:
        """Index `listings` (replacing their earlier documents) and drop `gone`; visible to
        searches once committed."""
        for listing_id in [*gone, *(listing.id for listing in listings)]:
            self._writer.delete_documents_by_term("id", str(listing_id))
        self.add(listings)

    def commit(self) -> None:
        self._writer.commit()
        self._index.reload()

    @property
    def size(self) -> int:
        return int(self._index.searcher().num_docs)

    # --- searching ---------------------------------------------------------------------------

    def _words(self, words: Sequence[str]) -> tuple[list[tantivy.Query], list[tantivy.Query]]:
        """Queries every listing must match (each word), and queries that rank a match up (the
        words in its title)."""
        musts, shoulds = [], []
        for position, word in enumerate(words):
            whole = tantivy.Query.term_query(self._schema, "text", word)
            if position == len(words) - 1 and len(word) >= PREFIX_MIN:
                started = tantivy.Query.fuzzy_term_query(self._schema, "text", word, 0, True, True)
                whole = tantivy.Query.boolean_query(  # the whole word still ranks by BM25
                    [(tantivy.Occur.Should, whole), (tantivy.Occur.Should, started)]
                )
            musts.append(whole)
            shoulds.append(tantivy.Query.term_query(self._schema, "title", word))
        return musts, shoulds

    def _spec(self, spec: SpecField, wanted: SpecFilter) -> list[tantivy.Query]:
        path = f"specs.{spec.name}"
        if spec.type == SpecType.BOOLEAN:
            return [tantivy.Query.term_query(self._schema, path, bool(wanted.equals))]
        if spec.type in {SpecType.INTEGER, SpecType.NUMBER}:
            if wanted.equals is not None:
                term = _spec_term(float(wanted.equals))
                return [tantivy.Query.term_query(self._schema, path, term)]
            bounds = []  # tantivy-py takes JSON paths in ranges through its query parser only
            if wanted.minimum is not None:
                bounds.append(f"{path}:>={_spec_term(wanted.minimum)}")
            if wanted.maximum is not None:
                bounds.append(f"{path}:<={_spec_term(wanted.maximum)}")
            return [self._index.parse_query(bound) for bound in bounds]
        return [tantivy.Query.term_query(self._schema, path, _spec_term(str(wanted.equals)))]

    def _query(self, query: EngineQuery) -> tantivy.Query:
        musts, shoulds = self._words(query.words)
        if query.category_ids is not None:
            ids = [str(category_id) for category_id in query.category_ids]
            musts.append(tantivy.Query.term_set_query(self._schema, "category", ids))
        if query.brand_keys:
            musts.append(tantivy.Query.term_set_query(self._schema, "brand_key", query.brand_keys))
        if query.conditions:
            musts.append(tantivy.Query.term_set_query(self._schema, "condition", query.conditions))
        if query.min_price is not None or query.max_price is not None:
            musts.append(self._range("price", query.min_price, query.max_price))
        if query.created_until is not None:
            musts.append(self._range("created", None, query.created_until))
        for spec, wanted in query.spec_filters:
            musts.extend(self._spec(spec, wanted))
        if not musts:
            return tantivy.Query.all_query()
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, q) for q in musts] + [(tantivy.Occur.Should, q) for q in shoulds]
        )

    def _range(self, name: str, low: int | None, high: int | None) -> tantivy.Query:
        return tantivy.Query.range_query(
            self._schema, name, tantivy.FieldType.Integer, low, high, True, True
        )

    def page(self, query: EngineQuery, offset: int, limit: int) -> list[uuid.UUID]:
        """The ids of one page in the asked order (`limit` of them, from `offset`)."""
        searcher = self._index.searcher()
        found = self._query(query)
        if query.sort == ProductSort.RELEVANCE and query.words:
            hits = searcher.search(found, limit, count=False, offset=offset).hits
        else:
            name, order = {
                ProductSort.RELEVANCE: ("created", tantivy.Order.Desc),
                ProductSort.NEWEST: ("created", tantivy.Order.Desc),
                ProductSort.PRICE_ASC: ("price", tantivy.Order.Asc),
                ProductSort.PRICE_DESC: ("price", tantivy.Order.Desc),
            }[query.sort]
            hits = searcher.search(
                found, limit, count=False, order_by_field=name, order=order, offset=offset
            ).hits
        return [uuid.UUID(searcher.doc(address).get_first("id")) for _, address in hits]

    def brands_starting(self, prefix: str, limit: int) -> list[str]:
        """The brands whose name starts with `prefix` (case-folded), most listings first."""
        started = tantivy.Query.fuzzy_term_query(self._schema, "brand_key", prefix, 0, True, True)
        request = {"brand": {"terms": {"field": "brand_name", "size": limit}}}
        answer = self._index.searcher().aggregate(started, request)
        return [str(bucket["key"]) for bucket in answer["brand"]["buckets"]]

    def facets(
        self, query: EngineQuery, spec_fields: Sequence[SpecField], limit: int
    ) -> EngineFacets:
        """Counts over every match: brands, conditions, categories, price bands and the given
        spec fields (their most frequent `limit` values)."""
        terms: dict[str, Any] = {"segment_size": 10_000}
        ranges = [
            {"from": low, **({"to": high} if high is not None else {})} for low, high in PRICE_BANDS
        ]
        request: dict[str, Any] = {
            "brand": {"terms": {"field": "brand_name", "size": limit, **terms}},
            "condition": {"terms": {"field": "condition", "size": 16, **terms}},
            "category": {"terms": {"field": "category", "size": 1000, **terms}},
            "price": {"range": {"field": "price", "ranges": ranges}},
        }
        for index, spec in enumerate(spec_fields):
            request[f"spec_{index}"] = {
                "terms": {"field": f"specs.{spec.name}", "size": limit, **terms}
            }
        answer = self._index.searcher().aggregate(self._query(query), request)
        counts = FacetCounts()
        for bucket in answer["brand"]["buckets"]:
            counts.brand[str(bucket["key"])] += bucket["doc_count"]
        for bucket in answer["condition"]["buckets"]:
            counts.condition[str(bucket["key"])] += bucket["doc_count"]
        for bucket in answer["category"]["buckets"]:
            counts.category[uuid.UUID(str(bucket["key"]))] += bucket["doc_count"]
        band_of = {float(low): band for band, (low, _) in enumerate(PRICE_BANDS)}
        for bucket in answer["price"]["buckets"]:  # tantivy adds one for below the first
            if (band := band_of.get(bucket.get("from", -1.0))) is not None:
                counts.price_band[band] += bucket["doc_count"]
        specs = {
            spec.name: _spec_counts(spec, answer[f"spec_{index}"]["buckets"])
            for index, spec in enumerate(spec_fields)
        }
        return EngineFacets(counts, specs)


def _spec_counts(spec: SpecField, buckets: list[dict[str, Any]]) -> list[tuple[Any, int]]:
    """Bucket keys back to the values a listing shows: yes/no, or the choice as spelt."""
    spelt = {choice.lower(): choice for choice in spec.choices}
    found: Counter[Any] = Counter()
    for bucket in buckets:
        key = bucket["key"]
        if spec.type == SpecType.BOOLEAN:
            value: Any = bucket.get("key_as_string", str(key)) == "true" or key is True
        else:
            value = spelt.get(str(key), str(key))
        found[value] += int(bucket["doc_count"])
    return found.most_common()
