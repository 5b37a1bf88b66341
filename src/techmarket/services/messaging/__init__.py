"""Conversations between buyers and sellers."""
