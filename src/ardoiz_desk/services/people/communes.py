"""The official directory of French communes: completion as the agent types, and resolution.

The directory ships as ``resources/communes.tsv.gz`` (built by ``scripts/refresh_communes.py``
from the npm package ``@etalab/decoupage-administratif``: INSEE's Code officiel géographique
with La Poste's postal codes). It is read once, on first use (about 0.2 s), and then answers
in well under a millisecond: names are searched accent- and case-insensitively in one folded
text, postal codes by bisection.

Former communes (merged into a *commune nouvelle*, or associated) are kept with the current
commune they belong to, so "Ribiers" is understood as Val Buëch-Méouge (05118).
"""

from __future__ import annotations

import bisect
import gzip
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ardoiz_desk.paths import resources_dir
from ardoiz_desk.store.text import fold

RESOURCE = "communes.tsv.gz"


class Commune(NamedTuple):
    """A current commune (or a municipal arrondissement) of the official directory."""

    insee: str
    nom: str
    codes_postaux: tuple[str, ...]
    population: int = 0
    parent: str = ""  # for a municipal arrondissement, its commune's INSEE code

    @property
    def departement(self) -> str:
        """The département's code (two characters, three overseas)."""
        return self.insee[:3] if self.insee.startswith("97") else self.insee[:2]

    @property
    def label(self) -> str:
        """'Sisteron (04)': how a commune is shown in a list of suggestions."""
        return f"{self.nom} ({self.departement})"


class FormerCommune(NamedTuple):
    """A commune that no longer exists on its own, and the current commune it belongs to."""

    insee: str
    nom: str
    current: Commune


@dataclass(frozen=True)
class Suggestion:
    """One completion: a commune, the postal code typed (if any), a former name matched."""

    commune: Commune
    code_postal: str = ""
    former: str = ""

    @property
    def text(self) -> str:
        """The line shown in the completion list."""
        codes = self.code_postal or ", ".join(self.commune.codes_postaux[:4])
        if len(self.commune.codes_postaux) > 4 and not self.code_postal:
            codes += ", …"
        former = f" — ancienne commune {self.former}" if self.former else ""
        return f"{self.commune.label}{former} — {codes}"


