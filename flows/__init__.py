"""Prefect flows and tasks (thin orchestration) and the `sahelwatch` CLI."""
