"""The built-in sandbox carrier: an external carrier's stand-in, in its own app.

See `app.create_sandbox_carrier_app` and docs/operations.md.
"""
