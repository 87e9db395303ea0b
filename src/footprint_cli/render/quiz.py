"""Quiz cards "which emits less?" (printable recto/verso HTML) and a quiz for the teacher (Markdown).

The pairs and their answers come from :func:`footprint_cli.classroom.quiz_pairs` (the engine);
this module only words them. The answer alternates between A and B.
"""

from __future__ import annotations

from html import escape

from .. import i18n
from ..classroom import QuizPair
from ..engine import Result
from ..i18n import Lang, t
from .pupil import cause, equivalents, option_words, sig2, times

i18n.register(
    {
        "quiz.title": ("Quiz : lequel émet le moins ?", "Quiz: which emits less?"),
        "quiz.question": ("Question {n}", "Question {n}"),
        "quiz.ask": (
            "Lequel émet le moins de gaz à effet de serre, de la ferme au magasin ?",
            "Which emits less greenhouse gas, from the farm to the shop?",
        ),
        "quiz.month": ("en {month}", "in {month}"),
        "quiz.by.air": ("en avion", "by plane"),
        "quiz.by.sea": ("en bateau", "by ship"),
        "quiz.by.road": ("en camion", "by truck"),
        "quiz.by.rail": ("en train", "by train"),
        "quiz.answer": ("Réponse : {letter}", "Answer: {letter}"),
        "quiz.values": (
            "{winner} : {low} kg CO2e ; {loser} : {high} kg CO2e.",
            "{winner}: {low} kg CO2e; {loser}: {high} kg CO2e.",
        ),
        "quiz.why": (
            "Pourquoi ? L'autre émet environ {ratio} fois plus, surtout à cause {cause}.",
            "Why? The other emits about {ratio} times as much, mostly because of {cause}.",
        ),
        "quiz.gap": ("L'écart équivaut à {equivalent}.", "The gap is about {equivalent}."),
        "quiz.lesson.local_loses": ("Local, mais hors saison.", "Local, but out of season."),
        "quiz.lesson.transport_matters": ("Le mode de transport compte.", "The transport mode matters."),
        "quiz.lesson.production_dominates": ("La production pèse le plus.", "Production weighs most."),
        "quiz.key": ("Corrigé", "Answer key"),
        "quiz.intro": (
            "Des questions tirées des données de footprint : chaque réponse est calculée par l'outil "
            "(kg CO2e pour 1 kg, du champ au magasin, consommé en France).",
            "Questions drawn from footprint's data: every answer is computed by the tool "
            "(kg CO2e per kg, farm to shop, eaten in France).",
        ),
        "quiz.back": ("verso", "back"),
        "quiz.print": (
            "Imprimer en recto verso (bord long) puis découper : chaque réponse tombe au dos de sa question.",
            "Print double-sided (long edge), then cut: each answer falls behind its question.",
        ),
    }
)

PER_PAGE = 8
"""Cards per A4 page: two columns, four rows."""


def _label(r: Result, pair: QuizPair, lang: Lang) -> str:
    text = option_words(r, lang) + ", " + t("quiz.month", lang, month=t(f"month.{r.month}", lang))
    if pair.lesson == "transport_matters":
        text += ", " + t(f"quiz.by.{r.main_mode}", lang)
    return text


def card(pair: QuizPair, index: int, lang: Lang) -> dict[str, str]:
    """The words of one card: question, the two options (A, B), answer, values, reason, equivalent."""
    c = pair.comparison
    low, high = c.options[pair.lower], c.options[1 - pair.lower]
    # the answer alternates between A and B
    shown = (c.options[0], c.options[1]) if index % 2 else (c.options[1], c.options[0])
    letter = "A" if shown[0] is low else "B"
    ratio = high.total_kg_co2e / low.total_kg_co2e
    eq = equivalents(high.total_kg_co2e - low.total_kg_co2e, c, lang)
    return {
        "n": str(index + 1),
        "a": _label(shown[0], pair, lang),
        "b": _label(shown[1], pair, lang),
        "letter": letter,
        "values": t(
            "quiz.values",
            lang,
            winner=letter,
            low=sig2(low.total_kg_co2e, lang),
            loser="B" if letter == "A" else "A",
            high=sig2(high.total_kg_co2e, lang),
        ),
        "why": t("quiz.why", lang, ratio=times(ratio, lang), cause=cause(high, low, lang)),
        "gap": t("quiz.gap", lang, equivalent=eq[0]) if eq else "",
        "lesson": t(f"quiz.lesson.{pair.lesson}", lang),
    }


