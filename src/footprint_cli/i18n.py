"""The French/English message catalogue.

Every user-facing string is a key here with its French and English text. The
language comes from ``--lang``, else from ``LC_ALL`` / ``LC_MESSAGES`` / ``LANG``
(French when the locale starts with ``fr``), else English.
"""

from __future__ import annotations

import os
from typing import Literal

Lang = Literal["fr", "en"]
LANGS: tuple[Lang, ...] = ("fr", "en")


def detect_lang(explicit: str | None = None) -> Lang:
    if explicit:
        low = explicit.strip().lower()[:2]
        if low in LANGS:
            return low  # type: ignore[return-value]
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


MESSAGES: dict[str, tuple[str, str]] = {
    # key: (fr, en)
    # --- application and commands
    "app.help": (
        "Compare des produits alimentaires par origine, mode de production et mois, en kg CO2e "
        "et en euros, en séparant la production du transport.",
        "Compare food products by origin, production system and month, in kg CO2e and in "
        "euros, keeping production apart from transport.",
    ),
    "opt.version": ("Affiche la version et quitte.", "Show the version and exit."),
    "opt.lang": (
        "Langue des sorties : fr ou en (défaut : selon LANG).",
        "Output language: fr or en (default: from LANG).",
    ),
    "opt.data": (
        "Répertoire de données utilisateur qui complète ou remplace les données livrées "
        "(répétable ; aussi variable FOOTPRINT_DATA).",
        "User data directory that adds to or overrides the shipped data (repeatable; also "
        "the FOOTPRINT_DATA environment variable).",
    ),
    "opt.format": ("Format de sortie.", "Output format."),
    "cmd.data": ("Vérifier et décrire les données.", "Check and describe the data."),
    "cmd.data.validate": (
        "Valide les données livrées, ou vos propres fichiers ou répertoires, et liste chaque "
        "erreur sous la forme fichier:ligne: champ: message.",
        "Validate the shipped data, or your own files or directories, listing every error as "
        "file:line: field: message.",
    ),
    "arg.validate.paths": (
        "Fichiers ou répertoires à valider par-dessus les données livrées.",
        "Files or directories to validate on top of the shipped data.",
    ),
    "data.valid": (
        "Données valides : {products} produits, {places} lieux, {ports} ports, "
        "{sea} distances maritimes, {seasons} saisons, {sources} sources.",
        "Data valid: {products} products, {places} places, {ports} ports, "
        "{sea} sea distances, {seasons} seasons, {sources} sources.",
    ),
    "data.invalid": (
        "{n} erreur(s) dans les données :",
        "{n} error(s) in the data:",
    ),
    "data.not_data_file": (
        "{path} : fichier de données inconnu (attendu : {expected})",
        "{path}: not a known data file (expected one of: {expected})",
    ),
    # --- errors
    "err.unknown": ("{kind} inconnu : « {name} ».", "Unknown {kind}: '{name}'."),
    "err.did_you_mean": ("Vouliez-vous dire : {choices} ?", "Did you mean: {choices}?"),
    "err.no_suggestion": (
        "Aucun nom proche. Voir la liste : footprint {listing}",
        "No close name. See the list: footprint {listing}",
    ),
    "err.prefix": ("Erreur", "Error"),
    "err.hint": ("Astuce", "Hint"),
    "kind.product": ("produit", "product"),
    "kind.place": ("lieu", "place"),
    "kind.system": ("mode de production", "production system"),
    "kind.mode": ("mode de transport", "transport mode"),
    "kind.carbon_price": ("prix du carbone", "carbon price"),
}


def t(key: str, lang: Lang = "en", /, **kwargs: object) -> str:
    fr, en = MESSAGES[key]
    text = fr if lang == "fr" else en
    return text.format(**kwargs) if kwargs else text


def register(messages: dict[str, tuple[str, str]]) -> None:
    """Add messages (used by modules that own their strings)."""
    clash = set(messages) & set(MESSAGES)
    if clash:
        raise ValueError(f"duplicate message keys: {sorted(clash)}")
    MESSAGES.update(messages)
