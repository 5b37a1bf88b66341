"""No card number reaches the sandbox's storage or any log line, whatever the outcome."""

from __future__ import annotations

import logging
import uuid

import pytest

from tests.services.payments.conftest import DECLINED, THREE_D_SECURE, VISA, Sandbox

CARDS = [VISA, DECLINED, THREE_D_SECURE, "5555555555554444", "378282246310005"]


async def test_card_numbers_are_in_neither_storage_nor_logs(
    sandbox: Sandbox, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for number in CARDS:
        cvc = "1234" if number.startswith("37") else "123"
        spaced = " ".join(number[i : i + 4] for i in range(0, len(number), 4))
        token = await sandbox.tokenize(spaced, cvc=cvc)
        await sandbox.authorize(token, key=str(uuid.uuid4()))
    # Invalid input is refused without echoing or logging it either.
    await sandbox.http.post(
        "/tokens", json={"number": "4242424242424241", "exp_month": 1, "exp_year": 2001, "cvc": "1"}
    )
    await sandbox.settled_webhooks()
    await sandbox.processor.database.dispose()  # flush the write-ahead log into the file

    files = sorted(sandbox.data_dir.glob("sandbox-payments.db*"))
    assert files, "the sandbox keeps its data in its own SQLite file"
    raw = b"".join(path.read_bytes() for path in files)
    assert b"4242" in raw  # the last four digits are there …
    logged = caplog.text + "".join(
        delivery.body.decode() for delivery in sandbox.webhooks.deliveries
    )
    for number in [*CARDS, "4242424242424241"]:
        assert number.encode() not in raw, number  # … never the number
        assert number not in logged, number
