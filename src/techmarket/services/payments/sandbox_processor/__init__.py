"""The built-in sandbox payment processor: an external processor's stand-in, in its own app.

See `app.create_sandbox_app` and docs/payments.md.
"""
