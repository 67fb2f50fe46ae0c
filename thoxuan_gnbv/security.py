"""Login hardening: the password hash, Vietnamese common passwords and the second factor (the client's address: ``net``).

Which users must confirm a one-time code (TOTP) lives here too, so the middleware, the pages and the tests
ask one function.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.contrib.auth.password_validation import CommonPasswordValidator

from thoxuan_gnbv.models import Role
from thoxuan_gnbv.text import fold

# Approvers sign plans, estimates, review lists and reports; the administrator can change every account.
SECOND_FACTOR_ROLES = frozenset({Role.CHAIRMAN, Role.VICE_CHAIRMAN})


class Argon2idHasher(Argon2PasswordHasher):
    """Argon2id at OWASP's first recommended setting (Password Storage Cheat Sheet: 19 MiB of memory,
    2 passes, 1 lane), about 35 ms of one core a login. Django's default (PBKDF2, 1.5 million rounds)
    costs 0.7 s of CPU: on the commune's 2-core server 50 officers logging in at 7:30 queue for 15 s.
    Memory-hard, so a stolen hash is no cheaper to attack on a GPU. Same algorithm name as Django's
    hasher: hashes made at other settings still verify and are re-made at these on the next login."""

    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1


class VietnameseCommonPasswordValidator(CommonPasswordValidator):
    """Refuse passwords common among Vietnamese users (``matkhau123``, ``anhyeuem``…), with or without
    diacritics: ``mậtkhẩu123`` is as weak as ``matkhau123``."""

    def __init__(self, password_list_path=None):
        super().__init__(password_list_path or Path(__file__).parent / "data" / "common-passwords-vi.txt")

    def validate(self, password, user=None):
        super().validate(fold(password).replace(" ", ""), user)

    def get_error_message(self):
        return "Mật khẩu này quá phổ biến, dễ bị đoán ra."

    def get_help_text(self):
        return "Không dùng những mật khẩu người Việt hay đặt như matkhau123, anhyeuem."


def second_factor_required(user) -> bool:
    """Whether ``user`` must confirm a one-time code after the password (only when ``OTP_REQUIRED``)."""
    if not settings.OTP_REQUIRED or not user.is_authenticated:
        return False
    return user.is_superuser or user.role in SECOND_FACTOR_ROLES
