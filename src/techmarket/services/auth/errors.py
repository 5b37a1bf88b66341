"""Errors of the auth service."""

from techmarket.core.errors import Conflict, Forbidden, InvalidInput, NotFound, Unauthorized


class InvalidCredentials(Unauthorized):
    code, title = "invalid-credentials", "Wrong email or password"


class InvalidCode(Unauthorized):
    code, title = "invalid-code", "Wrong code"


class SessionEnded(Unauthorized):
    code, title = "session-ended", "Your session has ended"


class InvalidLink(InvalidInput):
    code, title = "invalid-link", "This link is not valid any more"


class WeakPassword(InvalidInput):
    code, title = "weak-password", "Choose a stronger password"


class StepUpRequired(Forbidden):
    code, title = "step-up-required", "Confirm it is you"


class MfaAlreadyEnabled(Conflict):
    code, title = "mfa-already-enabled", "Two-step sign-in is on already"


class MfaNotSetUp(Conflict):
    code, title = "mfa-not-set-up", "Two-step sign-in is not set up"


class SessionNotFound(NotFound):
    code, title = "session-not-found", "Session not found"


class WrongFieldValue(InvalidInput):
    """A wrong password or code on a signed-in request: 422 naming the field, never 401,
    which clients rightly read as "your token is bad"."""

    code, title = "wrong-value", "That is not right"

    def __init__(self, detail: str, field: str) -> None:
        super().__init__(detail, errors=[{"field": field, "in": "body", "message": detail}])
