"""Keeping the base safe at rest: its key, passphrases worth the name, backups and restores."""
