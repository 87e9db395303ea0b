"""The classroom: pupil view, season poster and calendar, quiz cards."""

MESSAGES: dict[str, tuple[str, str]] = {
    "cal.title": (
        "Calendrier : d'où vient le produit chaque mois (origine {origin})",
        "Calendar: where the product comes from each month (origin {origin})",
    ),
    "cal.product": ("Produit", "Product"),
    "cal.status.in_season": ("de saison", "in season"),
    "cal.status.unheated_shelter": ("sous abri non chauffé", "unheated shelter"),
    "cal.status.cold_storage": ("chambre froide", "cold storage"),
    "cal.status.heated_greenhouse": ("serre chauffée", "heated greenhouse"),
    "cal.status.imported": ("importé", "imported"),
    "cal.status.out_of_season": ("hors saison, sans origine connue", "no known origin"),
    "cal.status.all_year": ("toute l'année", "all year"),
    "cal.legend.codes": (
        "codes : pays d'où l'on importe ce mois-là (ISO) ; N, S : hémisphère nord, sud ; + : d'autres encore",
        "codes: countries imported from that month (ISO); N, S: northern, southern hemisphere; + : more",
    ),
    "cal.m.1": ("jan", "Jan"),
    "cal.m.2": ("fév", "Feb"),
    "cal.m.3": ("mar", "Mar"),
    "cal.m.4": ("avr", "Apr"),
    "cal.m.5": ("mai", "May"),
    "cal.m.6": ("juin", "Jun"),
    "cal.m.7": ("juil", "Jul"),
    "cal.m.8": ("août", "Aug"),
    "cal.m.9": ("sep", "Sep"),
    "cal.m.10": ("oct", "Oct"),
    "cal.m.11": ("nov", "Nov"),
    "cal.m.12": ("déc", "Dec"),
    "poster.title": ("Calendrier de saison", "Season calendar"),
    "poster.sub": (
        "Comment chaque produit arrive en France mois par mois, et ce qu'émet 1 kg (kg CO2e, de la ferme "
        "au magasin, calcul footprint).",
        "How each product reaches France month by month, and what 1 kg emits (kg CO2e, farm to shop, "
        "computed by footprint).",
    ),
    "poster.not_grown": ("non cultivé en France", "not grown in France"),
    "poster.imported_from": ("importé : {codes}", "imported: {codes}"),
    "poster.imported": ("importé", "imported"),
    "poster.in_season": ("de saison en France", "in season in France"),
    "poster.unheated_shelter": ("France, sous abri non chauffé", "France, unheated shelter"),
    "poster.cold_storage": ("France, chambre froide", "France, cold storage"),
    "poster.heated_greenhouse": ("France, serre chauffée", "France, heated greenhouse"),
    "poster.out_of_season": ("pas de source connue", "no known source"),
    "poster.all_year": ("France, toute l'année", "France, all year"),
    "poster.codes": (
        "Codes pays (ISO) : {codes}. N, S : un pays de l'hémisphère nord, sud. Le chiffre : kg CO2e pour 1 kg "
        "acheté à Rungis ce mois-là, pour la première origine indiquée.",
        "Country codes (ISO): {codes}. N, S: a country of the northern, southern hemisphere. The number: "
        "kg CO2e for 1 kg bought at Rungis that month, for the first origin shown.",
    ),
    "poster.footer": (
        "footprint — données : AGRIBALYSE 3.2 (ADEME), calendriers de saison, facteurs de transport DESNZ 2025. "
        "Détail de chaque calcul : footprint explain PRODUIT --origin PAYS --month MOIS.",
        "footprint — data: AGRIBALYSE 3.2 (ADEME), season calendars, DESNZ 2025 transport factors. "
        "Each calculation in detail: footprint explain PRODUCT --origin COUNTRY --month MONTH.",
    ),
    "pupil.production": ("Production", "Production"),
    "pupil.transport": ("Transport", "Transport"),
    "pupil.rest": ("Stockage et le reste", "Storage and the rest"),
    "pupil.total": ("Total (kg CO2e)", "Total (kg CO2e)"),
    "pupil.option": ("{qty} {of}{product} ({origin})", "{qty} of {product} ({origin})"),
    "pupil.more": (
        "En {month}, {a} émet environ {ratio} fois plus que {b}, surtout à cause {cause}.",
        "In {month}, {a} emits about {ratio} times as much as {b}, mostly because of {cause}.",
    ),
    "pupil.same": (
        "En {month}, {a} et {b} émettent à peu près autant.",
        "In {month}, {a} and {b} emit about the same.",
    ),
    "pupil.unsure": (
        "Attention : avec les incertitudes des données, l'écart n'est pas sûr.",
        "Careful: with the uncertainty of the data, the gap is not certain.",
    ),
    "pupil.cause.production": ("de la production (à la ferme)", "production (on the farm)"),
    "pupil.cause.heated": ("de la serre chauffée", "the heated greenhouse"),
    "pupil.cause.transport": ("du transport ({modes})", "transport ({modes})"),
    "pupil.cause.rest": (
        "du stockage au froid, de l'emballage et du magasin",
        "cold storage, packaging and the shop",
    ),
    "pupil.and": (" et ", " and "),
    "pupil.gap": (
        "La différence ({diff} kg CO2e) équivaut à {equivalents}.",
        "The difference ({diff} kg CO2e) is about as much as {equivalents}.",
    ),
    "pupil.or": (" ou ", " or "),
    "pupil.word.road": ("camion", "truck"),
    "pupil.word.rail": ("train", "train"),
    "pupil.word.sea": ("bateau", "ship"),
    "pupil.word.waterway": ("péniche", "barge"),
    "pupil.word.ferry": ("ferry", "ferry"),
    "pupil.word.air": ("avion", "plane"),
    "pupil.explain.title": ("Le calcul en bref", "The calculation in short"),
    "pupil.explain.leg": ("{mode} : {km} km → {kg} kg CO2e", "{mode}: {km} km → {kg} kg CO2e"),
    "pupil.explain.production": (
        "ce qu'émet la ferme pour produire 1 kg (AGRIBALYSE, ADEME)",
        "what the farm emits to produce 1 kg (AGRIBALYSE, ADEME)",
    ),
    "pupil.explain.rest": (
        "chambre froide, pertes, emballage, magasin",
        "cold storage, losses, packaging, shop",
    ),
    "pupil.legend": (
        "█ production  ░ transport  ▒ stockage et le reste",
        "█ production  ░ transport  ▒ storage and the rest",
    ),
    "pupil.source": ("Équivalents : {sources}.", "Equivalents: {sources}."),
    "quiz.title": ("Quiz : lequel émet le moins ?", "Quiz: which emits less?"),
    "quiz.question": ("Question {n}", "Question {n}"),
    "quiz.ask": (
        "Lequel émet le moins de gaz à effet de serre, de la ferme au magasin ?",
        "Which emits less greenhouse gas, from the farm to the shop?",
    ),
    "quiz.month": ("en {month}", "in {month}"),
    "quiz.by.air": ("en avion", "by plane"),
    "quiz.by.sea": ("en bateau", "by ship"),
    "quiz.by.road": ("en camion", "by truck"),
    "quiz.by.rail": ("en train", "by train"),
    "quiz.answer": ("Réponse : {letter}", "Answer: {letter}"),
    "quiz.values": (
        "{winner} : {low} kg CO2e ; {loser} : {high} kg CO2e.",
        "{winner}: {low} kg CO2e; {loser}: {high} kg CO2e.",
    ),
    "quiz.why": (
        "Pourquoi ? L'autre émet environ {ratio} fois plus, surtout à cause {cause}.",
        "Why? The other emits about {ratio} times as much, mostly because of {cause}.",
    ),
    "quiz.gap": ("L'écart équivaut à {equivalent}.", "The gap is about {equivalent}."),
    "quiz.lesson.local_loses": ("Local, mais hors saison.", "Local, but out of season."),
    "quiz.lesson.transport_matters": ("Le mode de transport compte.", "The transport mode matters."),
    "quiz.lesson.production_dominates": ("La production pèse le plus.", "Production weighs most."),
    "quiz.key": ("Corrigé", "Answer key"),
    "quiz.intro": (
        "Dix questions tirées des données de footprint : chaque réponse est calculée par l'outil "
        "(kg CO2e pour 1 kg, du champ au magasin, consommé en France).",
        "Ten questions drawn from footprint's data: every answer is computed by the tool "
        "(kg CO2e per kg, farm to shop, eaten in France).",
    ),
    "quiz.back": ("verso", "back"),
    "quiz.print": (
        "Imprimer en recto verso (bord long) puis découper : chaque réponse tombe au dos de sa question.",
        "Print double-sided (long edge), then cut: each answer falls behind its question.",
    ),
}
