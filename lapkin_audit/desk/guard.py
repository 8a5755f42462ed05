"""What every request of the desk passes first: the size limit, the Host, the access token
(when bound beyond this computer), and the headers that keep a page from running anything
but the desk's own script file.

CSRF: every form carries the process's random token; a POST without it is refused. Another
site can post to 127.0.0.1 but can never read a page of the desk to learn the token (no
CORS), and the cookies are SameSite=Strict besides.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

# No inline script anywhere (the report's own style sheet is inline, hence style-src).
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]
TOKEN_COOKIE = "lapkin_desk_token"


class Guard:
    """ASGI middleware: refuse oversized bodies (413), unknown hosts (400) and, when a token
    is required, requests without it (403); add the security headers to every response."""

    def __init__(self, app: App, limit: int, hosts: tuple[str, ...], token: str | None) -> None:
        self.app, self.limit, self.hosts, self.token = app, limit, hosts, token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "").rsplit(":", 1)[0].strip("[]")
        if self.hosts and host not in self.hosts:
            await _plain(send, 400, "host")
            return
        if self.token is not None and not self._authorised(scope, headers):
            await _plain(send, 403, "token")
            return
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.limit:
            await _plain(send, 413, "too_large")
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise TooLarge
            return message

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        try:
            await self.app(scope, limited, secured)
        except TooLarge:
            await _plain(send, 413, "too_large")

    def _authorised(self, scope: Scope, headers: dict[str, str]) -> bool:
        assert self.token is not None
        from http.cookies import SimpleCookie

        cookie: SimpleCookie = SimpleCookie(headers.get("cookie", ""))
        given = cookie[TOKEN_COOKIE].value if TOKEN_COOKIE in cookie else ""
        if not given:
            from urllib.parse import parse_qs

            given = (parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token") or [""])[0]
        return hmac.compare_digest(given.encode(), self.token.encode())


class TooLarge(Exception):
    pass


async def _plain(send: Send, status: int, reason: str) -> None:
    body = f"{status} {reason}\n".encode()
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": [*headers, *HEADERS]})
    await send({"type": "http.response.body", "body": body})


def new_token() -> str:
    return secrets.token_urlsafe(24)


def same(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())
