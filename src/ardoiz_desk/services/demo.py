"""Realistic, reproducible demo data: CCSB seniors, agents, the three stages, follow-ups.

The same seed on the same day gives the same content (and so the same digest): every id
and value comes from one seeded random generator.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
import uuid
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

from ardoiz_desk.services.sites.sites import (
    ensure_default_directory,
    list_sites,
    territory_communes,
)
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.engine import bulk_insert_new
from ardoiz_desk.store.models import (
    Activity,
    Agent,
    AgentTraining,
    Attendance,
    FollowUp,
    Participant,
    attendance_id,
    training_id,
)

FEMALE = (
    "Hélène",
    "Françoise",
    "Josette",
    "Monique",
    "Geneviève",
    "Odette",
    "Thérèse",
    "Renée",
    "Jacqueline",
    "Colette",
    "Marie-Claude",
    "Germaine",
    "Simone",
    "Yvette",
    "Danièle",
    "Élisabeth",
    "Marcelle",
    "Andrée",
    "Noëlle",
    "Mireille",
    "Solange",
    "Cécile",
    "Bernadette",
    "Paulette",
    "Huguette",
    "Jeannine",
    "Lucienne",
    "Ginette",
    "Éliane",
    "Marthe",
    "Suzanne",
    "Raymonde",
    "Josiane",
    "Évelyne",
    "Maryse",
    "Rolande",
    "Nicole",
    "Chantal",
)
MALE = (
    "Gérard",
    "René",
    "Marcel",
    "André",
    "Jean-Pierre",
    "Raymond",
    "Lucien",
    "Frédéric",
    "Joël",
    "Gilbert",
    "Maurice",
    "Émile",
    "Henri",
    "Jérôme",
    "François",
    "Guy",
    "Noël",
    "Honoré",
    "Aimé",
    "Régis",
    "Séraphin",
    "Félix",
    "Roger",
    "Marius",
    "Fernand",
    "Léon",
    "Albert",
    "Édouard",
    "Gaston",
    "Germain",
    "Hervé",
    "Michel",
    "Robert",
    "Roland",
    "Serge",
    "Yves",
    "Jacques",
)
SURNAMES = (
    "Dupré",
    "Lefèvre",
    "Bérard",
    "Garcin",
    "Roux",
    "Blanc",
    "Reynaud",
    "Arnaud",
    "Richaud",
    "Chabrand",
    "Gueyraud",
    "Féraud",
    "Aubéry",
    "Brémond",
    "Girard",
    "Martin",
    "Mégy",
    "Léautaud",
    "Faure",
    "Peyron",
    "Imbert",
    "Bonnefoy",
    "Chauvet",
    "Désidéri",
    "Espitalier",
    "Thélène",
    "Gonzalès",
    "Müller",
    "Nicolaï",
    "Vallée",
    "Sénéquier",
    "Ollivier",
    "Bœuf",
    "Achard",
    "Allègre",
    "Audibert",
    "Barbier",
    "Bernard",
    "Blanchard",
    "Bonnet",
    "Borel",
    "Brun",
    "Chabert",
    "Chaix",
    "Clément",
    "Collomb",
    "Coste",
    "Daumas",
    "Eyraud",
    "Fabre",
    "Gauthier",
    "Giraud",
    "Guigues",
    "Jacquet",
    "Jullien",
    "Laugier",
    "Magnan",
    "Marcellin",
    "Martel",
    "Mathieu",
    "Michel",
    "Pascal",
    "Pellegrin",
    "Pons",
    "Rambaud",
    "Reboul",
    "Rey",
    "Ricard",
    "Roche",
    "Rougon",
    "Sauvaire",
    "Silvestre",
    "Turcan",
    "Villard",
    "Bouchet",
    "Corréard",
    "Estienne",
    "Gras",
    "Lantelme",
    "Maurel",
    "Orcière",
    "Pélissier",
    "Sarlin",
)
AGENT_NAMES = (
    "Camille Roussel",
    "Nadia Benali",
    "Sébastien Arnoux",
    "Aurélie Castel",
    "Julien Mathéo",
    "Émilie Garnier",
    "Karim Haddad",
    "Léa Fabre",
    "Thomas Pélissier",
    "Inès Moreau",
    "Mathilde Crémieux",
    "Yannick Bœuf",
    "Chloé Vial",
    "Rémi Tardieu",
    "Sophie Lachaud",
    "Hugo Bérenger",
    "Manon Estève",
    "Nicolas Giraud",
)
WORKSHOPS = (
    ("Découvrir sa tablette Ardoiz", ["prendre_en_main_du_materiel"]),
    ("Envoyer et lire ses e-mails", ["email"]),
    ("Appels vidéo avec ses proches", ["reseaux_sociaux"]),
    ("Naviguer sur internet en sécurité", ["navigation_sur_internet", "securite_numerique"]),
    ("Photos : prendre, ranger, partager", ["gere_ses_contenus_numeriques"]),
    ("Démarches en ligne : premiers pas", ["aide_aux_demarches_administratives"]),
    ("Santé : prendre rendez-vous en ligne", ["sante"]),
)
INDIVIDUAL_THEMES = (
    "prendre_en_main_du_materiel",
    "email",
    "navigation_sur_internet",
    "securite_numerique",
    "aide_aux_demarches_administratives",
    "banque_et_achats_en_ligne",
    "reseaux_sociaux",
)
AUTONOMY_LADDER = ("entierement_accompagne", "partiellement_autonome", "autonome")
REASONS = (
    "Revoir l'envoi de photos",
    "Configurer la messagerie",
    "Appel vidéo avec la famille",
    "Vérifier les mises à jour",
    "Créer un compte Ameli",
    "Reprendre les bases",
)


@dataclass(frozen=True)
class DemoSummary:
    """What the demo generator added."""

    participants: int
    activities: int
    attendances: int
    followups: int
    agents: int


class _Ids:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def __call__(self) -> str:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4).hex


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.25:
        return ""
    prefix = rng.choice(("04 92", "04 92", "04 75", "06", "07"))
    rest = [f"{rng.randrange(100):02d}" for _ in range(4 if len(prefix) == 2 else 3)]
    return " ".join([prefix, *rest])


def _participants(rng: random.Random, ids: _Ids, n: int, sites: list, today: dt.date) -> list[dict]:
    communes = territory_communes()
    rows = []
    for _ in range(n):
        female = rng.random() < 0.62
        prenom = rng.choice(FEMALE if female else MALE)
        nom = rng.choice(SURNAMES).upper() if rng.random() < 0.4 else rng.choice(SURNAMES)
        site = rng.choice(sites)
        near = [c for c in communes if site.commune_code_postal in c.codes_postaux] or communes
        commune = rng.choice(near) if rng.random() < 0.8 else rng.choice(communes)
        email = ""
        if rng.random() < 0.3:
            email = f"{prenom[0].lower()}.{nom.lower()}{rng.randrange(100)}@orange.fr"
            # Accents decomposed then dropped ("Émile" -> "e."): La Coop takes ASCII only.
            email = unicodedata.normalize("NFKD", email).encode("ascii", "ignore").decode()
            email = email.replace(" ", "")
        rows.append(
            dict(
                id=ids(),
                prenom=prenom,
                nom=nom,
                annee_naissance=rng.choice([None] + [rng.randint(1932, 1962)] * 12),
                commune=commune.nom,
                commune_code_insee=commune.insee,
                commune_code_postal=commune.codes_postaux[0],
                telephone=_phone(rng),
                email=email,
                genre="feminin" if female else "masculin",
                statut_social="retraite" if rng.random() < 0.9 else "non_communique",
                notes="",
                site_id=site.id,
                notice_given_on=today - dt.timedelta(days=rng.randint(0, 365)),
                tablet_status=rng.choice(("none", "owned", "owned", "loaned", "ordered")),
                autonomie=None,
            )
        )
    _register_twice(rng, ids, rows, sites)
    return rows


def _register_twice(rng: random.Random, ids: _Ids, rows: list[dict], sites: list) -> None:
    """Make one person in a hundred registered again at another counter, typed differently."""
    twins = len(rows) // 100
    for i in range(len(rows) - twins, len(rows)):
        original = rows[rng.randrange(len(rows) - twins)]
        other_sites = [s for s in sites if s.id != original["site_id"]] or sites
        rows[i] = original | dict(
            id=ids(),
            prenom=_unaccented(original["prenom"]),
            nom=_unaccented(original["nom"]).upper(),
            site_id=rng.choice(other_sites).id,
            email="",
        )


def _unaccented(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class DemoSeedUsedError(Exception):
    """The demo data of this seed is already in the base (nothing was added)."""

    def __init__(self, seed: int) -> None:
        super().__init__(f"demo data with seed {seed} is already in this base")
        self.seed = seed


def generate_demo(
    ws: Workspace, participants: int = 300, activities: int | None = None, seed: int = 1
) -> DemoSummary:
    """Add demo sites, agents, participants, activities, attendance and follow-ups."""
    rng = random.Random(seed)
    ids = _Ids(rng)
    today = ws.today()
    n_activities = activities if activities is not None else max(10, participants * 3 // 2)
    ensure_default_directory(ws)
    sites = [s for s in list_sites(ws) if s.kind != "coordination"]
    agents = [
        dict(id=ids(), name=AGENT_NAMES[i % len(AGENT_NAMES)], site_id=site.id, role="agent")
        for i, site in enumerate(s for s in sites for _ in range(2))
    ]
    people = _participants(rng, ids, participants, sites, today)
    by_site: dict[str, list[dict]] = {}
    for person in people:
        by_site.setdefault(person["site_id"], []).append(person)
    acts, presences, followups, trainings = [], [], [], []
    trainings_acts = _trainings(rng, ids, agents, sites, today, trainings)
    acts += trainings_acts
    seen: set[str] = set()
    level: dict[str, int] = {}
    for _ in range(n_activities):
        agent = rng.choice(agents)
        pool = by_site.get(agent["site_id"]) or people
        day = today - dt.timedelta(days=rng.randint(0, 364))
        collective = rng.random() < 0.3
        act = _activity(rng, ids, agent, day, collective)
        acts.append(act)
        chosen = (
            rng.sample(pool, min(len(pool), rng.randint(3, 9)))
            if collective
            else [rng.choice(pool)]
        )
        if act["type_lieu"] != "lieu_activite":  # La Coop needs the place's commune
            home = chosen[0]
            act |= dict(
                lieu_commune=home.get("commune", ""),
                lieu_code_postal=home.get("commune_code_postal", ""),
                lieu_code_insee=home.get("commune_code_insee", ""),
            )
        for person in chosen:
            pid = person["id"]
            step = min(2, level.get(pid, -1) + (1 if rng.random() < 0.5 else 0))
            level[pid] = max(step, 0)
            autonomy = AUTONOMY_LADDER[level[pid]]
            presences.append(
                dict(
                    id=attendance_id(act["id"], pid),
                    activity_id=act["id"],
                    participant_id=pid,
                    premiere_fois=pid not in seen,
                    note="",
                    autonomie=autonomy,
                )
            )
            seen.add(pid)
            person["autonomie"] = autonomy
            if not collective and rng.random() < 0.35:
                due = day + dt.timedelta(days=rng.choice((7, 14, 21, 28)))
                followups.append(
                    dict(
                        id=ids(),
                        participant_id=pid,
                        due_on=due,
                        reason=rng.choice(REASONS),
                        site_id=agent["site_id"],
                        done=due < today - dt.timedelta(days=3),
                        done_on=due if due < today - dt.timedelta(days=3) else None,
                    )
                )
    try:
        with ws.store.session() as session:
            bulk_insert_new(session, Agent, agents)
            bulk_insert_new(session, Participant, people)
            bulk_insert_new(session, Activity, acts)
            bulk_insert_new(session, Attendance, presences)
            bulk_insert_new(session, AgentTraining, trainings)
            bulk_insert_new(session, FollowUp, followups)
    except IntegrityError as exc:  # the same seed gives the same ids
        raise DemoSeedUsedError(seed) from exc
    return DemoSummary(len(people), len(acts), len(presences), len(followups), len(agents))


def _activity(rng: random.Random, ids: _Ids, agent: dict, day: dt.date, collective: bool) -> dict:
    base = dict(
        id=ids(),
        date=day,
        site_id=agent["site_id"],
        agent_id=agent["id"],
        tags=["Ardoiz"],
        type_lieu="lieu_activite",
        notes="",
        participants_anonymes=0,
        titre_atelier="",
        niveau=None,
        autonomie=None,
    )
    if collective:
        title, themes = rng.choice(WORKSHOPS)
        return base | dict(
            kind="collectif",
            duree_minutes=rng.choice((90, 120, 120)),
            thematiques=themes,
            materiel=["tablette"],
            titre_atelier=title,
            niveau=rng.choice(("debutant", "debutant", "intermediaire")),
            participants_anonymes=rng.choice((0, 0, 0, 1, 2)),
        )
    themes = sorted({"prendre_en_main_du_materiel", rng.choice(INDIVIDUAL_THEMES)})
    return base | dict(
        kind="individuel",
        duree_minutes=rng.choice((15, 30, 30, 45, 60, 60, 90, 120)),
        thematiques=themes,
        materiel=["tablette"],
        type_lieu="domicile" if rng.random() < 0.15 else "lieu_activite",
    )


def _trainings(
    rng: random.Random, ids: _Ids, agents: list[dict], sites: list, today: dt.date, out: list[dict]
) -> list[dict]:
    acts = []
    for month_ago in (11, 10):
        act = dict(
            id=ids(),
            kind="formation",
            date=today - dt.timedelta(days=30 * month_ago + rng.randint(0, 5)),
            duree_minutes=420,
            thematiques=["prendre_en_main_du_materiel"],
            materiel=["tablette"],
            tags=["Ardoiz"],
            type_lieu="lieu_activite",
            site_id=sites[0].id,
            agent_id=None,
            titre_atelier="Formation des agents à la tablette Ardoiz",
            niveau=None,
            autonomie=None,
            notes="",
            participants_anonymes=0,
        )
        acts.append(act)
    for agent in agents:
        act = rng.choice(acts)
        out.append(
            dict(
                id=training_id(act["id"], agent["id"]), activity_id=act["id"], agent_id=agent["id"]
            )
        )
    return acts