@dataclass
class CommuneDirectory:
    """Every commune, indexed by INSEE code, folded name and postal code."""

    vintage: str = ""
    by_insee: dict[str, Commune] = field(default_factory=dict)
    former_by_insee: dict[str, list[FormerCommune]] = field(default_factory=dict)
    by_name: dict[str, list[Commune]] = field(default_factory=dict)
    former_by_name: dict[str, list[FormerCommune]] = field(default_factory=dict)
    # Search structures: one folded text of every name ("\n" before each), the entry each
    # name's start offset belongs to, and (postal code, commune) pairs in order.
    _haystack: str = ""
    _starts: list[int] = field(default_factory=list)
    _entries: list[tuple[Commune, str]] = field(default_factory=list)
    _postal: list[tuple[str, str]] = field(default_factory=list)
    _folded: dict[str, str] = field(default_factory=dict)

    @classmethod
    def parse(cls, text: str) -> CommuneDirectory:
        """Build the directory from the resource's text."""
        directory = cls()
        formers: list[tuple[str, str, str]] = []
        for line in text.splitlines():
            if line.startswith("#"):
                if not directory.vintage:
                    directory.vintage = line.lstrip("# ").strip()
                continue
            if not line:
                continue
            kind, insee, nom, postal, parent, population = line.split("\t")
            if kind == "F":
                formers.append((insee, nom, parent))
                continue
            commune = Commune(insee, nom, tuple(postal.split()), int(population or 0), parent)
            directory.by_insee[insee] = commune
            folded = fold(nom)
            directory._folded[insee] = folded
            directory.by_name.setdefault(folded, []).append(commune)
        for insee, nom, parent in formers:
            current = directory.by_insee.get(parent)
            if current is None:
                continue
            former = FormerCommune(insee, nom, current)
            directory.former_by_insee.setdefault(insee, []).append(former)
            directory.former_by_name.setdefault(fold(nom), []).append(former)
        directory._index()
        return directory

    def _index(self) -> None:
        self._postal = sorted(
            (code, c.insee) for c in self.by_insee.values() for code in c.codes_postaux
        )

    def _names(self) -> tuple[str, list[int], list[tuple[Commune, str]]]:
        """The folded text of every name, built on the first completion (checking a bundle's
        communes never needs it), under the directory's lock."""
        with _LOCK:
            if not self._starts:
                starts: list[int] = []
                entries: list[tuple[Commune, str]] = []
                parts: list[str] = []
                offset = 0
                folded_of = self._folded
                names = [(folded_of[c.insee], c, "") for c in self.by_insee.values()]
                for folded, formers in self.former_by_name.items():
                    names.extend(
                        (folded, f.current, f.nom) for f in formers if f.nom != f.current.nom
                    )
                names.sort(key=lambda n: (n[2] != "", -n[1].population))
                for folded, commune, former in names:
                    starts.append(offset)
                    entries.append((commune, former))
                    piece = f"\n{folded}"
                    parts.append(piece)
                    offset += len(piece)
                self._haystack = "".join(parts) + "\n"
                self._entries = entries
                self._starts = starts  # last: the others are set once it is
            return self._haystack, self._starts, self._entries

    # -- completion -------------------------------------------------------------------

    def complete(self, typed: str, limit: int = 12) -> list[Suggestion]:
        """Return suggestions for what the agent typed: a name (any part) or a postal code.

        Names that start with the text come first, then names with a word that starts with
        it, then (from three letters) names that contain it; within each, the most populous
        first: the names sit in the folded text in that order, so the search stops as soon
        as it has enough.
        """
        text = typed.strip()
        if not text:
            return []
        if text.isdigit():
            return self._complete_postal(text, limit)
        needle = fold(text)
        if not needle:
            return []
        hay, starts, entries = self._names()
        found: dict[tuple[str, str], Suggestion] = {}
        patterns = ["\n" + needle, " " + needle]
        if len(needle) >= 3:
            patterns.append(needle)
        for pattern in patterns:
            at = hay.find(pattern)
            while at >= 0 and len(found) < limit:
                commune, former = entries[bisect.bisect_right(starts, at) - 1]
                found.setdefault((commune.insee, former), Suggestion(commune, "", former))
                at = hay.find(pattern, at + 1)
            if len(found) >= limit:
                break
        return list(found.values())

    def _complete_postal(self, digits: str, limit: int) -> list[Suggestion]:
        i = bisect.bisect_left(self._postal, (digits, ""))
        out: list[Suggestion] = []
        while i < len(self._postal) and self._postal[i][0].startswith(digits) and len(out) < limit:
            code, insee = self._postal[i]
            out.append(Suggestion(self.by_insee[insee], code))
            i += 1
        return out

    # -- look-ups ---------------------------------------------------------------------

    def named(self, name: str) -> list[Commune]:
        """Current communes with this name (accents, case and punctuation ignored)."""
        return list(self.by_name.get(fold(name), ()))

    def formerly_named(self, name: str) -> list[FormerCommune]:
        """Former communes with this name."""
        return list(self.former_by_name.get(fold(name), ()))

    def serving(self, code_postal: str) -> list[Commune]:
        """Current communes served by a postal code."""
        i = bisect.bisect_left(self._postal, (code_postal, ""))
        out = []
        while i < len(self._postal) and self._postal[i][0] == code_postal:
            out.append(self.by_insee[self._postal[i][1]])
            i += 1
        return out

    def current_for(self, insee: str) -> Commune | None:
        """The current commune of an INSEE code (itself, or the one a former code joined)."""
        found = self.by_insee.get(insee)
        if found is not None:
            return found
        formers = self.former_by_insee.get(insee)
        return formers[0].current if formers else None

    def has_name(self, commune: Commune, name: str) -> str | None:
        """Whether a typed name designates this commune: '' (its own name), a former name, or
        None (another name)."""
        folded = fold(name)
        if folded == fold(commune.nom):
            return ""
        for former in self.former_by_name.get(folded, ()):
            if former.current.insee == commune.insee:
                return former.nom
        if commune.parent and folded == fold(self.by_insee[commune.parent].nom):
            return ""
        return None


_LOCK = threading.Lock()
_DIRECTORY: CommuneDirectory | None = None


def directory() -> CommuneDirectory:
    """The directory, read from the resource on first use (thread-safe)."""
    global _DIRECTORY
    with _LOCK:
        if _DIRECTORY is None:
            raw = gzip.decompress((resources_dir() / RESOURCE).read_bytes())
            _DIRECTORY = CommuneDirectory.parse(raw.decode("utf-8"))
        return _DIRECTORY


def complete_commune(typed: str, limit: int = 12) -> list[Suggestion]:
    """Suggestions for a commune field: by name (any word, accents ignored) or postal code."""
    return directory().complete(typed, limit)


@dataclass(frozen=True)
class CommuneResolution:
    """What a commune field resolves to, or why it is refused (French and English)."""

    nom: str
    code_insee: str
    code_postal: str
    error_field: str = ""
    error: str = ""
    error_en: str = ""
    note: str = ""
    note_en: str = ""
    choices: tuple[str, ...] = ()  # postal codes to choose from when several serve it


def _refuse(field_name: str, fr: str, en: str, nom="", insee="", postal="") -> CommuneResolution:
    return CommuneResolution(nom, insee, postal, field_name, fr, en)


