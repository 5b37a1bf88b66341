"""Notifications to users: in-app, email and push, fed by other services' events."""
