"""The form a seller fills in for a category: its spec fields and its functional checklist."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.errors import NotFound
from techmarket.services.catalog import repository
from techmarket.services.catalog.schemas import (
    CategoryRef,
    ChecklistItemRead,
    ListingForm,
    ListingFormField,
)
from techmarket.services.catalog.service import schema_of


class UnknownCategory(NotFound):
    code, title = "category-not-found", "Unknown category"


async def listing_form(session: AsyncSession, slug: str) -> ListingForm:
    categories = await repository.all_categories(session)
    category = next((c for c in categories if c.slug == slug), None)
    if category is None:
        raise UnknownCategory(f"No category has the slug {slug!r}.")
    schema = schema_of(categories, category.id)
    return ListingForm(
        category=CategoryRef(id=category.id, slug=category.slug, name=category.name),
        fields=[
            ListingFormField(
                name=field.name,
                label=field.label,
                type=field.type.value,
                unit=field.unit,
                choices=list(field.choices) or None,
                minimum=field.minimum,
                maximum=field.maximum,
                required=field.required,
                filterable=field.filterable,
            )
            for field in schema.fields
        ],
        checklist=[ChecklistItemRead(key=i.key, label=i.label) for i in schema.checklist],
    )
