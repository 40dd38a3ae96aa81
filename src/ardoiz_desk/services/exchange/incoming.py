"""What a bundle brings is checked with the validators of entry, before anything is merged.

Every synchronised column has a rule here, written with :mod:`ardoiz_desk.services.validation`
(the module the form and the command line use), so a validator tightened there applies to
imports too. Blank values pass (an erased person's fields are blank); everything else must
be what an agent could have typed: lengths, control characters, vocabularies, plausible
numbers and dates. Each distinct value is checked once.

A participant's commune, INSEE code and postal code must also agree with the official
directory, as entry checks them (:func:`check_commune`): an INSEE code of another commune, an
unknown one, or a postal code that does not serve the commune refuses the bundle. A name the
directory cannot resolve (older bases hold some; ``check`` lists them) and a former commune's
name with its current codes pass. Rows always travel whole (every synchronised column), so
the three values checked are the sender's row as it was written.

Beyond values: ``merged_into`` must name a record the bundle or this base holds, and the
bundle's own redirects must not loop.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import compress
from typing import Any

from sqlalchemy import Connection

from ardoiz_desk.services import vocabulary as vocab
from ardoiz_desk.services.people.communes import directory
from ardoiz_desk.services.validation import (
    Checker,
    check_birth_year,
    check_commune,
    check_email,
    check_insee,
    check_phone,
    check_postal_code,
)
from ardoiz_desk.store.hlc import STAMP_RE
from ardoiz_desk.store.models import Participant, synced_fields
from ardoiz_desk.sync.errors import BundleError
from ardoiz_desk.sync.guards import drop_revoked_rows, rebase_future_stamps
from ardoiz_desk.sync.merge import DecodedBundle, StampSummary
from ardoiz_desk.sync.reading import BundleStream
from ardoiz_desk.sync.wire_rows import TableIO

Rule = Callable[[Checker, Any, dt.date], None]
#: Dates a bundle may carry: never more than this beyond the reader's today (drift).
DATE_SLACK = dt.timedelta(days=2)
MAX_DUE_YEARS = 10
MAX_MINUTES = 24 * 60
MAX_ANONYMOUS = 500
MAX_TAGS, MAX_TAG_LEN = 32, 80
_ID = re.compile(r"[0-9a-f]{32}")
# Whether the entry validator distinguishes multi-line fields (notes keep their line breaks).
_TEXT_KNOWS_LINES = "multiline" in inspect.signature(Checker.text).parameters


def _no_controls(c: Checker, name: str, label: str, value: str, multiline: bool) -> None:
    allowed = "\n\t" if multiline else ""
    for ch in value:
        if ch not in allowed and unicodedata.category(ch) in ("Cc", "Cs"):
            c.fail(name, f"{label} : caractère de contrôle interdit (U+{ord(ch):04X}).")
            return


def _text(name: str, label: str, max_len: int, *, multiline: bool = False) -> Rule:
    def rule(c: Checker, value: Any, _today: dt.date) -> None:
        if not isinstance(value, str):
            c.fail(name, f"{label} : texte attendu.")
            return
        if _TEXT_KNOWS_LINES:  # the entry validator itself refuses control characters
            c.text(name, label, value, max_len=max_len, multiline=multiline)  # type: ignore[call-arg]
        else:
            c.text(name, label, value, max_len=max_len)
        _no_controls(c, name, label, value, multiline)

    return rule


def _choice(name: str, label: str, allowed: Iterable[str]) -> Rule:
    allowed = tuple(allowed)
    return lambda c, value, _today: c.choice(name, label, value, allowed) and None


def _choices(name: str, label: str, allowed: Iterable[str]) -> Rule:
    allowed = tuple(allowed)

    def rule(c: Checker, value: Any, _today: dt.date) -> None:
        if not isinstance(value, list) or len(value) > len(allowed):
            c.fail(name, f"{label} : liste invalide.")
            return
        for item in value:
            c.choice(name, label, item, allowed)

    return rule


def _tags(c: Checker, value: Any, _today: dt.date) -> None:
    if not isinstance(value, list) or len(value) > MAX_TAGS:
        c.fail("tags", f"Étiquettes : {MAX_TAGS} au plus.")
        return
    for tag in value:
        _text("tags", "Étiquette", MAX_TAG_LEN)(c, tag, _today)


def _int_range(name: str, label: str, low: int, high: int) -> Rule:
    def rule(c: Checker, value: Any, _today: dt.date) -> None:
        if type(value) is not int or not low <= value <= high:
            c.fail(name, f"{label} : entre {low} et {high}.")

    return rule


def _date(name: str, label: str, *, future_years: int = 0) -> Rule:
    def rule(c: Checker, value: Any, today: dt.date) -> None:
        day = dt.date.fromisoformat(value)
        latest = today + DATE_SLACK
        if future_years:
            latest = latest.replace(year=latest.year + future_years)
        if not dt.date(1900, 1, 1) <= day <= latest:
            c.fail(name, f"{label} : date invalide ({day:%d/%m/%Y}).")

    return rule


def _birth_year(c: Checker, value: Any, today: dt.date) -> None:
    if type(value) is not int:
        c.fail("annee_naissance", "Année de naissance : un nombre est attendu.")
        return
    check_birth_year(c, value, today.year)


def _via(check: Callable[[Checker, str], str]) -> Rule:
    return lambda c, value, _today: check(c, value) and None


def _id(name: str, label: str) -> Rule:
    def rule(c: Checker, value: Any, _today: dt.date) -> None:
        if not isinstance(value, str) or not _ID.fullmatch(value):
            c.fail(name, f"{label} : identifiant invalide.")

    return rule


def _provenance(c: Checker, value: Any, _today: dt.date) -> None:
    fields = set(synced_fields(Participant))
    ok = isinstance(value, dict) and len(value) <= len(fields)
    for name, source in value.items() if ok else ():
        ok = ok and name in fields and isinstance(source, list) and len(source) == 2
        ok = ok and bool(_ID.fullmatch(str(source[0]))) and bool(STAMP_RE.match(str(source[1])))
    if not ok:
        c.fail("merged_fields", "Champs repris d'une fusion : valeur invalide.")


def _anonymous_breakdown(c: Checker, value: Any, _today: dt.date) -> None:
    """The anonymous participants' breakdown: known families and codes, counts in range."""
    families = vocab.ANONYMOUS_BREAKDOWN
    ok = isinstance(value, dict)
    for key, counts in value.items() if ok else ():
        if key == vocab.ALREADY_ACCOMPANIED:
            ok = ok and isinstance(counts, int) and 0 <= counts <= MAX_ANONYMOUS
            continue
        ok = ok and key in families and isinstance(counts, dict)
        for code, n in counts.items() if ok else ():
            ok = ok and code in families[key] and isinstance(n, int) and 0 <= n <= MAX_ANONYMOUS
    if not ok:
        c.fail("anonymes", "Participants anonymes : répartition invalide.")


