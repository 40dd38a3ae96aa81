"""The Qt window. The only package that imports PySide6.QtWidgets; it talks to services only."""
