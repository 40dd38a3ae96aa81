"""Text folding for search: accents and case do not matter ("helene dupre" finds "Hélène DUPRÉ")."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^0-9a-z@.+]+")
_NON_DIGIT = re.compile(r"\D+")


@lru_cache(maxsize=32768)
def fold(text: str) -> str:
    """Return text without accents, lower-cased, with runs of punctuation turned into one space."""
    if text.isascii():
        return _NON_WORD.sub(" ", text.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("œ", "oe").replace("æ", "ae").replace("Œ", "oe").replace("Æ", "ae")
    return _NON_WORD.sub(" ", bare.lower()).strip()


def digits(text: str) -> str:
    """Return only the digits of a text (phone numbers typed with spaces or dots)."""
    return _NON_DIGIT.sub("", text)


def participant_search_key(
    prenom: str, nom: str, commune: str, telephone: str, email: str = ""
) -> str:
    """Return the folded text a participant is found by: names both ways, commune, phone."""
    names = f"{fold(prenom)} {fold(nom)} {fold(prenom)}"
    return f" {names} | {fold(commune)} | {digits(telephone)} | {fold(email)} "
