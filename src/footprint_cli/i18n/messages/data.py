"""Checking data files: the message of each ``file:line: field: message`` problem.

English texts of the ``data.pyd.*`` keys are pydantic's own wording of the constraints the
schemas use, so that a problem reads the same whether pydantic or the catalogue words it.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "data.no_shipped": ("répertoire des données livrées introuvable", "shipped data directory not found"),
    "data.no_such_file": ("fichier ou répertoire introuvable", "no such file or directory"),
    "data.not_a_data_file": (
        "pas un fichier de données ; attendu l'un de {expected}",
        "not a data file; expected one of {expected}",
    ),
    "data.empty": ("fichier vide", "empty file"),
    # --- the part of a data file a problem is in, when it is not a column or a key
    "data.field.header": ("en-tête", "header"),
    "data.field.row": ("ligne", "row"),
    "data.field.csv": ("CSV", "csv"),
    "data.field.yaml": ("YAML", "yaml"),
    "data.field.document": ("document", "document"),
    "data.field.data": ("données", "data"),
    "data.field.file": ("fichier", "file"),
    "data.field.encoding": ("encodage", "encoding"),
    "data.encoding": (
        "pas en UTF-8 ; enregistrer le fichier en UTF-8 (CSV UTF-8 dans un tableur)",
        "not UTF-8; save the file as UTF-8 (CSV UTF-8 in a spreadsheet)",
    ),
    "data.extra_cells": ("{n} cellules de plus que l'en-tête", "{n} more cells than the header"),
    "data.short_row": ("{n} cellules, l'en-tête en a {width}", "{n} cells, the header has {width}"),
    "data.csv_rest": (
        "{problem} (la suite du fichier n'est pas lue)",
        "{problem} (the rest of the file is not read)",
    ),
    "data.csv.field_limit": (
        "champ plus grand que la limite ({limit} caractères)",
        "field larger than field limit ({limit})",
    ),
    "data.csv.eof": ("fin de fichier dans un champ entre guillemets", "unexpected end of data"),
    "data.csv.quote": (
        "« {delimiter} » attendu après un guillemet fermant",
        "'{delimiter}' expected after '\"'",
    ),
    "data.csv.other": ("CSV illisible (message du lecteur : « {detail} »)", "{detail}"),
    "data.yaml": ("YAML illisible (message du lecteur : « {detail} »)", "{detail}"),
    "data.yaml_depth": ("imbrication de plus de {n} niveaux", "nested deeper than {n} levels"),
    "data.mapping": ("un dictionnaire est attendu au premier niveau", "expected a mapping at the top"),
    "data.missing": ("manquant", "missing"),
    "data.duplicate": (
        "clé {key} en double (première fois ligne {first})",
        "duplicate key {key} (first on line {first})",
    ),
    "data.unknown_source": (
        "source inconnue {source} (absente des sources)",
        "unknown source {source} (not in sources)",
    ),
    "data.unknown_source.file": (
        "source inconnue {source} (absente des sources de {file})",
        "unknown source {source} (not in {file} sources)",
    ),
    "data.unknown_port": ("port inconnu {port}", "unknown port {port}"),
    "data.unknown_port.file": (
        "port inconnu {port} (absent de ports.csv)",
        "unknown port {port} (not in ports.csv)",
    ),
    "data.unknown_country": ("code de pays inconnu {code}", "unknown country code {code}"),
    "data.unknown_product": ("produit inconnu {product}", "unknown product {product}"),
    "data.usual_origins_source": (
        "des origines habituelles sans source (colonne usual_origins_source)",
        "usual origins without a source (column usual_origins_source)",
    ),
    "data.usual_origin_france": (
        "la France ne peut pas être une origine habituelle d'un produit qu'elle importe surtout",
        "France cannot be a usual origin of a product it mostly imports",
    ),
    "data.heated_off_season": (
        "{product} est marqué sous serre chauffée hors saison, mais production_variants.csv n'a pas de "
        "ligne heated_greenhouse pour lui",
        "{product} is flagged heated off season but production_variants.csv has no heated_greenhouse "
        "row for it",
    ),
    "data.heated_months": (
        "des mois sous serre chauffée pour {product}, mais production_variants.csv n'a pas de ligne "
        "heated_greenhouse pour lui",
        "heated months for {product} but production_variants.csv has no heated_greenhouse row for it",
    ),
    # --- checks of one field (model/schemas.py)
    "data.not_bool": ("un nombre est attendu, pas true/false", "a number is expected, not true/false"),
    "data.month_range": ("mois hors de 1..12 dans {part}", "month out of 1..12 in {part}"),
    "data.month": ("mois hors de 1..12 : {value}", "month out of 1..12: {value}"),
    "data.months_hint": (
        "{problem} (écrire les mois ainsi : 1-4, 8-12)",
        "{problem} (write months as 1-4, 8-12)",
    ),
    "data.above_max": (
        "{value} dépasse le maximum plausible de {limit}{unit} : vérifiez la valeur et son unité",
        "{value} is above the plausible maximum of {limit}{unit}: check the value and its unit",
    ),
    "data.iso2": (
        "{value} n'est pas un code ISO alpha-2 (deux majuscules)",
        "{value} is not an ISO alpha-2 code (two capitals)",
    ),
    "data.lacks_modes": ("il manque {modes}", "lacks {modes}"),
    "data.carbon_price_undefined": (
        "{key} n'est pas défini dans carbon_prices",
        "{key} is not defined in carbon_prices",
    ),
    "data.id": (
        "{value} doit être en lettres ascii minuscules, chiffres et _",
        "{value} must be lower-case ascii letters, digits and _",
    ),
    "data.unknown_category": (
        "catégorie inconnue {value} ; attendu l'une de {choices}",
        "unknown category {value}; expected one of {choices}",
    ),
    "data.unknown_family": (
        "famille inconnue {value} ; attendu l'une de {choices}",
        "unknown family {value}; expected one of {choices}",
    ),
    "data.unknown_system": (
        "mode de production inconnu {value} ; attendu l'un de {choices}",
        "unknown system {value}; expected one of {choices}",
    ),
    "data.period": ("attendu AAAA ou AAAA-MM", "expected YYYY or YYYY-MM"),
    "data.route_unused": (
        "{product} est une moyenne AGRIBALYSE dont l'origine n'est pas modélisée : ce port ne servirait jamais",
        "{product} is an AGRIBALYSE average whose origin is not modelled: this port would never be used",
    ),
    "data.start_point": (
        "un point de départ a un nom français, un nom anglais, une latitude et une longitude, ou rien",
        "a start point has an English name, a French name, a latitude and a longitude, or none of them",
    ),
    "data.range_order": (
        "il faut bas <= central <= haut, reçu {low} <= {central} <= {high}",
        "need low <= central <= high, got {low} <= {central} <= {high}",
    ),
    "data.range_negative": ("ne doit pas être négatif (bas = {low})", "must not be negative (low = {low})"),
    # --- pydantic's checks, by error type
    "data.pyd.finite_number": ("la valeur doit être un nombre fini", "Input should be a finite number"),
    "data.pyd.less_than_equal": (
        "la valeur doit être inférieure ou égale à {le}",
        "Input should be less than or equal to {le}",
    ),
    "data.pyd.greater_than_equal": (
        "la valeur doit être supérieure ou égale à {ge}",
        "Input should be greater than or equal to {ge}",
    ),
    "data.pyd.greater_than": ("la valeur doit être supérieure à {gt}", "Input should be greater than {gt}"),
    # pydantic's own wording in English ({detail}), the check's meaning in French
    "data.pyd.float": ("la valeur doit être un nombre", "{detail}"),
    "data.pyd.int": ("la valeur doit être un nombre entier", "{detail}"),
    "data.pyd.bool": ("la valeur doit être true ou false", "{detail}"),
    "data.pyd.string": ("la valeur doit être du texte", "{detail}"),
    "data.pyd.string_too_short": ("au moins {min_length} caractère(s)", "{detail}"),
    "data.pyd.mapping": ("des clés et leurs valeurs sont attendues ici (clé: valeur)", "{detail}"),
    "data.pyd.missing": ("champ obligatoire", "{detail}"),
    "data.pyd.extra_forbidden": ("colonne ou clé inconnue : à retirer ou corriger", "{detail}"),
    "data.pyd.literal_error": ("la valeur doit être l'une de : {expected}", "{detail}"),
    "data.pyd.other": ("valeur refusée (message du vérificateur : « {detail} »)", "{detail}"),
}
