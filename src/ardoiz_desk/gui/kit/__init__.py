"""What every pane shares: dialogs seam, background operations, table model, widgets, i18n."""
