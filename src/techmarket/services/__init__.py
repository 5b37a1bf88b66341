"""Bounded contexts. Each owns its tables and is reached by others only through its client.py."""
