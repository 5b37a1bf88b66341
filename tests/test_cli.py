"""The command line: migrate and create-admin against a fresh data folder."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from techmarket.cli import app
from techmarket.core.security.field_crypto import (
    FieldCipherNotInstalled,
    install_field_cipher,
    installed_field_cipher,
)

runner = CliRunner()


@pytest.fixture
def data_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("TECHMARKET_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("TECHMARKET_DATABASE_URL", raising=False)
    try:
        previous = installed_field_cipher()
    except FieldCipherNotInstalled:
        previous = None
    yield tmp_path
    if previous is not None:  # the command installed its own data folder's keys
        install_field_cipher(previous)


def test_create_admin_makes_an_administrator(data_env: Path) -> None:
    assert runner.invoke(app, ["migrate"]).exit_code == 0
    result = runner.invoke(
        app,
        [
            "create-admin",
            "--email", "Root@Example.test",
            "--display-name", "Root",
            "--password", "a long enough admin password",
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    with sqlite3.connect(data_env / "techmarket.db") as db:
        roles = db.execute("SELECT role FROM user_role").fetchall()
        emails = db.execute('SELECT email FROM "user"').fetchall()
        hashes = db.execute("SELECT password_hash FROM credential").fetchall()
    assert sorted(roles) == [("admin",), ("buyer",)]
    assert "example.test" not in emails[0][0]  # encrypted at rest
    assert hashes[0][0].startswith("$argon2id$v=19$m=19456,t=2,p=1$")


def test_create_admin_refuses_a_short_password(data_env: Path) -> None:
    assert runner.invoke(app, ["migrate"]).exit_code == 0
    result = runner.invoke(
        app,
        ["create-admin", "--email", "a@example.test", "--display-name", "A", "--password", "short"],
    )
    assert result.exit_code == 2
    assert "at least 12 characters" in result.output.replace("\n", " ")


def test_help_lists_the_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("serve", "sandbox-payments", "migrate", "seed-demo", "create-admin"):
        assert command in result.output
