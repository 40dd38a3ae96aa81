"""Ardoiz Desk: offline-first desk app for the Ardoiz senior tablet pilot."""

__version__ = "0.2.0"
APP_NAME = "ardoiz-desk"
