"""Vietnamese number and date formatting shared by pages, PDFs and Excel files."""

import datetime
from decimal import Decimal


def format_number(value) -> str:
    """``1234567`` → ``"1.234.567"`` (dot groups, as Vietnamese documents write numbers)."""
    if value is None or value == "":
        return ""
    number = Decimal(value)
    sign = "-" if number < 0 else ""
    number = abs(number)
    whole = int(number)
    text = f"{whole:,}".replace(",", ".")
    fraction = number - whole
    if fraction:
        decimals = f"{fraction:.2f}"[2:].rstrip("0")
        if decimals:
            text = f"{text},{decimals}"
    return sign + text


def format_money(value) -> str:
    """``1234567`` → ``"1.234.567 đ"``."""
    if value is None or value == "":
        return ""
    return f"{format_number(value)} đ"


def format_date(value) -> str:
    """A date as ``dd/mm/yyyy``; an aware datetime is shown in the portal's time zone."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        from django.utils import timezone

        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")


def document_date_line(place: str, value: datetime.date) -> str:
    """The italic place-and-date line of an official document (NĐ 30/2020): leading zeros for
    days 1–9 and for months 1–2, e.g. ``"Thọ Xuân, ngày 05 tháng 02 năm 2025"``."""
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"{place}, ngày {value.day:02d} tháng {month} năm {value.year}"


def mask_national_id(value) -> str:
    """``"038123456712"`` → ``"038*******12"``: the first 3 digits (the province of registration) and the
    last 2 stay, every other character becomes ``*``, so the number can be told apart but not read
    (data minimisation, Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15). Too short to keep anything hidden
    (fewer than 6 characters) → all ``*``; empty stays empty."""
    text = str(value or "").strip()
    if not text:
        return ""
    if len(text) < 6:
        return "*" * len(text)
    return text[:3] + "*" * (len(text) - 5) + text[-2:]
