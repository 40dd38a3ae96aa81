"""Files are written whole or not at all: a full disk leaves the old file and no debris."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from ardoiz_desk.services.files import write_atomically


def test_a_full_disk_leaves_the_previous_file_and_no_partial_one(tmp_path, monkeypatch) -> None:
    target = tmp_path / "site.ardoiz"
    write_atomically(target, b"previous bundle")

    def full_disk(self, data):
        raise OSError(errno.ENOSPC, "No space left on device", str(self))

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    with pytest.raises(OSError) as info:
        write_atomically(target, b"new bundle")
    assert info.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"previous bundle"
    assert [p.name for p in tmp_path.iterdir()] == ["site.ardoiz"]


def test_text_and_bytes_are_written_whole(tmp_path) -> None:
    assert (
        write_atomically(tmp_path / "a" / "r.txt", "Hélène").read_text(encoding="utf-8") == "Hélène"
    )
    assert (tmp_path / "b.bin").exists() is False
    write_atomically(tmp_path / "b.bin", b"\x00\x01")
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"
