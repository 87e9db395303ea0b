"""The FastAPI application: the page, its assets, and the JSON API.

Every endpoint calls the same planning functions as its command (``cli.compare.plan``,
``cli.explain.plan``, ``cli.season.plan``, ``cli.browse.product_items``...) and answers with the
same renderer as ``--format json``, so an API answer and the command's output are the same
bytes. Errors go through :mod:`.errors`.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..errors import FootprintError
from ..i18n import MESSAGES, Lang, t
from . import errors
from .errors import EmptyUpload, UploadTooLarge, request_lang

MAX_UPLOAD_MB = 50
"""Default size limit of an uploaded purchase file (a year of a large town's canteens is a few MB)."""
MAX_DRAWS = 100_000
"""Upper bound on Monte Carlo draws asked through the API (the command line's default is 10,000)."""

UI_PREFIXES = ("web.", "stage.", "month.", "season.", "mode.", "main.", "group.")
"""Catalogue keys the page needs (its own texts, and the names of stages, months, seasons, modes)."""

STATIC = Path(__file__).with_name("static")

LangQ = Annotated[Literal["fr", "en"] | None, Query(description="fr | en (default: the server's)")]
MonthQ = Annotated[int | None, Query(ge=1, le=12, description="1-12 (default: this month)")]
SeedQ = Annotated[int, Query(ge=0)]
DrawsQ = Annotated[int, Query(ge=100, le=MAX_DRAWS)]


@dataclass
class ComparisonQuery:
    """The options a comparison and its route map share (`footprint compare`'s own)."""

    product: Annotated[list[str], Query(description="PRODUCT or PRODUCT@ORIGIN, repeatable")]
    origin: Annotated[list[str] | None, Query(description="imported origin, repeatable")] = None
    local: str = "FR"
    no_local: bool = False
    to: str = "FR-RUNGIS"
    month: MonthQ = None
    mode: str | None = None
    system: str | None = None
    quantity: str = "1kg"


def _json(text: str) -> Response:
    return Response(content=text.encode("utf-8"), media_type="application/json")


def _safe_name(filename: str) -> str:
    """A file name to write the upload under: its base name, plain characters only."""
    base = Path(filename.replace("\\", "/")).name
    base = re.sub(r"[^\w.\- ]+", "_", base).strip(" .")[:100]
    return base or "achats.csv"


WEB_NOTES = {"msg.usual_origins": "web.note.usual_origins", "msg.mostly_imported": "web.note.mostly_imported"}
"""Notes whose command-line wording names an option (``--origin France``): the page words them its way."""


def note_text(note: Any, language: Lang) -> str:
    """A note of ``cli.compare.plan`` as one sentence of the page (an engine refusal without its
    command-line hint)."""
    from ..cli.compare import note_lines

    if note.error is not None:
        return note_lines(note, language)[0]
    if note.key not in WEB_NOTES:
        return " ".join(note_lines(note, language))
    shown = note.product.name_fr if language == "fr" else note.product.name_en
    params = {**(note.params or {}), "product": shown[:1].upper() + shown[1:]}
    return t(WEB_NOTES[note.key], language, **params)


def create_app(
    data_dirs: Sequence[Path] = (), *, lang: Lang = "fr", max_upload_mb: int = MAX_UPLOAD_MB
) -> FastAPI:
    """The application over the dataset (with ``data_dirs`` overlays), French unless ``lang``."""
    from ..catalog import Catalog
    from ..model.loader import overlay_dirs
    from ..store import load_dataset

    ds = load_dataset(overlay_dirs(list(data_dirs)))
    catalog = Catalog(ds)
    app = FastAPI(
        title="footprint",
        version=__version__,
        summary="Compare food products by origin, production system and month, in kg CO2e and in euros.",
        description=(
            "The JSON answers are those of the command line's `--format json` (compare, explain, "
            'season, products, origins, report). Errors are `{"error": {...}}` with a 4xx status '
            "and a message in the language asked (`lang=fr|en`)."
        ),
        # the interactive docs pages load their scripts from a CDN: the description is served alone
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.lang = lang
    app.state.max_upload_mb = max_upload_mb
    errors.install(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def _lang(request: Request) -> Lang:
        return request_lang(request)

    # ------------------------------------------------------------ the page

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page(request: Request) -> HTMLResponse:
        language = _lang(request)
        html = (STATIC / "index.html").read_text(encoding="utf-8")
        html = html.replace("{{lang}}", language).replace("{{max_upload_mb}}", str(max_upload_mb))
        html = html.replace("{{title}}", t("web.title", language)).replace("{{version}}", __version__)
        return HTMLResponse(html)

    @app.get("/api/ui", tags=["page"])
    def ui(request: Request, lang: LangQ = None) -> dict[str, Any]:
        """The page's texts in one language (from the same catalogue as the command line)."""
        language = _lang(request)
        texts = {k: v[0 if language == "fr" else 1] for k, v in MESSAGES.items() if k.startswith(UI_PREFIXES)}
        return {"lang": language, "max_upload_mb": max_upload_mb, "texts": texts}

    # ------------------------------------------------------------ browse

    @app.get("/api/products", tags=["data"])
    def products(category: str | None = None, search: str | None = None, lang: LangQ = None) -> Response:
        """Same as `footprint products --format json [--category C] [--search S]`."""
        from ..cli.browse import product_items
        from ..render import browse

        items = product_items(ds, category, search)
        return _json(browse.to_json("products", [browse.product_dict(p) for p in items]))

    @app.get("/api/origins", tags=["data"])
    def origins(search: str | None = None, kind: str = "country", lang: LangQ = None) -> Response:
        """Same as `footprint origins --format json [--search S] [--kind K]`."""
        from ..cli.browse import place_items
        from ..render import browse

        items = place_items(ds, search, kind)
        return _json(browse.to_json("origins", [browse.place_dict(pl) for pl in items]))

    @app.get("/api/sources", tags=["data"])
    def sources() -> dict[str, Any]:
        """The source registry: publisher, dataset, version, year and address of every key that
        the `source` fields of the other answers name."""
        return {
            key: {
                "publisher": s.publisher,
                "dataset": s.dataset,
                "version": s.version,
                "year": s.year,
                "url": s.url,
                "licence": s.licence,
                "note": s.note,
            }
            for key, s in sorted(ds.factors.sources.items())
        }

    # ------------------------------------------------------------ compare, explain, season

    def _planned(q: ComparisonQuery) -> Any:
        """The scenarios `footprint compare` would run for ``q``, and its notes on them."""
        from ..cli.compare import plan

        return plan(
            catalog,
            q.product,
            origins=q.origin or [],
            local=q.local,
            no_local=q.no_local,
            to=q.to,
            month=q.month,
            mode=q.mode,
            system=q.system,
            quantity=q.quantity,
        )

    def _compared(q: ComparisonQuery, carbon_price: str | None, seed: int, draws: int) -> Any:
        from ..engine import compare as run

        scenarios, _ = _planned(q)
        return run(ds, scenarios, catalog=catalog, carbon_price=carbon_price, draws=draws, seed=seed)

    @app.get("/api/compare", tags=["compute"])
    def compare(
        request: Request,
        q: Annotated[ComparisonQuery, Depends()],
        carbon_price: str | None = None,
        seed: SeedQ = 42,
        draws: DrawsQ = 10_000,
        lang: LangQ = None,
    ) -> Response:
        """Same as `footprint compare PRODUCT... --origin O... --format json` with the same options."""
        from ..render.compare import to_json

        return _json(to_json(_compared(q, carbon_price, seed, draws), _lang(request)))

    @app.get("/api/compare/notes", tags=["compute"])
    def compare_notes(
        request: Request, q: Annotated[ComparisonQuery, Depends()], lang: LangQ = None
    ) -> dict[str, list[str]]:
        """What `footprint compare` says on its error stream about the options it chose: a product
        France mostly imports is compared across its usual import origins (France is not its usual
        origin), a product mainland France does not grow has no local option... in the page's words."""
        language = _lang(request)
        _, notes = _planned(q)
        return {"notes": [note_text(note, language) for note in notes]}

    @app.get("/api/compare/map.svg", tags=["compute"])
    def compare_map(
        request: Request, q: Annotated[ComparisonQuery, Depends()], lang: LangQ = None
    ) -> Response:
        """The route map of the same comparison (the one the printable sheet shows), as SVG: the
        legs drawn on a Natural Earth outline, ports and airports named."""
        from ..render.route_map import route_map_svg

        result = _compared(q, None, 42, 100)
        svg = route_map_svg(result, _lang(request))
        if 'xmlns="http://www.w3.org/2000/svg"' not in svg:
            svg = svg.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1)
        return Response(svg, media_type="image/svg+xml")

    @app.get("/api/explain", tags=["compute"])
    def explain(
        request: Request,
        product: str,
        origin: str,
        month: MonthQ = None,
        local: str = "FR",
        no_local: bool = False,
        to: str = "FR-RUNGIS",
        mode: str | None = None,
        system: str | None = None,
        quantity: str = "1kg",
        carbon_price: str | None = None,
        seed: SeedQ = 42,
        draws: DrawsQ = 10_000,
        lang: LangQ = None,
    ) -> Response:
        """Same as `footprint explain PRODUCT --origin O --format json` with the same options."""
        from ..cli.explain import plan
        from ..engine import compare as run
        from ..render.explain_json import to_json

        scenarios, _ = plan(
            catalog,
            product,
            origin=origin,
            month=month,
            local=local,
            no_local=no_local,
            to=to,
            mode=mode,
            system=system,
            quantity=quantity,
        )
        result = run(ds, scenarios, catalog=catalog, carbon_price=carbon_price, draws=draws, seed=seed)
        return _json(to_json(result, _lang(request)))

    @app.get("/api/season", tags=["compute"])
    def season(
        request: Request,
        product: str | None = None,
        category: Literal["fruit", "vegetable"] | None = None,
        origin: str = "FR",
        lang: LangQ = None,
    ) -> Response:
        """Same as `footprint season [PRODUCT] [--category C] [--origin O] --format json`."""
        from ..cli.season import plan
        from ..render.calendar import to_json

        language = _lang(request)
        return _json(to_json(plan(ds, catalog, product, category, origin, language), language))

    # ------------------------------------------------------------ report

    @app.post(
        "/api/report",
        tags=["compute"],
        openapi_extra={
            "requestBody": {
                "required": True,
                "description": "The purchase file itself (CSV or .xlsx), as the request body.",
                "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
            }
        },
    )
    async def report(
        request: Request,
        filename: Annotated[
            str, Query(description="the file's name (its extension tells .xlsx from CSV)")
        ] = ("achats.csv"),
        output: Annotated[
            Literal["json", "lines", "rejected", "html", "bundle"],
            Query(
                description="json: the summary, as `footprint report FILE --format json`; lines: the "
                "per-line CSV (`-o`); rejected: the rejected rows; html: the HTML report; bundle: "
                "all four in one JSON object"
            ),
        ] = "json",
        month: MonthQ = None,
        to: str = "FR-RUNGIS",
        local: str = "FR",
        carbon_price: str | None = None,
        encoding: str | None = None,
        delimiter: str | None = None,
        sheet: str | None = None,
        seed: SeedQ = 42,
        draws: DrawsQ = 10_000,
        lang: LangQ = None,
    ) -> Response:
        """Same report as `footprint report FILE` over the uploaded file. The file is written to a
        temporary directory, read, and the directory removed before the answer is sent; an upload
        over the size limit is stopped as it streams in (413)."""
        language = _lang(request)
        limit = max_upload_mb * 1024 * 1024
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise UploadTooLarge(max_upload_mb)
        name = _safe_name(filename)
        with tempfile.TemporaryDirectory(prefix="footprint-web-") as tmp:
            path = Path(tmp) / name
            size = 0
            with path.open("wb") as fh:
                async for chunk in request.stream():
                    size += len(chunk)
                    if size > limit:
                        raise UploadTooLarge(max_upload_mb)
                    fh.write(chunk)
            if size == 0:
                raise EmptyUpload()
            try:
                return await run_in_threadpool(
                    _report,
                    path,
                    output,
                    language,
                    month=month,
                    to=to,
                    local=local,
                    carbon_price=carbon_price,
                    encoding=encoding,
                    delimiter=delimiter,
                    sheet=sheet,
                    seed=seed,
                    draws=draws,
                )
            except FootprintError as exc:
                return errors.error_response(exc, language, replace={str(path): name, tmp: "."})

    def _report(path: Path, output: str, language: Lang, **opts: Any) -> Response:
        from ..batch.reader import read_purchases
        from ..batch.report import compute_report
        from ..render import report as rr
        from ..render import report_json

        pf = read_purchases(path, encoding=opts["encoding"], delimiter=opts["delimiter"], sheet=opts["sheet"])
        result = compute_report(
            pf,
            ds,
            catalog,
            month_default=opts["month"] or _dt.date.today().month,
            destination=opts["to"],
            local_place=opts["local"],
            carbon_price=opts["carbon_price"],
            draws=opts["draws"],
            seed=opts["seed"],
            consume=True,
        )
        stem = path.stem
        lines_name = f"{stem}.footprint.csv"
        rejected_name = rr.rejected_path_for(lines_name).name
        html_name = f"{stem}.footprint.html"
        if output == "json":
            return _json(report_json.to_json(result, language, ds))

        def lines() -> str:
            target = path.with_name(lines_name)
            rr.write_lines_csv(result, target, language, ds, delimiter=pf.delimiter)
            return target.read_bytes().decode("utf-8")

        def rejected() -> str:
            target = path.with_name(rejected_name)
            rr.write_rejected_csv(result, target, delimiter=pf.delimiter, lang=language)
            return target.read_bytes().decode("utf-8")

        def html() -> str:
            return rr.to_html(result, language, ds, rejected_path=rejected_name)

        if output == "bundle":
            bundle = {
                "summary": report_json.to_dict(result, language, ds),
                "lines_csv": {"name": lines_name, "text": lines()},
                "rejected_csv": {"name": rejected_name, "text": rejected()},
                "html": {"name": html_name, "text": html()},
            }
            return _json(json.dumps(bundle, ensure_ascii=False))
        if output == "html":
            return Response(html(), media_type="text/html; charset=utf-8")
        text, name = (lines(), lines_name) if output == "lines" else (rejected(), rejected_name)
        return Response(
            text.encode("utf-8"),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    return app
