"""The outbox writes readable .eml files; SMTP delivery reaches a real (local) SMTP server."""

from __future__ import annotations

import email.policy
import logging
import stat
from collections.abc import Iterator
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword

from techmarket.core.mail import MailDeliveryError, OutboxMailer, OutgoingEmail, SmtpMailer
from tests.servers import free_port

SENDER = "TechMarket <no-reply@techmarket.test>"
RESET = OutgoingEmail(
    to="jane@example.test",
    subject="Reset your TechMarket password",
    text="Open https://techmarket.test/reset?token=abc to choose a new password.\n",
)
WITH_HTML = OutgoingEmail(
    to="jane@example.test",
    subject="Confirm your email address",
    text="Open https://techmarket.test/verify?token=xyz\n",
    html='<p>Open <a href="https://techmarket.test/verify?token=xyz">this link</a></p>\n',
)


def files_in(folder: Path) -> list[Path]:
    return sorted(folder.iterdir())


def plain_body(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content())


# --- outbox -------------------------------------------------------------------------------


async def test_outbox_writes_a_private_parseable_message(tmp_path: Path) -> None:
    outbox = OutboxMailer(tmp_path / "outbox", sender=SENDER)
    await outbox.send(RESET)
    [path] = files_in(tmp_path / "outbox")
    assert path.suffix == ".eml"
    assert stat.S_IMODE((tmp_path / "outbox").stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    written = BytesParser(_class=EmailMessage, policy=email.policy.default).parsebytes(
        path.read_bytes()
    )
    assert written["From"] == SENDER
    assert written["To"] == "jane@example.test"
    assert written["Subject"] == "Reset your TechMarket password"
    assert written["Message-ID"].endswith("@techmarket.test>")
    assert written["Date"] is not None
    assert written.get_content_type() == "text/plain"
    assert plain_body(written) == RESET.text


async def test_outbox_reads_messages_back_oldest_first(tmp_path: Path) -> None:
    outbox = OutboxMailer(tmp_path / "outbox", sender=SENDER)
    assert outbox.messages() == []
    subjects = [f"Message {n}" for n in range(5)]
    for subject in subjects:
        await outbox.send(OutgoingEmail(to="jane@example.test", subject=subject, text="Hi.\n"))
    await outbox.send(WITH_HTML)
    messages = outbox.messages()
    assert [message["Subject"] for message in messages] == [*subjects, WITH_HTML.subject]
    last = messages[-1]
    assert last.get_content_type() == "multipart/alternative"
    assert plain_body(last) == WITH_HTML.text
    html = last.get_body(preferencelist=("html",))
    assert html is not None
    assert html.get_content() == WITH_HTML.html


async def test_outbox_logs_one_line_with_recipient_subject_and_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="techmarket.core.mail")
    await OutboxMailer(tmp_path, sender=SENDER).send(RESET)
    [record] = [r for r in caplog.records if r.name == "techmarket.core.mail"]
    [path] = files_in(tmp_path)
    assert record.getMessage() == (
        f"email to jane@example.test, subject 'Reset your TechMarket password', saved as {path}"
    )


async def test_a_line_break_in_a_header_cannot_add_headers(tmp_path: Path) -> None:
    injected = OutgoingEmail(
        to="jane@example.test", subject="Hello\r\nBcc: everyone@example.test", text="Hi.\n"
    )
    with pytest.raises(ValueError, match="linefeed or carriage return"):
        await OutboxMailer(tmp_path, sender=SENDER).send(injected)
    assert files_in(tmp_path) == []


# --- SMTP ---------------------------------------------------------------------------------


class Inbox:
    """An aiosmtpd handler that keeps what it receives and who signed in."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []
        self.logins: list[tuple[bytes, bytes]] = []

    async def handle_DATA(  # noqa: N802 - the name aiosmtpd calls
        self, server: Any, session: Any, envelope: Envelope
    ) -> str:
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        if isinstance(auth_data, LoginPassword) and auth_data.password == b"s3cret":
            self.logins.append((auth_data.login, auth_data.password))
            return AuthResult(success=True)
        return AuthResult(success=False, handled=False)

    def received(self) -> list[EmailMessage]:
        parser = BytesParser(_class=EmailMessage, policy=email.policy.default)
        # SMTP carries CRLF line ends; the outbox and the senders' text use LF.
        raw = [
            (envelope.original_content or b"").replace(b"\r\n", b"\n")
            for envelope in self.envelopes
        ]
        return [parser.parsebytes(data) for data in raw]


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=inbox.authenticate,
        auth_require_tls=False,
    )
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def smtp_mailer(port: int, **options: Any) -> SmtpMailer:
    return SmtpMailer(
        host="127.0.0.1", port=port, sender=SENDER, security="none", timeout=5, **options
    )


async def test_smtp_delivers_a_plain_message(smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    await smtp_mailer(port).send(RESET)
    [envelope] = inbox.envelopes
    assert envelope.mail_from == "no-reply@techmarket.test"
    assert envelope.rcpt_tos == ["jane@example.test"]
    [message] = inbox.received()
    assert message["From"] == SENDER
    assert message["To"] == "jane@example.test"
    assert message["Subject"] == "Reset your TechMarket password"
    assert message.get_content_type() == "text/plain"
    assert plain_body(message) == RESET.text


async def test_smtp_delivers_html_as_a_multipart_alternative(
    smtp_server: tuple[Inbox, int],
) -> None:
    inbox, port = smtp_server
    await smtp_mailer(port).send(WITH_HTML)
    [message] = inbox.received()
    assert message["Subject"] == "Confirm your email address"
    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.iter_parts()] == [
        "text/plain",
        "text/html",
    ]
    assert plain_body(message) == WITH_HTML.text
    html = message.get_body(preferencelist=("html",))
    assert html is not None
    assert html.get_content() == WITH_HTML.html


async def test_smtp_signs_in_when_given_credentials(smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    await smtp_mailer(port, username="mailer", password="s3cret").send(RESET)
    assert inbox.logins == [(b"mailer", b"s3cret")]
    assert len(inbox.envelopes) == 1


async def test_smtp_failures_raise_mail_delivery_error(smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    with pytest.raises(MailDeliveryError, match="did not take the message"):
        await smtp_mailer(port, username="mailer", password="wrong").send(RESET)
    with pytest.raises(MailDeliveryError):
        await smtp_mailer(free_port()).send(RESET)  # nothing listens there
    assert inbox.envelopes == []


def test_smtp_security_must_be_a_known_mode() -> None:
    with pytest.raises(ValueError, match="none, starttls or tls"):
        SmtpMailer(host="localhost", port=25, sender=SENDER, security="ssl")  # type: ignore[arg-type]
