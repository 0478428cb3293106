"""The fixed frame of a synthetic registry (``gen_registry.py``): the agreement's clauses,
objectives and annex themes (``convention.yaml``), its parties (``parties.yaml``) and its
territories with their missions locales (``territoires.yaml``)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date
from typing import Any

from gen_text import (
    fact,
)

SIGNATURE = date(2023, 7, 18)

# --- convention.yaml ---------------------------------------------------------------------

CLAUSES = (
    ("Préambule", "Préambule", False),
    ("I", "Objet de la convention", False),
    ("II", "Engagements des parties", True),
    ("II.1", "Être en appui sur une liste de sujets définis de façon concertée", True),
    ("II.2", "Informer sur les appels à projets et les conventions de la DGOM", True),
    ("II.3", "Être en appui du réseau sur une connaissance des territoires et des publics",
     False),
    ("II.3.1", "Examen des demandes d'évaluations des missions locales", True),
    ("II.3.2", "Appui auprès des services de l'État sur l'application des politiques publiques",
     True),
    ("III", "Espaces d'animation, suivi et coordination des actions", False),
    ("IV", "Communication", False),
    ("V", "Durée et modification de la convention", False),
    ("VI", "Confidentialité", False),
    ("VII", "Droit applicable", False),
    ("Annexe", "Programme prévisionnel de sujets prioritaires du partenariat", False),
)
THEMES = (
    ("L'accès au logement pour les jeunes suivis par les missions locales", "logement"),
    ("La prise en charge des problématiques psychologiques", "sante-psy"),
    ("L'accompagnement des projets innovants des missions locales ultramarines", "innovation"),
    ("L'encouragement de la démarche du « aller vers » par des équipes mobiles", "aller-vers"),
    ("La facilitation des mobilités intra et extra territoriales des jeunes", "mobilite"),
    ("Mieux communiquer sur l'offre de service des missions locales", "communication"),
)
OBJECTIVE_TEXTS = (
    ("Connaissance mutuelle des missions locales et de la jeunesse ultramarine",
     "Favoriser la connaissance mutuelle autour des caractéristiques des Missions Locales et "
     "de la jeunesse des territoires d'Outre-Mer par le biais de temps d'échanges réguliers"),
    ("Solutions concrètes sur des sujets partagés, en coordination avec les acteurs",
     "Travailler des solutions concrètes sur des sujets spécifiques partagés, en coordination "
     "stratégique avec les différents acteurs (exemple : RSMA, LADOM, ADIE...)"),
    ("Application des politiques publiques en faveur des jeunes ultramarins",
     "Garantir l'application des politiques publiques relevant de leur compétence en faveur "
     "des jeunes dans les départements et régions d'Outre-mer, ainsi qu'à Saint-Martin"),
    ("Innovation et capacité d'initiative des acteurs de terrain",
     "Encourager et valoriser l'innovation et la capacité d'initiative des acteurs de terrain "
     "pour apporter des solutions nouvelles aux Missions Locales d'Outre-Mer"),
)


def convention_file(total_ml: int) -> dict[str, Any]:
    def regle(clause: str, text: str, **extra: Any) -> dict[str, Any]:
        return {"clause": clause, "citation": text, **extra}

    return {
        "titre": "Convention de partenariat 2023-2025",
        "sous_titre": "Formaliser un partenariat pour une meilleure coordination et des "
        "interventions au plus près des spécificités et besoins des jeunes ultramarins",
        "lieu_signature": "Paris",
        "date_signature": SIGNATURE,
        "duree_annees": 3,
        "clause_duree": "V",
        "citation_duree": "La convention pluriannuelle de partenariat est conclue pour une "
        "durée de 3 ans, à compter de sa date de signature.",
        "perimetre": {
            "nombre_missions_locales": total_ml,
            "jeunes_accompagnes_par_an": 80000,
            "jeunes_en_contact": 150000,
            "qualificatifs": {"jeunes_accompagnes_par_an": "plus_de",
                              "jeunes_en_contact": "plus_de"},
            "clause": "Préambule",
            "citation": f"Dans les territoires d'Outre-mer, {total_ml} missions locales "
            "(chiffre synthétique) assurent l'accueil et l'accompagnement de plus de 80 000 "
            "jeunes par an et sont en contact avec plus de 150 000 jeunes.",
        },
        "objectifs": [
            {"id": f"obj-{k}", "numero": k, "libelle": lib, "citation": cit, "clause": "I"}
            for k, (lib, cit) in enumerate(OBJECTIVE_TEXTS, start=1)
        ],
        "clauses": [{"id": cid, "titre": titre, "engageante": eng}
                    for cid, titre, eng in CLAUSES],
        "modalites_concertation": [
            {"id": "echanges-referents",
             "libelle": "Temps d'échanges par courriels/téléphone",
             "objectifs": ["Mettre en commun des données",
                           "Faire des points étape sur l'avancée des projets"],
             "participants": "Référent UNML et référent DGOM",
             "rythme": "Au fil de l'eau autant que nécessaire", "clause": "III"},
            {"id": "reunions-techniques",
             "libelle": "Réunions techniques, Groupe de Travail thématique mixte DGOM & ML",
             "objectifs": ["Réaliser des diagnostics partagés",
                           "Proposer des pistes de solutions concertées"],
             "participants": "DGOM et missions locales d'Outre-Mer mandatées",
             "rythme": "Autant que nécessaire sur décision commune", "clause": "III"},
            {"id": "commission-ultramarine",
             "libelle": "Commission ultramarine de l'UNML",
             "objectifs": ["Évaluer l'avancement des sujets", "Faire le bilan des actions"],
             "participants": "Commission ultramarine de l'UNML et DGOM",
             "rythme": "La fréquence d'1 fois par trimestre devra être recherchée",
             "frequence_annuelle_cible": 4, "clause": "III"},
        ],
        "regles": {
            "bilan_annuel": regle("V", "Un bilan annuel est à remettre au plus tard le 30 juin "
                                  "de l'année n+1", mois=6, jour=30, decalage_annees=1),
            "bilan_pluriannuel": regle("V", "Un bilan pluriannuel est à remettre au plus tard "
                                       "le 30 juin 2026.", date_limite=date(2026, 6, 30)),
            "prorogation": regle("V", "Elle pourra être prorogée d'un commun accord entre les "
                                 "deux parties."),
            "avenant": regle("V", "Toute modification de la présente convention fera l'objet "
                             "d'un avenant."),
            "alignement_partenariats": regle("V", "Tous les partenariats qui en découlent "
                                             "seraient alignés sur cette durée."),
            "communication": regle("IV", "Les parties s'engagent à valoriser publiquement leur "
                                   "partenariat au moment de la signature et a minima une fois "
                                   "par an.", a_la_signature=True, frequence_minimale="annuelle"),
            "confidentialite": regle("VI", "Les deux Parties s'engagent à ne divulguer aucune "
                                     "information confidentielle."),
            "financement": regle("V", "Cette convention ne donnera pas lieu à un financement "
                                 "direct de la part de la DGOM.", financement_direct=False),
            "droit_applicable": regle("VII", "La présente convention est régie par le droit "
                                      "français."),
            "objectifs_mesurables": regle("V", "Cette convention fera l'objet d'engagements "
                                          "réciproques et d'objectifs à atteindre (mesurables "
                                          "et pouvant être évalués)."),
        },
        "themes_annexe": [{"numero": k, "libelle": lib, "clause": f"Annexe {k}"}
                          for k, (lib, _slug) in enumerate(THEMES, start=1)],
        "references": [
            {"id": "rapport-mission-flash-2022",
             "libelle": "Rapport d'information sur la Mission flash relative aux Missions "
             "locales dans les outre-mer (janvier 2022)",
             "clause": "Préambule",
             "details": {"valeur": "Assemblée nationale, rapport d'information n° 4974",
                         "confiance": "haute",
                         "source": "assemblee-nationale.fr (page de titre)"}},
            {"id": "etude-itinere-orseu-2020",
             "libelle": "Étude ITINERE-ORSEU (2020) sur les dispositifs d'insertion",
             "clause": "II.3.1",
             "details": {"confiance": "non_verifie",
                         "note": "Étude non retrouvée dans les sources consultées."}},
        ],
        "avenants": [],
    }


# --- parties.yaml ------------------------------------------------------------------------

TUTELLE = {"type": "tutelle", "organisation": "dgom", "source": "Registre synthétique",
           "confiance": "haute"}
"""A sourced relation for each operator under the DGOM's tutelle (REL001)."""


