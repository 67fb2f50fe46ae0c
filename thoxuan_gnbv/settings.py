"""Settings read from the environment (django-environ).

With no variable set the portal runs at once on SQLite with DEBUG on. ``DATABASE_URL`` switches the
database (``postgres://…`` for production); ``DEBUG=0`` switches every production hardening on.
"""

from pathlib import Path

import environ
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=True)

# A fixed development key keeps sessions across restarts; production must bring its own.
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-key-not-for-production-use-0123456789abcdefghijklmn")
if not DEBUG and SECRET_KEY.startswith("dev-only-"):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("Đặt biến môi trường SECRET_KEY khi chạy với DEBUG=0.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",  # the built-in widget templates, for FORM_RENDERER below
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "health_check",
    "django_tasks_db",
    "thoxuan_gnbv",
    "households",
    "programs",
    "reporting",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "thoxuan_gnbv.middleware.IdleSessionMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "thoxuan_gnbv.middleware.CommuneMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Approvers and the administrator confirm a one-time code before any other page (OTP_REQUIRED).
    "thoxuan_gnbv.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "thoxuan_gnbv.middleware.NfcInputMiddleware",
    # Pages and files for a signed-in user carry personal data: never kept by a browser or proxy cache.
    "thoxuan_gnbv.middleware.NoStoreMiddleware",
    # DEBUG on: a missing portal page is the Vietnamese 404, not Django's English technical page.
    "thoxuan_gnbv.not_found.PortalNotFoundMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # django-axes must come last: it turns a lockout into the Vietnamese lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "thoxuan_gnbv.urls"
WSGI_APPLICATION = "thoxuan_gnbv.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "thoxuan_gnbv.context_processors.portal",
                "households.context_processors.commune",
            ],
            "builtins": ["thoxuan_gnbv.templatetags.vn"],
        },
    },
]

# Widgets render through the project's templates so templates/django/forms/ can override Django's:
# its select.html writes each option inline instead of two {% include %}s per option, which made a
# 100-option select cost ~6 ms to render (the support form's voucher list has ~70).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Tables a trigger derives (the search's word pairs) are left out of dumpdata (thoxuan_gnbv.routers).
DATABASE_ROUTERS = ["thoxuan_gnbv.routers.DerivedTablesRouter"]
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Wait for a writer instead of failing at once when two requests write together.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "thoxuan_gnbv.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    # Passwords Vietnamese users pick first (matkhau123, anhyeuem…), which Django's English list lacks.
    {"NAME": "thoxuan_gnbv.security.VietnameseCommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Argon2id first (thoxuan_gnbv.security.Argon2idHasher says why); PBKDF2 verifies the passwords set
# before, and Django re-hashes each with Argon2id at its owner's next login.
PASSWORD_HASHERS = [
    "thoxuan_gnbv.security.Argon2idHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling, two separate counters: 5 wrong passwords for one account (from any address) lock
# that account, and 5 wrong passwords from one address (across any accounts) lock that address, each
# for 30 minutes. A right password does not wipe the failures: they stay in AccessAttempt and
# AccessFailureLog for the administrator to read.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.5
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = False
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False
# How many reverse proxies we own sit in front of gunicorn (README: one nginx, so 1 in production).
# The client address is then the entry that many places from the right of X-Forwarded-For — the one our
# proxy appended — never a value the client wrote itself. 0 means: trust only REMOTE_ADDR.
# One function (thoxuan_gnbv.net) reads it for throttling and for the personal-data access log.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0 if DEBUG else 1)
AXES_CLIENT_IP_CALLABLE = "thoxuan_gnbv.net.login_client_ip"

# Second factor (TOTP, django-otp) for the chairman, the vice chairman and the administrator:
# required in production, off by default in development and tests.
OTP_REQUIRED = env.bool("OTP_REQUIRED", default=not DEBUG)
OTP_TOTP_ISSUER = "Cổng GNBV"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["thoxuan_gnbv.formats"]
# Vietnamese for the third-party apps the admin shows (django-axes, django-otp, django-tasks-db):
# thoxuan_gnbv/locale/vi/LC_MESSAGES/django.po, compiled by `python -m thoxuan_gnbv.compile_messages`.
LOCALE_PATHS = [BASE_DIR / "thoxuan_gnbv" / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# In development whitenoise serves straight from the app and project static folders.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# Household workbooks are uploaded here; the cap is checked again by the import service.
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Django 6's built-in Content Security Policy: nothing is loaded from outside the portal.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

# One installation serves a province with several app servers and workers: nothing any of them caches
# may live in one process only. Django's cache goes to the database by default (the table is made by
# the migration reporting 0008_shared_cache_table, so `migrate` cannot forget it); a Redis server may
# be named instead, e.g. CACHE_URL=redis://cache:6379/1 (needs the `redis` client pinned).
CACHES = {"default": env.cache_url("CACHE_URL", default="dbcache://gnbv_cache")}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# /health/ reports the worker unhealthy when a task has waited longer than this for a db_worker.
HEALTH_TASK_MAX_WAIT_SECONDS = env.int("HEALTH_TASK_MAX_WAIT_SECONDS", default=600)

CSRF_FAILURE_VIEW = "thoxuan_gnbv.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
# A session ends after 30 minutes without a request. Activity pushes the expiry forward, at most once
# every SESSION_REFRESH_SECONDS (IdleSessionMiddleware): SESSION_SAVE_EVERY_REQUEST would write the
# session row on every page (three queries each) for a precision nobody needs.
SESSION_COOKIE_AGE = 30 * 60
SESSION_REFRESH_SECONDS = 60
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# Shown in the layout and on documents when no commune exists yet.
PORTAL_TITLE = "Cổng điều hành Chương trình MTQG giảm nghèo bền vững"
