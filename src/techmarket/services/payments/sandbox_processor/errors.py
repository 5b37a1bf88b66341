"""Errors of the sandbox processor's API, answered as problem+json like TechMarket's own."""

from __future__ import annotations

from techmarket.core.errors import AppError, Conflict, InvalidInput, NotFound, Unauthorized


class InvalidApiKey(Unauthorized):
    code, title = "invalid-api-key", "A valid secret API key is required"


class TokenNotFound(NotFound):
    code, title = "token-not-found", "No such card token"


class AuthorizationNotFound(NotFound):
    code, title = "authorization-not-found", "No such authorization"


class RefundNotFound(NotFound):
    code, title = "refund-not-found", "No such refund"


class TransferNotFound(NotFound):
    code, title = "transfer-not-found", "No such transfer"


class ChallengeNotFound(NotFound):
    code, title = "challenge-not-found", "No such authentication challenge"


class InvalidCard(InvalidInput):
    code, title = "invalid-card", "The card details are not valid"


class UnexpectedState(Conflict):
    """The authorization is not in a state that allows the operation."""

    code, title = "unexpected-state", "Not possible in the authorization's current state"


class AmountExceedsAuthorized(InvalidInput):
    code, title = "amount-exceeds-authorized", "More than was authorized"


class RefundExceedsCaptured(InvalidInput):
    code, title = "refund-exceeds-captured", "More than is left to refund"


class BalanceInsufficient(Conflict):
    code, title = "balance-insufficient", "The platform balance is too low for this transfer"


class IdempotencyKeyRequired(AppError):
    status, code, title = 400, "idempotency-key-required", "An Idempotency-Key header is required"


class IdempotencyKeyReused(InvalidInput):
    code, title = "idempotency-key-reused", "This Idempotency-Key was used with other parameters"


class IdempotencyKeyInFlight(Conflict):
    code, title = "idempotency-key-in-flight", "A request with this Idempotency-Key is running"
