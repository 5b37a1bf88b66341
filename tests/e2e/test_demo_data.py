"""`make run`'s data step: the demo marketplace is loaded once, with private demo accounts."""

from __future__ import annotations

import json
import stat
import subprocess
from pathlib import Path

import httpx
import pytest

from tests.e2e.conftest import CLI, techmarket_env

pytestmark = pytest.mark.e2e


async def test_demo_marketplace_is_big_and_spread_out(server_url: str) -> None:
    async with httpx.AsyncClient(base_url=server_url) as http:
        page = (await http.get("/api/v1/products", params={"limit": 100})).json()
        facets = page["facets"]
        categories = (await http.get("/api/v1/categories")).json()["items"]
        total = sum(f["count"] for f in facets["condition"])
        assert total >= 200
        assert {f["value"] for f in facets["condition"]} == {
            "new", "like_new", "good", "fair", "for_parts"
        }  # fmt: skip
        roots = [c for c in categories if c["parent_id"] is None]
        for root in roots:
            response = await http.get("/api/v1/products", params={"category": root["slug"]})
            assert response.json()["items"], f"no demo listing under {root['slug']}"
        sellers = {item["seller"]["id"] for item in page["items"]}
        assert len(sellers) >= 10  # newest first, and still many sellers on one page
        item = page["items"][0]
        assert item["image"] is not None
        picture = await http.get(item["image"]["card_url"])
        assert picture.status_code == 200
        assert picture.headers["content-type"] == "image/webp"


def test_demo_accounts_are_private_and_seeding_runs_once(
    server_url: str, demo_data_dir: Path
) -> None:
    accounts_file = demo_data_dir / "demo-accounts.json"
    assert stat.S_IMODE(accounts_file.stat().st_mode) == 0o600
    accounts = json.loads(accounts_file.read_text())
    assert {a["role"] for a in accounts} == {"buyer", "seller", "admin"}
    assert all(len(a["password"]) >= 16 for a in accounts)
    before = accounts_file.read_bytes()
    again = subprocess.run(
        [*CLI, "seed-demo", "--if-empty"],
        env=techmarket_env(demo_data_dir),
        capture_output=True,
        text=True,
        check=True,
    )
    assert "nothing loaded" in again.stdout
    assert accounts_file.read_bytes() == before
    secrets = demo_data_dir / "secrets"
    assert stat.S_IMODE(secrets.stat().st_mode) == 0o700
    for key in secrets.iterdir():
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
