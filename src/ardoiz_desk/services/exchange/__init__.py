"""Exchange between sites: bundles out and in, the territory, conflicts."""
