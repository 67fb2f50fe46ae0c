from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
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


class PortalPasswordChangeForm(PasswordChangeForm):
    """Django's password change, labelled in Vietnamese, one column for a phone."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Mật khẩu hiện tại"
        self.fields["new_password1"].label = "Mật khẩu mới"
        self.fields["new_password2"].label = "Nhập lại mật khẩu mới"
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", "Đổi mật khẩu"))


class OtpTokenForm(forms.Form):
    """The six-digit code an authenticator app shows."""

    token = forms.CharField(
        label="Mã xác thực (6 chữ số)",
        max_length=6,
        min_length=6,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, *args, submit_label="Xác nhận", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", submit_label))

    def clean_token(self):
        token = self.cleaned_data["token"].strip()
        if not token.isdigit():
            raise forms.ValidationError("Mã xác thực gồm 6 chữ số.")
        return token
