"""Errors of the users service."""

from techmarket.core.errors import Conflict, Forbidden, NotFound


class UserNotFound(NotFound):
    code, title = "user-not-found", "User not found"


class DealerNotFound(NotFound):
    code, title = "dealer-not-found", "Seller not found"


class EmailTaken(Conflict):
    code, title = "email-taken", "Email already registered"


class StoreNameTaken(Conflict):
    code, title = "store-name-taken", "Store name already taken"


class EmailNotVerified(Forbidden):
    code, title = "email-not-verified", "Verify your email address first"


class AlreadyDealer(Conflict):
    code, title = "already-a-seller", "You sell on TechMarket already"
