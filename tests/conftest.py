"""Shared test configuration: hypothesis profiles and paths to test data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# A fast profile for local runs, a thorough one for CI (CI=true selects it).
settings.register_profile("dev", max_examples=25, deadline=None)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

DATA = Path(__file__).parent / "data"


@pytest.fixture
def published_text() -> str:
    """The published 2022 report, as the school printed it."""
    return (DATA / "hnjd-2022-report.txt").read_text(encoding="utf-8")
