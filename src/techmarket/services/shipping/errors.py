"""Errors of the shipping service."""

from techmarket.core.errors import Conflict, InvalidInput, NotFound


class TrackingNotFound(NotFound):
    code, title = "tracking-not-found", "No tracking for this order"


class LabelNotFound(NotFound):
    code, title = "label-not-found", "No label for this sale"


class UnknownCarrier(NotFound):
    code, title = "unknown-carrier", "No such carrier"


class AlreadyShipped(Conflict):
    code, title = "already-shipped", "This order has a shipment already"


class UnknownShipment(Conflict):
    """Answered with a non-2xx status so that the carrier delivers the event again later."""

    code, title = "unknown-shipment", "This shipment is not known yet"


class InvalidShipment(InvalidInput):
    code, title = "invalid-shipment", "The shipment details are not valid"
