"""The correction pages: edit and void from the support, activity and budget pages, the history
("Lịch sử điều chỉnh") with old → new and the reason, stale forms refused, the chairman's decision page,
and query counts that do not grow with the number of corrections."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from programs.messages import corrections as msg
from programs.models import Correction, Support
from programs.services.budget import allocation_record
from programs.services.corrections import correction_edit, correction_void
from tests.programs.delivery.test_corrections_service import REASON, accepted_report
from thoxuan_gnbv.statuses import CorrectionStatus

pytestmark = pytest.mark.django_db


def _edit(client, support, **changes):
    data = {
        "supported_on": support.supported_on.strftime("%d/%m/%Y"),
        "support_type": support.support_type,
        "description": support.description,
        "quantity": str(support.quantity),
        "unit": support.unit,
        "central_amount": str(support.central_amount),
        "local_amount": "0",
        "mobilised_amount": "0",
        "credit_amount": "0",
        "counterpart_cash": "0",
        "amount_to_return": "0",
        "amount_returned": "0",
        "version": support.version,
        "reason": REASON,
    } | changes
    return client.post(reverse("programs:correction_edit", args=["support", support.pk]), data)


def test_an_edit_from_the_page_shows_in_the_history_with_its_reason(client_for, support, agriculture_officer):
    client = client_for(agriculture_officer)
    page = client.get(reverse("programs:support_detail", args=[support.pk])).content.decode()
    assert "Sửa số liệu" in page and "Lịch sử điều chỉnh" in page
    response = _edit(client, support, central_amount="1.250.000")
    assert response.status_code == 302 and response.url == reverse(
        "programs:support_detail", args=[support.pk]
    )
    page = client.get(response.url).content.decode()
    assert "Ngân sách trung ương (đồng): <span" in page
    assert "1.000.000 đ" in page and "1.250.000 đ" in page and REASON in page


def test_a_form_opened_before_another_change_is_refused(client_for, support, agriculture_officer):
    client = client_for(agriculture_officer)
    stale_version = support.version
    assert _edit(client, support, unit="kg").status_code == 302
    response = _edit(client, support, unit="bao", version=stale_version)
    assert response.status_code == 200 and "Người khác đã sửa dữ liệu này" in response.content.decode()
    assert Support.objects.get(pk=support.pk).unit == "kg"


def test_a_missing_reason_is_named_on_the_form(client_for, support, agriculture_officer):
    response = _edit(client_for(agriculture_officer), support, unit="kg", reason="")
    assert response.status_code == 200 and "Lý do điều chỉnh" in response.content.decode()
    assert not Correction.objects.exists()


def test_a_voided_support_shows_why_and_leaves_the_list(client_for, support, agriculture_officer):
    client = client_for(agriculture_officer)
    url = reverse("programs:correction_void", args=["support", support.pk])
    response = client.post(url, {"reason": "Ghi trùng với phiếu PC-12", "version": support.version})
    assert response.status_code == 302
    page = client.get(reverse("programs:support_detail", args=[support.pk])).content.decode()
    assert "Đã hủy bỏ" in page and "Ghi trùng với phiếu PC-12" in page and "Sửa số liệu" not in page
    listing = client.get(reverse("programs:support_list")).content.decode()
    assert support.description not in listing


def test_the_chairman_approves_a_request_from_its_page(
    client_for, plan, support, components, agriculture_officer, chairman, labour_officer
):
    accepted_report(plan, components["3.1"], chairman, labour_officer)
    officer = client_for(agriculture_officer)
    response = _edit(officer, support, central_amount="900.000")
    correction = Correction.objects.get()
    assert correction.status == CorrectionStatus.REQUESTED
    follow = officer.get(response.url)
    assert "quý II năm 2024" in follow.content.decode()
    client = client_for(chairman)
    page = client.get(reverse("programs:correction_detail", args=[correction.pk])).content.decode()
    assert "Phê duyệt và áp dụng" in page and REASON in page
    home = client.get(reverse("home")).content.decode()
    assert "Đề nghị điều chỉnh số liệu đã báo cáo chờ phê duyệt" in home
    client.post(reverse("programs:correction_approve", args=[correction.pk]))
    assert Support.objects.get(pk=support.pk).central_amount == 900_000
    assert Correction.objects.get().status == CorrectionStatus.APPROVED


def test_the_refusal_needs_a_reason_on_the_page(
    client_for, plan, support, components, agriculture_officer, chairman, labour_officer
):
    accepted_report(plan, components["3.1"], chairman, labour_officer)
    correction = correction_void(kind="support", obj=support, reason=REASON, user=agriculture_officer)
    client = client_for(chairman)
    url = reverse("programs:correction_refuse", args=[correction.pk])
    response = client.post(url, {"comment": ""}, follow=True)
    assert "Lý do từ chối" in response.content.decode()
    assert Correction.objects.get().status == CorrectionStatus.REQUESTED
    client.post(url, {"comment": "Số liệu đã báo cáo huyện"})
    assert Correction.objects.get().status == CorrectionStatus.REFUSED


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_history_and_request_pages_do_not_grow_with_the_corrections(
    client_for, commune, components, accountant, chairman
):
    allocation = allocation_record(
        component=components["3.1"],
        source="central",
        amount=10_000_000,
        decision_number="03/QĐ-UBND",
        decision_date=datetime.date(2024, 1, 10),
        user=accountant,
    )
    row_url = reverse("programs:correction_row", args=["allocation", allocation.pk])
    list_url = reverse("programs:correction_list")

    def correct(start, times):
        for n in range(start, start + times):
            allocation.refresh_from_db()
            correction_edit(
                kind="allocation",
                obj=allocation,
                values={"note": f"Ghi chú {n}"},
                reason=REASON,
                user=accountant,
            )

    correct(0, 1)
    few = (_count(client_for(accountant), row_url), _count(client_for(chairman), list_url))
    correct(1, 6)
    many = (_count(client_for(accountant), row_url), _count(client_for(chairman), list_url))
    assert few == many
    assert Correction.objects.count() == 7


def test_a_correction_names_the_row_it_refuses(client_for, support, agriculture_officer):
    response = _edit(client_for(agriculture_officer), support, supported_on="05/01/2025")
    assert response.status_code == 200
    assert "Ngày phải nằm trong năm 2024 của kế hoạch." in response.content.decode()
    assert msg.NOTHING_CHANGED not in response.content.decode()


def test_the_admin_lists_voided_rows_and_shows_corrections_read_only(
    client_for, support, agriculture_officer, admin_user
):
    correction = correction_void(kind="support", obj=support, reason=REASON, user=agriculture_officer)
    client = client_for(admin_user)
    listing = client.get(reverse("admin:programs_support_changelist")).content.decode()
    assert support.description in listing
    page = client.get(reverse("admin:programs_correction_change", args=[correction.pk]))
    assert page.status_code == 200 and REASON in page.content.decode()
    assert client.post(reverse("admin:programs_correction_delete", args=[correction.pk])).status_code == 403
    assert Correction.objects.filter(pk=correction.pk).exists()


def test_the_correction_forms_name_the_row(client_for, support, agriculture_officer):
    client = client_for(agriculture_officer)
    for action in ("edit", "void"):
        page = client.get(
            reverse(f"programs:correction_{action}", args=["support", support.pk])
        ).content.decode()
        assert f"Hỗ trợ: {support}" in page


def test_an_unknown_kind_in_the_address_is_a_404(client_for, support, agriculture_officer):
    client = client_for(agriculture_officer)
    assert client.get(f"/programs/corrections/plan/{support.pk}/edit/").status_code == 404
    assert client.get(f"/programs/corrections/2024-Q5/{support.pk}/").status_code == 404
