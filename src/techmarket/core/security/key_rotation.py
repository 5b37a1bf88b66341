"""Re-encrypts personal data under the current key, so an old key can be retired.

Walks every `EncryptedText` column of the given metadata, reading the stored tokens raw, and
rewrites those `needs_rotation` reports, in batches, one transaction per batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import MetaData, Table, Text, select, type_coerce, update

from techmarket.core.db import Database
from techmarket.core.security.field_crypto import EncryptedText, FieldCipher

BATCH = 500


@dataclass
class RotationReport:
    examined: int = 0
    rewritten: int = 0
    per_column: dict[str, int] = field(default_factory=dict)


def encrypted_columns(metadata: MetaData) -> list[tuple[Table, str, EncryptedText]]:
    """(table, column name, type) of every encrypted column."""
    found = []
    for table in metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, EncryptedText):
                found.append((table, column.name, column.type))
    return found


async def reencrypt(db: Database, metadata: MetaData, cipher: FieldCipher) -> RotationReport:
    report = RotationReport()
    for table, name, column_type in encrypted_columns(metadata):
        context = column_type.context
        primary_key = next(iter(table.primary_key.columns))
        raw = type_coerce(table.c[name], Text)
        last = None
        while True:
            query = select(primary_key, raw).where(table.c[name].is_not(None))
            if last is not None:
                query = query.where(primary_key > last)
            async with db.unit_of_work(write=True) as session:
                rows = (await session.execute(query.order_by(primary_key).limit(BATCH))).all()
                for row_id, token in rows:
                    report.examined += 1
                    if cipher.needs_rotation(token):
                        plain = cipher.decrypt(token, context=context)
                        values: dict[str, object] = {
                            name: type_coerce(cipher.encrypt(plain, context=context), Text)
                        }
                        if column_type.index_column:  # its blind index moves to the new key
                            values[column_type.index_column] = cipher.blind_index(
                                plain, context=context
                            )
                        await session.execute(
                            update(table).where(primary_key == row_id).values(values)
                        )
                        report.rewritten += 1
                        key = f"{table.name}.{name}"
                        report.per_column[key] = report.per_column.get(key, 0) + 1
            if len(rows) < BATCH:
                break
            last = rows[-1][0]
    return report
