"""The purchase report: summary, breakdowns, what-ifs, workbook, municipal pages."""

MESSAGES: dict[str, tuple[str, str]] = {
    "mun.essentials": ("L'essentiel", "At a glance"),
    "mun.total": (
        "Ces achats ({kg} de denrées{eur}) ont émis environ {tonnes} tonnes d'équivalent CO2 "
        "(« CO2e » : tous les gaz à effet de serre comptés comme du CO2), très probablement entre "
        "{low} et {high} tonnes.",
        "These purchases ({kg} of food{eur}) emitted about {tonnes} tonnes of CO2 equivalent "
        '("CO2e": every greenhouse gas counted as CO2), very likely between {low} and {high} tonnes.',
    ),
    "mun.total.small": (
        "Ces achats ({kg} de denrées{eur}) ont émis environ {co2e} kg d'équivalent CO2 "
        "(« CO2e » : tous les gaz à effet de serre comptés comme du CO2), très probablement entre "
        "{low} et {high} kg.",
        "These purchases ({kg} of food{eur}) emitted about {co2e} kg of CO2 equivalent "
        '("CO2e": every greenhouse gas counted as CO2), very likely between {low} and {high} kg.',
    ),
    "mun.total.eur": (", {eur}", ", {eur}"),
    "mun.range": (
        "Pourquoi une fourchette : chaque facteur d'émission n'est connu qu'à une marge près ; le calcul "
        "a été refait {draws} fois en faisant varier tous les facteurs dans leur marge, et le total "
        "tombe 9 fois sur 10 dans cette fourchette.",
        "Why a range: each emission factor is only known within a margin; the calculation was redone "
        "{draws} times with every factor varied within its margin, and 9 times out of 10 the total "
        "falls within this range.",
    ),
    "mun.per_meal": (
        "Par repas servi ({meals} repas) : {co2e} kg CO2e (entre {low} et {high}){eur}.",
        "Per meal served ({meals} meals): {co2e} kg CO2e (between {low} and {high}){eur}.",
    ),
    "mun.per_meal.eur": (" et {eur} d'achats", " and {eur} of purchases"),
    "mun.stages": (
        "La production agricole et la transformation pèsent {prod} du total, le transport {transport} : "
        "ce que l'on achète compte davantage que la distance parcourue.",
        "Farming and processing weigh {prod} of the total, transport {transport}: what is bought "
        "matters more than how far it travels.",
    ),
    "mun.stages.transport_heavy": (
        "La production agricole et la transformation pèsent {prod} du total, le transport {transport}.",
        "Farming and processing weigh {prod} of the total, transport {transport}.",
    ),
    "mun.family": (
        "La famille qui pèse le plus : {family}, {share} des émissions pour {kg_share} des kilos achetés.",
        "The heaviest family: {family}, {share} of the emissions for {kg_share} of the kilos bought.",
    ),
    "mun.carbon_value": (
        "Valeur du carbone : à la {label} ({publisher}, {year}), soit {price} € par tonne de CO2e, ces "
        "émissions représentent {cost}. Ce n'est ni une taxe ni une dépense : c'est la valeur que la "
        "collectivité nationale donne à chaque tonne évitée, pour comparer des choix.",
        "Carbon value: at the {label} ({publisher}, {year}), €{price} per tonne of CO2e, these "
        "emissions are worth {cost}. It is neither a tax nor a cost: it is the value the nation gives "
        "to each tonne avoided, to compare choices.",
    ),
    "mun.carbon_value.custom": (
        "Valeur du carbone : au prix choisi de {price} € par tonne de CO2e, ces émissions représentent "
        "{cost}. Ce n'est ni une taxe ni une dépense : c'est une valeur pour comparer des choix.",
        "Carbon value: at the chosen price of €{price} per tonne of CO2e, these emissions are worth "
        "{cost}. It is neither a tax nor a cost: it is a value to compare choices.",
    ),
    "mun.lever": (
        "Le levier le plus fort : {what} ; environ {saving} kg CO2e de moins, {share} du total.",
        "The strongest lever: {what}; about {saving} kg CO2e less, {share} of the total.",
    ),
    "mun.coverage": (
        "Lignes du fichier : {read} ; prises en compte : {computed} ; écartées : {rejected} ({share}).",
        "Rows in the file: {read}; counted: {computed}; set aside: {rejected} ({share}).",
    ),
    "mun.coverage.where": (
        "Les lignes écartées ne sont pas dans le total ; chacune, avec sa raison, est listée dans {path}.",
        "Rows set aside are not in the total; each, with its reason, is listed in {path}.",
    ),
    "mun.coverage.nowhere": (
        "Les lignes écartées ne sont pas dans le total (demandez -o FICHIER pour en avoir la liste).",
        "Rows set aside are not in the total (give -o FILE to get their list).",
    ),
    "mun.assumptions": ("Hypothèses, en bref", "Assumptions, in short"),
    "mun.assumptions.annex": (
        "Le détail de chaque hypothèse, avec son code (F1, F2…) tel qu'il figure dans le fichier par "
        "ligne, est en annexe.",
        "Each assumption in detail, with its code (F1, F2…) as it appears in the per-line file, is in "
        "the annex.",
    ),
    "mun.kind.mass": (
        "masse déduite (pièces, litres ou prix)",
        "mass inferred (pieces, litres or price)",
    ),
    "mun.kind.date": ("pas de date : mois supposé", "no date: month assumed"),
    "mun.kind.origin": ("origine imprécise ou absente", "origin vague or missing"),
    "mun.kind.proxy": (
        "facteur d'émission approché (valeur française ou voisine faute de donnée propre)",
        "emission factor approximated (French or similar value for lack of specific data)",
    ),
    "mun.kind.season": (
        "saison : stockage, serre chauffée, hors saison ou produit conservé",
        "season: storage, heated greenhouse, out of season or preserved product",
    ),
    "mun.kind.transport": ("mode de transport supposé", "transport mode assumed"),
    "mun.kind.price": ("prix de référence estimé", "reference price estimated"),
    "mun.kind.other": ("autres hypothèses", "other assumptions"),
    "mun.kind.lines": ("{n} ligne(s) sur {total}", "{n} of {total} line(s)"),
    "mun.annex": ("Annexe : hypothèses en détail", "Annex: assumptions in detail"),
    "mun.method": ("Annexe : méthode", "Annex: method"),
    "mun.col.code": ("Code", "Code"),
    "mun.by_site": ("Par site ({column})", "By site ({column})"),
    "mun.by_supplier": ("Par fournisseur ({column})", "By supplier ({column})"),
    "mun.by_month": ("Mois par mois", "Month by month"),
    "mun.by_month.help": (
        "Mois de livraison ; les mois de plusieurs années s'additionnent.",
        "Month of delivery; months of several years add up.",
    ),
    "mun.months_short": (
        "janv.|févr.|mars|avr.|mai|juin|juil.|août|sept.|oct.|nov.|déc.",
        "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec",
    ),
    "mun.not_given": ("(non renseigné)", "(not given)"),
    "mun.no_date": ("sans date", "no date"),
    "mun.col.carbon_cost": ("Coût carbone", "Carbon cost"),
    "mun.col.per_meal": ("kg CO2e par repas", "kg CO2e per meal"),
    "mun.protein": ("Protéines animales et végétales", "Animal and plant protein"),
    "mun.protein.help": (
        "Sources de protéines classées par catégorie de produit : viande, poisson, œufs et produits "
        "laitiers (animales) ; légumineuses, tofu, céréales, fruits à coque (végétales). Les autres "
        "produits ne sont pas comptés. Suivi du menu végétarien de la loi EGalim.",
        "Protein sources classified by product category: meat, fish, eggs and dairy (animal); pulses, "
        "tofu, cereals, nuts (plant). Other products are not counted. Follow-up of the EGalim law's "
        "vegetarian menu.",
    ),
    "mun.protein.animal": ("Animales", "Animal"),
    "mun.protein.plant": ("Végétales", "Plant"),
    "mun.protein.col.kg_share": ("Part des kg", "Share of kg"),
    "mun.protein.col.eur_share": ("Part des euros", "Share of euros"),
    "mun.protein.no_amount": (
        "{n} ligne(s) sans montant : comptées en kg, pas en euros.",
        "{n} line(s) without an amount: counted in kg, not in euros.",
    ),
    "mun.per_meal.title": ("Par repas", "Per meal"),
    "mun.per_meal.uncovered": (
        "Attention : le fichier des repas ne compte pas les mois suivants, où il y a des achats : "
        "{months}. Les chiffres par repas divisent alors les achats d'une période plus longue que "
        "celle des repas.",
        "Warning: the meals file does not count these months, which have purchases: {months}. The "
        "per-meal figures then divide the purchases of a longer period than the meals'.",
    ),
    "mun.per_meal.meals": ("Repas servis", "Meals served"),
    "mun.per_meal.co2e": ("kg CO2e par repas", "kg CO2e per meal"),
    "mun.per_meal.kg": ("kg de denrées par repas", "kg of food per meal"),
    "mun.per_meal.spend": ("Achats par repas", "Purchases per meal"),
    "mun.per_meal.cost": ("Coût carbone par repas", "Carbon cost per meal"),
    "mun.yoy": ("D'une année sur l'autre", "Year on year"),
    "mun.yoy.summary": (
        "{after} contre {before} : {change} kg CO2e ({share}), entre {low} et {high} ; probabilité "
        "d'une hausse : {prob}.",
        "{after} against {before}: {change} kg CO2e ({share}), between {low} and {high}; probability "
        "of an increase: {prob}.",
    ),
    "mun.yoy.plain": (
        "Par rapport à {before} : {change} kg CO2e ({share}).",
        "Compared with {before}: {change} kg CO2e ({share}).",
    ),
    "mun.yoy.help": (
        "L'écart est calculé sur les mêmes tirages des facteurs pour les deux fichiers : sa fourchette ne "
        "reflète que ce qui change entre eux. L'écart par famille a aussi la sienne ; les écarts par "
        "origine, étape et produit sont des valeurs centrales, sans fourchette.",
        "The change is computed on the same draws of the factors for both files: its range reflects only "
        "what differs between them. The change by family has its range too; changes by origin, stage "
        "and product are central values, without a range.",
    ),
    "mun.yoy.col.before": ("Avant (kg CO2e)", "Before (kg CO2e)"),
    "mun.yoy.col.after": ("Après (kg CO2e)", "After (kg CO2e)"),
    "mun.yoy.col.change": ("Écart (kg CO2e)", "Change (kg CO2e)"),
    "mun.yoy.col.kg_before": ("kg avant", "kg before"),
    "mun.yoy.col.kg_after": ("kg après", "kg after"),
    "mun.yoy.by_family": ("Écart par famille", "Change by family"),
    "mun.yoy.by_scope": ("Écart par origine", "Change by origin"),
    "mun.yoy.by_stage": ("Écart par étape", "Change by stage"),
    "mun.yoy.by_product": (
        "Les produits qui expliquent l'écart",
        "The products that explain the change",
    ),
    "mun.flags.legend": ("Légende des codes d'hypothèse", "Legend of the assumption codes"),
    "xl.sheet.summary": ("Synthèse", "Summary"),
    "xl.sheet.breakdowns": ("Répartitions", "Breakdowns"),
    "xl.sheet.lines": ("Lignes", "Lines"),
    "xl.sheet.rejected": ("Rejetées", "Rejected"),
    "xl.sheet.assumptions": ("Hypothèses", "Assumptions"),
    "xl.col.item": ("Indicateur", "Item"),
    "xl.col.value": ("Valeur", "Value"),
    "xl.col.unit": ("Unité", "Unit"),
    "xl.rows_read": ("Lignes lues", "Rows read"),
    "xl.rows_computed": ("Lignes calculées", "Rows computed"),
    "xl.rows_rejected": ("Lignes rejetées", "Rows rejected"),
    "xl.interval_low": ("Bas de l'intervalle à 90 %", "Low end of the 90% interval"),
    "xl.interval_high": ("Haut de l'intervalle à 90 %", "High end of the 90% interval"),
    "xl.carbon_price": ("Prix du carbone", "Carbon price"),
    "xl.lines_unit": ("lignes", "lines"),
    "xl.meals_unit": ("repas", "meals"),
    "xl.whatif.before": ("Avant (kg CO2e)", "Before (kg CO2e)"),
    "xl.whatif.after": ("Après (kg CO2e)", "After (kg CO2e)"),
    "xl.interval_low.short": ("Intervalle bas", "Interval low"),
    "xl.interval_high.short": ("Intervalle haut", "Interval high"),
    "xl.prob_increase": ("Probabilité d'une hausse", "Probability of an increase"),
    "xl.err.too_many_rows": (
        "{n} lignes calculées : une feuille Excel en tient au plus {max} ; écrivez le détail par ligne "
        "en CSV (-o rapport.csv)",
        "{n} computed lines: an Excel sheet holds at most {max}; write the per-line detail as CSV "
        "(-o report.csv)",
    ),
    # per-line flags set by the report and by origin matching
    "flag.mass_from_pieces": (
        "masse calculée : nombre de pièces × masse d'une pièce",
        "mass computed: number of pieces × mass of one piece",
    ),
    "flag.mass_from_label": (
        "masse lue dans le libellé (taille du colis, ex. « sac 25kg », « 4x125g »)",
        "mass read from the label (pack size, e.g. 'sac 25kg', '4x125g')",
    ),
    "flag.volume_as_mass": ("volume lu comme une masse (1 L ≈ 1 kg)", "volume read as mass (1 L ≈ 1 kg)"),
    "flag.mass_estimated_from_price": (
        "masse estimée : montant ÷ prix de gros estimé au kg (prix de détail × un ratio de marge "
        "de l'Observatoire des prix et des marges ; estimation)",
        "mass estimated: amount ÷ estimated wholesale price per kg (retail price × a margin ratio "
        "from the French price and margin observatory; estimate)",
    ),
    "flag.month_default": (
        "pas de date : mois {month} supposé (--month)",
        "no date: month {month} assumed (--month)",
    ),
    "flag.origin_default": (
        "origine vide : France supposée",
        "empty origin: France assumed",
    ),
    "flag.origin_not_given": (
        "origine non communiquée (« NC ») : France supposée",
        "origin not given ('NC'): France assumed",
    ),
    "flag.origin_mixed": (
        "origine « UE et hors UE » : {origin} (hors UE) utilisé comme approximation",
        "origin 'EU and non-EU': {origin} (non-EU) used as a proxy",
    ),
    "flag.origin_fishing_area": (
        "zone de pêche FAO {area} : transport depuis {origin} (pays de débarquement supposé)",
        "FAO fishing area {area}: transport from {origin} (assumed landing country)",
    ),
    "flag.origin_local_unspecified": (
        "origine « local » sans lieu : trajet depuis le centre de la France",
        "origin 'local' without a place: trip from the centre of France",
    ),
    "flag.origin_proxy_eu": (
        "origine « Europe » sans pays : {origin} utilisé comme approximation",
        "origin 'Europe' without a country: {origin} used as a proxy",
    ),
    "flag.origin_unknown_import": (
        "origine « import » sans pays : {origin} utilisé comme approximation",
        "origin 'import' without a country: {origin} used as a proxy",
    ),
    # families and scopes
    "family.VIANDES_VOLAILLES": ("Viandes et volailles", "Meat and poultry"),
    "family.CHARCUTERIE": ("Charcuterie", "Cured meats"),
    "family.PRODUITS_DE_LA_MER": ("Produits de la mer", "Fish and seafood"),
    "family.FRUITS_ET_LEGUMES": ("Fruits et légumes", "Fruit and vegetables"),
    "family.PRODUITS_LAITIERS": ("Produits laitiers", "Dairy"),
    "family.BOULANGERIE": ("Boulangerie", "Bakery"),
    "family.BOISSONS": ("Boissons", "Drinks"),
    "family.AUTRES": ("Épicerie et autres", "Groceries and other"),
    "scope.local": (
        "France, lieu précisé ou déclaré local",
        "France, named place or declared local",
    ),
    "scope.france": ("France, sans précision", "France, no detail"),
    "scope.europe": ("Europe", "Europe"),
    "scope.world": ("Monde", "World"),
    "group.production": ("Production et transformation", "Production and processing"),
    "group.transport": ("Transport", "Transport"),
    "group.rest": (
        "Le reste (stockage, pertes, emballage, magasin)",
        "The rest (storage, losses, packaging, retail)",
    ),
    # what-ifs
    "whatif.in_season": (
        "Produits de serre chauffée hors saison → mêmes kg de saison (serre non chauffée ou plein champ)",
        "Heated-greenhouse produce out of season → the same kg in season (unheated or open field)",
    ),
    "whatif.sea_not_air": ("Fret aérien → bateau", "Air freight → sea freight"),
    "whatif.beef_to_pulses": (
        "{share} des kg de bœuf remplacés par des légumineuses ({product}, kg pour kg)",
        "{share} of the beef kg replaced by pulses ({product}, kg for kg)",
    ),
    "whatif.beef_to_poultry": (
        "{share} des kg de bœuf remplacés par de la volaille ({product}, kg pour kg)",
        "{share} of the beef kg replaced by poultry ({product}, kg for kg)",
    ),
    "whatif.local_not_imported": (
        "Produits importés qui existent en France → même produit d'origine {place}, même mois",
        "Imported products France also grows → the same product from {place}, same month",
    ),
    "whatif.skipped": (
        "{n} ligne(s) non recalculable(s), laissée(s) telle(s) quelle(s)",
        "{n} line(s) could not be recomputed and were left unchanged",
    ),
    # summary
    "rep.title": ("Bilan carbone des achats", "Carbon report of the purchases"),
    "rep.counts": (
        "lignes lues : {read}, calculées : {computed}, rejetées : {rejected}",
        "{read} read, {computed} computed, {rejected} rejected",
    ),
    "rep.file": ("Fichier", "File"),
    "rep.context": (
        "Consommé à {dest} ; mois par défaut (lignes sans date) : {month} ; "
        "prix du carbone : {cp} €/t ({cpkey}) ; "
        "incertitude : {draws} tirages Monte-Carlo (graine {seed}), intervalle du 5e au 95e centile.",
        "Eaten at {dest}; default month (lines without a date): {month}; "
        "carbon price: €{cp}/t ({cpkey}); "
        "uncertainty: {draws} Monte Carlo draws (seed {seed}), 5th to 95th percentile interval.",
    ),
    "rep.totals": ("Totaux", "Totals"),
    "rep.total_kg": ("Quantité", "Quantity"),
    "rep.total_co2e": ("Émissions (kg CO2e)", "Emissions (kg CO2e)"),
    "rep.interval": ("Intervalle à 90 %", "90% interval"),
    "rep.per_kg": ("Par kg acheté", "Per kg bought"),
    "rep.amount": ("Montant des achats (fichier)", "Amount spent (file)"),
    "rep.per_eur": ("Par euro dépensé", "Per euro spent"),
    "rep.price_model": ("Valeur au prix de référence", "Value at reference prices"),
    "rep.carbon_cost": ("Coût carbone ({price} €/t)", "Carbon cost (€{price}/t)"),
    "rep.by_stage": ("Par étape", "By stage"),
    "rep.by_family": ("Par famille de produits", "By product family"),
    "rep.by_scope": ("Par origine", "By origin"),
    "rep.top": ("Les {n} lignes qui émettent le plus", "The {n} lines emitting most"),
    "rep.what_ifs": ("Et si… (économies possibles)", "What if… (possible savings)"),
    "rep.shares": (
        "Parts EGalim et part locale (en € HT, sur toutes les lignes du fichier, calculées ou non ; "
        "case vide = non)",
        "EGalim and local shares (of the spend excl. VAT, over all lines of the file, computed or not; "
        "blank cell = no)",
    ),
    "rep.coverage.title": ("Ce que couvre ce bilan", "What this report covers"),
    "rep.coverage": (
        "Calculé : {computed} ligne(s) sur {read} ({lines_pct}), {eur} HT sur {total} HT ({eur_pct}) "
        "des dépenses du fichier.",
        "Computed: {computed} of {read} line(s) ({lines_pct}), {eur} of {total} excl. VAT ({eur_pct}) "
        "of the file's spend.",
    ),
    "rep.coverage.lines": (
        "Calculé : {computed} ligne(s) sur {read} ({lines_pct}) ; le fichier ne donne pas de montants.",
        "Computed: {computed} of {read} line(s) ({lines_pct}); the file gives no amounts.",
    ),
    "rep.coverage.totals": (
        "Les totaux ci-dessous portent sur les lignes calculées seulement.",
        "The totals below cover the computed lines only.",
    ),
    "rep.coverage.rejected": ("Lignes rejetées, par motif :", "Rejected lines, by reason:"),
    "rep.coverage.more": (
        "{n} autre(s) motif(s) : {lines} ligne(s)",
        "{n} other reason(s): {lines} line(s)",
    ),
    "egalim.BIO": ("Bio (y compris en conversion)", "Organic (incl. in conversion)"),
    "egalim.LABEL_ROUGE": ("Label Rouge", "Label Rouge"),
    "egalim.AOCAOP_IGP_STG": ("AOP/AOC, IGP, STG", "PDO/AOC, PGI, TSG (AOP, IGP, STG)"),
    "egalim.HVE": ("HVE (haute valeur environnementale)", "HVE (high environmental value)"),
    "egalim.PECHE_DURABLE": ("Pêche durable (écolabel MSC…)", "Sustainable fishing (MSC ecolabel…)"),
    "egalim.COMMERCE_EQUITABLE": ("Commerce équitable", "Fair trade"),
    "egalim.FERMIER": ("Fermier", "Farm-made (fermier)"),
    "egalim.RUP": ("Région ultrapériphérique (RUP)", "Outermost region (RUP)"),
    "egalim.EXTERNALITES_PERFORMANCE": (
        "Externalités / performance environnementale",
        "Environmental externalities / performance",
    ),
    "egalim.any": (
        "Au moins un label EGalim (chaque ligne comptée une fois)",
        "At least one EGalim label (each line counted once)",
    ),
    "egalim.none": ("Aucun label EGalim dans le fichier", "No EGalim label in the file"),
    "egalim.local": (
        "Local, selon le fichier (la loi EGalim ne le définit pas : à part)",
        "Local, as the file says (the EGalim law does not define it: kept apart)",
    ),
    "rep.flags": (
        "Hypothèses, approximations et valeurs par défaut",
        "Assumptions, proxies and defaults",
    ),
    "rep.notes": ("Remarques de lecture du fichier", "Notes from reading the file"),
    "rep.rejected": (
        "{n} ligne(s) rejetée(s) : voir {path} (numéro de ligne et raison)",
        "{n} line(s) rejected: see {path} (line number and reason)",
    ),
    "rep.col.group": ("", ""),
    "rep.col.lines": ("Lignes", "Lines"),
    "rep.col.kg": ("kg", "kg"),
    "rep.col.co2e": ("kg CO2e", "kg CO2e"),
    "rep.col.share": ("Part", "Share"),
    "rep.col.eur": ("Montant", "Amount"),
    "rep.col.line": ("Ligne", "Line"),
    # an input column named like an output column of the per-line file
    "rep.col.input": ("{name} (entrée)", "{name} (input)"),
    "rep.col.label": ("Libellé", "Label"),
    "rep.col.product": ("Produit", "Product"),
    "rep.col.origin": ("Origine", "Origin"),
    "rep.col.interval": ("Intervalle à 90 %", "90% interval"),
    "rep.col.whatif": ("Changement", "Change"),
    "rep.col.saving": ("Économie (kg CO2e)", "Saving (kg CO2e)"),
    "rep.col.saving_share": ("du total", "of total"),
    "rep.col.prob": ("Probabilité d'économie", "Probability of a saving"),
    "rep.col.n": ("Lignes", "Lines"),
    "rep.col.flag": ("Hypothèse", "Assumption"),
    "rep.share.organic": ("Bio", "Organic"),
    "rep.share.local": ("Local", "Local"),
    "rep.share.by_eur": ("{share} des euros", "{share} of euros"),
    "rep.share.by_kg": ("{share} des kg", "{share} of kg"),
    "rep.none": ("aucune", "none"),
    "rep.whatif.none": (
        "Aucun changement applicable à ces lignes (pas de serre chauffée, de fret aérien, de bœuf ni "
        "d'import remplaçable).",
        "No change applies to these lines (no heated greenhouse, air freight, beef or replaceable import).",
    ),
    "rep.whatif.help": (
        "Une économie négative veut dire que le changement émettrait plus (par exemple un légume local "
        "de serre chauffée en hiver contre le même légume importé de saison).",
        "A negative saving means the change would emit more (e.g. a local heated-greenhouse vegetable "
        "in winter against the same vegetable imported in season).",
    ),
    "rep.footer": (
        "Généré par footprint {version}. Production (AGRIBALYSE 3.2) et transport (DESNZ 2025) sont "
        "calculés séparément ; voir docs/methodology.md. Le coût carbone n'est pas une taxe : c'est la "
        "valeur donnée à une tonne de CO2e évitée.",
        "Generated by footprint {version}. Production (AGRIBALYSE 3.2) and transport (DESNZ 2025) are "
        "computed apart; see docs/methodology.md. The carbon cost is not a tax: it is the value given to "
        "a tonne of CO2e avoided.",
    ),
    "rep.chart.stages": ("Émissions par étape (kg CO2e)", "Emissions by stage (kg CO2e)"),
    "rep.chart.family": (
        "Émissions par famille et par étape (kg CO2e)",
        "Emissions by family and stage (kg CO2e)",
    ),
    "rep.chart.scope": (
        "Émissions par origine et par étape (kg CO2e)",
        "Emissions by origin and stage (kg CO2e)",
    ),
    "rep.chart.whatif": (
        "Avant / après chaque changement (kg CO2e)",
        "Before / after each change (kg CO2e)",
    ),
    "rep.before": ("avant", "before"),
    "rep.after": ("après", "after"),
    "rep.all": ("Tous les achats", "All purchases"),
    "err.totals_overflow": (
        "les totaux sont trop grands pour être calculés : vérifiez les quantités et les montants du fichier",
        "the totals are too large to compute: check the quantities and amounts of the file",
    ),
    # --- why a line of a purchase file is refused (after reading: see reader.py)
    "reason.product": (
        "produit non reconnu : {label} (score {score})",
        "product not recognised: {label} (score {score})",
    ),
    "reason.product.closest": (
        "produit non reconnu : {label} (score {score} ; les plus proches : {closest})",
        "product not recognised: {label} (score {score}; closest: {closest})",
    ),
    "reason.because": ("{reason} — {why}", "{reason} — {why}"),
    "reason.mode": (
        "mode de transport non compris : {value} (route, rail, mer ou air)",
        "transport mode not understood: {value} (road, rail, sea or air)",
    ),
    "reason.piece_mass": (
        "quantité en pièces, mais aucune masse à la pièce n'est connue pour {product} : donner des kg",
        "quantity in pieces, but no piece mass is known for {product}: give kg",
    ),
    "reason.no_mass": (
        "ni masse, ni montant utilisable pour l'estimer",
        "no mass and no usable amount to estimate it",
    ),
    "reason.not_grown": (
        "pas d'origine, et ce produit n'est pas cultivé en France métropolitaine : donner son pays "
        "d'origine (ex. Côte d'Ivoire, Martinique, Équateur)",
        "no origin given, and this product is not grown in mainland France: give its country of "
        "origin (e.g. Côte d'Ivoire, Martinique, Ecuador)",
    ),
    "reason.cannot_compute": (
        "calcul impossible : {scenario} : {error}",
        "cannot compute {scenario}: {error}",
    ),
    "reason.scenario": ("{product}@{place} mois {month}", "{product}@{place} month {month}"),
    "reason.scenario.mode": (
        "{product}@{place} mois {month} par {mode_fr}",
        "{product}@{place} month {month} by {mode}",
    ),
    "reason.scenario.system": (
        "{product}@{place} mois {month} ({system_fr})",
        "{product}@{place} month {month} ({system})",
    ),
    "reason.scenario.mode.system": (
        "{product}@{place} mois {month} par {mode_fr} ({system_fr})",
        "{product}@{place} month {month} by {mode} ({system})",
    ),
    "reason.unavailable": (
        "pas d'offre de {product_fr} (origine {origin_fr}) en {month_name} (ni récolte en plein champ ou sous "
        "abri, ni stock, ni serre chauffée)",
        "{product} from {origin} is not available in {month_name}",
    ),
    "reason.model": ("le modèle ne sait pas calculer ce cas", "the model cannot compute this case"),
}
