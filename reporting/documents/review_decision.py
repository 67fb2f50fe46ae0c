"""The chairman's decision recognising the year's lists (Quyết định công nhận hộ nghèo, hộ cận nghèo;
hộ thoát nghèo, hộ thoát cận nghèo — QĐ 24/2021/QĐ-TTg, Mẫu số 02 of its Phụ lục) as an NĐ 30
document with the four lists annexed (Phụ lục I–IV), from an approved round's decision number and
date and the same figures and lists as the result tables (``review_tables``).

The legal bases below were checked against published texts (QĐ 24/2021 of 16/7/2021, NĐ 07/2021 of
27/01/2021, TT 07/2021 of 18/7/2021, TT 02/2022 of 30/3/2022). The wording of Mẫu số 02 itself could
not be found: the articles follow the form's structure (recognise the poor and near-poor lists,
recognise the escaped lists, entry into force and who executes) and are marked *cần xác nhận*.
"""

import datetime
import io
from dataclasses import dataclass

from pypdf import PdfWriter

from households.models import ReviewRound
from households.services.identity import identity_on
from reporting.documents.base import DocumentFrame
from reporting.documents.pdf import render_pdf
from reporting.documents.review_pdf import _append, _contexts
from reporting.documents.review_tables import ReviewTables, build_review_tables
from reporting.figures.review_tables import tables_transaction
from thoxuan_gnbv.formatting import document_date_line, format_number

# The local-government law in force on the decision date (Luật 72/2025/QH15 from 01/7/2025,
# cần xác nhận), then the poverty standard and the review procedure.
LOCAL_GOVERNMENT_2015 = "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"
LOCAL_GOVERNMENT_2025 = "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"
LAW_2025_FROM = datetime.date(2025, 7, 1)
BASES = [
    "Nghị định số 07/2021/NĐ-CP ngày 27 tháng 01 năm 2021 của Chính phủ quy định chuẩn nghèo đa chiều "
    "giai đoạn 2021 - 2025",
    "Quyết định số 24/2021/QĐ-TTg ngày 16 tháng 7 năm 2021 của Thủ tướng Chính phủ quy định quy trình rà "
    "soát hộ nghèo, hộ cận nghèo hằng năm và quy trình xác định hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp "
    "và diêm nghiệp có mức sống trung bình giai đoạn 2022 - 2025",
    "Thông tư số 07/2021/TT-BLĐTBXH ngày 18 tháng 7 năm 2021 của Bộ trưởng Bộ Lao động - Thương binh và Xã "
    "hội hướng dẫn phương pháp rà soát, phân loại hộ nghèo, hộ cận nghèo; xác định thu nhập của hộ làm nông "
    "nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp có mức sống trung bình giai đoạn 2022 - 2025 và mẫu biểu "
    "báo cáo, được sửa đổi, bổ sung bởi Thông tư số 02/2022/TT-BLĐTBXH ngày 30 tháng 3 năm 2022",
]
ANNEXES = [
    ("poor", "Phụ lục I", "Danh sách hộ nghèo"),
    ("near_poor", "Phụ lục II", "Danh sách hộ cận nghèo"),
    ("escaped_poor", "Phụ lục III", "Danh sách hộ thoát nghèo"),
    ("escaped_near_poor", "Phụ lục IV", "Danh sách hộ thoát cận nghèo"),
]
DECISION_TEMPLATE = "reporting/documents/pdf.html"


@dataclass(frozen=True)
class RecognitionDecision:
    frame: DocumentFrame
    authority: str
    bases: list[str]
    proposal: str
    articles: list[tuple[str, list[str]]]
    tables: ReviewTables

    @property
    def annex_line(self) -> str:
        r = self.tables.review_round
        return f"(Kèm theo Quyết định số {r.decision_number} ngày {r.decision_date:%d/%m/%Y} của {self.authority_name})"

    @property
    def authority_name(self) -> str:
        name = self.tables.frame.commune_name
        return "Chủ tịch Ủy ban nhân dân " + name[:1].lower() + name[1:]


def _count_line(label: str, count: int, total: int, annex: str) -> str:
    share = f"{100 * count / total:.2f}".replace(".", ",") if total else "0,00"
    return f"{label}: {format_number(count)} hộ, chiếm tỷ lệ {share}% tổng số hộ được rà soát ({annex} kèm theo)."


