"""Reading back what the Prefect server recorded of a flow run (for the flow tests)."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import (
    ArtifactFilter,
    ArtifactFilterFlowRunId,
    FlowRunFilter,
    FlowRunFilterId,
)


class RunRecords:
    """What the Prefect server recorded of a flow run: its task runs and artifacts."""

    def task_run_names(self, flow_run_id: UUID) -> list[str]:
        with get_client(sync_client=True) as client:
            runs = client.read_task_runs(
                flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id]))
            )
        return sorted(run.name for run in runs)

    def artifact_rows(self, flow_run_id: UUID, key: str) -> list[dict[str, Any]]:
        """The rows of the run's table artifact ``key`` (there must be exactly one)."""
        with get_client(sync_client=True) as client:
            artifacts = client.read_artifacts(
                artifact_filter=ArtifactFilter(
                    flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])
                )
            )
        tables = [artifact for artifact in artifacts if artifact.key == key]
        assert len(tables) == 1, f"expected one {key!r} artifact, found {len(tables)}"
        assert tables[0].type == "table"
        data = tables[0].data
        rows: list[dict[str, Any]] = json.loads(data) if isinstance(data, str) else data
        return rows
