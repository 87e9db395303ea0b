"""A comparison explained step by step, for a class: plain text and Markdown (no Rich here).

:func:`explain_option` lays out the :class:`~footprint_cli.engine.Trace` the engine recorded
for one :class:`~footprint_cli.engine.Result`: each stage with its factors and intermediate
quantities, each transport leg with its distance and factors. It computes nothing: the
numbers shown are the engine's own (``tests/test_explain.py`` checks that the steps add up to
the engine's stages and total). :func:`to_text` and :func:`to_markdown` lay the steps out with
formulas, units, sources, the uncertainty in words and the lesson (the
:func:`~footprint_cli.render.compare.verdict` sentence).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..engine import Comparison, FactorUse, Leg, LegTrace, Result, Trace, TraceStep
from ..i18n import Lang, t
from .compare import (
    factor_label,
    flag_text,
    km,
    number,
    option_title,
    percent,
    place_name,
    top_stage,
    verdict,
)


@dataclass(frozen=True)
class Step:
    """One stage of the calculation: its re-derived value, formula, detail lines and factors."""

    stage: str
    kg_co2e: float
    formula: str
    lines: tuple[str, ...]
    factors: tuple[FactorUse, ...]


@dataclass(frozen=True)
class LegStep:
    leg: Leg
    kg_co2e: float
    lines: tuple[str, ...]
    factors: tuple[FactorUse, ...]


@dataclass(frozen=True)
class OptionExplanation:
    result: Result
    season_line: str
    steps: tuple[Step, ...]
    legs: tuple[LegStep, ...]

    @property
    def total_kg_co2e(self) -> float:
        """Sum of the re-derived steps (equals the engine's total)."""
        return sum(s.kg_co2e for s in self.steps)


def _trace(r: Result) -> Trace:
    if r.trace is None:
        raise ValueError("a result without the engine's trace cannot be explained")
    return r.trace


def _season_line(r: Result, lang: Lang) -> str:
    if r.scenario.system is not None:
        return t("explain.season.system", lang, system=t(f"system.{r.system}", lang))
    return t(
        f"explain.season.{r.season.status}",
        lang,
        month=t(f"month.{r.month}", lang),
        country=place_name(r.country, lang),
        months=r.storage_months,
    )


def _simple_stage(r: Result, step: TraceStep, lang: Lang, why: str | None = None) -> Step:
    """A stage that is the quantity times one factor."""
    f = step.factors[0]
    stage_name = t(f"stage.{step.stage}", lang).lower()
    calc = (
        f"{number(r.quantity_kg, lang)} kg × {number(f.value, lang)} {f.unit} = "
        f"{number(step.kg_co2e, lang)} kg CO2e"
    )
    lines = [calc]
    if why:
        lines.append(why)
    return Step(step.stage, step.kg_co2e, t("explain.f.stage", lang, stage=stage_name), tuple(lines), (f,))


def _production(r: Result, lang: Lang) -> Step:
    step = _trace(r).step("production")
    f = step.factors[0]
    if f.key.startswith("proxy:"):
        stands_for = f.key.split(":", 1)[1].rsplit("@", 1)[0]
        if stands_for.startswith("variant:"):
            _, _, system, _origin = stands_for.split(":")
            base = t(
                "explain.production.variant",
                lang,
                system=t(f"system.{system}", lang),
                origin=t("explain.origin_any", lang),
            )
        else:
            base = t("explain.production.base", lang)
        flag = next(fl for fl in r.flags if fl.code == "production_proxy_origin")
        why = t(
            "explain.production.proxy",
            lang,
            origin=place_name(r.country, lang),
            base=base,
            factor=number(flag.params["factor"], lang),
            low=number(f.low or 0.0, lang, 4),
            high=number(f.high or 0.0, lang, 4),
        )
    elif f.key.startswith("variant:"):
        _, _, system, origin = f.key.split(":")
        why = t(
            "explain.production.variant",
            lang,
            system=t(f"system.{system}", lang),
            origin=t("explain.origin_any", lang) if origin == "*" else origin,
        )
    else:
        why = t("explain.production.base", lang)
    return _simple_stage(r, step, lang, why)


def _storage_steps(r: Result, lang: Lang) -> list[Step]:
    tr = _trace(r)
    st, ls = tr.step("storage"), tr.step("losses")
    if not st.factors:
        return []  # sold fresh: no storage computed
    q = st.quantities
    m = int(q["months"])
    kwh, grid = st.factors
    (loss,) = ls.factors
    lost = ls.quantities
    storage = Step(
        "storage",
        st.kg_co2e,
        t("explain.f.storage", lang),
        (
            t(
                "explain.storage.kwh",
                lang,
                kwh=number(kwh.value, lang),
                m=m,
                m0=number(q["pull_down_months"], lang),
                q=number(q["quantity_kg"], lang),
                total=number(q["kwh"], lang),
            ),
            t(
                "explain.storage.grid",
                lang,
                country=place_name(r.country, lang),
                g=number(grid.value, lang),
                total=number(q["kwh"], lang),
                kg=number(st.kg_co2e, lang),
            ),
        ),
        (kwh, grid),
    )
    losses = Step(
        "losses",
        ls.kg_co2e,
        t("explain.f.losses", lang),
        (
            t(
                "explain.losses.detail",
                lang,
                rate=percent(loss.value, lang),
                m=m,
                lost=percent(lost["lost_fraction"], lang),
                grown=number(lost["grown_kg_per_kg"], lang),
                prod=number(lost["production_kg_co2e"], lang),
                extra=number(lost["extra_kg_per_kg"], lang),
                kg=number(ls.kg_co2e, lang),
            ),
        ),
        (loss,),
    )
    return [storage, losses]


def _leg_step(r: Result, i: int, leg: Leg, lt: LegTrace, lang: Lang) -> LegStep:
    mode, *distance_factor = lt.factors
    d = lt.distance_km
    if leg.distance_method == "detour":
        how = t(
            "explain.dist.detour",
            lang,
            gc=number(lt.great_circle_km or 0.0, lang),
            detour=number(distance_factor[0].value, lang),
            d=number(d, lang),
        )
    elif leg.distance_method == "air":
        how = t(
            "explain.dist.air",
            lang,
            gc=number(lt.great_circle_km or 0.0, lang),
            extra=number(distance_factor[0].value, lang),
            d=number(d, lang),
        )
    else:
        how = t(f"explain.dist.{leg.distance_method}", lang, d=number(d, lang))
    calc = t(
        "explain.leg.calc",
        lang,
        d=number(d, lang),
        q=number(r.quantity_kg, lang),
        f=number(mode.value, lang),
        kg=number(lt.kg_co2e, lang),
    )
    title = t(
        "explain.leg",
        lang,
        i=i,
        mode=t(f"mode.{leg.mode}", lang),
        frm=leg.endpoints(lang)[0],
        to=leg.endpoints(lang)[1],
    )
    return LegStep(leg, lt.kg_co2e, (title, how, calc), lt.factors)


def explain_option(r: Result, lang: Lang) -> OptionExplanation:
    """The steps of ``r`` as the engine recorded them (:attr:`Result.trace`), in words."""
    tr = _trace(r)
    steps: list[Step] = [_production(r, lang), _stage_or_zero(r, "processing", lang)]
    steps.extend(_storage_steps(r, lang))
    legs = tuple(
        _leg_step(r, i, leg, lt, lang)
        for i, (leg, lt) in enumerate(zip(r.legs, tr.legs, strict=True), start=1)
    )
    transport = tr.step("transport")
    if r.product.agribalyse_average:
        steps.append(_simple_stage(r, transport, lang, t("explain.transport.published", lang)))
    else:
        steps.append(
            Step("transport", transport.kg_co2e, t("explain.f.transport", lang), (), transport.factors)
        )
    for stage in ("packaging", "retail"):
        steps.append(_stage_or_zero(r, stage, lang))
    return OptionExplanation(r, _season_line(r, lang), tuple(steps), legs)


def _stage_or_zero(r: Result, stage: str, lang: Lang) -> Step:
    step = _trace(r).step(stage)
    zero = step.factors[0].value == 0
    return _simple_stage(r, step, lang, t("explain.zero", lang) if zero else None)


# ---------------------------------------------------------------- layout


def _cite(c: Comparison, f: FactorUse, lang: Lang) -> str:
    src = c.sources.get(f.source.id)
    proxy = " [proxy]" if f.source.proxy else ""
    head = f"{factor_label(f.key, lang, f.label)}: {number(f.value, lang, 4)} {f.unit}"
    if f.low is not None and f.high is not None and f.high > f.low:
        rng = t("explain.range", lang, low=number(f.low, lang, 4), high=number(f.high, lang, 4))
        head = f"{head} ({rng})"
    if src is None:
        return f"{head} — {f.source.id}: {f.source.identifier_in(lang)}{proxy}"
    cite = f"{src.publisher_in(lang)}, {src.dataset_in(lang)} ({src.version})"
    return f"{head} — {cite} — {f.source.identifier_in(lang)}{proxy}"


def _local_index(c: Comparison) -> int | None:
    for i, r in enumerate(c.options):
        if r.country.code == "FR":
            return i
    return None


def _blocks(c: Comparison, lang: Lang) -> list[tuple[str, object]]:
    """The explanation as a list of (kind, payload) blocks shared by text and Markdown."""
    first = c.options[0]
    out: list[tuple[str, object]] = [
        ("h1", t("explain.title", lang) + " — " + " / ".join(option_title(r, lang) for r in c.options)),
        (
            "p",
            t(
                "explain.scope",
                lang,
                qty=number(first.quantity_kg, lang),
                dest=place_name(first.destination, lang),
                month=t(f"month.{first.month}", lang),
            ),
        ),
    ]
    for i, r in enumerate(c.options, start=1):
        ex = explain_option(r, lang)
        out.append(("h2", t("explain.option", lang, i=i, title=option_title(r, lang))))
        out.append(("p", ex.season_line))
        n = 0
        for step in ex.steps:
            n += 1
            title = (
                f"{n}. {t(f'stage.{step.stage}', lang)} : "
                if lang == "fr"
                else f"{n}. {t(f'stage.{step.stage}', lang)}: "
            )
            out.append(("h3", f"{title}{number(step.kg_co2e, lang)} kg CO2e"))
            out.append(
                (
                    "formula",
                    f"{t('explain.formula', lang)} : {step.formula}"
                    if lang == "fr"
                    else f"{t('explain.formula', lang)}: {step.formula}",
                )
            )
            for line in step.lines:
                out.append(("li", line))
            if step.stage == "transport":
                for ls in ex.legs:
                    out.append(("leg", ls.lines))
            out.append(("sources", [_cite(c, f, lang) for f in step.factors]))
        terms = " + ".join(number(s.kg_co2e, lang) for s in ex.steps)
        out.append(("h3", f"{t('explain.total', lang)}"))
        out.append(("li", t("explain.total.sum", lang, terms=terms, total=number(ex.total_kg_co2e, lang))))
        if r.agribalyse_to_shop_kg_co2e is not None:
            out.append(
                (
                    "li",
                    t(
                        "explain.agribalyse",
                        lang,
                        total=number(r.agribalyse_to_shop_kg_co2e, lang),
                    ),
                )
            )
        from .compare import euros

        out.append(
            (
                "li",
                t(
                    "explain.money",
                    lang,
                    price=euros(r.price_eur, lang),
                    total=number(r.total_kg_co2e, lang),
                    cp=number(r.carbon_price_eur_per_t, lang),
                    cost=euros(r.carbon_cost_eur, lang),
                ),
            )
        )
        if r.flags:
            out.append(("h3", t("explain.assumptions", lang)))
            for f in r.flags:
                out.append(("li", flag_text(f, lang)))
    out.append(("h2", t("explain.uncertainty", lang)))
    for r in c.options:
        lo, hi = r.interval_kg_co2e
        out.append(
            (
                "li",
                t(
                    "explain.interval",
                    lang,
                    title=option_title(r, lang),
                    total=number(r.total_kg_co2e, lang),
                    low=number(lo, lang),
                    high=number(hi, lang),
                    draws=km(c.draws, lang),
                    seed=c.seed,
                ),
            )
        )
    for r, p in zip(c.options[1:], c.prob_lower_than_first[1:], strict=True):
        if p is not None:
            out.append(
                (
                    "li",
                    t(
                        "explain.prob",
                        lang,
                        a=option_title(r, lang),
                        b=option_title(first, lang),
                        p=percent(p, lang),
                    ),
                )
            )
    out.append(("h2", t("explain.lesson", lang)))
    for r in c.options:
        stage, share = top_stage(r)
        out.append(
            (
                "li",
                t(
                    "explain.lesson.top_average" if r.product.agribalyse_average else "explain.lesson.top",
                    lang,
                    title=option_title(r, lang),
                    stage=t(f"stage.{stage}", lang).lower(),
                    share=percent(share, lang),
                    tshare=percent(r.transport_share, lang),
                    km=number(sum(leg.distance_km for leg in r.legs), lang),
                ),
            )
        )
    out.append(("p", verdict(c, lang)))
    local = _local_index(c)
    if local is not None and len(c.options) > 1 and len({r.product.id for r in c.options}) == 1:
        lowest = min(range(len(c.options)), key=lambda i: c.options[i].total_kg_co2e)
        out.append(
            ("p", t("explain.lesson.local_wins" if lowest == local else "explain.lesson.local_loses", lang))
        )
    return out


def to_text(c: Comparison, lang: Lang) -> str:
    lines: list[str] = []
    for kind, payload in _blocks(c, lang):
        if kind == "h1":
            text = str(payload)
            lines += [text, "=" * len(text), ""]
        elif kind == "h2":
            text = str(payload)
            if lines and lines[-1] != "":
                lines.append("")
            lines += [text, "-" * len(text)]
        elif kind == "h3":
            if lines and lines[-1] != "":
                lines.append("")
            lines.append(str(payload))
        elif kind == "p":
            if lines and lines[-1] != "":
                lines.append("")
            lines += [str(payload), ""]
        elif kind == "formula":
            lines.append(f"   {payload}")
        elif kind == "li":
            lines.append(f"   - {payload}")
        elif kind == "leg":
            title, *rest = payload  # type: ignore[misc]
            lines.append(f"   - {title}")
            lines += [f"       {x}" for x in rest]
        elif kind == "sources":
            for s in payload:  # type: ignore[attr-defined]
                lines.append(f"     [{t('explain.source', lang)}] {s}")
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def to_markdown(c: Comparison, lang: Lang) -> str:
    lines: list[str] = []
    for kind, payload in _blocks(c, lang):
        if kind == "h1":
            lines += [f"# {payload}", ""]
        elif kind == "h2":
            lines += ["", f"## {payload}", ""]
        elif kind == "h3":
            lines += ["", f"### {payload}", ""]
        elif kind == "p":
            lines += ["", str(payload), ""]
        elif kind == "formula":
            lines.append(f"*{payload}*")
            lines.append("")
        elif kind == "li":
            lines.append(f"- {payload}")
        elif kind == "leg":
            title, *rest = payload  # type: ignore[misc]
            lines.append(f"- **{title}**")
            lines += [f"  - {x}" for x in rest]
        elif kind == "sources":
            lines.append("")
            for s in payload:  # type: ignore[attr-defined]
                lines.append(f"> {t('explain.source', lang)} — {s}  ")
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"


def wrap(text: str, width: int) -> str:
    """Fold the lines of :func:`to_text` to ``width`` columns, keeping each line's indent (and
    the bullet's). Only ordinary spaces break: numbers written with no-break spaces stay whole."""
    import textwrap

    out = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        body = line.lstrip(" ")
        indent = " " * (len(line) - len(body))
        hang = indent + ("  " if body.startswith(("- ", "* ")) else "")
        if body.startswith("[") and "]" in body[:12]:
            hang = indent + "  "
        out.extend(
            textwrap.wrap(
                body,
                width=width,
                initial_indent=indent,
                subsequent_indent=hang,
                break_long_words=False,
                break_on_hyphens=False,
            )
            or [line]
        )
    return "\n".join(out)
