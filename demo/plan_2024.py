"""The commune's real 2024 plan (Kế hoạch triển khai thực hiện Chương trình MTQG giảm nghèo bền vững
trên địa bàn thị trấn Thọ Xuân năm 2024): the text of its sections — the title, I (purpose and
requirements), II (the general goal), III (the nine components' objective, beneficiaries and support),
IV (funding), V (main solutions), VII (the reporting regime) and the closing.

Its structured parts (bases, targets, leads, the assignments of VI, reporting rules, recipients) and the
builder that loads it through the plan services are in ``demo/plan_builder.py``.

Texts are the source's, with page-break artefacts mended: paragraphs split across pages joined, a
stray page number ("dưới 16 tuổi 5 thuộc") removed.
"""

TITLE = (
    "Triển khai thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững trên địa bàn thị "
    "trấn Thọ Xuân năm 2024"
)

ISSUING_STATEMENT = (
    "UBND thị trấn Thọ Xuân ban hành Kế hoạch triển khai thực hiện Chương trình mục tiêu quốc gia"
    " giảm nghèo bền vững (sau đây gọi tắt là Chương trình năm 2024), với các nội dung như sau:"
)

PURPOSE = (
    "Kế hoạch nhằm cụ thể hóa các nhiệm vụ và giải pháp tại Kế hoạch số 101/KH-UBND ngày "
    "11/4/2024 của UBND huyện Thọ Xuân về triển khai thực hiện Chương trình mục tiêu quốc gia "
    "giảm nghèo bền vững năm 2024; xác định rõ các nhiệm vụ, giải pháp chủ yếu gắn với phân công "
    "trách nhiệm cho từng ngành, đơn vị, cá nhân tổ chức thực hiện để hoàn thành các dự án, tiểu "
    "dự án thuộc chương trình và mục tiêu giảm nghèo bền vững năm 2024 trên địa bàn thị trấn.\n"
    "Kế hoạch là căn cứ để các phòng, ngành, đơn vị xây dựng kế hoạch cụ thể, xác định nhiệm vụ "
    "trọng tâm, bố trí nguồn lực và tổ chức triển khai quyết liệt, đồng bộ, hiệu quả, thực hiện "
    "thắng lợi các mục tiêu, nhiệm vụ giảm nghèo năm 2024 đã đề ra. Thu hút sự quan tâm đông đảo "
    "của cộng đồng doanh nghiệp, các tổ chức, cá nhân trong việc “chung tay vì người nghèo - "
    "Không để ai bị bỏ lại phía sau” giúp người nghèo, cận nghèo tiếp cận được các nguồn lực phát"
    " triển sản xuất từng bước vươn lên thoát nghèo.\n"
    "Định kỳ hàng quý đánh giá công tác giảm nghèo nhằm khắc phục tình trạng thiếu quyết liệt của"
    " các ngành, các địa phương, đơn vị trong việc thực hiện các chính sách giảm nghèo."
)

REQUIREMENTS = (
    "Trong quá trình tổ chức thực hiện Kế hoạch, các cấp ủy, chính quyền và người đứng đầu đơn "
    "vị, địa phương phải chủ động, sáng tạo trong lãnh đạo, chỉ đạo đối với công tác giảm nghèo "
    "của đơn vị, địa phương; ưu tiên lồng ghép các nguồn lực để hỗ trợ cho người nghèo phát triển"
    " kinh tế - xã hội. Phân công nhiệm vụ cụ thể cho các ngành, đơn vị có liên quan và cán bộ, "
    "công chức, khu phố trong việc triển khai thực hiện các dự án, tiểu dự án thành phần của "
    "Chương trình; xác định rõ trách nhiệm đơn vị chủ trì, đơn vị phối hợp và thời gian hoàn "
    "thành, làm cơ sở kiểm tra, giám sát, đánh giá kết quả thực hiện Chương trình. Bảo đảm sự "
    "phối hợp thường xuyên, chặt chẽ, hiệu quả, không bỏ sót, không chông chéo công việc giữa các"
    " đơn vị có liên quan trong việc triển khai thực hiện Chương trình."
)

GENERAL_GOAL = (
    "Thực hiện mục tiêu giảm nghèo đa chiều, bao trùm, bền vững, hạn chế tái nghèo; hỗ trợ người "
    "nghèo, hộ nghèo vươn lên mức sống tối thiểu, tiếp cận các dịch vụ xã hội cơ bản theo chuẩn "
    "nghèo đa chiều, nâng cao chất lượng cuộc sống."
)

