"""Pages of the year-end review: the review form and its preview, the round workflow through approval with
its log and four-eyes, and the tasks it puts on the home page."""

import datetime
import json

import pytest
from django.urls import reverse

from households import messages
from households.models import Category, Review, ReviewRound, RoundStatus
from households.services import review as review_services
from tests.households.factories import get

pytestmark = pytest.mark.django_db


def test_only_the_chairman_approves_and_only_the_labour_officer_opens(
    client_for, commune, labour_officer, chairman, head1
):
    assert client_for(head1).post(reverse("households:round_open"), {"year": 2024}).status_code == 403
    assert client_for(chairman).post(reverse("households:round_open"), {"year": 2024}).status_code == 403
    response = client_for(labour_officer).post(
        reverse("households:round_open"),
        {"year": 2024, "history_reason": "Nhập kết quả năm 2024 đã rà soát trên giấy"},
    )
    review_round = ReviewRound.objects.get()
    assert response.url == reverse("households:round_detail", args=[review_round.pk])
    approve = reverse("households:round_approve", args=[review_round.pk])
    data = {"decision_number": "1/QĐ", "decision_date": "20/12/2024"}
    assert client_for(labour_officer).post(approve, data).status_code == 403


def review_data(**extra):
    return {
        "income": "1900000",
        "household_size": "3",
        "ind_employment": "on",
        "ind_latrine": "on",
        "ind_housing_area": "on",
    } | extra


def test_review_form_shows_help_text_and_previews_before_saving(client_for, head1, house1, open_round):
    client = client_for(head1)
    url = reverse("households:review_record", args=[house1.pk])
    page = client.get(url)
    assert "Diện tích nhà ở bình quân đầu người của hộ nhỏ hơn 8 m²" in page.text
    preview = client.post(url, review_data(preview="1"))
    assert "Kết quả phân loại: <strong>Hộ nghèo</strong>" in preview.text
    assert not Review.objects.exists()
    saved = client.post(url, review_data(save="1"))
    assert saved.status_code == 302
    assert Review.objects.get().category == Category.POOR


def test_review_preview_endpoint_answers_json(client_for, head1, house1, open_round):
    response = client_for(head1).post(
        reverse("households:review_preview", args=[house1.pk]), review_data(income="2500000")
    )
    data = json.loads(response.content)
    assert (
        data["ok"] and data["category"] == Category.AVERAGE and data["label"] == "Hộ có mức sống trung bình"
    )
    bad = json.loads(
        client_for(head1)
        .post(reverse("households:review_preview", args=[house1.pk]), review_data(income="-3"))
        .content
    )
    assert not bad["ok"] and messages.INCOME_NEGATIVE in bad["errors"]


def test_review_form_refuses_negative_income(client_for, head1, house1, open_round):
    response = client_for(head1).post(
        reverse("households:review_record", args=[house1.pk]), review_data(income="-1", save="1")
    )
    assert messages.INCOME_NEGATIVE in response.text
    assert not Review.objects.exists()


def test_review_page_without_an_open_round_says_so(client_for, head1, house1):
    response = get(client_for, head1, reverse("households:review_record", args=[house1.pk]))
    assert "Chưa mở đợt rà soát" in response.text


def test_round_pages_through_approval(client_for, labour_officer, chairman, head1, house1, open_round):
    review_services.review_record(
        review_round=open_round, household=house1, user=head1, deprivations=[], income=1_000_000
    )
    client_for(labour_officer).post(reverse("households:round_submit", args=[open_round.pk]))
    detail = get(client_for, chairman, reverse("households:round_detail", args=[open_round.pk]))
    assert "Phê duyệt (khóa kết quả)" in detail.text and "KP1-0001" in detail.text
    client_for(chairman).post(
        reverse("households:round_approve", args=[open_round.pk]),
        {"decision_number": "215/QĐ-UBND", "decision_date": "20/12/2024"},
    )
    open_round.refresh_from_db()
    assert open_round.status == RoundStatus.APPROVED and open_round.decision_date == datetime.date(
        2024, 12, 20
    )
    assert "215/QĐ-UBND" in get(client_for, labour_officer, reverse("households:round_list")).text


def test_home_tasks_for_head_and_chairman(client_for, head1, chairman, labour_officer, house1, open_round):
    home = get(client_for, head1, reverse("home"))
    assert "Hộ trong khu phố chưa rà soát năm 2024" in home.text
    review_services.review_record(
        review_round=open_round, household=house1, user=head1, deprivations=[], income=1_000_000
    )
    review_services.review_round_submit(review_round=open_round, user=labour_officer)
    assert "Phê duyệt kết quả rà soát năm 2024" in get(client_for, chairman, reverse("home")).text


def test_round_page_shows_its_log(client_for, labour_officer, chairman, head1, house1, open_round):
    review_services.review_record(
        review_round=open_round, household=house1, user=head1, deprivations=[], income=1_000_000
    )
    review_services.review_round_submit(review_round=open_round, user=labour_officer)
    review_services.review_round_return(review_round=open_round, user=chairman, note="Kiểm tra lại KP1")
    detail = get(client_for, labour_officer, reverse("households:round_detail", args=[open_round.pk]))
    assert 'data-testid="transitions"' in detail.text
    assert "Kiểm tra lại KP1" in detail.text and chairman.display_name in detail.text


def test_the_chairman_is_not_offered_to_approve_a_round_they_submitted(
    client_for, chairman, head1, house1, open_round
):
    review_services.review_record(
        review_round=open_round, household=house1, user=head1, deprivations=[], income=1_000_000
    )
    review_services.review_round_submit(review_round=open_round, user=chairman)
    detail = get(client_for, chairman, reverse("households:round_detail", args=[open_round.pk]))
    assert "Phê duyệt (khóa kết quả)" not in detail.text
