import pytest

from households.models import Neighborhood
from thoxuan_gnbv import access
from thoxuan_gnbv.models import Role


@pytest.mark.django_db
def test_khu_pho_head_sees_only_the_khu_pho_they_head(head1, head2, neighborhood1, neighborhood2):
    visible = access.neighborhoods_visible_to(head1, Neighborhood.objects.all())
    assert list(visible) == [neighborhood1]


@pytest.mark.django_db
def test_officers_and_observers_see_every_khu_pho(labour_officer, upper_viewer, neighborhood1, neighborhood2):
    for user in (labour_officer, upper_viewer):
        assert set(access.neighborhoods_visible_to(user, Neighborhood.objects.all())) == {
            neighborhood1,
            neighborhood2,
        }


@pytest.mark.django_db
def test_user_without_role_sees_no_household_data(neighborhood1):
    from tests.factories import UserFactory

    nobody = UserFactory(username="khongvaitro", role="")
    assert not access.can_view_households(nobody)
    assert not access.neighborhoods_visible_to(nobody, Neighborhood.objects.all()).exists()


@pytest.mark.django_db
def test_only_chairman_and_vice_chairman_approve(chairman, vice_chairman, labour_officer, accountant):
    assert access.is_approver(chairman)
    assert access.is_approver(vice_chairman)
    assert not access.is_approver(labour_officer)
    assert not access.is_approver(accountant)


@pytest.mark.django_db
def test_observers_are_read_only(fatherland_front, upper_viewer, labour_officer):
    assert access.is_read_only(fatherland_front)
    assert access.is_read_only(upper_viewer)
    assert not access.is_read_only(labour_officer)


def test_every_role_has_a_vietnamese_label():
    for role in Role:
        assert role.label and role.label != role.value
