"""Entry point of the PyInstaller build: the same command line as ``ardoiz-desk``."""

from ardoiz_desk.entry import main

if __name__ == "__main__":
    raise SystemExit(main())