def resolve_commune(nom: str, code_insee: str = "", code_postal: str = "") -> CommuneResolution:
    """Resolve what was typed about a commune against the official directory.

    A name alone gets its INSEE code (and its postal code when it has one only) when no
    other commune bears it; an INSEE code must belong to the commune named; a postal code
    must serve it; a former commune's name is accepted and mapped to its current commune,
    with a note. Inputs are assumed trimmed and well-formed (five characters).
    """
    nom, code_insee, code_postal = nom.strip(), code_insee.strip().upper(), code_postal.strip()
    if not (nom or code_insee or code_postal):
        return CommuneResolution("", "", "")
    d = directory()
    commune: Commune | None = None
    former_name = ""
    if code_insee:
        commune = d.by_insee.get(code_insee)
        if commune is None:
            formers = d.former_by_insee.get(code_insee)
            if not formers:
                return _refuse(
                    "commune_code_insee",
                    f"Code INSEE : {code_insee} n'est le code d'aucune commune.",
                    f"INSEE code {code_insee} belongs to no commune.",
                    nom,
                    code_insee,
                    code_postal,
                )
            commune, former_name = formers[0].current, formers[0].nom
        if nom:
            matched = d.has_name(commune, nom)
            if matched is None and former_name and fold(nom) == fold(former_name):
                matched = former_name
            if matched is None:
                owner = former_name or commune.nom
                return _refuse(
                    "commune_code_insee",
                    f"Code INSEE : {code_insee} est le code de {owner}, pas de {nom}.",
                    f"INSEE code {code_insee} is the code of {owner}, not of {nom}.",
                    nom,
                    code_insee,
                    code_postal,
                )
            former_name = matched
    elif nom:
        candidates = d.named(nom)
        if not candidates:
            formers = d.formerly_named(nom)
            currents = {f.current.insee: f for f in formers}
            if len(currents) == 1:
                former = next(iter(currents.values()))
                commune, former_name = former.current, former.nom
            else:
                candidates = [f.current for f in formers]
        if commune is None:
            if code_postal:
                candidates = [c for c in candidates if code_postal in c.codes_postaux]
            if len(candidates) == 1:
                commune = candidates[0]
            elif not candidates:
                if code_postal and (d.named(nom) or d.formerly_named(nom)):
                    return _postal_refused(nom, code_postal, d.named(nom))
                return _refuse(
                    "commune",
                    f"Commune : « {nom} » n'est pas une commune connue du Code officiel "
                    "géographique (choisissez-la dans la liste).",
                    f"commune: '{nom}' is not a commune of the official directory.",
                    nom,
                    code_insee,
                    code_postal,
                )
            else:
                # Several communes bear this name: keep it as typed, without codes.
                depts = ", ".join(sorted({c.departement for c in candidates}))
                return CommuneResolution(
                    nom,
                    "",
                    code_postal,
                    note=f"Plusieurs communes s'appellent {nom} ({depts}) : précisez le "
                    "code postal pour remplir le code INSEE.",
                    note_en=f"several communes are named {nom} ({depts}): "
                    "give the postal code to fill the INSEE code.",
                )
    else:
        serving = d.serving(code_postal)
        if not serving:
            return _refuse(
                "commune_code_postal",
                f"Code postal : {code_postal} ne dessert aucune commune.",
                f"postal code {code_postal} serves no commune.",
                nom,
                code_insee,
                code_postal,
            )
        if len(serving) > 1:
            return CommuneResolution("", "", code_postal)
        commune = serving[0]
    assert commune is not None
    if code_postal and code_postal not in commune.codes_postaux:
        return _postal_refused(commune.nom, code_postal, [commune])
    choices: tuple[str, ...] = ()
    if not code_postal:
        if len(commune.codes_postaux) == 1:
            code_postal = commune.codes_postaux[0]
        else:
            choices = commune.codes_postaux
    note = note_en = ""
    if former_name and fold(former_name) != fold(commune.nom):
        note = (
            f"{former_name} est une ancienne commune : elle fait partie de {commune.nom} "
            f"({commune.insee}) aujourd'hui."
        )
        note_en = f"{former_name} is a former commune, now part of {commune.nom} ({commune.insee})."
    return CommuneResolution(
        commune.nom, commune.insee, code_postal, note=note, note_en=note_en, choices=choices
    )


def _postal_refused(nom: str, code_postal: str, communes: Sequence[Commune]) -> CommuneResolution:
    served = ", ".join(sorted({p for c in communes for p in c.codes_postaux}))
    return _refuse(
        "commune_code_postal",
        f"Code postal : {code_postal} ne dessert pas {nom} ({served}).",
        f"postal code {code_postal} does not serve {nom} ({served}).",
        nom,
        "",
        code_postal,
    )
