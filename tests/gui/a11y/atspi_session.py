"""A private desktop for the accessibility-tree test: its own X display, its own D-Bus
session with the AT-SPI bus and registry, the app driven scene by scene, and a walker
that reads the tree with Debian's python3 + pyatspi (what Orca uses)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
REGISTRY = "/usr/libexec/at-spi2-registryd"
APP_NAME = "Ardoiz Desk"


def missing_tools() -> list[str]:
    """What this machine lacks to run the test (empty when everything is there)."""
    missing = [tool for tool in ("Xvfb", "dbus-launch") if shutil.which(tool) is None]
    missing += [path for path in (BUS_LAUNCHER, REGISTRY, SYSTEM_PYTHON) if not Path(path).exists()]
    if not missing:
        probe = subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False
        )
        if probe.returncode != 0:
            missing.append("python3-pyatspi")
    return missing


class Line:
    """A child process spoken to by lines on stdin and stdout."""

    def __init__(self, args: list[str], env: dict[str, str], log: Path) -> None:
        self.log = log.open("w")
        self.process = subprocess.Popen(
            args,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            text=True,
            bufsize=1,
            start_new_session=True,
        )

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def read(self, timeout: float = 60) -> str:
        """The next stdout line (the caller's timeout is enforced by the pytest run)."""
        assert self.process.stdout is not None
        import selectors

        sel = selectors.DefaultSelector()
        sel.register(self.process.stdout, selectors.EVENT_READ)
        if not sel.select(timeout):
            raise TimeoutError(f"no answer within {timeout} s")
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"process ended (code {self.process.poll()})")
        return line.rstrip("\n")

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                self.process.stdin.close()  # type: ignore[union-attr]
                self.process.wait(5)
            except Exception:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(5)
        self.log.close()


class AccessibleDesktop:
    """Xvfb + D-Bus + AT-SPI + the app + the walker, all private to one test module."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._processes: list[subprocess.Popen] = []
        self.env = dict(os.environ)
        for key in ("DBUS_SESSION_BUS_ADDRESS", "AT_SPI_BUS_ADDRESS", "WAYLAND_DISPLAY"):
            self.env.pop(key, None)
        self.app: Line | None = None
        self.walker: Line | None = None

    # starting ------------------------------------------------------------------------
    def start(self) -> None:
        self._start_display()
        self._start_bus()
        self._start_app()
        self.walker = Line(
            [SYSTEM_PYTHON, str(HERE / "atspi_walker.py")],
            {**self.env, "PYTHONPATH": ""},
            self.folder / "walker.log",
        )
        self.ask("hello")  # listening to focus events from now on

    def _spawn(self, args: list[str], log: str, **kwargs) -> subprocess.Popen:
        process = subprocess.Popen(
            args,
            env=self.env,
            stdout=(self.folder / log).open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
            **kwargs,
        )
        self._processes.append(process)
        return process

    def _start_display(self) -> None:
        read, write = os.pipe()
        self._spawn(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
            "xvfb.log",
            pass_fds=(write,),
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        self.env["DISPLAY"] = f":{number}"

    def _start_bus(self) -> None:
        out = subprocess.run(
            ["dbus-launch", "--sh-syntax"], env=self.env, capture_output=True, text=True, check=True
        ).stdout
        for line in out.splitlines():
            key, _, value = line.partition("=")
            if key in ("DBUS_SESSION_BUS_ADDRESS", "DBUS_SESSION_BUS_PID"):
                self.env[key] = value.rstrip(";").strip("'")
        self._dbus_pid = int(self.env.pop("DBUS_SESSION_BUS_PID"))
        self._spawn([BUS_LAUNCHER, "--launch-immediately"], "bus-launcher.log")
        time.sleep(0.5)
        self._spawn([REGISTRY], "registry.log")
        time.sleep(0.5)

    def _start_app(self) -> None:
        env = {
            **self.env,
            "QT_QPA_PLATFORM": "xcb",
            "QT_ACCESSIBILITY": "1",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        }
        data = self.folder / "data"
        data.mkdir()
        self.app = Line(
            [sys.executable, str(HERE / "atspi_app.py"), str(data)], env, self.folder / "app.log"
        )
        started = self.app.read(timeout=90)
        if started != "STARTED":
            raise RuntimeError(f"the app did not start: {started}")

    # using ---------------------------------------------------------------------------
    def scene(self, scene: str) -> None:
        """Set up a scene in the app and wait until it is on screen."""
        assert self.app is not None
        self.app.send(scene)
        answer = self.app.read(timeout=60)
        if answer != f"READY {scene}":
            raise RuntimeError(f"scene {scene!r}: {answer}")

    def ask(self, command: str):
        """Ask the walker; return its decoded JSON answer."""
        assert self.walker is not None
        self.walker.send(command)
        answer = json.loads(self.walker.read(timeout=120))
        if isinstance(answer, dict) and "error" in answer:
            raise RuntimeError(f"walker: {answer['error']}")
        return answer

    def tree(self) -> list[dict]:
        return self.ask(f"tree {APP_NAME}")

    def focus(self) -> dict | None:
        return self.ask("focus")

    def focus_when(self, wanted, timeout: float = 5.0) -> dict | None:
        """The focused node once ``wanted(node)`` holds, or the last one seen after the
        timeout (a loaded machine may deliver the focus event late)."""
        deadline = time.monotonic() + timeout
        node = self.focus()
        while not (node is not None and wanted(node)) and time.monotonic() < deadline:
            node = self.focus()
        return node

    def announced(self) -> list[str]:
        return self.ask("announced")

    def key(self, keysym: str) -> None:
        self.ask(f"key {keysym}")

    # stopping ------------------------------------------------------------------------
    def stop(self) -> None:
        for line in (self.walker, self.app):
            if line is not None:
                if line is self.app:
                    with contextlib.suppress(OSError):
                        line.send("quit")
                line.stop()
        for process in reversed(self._processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(5)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
        if getattr(self, "_dbus_pid", None):
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._dbus_pid, signal.SIGTERM)
