"""Fixtures of the reporting tests: the commune's approved 2024 plan with its reporting regime."""

import pytest
from django.core.cache import cache

from reporting import services
from tests.reporting.factories import component, make_reporting_plan, open_period


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Poverty figures are cached by approved round; ids are reused between tests on SQLite."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def plan(commune, peoples_committee, health_unit, chairman, labour_officer):
    """The approved 2024 plan: nine components, 3.2 (nutrition) led by the health station."""
    return make_reporting_plan(
        commune,
        approver=chairman,
        author=labour_officer,
        lead_unit=peoples_committee,
        health_unit=health_unit,
    )


@pytest.fixture
def nutrition(plan):
    """Dự án 3 – Tiểu dự án 2 (Cải thiện dinh dưỡng), the health station's component."""
    return component(plan, "3.2")


@pytest.fixture
def livelihood(plan):
    """Dự án 2, the labour officer's component (carries the poverty figures)."""
    return component(plan, "2")


@pytest.fixture
def farming(plan):
    """Dự án 3 – Tiểu dự án 1, the agriculture officer's component."""
    return component(plan, "3.1")


@pytest.fixture
def period(commune, plan):
    return open_period(commune, "2024-Q2")


@pytest.fixture
def draft(period, nutrition, health_station):
    report = services.report_open(period=period, component=nutrition, user=health_station)
    return services.report_update(
        report=report, user=health_station, results="Cấp 20 suất.", problems="", proposals=""
    )


@pytest.fixture
def compiled(period, labour_officer):
    compiled = services.compiled_open(period=period, user=labour_officer)
    return services.compiled_update(
        compiled=compiled,
        user=labour_officer,
        general_situation="Tình hình chung.",
        steering="Đã ban hành kế hoạch, phân công đơn vị chủ trì.",
        problems="Không có.",
        proposals="Không có.",
    )
