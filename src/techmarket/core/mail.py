"""Outgoing email: an outbox folder by default, SMTP when a mail server is configured.

The outbox lets `make run`, the tests and a person trying TechMarket out read every message (as
`.eml` files) without a mail server. Both mailers raise `MailDeliveryError` when a message was
not handed over, so a caller (or a job queue) can retry without knowing which one it holds.
"""

from __future__ import annotations

import asyncio
import email.policy
import itertools
import logging
import os
import secrets
from dataclasses import dataclass
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import format_datetime, make_msgid, parseaddr
from pathlib import Path
from typing import Literal, Protocol, get_args

import aiosmtplib
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.clock import utcnow
from techmarket.core.db import after_commit

log = logging.getLogger(__name__)

SmtpSecurity = Literal["none", "starttls", "tls"]


class MailDeliveryError(Exception):
    """The message was not handed over; sending it again is safe."""


@dataclass(frozen=True)
class OutgoingEmail:
    to: str
    subject: str
    text: str
    html: str | None = None


class Mailer(Protocol):
    async def send(self, message: OutgoingEmail) -> None: ...


def build_message(message: OutgoingEmail, sender: str) -> EmailMessage:
    """The MIME message: plain text, plus an HTML alternative when there is one.

    The default policy refuses line breaks in header values, so a subject or address taken from
    user input cannot add headers (or recipients).
    """
    domain = parseaddr(sender)[1].rpartition("@")[2] or "techmarket.localhost"
    mime = EmailMessage()
    mime["From"] = sender
    mime["To"] = message.to
    mime["Subject"] = message.subject
    mime["Date"] = format_datetime(utcnow())
    # An explicit domain: without one, make_msgid asks DNS for this host's name.
    mime["Message-ID"] = make_msgid(domain=domain)
    mime.set_content(message.text)
    if message.html is not None:
        mime.add_alternative(message.html, subtype="html")
    return mime


# Orders messages written by this process within the same microsecond.
_sequence = itertools.count()


class OutboxMailer:
    """Writes each message to `<folder>/<UTC time>-<sequence>-<random>.eml` (folder 0700, files
    0600: the messages hold sign-in links) and logs where it went."""

    def __init__(self, folder: Path, sender: str) -> None:
        self.folder = folder
        self.sender = sender

    async def send(self, message: OutgoingEmail) -> None:
        mime = build_message(message, self.sender)
        try:
            path = await asyncio.to_thread(self._write, mime.as_bytes())
        except OSError as error:
            raise MailDeliveryError(f"could not write to the outbox {self.folder}") from error
        log.info("email to %s, subject %r, saved as %s", message.to, message.subject, path)

    def _write(self, data: bytes) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)
        name = f"{utcnow():%Y%m%dT%H%M%S%fZ}-{next(_sequence):06d}-{secrets.token_hex(3)}.eml"
        path = self.folder / name
        partial = path.with_name(name + ".part")  # not *.eml: readers never see half a message
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.replace(partial, path)
        return path

    def messages(self) -> list[EmailMessage]:
        """Every message in the outbox, oldest first."""
        if not self.folder.is_dir():
            return []
        parser = BytesParser(_class=EmailMessage, policy=email.policy.default)
        return [parser.parsebytes(path.read_bytes()) for path in sorted(self.folder.glob("*.eml"))]


class SmtpMailer:
    """Hands each message to an SMTP server; `security` is "starttls" (upgrade on the submission
    port, 587), "tls" (implicit TLS, 465) or "none" (a relay on the same host, or tests)."""

    def __init__(
        self,
        *,
        host: str,
        port: int,
        sender: str,
        username: str | None = None,
        password: str | None = None,
        security: SmtpSecurity = "starttls",
        timeout: float = 10,
    ) -> None:
        if security not in get_args(SmtpSecurity):
            raise ValueError(f"SMTP security must be none, starttls or tls, not {security!r}")
        self.host = host
        self.port = port
        self.sender = sender
        self.username = username
        self._password = password
        self.security = security
        self.timeout = timeout

    async def send(self, message: OutgoingEmail) -> None:
        mime = build_message(message, self.sender)
        try:
            await aiosmtplib.send(
                mime,
                sender=parseaddr(self.sender)[1],
                recipients=[message.to],
                hostname=self.host,
                port=self.port,
                username=self.username,
                password=self._password,
                use_tls=self.security == "tls",
                start_tls=self.security == "starttls",
                timeout=self.timeout,
            )
        except (aiosmtplib.SMTPException, OSError) as error:
            raise MailDeliveryError(
                f"{self.host}:{self.port} did not take the message: {error}"
            ) from error
        log.info(
            "email to %s, subject %r, sent through %s:%s",
            message.to,
            message.subject,
            self.host,
            self.port,
        )


def send_after_commit(session: AsyncSession, mailer: Mailer, message: OutgoingEmail) -> None:
    """Send once the transaction that decided it has committed: a rolled-back change mails
    nothing."""

    async def deliver() -> None:
        await mailer.send(message)

    after_commit(session, deliver)
