"""Allow ``python -m ardoiz_desk``."""

from ardoiz_desk.entry import main

if __name__ == "__main__":
    raise SystemExit(main())
