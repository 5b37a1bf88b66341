"""The stolen-device registry admins keep, and the checks a listing of a device goes through."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.errors import InvalidInput
from techmarket.core.pagination import cut_page, newest_first
from techmarket.services.catalog.device_serials import device_hash, device_hashes, mask
from techmarket.services.catalog.errors import ListingNotFound
from techmarket.services.catalog.models import Product, StolenDevice
from techmarket.services.catalog.schemas import (
    StolenDeviceCreate,
    StolenDevicePage,
    StolenDeviceRead,
)


class StolenDeviceRefused(InvalidInput):
    code, title = "stolen-device", "This device is reported stolen"


class AlreadyReported(InvalidInput):
    code, title = "already-reported", "This device is already in the registry"


async def refuse_if_stolen(session: AsyncSession, serial: str) -> None:
    reported = await session.scalar(
        select(StolenDevice.id).where(StolenDevice.device_hash.in_(device_hashes(serial)))
    )
    if reported is not None:
        raise StolenDeviceRefused(
            "This serial number or IMEI is in TechMarket's stolen-device registry, so the device "
            "cannot be listed. If it is yours and was recovered, contact support.",
            errors=[{"field": "serial_number", "in": "body", "message": "reported stolen"}],
        )


async def history_count(session: AsyncSession, product: Product) -> int:
    """Earlier listings of the same device, by any seller."""
    if product.device_hash is None:
        return 0
    count = await session.scalar(
        select(func.count())
        .select_from(Product)
        .where(
            Product.device_hash == product.device_hash,
            Product.id != product.id,
            Product.created_at <= product.created_at,
        )
    )
    return int(count or 0)


def _read(device: StolenDevice) -> StolenDeviceRead:
    return StolenDeviceRead(
        id=device.id,
        serial_masked=mask(device.serial_last4),
        note=device.note,
        created_at=device.created_at,
    )


async def report(
    session: AsyncSession, reporter_id: uuid.UUID, body: StolenDeviceCreate
) -> StolenDeviceRead:
    existing = await session.scalar(
        select(StolenDevice.id).where(
            StolenDevice.device_hash.in_(device_hashes(body.serial_number))
        )
    )
    if existing is not None:
        raise AlreadyReported(
            "This serial number or IMEI is already in the registry.",
            errors=[{"field": "serial_number", "in": "body", "message": "already reported"}],
        )
    device = StolenDevice(
        id=uuid.uuid4(),
        device_hash=device_hash(body.serial_number),
        serial_last4=body.serial_number[-4:],
        note=body.note,
        reported_by=reporter_id,
    )
    session.add(device)
    await session.flush()
    return _read(device)


async def page(session: AsyncSession, cursor: str | None, limit: int) -> StolenDevicePage:
    statement = newest_first(
        select(StolenDevice), StolenDevice.created_at, StolenDevice.id, cursor, limit
    )
    rows = (await session.scalars(statement)).all()
    devices, next_cursor = cut_page(rows, limit, lambda device: (device.created_at, device.id))
    return StolenDevicePage(items=[_read(device) for device in devices], next_cursor=next_cursor)


async def remove(session: AsyncSession, device_id: uuid.UUID) -> None:
    device = await session.get(StolenDevice, device_id)
    if device is None:
        raise ListingNotFound(f"No stolen-device report has id {device_id}.")
    await session.delete(device)
    await session.flush()
