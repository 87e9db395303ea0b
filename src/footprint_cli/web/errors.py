"""The one place where errors become HTTP answers: a status and a message in the page's language.

The core's exception types (``footprint_cli.errors``) get the same words as on the command line
(``cli.common.error_lines``); the request checks of the framework (a month of 13, a missing
product) and unknown addresses are translated here. Every answer is JSON
``{"error": {"status", "code", "message", "lines", "suggestions"}}`` with a 4xx status (a
500 only for a defect of the program, said as such).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..cli.common import error_lines
from ..errors import DataError, FootprintError, InputError, ModelError, UnknownNameError
from ..i18n import Lang, t, text

STATUS: tuple[tuple[type[FootprintError], int, str], ...] = (
    # most specific first
    (UnknownNameError, 404, "unknown_name"),
    (ModelError, 422, "cannot_compute"),
    (InputError, 422, "bad_input"),
    (DataError, 422, "invalid_data"),
    (FootprintError, 400, "error"),
)


class UploadTooLarge(FootprintError):
    """An upload over the size limit, stopped while it streamed in."""

    def __init__(self, limit_mb: int):
        self.limit_mb = limit_mb
        super().__init__(limit_mb)


class EmptyUpload(FootprintError):
    """A report request with no file in its body."""


def request_lang(request: Request) -> Lang:
    """The page's language: ``?lang=`` if it names one, else the server's (French by default)."""
    asked = (request.query_params.get("lang") or "").strip().lower()[:2]
    if asked in ("fr", "en"):
        return asked  # type: ignore[return-value]
    return request.app.state.lang


def _answer(status: int, code: str, lines: list[str], suggestions: list[str] | None = None) -> JSONResponse:
    body = {
        "error": {
            "status": status,
            "code": code,
            "message": "\n".join(line.strip() for line in lines),
            "lines": [line.strip() for line in lines],
            "suggestions": suggestions or [],
        }
    }
    return JSONResponse(body, status_code=status)


def error_response(exc: FootprintError, lang: Lang, replace: dict[str, str] | None = None) -> JSONResponse:
    """The answer for a core error; ``replace`` swaps server-side names (a temporary path) for
    the ones the user knows (the uploaded file's name)."""
    if isinstance(exc, UploadTooLarge):
        lines = [
            f"{t('err.prefix', lang)}{_colon(lang)}{t('web.err.too_large', lang, limit=exc.limit_mb)}",
            t("web.err.too_large.hint", lang),
        ]
        return _answer(413, "too_large", lines)
    if isinstance(exc, EmptyUpload):
        return _answer(400, "empty", [f"{t('err.prefix', lang)}{_colon(lang)}{t('web.err.empty', lang)}"])
    lines = error_lines(exc, lang)
    for old, new in (replace or {}).items():
        lines = [line.replace(old, new) for line in lines]
    status, code = next((s, c) for kind, s, c in STATUS if isinstance(exc, kind))
    suggestions = [text(s, lang) for s in exc.suggestions] if isinstance(exc, UnknownNameError) else []
    return _answer(status, code, lines, suggestions)


def _colon(lang: Lang) -> str:
    return "\u00a0: " if lang == "fr" else ": "


def _validation_line(err: dict[str, Any], lang: Lang) -> str:
    field = str(err.get("loc", ["", "?"])[-1])
    kind = str(err.get("type", ""))
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return t("web.err.missing", lang, field=field)
    if kind in ("greater_than_equal", "greater_than"):
        reason = t("web.err.min", lang, n=ctx.get("ge", ctx.get("gt")))
    elif kind in ("less_than_equal", "less_than"):
        reason = t("web.err.max", lang, n=ctx.get("le", ctx.get("lt")))
    elif kind == "enum" or kind == "literal_error":
        reason = t("web.err.choice", lang, choices=ctx.get("expected", ""))
    elif kind.startswith("int"):
        reason = t("web.err.type", lang)
    else:
        reason = str(err.get("msg", kind))
    return t("web.err.invalid", lang, field=field, value=err.get("input", ""), reason=reason)


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""

    @app.exception_handler(FootprintError)
    async def _core(request: Request, exc: FootprintError) -> JSONResponse:
        return error_response(exc, request_lang(request))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        lang = request_lang(request)
        prefix = f"{t('err.prefix', lang)}{_colon(lang)}"
        return _answer(422, "bad_request", [prefix + _validation_line(e, lang) for e in exc.errors()])

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> JSONResponse:
        # a defect, not a bad request: a 500 that says so in the page's language; the traceback
        # goes to the server's terminal (the framework logs it after this answer), never the page
        lang = request_lang(request)
        text = t("web.err.internal", lang, kind=type(exc).__name__)
        return _answer(500, "internal", [f"{t('err.prefix', lang)}{_colon(lang)}{text}"])

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        lang = request_lang(request)
        prefix = f"{t('err.prefix', lang)}{_colon(lang)}"
        if exc.status_code == 404:
            text = t("web.err.not_found", lang, path=request.url.path)
        elif exc.status_code == 405:
            text = t("web.err.method", lang)
        else:
            text = str(exc.detail)
        return _answer(exc.status_code, "http", [prefix + text])
