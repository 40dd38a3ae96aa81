"""A4 PDF documents laid out by Qt's own text engine: HTML through ``QTextDocument``.

Table cells wrap their text at word boundaries and a column is never narrower than its
longest word, so a header is never clipped; long tables run over pages and repeat their
header row; a section heading is never left alone at a page foot (it moves to the next page
with what follows). Charts are QtCharts drawn inline as vector objects. Every page gets a
footer: the application, "Page n / N" and the edition date.

The writer works at 96 dots per inch, the screen's resolution, so a chart laid out for the
screen is painted at its own size and its fonts keep their size; PDF output stays vector.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCharts import QChart
from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QPyTextObject,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QGraphicsScene

from ardoiz_desk.printing.words import number

DPI = 96
GAP = 10.0
FOOTER = 28.0  # room kept under the body of every page for the footer
HEADER_BG = "#1F4E79"
STRIPE_BG = "#EEF3F8"
BORDER = "#B8C4D0"
TEXT = "#1A1A1A"
MUTED = "#555555"
HEADING_LEVEL = 2
CHART_OBJECT = int(QTextFormat.ObjectTypes.UserObject) + 1
CHART_INDEX = int(QTextFormat.Property.UserProperty) + 1
_CHART_MARK = "\u2063chart{}\u2063"  # replaced by the chart object once laid out as HTML


def tr(text: str) -> str:
    """Translate a string of the PDF documents."""
    return QCoreApplication.translate("ReportPdf", text)


def is_number(value: object) -> bool:
    """True for numbers (not booleans): they are written through the locale, right-aligned."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def numeric_column(rows: Sequence[Sequence[object]], index: int) -> bool:
    """True when a column holds numbers (its header is then right-aligned too)."""
    values = [r[index] for r in rows if r[index] not in ("", None)]
    return bool(values) and all(is_number(v) for v in values)


def _text(value: object) -> str:
    return html.escape(number(value)).replace("\n", "<br>")


class ChartObjects(QPyTextObject):
    """Draws charts where the document holds a chart object (vector, at the laid-out size)."""

    def __init__(self) -> None:
        super().__init__()
        self.charts: list[tuple[QChart, QSizeF]] = []

    def add(self, chart: QChart, size: QSizeF) -> int:
        """Keep a chart to draw at a size; return its index."""
        self.charts.append((chart, size))
        return len(self.charts) - 1

    def intrinsicSize(self, _doc: Any, _pos: int, fmt: QTextFormat) -> QSizeF:
        """The chart's size (Qt's name)."""
        return QSizeF(self.charts[int(fmt.property(CHART_INDEX))][1])

    def drawObject(
        self, painter: QPainter, rect: QRectF, _doc: Any, _pos: int, fmt: QTextFormat
    ) -> None:
        """Paint the chart in its rectangle (Qt's name)."""
        chart, _size = self.charts[int(fmt.property(CHART_INDEX))]
        area = rect.adjusted(GAP / 2, 0, -GAP / 2, 0)
        scene = QGraphicsScene()
        scene.addItem(chart)
        chart.resize(area.size())
        scene.render(painter, area, QRectF(0, 0, area.width(), area.height()))
        scene.removeItem(chart)


