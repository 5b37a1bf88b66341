"""Demo sellers, listings and rendered product pictures for seeding a TechMarket instance."""
