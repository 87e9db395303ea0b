"""`footprint quiz`: "which emits less?" cards to print, and a ten-question quiz for the teacher."""

from enum import StrEnum
from typing import Annotated

import typer

from ..i18n import t
from .common import DataOpt, LangOpt, h, lang_of, load


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