RULES: dict[str, dict[str, Rule]] = {
    "sites": {
        "code": _text("code", "Code du site", 32),
        "name": _text("name", "Nom du site", 120),
        "kind": _choice("kind", "Type de site", vocab.SITE_KINDS),
        "commune": _text("commune", "Commune", 80),
        "commune_code_insee": _via(check_insee),
        "commune_code_postal": _via(check_postal_code),
    },
    "agents": {
        "name": _text("name", "Nom de l'agent", 120),
        "role": _choice("role", "Rôle", vocab.AGENT_ROLES),
    },
    "participants": {
        "prenom": _text("prenom", "Prénom", 80),
        "nom": _text("nom", "Nom", 80),
        "annee_naissance": _birth_year,
        "commune": _text("commune", "Commune", 80),
        "commune_code_insee": _via(check_insee),
        "commune_code_postal": _via(check_postal_code),
        "telephone": _via(check_phone),
        "email": _via(check_email),
        "genre": _choice("genre", "Genre", vocab.GENRES),
        "statut_social": _choice("statut_social", "Statut social", vocab.STATUTS_SOCIAUX),
        "notes": _text("notes", "Notes", 4000, multiline=True),
        "notice_given_on": _date("notice_given_on", "Notice d'information"),
        "tablet_status": _choice("tablet_status", "Tablette", vocab.TABLET_STATUSES),
        "autonomie": _choice("autonomie", "Autonomie", vocab.AUTONOMIES),
        "merged_into": _id("merged_into", "Fusionné avec"),
        "merged_fields": _provenance,
    },
    "activities": {
        "kind": _choice("kind", "Type d'activité", vocab.ACTIVITY_KINDS),
        "date": _date("date", "Date"),
        "duree_minutes": _int_range("duree_minutes", "Durée (minutes)", 1, MAX_MINUTES),
        "type_lieu": _choice("type_lieu", "Lieu", vocab.TYPES_LIEU),
        "materiel": _choices("materiel", "Matériel", vocab.MATERIELS),
        "thematiques": _choices("thematiques", "Thématique", vocab.THEMATIQUES),
        "tags": _tags,
        "titre_atelier": _text("titre_atelier", "Titre de l'atelier", 200),
        "niveau": _choice("niveau", "Niveau", vocab.NIVEAUX),
        "autonomie": _choice("autonomie", "Autonomie", vocab.AUTONOMIES),
        "oriente": _choice("oriente", "Orienté vers une structure", vocab.ORIENTE_LABELS),
        "structure_de_redirection": _choice(
            "structure_de_redirection", "Structure de redirection", vocab.STRUCTURES_REDIRECTION
        ),
        "precisions_demarche": _text("precisions_demarche", "Nom de la démarche", 200),
        "lieu_commune": _text("lieu_commune", "Commune du lieu", 100),
        "lieu_code_postal": _via(check_postal_code),
        "lieu_code_insee": _via(check_insee),
        "notes": _text("notes", "Notes", 4000, multiline=True),
        "participants_anonymes": _int_range(
            "participants_anonymes", "Participants anonymes", 0, MAX_ANONYMOUS
        ),
        "anonymes": _anonymous_breakdown,
    },
    "attendances": {
        "note": _text("note", "Note de présence", 2000, multiline=True),
        "autonomie": _choice("autonomie", "Autonomie observée", vocab.AUTONOMIES),
    },
    "followups": {
        "due_on": _date("due_on", "Échéance", future_years=MAX_DUE_YEARS),
        "reason": _text("reason", "Motif", 300),
        "done_on": _date("done_on", "Fait le"),
    },
}


