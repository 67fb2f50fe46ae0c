"""Fixtures of the registry and review page tests, on top of the personas of the root conftest."""

import pytest

from households.services import review as review_services
from tests.households.factories import HouseholdFactory


@pytest.fixture
def house1(neighborhood1, head1):
    return HouseholdFactory(neighborhood=neighborhood1, code="KP1-0001", head_name="Nguyễn Thị Hường")


@pytest.fixture
def house2(neighborhood2, head2):
    return HouseholdFactory(neighborhood=neighborhood2, code="KP2-0001", head_name="Lê Văn Nam")


@pytest.fixture
def open_round(commune, labour_officer):
    return review_services.review_round_open(
        commune=commune, year=2024, user=labour_officer, history_reason="Nhập kết quả đã rà soát trên giấy"
    )
