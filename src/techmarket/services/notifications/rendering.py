"""Turning a kind and its facts into words: the in-app title and line, the email's subject,
plain text and HTML, from the Jinja2 templates in `templates/` (one pair per kind).

`<kind>.txt` holds the blocks `title`, `summary` and `link` (a path of the web app) and the
email's text; `<kind>.html` the email's HTML. Both extend one base layout. HTML is autoescaped,
so a listing title like `<script>` arrives as text; the plain text is not (it is not markup).
A fact a template needs but was not given is an error (StrictUndefined), not an empty gap.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, Template

from techmarket.services.notifications.kinds import NotificationKind

SETTINGS_PATH = "/account/notifications"


@dataclass(frozen=True)
class Rendered:
    title: str
    summary: str
    link: str | None
    """A path of the web app (`/orders/<id>/tracking`); emails carry it as a full URL."""
    text: str
    html: str


def money(amount: int | None, currency: str) -> str:
    """Minor units as `1,234.56 EUR` (DESIGN §3: money is never a float)."""
    whole, cents = divmod(int(amount or 0), 100)
    return f"{whole:,}.{cents:02d} {currency}"


def short(value: uuid.UUID | str) -> str:
    """The first block of an id: enough for a person to tell orders apart."""
    return str(value)[:8]


def _environment(*, html: bool) -> Environment:
    environment = Environment(
        loader=PackageLoader("techmarket.services.notifications", "templates"),
        autoescape=html,  # noqa: S701 - the plain text part is not markup
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["money"] = money
    environment.filters["short"] = short
    return environment


@cache
def _environments() -> tuple[Environment, Environment]:
    return _environment(html=False), _environment(html=True)


def _block(template: Template, name: str, values: Mapping[str, Any]) -> str:
    context = template.new_context(dict(values))
    return " ".join("".join(template.blocks[name](context)).split())


def render(
    kind: NotificationKind, context: Mapping[str, Any], *, name: str, base_url: str
) -> Rendered:
    """Every text of one notification; `name` greets the recipient, `base_url` makes links."""
    text_env, html_env = _environments()
    root = base_url.rstrip("/")
    values: dict[str, Any] = {
        **context,
        "name": name,
        "base_url": root,
        "settings_url": root + SETTINGS_PATH,
    }
    text_template = text_env.get_template(f"{kind.value}.txt")
    link = _block(text_template, "link", values) or None
    values["link_url"] = root + link if link else ""
    title = _block(text_template, "title", values)
    values["subject"] = title
    return Rendered(
        title=title,
        summary=_block(text_template, "summary", values),
        link=link,
        text=text_template.render(values),
        html=html_env.get_template(f"{kind.value}.html").render(values),
    )
