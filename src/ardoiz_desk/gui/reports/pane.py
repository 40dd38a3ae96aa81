"""Rapports pane: key figures and charts for a period, site, agent and stage, computed off
the GUI thread, and the exports funders and La Coop need (CSV, Excel, PDF, La Coop)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ardoiz_desk.gui.kit import vocabulary
from ardoiz_desk.gui.kit.a11y import buddy, no_focus, release_tab
from ardoiz_desk.gui.kit.date_field import DateField
from ardoiz_desk.gui.kit.dialogs import DialogSeam
from ardoiz_desk.gui.kit.operations import Change, Operations, follow
from ardoiz_desk.gui.kit.tasks import user_message
from ardoiz_desk.gui.kit.widgets import compact, heading
from ardoiz_desk.gui.reports.chart_text import figures_model, make_readable
from ardoiz_desk.printing import charts as charts
from ardoiz_desk.printing.documents import print_report_pdf
from ardoiz_desk.printing.words import number, wording
from ardoiz_desk.services.exports.lacoop import EXTENSION, LaCoopPlan, plan_lacoop
from ardoiz_desk.services.exports.writing import export_lacoop, export_report
from ardoiz_desk.services.reports import labels as lb
from ardoiz_desk.services.reports.figures import (
    STAGES,
    Report,
    ReportFilter,
    compute_report,
    default_period,
)
from ardoiz_desk.services.reports.periods import preset_of, preset_period
from ardoiz_desk.services.reports.tables import KEY_FIGURE_LABELS, key_figures
from ardoiz_desk.services.sites.sites import list_agents, list_sites
from ardoiz_desk.services.validation import ValidationError
from ardoiz_desk.services.workspace import Workspace

ChoosePath = Callable[[QWidget, str, str, str], str | None]
ConfirmLaCoop = Callable[[QWidget, LaCoopPlan], bool]
SHOWN_LEFT_OUT = 15
CHART_IDS = ("monthly", "kinds", "themes", "ages", "autonomy", "durations")


def tr(text: str) -> str:
    """Translate a string of this pane."""
    return QCoreApplication.translate("ReportsPane", text)


def lacoop_question(plan: LaCoopPlan) -> str:
    """What the agent reads before a La Coop file is written: who is new, what is left out."""
    lines = [tr("déjà exportés : {n}, nouveaux : {m}").format(n=plan.already_exported, m=plan.new)]
    if plan.dropped:
        lines.append("")
        lines.append(tr("La Coop écarterait ces valeurs, qui ne seront pas dans le fichier :"))
        for item in plan.dropped[:SHOWN_LEFT_OUT]:
            lines.append(
                tr("• {name} — {field} « {value} » : {reason}").format(
                    name=item.name, field=item.field, value=item.value, reason=item.reason
                )
                + (tr(" (écrit : {written})").format(written=item.written) if item.written else "")
            )
        if len(plan.dropped) > SHOWN_LEFT_OUT:
            more = len(plan.dropped) - SHOWN_LEFT_OUT
            lines.append(tr("… et {n} autres.").format(n=more))
        lines.append(tr("Corrigez-les sur la fiche de la personne pour qu'elles partent."))
    lines.append("")
    lines.append(tr("Écrire le fichier ?") if plan.new else tr("Personne de nouveau à exporter."))
    return "\n".join(lines)


def confirm_lacoop(dialogs: DialogSeam, parent: QWidget, plan: LaCoopPlan) -> bool:
    """Show the plan of a La Coop export through the dialog seam; True to write it."""
    if not plan.new:
        dialogs.inform(parent, tr("Exporter pour La Coop"), lacoop_question(plan))
        return False
    return dialogs.ask(parent, tr("Exporter pour La Coop"), lacoop_question(plan))


def choose_save_path(parent: QWidget, title: str, suggested: str, filters: str) -> str | None:
    """Ask where to save a file (the seam tests replace); None when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path or None


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def period_labels() -> dict[str, str]:
    """The preset periods, by code, in the agent's words."""
    return {
        "last_12_months": tr("12 derniers mois"),
        "this_month": tr("Ce mois-ci"),
        "last_month": tr("Le mois dernier"),
        "this_quarter": tr("Ce trimestre"),
        "this_year": tr("Cette année"),
        "last_year": tr("L'année dernière"),
    }


