"""The Paramètres pane."""
