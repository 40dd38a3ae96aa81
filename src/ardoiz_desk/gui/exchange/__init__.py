"""Synchronisation: bundles, territory, conflicts, installations waiting approval."""