def to_markdown(pairs: list[QuizPair], lang: Lang) -> str:
    cards = [card(p, i, lang) for i, p in enumerate(pairs)]
    lines = [f"# {t('quiz.title', lang)}", "", t("quiz.intro", lang), ""]
    for k in cards:
        lines += [
            f"## {t('quiz.question', lang, n=k['n'])}",
            "",
            t("quiz.ask", lang),
            "",
            f"- A. {k['a']}",
            f"- B. {k['b']}",
            "",
        ]
    lines += [f"## {t('quiz.key', lang)}", ""]
    for k in cards:
        lines.append(
            f"{k['n']}. **{k['letter']}** — {k['values']} {k['why']} {k['gap']} *{k['lesson']}*".rstrip()
        )
    return "\n".join(lines) + "\n"


_CSS = """
@page { size: A4 portrait; margin: 10mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; margin: 0; color: #111; }
.page { display: grid; grid-template-columns: 1fr 1fr; grid-template-rows: repeat(4, 67mm); break-after: page; }
.page:last-child { break-after: auto; }
.card { border: 0.6pt dashed #888; padding: 5mm; font-size: 10pt; overflow: hidden; }
.card h2 { font-size: 11pt; margin: 0 0 2mm 0; color: #0072B2; }
.card .ask { font-weight: bold; margin: 0 0 3mm 0; }
.card .opt { margin: 0 0 2mm 0; padding: 1.5mm 2mm; border: 0.8pt solid #0072B2; border-radius: 2mm; }
.card .opt b { color: #0072B2; }
.back h2 { color: #D55E00; } .back .answer { font-size: 14pt; font-weight: bold; margin: 0 0 2mm 0; }
.back p { margin: 0 0 1.5mm 0; font-size: 9pt; } .back .lesson { font-style: italic; color: #333; }
.empty { border: none; }
p.print { font-size: 8pt; color: #555; margin: 0 0 2mm 0; }
"""


def to_html(pairs: list[QuizPair], lang: Lang) -> str:
    """Pages of eight fronts, each followed by their eight backs, columns mirrored for duplex."""
    cards = [card(p, i, lang) for i, p in enumerate(pairs)]
    pages = []
    for start in range(0, len(cards), PER_PAGE):
        chunk = cards[start : start + PER_PAGE]
        chunk += [{}] * (PER_PAGE - len(chunk))
        fronts = [_front(k, lang) for k in chunk]
        backs = [_back(k, lang) for k in chunk]
        # long-edge duplex: on the back, each row's two cards swap places
        mirrored = [backs[i + 1 - 2 * (i % 2)] for i in range(PER_PAGE)]
        pages.append(f'<section class="page">{"".join(fronts)}</section>')
        pages.append(f'<section class="page">{"".join(mirrored)}</section>')
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>{escape(t("quiz.title", lang))}</title>'
        f"<style>{_CSS}</style></head><body>{''.join(pages)}</body></html>\n"
    )


def _front(k: dict[str, str], lang: Lang) -> str:
    if not k:
        return '<div class="card empty"></div>'
    return (
        f'<div class="card front"><h2>{escape(t("quiz.question", lang, n=k["n"]))}</h2>'
        f'<p class="ask">{escape(t("quiz.ask", lang))}</p>'
        f'<p class="opt"><b>A.</b> {escape(k["a"])}</p><p class="opt"><b>B.</b> {escape(k["b"])}</p></div>'
    )


def _back(k: dict[str, str], lang: Lang) -> str:
    if not k:
        return '<div class="card empty"></div>'
    return (
        f'<div class="card back"><h2>{escape(t("quiz.question", lang, n=k["n"]))} — {escape(t("quiz.back", lang))}</h2>'
        f'<p class="answer">{escape(t("quiz.answer", lang, letter=k["letter"]))}</p>'
        f"<p>{escape(k['values'])}</p><p>{escape(k['why'])}</p><p>{escape(k['gap'])}</p>"
        f'<p class="lesson">{escape(k["lesson"])}</p></div>'
    )
