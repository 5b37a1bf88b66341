"""ECS JSON logs to stdout: one line per event, readable by Elastic, Loki or `jq`."""

from __future__ import annotations

import logging
import sys

import ecs_logging

from techmarket.core.request_context import current_request_id


class _RequestIdFilter(logging.Filter):
    """Stamps every record made while serving a request with that request's id."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "http.request.id"):
            request_id = current_request_id()
            if request_id:
                setattr(record, "http.request.id", request_id)
        return True


def configure_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(ecs_logging.StdlibFormatter(exclude_fields=["log.original"]))
    handler.addFilter(_RequestIdFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # Uvicorn's own access log would repeat ours without the request id or route.
    logging.getLogger("uvicorn.access").disabled = True
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