def parties_file(rng: random.Random) -> dict[str, Any]:
    def personne(fonction: str) -> dict[str, Any]:
        return {"nom": f"{fonction} (nom synthétique)", "fonction": fonction,
                "source": "page de signature de la convention"}

    def referent(sigle: str) -> dict[str, Any]:
        return {
            "libelle": f"Référent {sigle}",
            "clause": "III",
            "citation": "Un référent unique au sein de chacune des parties est désigné.",
            "adresse_generique": fact(rng, f"referent-{sigle.lower()}@example.org",
                                      "annuaire synthétique (bench)"),
        }

    parties = [
        {"id": "dgom", "nom": "Direction générale des outre-mer", "sigle": "DGOM",
         "role": "partie", "siege": "Paris", "representant": personne("Directeur général"),
         "referent": referent("DGOM"),
         "alias": [{"nom": "DéGéOM", "depuis": "2008", "source": "décret n° 2013-728",
                    "confiance": "haute"}],
         "clause": "Préambule"},
        {"id": "unml", "nom": "Union nationale des missions locales", "sigle": "UNML",
         "role": "partie", "siege": "Paris", "representant": personne("Président"),
         "referent": referent("UNML"), "clause": "Préambule"},
        {"id": "arml-antilles-guyane",
         "nom": "Association régionale des missions locales Antilles-Guyane",
         "sigle": "ARML Antilles-Guyane", "role": "co_signataire",
         "representant": personne("Président"), "clause": "Préambule"},
        {"id": "arml-reunion", "nom": "Association régionale des missions locales de La Réunion",
         "sigle": "ARML Réunion", "role": "co_signataire",
         "representant": personne("Présidente"), "clause": "Préambule"},
    ]
    operateurs = [
        {"id": "ladom", "nom": "L'Agence de l'outre-mer pour la mobilité", "sigle": "LADOM",
         "clauses": ["I", "II.1"], "role": "Mobilité des jeunes ultramarins",
         "tutelle": "dgom", "relations": [TUTELLE],
         "details": [fact(rng, "Établissement public administratif", "ladom.fr")]},
        {"id": "rsma", "nom": "Service militaire adapté", "sigle": "RSMA",
         "clauses": ["I"], "role": "Insertion socioprofessionnelle", "tutelle": "dgom",
         "relations": [TUTELLE]},
        {"id": "adie", "nom": "Association pour le droit à l'initiative économique",
         "sigle": "ADIE", "clauses": ["I"], "role": "Microcrédit et création d'entreprise"},
        {"id": "france-travail", "nom": "France Travail", "sigle": "FT",
         "clauses": ["Préambule"], "role": "Service public de l'emploi",
         "details": [fact(rng, "Opérateur du service public de l'emploi",
                          "code du travail, article L. 5312-1")]},
    ]
    return {"parties": parties, "operateurs": operateurs}


