import unicodedata

from django.test import RequestFactory

from thoxuan_gnbv.middleware import NfcInputMiddleware
from thoxuan_gnbv.text import fold, nfc


def test_fold_strips_vietnamese_accents_and_case():
    assert fold("Nguyễn Thị Hường") == "nguyen thi huong"


def test_fold_turns_d_with_stroke_into_d():
    assert fold("Đỗ Đức Định") == "do duc dinh"


def test_fold_collapses_spaces_and_accepts_empty():
    assert fold("  Lê   Văn  ") == "le van"
    assert fold(None) == ""


def test_fold_handles_decomposed_input():
    decomposed = unicodedata.normalize("NFD", "Hường")
    assert fold(decomposed) == "huong"


def test_nfc_composes_text_and_leaves_other_values():
    decomposed = unicodedata.normalize("NFD", "Thọ Xuân")
    assert decomposed != "Thọ Xuân"
    assert nfc(decomposed) == "Thọ Xuân"
    assert nfc(5) == 5


def test_middleware_normalises_posted_and_queried_text():
    seen = {}

    def view(request):
        seen["post"] = request.POST["name"]
        return None

    decomposed = unicodedata.normalize("NFD", "Hường")
    request = RequestFactory().post("/", {"name": decomposed})
    NfcInputMiddleware(view)(request)
    assert seen["post"] == "Hường"
    assert unicodedata.is_normalized("NFC", seen["post"])

    def get_view(request):
        seen["get"] = request.GET["q"]

    NfcInputMiddleware(get_view)(RequestFactory().get("/", {"q": decomposed}))
    assert seen["get"] == "Hường"
