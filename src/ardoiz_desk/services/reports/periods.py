"""The report periods an agent picks most: this month, last month, the quarter, the year."""

from __future__ import annotations

import datetime as dt

from ardoiz_desk.services.reports.figures import default_period

PRESETS = ("last_12_months", "this_month", "last_month", "this_quarter", "this_year", "last_year")


def preset_period(code: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of a preset period (the current ones end today)."""
    month_start = today.replace(day=1)
    if code == "this_month":
        return month_start, today
    if code == "last_month":
        last = month_start - dt.timedelta(days=1)
        return last.replace(day=1), last
    if code == "this_quarter":
        first_month = 3 * ((today.month - 1) // 3) + 1
        return dt.date(today.year, first_month, 1), today
    if code == "this_year":
        return dt.date(today.year, 1, 1), today
    if code == "last_year":
        return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    return default_period(today)


def preset_of(start: dt.date, end: dt.date, today: dt.date) -> str | None:
    """The preset these dates are, if any (the picker shows « personnalisée » otherwise)."""
    return next((code for code in PRESETS if preset_period(code, today) == (start, end)), None)
