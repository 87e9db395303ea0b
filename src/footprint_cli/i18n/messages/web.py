"""The web page and its errors."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "web.title": ("footprint — l'empreinte carbone des aliments", "footprint — the carbon footprint of food"),
    "web.tagline": (
        "Production et transport séparés, par origine et par mois, en kg CO2e et en euros.",
        "Production apart from transport, by origin and month, in kg CO2e and in euros.",
    ),
    "web.nav.compare": ("Comparer", "Compare"),
    "web.nav.season": ("Saisons", "Seasons"),
    "web.nav.report": ("Rapport", "Report"),
    "web.nav.api": ("API (OpenAPI)", "API (OpenAPI)"),
    "web.lang.other": ("English", "Français"),
    "web.offline": (
        "Tout est calculé sur cet ordinateur, sans connexion.",
        "Everything is computed on this computer, offline.",
    ),
    "web.loading": ("Calcul en cours…", "Computing…"),
    "web.compare.product": ("Produit", "Product"),
    "web.compare.product_ph": ("ex. pomme, tomate, bœuf", "e.g. apple, tomato, beef"),
    "web.compare.origins": ("Origines importées", "Imported origins"),
    "web.compare.origin_ph": ("ex. Argentine, Espagne, Maroc", "e.g. Argentina, Spain, Morocco"),
    "web.compare.add_origin": ("+ une origine", "+ an origin"),
    "web.compare.remove": ("Retirer", "Remove"),
    "web.compare.local": (
        "Comparer avec l'option locale (France)",
        "Compare with the local option (France)",
    ),
    "web.compare.month": ("Mois", "Month"),
    "web.note.usual_origins": (
        "{product} : la France n'en est pas l'origine habituelle, elle en importe l'essentiel ; comparaison "
        "entre ses origines d'importation habituelles : {origins_fr}. Pour comparer une option française, "
        "ajouter « France » aux origines importées.",
        "{product}: France is not its usual origin, it imports most of it; compared across its usual import "
        "origins: {origins}. To compare a French option, add “France” to the imported origins.",
    ),
    "web.note.mostly_imported": (
        "{product} : la France en importe l'essentiel ; pas d'option locale par défaut (ajouter « France » aux "
        "origines importées pour la comparer quand même).",
        "{product}: France imports most of it; no local option by default (add “France” to the imported "
        "origins to compare one anyway).",
    ),
    "web.compare.quantity": ("Quantité", "Quantity"),
    "web.compare.submit": ("Comparer", "Compare"),
    "web.compare.chart": ("kg CO2e par étape", "kg CO2e by stage"),
    "web.compare.total": ("Total", "Total"),
    "web.compare.interval": ("intervalle à 90 %", "90% interval"),
    "web.compare.price": ("Prix", "Price"),
    "web.compare.carbon_cost": ("Coût carbone ({price} €/t CO2e)", "Carbon cost ({price} €/t CO2e)"),
    "web.compare.prob": (
        "Probabilité d'émettre moins que la 1re option",
        "Probability of emitting less than option 1",
    ),
    "web.compare.route": ("Trajet", "Route"),
    "web.compare.flags": ("Hypothèses signalées", "Flagged assumptions"),
    "web.compare.sources": ("Sources de chaque nombre", "Source of every number"),
    "web.compare.equivalent": ("Équivalent", "Equivalent"),
    "web.compare.map": ("Carte du trajet", "Route map"),
    "web.compare.explain": ("Le calcul pas à pas", "The calculation step by step"),
    "web.compare.proxy": ("approximation", "proxy"),
    "web.season.product": ("Produit (ou laisser vide)", "Product (or leave empty)"),
    "web.season.category": ("Famille", "Family"),
    "web.season.all": ("fruits et légumes", "fruits and vegetables"),
    "web.season.fruit": ("fruits", "fruits"),
    "web.season.vegetable": ("légumes", "vegetables"),
    "web.season.origin": ("Pays vu comme local", "Country seen as local"),
    "web.season.submit": ("Afficher le calendrier", "Show the calendar"),
    "web.season.per_kg": (
        "kg CO2e par kg, production locale de chaque mois (rangée du bas)",
        "kg CO2e per kg, local production each month (bottom row)",
    ),
    "web.season.footprint_row": ("kg CO2e/kg", "kg CO2e/kg"),
    "web.season.show_footprint": ("Voir les kg CO2e mois par mois", "Show kg CO2e month by month"),
    "web.report.file": (
        "Fichier d'achats : CSV, Excel .xlsx ou export ma-cantine",
        "Purchases file: CSV, Excel .xlsx or ma-cantine export",
    ),
    "web.report.privacy": (
        "Le fichier ne quitte pas cet ordinateur : il est traité dans un dossier temporaire effacé "
        "aussitôt après, dans la limite de {limit} Mo.",
        "The file does not leave this computer: it is processed in a temporary folder deleted right "
        "after, up to {limit} MB.",
    ),
    "web.report.month": ("Mois des lignes sans date", "Month of lines without a date"),
    "web.report.month_default": ("ce mois-ci", "this month"),
    "web.report.to": ("Lieu de consommation", "Where the food is eaten"),
    "web.report.submit": ("Calculer le rapport", "Compute the report"),
    "web.report.coverage": (
        "{read} lignes lues ; calculées : {computed}, rejetées : {rejected}.",
        "{read} rows read: {computed} computed, {rejected} rejected.",
    ),
    "web.report.total": ("Total", "Total"),
    "web.report.download_lines": ("Télécharger le CSV par ligne", "Download the per-line CSV"),
    "web.report.download_rejected": ("Télécharger les lignes rejetées", "Download the rejected rows"),
    "web.report.download_html": ("Télécharger le rapport HTML", "Download the HTML report"),
    "web.report.rejected": ("Lignes rejetées (ligne : raison)", "Rejected rows (line: reason)"),
    "web.report.full": ("Le rapport complet", "The full report"),
    "web.err.too_large": (
        "fichier trop volumineux : la limite est de {limit} Mo",
        "file too large: the limit is {limit} MB",
    ),
    "web.err.too_large.hint": (
        "pour un gros fichier, utilisez la ligne de commande : footprint report FICHIER",
        "for a large file, use the command line: footprint report FILE",
    ),
    "web.err.empty": ("aucun fichier reçu", "no file received"),
    "web.err.invalid": (
        "{field} : valeur refusée ({value}) — {reason}",
        "{field}: value refused ({value}) — {reason}",
    ),
    "web.err.missing": ("{field} : valeur manquante", "{field}: missing value"),
    "web.err.min": ("au moins {n}", "at least {n}"),
    "web.err.max": ("au plus {n}", "at most {n}"),
    "web.err.type": ("nombre entier attendu", "a whole number is expected"),
    "web.err.choice": ("choix possibles : {choices}", "choices: {choices}"),
    "web.err.not_found": ("page ou adresse inconnue : {path}", "unknown page or address: {path}"),
    "web.err.method": ("méthode non acceptée ici", "method not allowed here"),
    "web.err.internal": (
        "erreur interne du calcul ({kind}) : ce n'est pas votre demande ; le détail est dans le terminal "
        "de footprint serve",
        "internal error in the computation ({kind}): not your request; the details are in the terminal "
        "of footprint serve",
    ),
    "web.err.network": ("le serveur ne répond pas", "the server does not answer"),
}
