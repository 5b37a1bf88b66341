"""Every HTTP route of the catalog service in one router, in matching order.

The shelves come first: `/categories/popular` must win over any `/categories/{slug}…` route,
and static `/products/…` paths over `/products/{id}`.
"""

from fastapi import APIRouter

from techmarket.services.catalog import api, api_account, api_shelves

router = APIRouter()
router.include_router(api_shelves.router)
router.include_router(api.router)
router.include_router(api_account.router)
