"""What other services may call on the shipping service (in process, for now)."""

from techmarket.services.shipping.flat_rates import Rate, rate

__all__ = ["Rate", "rate"]
