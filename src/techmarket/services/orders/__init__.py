"""Checkout and orders: one order per seller, the order state machine, idempotent creation."""
