"""Prometheus metrics shared by every service; exposed at `GET /metrics`."""

from prometheus_client import Counter, Histogram

HTTP_REQUESTS = Counter(
    "techmarket_http_requests_total",
    "HTTP requests answered, by method, route template and status code.",
    ["method", "route", "status"],
)
HTTP_LATENCY = Histogram(
    "techmarket_http_request_duration_seconds",
    "Time from the first byte received to the last byte sent, by method and route template.",
    ["method", "route"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
CACHE_REQUESTS = Counter(
    "techmarket_cache_requests_total",
    "Cache-aside look-ups, by result (hit or miss).",
    ["result"],
)
SEARCHES = Counter(
    "techmarket_searches_total",
    "Catalog searches, by what answered: embedded, database, or fallback (the engine failed).",
    ["engine"],
)
SEARCH_INDEX_CHANGES = Counter(
    "techmarket_search_index_changes_total",
    "Listings the embedded search index of this process has read and applied since it started.",
)
