"""`footprint serve`: the local web page and JSON API (needs the optional ``web`` extra)."""

from typing import Annotated

import typer

from ..errors import InputError
from ..i18n import Message, t
from .common import DataOpt, LangOpt, echo_err, h, lang_of


def serve(
    host: Annotated[str, typer.Option("--host", help=h("opt.serve.host"), metavar="ADDRESS")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help=h("opt.serve.port"), metavar="N")] = 0,
    no_browser: Annotated[bool, typer.Option("--no-browser", help=h("opt.serve.no_browser"))] = False,
    max_upload_mb: Annotated[
        int, typer.Option("--max-upload-mb", min=1, max=2048, help=h("opt.serve.max_upload"), metavar="MB")
    ] = 50,
    lang: LangOpt = None,
    data: DataOpt = None,
) -> None:
    import importlib.util
    import socket

    language = lang_of(lang)
    page_lang = language if lang else "fr"  # the page is French unless --lang says otherwise
    missing = [m for m in ("fastapi", "uvicorn") if importlib.util.find_spec(m) is None]
    if missing:
        raise InputError(
            Message("serve.missing", missing=", ".join(missing)),
            hint=Message("serve.missing.hint", missing=", ".join(missing)),
        )
    import uvicorn

    from ..web.app import create_app

    app = create_app(data or (), lang=page_lang, max_upload_mb=max_upload_mb)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise InputError(
            Message("err.serve_bind", host=host, port=port, detail=exc.strerror or exc)
        ) from None
    sock.listen(128)
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if family == socket.AF_INET6 else host
    url = f"http://{shown}:{bound}/"
    if host not in ("127.0.0.1", "localhost", "::1"):
        echo_err(t("serve.exposed", language, host=host))
    typer.echo(t("serve.listening", language, url=url))
    if not no_browser:
        import webbrowser

        webbrowser.open(url)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
