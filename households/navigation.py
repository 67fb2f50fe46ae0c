from thoxuan_gnbv import access
from thoxuan_gnbv.navigation import NavItem, register_nav

register_nav(NavItem("Hộ gia đình", "households:household_list", access.can_view_households, order=20))
