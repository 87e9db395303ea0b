"""Matching labels and origins of a purchase file: why a label or an origin is refused.

Product ids and place codes in the parameters are identifiers from the data, shown as they are.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- why a label names no product of the catalogue (after the score and closest products)
    "match.not_food": ("pas un aliment", "not a food"),
    "match.no_name": ("aucun nom de produit dans le libellé", "no product name in the label"),
    "match.first_word": (
        "le premier mot « {word} » n'est pas un produit connu",
        "first word '{word}' is not a known product",
    ),
    "match.not_in_catalogue": ("« {name} » n'est pas au catalogue", "'{name}' is not in the catalogue"),
    "match.made_of": (
        "un aliment à base de {food}, pas {product} lui-même : absent du catalogue",
        "a food made of {food}, not {product} itself: not in the catalogue",
    ),
    "match.another_food": (
        "« {food} » est un autre aliment : absent du catalogue",
        "'{food}' is another food: not in the catalogue",
    ),
    "match.with": (
        "{product} avec {other} : un autre aliment, absent du catalogue",
        "{product} with {other}: another food, not in the catalogue",
    ),
    "match.together": (
        "{product} et {other} nommés ensemble : absent du catalogue",
        "{product} and {other} named together: not in the catalogue",
    ),
    "match.transforming": (
        "« {word} » en fait un autre aliment que {product} : absent du catalogue",
        "'{word}' makes it another food than {product}: not in the catalogue",
    ),
    "match.processed": (
        "« {word} » : un produit transformé ou un plat, pas {product} tel quel",
        "'{word}': a processed food or dish, not {product} as such",
    ),
    "match.cooked": (
        "« {word} » : un plat cuisiné, pas {product} cru",
        "'{word}': a cooked dish, not raw {product}",
    ),
    "match.raw": (
        "« cru » : un ingrédient cru, pas le plat {product}",
        "'cru': a raw ingredient, not the dish {product}",
    ),
    "match.fresh": (
        "« {word} » : le produit frais, pas {product} : absent du catalogue",
        "'{word}': the fresh product, not {product}: not in the catalogue",
    ),
    # --- why an origin names no place ({origin}: the cell, quoted)
    "match.origin": ("origine non reconnue : {origin}", "origin not recognised: {origin}"),
    "match.origin.closest": (
        "origine non reconnue : {origin} (les plus proches : {closest})",
        "origin not recognised: {origin} (closest: {closest})",
    ),
    "match.several_countries": (
        "l'origine désigne plusieurs pays ({codes}) : en donner un seul",
        "origin names several countries ({codes}): give one",
    ),
    "match.fishing_area": (
        "zone de pêche FAO {area} sans pays de débarquement représentatif : donner le pays de débarquement",
        "fishing area FAO {area} has no proxy port country: give the landing country",
    ),
    "match.proxy_missing": (
        "le lieu représentatif {proxy} de {origin} manque aux données des lieux",
        "proxy place {proxy} for {origin} is not in the places data",
    ),
}
