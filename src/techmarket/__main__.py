"""`python -m techmarket` runs the command-line interface."""

from techmarket.cli import app

app()
