"""The task runner that fetch and extract tasks are submitted to (`[runner] task_runner`).

- "default": the flow's own runner (Prefect's thread pool, in the flow's process).
- "dask": a Dask LocalCluster of `workers` processes, started for the run and stopped after.
- an address ("tcp://10.0.0.5:8786"): a running Dask scheduler, whose workers (on other
  machines) need the same sahelwatch install and access to the seeds folder's path.

Only tasks with serialisable arguments are submitted (settings, the KB, article texts);
warehouse writes are never submitted: they run in the flow's process, in order.
"""
from __future__ import annotations

import contextlib
import logging
from typing import Any, Iterator

from flows.settings import RunnerSettings

log = logging.getLogger("sahelwatch.run")


class Submitter:
    """Submits a Prefect task to the chosen runner (None: the flow's own)."""

    def __init__(self, runner: Any | None = None):
        self.runner = runner

    def submit(self, task, **parameters: Any):
        if self.runner is None:
            return task.submit(**parameters)
        return self.runner.submit(task, parameters)


def dask_runner(settings: RunnerSettings):
    """A DaskTaskRunner for `settings` (a LocalCluster, or the scheduler at the address)."""
    from prefect_dask import DaskTaskRunner

    if settings.task_runner == "dask":
        return DaskTaskRunner(cluster_kwargs={"n_workers": settings.workers, "threads_per_worker": 1,
                                              "processes": settings.processes, "dashboard_address": None})
    return DaskTaskRunner(address=settings.task_runner)


@contextlib.contextmanager
def open_runner(settings: RunnerSettings) -> Iterator[Submitter]:
    """A Submitter for the configured runner, started (and stopped) around the block."""
    if settings.task_runner == "default":
        yield Submitter()
        return
    log.info("task runner: dask (%s)", settings.task_runner if settings.task_runner != "dask"
             else f"local cluster, {settings.workers} worker processes")
    with dask_runner(settings) as runner:
        yield Submitter(runner)