_SCALARS = frozenset({str, int, bool, type(None)})


#: Shapes every rule of that column accepts, as stored (checked against the rule in the
#: tests): the values of a large bundle that have them skip the entry validator.
_SURELY_VALID: dict[tuple[str, str], re.Pattern[str]] = {
    # 04 92 61 00 00 as stored, or 0492610000 as older bases and imports hold it
    ("participants", "telephone"): re.compile(r"0[1-9](?: ?[0-9]{2}){4}", re.ASCII),
}


def _distinct(values: list[Any]) -> list[Any]:
    types = set(map(type, values))
    if types <= _SCALARS and not {int, bool} <= types:  # 1 and True must not merge
        scalars = dict.fromkeys(values)
        scalars.pop(None, None)
        scalars.pop("", None)
        return list(scalars)
    if types <= {list, dict, type(None)}:
        values = list(compress(values, values))  # no None, [] or {}
    out: dict[Any, Any] = {}
    for v in values:
        if v is None or v == "" or v == [] or v == {}:
            continue
        key = json.dumps(v, sort_keys=True) if isinstance(v, list | dict) else (type(v), v)
        out.setdefault(key, v)
    return list(out.values())


def check_values(bundle: DecodedBundle, today: dt.date) -> None:
    """Refuse (BundleError, reason ``values``) a bundle carrying a value entry would refuse."""
    for table, (columns, data) in bundle.tables.items():
        rules = RULES.get(table, {})
        for name, values in zip(columns[3:], data[3:], strict=False):
            rule = rules.get(name)
            if rule is None:
                continue
            surely = _SURELY_VALID.get((table, name))
            for value in _distinct(values):
                if surely is not None and type(value) is str and surely.fullmatch(value):
                    continue
                c = Checker()
                rule(c, value, today)
                if c.errors:
                    problem = next(iter(c.errors.values())).rstrip(".")
                    raise BundleError(
                        f"une valeur de « {table}.{name} » est refusée ({problem[:200]})",
                        "values",
                    )
    check_communes(bundle)


_COMMUNE_COLUMNS = ("commune", "commune_code_insee", "commune_code_postal")
#: Entry's refusals a bundle is refused for; a name alone the directory does not know
#: (error on ``commune``) is accepted, as older bases hold such names.
_CODE_ERRORS = ("commune_code_insee", "commune_code_postal")


