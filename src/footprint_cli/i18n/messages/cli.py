"""Help of the commands and their options, and the commands' own messages."""

MESSAGES: dict[str, tuple[str, str]] = {
    "cmd.serve": (
        "Ouvre la page web locale (Comparer, Saisons, Rapport) et son API JSON, sur ce même moteur ; "
        "rien ne quitte l'ordinateur.",
        "Open the local web page (Compare, Seasons, Report) and its JSON API, on this same engine; "
        "nothing leaves the computer.",
    ),
    "opt.serve.host": (
        "Adresse d'écoute (défaut : cet ordinateur seulement).",
        "Address to listen on (default: this computer only).",
    ),
    "opt.serve.port": ("Port (0 : un port libre, affiché).", "Port (0: a free port, printed)."),
    "opt.serve.no_browser": ("Ne pas ouvrir le navigateur.", "Do not open the browser."),
    "opt.serve.max_upload": (
        "Taille maximale d'un fichier d'achats envoyé, en Mo.",
        "Largest purchase file accepted, in MB.",
    ),
    "serve.missing": (
        "la page web a besoin de composants en option, absents ici ({missing}).",
        "the web page needs optional components that are not installed ({missing}).",
    ),
    "serve.missing.hint": (
        'installez-les avec : pip install "footprint-cli[web]" (ou, depuis le dépôt : pip install ".[web]")',
        'install them with: pip install "footprint-cli[web]" (or, from the repository: pip install ".[web]")',
    ),
    "serve.listening": (
        "footprint : page ouverte sur {url} (Ctrl+C pour arrêter)",
        "footprint: page served at {url} (Ctrl+C to stop)",
    ),
    "serve.exposed": (
        "attention : --host {host} rend la page accessible depuis le réseau",
        "warning: --host {host} makes the page reachable from the network",
    ),
    "cmd.season": (
        "Calendrier mois par mois : de saison en France, sorti de chambre froide, de serre chauffée, "
        "ou importé (et d'où), pour un produit ou tous les fruits et légumes.",
        "Month-by-month calendar: in season in France, from cold storage, from a heated greenhouse, "
        "or imported (and from where), for one product or all fruits and vegetables.",
    ),
    "arg.season.product": (
        "Produit (sinon : tous les fruits et légumes, ou ceux de --category).",
        "Product (otherwise: all fruits and vegetables, or those of --category).",
    ),
    "opt.season.category": ("Seulement les fruits, ou les légumes.", "Only fruits, or vegetables."),
    "opt.season.origin": (
        "Pays vu comme « local » (défaut : France).",
        "Country seen as 'local' (default: France).",
    ),
    "opt.season.html": (
        "Écrit aussi une affiche imprimable (HTML autonome, A4 paysage) avec les kg CO2e de chaque mois.",
        "Also write a printable poster (self-contained HTML, A4 landscape) with each month's kg CO2e.",
    ),
    "err.season.no_products": (
        "aucun produit avec un calendrier dans la catégorie {category}",
        "no product with a calendar in category {category}",
    ),
    "cmd.explain": (
        "Explique le calcul pas à pas : chaque étape avec sa formule, ses nombres, ses unités et "
        "la source de chaque facteur, puis l'incertitude et ce qu'il faut retenir.",
        "Explain the calculation step by step: each stage with its formula, numbers, units and "
        "the source of each factor, then the uncertainty and the lesson.",
    ),
    "arg.explain.product": ("Produit, en français ou en anglais.", "Product, in French or English."),
    "opt.explain.origin": (
        "Origine à expliquer : pays, code ISO, région, département ou ville.",
        "Origin to explain: country, ISO code, region, department or city.",
    ),
    "opt.explain.local": (
        "L'option locale expliquée à côté, pour comparer (défaut : France).",
        "The local option explained beside it, to compare (default: France).",
    ),
    "opt.explain.mode": (
        "Force le mode de transport principal de l'origine (l'option locale garde le sien).",
        "Force the origin's main transport mode (the local option keeps its own).",
    ),
    "opt.explain.no_local": (
        "N'expliquer que l'origine, sans l'option locale.",
        "Explain the origin only, without the local option.",
    ),
    "opt.explain.format": ("Format : text, markdown ou json.", "Format: text, markdown or json."),
    "cmd.products": (
        "Liste les produits (nom français et anglais, catégorie, production, prix).",
        "List the products (French and English names, category, production, price).",
    ),
    "cmd.origins": (
        "Liste les pays, territoires et lieux français utilisables comme origine.",
        "List the countries, territories and French places usable as origins.",
    ),
    "cmd.show": (
        "Montre tout ce qui se cache derrière un produit : facteurs, saisons, prix, chacun avec sa source.",
        "Show everything behind a product: factors, seasons, price, each with its source.",
    ),
    "opt.category": (
        "Filtre par catégorie (fruit, vegetable, meat...).",
        "Filter by category (fruit, vegetable, meat...).",
    ),
    "opt.search": (
        "Filtre par texte (nom, alias, code ; accents facultatifs).",
        "Filter by text (name, alias, code; accents optional).",
    ),
    "opt.kind": (
        "Types de lieux : country (pays et territoires, défaut), region, department, city, all.",
        "Kinds of place: country (countries and territories, default), region, department, city, all.",
    ),
    "arg.show.product": ("Le produit, en français ou en anglais.", "The product, in French or English."),
    "opt.show.month": (
        "Le mois des prix par origine (1-12 ou son nom), comme pour compare ; sans lui, le prix de "
        "référence national et la liste des origines qui ont un prix par mois.",
        "The month of the prices by origin (1-12 or its name), as for compare; without it, the "
        "national reference price and the list of origins that have a price by month.",
    ),
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
    "cmd.report": (
        "Bilan carbone d'un fichier d'achats (CSV, Excel .xlsx, export ma-cantine) : chiffres par ligne, "
        "totaux, répartition par famille, origine, étape, site, fournisseur et mois, par repas, "
        "protéines, économies possibles et écart d'une année sur l'autre, avec l'incertitude.",
        "Carbon report of a purchases file (CSV, Excel .xlsx, ma-cantine export): per-line figures, "
        "totals, breakdowns by family, origin, stage, site, supplier and month, per meal, protein, "
        "possible savings and year-on-year change, with uncertainty.",
    ),
    "arg.report.file": (
        "Fichier d'achats : CSV (séparateur , ; ou tabulation, détecté) ou .xlsx.",
        "Purchases file: CSV (separator , ; or tab, detected) or .xlsx.",
    ),
    "opt.report.output": (
        "CSV par ligne à écrire (colonnes d'entrée, puis produit et origine reconnus, kg, kg CO2e par "
        "étape, total et intervalle, prix, coût carbone, codes d'hypothèse). Les lignes rejetées vont "
        "dans NOM.rejected.csv à côté, et NOM.manifest.json nomme l'ensemble des fichiers écrits. Un nom "
        "en .xlsx écrit le classeur Excel à la place (comme --xlsx).",
        "Per-line CSV to write (input columns, then matched product and origin, kg, kg CO2e per stage, "
        "total and interval, price, carbon cost, assumption codes). Rejected rows go to "
        "NAME.rejected.csv beside it, and NAME.manifest.json names the set of files written. A name "
        "ending in .xlsx writes the Excel workbook instead (as --xlsx).",
    ),
    "opt.report.html": (
        "Écrit aussi le rapport HTML autonome et imprimable (graphiques SVG intégrés, français par défaut).",
        "Also write the self-contained, printable HTML report (inline SVG charts, French by default).",
    ),
    "opt.report.summary": ("Écrit aussi le résumé en Markdown.", "Also write the summary as Markdown."),
    "opt.report.month": (
        "Mois des lignes sans date, 1 à 12 (défaut : ce mois-ci).",
        "Month of lines without a date, 1-12 (default: this month).",
    ),
    "opt.report.to": (
        "Lieu de consommation en France : votre ville, département ou région "
        "(défaut : marché de Rungis) ; le calcul va jusqu'à la porte de la cantine (livraison "
        "depuis la plateforme comprise).",
        "Where the food is eaten in France: your city, department or region (default: Rungis "
        "market); the figures run to the canteen door (delivery from the platform included).",
    ),
    "opt.report.local": (
        "L'origine « locale » du scénario « local au lieu d'importé » (défaut : France).",
        "The 'local' origin of the 'local instead of imported' what-if (default: France).",
    ),
    "opt.report.encoding": (
        "Encodage du fichier (défaut : détecté ; ex. utf-8, cp1252).",
        "File encoding (default: detected; e.g. utf-8, cp1252).",
    ),
    "opt.report.delimiter": (
        "Séparateur du CSV (défaut : détecté).",
        "CSV separator (default: detected).",
    ),
    "opt.report.columns": (
        "Colonne du fichier pour une colonne attendue, ex. --columns label=Article --columns "
        "quantity='Poids net' (répétable ; label, quantity, unit, amount, origin, mode, date, month, "
        "organic, local, supplier, family, site).",
        "File column for an expected column, e.g. --columns label=Article "
        "--columns quantity='Net weight' (repeatable; label, quantity, unit, amount, origin, mode, "
        "date, month, organic, local, supplier, family, site).",
    ),
    "opt.report.header_row": (
        "Ligne de l'en-tête (numéro de ligne du CSV ou de la feuille, à partir de 1 ; défaut : détectée "
        "sous les lignes de titre).",
        "Row of the header (line number of the CSV or row of the sheet, from 1; default: detected under "
        "any title rows).",
    ),
    "opt.report.sheet": (
        "Feuille d'un classeur .xlsx (nom ou numéro à partir de 0 ; défaut : celle qui contient les achats).",
        "Sheet of an .xlsx workbook (name, or number from 0; default: the one holding the purchases).",
    ),
    "opt.report.strict": (
        "Code de sortie non nul si une ligne est rejetée.",
        "Exit non-zero when any row is rejected.",
    ),
    "opt.report.quiet": (
        "Pas de barre de progression ni de résumé à l'écran (seulement le décompte des lignes).",
        "No progress bar and no on-screen summary (only the row counts).",
    ),
    "opt.report.top": (
        "Nombre de lignes les plus émettrices à lister.",
        "Number of top-emitting lines to list.",
    ),
    "opt.report.format": (
        "Format du résumé à l'écran : table, ou json (sur la sortie standard, lignes rejetées comprises).",
        "Format of the on-screen summary: table, or json (on standard output, rejected lines included).",
    ),
    "rep.what.rejected": ("le fichier des lignes rejetées", "the file of rejected lines"),
    "rep.err.same_file": (
        "{what} ({path}) est le fichier d'entrée : il ne sera pas écrasé",
        "{what} ({path}) is the input file: it will not be overwritten",
    ),
    "rep.err.same_file.hint": (
        "choisissez un autre nom, ex. -o rapport.csv",
        "choose another name, e.g. -o report.csv",
    ),
    "rep.err.columns": (
        "--columns attend NOM=EN-TÊTE, reçu {value!r}",
        "--columns expects NAME=HEADER, got {value!r}",
    ),
    "rep.err.stream_csv": (
        "{path} : seul un fichier CSV (UTF-8, Windows-1252 ou Latin-1) se lit par morceaux ; "
        "enregistrez-le en CSV depuis votre tableur",
        "{path}: only a CSV file (UTF-8, Windows-1252 or Latin-1) can be read in chunks; "
        "save it as CSV from your spreadsheet",
    ),
    "rep.err.stream_regular": (
        "{path} n'est pas un fichier ordinaire (un tube, un périphérique) : --chunks relit le "
        "fichier, enregistrez-le d'abord dans un fichier",
        "{path} is not a regular file (a pipe, a device): --chunks reads the file more than once, "
        "save it to a file first",
    ),
    "rep.err.stream_option": (
        "{option} ne se combine pas avec --chunks (un fichier lu par morceaux donne le fichier par "
        "ligne, les lignes écartées et le résumé)",
        "{option} cannot be combined with --chunks (a file read in chunks gives the per-line file, "
        "the rejected lines and the summary)",
    ),
    "rep.err.meals": (
        "--meals attend un nombre de repas (ex. 12000) ou un fichier CSV existant, reçu {value!r}",
        "--meals expects a number of meals (e.g. 12000) or an existing CSV file, got {value!r}",
    ),
    "rep.err.meals_read": (
        "{path} : impossible de lire le fichier des repas (message du système : « {why} »)",
        "{path}: cannot read the meals file ({why})",
    ),
    "rep.err.meals_none": (
        "{path} : le fichier des repas ne compte aucun repas",
        "{path}: the meals file counts no meal",
    ),
    "rep.err.meals_column": (
        "{path} : pas de colonne des repas (repas, couverts, meals)",
        "{path}: no meals column (repas, couverts, meals)",
    ),
    "rep.err.meals_meals": (
        "{path}:{line} : repas : pas un nombre entier : {value!r}",
        "{path}:{line}: meals: not a whole number: {value!r}",
    ),
    "rep.err.meals_meals.more": (
        "{path}:{line} : repas : pas un nombre entier : {value!r} (et {more} autre(s) ligne(s) de ce genre)",
        "{path}:{line}: meals: not a whole number: {value!r} (and {more} more row(s) like it)",
    ),
    "rep.err.meals_month": (
        "{path}:{line} : mois : non compris : {value!r} (1 à 12, 2025-03 ou 03/2025)",
        "{path}:{line}: month: not understood: {value!r} (1-12, 2025-03 or 03/2025)",
    ),
    "rep.err.meals_month.more": (
        "{path}:{line} : mois : non compris : {value!r} (1 à 12, 2025-03 ou 03/2025 ; et {more} autre(s) "
        "ligne(s) de ce genre)",
        "{path}:{line}: month: not understood: {value!r} (1-12, 2025-03 or 03/2025; and {more} more "
        "row(s) like it)",
    ),
    "rep.err.site_column": (
        "{path} : pas de colonne {name!r} (pour le site) dans le fichier",
        "{path}: no column {name!r} (for site) in the file",
    ),
    "rep.err.headers": ("en-têtes du fichier : {headers}", "headers of the file: {headers}"),
    # purchase-file errors (the reader raises them with these keys)
    "rd.err.not_found": ("{path} : fichier introuvable", "{path}: file not found"),
    "rd.err.directory": (
        "{path} est un répertoire, pas un fichier d'achats",
        "{path}: is a directory, not a purchase file",
    ),
    "rd.err.empty": ("{path} : le fichier est vide", "{path}: the file is empty"),
    "rd.hint.empty": (
        "exportez les achats avec une ligne d'en-tête",
        "export the purchases with a header row",
    ),
    "rd.err.xls": (
        "{path} : les anciens fichiers Excel binaires (.xls) ne sont pas lus",
        "{path}: old binary Excel (.xls) files are not supported",
    ),
    "rd.hint.xls": (
        "enregistrez la feuille en .xlsx ou en CSV depuis votre tableur",
        "save the sheet as .xlsx or as CSV from your spreadsheet",
    ),
    "rd.err.sheet_number": ("{path} : pas de feuille numéro {n}", "{path}: no sheet number {n}"),
    "rd.err.sheet_name": ("{path} : pas de feuille nommée {name!r}", "{path}: no sheet named {name!r}"),
    "rd.hint.sheets": ("feuilles : {sheets}", "sheets: {sheets}"),
    "rd.err.sheet_empty": ("{path} : la feuille {name!r} est vide", "{path}: sheet {name!r} is empty"),
    "rd.hint.sheet_empty": (
        "choisissez une autre feuille avec --sheet",
        "use --sheet to choose another sheet",
    ),
    "rd.err.header_row": ("ligne d'en-tête invalide : {row}", "invalid header row {row}"),
    "rd.err.header_row_missing": (
        "{path} : la ligne {row} n'est pas une ligne du tableau (vide, ou hors du fichier)",
        "{path}: row {row} is not a row of the table (blank, or outside the file)",
    ),
    "rd.hint.header_row": (
        "donnez le numéro de la ligne d'en-tête tel que le tableur l'affiche, à partir de 1",
        "give the row number of the header as the spreadsheet shows it, from 1",
    ),
    "rd.err.no_label": (
        "{path} : aucune colonne de libellé de produit trouvée (en-têtes : {headers})",
        "{path}: no product label column found (headers: {headers})",
    ),
    "rd.hint.no_label": (
        "nommez-la Produit, Désignation, Libellé ou Product, ou utilisez --columns label=VotreEnTête ; "
        "si l'en-tête est sous des lignes de titre, --header-row N",
        "name it Produit/Désignation/Libellé/Product, or use --columns label=YourHeader; if the header "
        "is under title rows, --header-row N",
    ),
    "rd.hint.no_label_garbled": (
        "nommez-la Produit, Désignation, Libellé ou Product, ou utilisez --columns label=VotreEnTête ; "
        "si les en-têtes semblent illisibles, essayez --encoding cp1252 ou --delimiter ';'",
        "name it Produit/Désignation/Libellé/Product, or use --columns label=YourHeader; if the headers "
        "look garbled, try --encoding cp1252 or --delimiter ';'",
    ),
    "rep.err.two_workbooks": (
        "-o {a} et --xlsx {b} demandent deux classeurs : n'en donner qu'un",
        "-o {a} and --xlsx {b} ask for two workbooks: give only one",
    ),
    "rep.strict": (
        "--strict : {n} ligne(s) rejetée(s)",
        "--strict: {n} row(s) rejected",
    ),
    "rep.rejected_list": ("Lignes rejetées (ligne : raison) :", "Rejected rows (line: reason):"),
    "rep.rejected_hint": (
        "(donnez -o FICHIER.csv pour les avoir dans FICHIER.rejected.csv)",
        "(give -o FILE.csv to get them in FILE.rejected.csv)",
    ),
    "opt.report.xlsx": (
        "Écrit aussi le classeur Excel (synthèse, répartitions, lignes, lignes rejetées, "
        "hypothèses) ; -o FICHIER.xlsx fait de même.",
        "Also write the Excel workbook (summary, breakdowns, lines, rejected rows, assumptions); "
        "-o FILE.xlsx does the same.",
    ),
    "opt.report.meals": (
        "Repas servis sur la période du fichier : un nombre, ou un petit CSV (colonne repas, et si "
        "besoin site et mois) ; donne les kg CO2e et les euros par repas, par site et par mois.",
        "Meals served over the file's period: a number, or a small CSV (a meals column, and if need "
        "be site and month); gives kg CO2e and euros per meal, per site and per month.",
    ),
    "opt.report.chunks": (
        "Lire et calculer le fichier par morceaux d'environ MB mégaoctets : la mémoire reste bornée "
        "quelle que soit sa taille (cumul régional) ; mêmes totaux que lu en entier.",
        "Read and compute the file in chunks of about MB megabytes: memory stays bounded whatever its "
        "size (a regional roll-up); the same totals as read whole.",
    ),
    "opt.report.against": (
        "Fichier d'achats d'une autre année, à comparer (même graine et mêmes tirages : "
        "l'écart a sa propre incertitude).",
        "Purchases file of another year to compare with (same seed and draws: the change has its "
        "own uncertainty).",
    ),
    "opt.report.verbose_flags": (
        "Hypothèses en toutes lettres dans le CSV par ligne (défaut : codes courts F1, F2…, "
        "légende dans le résumé).",
        "Assumptions spelled out in the per-line CSV (default: short codes F1, F2…, legend in the summary).",
    ),
    "rep.phase.read": ("Lecture", "Reading"),
    "rep.phase.match": ("Reconnaissance des libellés", "Matching labels"),
    "rep.phase.compute": ("Calcul", "Computing"),
    "rep.phase.what-ifs": ("Scénarios", "What-ifs"),
    "rep.phase.write": ("Écriture", "Writing"),
}
