"""How strong a passphrase must be: zxcvbn's estimate, explained in French.

A passphrase protects a key by scrypt (about half a second per guess on a counter PC), but
a thief can run guesses for weeks on better hardware: we ask for at least 10^10 guesses in
zxcvbn's estimate (dictionary words, names, dates, keyboard runs and repeats all count
for little), which four unrelated words pass easily.
"""

from __future__ import annotations

from ardoiz_desk.services.validation import ValidationError

MIN_LENGTH = 10
#: log10 of the guesses zxcvbn estimates an attacker needs, at least.
MIN_GUESSES_LOG10 = 10.0
EXAMPLE = "« tablette rivière cerise Orpierre »"


def passphrase_weakness(passphrase: str, context: tuple[str, ...] = ()) -> str | None:
    """Return why a passphrase is too weak, in French (None when it is strong enough)."""
    text = passphrase.strip()
    if len(text) < MIN_LENGTH:
        return (
            f"Phrase secrète trop courte : {MIN_LENGTH} caractères au moins. Choisissez "
            f"quatre mots sans rapport entre eux, par exemple {EXAMPLE}."
        )
    from zxcvbn import zxcvbn  # about 50 ms to load its dictionaries: only when needed

    result = zxcvbn(text[:100], user_inputs=list(context))
    if float(result["guesses_log10"]) >= MIN_GUESSES_LOG10:
        return None
    return (
        f"Phrase secrète trop facile à deviner ({_why(result)}). Choisissez quatre mots sans "
        f"rapport entre eux, par exemple {EXAMPLE}, ou ajoutez des mots peu courants."
    )


def check_strength(passphrase: str, field: str = "passphrase") -> str:
    """Return the stripped passphrase, or raise ValidationError saying why it is weak."""
    problem = passphrase_weakness(passphrase)
    if problem:
        raise ValidationError({field: problem})
    return passphrase.strip()


def _why(result: dict) -> str:
    patterns = {m.get("pattern") for m in result.get("sequence", [])}
    if "repeat" in patterns:
        return "des caractères ou des mots répétés"
    if "sequence" in patterns or "spatial" in patterns:
        return "une suite de caractères ou de touches du clavier"
    if "date" in patterns or "regex" in patterns:
        return "une date ou une année"
    if "dictionary" in patterns:
        return "des mots ou des prénoms très courants"
    return "trop peu de combinaisons possibles"
