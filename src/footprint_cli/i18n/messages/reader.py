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
    # --- why a line is refused ({value}: the line's cell, quoted as read)
    "reason.fields": (
        "nombre de champs incorrect ({count}, l'en-tête en a {expected})",
        "wrong number of fields ({count}, header has {expected})",
    ),
    "reason.beyond_header": (
        "valeurs au-delà de la dernière colonne de l'en-tête (colonne {column})",
        "values beyond the last header column (column {column})",
    ),
    "reason.no_label": ("libellé du produit manquant", "missing product label"),
    "reason.formula": (
        "le libellé ressemble à une formule de tableur : '{value}'",
        "label looks like a spreadsheet formula: '{value}'",
    ),
    "reason.quantity": ("quantité non numérique : '{value}'", "quantity not a number: '{value}'"),
    "reason.unit_conflict": (
        "l'unité de la quantité et celle de la colonne unité diffèrent : '{value}'",
        "unit in the quantity and in the unit column differ: '{value}'",
    ),
    "reason.unit": ("unité non comprise : '{value}'", "unit not understood: '{value}'"),
    "reason.negative_quantity": ("quantité négative", "negative quantity"),
    "reason.uvc": (
        "unité de vente (UVC) sans masse dans le libellé : donner des kg, ou la taille dans le libellé : '{value}'",
        "consumer unit (UVC) with no mass in the label: give kg, or the size in the label: '{value}'",
    ),
    "reason.amount": ("montant non numérique : '{value}'", "amount not a number: '{value}'"),
    "reason.negative_amount": ("montant négatif", "negative amount"),
    "reason.nothing": ("ni quantité ni montant", "no quantity and no amount"),
    "reason.date_years": (
        "date hors des années {first}-{last} : '{value}'",
        "date outside the years {first}-{last}: '{value}'",
    ),
    "reason.date": ("date non comprise : '{value}'", "date not understood: '{value}'"),
    "reason.month": ("mois non compris : '{value}'", "month not understood: '{value}'"),
    "reason.organic": ("valeur « bio » non comprise : '{value}'", "organic not understood: '{value}'"),
    "reason.local": ("valeur « local » non comprise : '{value}'", "local not understood: '{value}'"),
    # --- what the reader says of a file ({column}, {example}, {sheet}: quoted as in the file)
    "note.total_equal": (
        "le total du fichier ({total}) est égal à la somme des montants lus",
        "the file's total ({total}) equals the sum of the amounts read",
    ),
    "note.total_differs": (
        "le total du fichier ({total}) diffère de la somme des montants lus ({read})",
        "the file's total ({total}) differs from the sum of the amounts read ({read})",
    ),
    "note.sheet": (
        "feuille « {sheet} » lue (elle contient les achats ; autres feuilles : {others} ; en choisir une avec --sheet)",
        "sheet '{sheet}' read (it holds the purchases; other sheets: {others}; choose one with --sheet)",
    ),
    "note.two_row_header": (
        "l'en-tête tient sur deux lignes (cellules fusionnées au-dessus de sous-titres) : lu comme un seul",
        "the header is on two rows (merged cells above sub-headers): read as one",
    ),
    "note.title_rows": (
        "{n} ligne(s) au-dessus de l'en-tête (titres) non lue(s) comme des achats",
        "{n} row(s) above the header (titles) were not read as purchases",
    ),
    "note.total_row": (
        "ligne {line} : ligne de total, pas un achat : écartée",
        "line {line}: a total row, not a purchase: left out",
    ),
    "note.total_row.amount": (
        "ligne {line} : ligne de total ({amount}), pas un achat : écartée",
        "line {line}: a total row ({amount}), not a purchase: left out",
    ),
    "note.notes_rows": (
        "{n} ligne(s) de remarques sous le tableau, pas des achats : écartée(s)",
        "{n} row(s) of notes under the table, not purchases: left out",
    ),
    "note.origin_column": (
        "origine lue dans la colonne {column} (FRANCE / EUROPE)",
        "the origin was read from the column {column} (FRANCE / EUROPE)",
    ),
    "note.no_unit": (
        "{n} quantités sans unité lues en kg (colonne {column})",
        "{n} quantities without a unit were read as kg (column {column})",
    ),
    "note.month_first": (
        "dates lues en mois/jour/année (aucun jour au-dessus de 12 dans la colonne, des mois au-dessus de 12)",
        "dates read as month/day/year (no day above 12 in the column, some months above 12)",
    ),
    "note.mixed_encodings": (
        "le fichier mêle des encodages : lu en {encoding}, mais {n} caractères ressemblent à de l'UTF-8 et "
        "peuvent s'afficher mal (ex. « Ã© ») ; enregistrez-le de nouveau dans un seul encodage",
        "the file mixes text encodings: read as {encoding}, but {n} characters look like UTF-8 and may "
        "show garbled (e.g. 'Ã©'); save the file again in one encoding",
    ),
    "note.line_separators": (
        "les lignes sont séparées par des séparateurs de ligne Unicode (U+2028) : lus comme des fins de ligne",
        "lines are separated by Unicode line separators (U+2028): read as line ends",
    ),
    "note.cell_separators": (
        "des séparateurs de ligne Unicode (U+2028) dans des cellules ont été lus comme des espaces",
        "Unicode line separators (U+2028) inside cells were read as spaces",
    ),
    "note.dot_thousands": (
        "{n} nombres comme {example} lus avec « . » comme séparateur des milliers : la colonne {column} "
        "écrit les décimales avec des virgules",
        "{n} numbers such as {example} read with '.' as a thousands separator: column {column} "
        "writes decimals with commas",
    ),
    "note.mixed_decimals": (
        "{n} nombres comme {example} refusés : la colonne {column} écrit les décimales tantôt avec des "
        "virgules, tantôt avec des points",
        "{n} numbers such as {example} refused: column {column} writes decimals both with commas and "
        "with dots",
    ),
    "note.dot_decimal": (
        "{n} nombres comme {example} lus avec « . » comme séparateur décimal : aucune autre décimale de la "
        "colonne {column} ne le confirme (vérifiez le fichier)",
        "{n} numbers such as {example} read with '.' as the decimal mark: column {column} has no other "
        "decimal to confirm it (check the file)",
    ),
    # --- a file the reader cannot use
    "rd.err.cannot_read": (
        "{path} : lecture impossible (message du système : « {detail} »)",
        "{path}: cannot read the file ({detail})",
    ),
    "rd.err.part_decimals": (
        "{path} : le début du fichier et une partie plus loin ne disent pas de la même façon si "
        "la colonne {column} écrit les décimales avec une virgule ou avec un point : lue par "
        "morceaux, elle serait lue différemment selon le morceau",
        "{path}: the start of the file and a later part do not agree on whether the {column} "
        "column writes decimals with a comma or a dot: read in chunks, it would be read "
        "differently from chunk to chunk",
    ),
    "rd.err.part_dates": (
        "{path} : l'ordre jour/mois des dates ne se décide pas sur le début du fichier (jour "
        "d'abord ici, mois d'abord plus loin, ou l'inverse) : lu par morceaux, il serait lu "
        "différemment selon le morceau",
        "{path}: the day/month order of the dates cannot be decided from the start of the file "
        "(day first here, month first further on, or the reverse): read in chunks, it would be "
        "read differently from chunk to chunk",
    ),
    "rd.hint.part_differs": (
        "lancez la commande sans --chunks (le fichier entier décide), ou avec un --chunks plus grand",
        "run the command without --chunks (the whole file decides), or with a larger --chunks",
    ),
    "rd.err.delimiter": ("séparateur invalide : {value}", "invalid delimiter {value}"),
    "rd.hint.delimiter": (
        "donner un seul caractère, ex. --delimiter ';'",
        "give one character, e.g. --delimiter ';'",
    ),
    "rd.err.encoding": ("encodage inconnu : {value}", "unknown encoding {value}"),
    "rd.hint.encoding": ("essayer --encoding utf-8 ou cp1252", "try --encoding utf-8 or cp1252"),
    "rd.err.decode_as": (
        "{path} : impossible de décoder le fichier en {encoding} (octet {byte})",
        "{path}: cannot decode the file as {encoding} (byte {byte})",
    ),
    "rd.err.decode": ("{path} : impossible de décoder le fichier", "{path}: cannot decode the file"),
    "rd.hint.decode": (
        "essayer --encoding cp1252 ou --encoding utf-8",
        "try --encoding cp1252 or --encoding utf-8",
    ),
    "rd.err.binary": (
        "{path} : ce fichier ne ressemble pas à un fichier texte CSV",
        "{path}: this does not look like a CSV text file",
    ),
    "rd.hint.binary": (
        "donner un export CSV ou un classeur .xlsx ; si c'est du texte, essayer --encoding cp1252",
        "give a CSV export or an .xlsx workbook; if it is text, try --encoding cp1252",
    ),
    "rd.err.no_header": ("{path} : pas de ligne d'en-tête", "{path}: no header row"),
    "rd.err.parse": (
        "{path} : impossible de lire le fichier comme un CSV (message du lecteur : « {detail} »)",
        "{path}: cannot parse the file as CSV ({detail})",
    ),
    "rd.hint.parse": (
        "vérifier le séparateur (--delimiter ';') et les guillemets, ou essayer --encoding cp1252",
        "check the separator (--delimiter ';') and quotes, or try --encoding cp1252",
    ),
    "rd.err.structure": (
        "{path} : structure CSV incohérente (guillemets ou retours à la ligne dans des champs)",
        "{path}: inconsistent CSV structure (quotes or line breaks inside fields)",
    ),
    "rd.hint.structure": (
        "vérifier le séparateur (--delimiter) et que les guillemets vont par paires",
        "check the separator (--delimiter) and that quotes are balanced",
    ),
    "rd.err.xlsx": (
        "{path} : impossible d'ouvrir le fichier comme un classeur .xlsx (message du lecteur : « {detail} »)",
        "{path}: cannot open the file as an .xlsx workbook ({detail})",
    ),
    "rd.hint.xlsx": (
        "l'enregistrer de nouveau en .xlsx, ou l'exporter en CSV",
        "save it again as .xlsx, or export it as CSV",
    ),
    "rd.err.sheet": (
        "{path} : impossible de lire la feuille {sheet} (message du lecteur : « {detail} »)",
        "{path}: cannot read sheet {sheet} ({detail})",
    ),
    "rd.err.column_name": (
        "nom de colonne inconnu {value} dans --columns",
        "unknown column name {value} in --columns",
    ),
    "rd.hint.column_name": ("en utiliser un parmi : {choices}", "use one of: {choices}"),
    "rd.err.no_column": (
        "{path} : pas de colonne {name} (pour {canon}) dans le fichier",
        "{path}: no column {name} (for {canon}) in the file",
    ),
    "rd.hint.no_column": ("en-têtes disponibles : {headers}", "available headers: {headers}"),
}
