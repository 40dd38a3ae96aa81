"""``participant add|edit|list|show``."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from ardoiz_desk.cli.common import add_command, workspace
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    commune_note,
    get_participant,
    input_from_view,
    register_participant,
    search_participants,
    update_participant,
    view_as_dict,
)
from ardoiz_desk.services.sites.sites import this_site


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``participant`` group."""
    group = sub.add_parser("participant", help="register, correct, list and show participants")
    inner = group.add_subparsers(dest="participant_command", metavar="ACTION", required=True)
    p = add_command(inner, "add", "register a participant; prints the new id", cmd_add)
    p.add_argument("--prenom", required=True)
    p.add_argument("--nom", required=True)
    p.add_argument("--annee-naissance")
    p.add_argument("--commune", default="")
    p.add_argument("--code-insee", default="")
    p.add_argument("--code-postal", default="")
    p.add_argument("--telephone", default="")
    p.add_argument("--email", default="")
    p.add_argument("--genre", default="non_communique")
    p = add_command(inner, "edit", "correct a participant: only the fields given change", cmd_edit)
    p.add_argument("id")
    p.add_argument("--prenom")
    p.add_argument("--nom")
    p.add_argument("--annee-naissance")
    p.add_argument("--commune", help="without --code-insee/--code-postal, the codes are looked up")
    p.add_argument("--code-insee")
    p.add_argument("--code-postal")
    p.add_argument("--telephone")
    p.add_argument("--email")
    p.add_argument("--notes")
    p = add_command(inner, "list", "one line per participant, id first", cmd_list)
    p.add_argument("--search", default="", help="accent- and case-insensitive text")
    p.add_argument("--limit", type=int)
    p = add_command(inner, "show", "everything held about one participant (JSON)", cmd_show)
    p.add_argument("id")


def cmd_add(args: argparse.Namespace, data_dir: Path) -> int:
    """Register a participant."""
    with workspace(data_dir) as ws:
        site = this_site(ws)
        data = ParticipantInput(
            prenom=args.prenom,
            nom=args.nom,
            annee_naissance=args.annee_naissance,
            commune=args.commune,
            commune_code_insee=args.code_insee,
            commune_code_postal=args.code_postal,
            telephone=args.telephone,
            email=args.email,
            genre=args.genre,
            site_id=site.id if site else None,
        )
        view = register_participant(ws, data)
        print(view.id)
        _tell_commune_note(data)
    return 0


def _tell_commune_note(data: ParticipantInput) -> None:
    """A former commune mapped to its current one: say so on stderr (stdout stays the id)."""
    note = commune_note(data)
    if note:
        print(f"note: {note[1]}", file=sys.stderr)


def cmd_list(args: argparse.Namespace, data_dir: Path) -> int:
    """List participants."""
    with workspace(data_dir) as ws:
        for v in search_participants(ws, args.search, limit=args.limit):
            year = v.annee_naissance or ""
            print(f"{v.id}\t{v.prenom} {v.nom}\t{year}\t{v.commune}\t{v.telephone}")
    return 0


def cmd_show(args: argparse.Namespace, data_dir: Path) -> int:
    """Show one participant as JSON."""
    with workspace(data_dir) as ws:
        print(json.dumps(view_as_dict(get_participant(ws, args.id)), ensure_ascii=False, indent=2))
    return 0


_EDITABLE = (
    ("prenom", "prenom"),
    ("nom", "nom"),
    ("annee_naissance", "annee_naissance"),
    ("commune", "commune"),
    ("code_insee", "commune_code_insee"),
    ("code_postal", "commune_code_postal"),
    ("telephone", "telephone"),
    ("email", "email"),
    ("notes", "notes"),
)


def cmd_edit(args: argparse.Namespace, data_dir: Path) -> int:
    """Correct a participant; an edit imported meanwhile to another field is kept."""
    with workspace(data_dir) as ws:
        base = input_from_view(get_participant(ws, args.id))
        changes = {
            field: getattr(args, option)
            for option, field in _EDITABLE
            if getattr(args, option) is not None
        }
        if "commune" in changes:
            # A new commune brings its own codes unless they are given.
            changes.setdefault("commune_code_insee", "")
            changes.setdefault("commune_code_postal", "")
        data = dataclasses.replace(base, **changes)
        update_participant(ws, args.id, data, based_on=base)
        print(args.id)
        if "commune" in changes:
            _tell_commune_note(data)
    return 0
