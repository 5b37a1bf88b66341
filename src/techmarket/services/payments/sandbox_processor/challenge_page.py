"""The 3-D Secure page of the sandbox: the buyer completes or fails the challenge.

`authorize` answers `requires_action` with `action_url` pointing here. Submitting the form
decides the authorization, sends its webhook and redirects (303) to the `return_url` given at
authorize time, with `authorization_id` and `status` in the query. The page is plain HTML with
one stylesheet under a nonce, no script, and two real buttons: usable with a keyboard, a screen
reader and on a phone.
"""

from __future__ import annotations

import secrets
from html import escape
from typing import Annotated, Literal
from urllib.parse import urlencode, urlsplit, urlunsplit

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from techmarket.core.clock import utcnow
from techmarket.services.payments.sandbox_processor import errors, service
from techmarket.services.payments.sandbox_processor.deps import ProcessorDep
from techmarket.services.payments.sandbox_processor.schemas import AuthorizationRead

router = APIRouter(tags=["sandbox-payments"], include_in_schema=False)

ZERO_DECIMAL = frozenset({"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF",
                          "UGX", "VND", "VUV", "XAF", "XOF", "XPF"})  # fmt: skip
THREE_DECIMAL = frozenset({"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"})

_STYLE = """
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; padding: 1rem; background: Canvas; color: CanvasText; }
main { max-width: 28rem; margin: 2rem auto; padding: 1.5rem; border: 1px solid GrayText;
       border-radius: 0.75rem; }
h1 { font-size: 1.4rem; margin-top: 0; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
.actions { display: flex; flex-direction: column; gap: 0.75rem; margin-top: 1.5rem; }
button, .link { font: inherit; font-size: 1.05rem; min-height: 3rem; padding: 0.75rem 1rem;
         border-radius: 0.5rem; border: 2px solid transparent; cursor: pointer;
         text-align: center; }
.complete { background: #0b6b2e; color: #fff; }
.fail { background: #fff; color: #9b1c1c; border-color: #9b1c1c; }
button:focus-visible, .link:focus-visible { outline: 3px solid #1a56db; outline-offset: 3px; }
.note { font-size: 0.9rem; }
"""


def format_amount(amount: int, currency: str) -> str:
    digits = 0 if currency in ZERO_DECIMAL else 3 if currency in THREE_DECIMAL else 2
    if digits == 0:
        return f"{amount:,} {currency}"
    whole, fraction = divmod(amount, 10**digits)
    return f"{whole:,}.{fraction:0{digits}d} {currency}"


def _page(title: str, body: str, *, form_targets: str = "") -> HTMLResponse:
    nonce = secrets.token_urlsafe(16)
    html = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{escape(title)} · Sandbox payment processor</title>
<style nonce="{nonce}">{_STYLE}</style>
</head>
<body>
<main>
{body}
</main>
</body>
</html>
"""
    policy = (
        f"default-src 'none'; style-src 'nonce-{nonce}'; form-action 'self'{form_targets}; "
        "base-uri 'none'; frame-ancestors 'none'"
    )
    return HTMLResponse(
        html,
        headers={"content-security-policy": policy, "cache-control": "no-store"},
    )


def _origin(url: str | None) -> str:
    if not url:
        return ""
    parts = urlsplit(url)
    return f" {parts.scheme}://{parts.netloc}"


def _summary(authorization: AuthorizationRead) -> str:
    card = authorization.card
    return f"""<dl>
<dt>Merchant</dt><dd>TechMarket</dd>
<dt>Amount</dt><dd>{escape(format_amount(authorization.amount, authorization.currency))}</dd>
<dt>Card</dt><dd>{escape(card.brand.title())} ending in {escape(card.last4)}</dd>
</dl>"""


@router.get("/challenge/{challenge_id}", response_class=HTMLResponse)
async def show_challenge(challenge_id: str, processor: ProcessorDep) -> Response:
    public_url = processor.config.public_url
    async with processor.transaction(write=False) as session:
        try:
            row = await service.challenged_authorization(session, challenge_id, lock=False)
        except errors.ChallengeNotFound:
            return _not_found()
        authorization = await service.get_authorization(session, row.id, public_url=public_url)
    if authorization.status != "requires_action":
        return _finished(authorization)
    body = f"""<h1 id="title">Confirm this payment</h1>
<p id="explain">Your bank asks you to confirm this payment. This is the sandbox processor:
no real bank is involved. Choose how the check ends.</p>
{_summary(authorization)}
<form method="post" aria-labelledby="title" aria-describedby="explain">
<div class="actions">
<button class="complete" type="submit" name="outcome" value="complete">Complete authentication</button>
<button class="fail" type="submit" name="outcome" value="fail">Fail authentication</button>
</div>
</form>
<p class="note">After you choose you return to TechMarket.</p>"""  # noqa: E501
    return _page("Confirm this payment", body, form_targets=_origin(authorization.return_url))


@router.post("/challenge/{challenge_id}")
async def submit_challenge(
    challenge_id: str,
    outcome: Annotated[Literal["complete", "fail"], Form()],
    processor: ProcessorDep,
) -> Response:
    public_url = processor.config.public_url
    try:
        async with processor.transaction(write=True) as session:
            authorization = await service.finish_challenge(
                session, challenge_id, outcome, public_url=public_url, now=utcnow()
            )
    except errors.ChallengeNotFound:
        return _not_found()
    if authorization.return_url:
        return RedirectResponse(
            _with_query(
                authorization.return_url,
                authorization_id=authorization.id,
                status=authorization.status,
            ),
            status_code=303,
        )
    return _finished(authorization)


def _with_query(url: str, **params: str) -> str:
    parts = urlsplit(url)
    query = "&".join(part for part in (parts.query, urlencode(params)) if part)
    return urlunsplit(parts._replace(query=query))


def _finished(authorization: AuthorizationRead) -> HTMLResponse:
    if authorization.status in ("authorized", "captured", "refunded"):
        heading, text = "Payment confirmed", "The payment was confirmed."
    else:
        heading, text = "Payment not confirmed", "The payment was not confirmed."
    back = ""
    if authorization.return_url:
        target = _with_query(
            authorization.return_url, authorization_id=authorization.id, status=authorization.status
        )
        back = f'<p><a class="link" href="{escape(target)}">Return to TechMarket</a></p>'
    body = f"""<h1>{heading}</h1>
<p role="status">{text}</p>
{_summary(authorization)}
{back}"""
    return _page(heading, body)


def _not_found() -> HTMLResponse:
    page = _page(
        "Page not found",
        "<h1>This page does not exist</h1>\n<p>The payment link is wrong or has expired.</p>",
    )
    page.status_code = 404
    return page
