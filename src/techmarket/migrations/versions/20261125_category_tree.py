"""The base category tree of a tech marketplace (three levels at most).

Ids are derived from the slug (uuid5), so every database gets the same ids.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 13:00:00
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAMESPACE = uuid.UUID("5b0e6d8e-2f5c-4a57-9a53-7c1b0f1e0c11")

# (slug, name, children)
Tree = list[tuple[str, str, "Tree"]]
TREE: Tree = [
    ("phones", "Phones", [
        ("smartphones", "Smartphones", []),
        ("basic-phones", "Basic phones", []),
    ]),
    ("laptops", "Laptops", [
        ("ultrabooks", "Ultrabooks", []),
        ("gaming-laptops", "Gaming laptops", []),
        ("business-laptops", "Business laptops", []),
        ("chromebooks", "Chromebooks", []),
    ]),
    ("tablets", "Tablets & e-readers", [
        ("ipads", "iPads", []),
        ("android-tablets", "Android tablets", []),
        ("e-readers", "E-readers", []),
    ]),
    ("desktops", "Desktop computers", [
        ("gaming-pcs", "Gaming PCs", []),
        ("mini-pcs", "Mini PCs", []),
        ("all-in-ones", "All-in-ones", []),
        ("workstations", "Workstations", []),
    ]),
    ("components", "PC components", [
        ("cpus", "Processors (CPUs)", []),
        ("gpus", "Graphics cards (GPUs)", []),
        ("ram", "Memory (RAM)", []),
        ("storage", "Storage", [
            ("ssds", "SSDs", []),
            ("hdds", "Hard drives", []),
            ("external-drives", "External drives", []),
        ]),
        ("motherboards", "Motherboards", []),
        ("power-supplies", "Power supplies", []),
        ("pc-cases", "Cases", []),
        ("cooling", "Cooling", []),
    ]),
    ("peripherals", "Peripherals", [
        ("monitors", "Monitors", []),
        ("keyboards", "Keyboards", []),
        ("mice", "Mice", []),
        ("webcams", "Webcams", []),
        ("printers", "Printers", []),
    ]),
    ("audio", "Audio", [
        ("headphones", "Headphones", []),
        ("earbuds", "Earbuds", []),
        ("speakers", "Speakers", []),
        ("microphones", "Microphones", []),
    ]),
    ("cameras", "Cameras & drones", [
        ("mirrorless-cameras", "Mirrorless cameras", []),
        ("dslr-cameras", "DSLR cameras", []),
        ("action-cameras", "Action cameras", []),
        ("lenses", "Lenses", []),
        ("drones", "Drones", []),
    ]),
    ("gaming", "Gaming", [
        ("consoles", "Consoles", []),
        ("handheld-consoles", "Handheld consoles", []),
        ("controllers", "Controllers", []),
        ("vr-headsets", "VR headsets", []),
    ]),
    ("networking", "Networking", [
        ("routers", "Routers", []),
        ("mesh-wifi", "Mesh Wi-Fi", []),
        ("switches", "Switches", []),
        ("nas", "NAS", []),
    ]),
    ("wearables", "Wearables", [
        ("smartwatches", "Smartwatches", []),
        ("fitness-trackers", "Fitness trackers", []),
    ]),
    ("accessories", "Accessories", [
        ("chargers", "Chargers", []),
        ("cables", "Cables & adapters", []),
        ("cases", "Cases & covers", []),
        ("power-banks", "Power banks", []),
        ("docks", "Docks & hubs", []),
    ]),
]  # fmt: skip


def _rows(tree: Tree, parent: uuid.UUID | None = None, depth: int = 0) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for position, (slug, name, children) in enumerate(tree):
        node_id = uuid.uuid5(NAMESPACE, slug)
        rows.append(
            {
                "id": node_id,
                "slug": slug,
                "name": name,
                "parent_id": parent,
                "position": position,
                "depth": depth,
            }
        )
        rows.extend(_rows(children, node_id, depth + 1))
    return rows


category = sa.table(
    "category",
    sa.column("id", sa.Uuid()),
    sa.column("slug", sa.String()),
    sa.column("name", sa.String()),
    sa.column("parent_id", sa.Uuid()),
    sa.column("position", sa.Integer()),
    sa.column("depth", sa.Integer()),
)


def upgrade() -> None:
    op.bulk_insert(category, _rows(TREE))


def downgrade() -> None:
    # Children first: parent_id is a RESTRICT foreign key.
    for depth in (2, 1, 0):
        op.execute(category.delete().where(category.c.depth == depth))