# --- territoires.yaml --------------------------------------------------------------------

TERRITORIES = (  # id, name, status, INSEE, ISO, weight (the preamble's 4/3/1/1/2/1), ARML
    ("la-reunion", "La Réunion", "DROM", "974", "RE", 4, "arml-reunion"),
    ("martinique", "Martinique", "DROM", "972", "MQ", 3, "arml-antilles-guyane"),
    ("guadeloupe", "Guadeloupe", "DROM", "971", "GP", 1, "arml-antilles-guyane"),
    ("saint-martin", "Saint-Martin", "COM", "978", "MF", 1, "arml-antilles-guyane"),
    ("guyane", "Guyane", "DROM", "973", "GF", 2, "arml-antilles-guyane"),
    ("mayotte", "Mayotte", "DROM", "976", "YT", 1, "arml-reunion"),
)
TOWNS = ("Nord", "Sud", "Est", "Ouest", "Centre", "Littoral", "Hauts", "Bourg")


def split_total(total: int, weights: Sequence[int]) -> list[int]:
    """Split ``total`` proportionally to ``weights`` (largest remainder): sums to ``total``."""
    whole = sum(weights)
    shares = [total * w // whole for w in weights]
    remainders = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in remainders[: total - sum(shares)]:
        shares[i] += 1
    return shares


def territoires_file(rng: random.Random, total_ml: int) -> dict[str, Any]:
    counts = split_total(total_ml, [t[5] for t in TERRITORIES])
    territoires = []
    for (tid, nom, statut, insee, iso, _w, arml), count in zip(TERRITORIES, counts, strict=True):
        missions = []
        for k in range(1, count + 1):
            town = f"{rng.choice(TOWNS)} {k}"
            missions.append({
                "id": f"ml-{tid}-{k:03d}",
                "designation": f"Mission locale n° {k} ({nom})",
                "nom": fact(rng, f"Mission locale {town}", "annuaire synthétique (bench)"),
                "ville_siege": fact(rng, f"Ville {town}", "annuaire synthétique (bench)"),
                "arml": arml,
            })
        territoires.append({
            "id": tid, "nom": nom, "statut": statut, "code_insee": insee, "iso_3166_1": iso,
            "nombre_missions_locales": count, "clause": "Préambule",
            "missions_locales": missions,
            "rsma": fact(rng, f"RSMA {nom}", "rsma.gouv.fr (synthétique)"),
            "statut_source": "Constitution, articles 73 et 74 (synthétique)",
        })
    hors = [{
        "id": "collectivites-du-pacifique",
        "nom": "Nouvelle-Calédonie, Polynésie française, Wallis-et-Futuna",
        "nombre_missions_locales": 0, "clause": "Préambule",
        "citation": "Le périmètre de la convention couvre les cinq DROM et Saint-Martin.",
        "structures": {"confiance": "non_verifie",
                       "note": "Structures d'insertion propres, non recensées ici."},
    }]
    return {"territoires": territoires, "hors_perimetre": hors}
