"""A short document written as a PDF from HTML (QTextDocument over QPdfWriter)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument


def write_html_pdf(path: Path, html: str, title: str) -> Path:
    """Write HTML as an A4 PDF through ``NAME.part`` and a rename; return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(tmp))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 20, 20, 20),
        )
    )
    writer.setTitle(title)
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    del writer  # closes the file
    tmp.replace(path)
    return path