FUNDING = (
    "Kinh phí thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững: từ ngân sách Trung "
    "ương, ngân sách địa phương và huy động các nguồn hỗ trợ, giúp đỡ hợp pháp khác từ các cá "
    "nhân, tổ chức; ...:"
)

MAIN_SOLUTIONS = (
    "Quán triệt, tuyên truyền nâng cao nhận thức về giảm nghèo bền vững Đẩy mạnh công tác thông "
    "tin tuyên truyền về giảm nghèo bằng nhiều hình thức phù hợp để tạo chuyển biến mạnh mẽ về "
    "nhận thức và trách nhiệm của cán bộ, đảng viên, nhất là người đứng đầu trong công tác giảm "
    "nghèo. Tiếp tục đẩy mạnh thực hiện phong trào thi đua “Vì người nghèo - Không để ai bị bỏ "
    "lại phía sau”.\n"
    "Huy động tối đa nguồn vốn tín dụng thực hiện chương trình mục tiêu quốc gia thông qua các "
    "chính sách tín dụng cho từng đối tượng, nội dung thuộc phạm vi đầu tư từng chương trình mục "
    "tiêu quốc gia. Huy động, đóng góp hợp pháp của doanh nghiệp, nguồn tài trợ của các tổ chức, "
    "cá nhân trong và ngoài nước; vốn đối ứng, tham gia, đóng góp của người dân, đối tượng thụ "
    "hưởng. Lồng ghép nguồn lực thực hiện các chương trình mục tiêu quốc gia; việc thực hiện các "
    "chính sách giảm nghèo với các dự án, nội dung thuộc Chương trình mục tiêu quốc gia giảm "
    "nghèo bền vững trên địa bàn.\n"
    "Chỉ đạo, điều hành, phối hợp tổ chức nâng cao hiệu quả thực hiện Chương trình Các phòng, "
    "ngành, địa phương được giao chủ trì các dự án, tiểu dự án thành phần nâng cao trách nhiệm "
    "xây dựng kế hoạch triển khai thực hiện dự án, tiểu dự án thuộc Chương trình được phân công; "
    "tích cực, chủ động phối hợp thực hiện Chương trình đảm bảo hiệu quả; tham mưu chỉ đạo giải "
    "quyết dứt điểm những khó khăn, vướng mắc trong quá trình thực hiện.\n"
    "Tổ chức triển khai thực hiện các dự án, tiểu dự án, chính sách giảm nghèo thường xuyên, tín "
    "dụng chính sách xã hội giảm nghèo.\n"
    "Tăng cường công tác kiểm tra, giám sát của cấp ủy, chính quyền, Mặt trận Tổ quốc và các đoàn"
    " thể; gắn kiểm điểm việc lãnh đạo, chỉ đạo thực hiện công tác giảm nghèo với kiểm điểm, đánh"
    " giá tập thể, cá nhân cán bộ, lãnh đạo quản lý hàng năm."
)

REPORTING_REGIME = (
    "Các ban, ngành, đơn vị, được giao chủ trì tổ chức triển khai thực hiện dự án, tiêu dự án "
    "thuộc Chương trình MTQG giảm nghèo bền vững định kỳ báo cáo kết quả thực hiện; những tồn "
    "tại, vướng mắc cần giải quyết và kiến nghị, đề xuất nếu có, báo cáo hàng quý trước ngày 15 "
    "tháng cuối quý; báo cáo 6 tháng trước 20/6/2024 và báo cáo năm trước 10/12/2024 về UBND thị "
    "trấn qua công chức phụ trách Lao động - Thương binh và Xã hội để tổng hợp, báo cáo Ban Chỉ "
    "đạo thực hiện các Chương trình MTQG thị trấn, UBND thị trấn, UBND huyện."
)

CLOSING = (
    "Trên đây là Kế hoạch triển khai thực hiện Chương trình mục tiêu quốc gia giảm nghèo năm 2024"
    " trên địa bàn thị trấn Thọ Xuân, chủ tịch UBND thị trấn đề nghị các ban, ngành, đoàn thể, "
    "khu phố trên cơ sở Kế hoạch này xây dựng kế hoạch triển khai thực hiện Chương trình MTQG "
    "giảm nghèo bền vững đảm bảo hiệu quả./."
)

