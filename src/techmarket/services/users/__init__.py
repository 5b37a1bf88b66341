"""People: profiles, roles, addresses, contacts, social links, and dealer (seller) profiles."""
