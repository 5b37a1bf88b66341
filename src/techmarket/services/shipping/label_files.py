"""Where bought labels are kept: a private folder, never the public media storage, because a
label carries the names and addresses of buyer and seller. Only the seller downloads it, through
an authorized route."""

from __future__ import annotations

import os
from pathlib import Path

from techmarket.config import Settings

EXTENSIONS = {"image/png": "png", "application/pdf": "pdf"}


class LabelFiles:
    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def from_settings(cls, settings: Settings) -> LabelFiles:
        return cls(settings.data_dir / "private" / "shipping-labels")

    def key_for(self, shipment_id: object, media_type: str) -> str:
        return f"{shipment_id}.{EXTENSIONS.get(media_type, 'bin')}"

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root.resolve()):
            raise ValueError(f"label key escapes the label folder: {key!r}")
        return path

    async def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(path.parent, 0o700)
        part = path.with_suffix(path.suffix + ".part")
        part.write_bytes(data)
        os.replace(part, path)

    async def read(self, key: str) -> bytes | None:
        path = self._path(key)
        return path.read_bytes() if path.exists() else None
