"""Build the French catalogue of the command-line framework's own strings (Usage, Options,
error messages of Click and Typer) as a gettext .mo file shipped in the package.

    python scripts/build_locale.py          # rewrite src/footprint_cli/locale/fr/LC_MESSAGES/messages.mo
    python scripts/build_locale.py --check  # exit 1 if the shipped file is stale

The CLI binds gettext's default domain to this directory when the help language is French
(see ``footprint_cli.cli``). Our own messages live in ``footprint_cli.i18n``.
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
    "Option {name!r} requires an argument.": "L'option {name!r} demande un argument.",
    "{value!r} is not a valid {number_type}.": "{value!r} n'est pas un {number_type} valide.",
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
}
# msgid, msgid_plural -> (French singular, French plural)
PLURALS = {
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
