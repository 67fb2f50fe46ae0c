"""Document pages of the reporting side: the plan as it reads on paper, and its PDF."""

from django.http import HttpResponse
from django.shortcuts import render

from programs.queries.plans import get_plan_for_user
from reporting.documents.pdf import render_plan_pdf
from reporting.documents.plan import build_plan_document
from thoxuan_gnbv import access
from thoxuan_gnbv.viewkit import require


def _plan_document(request, pk):
    require(access.can_view_plans(request.user))
    plan = get_plan_for_user(request.user, pk, document=True)
    return plan, build_plan_document(plan)


def plan_document(request, pk):
    """The plan laid out as the official document (same template and context as the PDF)."""
    plan, doc = _plan_document(request, pk)
    return render(request, "reporting/plan_document.html", {"plan": plan, "doc": doc})


def plan_pdf(request, pk):
    _, doc = _plan_document(request, pk)
    response = HttpResponse(render_plan_pdf(doc), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{doc.frame.filename}"'
    return response
