"""Test isolation: offscreen Qt, and every settings/cache/state folder in a temporary place.

This runs before any test module imports Qt or the app, so nothing a test does can read or
write the real user's settings, caches or fonts configuration.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# The test command runs every property on the same examples each time (a red run points at a
# change, not at the luck of the draw); `make fuzz` (QARI_FUZZ_EXAMPLES) explores at random.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore")
settings.load_profile("explore" if os.environ.get("QARI_FUZZ_EXAMPLES") else "repeatable")

_HOME = Path(tempfile.mkdtemp(prefix="qari-test-home-"))
for var, sub in {
    "HOME": "home",
    "XDG_CONFIG_HOME": "config",
    "XDG_CACHE_HOME": "cache",
    "XDG_DATA_HOME": "data",
    "XDG_STATE_HOME": "state",
    "XDG_RUNTIME_DIR": "runtime",
}.items():
    path = _HOME / sub
    path.mkdir(parents=True, exist_ok=True)
    os.environ[var] = str(path)
os.chmod(_HOME / "runtime", 0o700)
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_ACCESSIBILITY", "0")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLE = ROOT / "articles" / "iraq-syria-border-security.txt"


@pytest.fixture
def sample_path() -> Path:
    """The shipped sample article."""
    return SAMPLE


@pytest.fixture
def data_dir() -> Path:
    """Folder of small test articles."""
    return DATA
