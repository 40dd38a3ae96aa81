"""Documents drawn by Qt: PDF reports, charts, a person's record (for the window and the CLI)."""
