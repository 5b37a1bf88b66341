"""A real TechMarket server (migrated, seeded with demo data) and Chromium driven by Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Browser, async_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("TECHMARKET_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-results" / "e2e"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def demo_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("e2e-data")


@pytest.fixture(scope="session")
def server_port() -> int:
    return _free_port()


def techmarket_env(data_dir: Path, port: int | None = None) -> dict[str, str]:
    env = {
        **os.environ,
        "TECHMARKET_DATA_DIR": str(data_dir),
        "TECHMARKET_DATABASE_URL": f"sqlite+aiosqlite:///{data_dir / 'e2e.db'}",
        # Parcels move every 3 s, so the tracking journey sees a delivery within its timeouts.
        "TECHMARKET_SANDBOX_CARRIER_STEP_SECONDS": "3",
    }
    if port is not None:  # emailed links must point at this server
        env["TECHMARKET_BASE_URL"] = f"http://127.0.0.1:{port}"
    env.pop("TECHMARKET_REDIS_URL", None)
    return env


CLI = [sys.executable, "-m", "techmarket"]


@pytest.fixture(scope="session")
def server_url(demo_data_dir: Path, server_port: int) -> Iterator[str]:
    """`techmarket migrate`, `seed-demo` and `serve`, as `make run` does, on a free port."""
    data_dir = demo_data_dir
    env = techmarket_env(data_dir, server_port)
    cli = CLI
    subprocess.run([*cli, "migrate"], env=env, check=True, capture_output=True)
    subprocess.run([*cli, "seed-demo"], env=env, check=True, capture_output=True)
    port = server_port
    log = (data_dir / "server.log").open("wb")
    server = subprocess.Popen(
        [*cli, "serve", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise RuntimeError(f"server exited: {(data_dir / 'server.log').read_text()}")
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            raise RuntimeError("server did not answer /healthz within 60 s")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        await chromium.close()
