"""Security building blocks without business rules: password hashing, later tokens and crypto."""
