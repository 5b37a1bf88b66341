"""Administration and moderation: reports, bans, curated promotions, the stolen-device registry."""
