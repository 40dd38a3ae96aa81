"""The shared folder as a mailbox: file names, what is in it, and what a bundle is complete for.

Pure functions (no base, no Qt) with their algebra:

- **Names never collide.** A replica writes ``ardoiz-<replica id>-<sequence>.ardoiz``; the
  replica id is unique in the territory and the sequence is drawn from its own base, so two
  replicas (or two processes of one) writing at the same moment write two files.
- **A delta cut since a vector F** carries every row holding a stamp F has not seen. A
  receiver whose own vector V covers F (V ≥ F pointwise) holds, once it applied the bundle,
  everything the sender held: it may raise V to the sender's vector. That is what makes
  acknowledgements true, and it can be decided at any later time (V only grows).
- **The floor** a sender cuts since is the meet (pointwise minimum) of what its peers told it
  they hold, so one bundle serves every reader; a peer that appears later lowers the floor
  and the next bundle covers it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ardoiz_desk.sync.inbox import BUNDLE_SUFFIX, classify
from ardoiz_desk.sync.rules import ZERO_STAMP

_OWN_NAME = re.compile(r"^ardoiz-([0-9a-f]{16})-(\d{8,})\.ardoiz$")
NOT_A_BUNDLE = "pas un paquet Ardoiz Desk"


@dataclass(frozen=True)
class MailboxEntry:
    """A file found in the shared folder: a bundle to read, or skipped with a reason (French)."""

    name: str  # relative to the folder, with "/" separators
    path: Path
    size: int
    mtime_ns: int
    skipped_reason: str = ""


def outgoing_name(replica_id: str, sequence: int) -> str:
    """Return the name of a replica's n-th bundle in the shared folder."""
    return f"ardoiz-{replica_id}-{sequence:08d}{BUNDLE_SUFFIX}"


def parse_name(name: str) -> tuple[str, int] | None:
    """Return (replica id, sequence) of a name written by :func:`outgoing_name`, else None."""
    match = _OWN_NAME.match(name.rsplit("/", 1)[-1])
    return (match.group(1), int(match.group(2))) if match else None


def list_mailbox(folder: Path) -> list[MailboxEntry]:
    """List the folder's files (recursively), by name; raise OSError if it cannot be read.

    Hidden files of sync clients are left out; other files that are not bundles are listed
    as skipped, so that the round's report says why they were not read.
    """
    entries: list[MailboxEntry] = []
    stack = [(folder, "")]
    while stack:
        current, prefix = stack.pop()
        with os.scandir(current) as it:
            for item in it:
                name = prefix + item.name
                if item.is_dir(follow_symlinks=False):
                    if not item.name.startswith("."):
                        stack.append((Path(item.path), name + "/"))
                    continue
                if not item.is_file():
                    continue
                reason = classify(Path(item.name))
                if reason is None:
                    if item.name.startswith("."):
                        continue
                    reason = NOT_A_BUNDLE
                st = item.stat()
                entries.append(
                    MailboxEntry(name, Path(item.path), st.st_size, st.st_mtime_ns, reason)
                )
    entries.sort(key=lambda e: e.name)
    return entries


def covers(vv: Mapping[str, str], other: Mapping[str, str]) -> bool:
    """Return True when ``vv`` has seen everything ``other`` has (pointwise ≥)."""
    return all(vv.get(replica, "") >= stamp for replica, stamp in other.items())


def floor_vector(
    own_vv: Mapping[str, str], peer_vvs: Iterable[Mapping[str, str]]
) -> dict[str, str]:
    """Return the meet of the peers' vectors over our replicas: what every peer holds.

    Empty when no peer has told us anything (then a bundle carries everything).
    """
    peers = list(peer_vvs)
    if not peers:
        return {}
    meet = {r: min(p.get(r, ZERO_STAMP) or ZERO_STAMP for p in peers) for r in own_vv}
    # "Nothing seen" need not be said: a vector without the entry means the same.
    return {r: stamp for r, stamp in meet.items() if stamp != ZERO_STAMP}


def lowered(now: Mapping[str, str], before: Mapping[str, str]) -> bool:
    """Return True when some entry of ``now`` is below ``before`` (a peer needs more)."""
    keys = set(now) | set(before)
    return any(now.get(r, ZERO_STAMP) < before.get(r, ZERO_STAMP) for r in keys)
