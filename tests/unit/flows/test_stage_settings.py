"""The settings the pipeline runs its stage subflows under."""

from __future__ import annotations

from prefect.settings import get_current_settings

from flows.pipeline import without_heartbeats


def test_stage_subflows_send_no_heartbeats_of_their_own():
    assert get_current_settings().flows.heartbeat_frequency is not None  # Prefect's default
    with without_heartbeats():
        assert get_current_settings().flows.heartbeat_frequency is None
    assert get_current_settings().flows.heartbeat_frequency is not None
