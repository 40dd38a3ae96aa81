"""The participants list and the participant card."""
