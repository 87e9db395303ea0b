"""Build the French catalogue of the command-line framework's own strings (Usage, Options,
error messages of Click and Typer) as a gettext .mo file shipped in the package.

    python scripts/build_locale.py          # rewrite src/footprint_cli/locale/fr/LC_MESSAGES/messages.mo
    python scripts/build_locale.py --check  # exit 1 if the shipped file is stale

The CLI hands this catalogue to Click's and Typer's modules when the language is French
(see ``footprint_cli.cli.common.use_framework_language``); a test checks that every string
they translate is in it. Our own messages live in ``footprint_cli.i18n``.
"""

from __future__ import annotations

import array
import struct
import sys
from pathlib import Path

MO = (
    Path(__file__).resolve().parents[1]
    / "src"
    / "footprint_cli"
    / "locale"
    / "fr"
    / "LC_MESSAGES"
    / "messages.mo"
)

# msgid (exactly as in click/typer) -> French
FRENCH = {
    "Usage:": "Utilisation :",
    "Options": "Options",
    "Arguments": "Arguments",
    "Commands": "Commandes",
    "Show this message and exit.": "Affiche cette aide et quitte.",
    "Show the version and exit.": "Affiche la version et quitte.",
    "[default: {}]": "[défaut : {}]",
    "default: {default}": "défaut : {default}",
    "[env var: {}]": "[variable d'environnement : {}]",
    "env var: {var}": "variable d'environnement : {var}",
    "[required]": "[obligatoire]",
    "required": "obligatoire",
    "Error": "Erreur",
    "Error: {message}": "Erreur : {message}",
    "Try '{command} {option}' for help.": "Essayer « {command} {option} » pour l'aide.",
    "Missing argument": "Argument manquant",
    "Missing option": "Option manquante",
    "Missing parameter": "Paramètre manquant",
    "Missing command.": "Commande manquante.",
    "Missing {param_type}": "{param_type} manquant",
    "No such command {name!r}.": "Commande inconnue : {name!r}.",
    "No such option {name!r}.": "Option inconnue : {name!r}.",
    "No such option: {name}": "Option inconnue : {name}",
    "Invalid value for {param_hint}: {message}": "Valeur invalide pour {param_hint} : {message}",
    "Invalid value: {message}": "Valeur invalide : {message}",
    "Option {name!r} does not take a value.": "L'option {name!r} ne prend pas de valeur.",
    # the number type (integer, integer range, float...) is an English word: left out
    "{value!r} is not a valid {number_type}.": "{value!r} n'est pas un nombre valide.",
    "{value} is not in the range {range}.": "{value} n'est pas dans l'intervalle {range}.",
    "{value!r} is not one of {choices}.": "{value!r} n'est pas l'un de : {choices}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} n'existe pas.",
    "{name} {filename!r} is a file.": "{name} {filename!r} est un fichier.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} est un répertoire.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} n'est pas lisible.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} n'est pas modifiable.",
    "file": "fichier",
    "directory": "répertoire",
    "path": "chemin",
    "Aborted!": "Interrompu !",
    "%(prog)s, version %(version)s": "%(prog)s, version %(version)s",
    "(dynamic)": "(dynamique)",
    "Argument {name!r} takes {nargs} values.": "L'argument {name!r} prend {nargs} valeurs.",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.": (
        "Un argument prend exactement une déclaration, reçu {length} : {decls}."
    ),
    "Boolean option {decl!r} cannot use the same flag for true/false.": (
        "L'option booléenne {decl!r} ne peut pas utiliser la même forme pour vrai et faux."
    ),
    "Choice({choices})": "Choix({choices})",
    "Choose from:\n\t{choices}": "Choisir parmi :\n\t{choices}",
    "Confirm the action without prompting.": "Confirmer l'action sans demander.",
    "Could not determine name for option with declarations {decls!r}": (
        "Impossible de nommer l'option déclarée par {decls!r}"
    ),
    "Could not open file {filename!r}: {message}": "Impossible d'ouvrir le fichier {filename!r} : {message}",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": (
        "Avertissement : la commande {name!r} est obsolète.{extra_message}"
    ),
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": (
        "Avertissement : {param_type} {name!r} est obsolète.{extra_message}"
    ),
    "Do you want to continue?": "Voulez-vous continuer ?",
    "Error: The two entered values do not match.": "Erreur : les deux valeurs saisies diffèrent.",
    "Error: invalid input": "Erreur : saisie invalide",
    "Invalid start character for option ({option})": "Premier caractère invalide pour une option ({option})",
    "Missing parameter: {param_name}": "Paramètre manquant : {param_name}",
    "Name '{name}' defined twice": "Nom « {name} » défini deux fois",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? Did you mean to pass '--{name}'?": (
        "Aucune option définie mais un nom donné ({name}). Vouliez-vous déclarer un argument, "
        "ou écrire « --{name} » ?"
    ),
    "Positional arguments": "Arguments positionnels",
    "Press any key to continue...": "Appuyer sur une touche pour continuer…",
    "Repeat for confirmation": "Répéter pour confirmer",
    "Unknown color {colour!r}": "Couleur inconnue : {colour!r}",
    "Unknown standard stream '{name}'": "Flux standard inconnu : « {name} »",
    "Value must be an iterable.": "La valeur doit être une liste.",
    "deprecated": "obsolète",
    "unknown error": "erreur inconnue",
    "{name} {filename!r} is not executable.": "{name} {filename!r} n'est pas exécutable.",
    "{value!r} is not a valid UUID.": "{value!r} n'est pas un UUID valide.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} n'est pas un booléen valide. Valeurs reconnues : {states}"
    ),
}
# msgid, msgid_plural -> (French singular, French plural)
PLURALS = {
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "L'option {name!r} demande un argument.",
        "L'option {name!r} demande {nargs} arguments.",
    ),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        "Prend {nargs} valeurs, mais 1 donnée.",
        "Prend {nargs} valeurs, mais {len} données.",
    ),
    (
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
    ): (
        "{len_type} valeurs demandées, mais {len_value} donnée.",
        "{len_type} valeurs demandées, mais {len_value} données.",
    ),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."): (
        "{value!r} ne suit pas le format {format}.",
        "{value!r} ne suit aucun des formats {formats}.",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} n'est pas {choice}.",
        "{value!r} n'est pas l'un de : {choices}.",
    ),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Vouliez-vous dire {possibility} ?",
        "(Vouliez-vous dire l'un de : {possibilities} ?)",
    ),
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Argument en trop : ({args})",
        "Arguments en trop : ({args})",
    ),
}


