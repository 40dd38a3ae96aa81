"""Report figures on the hand-built pilot, compared with values worked out by hand.

Period 01/01/2026-31/05/2026. In it, live activities: a2 (workshop, 120 min, Sisteron,
2 anonymous), a3 (individual, 45 min, Serres, at home), a4 (individual, 20 min, computer),
a5 (workshop, 90 min, phone, Serres, 3 anonymous), a6 (individual, 30 min), a8 (training,
420 min), a10 (individual, 60 min, its only attendee deleted). Out: a1 and a9 (2025),
a7 (deleted), a11 (June). People reached: A (also as her merged duplicate E), B, C, D and
the erased G; F is deleted.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from sqlalchemy import Integer, literal, select

from ardoiz_desk.services.activities.sessions import ActivityInput, record_activity, stage_of
from ardoiz_desk.services.people.participants import age_band
from ardoiz_desk.services.reports.figures import (
    MonthlyRow,
    ReportFilter,
    compute_report,
    default_period,
    months_between,
)
from ardoiz_desk.services.reports.queries import age_band_expr, stage_expr
from ardoiz_desk.services.validation import NotFoundError
from ardoiz_desk.store.models import Activity, site_id_for_code

SISTERON = site_id_for_code("MSAP-SISTERON")

PERIOD = dict(start=dt.date(2026, 1, 1), end=dt.date(2026, 5, 31))
SIS, SER = "France Services Sisteron", "France Services Serres"


@pytest.fixture
def report(pilot):
    return compute_report(pilot.ws, ReportFilter(**PERIOD))


def test_activities_hours_and_anonymous(report) -> None:
    assert report.activities_by_kind == {"individuel": 4, "collectif": 2, "formation": 1}
    assert report.minutes_by_kind == {"individuel": 155, "collectif": 210, "formation": 420}
    assert report.activities == 7
    assert report.hours == pytest.approx(785 / 60)
    assert report.anonymous == 5


def test_people_reached_new_and_followed(report) -> None:
    assert report.reached == 5  # A (with E folded in), B, C, D, G
    assert report.new == 4  # B, C, D, G: first ever attendance in the period
    assert report.followed == 1  # A: first seen 10/11/2025
    assert report.presences == 8


def test_profile_of_people_reached(report) -> None:
    assert report.age_bands["70+"] == 2 and report.age_bands["60-69"] == 1
    assert report.age_bands["non_communique"] == 2
    assert sum(report.age_bands.values()) == 5
    assert report.genres == {"masculin": 2, "feminin": 2, "non_communique": 1}
    assert report.statuts["retraite"] == 3 and report.statuts["non_communique"] == 2
    assert report.communes == {
        "": 1,
        "@SUM(1+1)": 1,
        "Mison (04123)": 1,
        "Serres (05166)": 1,
        "Sisteron (04209)": 1,
    }


def test_themes_places_equipment_durations(report) -> None:
    assert {k: v for k, v in report.themes.items() if v} == {
        "prendre_en_main_du_materiel": 3,
        "email": 1,
        "navigation_sur_internet": 1,
        "sante": 1,
        "securite_numerique": 1,
    }
    assert {k: v for k, v in report.equipment.items() if v} == {
        "tablette": 4,
        "ordinateur": 1,
        "telephone": 1,
    }
    assert report.place_types == {"lieu_activite": 5, "domicile": 1, "a_distance": 0, "autre": 0}
    assert report.duration_bands == {"<30": 1, "30-60": 2, "60-120": 2, "120+": 1}


def test_monthly_per_site_and_stage(report) -> None:
    assert report.monthly == (
        MonthlyRow("2026-01", SIS, "formation", 1, 420),
        MonthlyRow("2026-02", SIS, "prise_en_main", 1, 60),
        MonthlyRow("2026-02", SIS, "animation", 1, 120),
        MonthlyRow("2026-03", SER, "prise_en_main", 1, 45),
        MonthlyRow("2026-03", SIS, "autre", 1, 20),
        MonthlyRow("2026-04", SER, "autre", 1, 90),
        MonthlyRow("2026-05", SIS, "prise_en_main", 1, 30),
    )
    assert report.months == ("2026-01", "2026-02", "2026-03", "2026-04", "2026-05")
    by_stage = report.monthly_by_stage()
    assert by_stage["prise_en_main"] == [0, 1, 1, 0, 1]
    assert by_stage["formation"] == [1, 0, 0, 0, 0]


def test_autonomy_first_and_latest_session(report) -> None:
    # A: guided (2025) -> autonomous (as E, 20/03); B: guided (June's session is after the end);
    # C: guided; D: partly autonomous; G: never assessed.
    assert report.autonomy_first == {
        "entierement_accompagne": 3,
        "partiellement_autonome": 1,
        "autonome": 0,
        "non_communique": 1,
    }
    assert report.autonomy_latest == {
        "entierement_accompagne": 2,
        "partiellement_autonome": 1,
        "autonome": 1,
        "non_communique": 1,
    }
    assert report.autonomy_progressed == 1


def test_agents_trained_and_tablets_onboarded(report) -> None:
    assert report.agents_trained == 2  # Camille and Nadia in January; Karim trained in 2025
    assert report.agents_total == 3
    assert report.tablets_onboarded == 1  # D (own tablet); C has none; F is deleted


def test_site_filter(pilot) -> None:
    r = compute_report(pilot.ws, ReportFilter(**PERIOD, site_id=SISTERON))
    assert r.site_label == SIS
    assert r.activities_by_kind == {"individuel": 3, "collectif": 1, "formation": 1}
    assert (r.reached, r.new, r.followed) == (3, 2, 1)  # A, B, D; D first came at Serres in April
    assert (r.agents_trained, r.agents_total) == (1, 2)


def test_agent_and_stage_filters(pilot) -> None:
    r = compute_report(pilot.ws, ReportFilter(**PERIOD, agent_id=pilot.nadia))
    assert r.agent_label == "Nadia Benali"
    assert (r.activities, r.reached, r.anonymous) == (2, 3, 3)
    r = compute_report(pilot.ws, ReportFilter(**PERIOD, stage="prise_en_main"))
    assert r.activities_by_kind["individuel"] == 3
    assert (r.reached, r.tablets_onboarded) == (2, 1)
    assert r.themes["prendre_en_main_du_materiel"] == 2


def test_default_period_is_last_twelve_months(pilot) -> None:
    assert default_period(dt.date(2026, 6, 15)) == (dt.date(2025, 7, 1), dt.date(2026, 6, 15))
    assert default_period(dt.date(2026, 12, 3))[0] == dt.date(2026, 1, 1)
    assert months_between(dt.date(2025, 11, 5), dt.date(2026, 2, 1)) == (
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
    )
    r = compute_report(pilot.ws)
    assert (r.start, r.end) == (dt.date(2025, 7, 1), dt.date(2026, 6, 15))
    assert len(r.months) == 12
    assert r.activities == 10  # every live activity
    assert r.reached == 5 and r.new == 5


def test_empty_base_gives_zeros(ws) -> None:
    r = compute_report(ws, ReportFilter(**PERIOD))
    assert (r.activities, r.reached, r.hours, r.agents_trained) == (0, 0, 0, 0)
    assert sum(r.autonomy_first.values()) == 0


def test_bad_filters_are_refused(pilot) -> None:
    with pytest.raises(ValueError, match="Période"):
        compute_report(pilot.ws, ReportFilter(start=dt.date(2026, 5, 1), end=dt.date(2026, 4, 1)))
    with pytest.raises(NotFoundError):
        compute_report(pilot.ws, ReportFilter(site_id="nope"))
    with pytest.raises(ValueError, match="Étape"):
        compute_report(pilot.ws, ReportFilter(stage="voyage"))


def test_progress_is_reported(pilot) -> None:
    seen = []
    compute_report(pilot.ws, ReportFilter(**PERIOD), lambda d, t, m: seen.append((d, t)))
    assert seen[0] == (0, 6) and seen[-1] == (6, 6)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_sql_stage_mirrors_stage_of(ws) -> None:
    kinds = ("individuel", "collectif", "formation")
    kits = ((), ("tablette",), ("ordinateur",), ("ordinateur", "tablette"))
    expected = {}
    for kind, kit in itertools.product(kinds, kits):
        act = record_activity(
            ws, ActivityInput(kind, dt.date(2026, 6, 1), 30, ["email"], materiel=kit)
        )
        expected[act.id] = stage_of(kind, ["email"], kit)
    with ws.store.engine.connect() as conn:
        got = dict(conn.execute(select(Activity.id, stage_expr())).all())
    assert got == expected


def test_sql_age_band_mirrors_age_band(ws) -> None:
    with ws.store.engine.connect() as conn:
        for year in (None, 2020, 2014, 2008, 2002, 1990, 1970, 1960, 1956, 1940):
            got = conn.execute(select(age_band_expr(literal(year, Integer), 2026))).scalar()
            assert got == age_band(year, dt.date(2026, 6, 15)), year
