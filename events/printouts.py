"""Printouts for the door, as PDF (reportlab): the list of the people expected, with a box
to tick, and their name badges, eight to an A4 page.

Names are French, English and Korean. Latin text is set in Helvetica (one of the PDF
standard fonts: é, ü, ç ...). Hangul, and whatever else Helvetica's encoding lacks, in
reportlab's built-in Korean font ``HYGothic-Medium``, an Adobe CID font that needs no
file: the PDF names it and readers bring their own (Acrobat's Asian font pack, the
system's fonts elsewhere). Each piece of text is split into runs, one font per run.
"""

import functools
import io
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from chamber.toolkit import l10n

LATIN = "Helvetica"
LATIN_BOLD = "Helvetica-Bold"
KOREAN = "HYGothic-Medium"
# The standard fonts' encoding: what Helvetica can draw.
LATIN_ENCODING = "cp1252"

# A tick in the ZapfDingbats standard font.
CHECK_MARK = "4"
# Badges: 2 across, 4 down, each 105 × 74 mm (A4 cut in eight).
BADGE_COLUMNS, BADGE_ROWS = 2, 4


@functools.cache
def _register_fonts() -> None:
    pdfmetrics.registerFont(UnicodeCIDFont(KOREAN))


def _is_latin(character: str) -> bool:
    try:
        character.encode(LATIN_ENCODING)
    except UnicodeEncodeError:
        return False
    return True


def runs(text: str, latin: str = LATIN) -> list[tuple[str, str]]:
    """``text`` cut into (font, piece) runs: Latin pieces in ``latin``, others in the
    Korean font."""
    pieces: list[tuple[str, str]] = []
    for character in text:
        # A space belongs to the run it follows (both fonts have one): "한지 공방" is
        # one run, as a reader expects to copy it.
        if character == " " and pieces:
            font = pieces[-1][0]
        else:
            font = latin if _is_latin(character) else KOREAN
        if pieces and pieces[-1][0] == font:
            pieces[-1] = (font, pieces[-1][1] + character)
        else:
            pieces.append((font, character))
    return pieces


def text_width(text: str, size: float, latin: str = LATIN) -> float:
    return sum(pdfmetrics.stringWidth(piece, font, size) for font, piece in runs(text, latin))


def markup(text: str, latin: str = LATIN) -> str:
    """``text`` as Paragraph markup, each run in its font."""
    return "".join(
        f'<font name="{font}">{escape(piece)}</font>' for font, piece in runs(text, latin)
    )


def fitted(text: str, size: float, width: float, latin: str = LATIN, smallest: float = 7):
    """The largest size up to ``size`` at which ``text`` fits ``width``, and the text
    (shortened with an ellipsis if even the smallest size is too wide)."""
    while size > smallest and text_width(text, size, latin) > width:
        size -= 0.5
    while len(text) > 1 and text_width(text, size, latin) > width:
        text = text[:-2].rstrip() + "…"
    return text, size


def draw_centred(canvas, text: str, x: float, y: float, size: float, width: float, latin=LATIN):
    """Draw ``text`` centred on ``x`` at baseline ``y``, as large as ``size`` allows in
    ``width``."""
    text, size = fitted(text, size, width, latin)
    start = x - text_width(text, size, latin) / 2
    for font, piece in runs(text, latin):
        canvas.setFont(font, size)
        canvas.drawString(start, y, piece)
        start += pdfmetrics.stringWidth(piece, font, size)


def occasion_line(occasion) -> str:
    """The title of the delegation or event, with its date."""
    starts = getattr(occasion, "starts_at", None)
    if starts is not None:
        when = l10n.long_date(timezone.localtime(starts))
    else:
        when = l10n.long_date(occasion.fair.starts_on)
    return f"{occasion} — {when}"


# The attendee list ---------------------------------------------------------------------------


