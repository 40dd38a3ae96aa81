"""The Agents & formation pane."""
