"""TechMarket: a peer-to-peer marketplace for technology."""

__version__ = "0.1.0"
