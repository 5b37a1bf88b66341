"""Payments through a processor adapter (sandbox or Stripe), payment methods, payouts, webhooks."""
