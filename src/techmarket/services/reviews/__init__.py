"""Reviews of products and sellers by buyers whose order was delivered."""
