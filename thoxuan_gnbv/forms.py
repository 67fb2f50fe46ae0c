from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý: sai 5 lần tài khoản sẽ bị tạm khóa 30 phút.",
        "inactive": "Tài khoản này đã bị khóa. Liên hệ quản trị viên.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Tên đăng nhập"
        # AuthenticationForm sets max_length after the field is built, so nothing enforces it: a longer
        # name went on to authenticate() and django-axes, whose failed-attempt row (varchar 255) then
        # failed on PostgreSQL with a 500.
        self.fields["username"].validators.append(MaxLengthValidator(self.username_field.max_length))
        self.fields["password"].label = "Mật khẩu"
        self.fields["password"].widget = forms.PasswordInput(attrs={"autocomplete": "current-password"})
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", "Đăng nhập", css_class="w-100"))
