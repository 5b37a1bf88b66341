"""Shopping carts: what a buyer intends to buy, checked against live stock and price."""
