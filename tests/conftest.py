"""Shared test set-up: hypothesis profiles (``dev`` by default, ``ci`` in CI)."""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60, deadline=None)
# CI draws the same examples every run (derandomize), so a run that passed here
# passes there; the dev profile explores new examples each time.
settings.register_profile(
    "ci",
    max_examples=250,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.getenv("HYPOTHESIS_PROFILE", "dev"))
