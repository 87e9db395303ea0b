"""`footprint quiz`: "which emits less?" cards to print, and a ten-question quiz for the teacher."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from .. import i18n

i18n.register(
    {
        "cmd.quiz": (
            "Quiz « lequel émet le moins ? » tiré des données : cartes recto verso à imprimer (--html) et "
            "questions avec corrigé en Markdown ; chaque réponse est calculée par l'outil.",
            "'Which emits less?' quiz drawn from the data: double-sided cards to print (--html) and "
            "questions with an answer key in Markdown; every answer is computed by the tool.",
        ),
        "opt.quiz.html": (
            "Écrit les cartes à imprimer (HTML autonome, A4, recto verso) dans ce fichier.",
            "Write the cards to print (self-contained HTML, A4, double-sided) to this file.",
        ),
        "opt.quiz.count": ("Nombre de questions.", "Number of questions."),
        "opt.quiz.format": (
            "Format du quiz sur la sortie standard.",
            "Format of the quiz on standard output.",
        ),
    }
)

from ..i18n import t  # noqa: E402
from .common import DataOpt, LangOpt, h, lang_of, load  # noqa: E402


class QuizFormat(StrEnum):
    markdown = "markdown"
    none = "none"


def quiz(
    html: Annotated[
        str | None, typer.Option("--html", help=h("opt.quiz.html"), show_default=False, metavar="FILE")
    ] = None,
    count: Annotated[
        int, typer.Option("--count", "-n", min=1, max=30, help=h("opt.quiz.count"), metavar="N")
    ] = 10,
    fmt: Annotated[
        QuizFormat, typer.Option("--format", "-f", help=h("opt.quiz.format"), metavar="markdown|none")
    ] = QuizFormat.markdown,
    lang: LangOpt = None,
    data: DataOpt = None,
) -> None:
    from ..classroom import quiz_pairs
    from ..render import quiz as rq

    language = lang_of(lang)
    pairs = quiz_pairs(load(data), count)
    if html:
        from ..render.html import write_html

        write_html(rq.to_html(pairs, language), html)
        typer.echo(t("msg.written", language, path=html), err=True)
    if fmt is QuizFormat.markdown:
        typer.echo(rq.to_markdown(pairs, language), nl=False)
