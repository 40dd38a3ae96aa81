"""The sites (counters) of the territory, their agents, and this installation's identity."""
