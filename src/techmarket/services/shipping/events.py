"""What the shipping service tells others: a shipment's current status changed.

Published through `core.events` in the transaction that recorded the carrier's event, so the
order's move (delivered starts the inspection window) and the notifications commit with it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class ShipmentUpdated:
    order_id: uuid.UUID
    shipment_id: uuid.UUID
    buyer_id: uuid.UUID
    seller_id: uuid.UUID
    """The store (dealer) id, as on the order."""
    status: str
    previous_status: str | None
    tracking_number: str
    tracking_url: str | None
    occurred_at: dt.datetime
