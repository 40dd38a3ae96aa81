"""Participants (seniors): register, search, duplicates, follow-ups."""
