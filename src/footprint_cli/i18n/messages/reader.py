"""Reading purchase files: columns, units, dates, and what the reader says of a file."""

MESSAGES: dict[str, tuple[str, str]] = {
    "err.too_many_columns": (
        "{path} : {n} colonnes, plus que les {max} qu'un fichier d'achats peut avoir",
        "{path}: {n} columns, more than the {max} a purchase file may have",
    ),
    "hint.too_many_columns": (
        "vérifiez le séparateur (--delimiter ';') ou ne gardez que les colonnes des achats",
        "check the separator (--delimiter ';') or keep only the purchase columns",
    ),
}
