"""The Rapports pane."""
