"""`footprint serve`: the local web page and JSON API (needs the optional ``web`` extra)."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import i18n

i18n.register(
    {
        "cmd.serve": (
            "Ouvre la page web locale (Comparer, Saisons, Rapport) et son API JSON, sur ce même moteur ; "
            "rien ne quitte l'ordinateur.",
            "Open the local web page (Compare, Seasons, Report) and its JSON API, on this same engine; "
            "nothing leaves the computer.",
        ),
        "opt.serve.host": (
            "Adresse d'écoute (défaut : cet ordinateur seulement).",
            "Address to listen on (default: this computer only).",
        ),
        "opt.serve.port": ("Port (0 : un port libre, affiché).", "Port (0: a free port, printed)."),
        "opt.serve.no_browser": ("Ne pas ouvrir le navigateur.", "Do not open the browser."),
        "opt.serve.max_upload": (
            "Taille maximale d'un fichier d'achats envoyé, en Mo.",
            "Largest purchase file accepted, in MB.",
        ),
        "serve.missing": (
            "la page web a besoin de composants en option, absents ici ({missing}).",
            "the web page needs optional components that are not installed ({missing}).",
        ),
        "serve.missing.hint": (
            'installez-les avec : pip install "footprint-cli[web]" (ou, depuis le dépôt : '
            'pip install ".[web]")',
            'install them with: pip install "footprint-cli[web]" (or, from the repository: '
            'pip install ".[web]")',
        ),
        "serve.listening": (
            "footprint : page ouverte sur {url} (Ctrl+C pour arrêter)",
            "footprint: page served at {url} (Ctrl+C to stop)",
        ),
        "serve.exposed": (
            "attention : --host {host} rend la page accessible depuis le réseau",
            "warning: --host {host} makes the page reachable from the network",
        ),
    }
)

from ..errors import InputError  # noqa: E402
from ..i18n import t  # noqa: E402
from .common import DataOpt, LangOpt, echo_err, h, lang_of  # noqa: E402


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
            f"missing: {', '.join(missing)}",
            key="serve.missing",
            hint_key="serve.missing.hint",
            params={"missing": ", ".join(missing)},
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
        raise InputError(f"--host/--port: {host}:{port}: {exc.strerror or exc}") from None
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
