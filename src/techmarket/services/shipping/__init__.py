"""Shipments, carrier adapters, labels, live tracking."""
