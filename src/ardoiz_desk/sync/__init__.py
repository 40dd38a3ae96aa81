"""Bundles: format, merge rules, signing and encryption. No Qt."""
