"""The `techmarket` command: serve, migrate, seed-demo, create-admin."""

from __future__ import annotations

import asyncio
import json
import os
from typing import Annotated

import typer
import uvicorn
from rich.console import Console
from rich.table import Table

from techmarket.config import load_settings

app = typer.Typer(
    help="TechMarket: a peer-to-peer marketplace for technology.", no_args_is_help=True
)
console = Console()


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    service: Annotated[
        list[str] | None,
        typer.Option(help="Serve only this service (repeatable); default: all-in-one."),
    ] = None,
    reload: Annotated[bool, typer.Option(help="Restart on code changes (development).")] = False,
) -> None:
    """Serve the marketplace (the API, the web app and the media files)."""
    if service:
        os.environ["TECHMARKET_SERVICES"] = json.dumps(service)
    settings = load_settings()
    from techmarket.core.logs import configure_logging

    configure_logging(settings.log_level)
    uvicorn.run(
        "techmarket.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        reload=reload,
        log_config=None,
        access_log=False,
        proxy_headers=True,
        server_header=False,
    )


@app.command("sandbox-payments")
def sandbox_payments(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8100,
) -> None:
    """Serve the sandbox payment processor alone, as a real processor runs apart. Give
    TechMarket TECHMARKET_SANDBOX_PAYMENTS_APART=true and TECHMARKET_SANDBOX_PAYMENTS_URL."""
    from techmarket.core.logs import configure_logging

    configure_logging(load_settings().log_level)
    uvicorn.run(
        "techmarket.services.payments.sandbox_processor.app:create_standalone_app",
        factory=True,
        host=host,
        port=port,
        log_config=None,
        access_log=False,
        server_header=False,
    )


@app.command()
def migrate(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
) -> None:
    """Bring the database schema up to date."""
    from techmarket.migrations.runner import upgrade

    settings = load_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.effective_database_url, revision)
    console.print(f"[green]Database at {revision}[/green]")


@app.command("seed-demo")
def seed_demo(
    if_empty: Annotated[
        bool, typer.Option("--if-empty", help="Do nothing when listings exist already.")
    ] = False,
) -> None:
    """Load demo sellers, listings with pictures, and sign-in accounts."""
    from techmarket.demo.seed import run_seed

    report = asyncio.run(run_seed(load_settings(), only_if_empty=if_empty))
    if report.skipped:
        console.print("Demo data present already; nothing loaded.")
    else:
        console.print(
            f"[green]Loaded {report.listings} listings from {report.sellers} sellers "
            f"in {report.seconds:.1f}s[/green]"
        )
    show_demo_accounts()


@app.command("demo-accounts")
def show_demo_accounts() -> None:
    """Print the demo sign-in accounts made by seed-demo."""
    from techmarket.demo.seed import read_demo_accounts

    accounts = read_demo_accounts(load_settings())
    if not accounts:
        console.print("No demo accounts yet: run `techmarket seed-demo`.")
        return
    table = Table(title="Demo sign-in accounts")
    for column in ("role", "email", "password"):
        table.add_column(column)
    for account in accounts:
        table.add_row(account["role"], account["email"], account["password"])
    console.print(table)


@app.command("rotate-keys")
def rotate_keys() -> None:
    """Re-encrypt personal data under the current key of TECHMARKET_FIELD_ENCRYPTION_KEYS."""
    from techmarket.core.db import Base
    from techmarket.core.resources import open_resources
    from techmarket.core.security.field_crypto import installed_field_cipher
    from techmarket.core.security.key_rotation import reencrypt
    from techmarket.migrations.registry import import_all_models

    async def run() -> None:
        import_all_models()
        resources = await open_resources(load_settings())
        try:
            cipher = installed_field_cipher()
            report = await reencrypt(resources.db, Base.metadata, cipher)
        finally:
            await resources.close()
        console.print(
            f"[green]{report.rewritten} of {report.examined} values re-encrypted under key "
            f"{cipher.current_key_id}[/green]"
        )

    asyncio.run(run())


@app.command("create-admin")
def create_admin(
    email: Annotated[str, typer.Option(prompt=True)],
    display_name: Annotated[str, typer.Option(prompt=True)] = "Administrator",
    password: Annotated[
        str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)
    ] = "",
) -> None:
    """Create an administrator account."""
    from techmarket.core.security.password_policy import check_password
    from techmarket.provisioning import create_admin_account

    verdict = check_password(password, email=email, display_name=display_name)
    if not verdict.acceptable:
        raise typer.BadParameter(" ".join(verdict.reasons), param_hint="--password")
    user_id = asyncio.run(create_admin_account(load_settings(), email, display_name, password))
    console.print(f"[green]Administrator {email} created ({user_id})[/green]")