class ReportsPane(QWidget):
    """Key figures, charts and exports for funders."""

    DEBOUNCE_MS = 400

    report_ready = Signal(object)
    export_done = Signal(str)

    def __init__(self, ws: Workspace, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ops = ops
        self.runner = ops.runner
        self.choose_path: ChoosePath = choose_save_path
        self.confirm_lacoop: ConfirmLaCoop = lambda parent, plan: confirm_lacoop(
            self.ops.dialogs, parent, plan
        )
        self.report: Report | None = None
        self._computing = False
        self._choosing = False
        self._stale = True
        self._figures: dict[str, QLabel] = {}
        self._views: dict[str, QChartView] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        layout.addLayout(self._build_status())
        scroll = no_focus(QScrollArea())
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(self._build_figures())
        body_layout.addLayout(self._build_charts())
        body_layout.addWidget(self._build_chart_figures())
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        layout.addLayout(self._build_exports())
        self._load_directory()
        follow(
            ops.hub,
            self,
            Change.PARTICIPANTS
            | Change.ACTIVITIES
            | Change.FOLLOWUPS
            | Change.AGENTS
            | Change.SITES,
            lambda _change: self.refresh(),
            stale=False,  # computed at its first show (showEvent)
        )

    # building -------------------------------------------------------------------------
    def _build_filters(self) -> QGridLayout:
        """Two short rows (period, then who), so the pane fits 1024 px and large text."""
        grid = QGridLayout()
        start, end = default_period(self.ws.today())
        self.start_edit, self.end_edit = DateField(start), DateField(end)
        self.start_edit.setAccessibleName(tr("Début de la période"))
        self.end_edit.setAccessibleName(tr("Fin de la période"))
        self.preset_combo = QComboBox()
        self.preset_combo.setAccessibleName(tr("Période"))
        for code, text in period_labels().items():
            self.preset_combo.addItem(text, code)
        self.preset_combo.addItem(tr("Personnalisée"), None)
        self.preset_combo.currentIndexChanged.connect(self._preset_chosen)
        self.site_combo, self.agent_combo, self.stage_combo = QComboBox(), QComboBox(), QComboBox()
        self.stage_combo.addItem(tr("Toutes les étapes"), None)
        for stage in STAGES:
            self.stage_combo.addItem(vocabulary.stages()[stage], stage)
        self.refresh_button = QPushButton(tr("Actualiser"))
        self.refresh_button.clicked.connect(self.compute)
        rows = (
            (
                (tr("Période"), self.preset_combo),
                (tr("Du"), self.start_edit),
                (tr("au"), self.end_edit),
            ),
            (
                (tr("Site"), self.site_combo),
                (tr("Agent"), self.agent_combo),
                (tr("Étape"), self.stage_combo),
            ),
        )
        for combo in (self.preset_combo, self.site_combo, self.agent_combo, self.stage_combo):
            compact(combo, 10)
        for row, fields in enumerate(rows):
            for column, (text, widget) in enumerate(fields):
                grid.addWidget(buddy(QLabel(text), widget), row, 2 * column)
                grid.addWidget(widget, row, 2 * column + 1)
        grid.setColumnStretch(6, 1)
        # Any change of filter refreshes the report, once the agent has stopped typing.
        self._debounce = QTimer(self, singleShot=True, interval=self.DEBOUNCE_MS)
        self._debounce.timeout.connect(self._filters_settled)
        for edit in (self.start_edit, self.end_edit):
            edit.dateChanged.connect(self._dates_changed)
        for combo in (self.site_combo, self.agent_combo, self.stage_combo):
            combo.currentIndexChanged.connect(lambda _i: self._debounce.start())
        return grid

    def _preset_chosen(self) -> None:
        code = self.preset_combo.currentData()
        if code is None:
            return
        start, end = preset_period(code, self.ws.today())
        self._choosing = True
        self.start_edit.setDate(_qdate(start))
        self.end_edit.setDate(_qdate(end))
        self._choosing = False
        self._debounce.start()

    def _dates_changed(self) -> None:
        if not self._choosing:
            code = preset_of(
                _pydate(self.start_edit.date()), _pydate(self.end_edit.date()), self.ws.today()
            )
            self.preset_combo.blockSignals(True)
            self.preset_combo.setCurrentIndex(self.preset_combo.findData(code))
            self.preset_combo.blockSignals(False)
        self._debounce.start()

    def _filters_settled(self) -> None:
        if self.isVisible():
            self.compute()
        else:
            self._stale = True

    def _build_status(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        row.addWidget(self.progress)
        row.addWidget(self.status, 1)
        row.addWidget(self.refresh_button)
        return row

    def _build_figures(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(8)
        for i, name in enumerate(KEY_FIGURE_LABELS):
            card = QFrame()
            card.setObjectName("figureCard")
            card.setFrameShape(QFrame.Shape.StyledPanel)
            card.setStyleSheet("#figureCard { background: #EEF3F8; border: 1px solid #6B7F93; }")
            box = QVBoxLayout(card)
            value = heading("–", scale=1.5)  # follows the text size, like the headings
            value.setStyleSheet("color: #1F4E79;")
            caption = QLabel(wording().t(name))
            caption.setWordWrap(True)
            box.addWidget(value)
            box.addWidget(caption)
            self._figures[name] = value
            grid.addWidget(card, i // 6, i % 6)
        return grid

    def _build_charts(self) -> QGridLayout:
        grid = QGridLayout()
        for i, chart_id in enumerate(CHART_IDS):
            view = QChartView()
            view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # read through the figures table
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(280)
            self._views[chart_id] = view
            if chart_id == "monthly":
                grid.addWidget(view, 0, 0, 1, 2)
            else:
                grid.addWidget(view, 1 + (i - 1) // 2, (i - 1) % 2)
        return grid

    def _build_exports(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.export_buttons: dict[str, QPushButton] = {}
        for key, text in (
            ("csv", tr("Exporter en CSV…")),
            ("xlsx", tr("Exporter en Excel…")),
            ("pdf", tr("Exporter en PDF…")),
            ("lacoop", tr("Export La Coop…")),
        ):
            button = QPushButton(text)
            button.setEnabled(False)
            button.clicked.connect(lambda _checked=False, k=key: self.export(k))
            self.export_buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _load_directory(self) -> None:
        sites = [(s.name, s.id) for s in list_sites(self.ws)]
        agents = [(a.name, a.id) for a in list_agents(self.ws)]
        for combo, first, items in (
            (self.site_combo, tr("Tout le territoire"), sites),
            (self.agent_combo, tr("Tous les agents"), agents),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            for name, key in items:
                combo.addItem(name, key)
            index = combo.findData(current)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    # computing ------------------------------------------------------------------------
    def current_filter(self) -> ReportFilter:
        """The filter the agent chose."""
        return ReportFilter(
            start=_pydate(self.start_edit.date()),
            end=_pydate(self.end_edit.date()),
            site_id=self.site_combo.currentData(),
            agent_id=self.agent_combo.currentData(),
            stage=self.stage_combo.currentData(),
        )

    def refresh(self) -> None:
        """Reload what the pane shows (called when the data changed); lazy when hidden."""
        self._stale = True
        self._load_directory()
        if self.isVisible():
            self.compute()

    def showEvent(self, event: QShowEvent) -> None:
        """Compute on first show, or when data changed while hidden."""
        super().showEvent(event)
        if self._stale:
            self.compute()

    def compute(self) -> None:
        """Compute the report in the background, with progress."""
        if self._computing:
            self._stale = True
            return
        flt = self.current_filter()
        if flt.start and flt.end and flt.start > flt.end:
            self._set_status(tr("La date de début est après la date de fin."), error=True)
            return
        self._computing, self._stale = True, False
        self.refresh_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setValue(0)
        self._set_status(tr("Calcul du rapport…"))
        self.ops.run(
            lambda progress: compute_report(self.ws, flt, progress),
            on_success=self._show_report,
            on_failure=self._computation_failed,
            on_progress=self._on_progress,
            parent=self,
        )

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)
        self._set_status(message)

    def _finish(self) -> None:
        self._computing = False
        self.refresh_button.setEnabled(True)
        self.progress.setVisible(False)
        if self._stale and self.isVisible():
            self.compute()

    def _computation_failed(self, message: str, _details: str) -> None:
        text = tr("Le rapport n'a pas pu être calculé : {message}").format(message=message)
        self._set_status(text, error=True)
        self._finish()

    def _show_report(self, report: Report) -> None:
        self.report = report
        for name, (_shown, value) in zip(
            KEY_FIGURE_LABELS, key_figures(report, wording()), strict=True
        ):
            self._figures[name].setText(number(value))
        # Chart text follows the text-size setting (at least 10 pt, like the window).
        size = max(10, round(QApplication.font().pointSizeF()))
        built = dict(charts.all_charts(report, size))
        figures = []
        for chart_id, view in self._views.items():
            self._set_chart(view, built[chart_id])
            figures += make_readable(view, built[chart_id])
        self.chart_figures.set_items(figures)
        for button in self.export_buttons.values():
            button.setEnabled(True)
        w = wording()
        self._set_status(
            tr("Rapport {period} — {site}").format(
                period=lb.period_label(report.start, report.end, w),
                site=lb.scope_name(report.site_label, w),
            )
        )
        self._finish()
        self.report_ready.emit(report)

    def _build_chart_figures(self) -> QTableView:
        """The charts' figures as a table (their text alternative, reachable by keyboard)."""
        self.chart_figures = figures_model(self)
        view = release_tab(QTableView())
        view.setModel(self.chart_figures)
        view.setAccessibleName(tr("Chiffres des graphiques"))
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.setMinimumHeight(200)
        self.chart_figures_view = view
        return view

    @staticmethod
    def _set_chart(view: QChartView, chart: QChart) -> None:
        old = view.chart()
        view.setChart(chart)
        if old is not None:
            old.deleteLater()

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #B00020;" if error else "")
        self.status.setText(text)

    # exporting ------------------------------------------------------------------------
    def export(self, kind: str) -> None:
        """Ask where to save, then write the chosen export."""
        if self.report is None:
            return
        title, suffix, filters = _EXPORTS[kind]
        suggested = f"rapport-ardoiz-{self.report.end:%Y-%m-%d}.{suffix}"
        if kind == "lacoop":
            suggested = f"la-coop-ardoiz-{self.report.end:%Y-%m-%d}.xlsx"
        path = self.choose_path(self, tr(title), suggested, tr(filters))
        if not path:
            return
        if kind == "pdf":
            self._export_pdf(path)
            return
        report, flt = self.report, self.current_filter()
        if kind == "lacoop":
            suffix = Path(path).suffix.lower()
            if suffix != EXTENSION:
                if suffix:
                    self._export_failed(tr("La Coop ne lit que les fichiers .xlsx."))
                    return
                path += EXTENSION
            plan = plan_lacoop(self.ws, flt.site_id)
            if not self.confirm_lacoop(self, plan):
                self._set_status(tr("Export pour La Coop annulé."))
                return
            work = lambda _p: export_lacoop(  # noqa: E731
                self.ws, path, site_id=flt.site_id, start=report.start, end=report.end, plan=plan
            )
        else:
            work = lambda _p: export_report(self.ws, report, kind, path)  # noqa: E731
        self._set_status(tr("Export en cours…"))
        self.ops.run(
            work,
            on_success=lambda _r: self._exported(path),
            on_failure=lambda message, _d: self._export_failed(message),
            parent=self,
        )

    def _export_pdf(self, path: str) -> None:
        # Charts are QGraphicsItems: they are drawn on the GUI thread (a fraction of a second).
        try:
            print_report_pdf(self.ws, self.report, path)
        except (OSError, ValidationError) as exc:
            self._export_failed(user_message(exc))
            return
        self._exported(path)

    def _exported(self, path: str) -> None:
        self._set_status(tr("Fichier enregistré : {path}").format(path=path))
        self.export_done.emit(path)

    def _export_failed(self, message: str) -> None:
        self._set_status(tr("L'export a échoué : {message}").format(message=message), True)


_EXPORTS = {
    "csv": ("Exporter le rapport en CSV", "csv", "Fichier CSV (*.csv)"),
    "xlsx": ("Exporter le rapport pour Excel", "xlsx", "Classeur Excel (*.xlsx)"),
    "pdf": ("Exporter le rapport en PDF", "pdf", "Document PDF (*.pdf)"),
    "lacoop": ("Export pour La Coop", "xlsx", "Classeur Excel (*.xlsx)"),
}
