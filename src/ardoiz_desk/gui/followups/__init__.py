"""The Suivis pane: who needs to be seen again."""
