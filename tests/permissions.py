"""The CLI run as a user whom file permissions bind, even when the tests run as root.

Root passes every permission check through two capabilities (CAP_DAC_OVERRIDE,
CAP_DAC_READ_SEARCH), so a test that makes a folder unreadable or read-only
proves nothing there; CI containers often run as root. Skipping such a test in CI
would hide a check, so the command runs with those capabilities (and CAP_FOWNER)
taken out of the command's bounding set: still root, but refused by a mode as
any user is.
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys

from shared_support import Run

_PR_CAPBSET_DROP = 24
_DROPPED = (1, 2, 3)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER


def _drop_permission_overrides() -> None:
    """In the child, before exec: take the capabilities that ignore file modes out of
    its bounding set, which root's program then starts with (a dropped effective set
    alone would come back at exec)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in _DROPPED:
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def can_bind_root() -> bool:
    """True where a mode also stops this process's children: not root, or root on Linux."""
    return os.geteuid() != 0 or sys.platform.startswith("linux")


def run_bound_by_modes(*args: str, timeout: float = 120) -> Run:
    """`python -m briefing ARGS` as `run_cli` runs it, but refused by file modes even as root."""
    done = subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        preexec_fn=_drop_permission_overrides if os.geteuid() == 0 else None,
    )
    return Run(done.returncode, done.stdout, done.stderr)
