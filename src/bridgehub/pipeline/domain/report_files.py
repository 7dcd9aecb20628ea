"""The outcome report as files: an XLSX workbook and a PDF for the funding body, in one language.

Both are written from the same tables as each other (`report.summary_tables`), and both come out the
same for the same hub, date and filters: the workbook's dates and zip entries are pinned to the report
date, the PDF is written in ReportLab's invariant mode.

The PDF names the PDF standard Asian fonts (MSung for Traditional Chinese, HeiseiKakuGo for Japanese)
instead of embedding a font file: every PDF reader carries them, the file stays small and no font has
to be installed on the server.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import zipfile

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus import Table as PdfTable

from bridgehub.common.csvsafe import escape_cell
from bridgehub.hubs.models import Hub
from bridgehub.pipeline.domain.outcomes import HubOutcomes, hub_outcomes
from bridgehub.pipeline.domain.queries import PipelineFilters
from bridgehub.pipeline.domain.report import Table, end_of_day, relationships_table, summary_tables

_SHEET_FORBIDDEN = str.maketrans({character: " " for character in "[]:*?/\\"})
# The standard font that has the glyphs of each interface language (Latin is in both).
_PDF_FONT = {"zh-hant": "MSung-Light", "ja": "HeiseiKakuGo-W5", "en": "HeiseiKakuGo-W5"}


def _title(hub: Hub, outcomes: HubOutcomes, as_of: dt.date) -> str:
    return _("Outcome report of %(hub)s as of %(date)s") % {
        "hub": hub.name_for(translation.get_language()), "date": as_of.isoformat()}


def outcomes_xlsx(hub: Hub, as_of: dt.date, language: str = "en", filters: PipelineFilters | None = None) -> bytes:
    with translation.override(language):
        outcomes = hub_outcomes(hub, end_of_day(hub, as_of), filters)
        workbook = Workbook()
        summary = workbook.active
        assert summary is not None
        summary.title = _("Summary")[:31].translate(_SHEET_FORBIDDEN)
        summary.append([_title(hub, outcomes, as_of)])
        summary["A1"].font = Font(bold=True, size=14)
        for table in summary_tables(outcomes):
            summary.append([])
            _append(summary, table)
        relationships = workbook.create_sheet(_("Relationships")[:31].translate(_SHEET_FORBIDDEN))
        _append(relationships, relationships_table(hub, outcomes))
        pinned = dt.datetime.combine(as_of, dt.time())
        workbook.properties.created = pinned
        buffer = io.BytesIO()
        workbook.save(buffer)
    return _pinned_zip(buffer.getvalue(), pinned)


def _append(sheet, table: Table) -> None:
    sheet.append([table.title])
    sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
    sheet.append(table.header)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in table.rows:
        # A name starting with "=" would be a formula in the workbook: written as text instead.
        sheet.append([escape_cell(value) if isinstance(value, str) else value for value in row])
    if table.note:
        sheet.append([table.note])


def _pinned_zip(data: bytes, when: dt.datetime) -> bytes:
    """The same workbook bytes for the same report: entry times and the saved-at stamp set to `when`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                # Only the stamp changes: the element keeps the namespace declarations openpyxl gave it
                # (inline when lxml is installed, on the root otherwise).
                stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
                content = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rf"\g<1>{stamp}\g<2>",
                                 content.decode()).encode()
            pinned = zipfile.ZipInfo(info.filename, date_time=(when.year, when.month, when.day, 0, 0, 0))
            pinned.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(pinned, content)
    return out.getvalue()


@functools.cache
def _registered_font(font: str) -> str:
    """The PDF standard CJK font, registered with ReportLab once per process (a registration builds its
    metrics tables)."""
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    return font


def outcomes_pdf(hub: Hub, as_of: dt.date, language: str = "en", filters: PipelineFilters | None = None) -> bytes:
    font = _registered_font(_PDF_FONT.get(language, _PDF_FONT["en"]))
    with translation.override(language):
        outcomes = hub_outcomes(hub, end_of_day(hub, as_of), filters)
        title_style = ParagraphStyle("title", fontName=font, fontSize=16, leading=22, spaceAfter=6)
        heading = ParagraphStyle("heading", fontName=font, fontSize=12, leading=16, spaceBefore=10, spaceAfter=4)
        body = ParagraphStyle("body", fontName=font, fontSize=8.5, leading=12)
        story: list = [Paragraph(_title(hub, outcomes, as_of), title_style),
                       Paragraph(_("%(count)s relationships; %(lost)s closed without result.") % {
                           "count": outcomes.count, "lost": outcomes.lost}, body),
                       _funnel_drawing(outcomes, font)]
        for table in summary_tables(outcomes):
            story.append(Paragraph(table.title, heading))
            cells = [[Paragraph(str(value), body) for value in row] for row in [table.header, *table.rows]]
            pdf_table = PdfTable(cells, repeatRows=1, hAlign="LEFT")
            pdf_table.setStyle([("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef1f5")),
                                ("VALIGN", (0, 0), (-1, -1), "TOP")])
            story.append(pdf_table)
            if table.note:
                story.extend([Spacer(1, 2 * mm), Paragraph(table.note, body)])
        buffer = io.BytesIO()
        document = SimpleDocTemplate(buffer, pagesize=landscape(A4), title=_title(hub, outcomes, as_of),
                                     author="bridgehub", invariant=True, leftMargin=15 * mm, rightMargin=15 * mm,
                                     topMargin=15 * mm, bottomMargin=15 * mm)
        document.build(story)
    return buffer.getvalue()


def _funnel_drawing(outcomes: HubOutcomes, font: str) -> Drawing:
    """The page's funnel chart: claimed (light) and confirmed (dark) bars per step, with the figures."""
    largest = max(outcomes.funnel.reached) or 1
    height = 18 * len(outcomes.steps) + 6
    drawing = Drawing(170 * mm, height)
    for index, (_step, label, reached, confirmed) in enumerate(outcomes.steps):
        y = height - 18 * (index + 1)
        drawing.add(String(0, y + 4, label, fontName=font, fontSize=8.5))
        drawing.add(Rect(150, y, 300 * reached / largest, 13, fillColor=colors.HexColor("#b8c7dc"), strokeColor=None))
        drawing.add(Rect(150, y, 300 * confirmed / largest, 13, fillColor=colors.HexColor("#2d5b8c"),
                         strokeColor=None))
        drawing.add(String(156 + 300 * reached / largest, y + 4, f"{reached:,} / {confirmed:,}", fontName=font,
                           fontSize=8.5))
    return drawing
