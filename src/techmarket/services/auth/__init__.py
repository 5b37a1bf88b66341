"""Authentication: credentials, sessions and refresh tokens, MFA, brute-force protection, JWKS."""
