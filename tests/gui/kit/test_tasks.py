"""Background tasks run off the GUI thread and report back on it, with the base usable."""

from __future__ import annotations

import threading

from ardoiz_desk.gui.kit.tasks import TaskRunner
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    count_participants,
    register_participant,
)


def test_task_reports_result_progress_and_runs_off_gui_thread(qtbot, ws) -> None:
    runner = TaskRunner()
    seen: dict = {"progress": []}
    gui_thread = threading.get_ident()

    def work(progress):
        progress(1, 2, "moitié")
        seen["thread"] = threading.get_ident()
        register_participant(ws, ParticipantInput(prenom="Zoé", nom="Ébrard"))
        return count_participants(ws)

    with qtbot.waitSignal(
        runner.busy_changed, check_params_cb=lambda busy: not busy, timeout=10_000
    ):
        signals = runner.start(work, on_progress=lambda d, t, m: seen["progress"].append((d, t, m)))
        signals.succeeded.connect(lambda r: seen.setdefault("result", r))
    assert seen["result"] == 1
    assert seen["thread"] != gui_thread
    assert seen["progress"] == [(1, 2, "moitié")]


def test_task_failure_is_reported_as_message(qtbot) -> None:
    runner = TaskRunner()
    failures = []

    def work(progress):
        raise ValueError("Fichier illisible : ce n'est pas un paquet Ardoiz.")

    with qtbot.waitSignal(
        runner.busy_changed, check_params_cb=lambda busy: not busy, timeout=10_000
    ):
        runner.start(work, on_failure=lambda msg, details: failures.append(msg))
    assert failures == ["Fichier illisible : ce n'est pas un paquet Ardoiz."]


def test_a_full_usb_stick_is_reported_in_french(qtbot) -> None:
    import errno

    runner = TaskRunner()
    failures = []

    def work(progress):
        raise OSError(errno.ENOSPC, "No space left on device", "/media/usb/site.ardoiz")

    with qtbot.waitSignal(
        runner.busy_changed, check_params_cb=lambda busy: not busy, timeout=10_000
    ):
        runner.start(work, on_failure=lambda msg, details: failures.append(msg))
    assert "plein" in failures[0] and "/media/usb/site.ardoiz" in failures[0]
    assert "No space" not in failures[0]