def check_communes(bundle: DecodedBundle) -> None:
    """Refuse (reason ``values``) a participant whose commune and codes disagree with the
    directory. Columns a bundle lacks count as blank; each distinct triple is resolved once
    (the directory is in memory)."""
    if "participants" not in bundle.tables:
        return
    columns, data = bundle.tables["participants"]
    if not any(name in columns for name in _COMMUNE_COLUMNS):
        return
    blank = [""] * len(data[0])
    carried = [data[columns.index(n)] if n in columns else blank for n in _COMMUNE_COLUMNS]
    for triple in set(zip(*carried, strict=True)):
        nom, insee, postal = (str(v or "") for v in triple)
        if not (nom or insee or postal):
            continue  # no commune, or an erased person
        c = Checker()
        check_commune(c, nom, insee, postal)
        problem = next((c.errors[f] for f in _CODE_ERRORS if f in c.errors), None)
        if problem is None and postal and not directory().serving(postal):
            problem = f"Code postal : {postal} ne dessert aucune commune."
        if problem:
            raise BundleError(
                f"la commune d'une fiche est refusée ({problem.rstrip('.')[:200]})", "values"
            )


class Redirects:
    """The bundle's redirects (``merged_into``), collected section by section and checked
    once merged: each target must be a record of the bundle or this base, and the bundle's
    own redirects must not loop."""

    def __init__(self) -> None:
        self.targets: dict[str, str] = {}

    def add(self, bundle: DecodedBundle) -> None:
        """Collect the redirects a part of the bundle carries."""
        if "participants" not in bundle.tables:
            return
        columns, data = bundle.tables["participants"]
        if "merged_into" in columns:
            at = columns.index("merged_into")
            self.targets.update((i, t) for i, t in zip(data[0], data[at], strict=True) if t)

    def check(self, conn: Connection, *, raw: bool | None = None) -> None:
        """Refuse targets that exist nowhere (the bundle's rows are merged by now), and loops
        within the bundle."""
        targets = self.targets
        wanted = set(targets.values()) - set(targets)
        missing = wanted - TableIO(conn, Participant, raw=raw).existing_ids(sorted(wanted))
        if missing:
            raise BundleError(
                f"{len(missing)} fiche(s) y sont fusionnées avec une fiche qui n'existe nulle part",
                "references",
            )
        done: set[str] = set()
        for start in targets:
            path: list[str] = []
            node = start
            while node in targets and node not in done:
                if node in path:
                    raise BundleError(
                        "des fiches y sont fusionnées les unes dans les autres en boucle", "altered"
                    )
                path.append(node)
                node = targets[node]
            done.update(path)


class CheckedStream:
    """A bundle's sections as the merge receives them: each checked as at entry (values,
    communes), its redirects collected, then guarded (``sync/guards``): stamps ahead rebased
    when a person approved the bundle's clock, rows of revoked replicas left out."""

    def __init__(
        self,
        stream: BundleStream,
        today: dt.date,
        revoked_at: Mapping[str, str],
        *,
        approve_clock: bool = False,
        fresh: Callable[[], str] | None = None,
        limit: str = "",
    ) -> None:
        self.stream = stream
        self.today = today
        self.revoked_at = revoked_at
        self.approve_clock = approve_clock
        self.fresh = fresh
        self.limit = limit
        self.redirects = Redirects()
        #: the stamps of what is merged (after the guards)
        self.kept = StampSummary()
        self.dropped = 0
        self.rebased = False

    def __iter__(self) -> Iterator[DecodedBundle]:
        for chunk in self.stream.chunks():
            check_values(chunk, self.today)
            self.redirects.add(chunk)
            if self.approve_clock and self.fresh and chunk.max_stamp > self.limit:
                chunk = rebase_future_stamps(chunk, self.limit, self.fresh)
                self.rebased = True
            chunk, dropped = drop_revoked_rows(chunk, self.revoked_at)
            self.dropped += dropped
            self.kept.add_bundle(chunk)
            yield chunk

    def note(self) -> str:
        """What the guards changed, for the outcome's message."""
        note = ""
        if self.rebased:
            note = " Dates en avance remplacées par celles de cet ordinateur (approuvé)."
        if self.dropped:
            note += (
                f" {self.dropped} ligne(s) écrite(s) par une installation révoquée après sa "
                "révocation écartée(s)."
            )
        return note