def mo_bytes() -> bytes:
    """A GNU .mo catalogue (the format msgfmt writes), entries sorted by msgid."""
    entries = {k.encode(): v.encode() for k, v in FRENCH.items()}
    for (one, many), (fr_one, fr_many) in PLURALS.items():
        entries[one.encode() + b"\0" + many.encode()] = fr_one.encode() + b"\0" + fr_many.encode()
    entries[b""] = (
        b"Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n > 1);\nLanguage: fr\n"
    )
    keys = sorted(entries)
    ids = strs = b""
    offsets = []
    for k in keys:
        offsets.append((len(ids), len(k), len(strs), len(entries[k])))
        ids += k + b"\0"
        strs += entries[k] + b"\0"
    keystart = 7 * 4 + 16 * len(keys)
    valuestart = keystart + len(ids)
    koffsets: list[int] = []
    voffsets: list[int] = []
    for o1, l1, o2, l2 in offsets:
        koffsets += [l1, o1 + keystart]
        voffsets += [l2, o2 + valuestart]
    header = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + len(keys) * 8, 0, 0)
    return header + array.array("i", koffsets + voffsets).tobytes() + ids + strs


def main() -> int:
    data = mo_bytes()
    if "--check" in sys.argv:
        return 0 if MO.exists() and MO.read_bytes() == data else 1
    MO.parent.mkdir(parents=True, exist_ok=True)
    MO.write_bytes(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
