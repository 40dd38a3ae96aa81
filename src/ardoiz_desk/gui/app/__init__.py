"""Start-up, the main window, the first-start wizard and the build's self-test."""
