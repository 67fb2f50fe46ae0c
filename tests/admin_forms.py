"""Post an admin change form back as the page rendered it, with some fields changed."""


def _fields(form, data: dict) -> None:
    for bound in form:
        value = bound.value()
        if value is None or value is False:
            continue
        data[bound.html_name] = "on" if value is True else value


def change_form_data(response, **changes) -> dict:
    """The POST data of an admin change page (main form, inline management forms and rows) as shown,
    updated with ``changes`` (keys are the fields' HTML names)."""
    data: dict = {}
    _fields(response.context["adminform"].form, data)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        _fields(formset.management_form, data)
        for form in formset.forms:
            _fields(form, data)
    data.update(changes)
    return data
