"""The application, shared options, stages, seasons, modes, factors and the core's errors."""

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
        "Langue des sorties et de l'aide : fr ou en (défaut : FOOTPRINT_LANG, sinon français "
        "sauf si la langue du système est l'anglais).",
        "Language of outputs and help: fr or en (default: FOOTPRINT_LANG, else French unless "
        "the system language is English).",
    ),
    "err.lang": (
        "--lang : « {value} » inconnu ; choix : fr, en",
        "--lang: unknown value '{value}'; choices: fr, en",
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
    # --- stages, seasons, modes
    "stage.production": ("Production (ferme)", "Production (farm gate)"),
    "stage.processing": ("Transformation", "Processing"),
    "stage.storage": ("Stockage au froid", "Cold storage"),
    "stage.losses": ("Pertes en stockage", "Storage losses"),
    "stage.transport": ("Transport", "Transport"),
    "stage.packaging": ("Emballage", "Packaging"),
    "stage.retail": ("Distribution et magasin", "Retail and distribution"),
    "season.in_season": ("de saison", "in season"),
    "season.cold_storage": ("sorti de chambre froide ({months} mois)", "from cold storage ({months} months)"),
    "season.heated_greenhouse": ("serre chauffée", "heated greenhouse"),
    "season.out_of_season": ("hors saison", "out of season"),
    "season.all_year": ("toute l'année", "all year"),
    "season.preserved": ("surgelé ou en conserve", "frozen or canned"),
    "system.conventional": ("conventionnel", "conventional"),
    "system.open_field": ("plein champ", "open field"),
    "system.unheated_greenhouse": ("serre non chauffée", "unheated greenhouse"),
    "system.heated_greenhouse": ("serre chauffée", "heated greenhouse"),
    "system.organic": ("biologique", "organic"),
    "system.land_use_change": ("avec déforestation (changement d'usage des sols)", "with land-use change"),
    "system.intermittent_flooding": (
        "rizière en irrigation intermittente (alternance humide-sec)",
        "paddy with intermittent flooding (alternate wetting and drying)",
    ),
    # the main mode a user names (--mode, a Transport column), as the French options spell it
    "mainmode.road": ("camion", "road"),
    "mainmode.rail": ("train", "rail"),
    "mainmode.sea": ("bateau", "sea"),
    "mainmode.air": ("avion", "air"),
    "mode.road": ("camion", "truck"),
    "mode.road_reefer": ("camion frigorifique", "refrigerated truck"),
    "mode.rail": ("train", "train"),
    "mode.waterway": ("barge", "barge"),
    "mode.sea": ("porte-conteneurs", "container ship"),
    "mode.road_rigid": ("porteur", "rigid truck"),
    "mode.road_rigid_reefer": ("porteur frigorifique", "refrigerated rigid truck"),
    "mode.sea_reefer": ("conteneur frigorifique", "reefer container"),
    "mode.ferry": ("ferry roulier", "ro-ro ferry"),
    "mode.air_short": ("avion (court-courrier)", "plane (short haul)"),
    "mode.air_long": ("avion (long-courrier)", "plane (long haul)"),
    "factor.grid": ("électricité ({country})", "electricity ({country})"),
    "factor.storage_kwh": ("électricité du stockage au froid", "cold-storage electricity"),
    "factor.storage_loss": ("pertes en stockage", "storage losses"),
    "factor.detour": ("facteur de détour routier", "road detour factor"),
    "factor.collection_km": ("distance ferme → station de conditionnement", "farm → packing distance"),
    "factor.distribution_km": ("distance plateforme → magasin", "platform → shop distance"),
    "factor.air_extra": ("distance ajoutée aux vols", "distance added to flights"),
    "main.road": ("route", "road"),
    "main.rail": ("rail", "rail"),
    "main.sea": ("mer", "sea"),
    "main.air": ("avion", "air"),
    "month.1": ("janvier", "January"),
    "month.2": ("février", "February"),
    "month.3": ("mars", "March"),
    "month.4": ("avril", "April"),
    "month.5": ("mai", "May"),
    "month.6": ("juin", "June"),
    "month.7": ("juillet", "July"),
    "month.8": ("août", "August"),
    "month.9": ("septembre", "September"),
    "month.10": ("octobre", "October"),
    "month.11": ("novembre", "November"),
    "month.12": ("décembre", "December"),
    # --- flags (proxies, defaults, caveats): shown in every output
    # the identifier of a production value standing in for an origin's farms
    "src.proxy_for": (
        "{identifier} ; remplace la valeur de l'origine {origin}, fourchette élargie ×{factor} "
        "({source} : {source_identifier})",
        "{identifier}; stands in for {origin}, range widened x{factor} ({source}: {source_identifier})",
    ),
    "flag.production_proxy_origin": (
        "production : pas de donnée propre à l'origine {origin}, valeur AGRIBALYSE (produit vendu en France) "
        "utilisée comme proxy, tirée indépendamment et élargie ×{factor} (de {low} à {high} kg CO2e/kg)",
        "production: no data specific to origin {origin}; the AGRIBALYSE value (product sold in France) stands "
        "in as a proxy, drawn independently and widened x{factor} ({low} to {high} kg CO2e/kg)",
    ),
    "flag.system_no_data": (
        "mode de production « {system} » : pas de donnée, valeur conventionnelle utilisée",
        "production system '{system}': no data, the conventional value is used",
    ),
    "flag.factor_proxy": (
        "facteur estimé (proxy) : {label}",
        "estimated factor (proxy): {label}",
    ),
    "flag.mode_assumed": (
        "mode de transport supposé : {mode} (changer avec --mode)",
        "assumed transport mode: {mode} (change with --mode)",
    ),
    "flag.cold_storage": (
        "stocké {months} mois en chambre froide ({country}) depuis la récolte",
        "stored {months} months in cold storage ({country}) since harvest",
    ),
    "flag.heated_greenhouse_month": (
        "hors saison en {month} : production sous serre chauffée supposée",
        "out of season in month {month}: heated-greenhouse production assumed",
    ),
    "flag.out_of_season": (
        "hors saison en {month} pour l'origine {country} : calculé comme un produit frais",
        "out of season in month {month} for origin {country}: computed as fresh produce",
    ),
    "flag.origin_generic_france": (
        "origine « France » sans précision : trajet depuis le centre de la France (préciser avec --local)",
        "origin 'France' without detail: trip from the centre of France (be precise with --local)",
    ),
    "flag.mode_not_applicable": (
        "mode « {mode} » sans objet pour un trajet en France métropolitaine : camion",
        "mode '{mode}' does not apply to a trip inside mainland France: truck",
    ),
    "flag.mostly_imported": (
        "la France importe l'essentiel de ce qu'elle en consomme : une option « France » est l'exception, "
        "pas l'offre courante",
        "France imports most of what it eats of this product: a 'France' option is the exception, "
        "not the usual supply",
    ),
    "flag.not_grown_in_france": (
        "ce produit n'est pas cultivé en France métropolitaine : option calculée comme s'il l'était",
        "this product is not grown in mainland France: option computed as if it were",
    ),
    "flag.season_proxy": (
        "pas de calendrier de saison pour {country} : calendrier français utilisé (décalé de 6 mois dans "
        "l'hémisphère sud)",
        "no season calendar for {country}: the French one is used (shifted 6 months in the southern "
        "hemisphere)",
    ),
    "flag.preserved_form": (
        "surgelé ou en conserve : facteurs du produit frais (AGRIBALYSE), sans saison ni stockage ; "
        "la congélation ou l'appertisation ne sont pas comptées",
        "frozen or canned: the fresh product's factors (AGRIBALYSE), no season, no storage; freezing "
        "or canning is not counted",
    ),
    "flag.origin_not_modelled": (
        "moyenne AGRIBALYSE du produit transformé ou du plat (toutes étapes publiées, transport "
        "compris) : l'origine, la saison et le mode de transport ne sont pas modélisés",
        "AGRIBALYSE average of the processed food or dish (every stage as published, transport "
        "included): origin, season and transport mode are not modelled",
    ),
    "flag.price_estimated": (
        "prix estimé (pas de relevé publié)",
        "estimated price (no published survey)",
    ),
    "flag.price_origin": (
        "prix propre à l'origine {origin} en {month} ({period}) — {source} : {ref}",
        "price specific to origin {origin} in {month} ({period}) — {source}: {ref}",
    ),
    "flag.price_origin_estimated": (
        "prix de l'origine {origin} estimé pour {month} : moyenne nationale du mois × {factor}, écart "
        "France/importé d'un relevé publié, pas une cotation de cette origine — {source} : {ref}",
        "price for origin {origin} estimated for {month}: the month's national average × {factor}, a "
        "France/imported gap from a published survey, not a quote for this origin — {source}: {ref}",
    ),
    "flag.price_month_average": (
        "prix en {month} : moyenne nationale toutes origines (profil mensuel ramené au niveau de "
        "{period}), pas un prix propre à l'origine — {source} : {ref}",
        "price for {month}: national average of all origins (monthly profile brought to the {period} "
        "level), not a price specific to the origin — {source}: {ref}",
    ),
    "flag.price_indexed": (
        "prix relevé plus tôt, ramené à {period} par l'évolution des prix moyens INSEE",
        "price observed earlier, brought to {period} with INSEE's average-price change",
    ),
    "flag.price_national_average": (
        "prix : moyenne française toutes origines",
        "price: French average, all origins",
    ),
    "flag.grid_default": (
        "électricité de {country} : intensité mondiale par défaut",
        "electricity of {country}: world default intensity",
    ),
    "flag.sea_distance_estimated": (
        "distance maritime {origin} → {destination} estimée (orthodromie × 1,3)",
        "sea distance {origin} → {destination} estimated (great circle × 1.3)",
    ),
    # --- comparison table
    "row.header": ("{qty} kg, {month}", "{qty} kg, {month}"),
    "row.season": ("Saison", "Season"),
    "row.leg": ("étape", "leg"),
    "row.total": ("Total", "Total"),
    "row.interval": ("Intervalle à 90 %", "90% interval"),
    "row.transport_share": ("Part du transport", "Transport share"),
    "row.price": ("Prix", "Price"),
    "row.carbon_cost": ("Coût carbone ({price} €/t)", "Carbon cost (€{price}/t)"),
    "row.price_diff": ("Écart de prix avec n° 1", "Price difference vs no. 1"),
    "row.prob_lower": ("Proba. plus bas que n° 1", "P(lower than no. 1)"),
    "row.chain_legs": ("Collecte et livraison", "Collection and delivery"),
    "row.equivalent": ("Écart avec n° 1", "Gap vs no. 1"),
    "row.bar": ("Répartition", "Breakdown"),
    "row.legend": (
        "█ production  ▓ transformation  ▒ stockage et pertes  ░ transport  · emballage et magasin",
        "█ production  ▓ processing  ▒ storage and losses  ░ transport  · packaging and retail",
    ),
    "row.notes": ("Hypothèses et valeurs par défaut", "Assumptions and defaults"),
    "row.sources": ("Sources", "Sources"),
    "verdict.single": (
        "{option} : le poste principal est : {stage} ({share} du total) ; intervalle à 90 % : {low} à {high} kg CO2e.",
        "{option}: {stage} weighs most ({share} of the total); 90% interval: {low} to {high} kg CO2e.",
    ),
    "verdict.pair": (
        "{winner} émet {less} que {loser} ({how}, probabilité {prob}). "
        "Pour le premier, le poste principal est : {wstage} ({wshare}) ; pour le second : {lstage} ({lshare}).",
        "{winner} emits {less} than {loser} ({how}, probability {prob}). "
        "What weighs most: {wstage} ({wshare}) for the first, {lstage} ({lshare}) for the second.",
    ),
    "verdict.times_less": ("{ratio} fois moins", "{ratio} times less"),
    "verdict.percent_less": ("{pct} de moins", "{pct} less"),
    "verdict.same": ("écart faible, pratiquement équivalent", "a small gap, practically the same"),
    "verdict.sure": ("quasi certain", "almost certain"),
    "verdict.likely": ("probable", "likely"),
    "verdict.proxy": (
        "probable seulement : la production de l'origine {origin} est estimée par une valeur d'ailleurs",
        "only likely: production for origin {origin} is estimated from another origin's value",
    ),
    "verdict.unsure": ("incertain, les intervalles se chevauchent", "uncertain, the intervals overlap"),
    # --- compare
    "cmd.compare": (
        "Compare un produit local et importé (ou plusieurs produits) en kg CO2e et en euros, "
        "étape par étape, avec l'incertitude.",
        "Compare a local and an imported product (or several products) in kg CO2e and euros, "
        "stage by stage, with uncertainty.",
    ),
    "arg.compare.products": (
        "Produit(s), en français ou en anglais ; PRODUIT@ORIGINE fixe l'origine d'une option "
        "(ex. boeuf lentilles, ou pomme@france pomme@argentine).",
        "Product(s), in French or English; PRODUCT@ORIGIN sets one option's origin "
        "(e.g. beef lentils, or apple@france apple@argentina).",
    ),
    "opt.compare.origin": (
        "Pays ou lieu d'origine à comparer (répétable) : nom, code ISO, région, département.",
        "Origin country or place to compare (repeatable): name, ISO code, region, department.",
    ),
    "opt.compare.local": (
        "L'option locale : France, une région, un département ou une ville.",
        "The local option: France, a region, a department or a city.",
    ),
    "opt.compare.no_local": ("Ne pas ajouter l'option locale.", "Do not add the local option."),
    "opt.compare.to": (
        "Lieu de consommation en France (défaut : marché de Rungis) : la plateforme où arrivent les "
        "produits ; le calcul ajoute la livraison de cette plateforme au magasin.",
        "Where the food is eaten in France (default: Rungis market): the platform the goods reach; "
        "the delivery from that platform to the shop is added.",
    ),
    "opt.compare.month": (
        "Mois de consommation : 1 à 12 ou son nom (avril, avr.) (défaut : ce mois-ci).",
        "Month eaten: 1-12 or its name (April, apr) (default: this month).",
    ),
    "opt.compare.mode": (
        "Force le mode de transport principal : camion, train, bateau ou avion.",
        "Force the main transport mode: road, rail, sea or air.",
    ),
    "opt.compare.system": (
        "Force le mode de production : conventionnel, plein-champ, serre-froide, serre-chauffee, "
        "bio, deforestation, awd (riz en alternance humide-sec).",
        "Force the production system: conventional, open_field, unheated_greenhouse, "
        "heated_greenhouse, organic, land_use_change, intermittent_flooding (rice, alternate wetting "
        "and drying).",
    ),
    "opt.compare.quantity": (
        "Quantité avec son unité : 1kg, 1 kilo, 250 grammes, 500g, 2t, 6pc, 3 pommes.",
        "Quantity with its unit: 1kg, 250g, 2t, 6pc, 3 apples.",
    ),
    "opt.compare.carbon_price": (
        "Prix du carbone en €/t, ou une clé : vac-2025 (défaut), vac-2030, ets-2025, taxe-carbone.",
        "Carbon price in EUR/t, or a key: vac-2025 (default), vac-2030, ets-2025, taxe-carbone.",
    ),
    "opt.compare.sources": ("Lister chaque facteur et sa source.", "List every factor and its source."),
    "opt.compare.seed": ("Graine du tirage Monte-Carlo.", "Monte Carlo seed."),
    "opt.compare.draws": ("Nombre de tirages Monte-Carlo.", "Number of Monte Carlo draws."),
    "opt.compare.html": (
        "Écrit aussi une fiche comparative imprimable (HTML autonome) dans ce fichier.",
        "Also write a printable comparison sheet (self-contained HTML) to this file.",
    ),
    "opt.compare.simple": (
        "Vue élève : trois étapes, deux chiffres, une phrase et un équivalent de la vie courante.",
        "Pupil view: three stages, two digits, one sentence and an everyday equivalent.",
    ),
    "msg.usual_origins": (
        "{product} : la France n'en est pas l'origine habituelle, elle en importe l'essentiel ; comparaison "
        "entre ses origines d'importation habituelles : {origins_fr} (ajouter --origin France pour comparer "
        "une option française).",
        "{product}: France is not its usual origin, it imports most of it; compared across its usual import "
        "origins: {origins} (add --origin France to compare a French option).",
    ),
    "msg.mostly_imported": (
        "{product} : la France en importe l'essentiel ; pas d'option locale par défaut "
        "(ajouter --origin France pour la comparer quand même).",
        "{product}: France imports most of it; no local option by default "
        "(add --origin France to compare one anyway).",
    ),
    "msg.local_skipped": (
        "{product} : pas de production en France métropolitaine, donc pas d'option locale.",
        "{product} is not produced in mainland France: no local option.",
    ),
    "msg.written": ("Écrit : {path}", "Written: {path}"),
    # --- errors
    "err.unknown": ("{kind} inconnu : « {name} ».", "Unknown {kind}: '{name}'."),
    "err.did_you_mean": ("Vouliez-vous dire : {choices} ?", "Did you mean: {choices}?"),
    # one name of the list above (a name can hold commas: each is quoted)
    "err.did_you_mean.item": ("« {name} »", "'{name}'"),
    "err.no_suggestion": (
        "Aucun nom proche. Voir la liste : footprint {listing}",
        "No close name. See the list: footprint {listing}",
    ),
    "err.prefix": ("Erreur", "Error"),
    "err.month": ("le mois doit être entre 1 et 12 (reçu : {value})", "month must be 1..12, got {value}"),
    "err.quantity_positive": (
        "la quantité doit être positive (reçu : {value})",
        "quantity must be positive, got {value}",
    ),
    "err.month_word": ("mois incompris : « {value} »", "month not understood: '{value}'"),
    "hint.month_word": (
        "écrire un nombre de 1 à 12 ou un nom : janvier, févr., mars…",
        "write a number 1-12 or a name: January, Feb, March...",
    ),
    "err.quantity_no_unit": (
        "quantité sans unité : « {value} » (grammes ou kilos ?)",
        "quantity without a unit: '{value}' (grams or kilograms?)",
    ),
    "hint.quantity_no_unit": (
        "écrire {number}g, {number} grammes ou {number}kg",
        "write {number}g or {number}kg",
    ),
    "err.quantity": ("quantité incomprise : « {value} »", "quantity not understood: '{value}'"),
    "hint.quantity": (
        "écrire par exemple 1kg, 1 kilo, 250 grammes, 500g, 2t, 6pc ou 3 pommes",
        "write e.g. 1kg, 250 g, 500g, 2t, 6pc or 3 apples",
    ),
    "err.no_piece": (
        "pas de masse à la pièce pour ce produit : donner la quantité en kg (reçu : {value})",
        "no piece mass for this product: give the quantity in kg, not {value}",
    ),
    "err.choice": (
        "{option} : « {value} » inconnu ; choix : {choices}",
        "{option}: unknown value '{value}'; choices: {choices}",
    ),
    "err.destination": (
        "la destination {place_fr} n'est pas en France métropolitaine",
        "destination {place} is not in mainland France",
    ),
    "hint.destination": (
        "le modèle calcule des aliments consommés en France métropolitaine : donner une région, un département ou une ville",
        "the model computes food eaten in mainland France; give a region, department or city",
    ),
    "err.no_road": (
        "pas de route de {country_fr} vers la France métropolitaine",
        "no road from {country} to mainland France",
    ),
    "hint.no_road": ("utiliser --mode bateau ou --mode avion", "use --mode sea or --mode air"),
    "err.unavailable": (
        "{product_fr} : pas d'offre de l'origine {origin_fr} en {month_name} (ni récolte en plein champ ou sous "
        "abri, ni stock, ni serre chauffée) ; ce n'est pas calculé comme un produit frais",
        "{product}: none from {origin} in {month_name} (no harvest in the field or under shelter, no stock, no "
        "heated greenhouse); it is not computed as fresh produce",
    ),
    "hint.unavailable": (
        "origines qui en fournissent ce mois-là : {alternatives_fr} (--origin), ou un autre mois (--month)",
        "origins that supply it that month: {alternatives} (--origin), or another month (--month)",
    ),
    "hint.unavailable_none": (
        "aucune origine des données n'en fournit ce mois-là : choisir un autre mois (--month)",
        "no origin in the data supplies it that month: choose another month (--month)",
    ),
    "err.no_seaport": (
        "{country_fr} n'a pas de port d'exportation dans les données",
        "{country} has no export seaport in the data",
    ),
    "hint.no_seaport": ("essayer --mode avion ou --mode camion", "try --mode air or --mode road"),
    "err.no_airport": (
        "{country_fr} n'a pas d'aéroport cargo dans les données",
        "{country} has no cargo airport in the data",
    ),
    "hint.no_airport": ("essayer --mode bateau", "try --mode sea"),
    "err.carbon_price": ("prix du carbone inconnu : « {value} »", "unknown carbon price '{value}'"),
    "hint.carbon_price": (
        "donner des euros par tonne ou l'une des clés : {choices}",
        "give EUR per tonne or one of: {choices}",
    ),
    "err.carbon_price_range": (
        "le prix du carbone doit être un nombre d'euros par tonne entre 0 et 100 000 (reçu : {value})",
        "carbon price must be a number of EUR per tonne between 0 and 100000, got {value}",
    ),
    "err.output_is_dir": (
        "{path} est un répertoire : donner un nom de fichier",
        "{path} is a directory: give a file name",
    ),
    # an operating-system error no command turned into a message of its own
    "err.os.other": (
        "{path} : erreur du système (message du système : « {reason} »)",
        "{path}: system error: {reason}",
    ),
    "err.os.not_found": ("{path} : fichier ou répertoire introuvable", "{path}: no such file or directory"),
    "err.os.denied": ("{path} : accès refusé (droits insuffisants)", "{path}: permission denied"),
    "err.os.full": ("{path} : le disque est plein", "{path}: the disk is full"),
    "err.os.readonly": ("{path} : le disque est en lecture seule", "{path}: the file system is read-only"),
    "err.os.is_dir": (
        "{path} est un répertoire : donner un nom de fichier",
        "{path} is a directory: give a file name",
    ),
    "err.os.not_dir": (
        "{path} : un élément du chemin n'est pas un répertoire",
        "{path}: a part of the path is not a directory",
    ),
    "err.os.too_long": ("{path} : nom de fichier trop long", "{path}: file name too long"),
    "err.os.loop": (
        "{path} : trop de liens symboliques (une boucle de liens ?)",
        "{path}: too many levels of symbolic links (a loop of links?)",
    ),
    "err.cannot_write": (
        "impossible d'écrire {path} (message du système : « {reason} »)",
        "cannot write {path}: {reason}",
    ),
    "err.cannot_write.not_dir": (
        "impossible d'écrire {path} : un élément du chemin n'est pas un répertoire",
        "cannot write {path}: a part of the path is not a directory",
    ),
    "err.cannot_write.too_long": (
        "impossible d'écrire {path} : nom de fichier trop long",
        "cannot write {path}: file name too long",
    ),
    "err.cannot_write.denied": (
        "impossible d'écrire {path} : pas le droit d'écrire dans ce répertoire",
        "cannot write {path}: no permission to write in its directory",
    ),
    "err.cannot_write.readonly": (
        "impossible d'écrire {path} : le disque est en lecture seule",
        "cannot write {path}: the file system is read-only",
    ),
    "err.cannot_write.full": (
        "impossible d'écrire {path} : le disque est plein (aucun fichier n'a été remplacé)",
        "cannot write {path}: the disk is full (no file was replaced)",
    ),
    "err.output_empty": (
        "le nom du fichier de sortie est vide",
        "the output file name is empty",
    ),
    "err.output_no_dir": (
        "impossible d'écrire {path} : son répertoire n'existe pas",
        "cannot write {path}: its directory does not exist",
    ),
    "err.output_special": (
        "{path} n'est pas un fichier ordinaire (périphérique, tube, socket ou lien vers un autre "
        "répertoire) : choisir un autre nom",
        "{path} is not a regular file (device, pipe, socket or link to another directory): "
        "choose another name",
    ),
    "err.output_twice": (
        "{path} est désigné pour deux sorties : donner un nom à chacune",
        "{path} is named for two outputs: give each its own name",
    ),
    "err.nothing": ("rien à comparer", "nothing to compare"),
    "err.nothing_not_grown": (
        "{product_fr} : pas de production en France métropolitaine, donc pas d'option locale ; rien à comparer",
        "{product}: not produced in mainland France, so no local option; nothing to compare",
    ),
    "hint.nothing": ("ajouter --origin PAYS (plusieurs possibles)", "add --origin COUNTRY (several allowed)"),
    "err.hint": ("Astuce", "Hint"),
    "kind.product": ("produit", "product"),
    "kind.place": ("lieu", "place"),
    "kind.system": ("mode de production", "production system"),
    "kind.mode": ("mode de transport", "transport mode"),
    "kind.carbon_price": ("prix du carbone", "carbon price"),
    "err.model.mode": ("mode de transport principal inconnu : {mode}", "unknown main mode {mode}"),
    "err.model.arrival_port": (
        "aucun port d'arrivée dans les données",
        "no arrival seaport in the data",
    ),
    "err.model.arrival_airport": ("Paris-CDG manque dans ports.csv", "Paris-CDG is missing from ports.csv"),
    "err.default_origin": ("origine par défaut inconnue : {value}", "unknown default origin {value}"),
    "err.place_kind": ("type de lieu inconnu : {value}", "unknown kind {value}"),
    "hint.one_of": ("l'un de : {choices}", "one of: {choices}"),
    "err.serve_bind": (
        "--host/--port : {host}:{port} : message du système : « {detail} »",
        "--host/--port: {host}:{port}: {detail}",
    ),
    "err.yoy_seed": (
        "les deux bilans doivent avoir les mêmes --seed et --draws pour être comparés",
        "the two reports must use the same --seed and --draws to be compared",
    ),
    "err.yoy_draws": (
        "un bilan sans ses tirages ne peut pas être comparé",
        "a report without its draws cannot be compared",
    ),
}
