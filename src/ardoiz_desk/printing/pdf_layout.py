"""A tiny flowing-document engine over QPdfWriter: blocks of known height are laid out on
A4 pages (table headers repeat after a page break), then painted with page numbers.

The writer works at 96 dots per inch, the screen's resolution, so a chart laid out for the
screen is painted at its own size and its fonts keep their size; PDF output stays vector.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCharts import QChart
from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtWidgets import QGraphicsScene

DPI = 96
GAP = 10.0
CELL_PAD = 4.0
HEADER_BG = QColor("#1F4E79")
STRIPE_BG = QColor("#EEF3F8")
BORDER = QColor("#B8C4D0")
TEXT = QColor("#1A1A1A")
MUTED = QColor("#555555")

Painter = Callable[[QPainter, QRectF], None]


@dataclass
class Block:
    """Something painted across the page width, of a known height."""

    height: float
    paint: Painter
    keep_with_next: bool = False
    page_break_before: bool = False
    header: Block | None = None  # painted first when this block opens a page
    gap_after: float = GAP
    keep: list = field(default_factory=list)  # Qt objects to keep alive until painted


def font(size: float, bold: bool = False, italic: bool = False) -> QFont:
    """Return the application font at a point size."""
    f = QFont()
    f.setPointSizeF(size)
    f.setBold(bold)
    f.setItalic(italic)
    return f


class PdfDocument:
    """An A4 portrait PDF built from blocks, with a footer on every page."""

    def __init__(self, path: str, title: str, footer_left: str, footer_right: str) -> None:
        self.writer = QPdfWriter(path)
        self.writer.setResolution(DPI)
        self.writer.setTitle(title)
        self.writer.setCreator("Ardoiz Desk")
        layout = QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 14, 15, 16),
            QPageLayout.Unit.Millimeter,
        )
        self.writer.setPageLayout(layout)
        rect = layout.paintRectPixels(DPI)
        self.width = float(rect.width())
        self.page_height = float(rect.height())
        self.footer_left, self.footer_right = footer_left, footer_right
        self.blocks: list[Block] = []

    @property
    def body_height(self) -> float:
        """Height available for blocks above the footer."""
        return self.page_height - 28

    def metrics(self, f: QFont) -> QFontMetricsF:
        """Font metrics on the PDF device."""
        return QFontMetricsF(f, self.writer)

    def text_height(self, text: str, f: QFont, width: float) -> float:
        """Height of word-wrapped text in a width."""
        flags = int(Qt.TextFlag.TextWordWrap)
        return self.metrics(f).boundingRect(QRectF(0, 0, width, 1e6), flags, text).height()

    def add(self, *blocks: Block) -> None:
        """Append blocks to the flow."""
        self.blocks.extend(blocks)

    def paginate(self) -> list[list[Block]]:
        """Assign blocks to pages."""
        pages: list[list[Block]] = [[]]
        y = 0.0
        for i, block in enumerate(self.blocks):
            need = block.height
            if block.keep_with_next and i + 1 < len(self.blocks):
                need += GAP + self.blocks[i + 1].height
            if pages[-1] and (block.page_break_before or y + need > self.body_height):
                pages.append([])
                y = 0.0
                if block.header is not None:
                    pages[-1].append(block.header)
                    y += block.header.height
            pages[-1].append(block)
            y += block.height + block.gap_after
        return pages

    def save(self) -> int:
        """Paint every page and close the file; return the number of pages."""
        pages = self.paginate()
        painter = QPainter(self.writer)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        try:
            for number, blocks in enumerate(pages, start=1):
                if number > 1:
                    self.writer.newPage()
                self._paint_page(painter, blocks)
                self._paint_footer(painter, number, len(pages))
        finally:
            painter.end()
        return len(pages)

    def _paint_page(self, painter: QPainter, blocks: Sequence[Block]) -> None:
        y = 0.0
        for block in blocks:
            painter.save()
            block.paint(painter, QRectF(0, y, self.width, block.height))
            painter.restore()
            y += block.height + block.gap_after

    def _paint_footer(self, painter: QPainter, number: int, total: int) -> None:
        top = self.page_height - 18
        painter.setPen(QPen(BORDER, 0.8))
        painter.drawLine(0, int(top - 4), int(self.width), int(top - 4))
        painter.setFont(font(7.5))
        painter.setPen(MUTED)
        rect = QRectF(0, top, self.width, 16)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft, self.footer_left)
        painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter, f"Page {number} / {total}")
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight, self.footer_right)


def text_block(doc: PdfDocument, text: str, f: QFont, colour: QColor = TEXT, **kw) -> Block:
    """A word-wrapped paragraph."""
    height = doc.text_height(text, f, doc.width) + 2

    def paint(p: QPainter, rect: QRectF) -> None:
        p.setFont(f)
        p.setPen(colour)
        p.drawText(rect, int(Qt.TextFlag.TextWordWrap), text)

    return Block(height, paint, **kw)


def heading(doc: PdfDocument, text: str, page_break: bool = False) -> Block:
    """A section heading, kept with what follows."""
    block = text_block(doc, text, font(13, bold=True), HEADER_BG)
    block.height += 4
    block.keep_with_next = True
    block.page_break_before = page_break
    return block


def charts_block(charts: Sequence[QChart], width: float, height: float) -> Block:
    """Charts side by side across the page."""
    each = (width - GAP * (len(charts) - 1)) / len(charts)

    def paint(p: QPainter, rect: QRectF) -> None:
        for i, chart in enumerate(charts):
            scene = QGraphicsScene()
            scene.addItem(chart)
            chart.resize(QSizeF(each, height))
            target = QRectF(rect.x() + i * (each + GAP), rect.y(), each, height)
            scene.render(p, target, QRectF(0, 0, each, height))
            scene.removeItem(chart)

    return Block(height, paint, keep=list(charts))


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _cell_text(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return "" if value is None else str(value)


def column_widths(
    doc: PdfDocument, headers: Sequence[str], rows: Sequence[Sequence[object]], width: float
) -> list[float]:
    """Share the width among columns, in proportion to their longest text."""
    body, bold = doc.metrics(font(8.5)), doc.metrics(font(8.5, bold=True))
    natural = []
    for i, header in enumerate(headers):
        longest = max((body.horizontalAdvance(_cell_text(r[i])) for r in rows), default=0)
        natural.append(max(longest, bold.horizontalAdvance(header) * 0.6, 30) + 2 * CELL_PAD)
    total = sum(natural)
    if total <= width:
        text = [i for i in range(len(headers)) if not numeric_column(rows, i)] or [0]
        spare = (width - total) / len(text)
        return [n + (spare if i in text else 0) for i, n in enumerate(natural)]
    return [n * width / total for n in natural]


def numeric_column(rows: Sequence[Sequence[object]], index: int) -> bool:
    """True when a column holds numbers (its header is then right-aligned too)."""
    values = [r[index] for r in rows if r[index] not in ("", None)]
    return bool(values) and all(_is_number(v) for v in values)


def table_blocks(
    doc: PdfDocument, headers: Sequence[str], rows: Sequence[Sequence[object]]
) -> list[Block]:
    """A table as a header block and one block per row, text wrapped in its column."""
    widths = column_widths(doc, headers, rows, doc.width)
    right = [numeric_column(rows, i) for i in range(len(headers))]
    header = _row_block(doc, list(headers), widths, header=True, right=right)
    blocks = [header]
    for i, row in enumerate(rows):
        block = _row_block(doc, list(row), widths, stripe=i % 2 == 1)
        block.header = header
        blocks.append(block)
    header.keep_with_next = True
    blocks[-1].gap_after = GAP * 1.5
    return blocks


def _row_block(
    doc: PdfDocument,
    values: list,
    widths: list[float],
    header: bool = False,
    stripe: bool = False,
    right: list[bool] | None = None,
) -> Block:
    f = font(8.5, bold=header)
    texts = [_cell_text(v) for v in values]
    height = max(
        doc.text_height(t, f, w - 2 * CELL_PAD) for t, w in zip(texts, widths, strict=True)
    )
    height += 2 * CELL_PAD

    def paint(p: QPainter, rect: QRectF) -> None:
        if header or stripe:
            p.fillRect(rect, HEADER_BG if header else STRIPE_BG)
        p.setFont(f)
        p.setPen(QColor("white") if header else TEXT)
        x = rect.x()
        for i, (text, value, w) in enumerate(zip(texts, values, widths, strict=True)):
            cell = QRectF(x + CELL_PAD, rect.y() + CELL_PAD, w - 2 * CELL_PAD, height)
            to_right = _is_number(value) or bool(right and right[i])
            align = Qt.AlignmentFlag.AlignRight if to_right else Qt.AlignmentFlag.AlignLeft
            p.drawText(
                cell, int(align | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap), text
            )
            x += w
        p.setPen(QPen(BORDER, 0.6))
        p.drawLine(rect.bottomLeft(), rect.bottomRight())

    return Block(height, paint, gap_after=0)
