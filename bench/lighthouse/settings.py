"""Settings for the Lighthouse run: production settings, static files collected
into the run's own temporary folder (LIGHTHOUSE_STATIC_ROOT)."""

import os
from pathlib import Path

from ltoreview.settings import *  # noqa: F403

STATIC_ROOT = Path(os.environ["LIGHTHOUSE_STATIC_ROOT"])
