"""The gateway: one entry point that routes to the services and serves the frontend."""
