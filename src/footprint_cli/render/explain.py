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

from .. import i18n
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

i18n.register(
    {
        "explain.title": ("Le calcul pas à pas", "The calculation step by step"),
        "explain.scope": (
            "{qty} kg, consommé à {dest} en {month}. Chaque étape : la formule, les nombres avec leurs "
            "unités, et la source de chaque facteur.",
            "{qty} kg, eaten at {dest} in {month}. Each step: the formula, the numbers with their "
            "units, and the source of each factor.",
        ),
        "explain.option": ("Option {i} : {title}", "Option {i}: {title}"),
        "explain.season.in_season": (
            "Saison : en {month}, ce produit est récolté à l'origine ({country}) ; il est vendu frais, sans stockage.",
            "Season: in {month} this product is harvested in {country}; it is sold fresh, with no storage.",
        ),
        "explain.season.cold_storage": (
            "Saison : en {month}, la dernière récolte à l'origine ({country}) date de {months} mois ; le produit sort "
            "de chambre froide, ce qui coûte de l'électricité et des pertes.",
            "Season: in {month} the last harvest in {country} was {months} months ago; the produce comes "
            "out of cold storage, which costs electricity and losses.",
        ),
        "explain.season.heated_greenhouse": (
            "Saison : en {month}, ce produit n'est pas de saison à l'origine ({country}) ; il pousse sous serre "
            "chauffée, ce qui change la valeur de production.",
            "Season: in {month} this product is out of season in {country}; it grows in a heated "
            "greenhouse, which changes the production value.",
        ),
        "explain.season.out_of_season": (
            "Saison : en {month}, ce produit n'est pas de saison à l'origine ({country}) ; le modèle le calcule "
            "comme un produit frais (hypothèse signalée).",
            "Season: in {month} this product is out of season in {country}; the model computes it as "
            "fresh produce (a flagged assumption).",
        ),
        "explain.season.all_year": (
            "Saison : pas de calendrier pour ce produit, disponible toute l'année.",
            "Season: no season calendar for this product, available all year.",
        ),
        "explain.season.system": (
            "Mode de production imposé : {system} (pas de stockage calculé).",
            "Production system set by hand: {system} (no storage computed).",
        ),
        "explain.formula": ("Formule", "Formula"),
        "explain.source": ("Source", "Source"),
        "explain.f.stage": ("quantité × facteur {stage}", "quantity × {stage} factor"),
        "explain.production.variant": (
            "valeur propre au mode de production « {system} » (origine {origin})",
            "value specific to the '{system}' production system (origin {origin})",
        ),
        "explain.production.base": (
            "valeur AGRIBALYSE du produit vendu en France",
            "AGRIBALYSE value of the product as sold in France",
        ),
        "explain.production.proxy": (
            "proxy : pas de donnée pour les fermes de l'origine {origin} ; {base}, tirée indépendamment "
            "de l'option d'où elle vient et élargie ×{factor} (matrice pedigree ecoinvent) : "
            "de {low} à {high} kg CO2e/kg",
            "proxy: no data for farms of origin {origin}; {base}, drawn independently of the option it "
            "comes from and widened x{factor} (ecoinvent pedigree matrix): {low} to {high} kg CO2e/kg",
        ),
        "explain.range": ("plage {low} à {high}", "range {low} to {high}"),
        "explain.origin_any": ("toutes", "any"),
        "explain.zero": ("rien pour ce produit dans la source", "nothing for this product in the source"),
        "explain.f.storage": (
            "quantité × électricité par kg et par mois × (mois stockés + mise en froid) × intensité du "
            "réseau / 1000",
            "quantity × electricity per kg per month × (months stored + pull-down) × grid intensity / 1000",
        ),
        "explain.storage.kwh": (
            "électricité : {kwh} kWh/kg/mois × ({m} + {m0}) mois × {q} kg = {total} kWh",
            "electricity: {kwh} kWh/kg/month × ({m} + {m0}) months × {q} kg = {total} kWh",
        ),
        "explain.storage.grid": (
            "électricité du pays de stockage ({country}) : {g} g CO2e/kWh, donc {total} kWh × {g} / 1000 = {kg} kg CO2e",
            "electricity in {country}: {g} g CO2e/kWh, so {total} kWh × {g} / 1000 = {kg} kg CO2e",
        ),
        "explain.f.losses": (
            "production × (1 / (1 − min(0,9 ; pertes par mois × mois)) − 1)",
            "production × (1 / (1 − min(0.9, loss per month × months)) − 1)",
        ),
        "explain.losses.detail": (
            "{rate} perdus par mois × {m} mois = {lost} perdus : chaque kg mangé a demandé {grown} kg "
            "récoltés, donc {prod} × {extra} = {kg} kg CO2e",
            "{rate} lost per month × {m} months = {lost} lost: each kg eaten took {grown} kg harvested, "
            "so {prod} × {extra} = {kg} kg CO2e",
        ),
        "explain.f.transport": (
            "somme des trajets : distance × quantité / 1000 × facteur du mode (kg CO2e par tonne-km)",
            "sum of the legs: distance × quantity / 1000 × mode factor (kg CO2e per tonne-km)",
        ),
        "explain.transport.published": (
            "moyenne AGRIBALYSE : transport publié pour le produit vendu en France, origine non "
            "modélisée (pas de trajets calculés)",
            "AGRIBALYSE average: the transport stage published for the product sold in France, origin "
            "not modelled (no legs computed)",
        ),
        "explain.lesson.top_average": (
            "{title} : le poste le plus lourd est « {stage} » ({share} du total) ; le transport "
            "publié par AGRIBALYSE fait {tshare}.",
            "{title}: the heaviest stage is '{stage}' ({share} of the total); the transport stage "
            "published by AGRIBALYSE is {tshare}.",
        ),
        "explain.leg": ("Trajet {i} : {mode}, {frm} → {to}", "Leg {i}: {mode}, {frm} → {to}"),
        "explain.dist.detour": (
            "distance : {gc} km à vol d'oiseau × détour routier {detour} = {d} km",
            "distance: {gc} km as the crow flies × road detour {detour} = {d} km",
        ),
        "explain.agribalyse": (
            "pour référence, AGRIBALYSE 3.2 donne {total} kg CO2e jusqu'au magasin pour ce produit "
            "(moyenne de toutes les origines vendues en France, transport compris, sans la consommation)",
            "for reference, AGRIBALYSE 3.2 gives {total} kg CO2e to the shop for this product "
            "(average of every origin sold in France, transport included, consumption excluded)",
        ),
        "explain.dist.chain": (
            "distance : {d} km, distance supposée pour ce maillon de la chaîne (fourchette tirée au hasard)",
            "distance: {d} km, assumed for this link of the chain (its range is drawn in the Monte Carlo)",
        ),
        "explain.dist.sea_table": (
            "distance : {d} km par la route maritime (table calculée avec searoute)",
            "distance: {d} km along the sea route (table computed with searoute)",
        ),
        "explain.dist.sea_estimate": (
            "distance : {d} km, estimée (vol d'oiseau × 1,3 ; pas de route maritime dans la table)",
            "distance: {d} km, estimated (great circle × 1.3; no sea route in the table)",
        ),
        "explain.dist.air": (
            "distance : vol de {gc} km à vol d'oiseau + {extra} km = {d} km",
            "distance: {gc} km great-circle flight + {extra} km = {d} km",
        ),
        "explain.leg.calc": (
            "{d} km × {q} kg / 1000 × {f} kg CO2e/t.km = {kg} kg CO2e",
            "{d} km × {q} kg / 1000 × {f} kg CO2e/t.km = {kg} kg CO2e",
        ),
        "explain.total": ("Total", "Total"),
        "explain.total.sum": ("{terms} = {total} kg CO2e", "{terms} = {total} kg CO2e"),
        "explain.money": (
            "Prix : {price} (prix moyen au kg × quantité). Coût carbone : {total} kg CO2e × {cp} €/t "
            "/ 1000 = {cost}.",
            "Price: {price} (average price per kg × quantity). Carbon cost: {total} kg CO2e × €{cp}/t "
            "/ 1000 = {cost}.",
        ),
        "explain.uncertainty": ("Incertitude", "Uncertainty"),
        "explain.interval": (
            "{title} : {total} kg CO2e ; avec 90 % de chances, entre {low} et {high} kg CO2e "
            "({draws} tirages Monte-Carlo, graine {seed}, chaque facteur tiré dans sa fourchette).",
            "{title}: {total} kg CO2e; with 90 % probability between {low} and {high} kg CO2e "
            "({draws} Monte Carlo draws, seed {seed}, each factor drawn within its range).",
        ),
        "explain.prob": (
            "Probabilité que « {a} » émette moins que « {b} » : {p}.",
            "Probability that '{a}' emits less than '{b}': {p}.",
        ),
        "explain.assumptions": ("Hypothèses signalées", "Flagged assumptions"),
        "explain.lesson": ("Ce qu'il faut retenir", "The lesson"),
        "explain.lesson.top": (
            "{title} : le poste le plus lourd est « {stage} » ({share} du total) ; le transport fait "
            "{tshare} ({km} km au total).",
            "{title}: the heaviest stage is '{stage}' ({share} of the total); transport is {tshare} "
            "({km} km in all).",
        ),
        "explain.lesson.local_wins": (
            "Ici, le produit local émet moins.",
            "Here the local product emits less.",
        ),
        "explain.lesson.local_loses": (
            "Ici, le produit local n'est pas le moins émetteur : la distance seule ne dit pas tout.",
            "Here the local product is not the lowest: distance alone does not tell the whole story.",
        ),
    }
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
        return f"{head} — {f.source.id}: {f.source.identifier}{proxy}"
    return f"{head} — {src.publisher}, {src.dataset} ({src.version}) — {f.source.identifier}{proxy}"


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
