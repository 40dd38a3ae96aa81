"""Use cases of Ardoiz Desk, in plain Python (no Qt). They return frozen dataclasses."""