class FlowDocument:
    """An A4 portrait document built from titles, paragraphs, headings, tables and charts."""

    def __init__(self, title: str, footer_left: str, footer_right: str) -> None:
        self.title = title
        self.footer_left, self.footer_right = footer_left, footer_right
        self.layout = QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 14, 15, 16),
            QPageLayout.Unit.Millimeter,
        )
        rect = self.layout.paintRectPixels(DPI)
        self.width = float(rect.width())
        self.page_height = float(rect.height())
        self.parts: list[str | int] = []  # HTML, or the number of a heading
        self.heading_texts: list[str] = []
        self.breaks: set[int] = set()  # headings moved to a new page so as not to end one
        self.objects = ChartObjects()
        self._document: QTextDocument | None = None
        # Laid out on a PDF device (not the screen), so that what is measured is what prints.
        self._buffer = QBuffer()
        self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self._device = self._writer(self._buffer)

    def _writer(self, target: str | QBuffer) -> QPdfWriter:
        writer = QPdfWriter(target)
        writer.setResolution(DPI)
        writer.setTitle(self.title)
        writer.setCreator("Ardoiz Desk")
        writer.setPageLayout(self.layout)
        return writer

    @property
    def body_height(self) -> float:
        """Height of a page's body, above the footer."""
        return self.page_height - FOOTER

    # content ----------------------------------------------------------------------------
    def add_title(self, text: str) -> None:
        """The document's title, large."""
        self.parts.append(
            f'<p style="font-size:20pt; font-weight:bold; color:{TEXT}; margin-bottom:6px">'
            f"{html.escape(text)}</p>"
        )

    def add_paragraph(self, text: str, small: bool = False) -> None:
        """A paragraph of running text (small and muted for notes)."""
        style = f"font-size:7.5pt; font-style:italic; color:{MUTED}" if small else "font-size:9pt"
        self.parts.append(f'<p style="{style}; margin-top:6px">{html.escape(text)}</p>')

    def add_heading(self, text: str, new_page: bool = False) -> None:
        """A section heading, kept on the page of what follows it."""
        if new_page:
            self.breaks.add(len(self.heading_texts))
        self.parts.append(len(self.heading_texts))
        self.heading_texts.append(text)

    def _heading_html(self, number: int) -> str:
        brk = " page-break-before:always;" if number in self.breaks else ""
        return (
            f'<h{HEADING_LEVEL} style="font-size:13pt; color:{HEADER_BG};{brk} '
            f'margin-top:12px; margin-bottom:4px">'
            f"{html.escape(self.heading_texts[number])}</h{HEADING_LEVEL}>"
        )

    def add_table(self, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
        """A table whose cells wrap, with its header row repeated on every page it spans."""
        right = [numeric_column(rows, i) for i in range(len(headers))]
        head = "".join(
            f'<th bgcolor="{HEADER_BG}" align="{"right" if r else "left"}">'
            f'<span style="color:white">{html.escape(h)}</span></th>'
            for h, r in zip(headers, right, strict=True)
        )
        body = []
        for i, row in enumerate(rows):
            stripe = f' bgcolor="{STRIPE_BG}"' if i % 2 else ""
            cells = "".join(
                f'<td align="{"right" if right[j] or is_number(v) else "left"}">{_text(v)}</td>'
                for j, v in enumerate(row)
            )
            body.append(f"<tr{stripe}>{cells}</tr>")
        self.parts.append(
            f'<table width="100%" cellspacing="0" cellpadding="4" border="0.5" '
            f'style="border-collapse:collapse; border-color:{BORDER}; font-size:8.5pt">'
            f"<thead><tr>{head}</tr></thead>{''.join(body)}</table>"
        )

    def add_tiles(self, items: Sequence[tuple[str, object]], columns: int = 4) -> None:
        """Key figures as tiles: the figure large, its name under it."""
        rows = []
        for start in range(0, len(items), columns):
            cells = "".join(
                f'<td width="{100 // columns}%" bgcolor="{STRIPE_BG}">'
                f'<span style="font-size:16pt; font-weight:bold; color:{HEADER_BG}">'
                f"{_text(value)}</span><br>"
                f'<span style="font-size:8pt; color:{MUTED}">{html.escape(name)}</span></td>'
                for name, value in items[start : start + columns]
            )
            rows.append(f"<tr>{cells}</tr>")
        self.parts.append(
            f'<table width="100%" cellspacing="0" cellpadding="6" border="0.5" '
            f'style="border-collapse:collapse; border-color:{BORDER}">{"".join(rows)}</table>'
        )

    def add_charts(self, charts: Sequence[QChart], height: float) -> None:
        """Charts side by side across the page, each drawn as a vector object."""
        each = (self.width - 2) / len(charts)
        marks = "".join(
            _CHART_MARK.format(self.objects.add(c, QSizeF(each, height))) for c in charts
        )
        self.parts.append(f'<p align="center" style="margin-top:8px">{marks}</p>')

    # layout -----------------------------------------------------------------------------
    def document(self) -> QTextDocument:
        """The laid-out document, paginated to the body's height (built once).

        A heading that would end a page is moved to the next one, in reading order (each
        move shifts what comes after it); the document is laid out afresh after each move.
        """
        if self._document is None:
            for _ in range(len(self.heading_texts) + 1):
                self._document = self._build()
                orphan = next(
                    (i for i, (_text, top, follow) in enumerate(self.headings()) if top != follow),
                    None,
                )
                if orphan is None or orphan in self.breaks:
                    break
                self.breaks.add(orphan)
        return self._document

    def _build(self) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self._device)
        doc.documentLayout().registerHandler(CHART_OBJECT, self.objects)
        doc.setDocumentMargin(0)
        body = QFont()
        body.setPointSizeF(8.5)
        doc.setDefaultFont(body)
        doc.setDefaultStyleSheet(f"body {{ color: {TEXT}; }}")
        body_html = "".join(
            self._heading_html(part) if isinstance(part, int) else part for part in self.parts
        )
        doc.setHtml(f"<body>{body_html}</body>")
        for index in range(len(self.objects.charts)):
            cursor = doc.find(_CHART_MARK.format(index))
            chart = QTextCharFormat()
            chart.setObjectType(CHART_OBJECT)
            chart.setProperty(CHART_INDEX, index)
            cursor.insertText("\ufffc", chart)
        doc.setPageSize(QSizeF(self.width, self.body_height))
        # Qt lays long documents out lazily: measuring the last block lays out them all.
        doc.documentLayout().blockBoundingRect(doc.lastBlock())
        return doc

    def page_of(self, y: float) -> int:
        """The page (from 1) a document position falls on."""
        return int(y // self.body_height) + 1

    def headings(self) -> list[tuple[str, int, int]]:
        """Each heading, its page and the page where what follows it starts (its table's
        first row, or the next paragraph)."""
        doc = self.document() if self._document is None else self._document
        layout = doc.documentLayout()
        found = []
        block = doc.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == HEADING_LEVEL:
                follow = _first_content(block.next())
                if follow is not None:
                    top = layout.blockBoundingRect(block).top() + 1
                    bottom = layout.blockBoundingRect(follow).bottom() - 1
                    found.append((block.text(), self.page_of(top), self.page_of(bottom)))
            block = block.next()
        return found

    # output -----------------------------------------------------------------------------
    def save(self, path: str) -> int:
        """Write the PDF; return the number of pages."""
        writer = self._writer(path)
        doc = self.document()
        pages = doc.pageCount()
        painter = QPainter(writer)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        try:
            for number_ in range(1, pages + 1):
                if number_ > 1:
                    writer.newPage()
                self._paint_page(painter, doc, number_)
                self._paint_footer(painter, number_, pages)
        finally:
            painter.end()
        return pages

    def _paint_page(self, painter: QPainter, doc: QTextDocument, page: int) -> None:
        top = (page - 1) * self.body_height
        painter.save()
        painter.translate(0, -top)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRectF(0, top, self.width, self.body_height)
        painter.setClipRect(context.clip)
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def _paint_footer(self, painter: QPainter, page: int, total: int) -> None:
        top = self.page_height - 18
        painter.setPen(QPen(QColor(BORDER), 0.8))
        painter.drawLine(0, int(top - 4), int(self.width), int(top - 4))
        small = QFont()
        small.setPointSizeF(7.5)
        painter.setFont(small)
        painter.setPen(QColor(MUTED))
        rect = QRectF(0, top, self.width, 16)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft, self.footer_left)
        painter.drawText(
            rect,
            Qt.AlignmentFlag.AlignHCenter,
            tr("Page {page} / {total}").format(page=page, total=total),
        )
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight, self.footer_right)


def _first_content(block: QTextBlock) -> QTextBlock | None:
    """What a heading introduces: a table's first body row (past its header), else the
    next block."""
    if not block.isValid():
        return None
    table = QTextCursor(block).currentTable()
    if table is None:
        return block
    header_rows = table.format().headerRowCount()
    row = min(header_rows, table.rows() - 1)
    return table.cellAt(row, 0).firstCursorPosition().block()
