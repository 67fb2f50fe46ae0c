"""Plan fixtures on top of the root personas."""

import pytest

from tests.programs.factories import make_approved, make_draft, make_submitted


@pytest.fixture
def draft_plan(commune, labour_officer, peoples_committee):
    """A complete 2024 draft written by the labour officer."""
    return make_draft(commune, labour_officer, peoples_committee)


@pytest.fixture
def submitted_plan(commune, labour_officer, peoples_committee):
    return make_submitted(commune, labour_officer, peoples_committee)


@pytest.fixture
def approved_plan(commune, labour_officer, vice_chairman, peoples_committee):
    """Approved by the vice chairman (KT. CHỦ TỊCH)."""
    return make_approved(commune, labour_officer, vice_chairman, peoples_committee)