def build_decision(review_round: ReviewRound) -> RecognitionDecision:
    """The decision of an approved round (ValidationError when the year has none approved)."""
    tables = build_review_tables(review_round.commune, review_round.year)
    commune, year, total = tables.commune, tables.year, tables.total
    decided = tables.review_round.decision_date
    identity = identity_on(commune, decided)  # the name the commune had on the decision's date
    place = identity.name[:1].lower() + identity.name[1:]  # "trên địa bàn thị trấn Thọ Xuân"
    frame = DocumentFrame(
        issuer_parent=identity.issuer_parent,
        issuer_name=identity.issuer_name,
        number_line=f"Số: {tables.review_round.decision_number}",
        date_line=document_date_line(identity.place_name, decided),
        kind_title="QUYẾT ĐỊNH",
        subject=f"Về việc công nhận hộ nghèo, hộ cận nghèo; hộ thoát nghèo, hộ thoát cận nghèo năm {year} "
        f"trên địa bàn {place}",
        is_draft=False,
        recipients=["Như Điều 3", f"{identity.reports_to or 'Cấp trên'} (để báo cáo)"],
        signer=tables.frame.signer,
        filename=f"quyet-dinh-cong-nhan-{year}.pdf",
        commune_name=identity.name,
        reports_to=identity.reports_to,
    )
    law = LOCAL_GOVERNMENT_2025 if decided >= LAW_2025_FROM else LOCAL_GOVERNMENT_2015
    households = total.total
    articles = [
        ("Điều 1.", [
            f"Công nhận hộ nghèo, hộ cận nghèo năm {year} trên địa bàn {place}, cụ thể như sau:",
            "- " + _count_line("Số hộ nghèo", total.get("p_end"), households, "Phụ lục I"),
            "- " + _count_line("Số hộ cận nghèo", total.get("n_end"), households, "Phụ lục II"),
        ]),
        ("Điều 2.", [
            f"Công nhận hộ thoát nghèo, hộ thoát cận nghèo năm {year} trên địa bàn {place}, cụ thể như sau:",
            f"- Số hộ thoát nghèo: {format_number(total.get('p_escaped'))} hộ (Phụ lục III kèm theo).",
            f"- Số hộ thoát cận nghèo: {format_number(total.get('n_escaped'))} hộ (Phụ lục IV kèm theo).",
        ]),
        ("Điều 3.", [
            "Quyết định này có hiệu lực kể từ ngày ký.",
            "Văn phòng Ủy ban nhân dân, công chức phụ trách lao động - xã hội, Trưởng các khu phố và các hộ "
            "gia đình có tên tại Điều 1, Điều 2 chịu trách nhiệm thi hành Quyết định này.",
        ]),
    ]  # fmt: skip
    return RecognitionDecision(
        frame=frame,
        authority=f"CHỦ TỊCH ỦY BAN NHÂN DÂN {identity.issuer_name}",
        bases=[law, *BASES],
        proposal=f"Xét đề nghị của công chức phụ trách lao động - xã hội về kết quả rà soát hộ nghèo, hộ cận "
        f"nghèo năm {year}.",
        articles=articles,
        tables=tables,
    )


def write_decision_pdf(decision: RecognitionDecision, out, *, on_part=None) -> int:
    """Write the decision, then Phụ lục I–IV (the name lists, in parts of whole khu phố, merged), to
    ``out`` (a binary file); returns the number of pages. ``on_part(pages so far)`` is called after
    each laid-out part (a job's progress)."""
    writer = PdfWriter()
    context = {"doc": decision, "document_template": "reporting/documents/review_decision.html"}
    pages = _append(writer, render_pdf(DECISION_TEMPLATE, context))
    with tables_transaction():
        for kind, number, title in ANNEXES:
            for part in _contexts(decision.tables, kind, title, number):
                part.update(page_start=pages + 1, decision_line=decision.annex_line, signer=False)
                pages += _append(writer, render_pdf("reporting/documents/review_list.html", part))
                if on_part:
                    on_part(pages)
    writer.write(out)
    return pages


def render_decision_pdf(decision: RecognitionDecision) -> bytes:
    """``write_decision_pdf`` as bytes (a short decision, a test)."""
    out = io.BytesIO()
    write_decision_pdf(decision, out)
    return out.getvalue()
