"""What other services may call on the payments service (in process, for now)."""

from techmarket.services.payments.charges import ChargeOutcome, charge, refund, void
from techmarket.services.payments.events import PaymentSettled, Settlement, Subscriber, subscribe
from techmarket.services.payments.ledger import record_release
from techmarket.services.payments.methods import owned as owned_method
from techmarket.services.payments.processor_link import connect_in_process, disconnect
from techmarket.services.payments.providers.base import PaymentProviderError

__all__ = [
    "ChargeOutcome",
    "PaymentProviderError",
    "PaymentSettled",
    "Settlement",
    "Subscriber",
    "charge",
    "connect_in_process",
    "disconnect",
    "owned_method",
    "record_release",
    "refund",
    "subscribe",
    "void",
]
