"""A real terminal for the end-to-end tests: the installed ``ce-tutor`` inside tmux.

Each test gets its own tmux server (``tmux -L <unique name>``), a window of a given size with no
status line, and the app wrapped in ``sh -c`` so its exit code lands in a file and on the pane.
What the learner would see is read with ``capture-pane`` and polled until a deadline: no fixed sleeps.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

#: The console script pip installed next to this interpreter: what a learner runs.
CE_TUTOR = Path(sys.executable).parent / "ce-tutor"
#: How long to wait for the screen to show something before failing.
DEADLINE = 20.0
#: Terminal modes a well-behaved full-screen app must give back when it exits.
RESTORED = {
    "alternate_on": "0",
    "cursor_flag": "1",
    "mouse_any_flag": "0",
    "mouse_all_flag": "0",
    "mouse_button_flag": "0",
    "mouse_standard_flag": "0",
    "mouse_sgr_flag": "0",
    "wrap_flag": "1",
}


def _tmux() -> str:
    tmux = shutil.which("tmux")
    if tmux is None:
        if os.environ.get("CI"):
            pytest.fail("tmux is not installed, and CI must run the end-to-end tests (.ci/run installs it)")
        pytest.skip("tmux is not installed: the end-to-end tests drive ce-tutor inside tmux (apt-get install tmux)")
    return tmux


class Terminal:
    """One tmux server with one window running ``ce-tutor``; keys in, screen text out."""

    def __init__(self, tmux: str, workdir: Path, width: int, height: int) -> None:
        self.tmux = tmux
        self.socket = f"ce-tutor-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.workdir = workdir
        self.width, self.height = width, height
        self.exit_file = workdir / "exit-code"
        self.started = False
        #: Set once the test has asked the app to quit: exiting is then expected.
        self.done = False

    # ----- running ----------------------------------------------------------------------

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.tmux, "-L", self.socket, *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=30,
            check=check,
            stdin=subprocess.DEVNULL,
        )

    @property
    def env(self) -> dict[str, str]:
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("TMUX", "TMUX_PANE", "COLUMNS", "LINES") and not k.startswith("TEXTUAL")
        }
        env.setdefault("TERM", "xterm-256color")
        env["CE_TUTOR_HOME"] = str(self.workdir / "home")
        return env

    def start(self, *args: str) -> None:
        """Run ``ce-tutor ARGS`` in a new window; afterwards the pane shows ``exit=N`` and stays open."""
        config = self.workdir / "tmux.conf"
        config.write_text("set -g status off\nset -g remain-on-exit off\n", encoding="utf-8")
        command = shlex.join([str(CE_TUTOR), *args])
        exit_file = shlex.quote(str(self.exit_file))
        script = f'{command}; rc=$?; echo "exit=$rc" > {exit_file}; echo "exit=$rc"; sleep 120'
        self._run(
            "-f",
            str(config),
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            str(self.width),
            "-y",
            str(self.height),
            "sh",
            "-c",
            script,
        )
        self.started = True
        self.socket_path = Path(self._run("display-message", "-p", "#{socket_path}").stdout.strip())
        size = self._run("display-message", "-p", "-t", "e2e", "#{pane_width}x#{pane_height}").stdout.strip()
        assert size == f"{self.width}x{self.height}", f"the pane is {size}, not {self.width}x{self.height}"

    def close(self) -> None:
        if self.started:
            self._run("kill-server", check=False)
            self.started = False
            self.socket_path.unlink(missing_ok=True)  # tmux leaves it behind

    # ----- keys -------------------------------------------------------------------------

    def press(self, *keys: str) -> None:
        """tmux key names (``Enter``, ``Down``, ``PageDown``, ``Tab``, ``C-p``, ``q``), sent in one go."""
        self._run("send-keys", "-t", "e2e", *keys)

    def type(self, text: str) -> None:
        """Literal text, as typed."""
        self._run("send-keys", "-t", "e2e", "-l", text)

    # ----- screen -----------------------------------------------------------------------

    def screen(self) -> str:
        return self._run("capture-pane", "-p", "-t", "e2e").stdout

    def wait_for(self, expected: str | Callable[[str], bool], what: str = "", timeout: float = DEADLINE) -> str:
        """The screen, once it contains ``expected`` (or the predicate holds); fails after ``timeout``."""
        check = (lambda text: expected in text) if isinstance(expected, str) else expected
        end = time.monotonic() + timeout
        while True:
            text = self.screen()
            if check(text):
                return text
            if self.exit_file.exists() and not self.done:
                raise AssertionError(f"ce-tutor exited while waiting for {what or expected!r}:\n{text}")
            if time.monotonic() > end:
                raise AssertionError(
                    f"after {timeout:.0f}s the screen still does not show {what or expected!r}:\n{text}"
                )
            time.sleep(0.05)

    def settled(self, quiet: float = 0.5, timeout: float = DEADLINE) -> str:
        """The screen once it has stopped changing for ``quiet`` seconds (lazy parts drawn, footer in)."""
        end = time.monotonic() + timeout
        text, since = self.screen(), time.monotonic()
        while time.monotonic() - since < quiet:
            if time.monotonic() > end:
                raise AssertionError(f"the screen kept changing for {timeout:.0f}s:\n{text}")
            time.sleep(0.05)
            now = self.screen()
            if now != text:
                text, since = now, time.monotonic()
        return text

    def wait_for_change(self, before: str, timeout: float = 5.0) -> str:
        return self.wait_for(lambda text: text != before, "a change", timeout)

    def flags(self) -> dict[str, str]:
        names = sorted(RESTORED)
        shown = self._run("display-message", "-p", "-t", "e2e", " ".join(f"#{{{n}}}" for n in names)).stdout
        return dict(zip(names, shown.split(), strict=False))

    def exit_code(self, timeout: float = DEADLINE) -> int:
        """The app's exit code, once it has exited."""
        self.done = True
        end = time.monotonic() + timeout
        while not (self.exit_file.exists() and self.exit_file.read_text().strip()):
            if time.monotonic() > end:
                raise AssertionError(f"ce-tutor did not exit within {timeout:.0f}s:\n{self.screen()}")
            time.sleep(0.05)
        return int(self.exit_file.read_text().strip().removeprefix("exit="))

    def assert_exited_cleanly(self, app_text: tuple[str, ...], code: int = 0) -> None:
        """Exit code ``code``, the shell's screen back (not the app's), and every terminal mode restored."""
        assert self.exit_code() == code, self.screen()
        text = self.wait_for(f"exit={code}", "the shell again, after the app")
        for shown in app_text:
            assert shown not in text, f"the app's {shown!r} is still on the screen after it exited:\n{text}"
        assert self.flags() == RESTORED, f"terminal modes not restored: {self.flags()}"


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Callable[[int, int], Terminal]]:
    """``terminal(width, height)``: a fresh tmux server of that size (killed after the test)."""
    tmux = _tmux()
    if not CE_TUTOR.exists():
        pytest.fail(f"{CE_TUTOR} is missing: install the package (pip install -e '.[test]') first")
    made: list[Terminal] = []

    def make(width: int, height: int) -> Terminal:
        workdir = tmp_path / f"term-{len(made)}"
        workdir.mkdir()
        made.append(Terminal(tmux, workdir, width, height))
        return made[-1]

    yield make
    for term in made:
        term.close()