def attendee_list(occasion, attendees) -> bytes:
    """The people expected, in the order given, with a box to tick by hand."""
    _register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=18 * mm,
        title=_("Attendees: %(occasion)s") % {"occasion": occasion},
    )
    title = ParagraphStyle("title", fontName=LATIN_BOLD, fontSize=15, leading=19)
    small = ParagraphStyle("small", fontName=LATIN, fontSize=9, leading=12)
    body = ParagraphStyle("body", fontName=LATIN, fontSize=10, leading=13)
    bold = ParagraphStyle("bold", parent=body, fontName=LATIN_BOLD)
    attendees = list(attendees)
    present = sum(1 for attendee in attendees if attendee.checked_in_at)
    header = [
        "",
        _("Name"),
        _("Job title"),
        _("Company"),
        _("Arrived at"),
    ]
    rows = [[Paragraph(markup(text, LATIN_BOLD), bold) for text in header]]
    for attendee in attendees:
        arrived = (
            l10n.time_of_day(timezone.localtime(attendee.checked_in_at))
            if attendee.checked_in_at
            else ""
        )
        rows.append(
            [
                CHECK_MARK if attendee.checked_in_at else "",
                Paragraph(markup(attendee.name, LATIN_BOLD), bold),
                Paragraph(markup(attendee.job_title), body),
                Paragraph(markup(attendee.registration.company_name), body),
                Paragraph(markup(arrived), body),
            ]
        )
    table = Table(
        rows,
        colWidths=[10 * mm, 52 * mm, 40 * mm, 56 * mm, 22 * mm],
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 1), (0, -1), "ZapfDingbats"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.grey),
                ("BOX", (0, 1), (0, -1), 0.5, colors.black),
                ("INNERGRID", (0, 1), (0, -1), 0.5, colors.black),
                ("ROWBACKGROUNDS", (1, 1), (-1, -1), [colors.white, colors.HexColor("#f2f2f2")]),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    story = [
        Paragraph(markup(_("Attendees"), LATIN_BOLD), title),
        Paragraph(markup(occasion_line(occasion), LATIN_BOLD), body),
        Paragraph(
            markup(
                _("%(present)s present of %(expected)s expected · printed on %(date)s")
                % {
                    "present": present,
                    "expected": len(attendees),
                    "date": l10n.long_datetime(timezone.localtime()),
                }
            ),
            small,
        ),
        Spacer(1, 6 * mm),
        table,
    ]
    page_label = _("Page %(page)s")

    def number(canvas, doc):
        canvas.saveState()
        canvas.setFont(LATIN, 8)
        canvas.drawRightString(A4[0] - 15 * mm, 10 * mm, page_label % {"page": doc.page})
        canvas.restoreState()

    document.build(story, onFirstPage=number, onLaterPages=number)
    return buffer.getvalue()


# Name badges ---------------------------------------------------------------------------------


def badges(occasion, attendees) -> bytes:
    """A badge per person: name, company, the delegation's or event's title; eight to a
    page, with light cutting lines."""
    _register_fonts()
    buffer = io.BytesIO()
    canvas = pdf_canvas.Canvas(buffer, pagesize=A4)
    canvas.setTitle(_("Badges: %(occasion)s") % {"occasion": occasion})
    page_width, page_height = A4
    width, height = page_width / BADGE_COLUMNS, page_height / BADGE_ROWS
    per_page = BADGE_COLUMNS * BADGE_ROWS
    title = str(occasion)
    attendees = list(attendees)
    for index, attendee in enumerate(attendees):
        if index and index % per_page == 0:
            canvas.showPage()
        slot = index % per_page
        column, row = slot % BADGE_COLUMNS, slot // BADGE_COLUMNS
        left = column * width
        bottom = page_height - (row + 1) * height
        _badge(canvas, attendee, title, left, bottom, width, height)
    if not attendees:
        canvas.setFont(LATIN, 12)
        canvas.drawString(20 * mm, page_height - 30 * mm, _("No one is expected yet."))
    canvas.save()
    return buffer.getvalue()


def _badge(canvas, attendee, title, left, bottom, width, height) -> None:
    canvas.setStrokeColor(colors.lightgrey)
    canvas.setLineWidth(0.3)
    canvas.setDash(2, 3)
    canvas.rect(left, bottom, width, height)
    canvas.setDash()
    canvas.setFillColor(colors.black)
    centre = left + width / 2
    inner = width - 14 * mm
    draw_centred(canvas, attendee.name, centre, bottom + height * 0.55, 22, inner, LATIN_BOLD)
    if attendee.job_title:
        draw_centred(canvas, attendee.job_title, centre, bottom + height * 0.43, 11, inner)
    draw_centred(
        canvas,
        attendee.registration.company_name,
        centre,
        bottom + height * 0.31,
        14,
        inner,
        LATIN_BOLD,
    )
    canvas.setFillColor(colors.HexColor("#444444"))
    draw_centred(canvas, title, centre, bottom + 9 * mm, 9, inner)
    canvas.setFillColor(colors.black)