# project number, sub-project number (None: the project as a whole), objective, beneficiaries, support
COMPONENT_TEXTS = [
    (
        2,
        None,
        (
            "Hỗ trợ đa dạng hóa sinh kế, xây dựng, phát triển và nhân rộng các mô hình, dự án giảm nghèo "
            "hỗ trợ phát triển sản xuất, kinh doanh, dịch vụ, du lịch, khởi nghiệp, khởi sự kinh doanh "
            "nhằm tạo việc làm, sinh kế bền vững, thu nhập tốt, nâng cao chất lượng cuộc sống và thích "
            "ứng với biến đổi khí hậu, dịch bệnh cho người nghèo; góp phần thực hiện mục tiêu chuyển dịch"
            " cơ cấu kinh tế, cơ cấu lao động, phát huy các giá trị văn hoá của dân tộc, bảo vệ môi "
            "trường, tăng trưởng kinh tế và mục tiêu giảm nghèo bền vững."
        ),
        (
            "- Người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo, người khuyết tật không có"
            " sinh kế ổn định trên phạm vi toàn thị trấn. Ưu tiên hỗ trợ hộ nghèo dân tộc thiểu số, hộ "
            "nghèo có thành viên là người có công với cách mạng và phụ nữ thuộc hộ nghèo.\n"
            "- Hộ gia đình, tổ, nhóm hợp tác, hợp tác xã, doanh nghiệp cơ sở sản xuất, kinh doanh và tổ "
            "chức, cá nhân xây dựng, nhân rộng, phát triển mô hình, dự án giảm nghèo hỗ trợ phát triển "
            "sản xuất, kinh doanh, dịch vụ, du lịch, khởi nghiệp, khởi sự kinh doanh nhằm tạo việc làm, "
            "sinh kế, thu nhập và chuyển giao khoa học, công nghệ, kỹ thuật, mô hình giảm nghèo cho người"
            " nghèo. Ưu tiên hỗ trợ các mô hình, dự án giảm nghèo, khởi nghiệp, khởi sự kinh doanh do "
            "người khuyết tật, dân tộc thiểu số, phụ nữ, học sinh, sinh viên thuộc hộ nghèo, hộ cận "
            "nghèo, hộ mới thoát nghèo chủ trì thực hiện.\n"
            "- Tạo điều kiện để người yếu thế, dễ bị tổn thương, có hoàn cảnh khó khăn được tham gia thực"
            " hiện mô hình, dự án giảm nghèo."
        ),
        (
            "- Thực hiện theo quy định tại Nghị định số 27/2022/NĐ-CP, Nghị định số 38/2023/NĐ-CP của "
            "Chính phủ; Thông tư số 55/2023/BTC ngày 15/8/2023 của Bộ Tài chính; các Nghị quyết số "
            "06/2022/NQ-HĐND ngày 11/12/2022, số 08/2022/NQ-HĐND ngày 11/12/2022, số 09/2023/NQ-HĐND ngày"
            " 29/9/2023, số 10/2023/NQ-HĐND ngày 29/9/2023 của Hội đồng nhân dân tỉnh; Hướng dẫn số "
            "293/HD-UBND ngày 11/12/2023 của UBND tỉnh và các văn bản hướng dẫn của Huyện. Ưu tiên phát "
            "triển các mô hình giảm nghèo, đa dạng hóa sinh kế theo hình thức liên kết công đồng nhằm tạo"
            " việc làm, sinh kế bền vững, thu nhập tốt cho hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo.\n"
            "- Tổ chức các hoạt động đa dạng hóa sinh kế khác do cộng đồng đề xuất, phù hợp với phong "
            "tục, tập quán, nhu cầu của cộng đồng; phù hợp với mục tiêu của Chương trình và quy định của "
            "pháp luật."
        ),
    ),
    (
        3,
        1,
        (
            "Hỗ trợ nâng cao năng lực sản xuất nông, lâm, ngư nghiệp, đẩy mạnh ứng dụng công nghệ cao "
            "nhằm đổi mới phương thức, kỹ thuật sản xuất, bảo đảm an ninh lương thực, đáp ứng nhu cầu "
            "dinh dưỡng, tăng thu nhập; gắn với quy hoạch sản xuất, đề án chuyển đổi cơ cấu sản xuất của "
            "địa phương theo hướng sản xuất hàng hóa, nâng cao năng suất, chất lượng, hiệu quả sản xuất, "
            "phát triển các sản phẩm có tiềm năng, thế mạnh tại địa phương, tạo giá trị gia tăng cho "
            "người sản xuất, thoát nghèo bền vững."
        ),
        (
            "- Người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo, người khuyết tật (không "
            "có sinh kế ổn định) trên phạm vi toàn thị trấn Thọ Xuân. Ưu tiên hỗ trợ hộ nghèo dân tộc "
            "thiểu số, hộ nghèo có thành viên là người có công với cách mạng và phụ nữ thuộc hộ nghèo"
        ),
        (
            "Phát triển sản xuất nông, lâm, ngư nghiệp: Tập huấn kỹ thuật, tư vấn chuyển giao kỹ thuật, "
            "cung cấp cây trồng, vật nuôi, vật tư, công cụ, dụng cụ sản xuất; phân bón, thức ăn chăn "
            "nuôi, thuốc bảo vệ thực vật, thuốc thú y và hỗ trợ khác theo quy định; phát triển hệ thống "
            "lương thực, thực phẩm đảm bảo đủ dinh dưỡng; tập huấn, tư vấn quản lý tiêu thụ nông sản, thị"
            " trường, nhân rộng các giải pháp, sáng kiến phát triển sản xuất nông nghiệp gắn với chuỗi "
            "giá trị hiệu quả... theo quy định tại Nghị định số 27/2022/NĐ-CP, Nghị định số 38/2023/NĐ-CP"
            " của Chính phủ; Thông tư số 55/2023/BTC ngày 15/8/2023 của Bộ Tài chính; các Nghị quyết số "
            "06/2022/NQ-HĐND ngày 11/12/2022, số 08/2022/NQ-HĐND ngày 11/12/2022, số 09/2023/NQ-HĐND ngày"
            " 29/9/2023, số 10/2023/NQ-HĐND ngày 29/9/2023 của Hội đồng nhân dân tỉnh; Hướng dẫn số "
            "293/HD-UBND ngày 11/12/2023 của UBND tỉnh, Quyết định số 3957/QĐ-UBND ngày 26/10/2023 của "
            "Chủ tịch UBND tỉnh và pháp luật khác có liên quan và các văn bản của UBND huyện."
        ),
    ),
    (
        3,
        2,
        (
            "Cải thiện tình trạng dinh dưỡng và giảm suy dinh dưỡng thấp còi, chăm sóc sức khỏe, nâng cao"
            " thể trạng và tầm vóc của trẻ em dưới 16 tuổi thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát "
            "nghèo."
        ),
        ("Trẻ em dưới 16 tuổi thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo."),
        (
            "- Hỗ trợ tiếp cận, can thiệp trực tiếp phòng chống suy dinh dưỡng, thiếu vi chất dinh dưỡng "
            "cho bà mẹ, trẻ em dưới 5 tuổi thuộc hộ gia đình hộ nghèo và hộ cận nghèo.\n"
            "- Tăng cường hoạt động cải thiện chất lượng bữa ăn học đường và giáo dục chăm sóc dinh "
            "dưỡng; can thiệp phòng chống thiếu vi chất dinh dưỡng; bảo vệ, chăm sóc dinh dưỡng cho trẻ "
            "học đường (trẻ từ 5 đến dưới 16 tuổi)."
        ),
    ),
    (
        4,
        1,
        (
            "Phát triển giáo dục nghề nghiệp cả về quy mô và chất lượng đào tạo, hỗ trợ đào tạo nghề cho "
            "người nghèo, gắn kết chặt chẽ giáo dục nghề nghiệp với tạo việc làm, sinh kế bền vững, tăng "
            "thu nhập và nâng cao chất lượng cuộc sống."
        ),
        (
            "- Người học nghề, lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo; người lao động "
            "có thu nhập thấp.\n"
            "- Trung tâm Giáo dục nghề nghiệp - Giáo dục Thường xuyên - Các doanh nghiệp, hợp tác xã, tổ "
            "chức và cá nhân có liên quan."
        ),
        (
            "- Khảo sát, thống kê, dự báo nhu cầu học nghề; truyền thông, hướng nghiệp, hỗ trợ khởi "
            "nghiệp và tạo việc làm trên địa bàn thị trấn.\n"
            "- Đào tạo nghề cho người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo, người "
            "lao động có thu nhập thấp."
        ),
    ),
    (
        4,
        3,
        (
            "Cung cấp thông tin thị trường lao động, đa dạng hóa các hoạt động giao dịch việc làm, kết "
            "nối cung cầu lao động, hỗ trợ tạo việc làm bền vững cho người lao động, ưu tiên người lao "
            "động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo."
        ),
        (
            "- Người lao động, ưu tiên lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo.\n"
            "- Cơ quan quản lý nhà nước các cấp."
        ),
        ("- Quản lý lao động gắn với cơ sở dữ liệu quốc gia về dân cư và các cơ sở dữ liệu khác."),
    ),
    (
        6,
        1,
        (
            "- Hỗ trợ hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo sử dụng dịch vụ viễn thông, tiếp cận "
            "thông tin, giảm nghèo về thông tin.\n"
            "- Nâng cao năng lực, hiệu quả hoạt động của hệ thống thông tin cơ sở; đảm bảo thị trấn có hệ"
            " thống đài truyền thanh hoạt động, phục vụ tốt cho công tác thông tin, tuyên truyền và quản "
            "lý, điều hành tại địa phương.\n"
            "- Tăng cường thông tin, tuyên truyền phục vụ nhiệm vụ chính trị, thông tin thiết yếu cho xã "
            "hội; truyền thông nâng cao nhận thức, trách nhiệm của toàn xã hội, của người nghèo về công "
            "tác giảm nghèo, đảm bảo an sinh xã hội bền vững.\n"
            "- Tăng cường tiếp cận thông tin thiết yếu cho cộng đồng dân cư; đảm bảo thị trấn có điểm "
            "cung cấp thông tin công cộng phục vụ người dân sử dụng dịch vụ thông tin thiết yếu, góp phần"
            " thúc đẩy phát triển kinh tế - xã hội ở địa phương."
        ),
        ("- Hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo;\n- Các tổ chức và cá nhân có liên quan"),
        (
            "- Nâng cao năng lực cho cán bộ thông tin và truyền thông.\n"
            "- Tăng cường cơ sở vật chất cho hoạt động thông tin cơ sở bao gồm cơ sở vật chất cho hoạt "
            "động của Đài truyền thanh thị trấn để cung cấp nội dung thông tin thiết yếu cho xã hội.\n"
            "- Sản xuất mới các sản phẩm cung cấp nội dung thông tin thiết yếu."
        ),
    ),
    (
        6,
        2,
        (
            "Tăng cường truyền thông, nâng cao nhận thức, trách nhiệm của toàn xã hội về công tác giảm "
            "nghèo đa chiều, bao trùm, bền vững nhằm khơi dậy tinh thần tự lực, tự cường vươn lên thoát "
            "nghèo của người dân và cộng đồng; nâng cao khả năng tiếp cận và thụ hưởng trợ giúp pháp lý, "
            "huy động nguồn lực để thực hiện mục tiêu giảm nghèo bền vững; tuyên truyền các gương điển "
            "hình, sáng kiến, mô hình tốt về giảm nghèo để thúc đẩy, nhân rộng và lan tỏa trong xã hội."
        ),
        ("Người nghèo, người dân trên địa bàn; các tổ chức và cá nhân có liên quan."),
        (
            "- Xây dựng, tổ chức thực hiện các chương trình, sự kiện, chuyên trang, chuyên mục, phóng sự,"
            " ấn phẩm truyền thông về giảm nghèo bền vững.\n"
            "- Tổ chức tuyên truyền về giảm nghèo bằng các hình thức sân khấu hóa nhằm tuyên truyền, giáo"
            " dục, nâng cao nhận thức và trách nhiệm các cấp, các ngành và toàn xã hội về công tác giảm "
            "nghèo.\n"
            "- Hỗ trợ các cơ quan báo chí, xuất bản thông tin, tuyên truyền về công tác giảm nghèo, kịp "
            "thời giới thiệu các cá nhân, tập thể, mô hình, kinh nghiệm hay trong giảm nghèo bền vững.\n"
            "- Tổ chức thực hiện phong trào thi đua “Cả nước chung tay vì người nghèo - Không để ai bị bỏ"
            " lại phía sau”, biểu dương, khen thưởng các khu phố, cộng đồng, hộ nghèo và tổ chức, cá nhân"
            " có thành tích xuất sắc trong lĩnh vực giảm nghèo.\n"
            "- Tổ chức các hội nghị truyền thông bằng hình thức sân khấu hóa nhằm cung cấp cho người dân "
            "thông tin về các nội dung, hoạt động thuộc Chương trình MTQG GNBV tại các xã, thôn để định "
            "hướng cho người dân tham gia, thụ hưởng Chương trình; tiếp cận các dịch vụ xã hội cơ bản về "
            "việc làm, giáo dục nghề nghiệp, đi làm việc ở nước ngoài theo hợp đồng, y tế, giáo dục, nhà "
            "ở, nước sạch và vệ sinh, thông tin, trợ giúp pháp lý, trợ giúp xã hội và bình đẳng giới và "
            "tăng cường công tác giám sát của người dân."
        ),
    ),
    (
        7,
        1,
        (
            "Nâng cao năng lực đội ngũ cán bộ làm công tác giảm nghèo ở các cấp nhằm hỗ trợ người nghèo "
            "vươn lên thoát nghèo, phòng ngừa, hạn chế người dân rơi vào tình trạng nghèo đói; bảo đảm "
            "thực hiện Chương trình đúng mục tiêu, đúng đối tượng, hiệu quả, bền vững; nâng cao kiến "
            "thức, kỹ năng, nghiệp vụ cho đội ngũ cán bộ làm công tác trợ giúp pháp lý, công tác xã hội, "
            "bình đẳng giới nhằm hỗ trợ hiệu quả cho người nghèo, đối tượng yếu thế, có hoàn cảnh khó "
            "khăn."
        ),
        (
            "Cán bộ làm công tác giảm nghèo, cán bộ làm công tác trợ giúp pháp lý, công tác xã hội, bình "
            "đẳng giới các cấp, nhất là cấp cơ sở cán bộ thôn, bản, đại diện cộng đồng, lãnh đạo tổ nhóm,"
            " cán bộ chi hội đoàn thể, cộng tác viên giảm nghèo, người có uy tín, chú trọng nâng cao năng"
            " lực cho cán bộ nữ; các tổ chức và cá nhân có liên quan."
        ),
        (
            "- Xây dựng tài liệu và đào tạo, tập huấn, bồi dưỡng kiến thức, kỹ năng, nghiệp vụ cho đội "
            "ngũ cán bộ làm công tác giảm nghèo, cán bộ làm công tác xã hội, bình đẳng giới các cấp và "
            "các hộ nghèo, cận nghèo, mới thoát nghèo, hộ dân tộc thiểu số; chú trọng các nội dung văn "
            "bản hướng dẫn tổ chức, thực hiện Chương trình.\n"
            "- Tổ chức học tập, trao đổi kinh nghiệm tại các địa phương; tổ chức hội thảo, hội nghị và "
            "các hoạt động khác về công tác giảm nghèo."
        ),
    ),
    (
        7,
        2,
        (
            "- Thiết lập quy trình, hệ thống giám sát, đánh giá đồng bộ, toàn diện đáp ứng yêu cầu quản "
            "lý Chương trình theo quy định, hướng dẫn của cấp có thẩm quyền.\n"
            "- Tổ chức giám sát, đánh giá việc tổ chức thực hiện Chương trình, đảm bảo thực hiện đúng mục"
            " tiêu, đúng đối tượng và quy định của pháp luật."
        ),
        (
            "- Ban Chỉ đạo thực hiện các Chương trình MTQG thị trấn; các ngành đơn vị được giao chủ trì "
            "các dự án, tiểu dự án thành phần.\n"
            "- Các tổ chức và cá nhân có liên quan."
        ),
        (
            "- Xây dựng kế hoạch giám sát, đánh giá; nội dung, cơ chế báo cáo; cách thức sử dụng thông "
            "tin của hệ thống giám sát và đánh giá cho quản lý và tổ chức thực hiện.\n"
            "- Kiểm tra, giám sát, đánh giá kết quả thực hiện các chính sách, chương trình, dự án giảm "
            "nghèo định kỳ, hằng năm hoặc đột xuất.\n"
            "- Rà soát hộ nghèo, hộ cận nghèo hằng năm; tổ chức điều tra, đánh giá đầu kỳ, giữa kỳ và "
            "cuối kỳ ở các cấp."
        ),
    ),
]
