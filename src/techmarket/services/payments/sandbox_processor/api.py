"""HTTP routes of the sandbox processor (mounted at /sandbox/payments).

`POST /tokens` is public: the buyer's browser posts the card straight here (CORS allows
TechMarket's origin). Everything else is server-to-server with the secret API key, and the
routes that move money are idempotent by `Idempotency-Key`.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.clock import utcnow
from techmarket.core.errors import PROBLEM_MEDIA_TYPE
from techmarket.services.payments.sandbox_processor import idempotency, service
from techmarket.services.payments.sandbox_processor.deps import (
    IdempotencyKey,
    ProcessorDep,
    ServerCaller,
)
from techmarket.services.payments.sandbox_processor.errors import IdempotencyKeyRequired
from techmarket.services.payments.sandbox_processor.idempotency import Operation
from techmarket.services.payments.sandbox_processor.schemas import (
    AuthorizationCreate,
    AuthorizationRead,
    CaptureRequest,
    CardCreate,
    RefundCreate,
    RefundRead,
    TokenDetails,
    TokenRead,
    TransferCreate,
    TransferRead,
)

router = APIRouter(tags=["sandbox-payments"])


@router.post(
    "/tokens",
    status_code=status.HTTP_201_CREATED,
    operation_id="sandbox-payments-create-token",
    summary="Tokenize a card (called by the buyer's browser)",
)
async def create_token(body: CardCreate, processor: ProcessorDep) -> TokenRead:
    async with processor.transaction(write=True) as session:
        token = await service.tokenize(
            session, body, fingerprint_key=processor.config.fingerprint_key, now=utcnow()
        )
        return service.token_read(token)


@router.get(
    "/tokens/{token_id}", dependencies=[ServerCaller], operation_id="sandbox-payments-get-token"
)
async def get_token(token_id: str, processor: ProcessorDep) -> TokenDetails:
    async with processor.transaction(write=False) as session:
        return service.token_details(await service.get_token(session, token_id))


@router.post(
    "/authorizations",
    status_code=status.HTTP_201_CREATED,
    dependencies=[ServerCaller],
    response_model=AuthorizationRead,
    operation_id="sandbox-payments-authorize",
    summary="Hold an amount on a tokenized card",
)
async def authorize(
    body: AuthorizationCreate,
    request: Request,
    processor: ProcessorDep,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    if idempotency_key is None:
        raise IdempotencyKeyRequired("Authorizing moves money: send an Idempotency-Key header.")
    public_url = processor.config.public_url

    async def operation(session: AsyncSession) -> BaseModel:
        return await service.authorize(session, body, public_url=public_url, now=utcnow())

    return await _once(
        processor, request, body, idempotency_key, operation, status.HTTP_201_CREATED
    )


@router.get(
    "/authorizations/{authorization_id}",
    dependencies=[ServerCaller],
    operation_id="sandbox-payments-get-authorization",
)
async def get_authorization(authorization_id: str, processor: ProcessorDep) -> AuthorizationRead:
    async with processor.transaction(write=False) as session:
        return await service.get_authorization(
            session, authorization_id, public_url=processor.config.public_url
        )


@router.post(
    "/authorizations/{authorization_id}/capture",
    dependencies=[ServerCaller],
    response_model=AuthorizationRead,
    operation_id="sandbox-payments-capture",
    summary="Take the whole authorized amount, or less",
)
async def capture(
    authorization_id: str,
    request: Request,
    processor: ProcessorDep,
    body: CaptureRequest | None = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    wanted = body.amount if body is not None else None
    public_url = processor.config.public_url

    async def operation(session: AsyncSession) -> BaseModel:
        return await service.capture(
            session, authorization_id, wanted, public_url=public_url, now=utcnow()
        )

    return await _once(processor, request, body, idempotency_key, operation, status.HTTP_200_OK)


@router.post(
    "/authorizations/{authorization_id}/cancel",
    dependencies=[ServerCaller],
    response_model=AuthorizationRead,
    operation_id="sandbox-payments-cancel",
    summary="Void an authorization that was not captured",
)
async def cancel(
    authorization_id: str,
    request: Request,
    processor: ProcessorDep,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    public_url = processor.config.public_url

    async def operation(session: AsyncSession) -> BaseModel:
        return await service.cancel(session, authorization_id, public_url=public_url, now=utcnow())

    return await _once(processor, request, None, idempotency_key, operation, status.HTTP_200_OK)


@router.post(
    "/refunds",
    status_code=status.HTTP_201_CREATED,
    dependencies=[ServerCaller],
    response_model=RefundRead,
    operation_id="sandbox-payments-refund",
)
async def refund(
    body: RefundCreate,
    request: Request,
    processor: ProcessorDep,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    if idempotency_key is None:
        raise IdempotencyKeyRequired("Refunding moves money: send an Idempotency-Key header.")
    public_url = processor.config.public_url

    async def operation(session: AsyncSession) -> BaseModel:
        return await service.refund(session, body, public_url=public_url, now=utcnow())

    return await _once(
        processor, request, body, idempotency_key, operation, status.HTTP_201_CREATED
    )


@router.get(
    "/refunds/{refund_id}", dependencies=[ServerCaller], operation_id="sandbox-payments-get-refund"
)
async def get_refund(refund_id: str, processor: ProcessorDep) -> RefundRead:
    async with processor.transaction(write=False) as session:
        return await service.get_refund(session, refund_id)


@router.post(
    "/transfers",
    status_code=status.HTTP_201_CREATED,
    dependencies=[ServerCaller],
    response_model=TransferRead,
    operation_id="sandbox-payments-transfer",
    summary="Pay a seller out of the platform's balance",
)
async def transfer(
    body: TransferCreate,
    request: Request,
    processor: ProcessorDep,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    if idempotency_key is None:
        raise IdempotencyKeyRequired("A transfer moves money: send an Idempotency-Key header.")

    async def operation(session: AsyncSession) -> BaseModel:
        return await service.transfer(session, body, now=utcnow())

    return await _once(
        processor, request, body, idempotency_key, operation, status.HTTP_201_CREATED
    )


@router.get(
    "/transfers/{transfer_id}",
    dependencies=[ServerCaller],
    operation_id="sandbox-payments-get-transfer",
)
async def get_transfer(transfer_id: str, processor: ProcessorDep) -> TransferRead:
    async with processor.transaction(write=False) as session:
        return await service.get_transfer(session, transfer_id)


async def _once(
    processor: ProcessorDep,
    request: Request,
    body: BaseModel | None,
    key: str | None,
    operation: Operation,
    success_status: int,
) -> Response:
    async with processor.transaction(write=True) as session:
        answer = await idempotency.run_once(
            session,
            key=key,
            fingerprint=idempotency.request_hash(request.method, request.url.path, body),
            operation=operation,
            success_status=success_status,
            now=utcnow(),
        )
    return Response(
        answer.body,
        status_code=answer.status,
        media_type=PROBLEM_MEDIA_TYPE if answer.is_error else "application/json",
    )
