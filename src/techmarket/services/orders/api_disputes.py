"""HTTP routes of disputes: the buyer opens one, the seller answers, an admin decides."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, File, Query, UploadFile, status

from techmarket.core.dependencies import (
    CurrentPrincipal,
    ResourcesDep,
    SessionDep,
    StorageDep,
    require_role,
)
from techmarket.core.pagination import DEFAULT_LIMIT, MAX_LIMIT
from techmarket.core.security.policies import ADMIN
from techmarket.core.security.principal import Principal
from techmarket.services.orders import disputes
from techmarket.services.orders.dispute_schemas import (
    DisputeAnswer,
    DisputeCreate,
    DisputeDecisionCreate,
    DisputePage,
    DisputeRead,
)
from techmarket.services.orders.models import DisputeStatus

router = APIRouter(tags=["disputes"])
AdminPrincipal = Annotated[Principal, Depends(require_role(ADMIN))]
Cursor = Annotated[str | None, Query(max_length=512)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]


@router.post(
    "/orders/{order_id}/disputes",
    status_code=status.HTTP_201_CREATED,
    operation_id="disputes-open",
    responses={409: {"description": "Not shipped yet, finished, or already disputed"}},
)
async def open_dispute(
    order_id: uuid.UUID,
    body: DisputeCreate,
    principal: CurrentPrincipal,
    session: SessionDep,
    storage: StorageDep,
) -> DisputeRead:
    dispute = await disputes.open_dispute(session, principal, order_id, body)
    return disputes.dispute_read(dispute, storage)


@router.post(
    "/disputes/{dispute_id}/photos",
    status_code=status.HTTP_201_CREATED,
    operation_id="disputes-add-photo",
)
async def add_photo(
    dispute_id: uuid.UUID,
    file: Annotated[UploadFile, File(description="JPEG, PNG or WebP, at most 10 MB")],
    principal: CurrentPrincipal,
    resources: ResourcesDep,
) -> DisputeRead:
    data = await file.read(disputes.MAX_PHOTO_BYTES + 1)
    if len(data) > disputes.MAX_PHOTO_BYTES:
        message = f"A photo may be at most {disputes.MAX_PHOTO_BYTES // 1_000_000} MB."
        raise disputes.InvalidPhoto(
            message, errors=[{"field": "file", "in": "body", "message": message}]
        )
    dispute = await disputes.add_photo(resources, principal, dispute_id, data)
    return disputes.dispute_read(dispute, resources.storage)


@router.post("/disputes/{dispute_id}/answer", operation_id="disputes-answer")
async def answer(
    dispute_id: uuid.UUID,
    body: DisputeAnswer,
    principal: CurrentPrincipal,
    session: SessionDep,
    storage: StorageDep,
) -> DisputeRead:
    dispute = await disputes.answer(session, principal, dispute_id, body)
    return disputes.dispute_read(dispute, storage)


@router.get("/disputes", operation_id="disputes-list")
async def list_disputes(
    principal: CurrentPrincipal,
    session: SessionDep,
    storage: StorageDep,
    status: DisputeStatus | None = None,
    order_id: uuid.UUID | None = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> DisputePage:
    return await disputes.page(
        session, storage, principal, status=status, order_id=order_id, cursor=cursor, limit=limit
    )


@router.get("/disputes/{dispute_id}", operation_id="disputes-get")
async def get_dispute(
    dispute_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep, storage: StorageDep
) -> DisputeRead:
    return disputes.dispute_read(await disputes.get(session, principal, dispute_id), storage)


@router.post("/admin/disputes/{dispute_id}/decide", operation_id="disputes-decide")
async def decide(
    dispute_id: uuid.UUID,
    body: DisputeDecisionCreate,
    principal: AdminPrincipal,
    resources: ResourcesDep,
) -> DisputeRead:
    """Admins only (moderators read disputes but do not move money)."""
    dispute = await disputes.decide(resources, principal, dispute_id, body)
    return disputes.dispute_read(dispute, resources.storage)
