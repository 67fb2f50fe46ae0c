"""What each role is responsible for, shown at the top of its home page (from the plan's section VI)."""

from thoxuan_gnbv.models import Role
from thoxuan_gnbv.navigation import HomeSection, HomeTask, register_home

DUTIES = {
    Role.CHAIRMAN: "Phê duyệt kế hoạch, dự toán, danh sách rà soát và báo cáo tổng hợp của Chương trình.",
    Role.VICE_CHAIRMAN: "Ký thay Chủ tịch (KT. CHỦ TỊCH): phê duyệt kế hoạch, dự toán và báo cáo.",
    Role.LABOUR_OFFICER: "Tham mưu kế hoạch, theo dõi hộ nghèo, cận nghèo, tổng hợp báo cáo của các đơn vị.",
    Role.AGRICULTURE_OFFICER: "Thực hiện Dự án 3 – Tiểu dự án 1: hỗ trợ phát triển sản xuất nông nghiệp.",
    Role.CULTURE_OFFICER: "Thực hiện Dự án 6 – Tiểu dự án 1: giảm nghèo về thông tin.",
    Role.HEALTH_STATION: "Thực hiện Dự án 3 – Tiểu dự án 2: cải thiện dinh dưỡng.",
    Role.ACCOUNTANT: "Lập dự toán trình Chủ tịch phê duyệt, ghi nhận giải ngân, kiểm soát chi.",
    Role.NEIGHBORHOOD_HEAD: "Rà soát, cập nhật thông tin hộ gia đình trong khu phố của mình.",
    Role.FATHERLAND_FRONT: "Giám sát việc thực hiện Chương trình (chỉ xem).",
    Role.UPPER_VIEWER: "Theo dõi kết quả, báo cáo của xã (chỉ xem).",
}


def duties_section(user):
    duty = DUTIES.get(getattr(user, "role", ""))
    if duty:
        yield HomeSection("Nhiệm vụ của bạn", [HomeTask(duty)], order=0, pinned=True)


register_home(duties_section)
