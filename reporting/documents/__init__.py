"""Official documents: one context builder per document (a module here) returning a plain dataclass,
rendered by one HTML template on the NĐ 30/2020 base (``templates/reporting/documents/base.html``)
for the web page and, through ``reporting.documents.pdf``, for the PDF."""
