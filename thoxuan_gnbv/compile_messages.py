"""Compile the portal's .po catalogues to .mo in pure Python (no gettext tools needed on a fresh
machine): ``python -m thoxuan_gnbv.compile_messages``. Handles what our catalogues use: msgctxt,
msgid, msgstr, one-line or continued strings, comments. The writer follows the GNU .mo format (the
same layout as CPython's Tools/i18n/msgfmt.py)."""

import ast
import struct
import sys
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def parse_po(text: str) -> dict[str, str]:
    """{key: translation}; a key with a context is ``context + "\\x04" + msgid`` as gettext looks it up."""
    messages: dict[str, str] = {}
    entry: dict[str, str] = {}
    current = None

    def flush():
        if "msgid" in entry:
            key = entry["msgid"]
            if "msgctxt" in entry:
                key = entry["msgctxt"] + "\x04" + key
            messages[key] = entry.get("msgstr", "")
        entry.clear()

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid", "msgstr"):
            if keyword != "msgstr" and ("msgstr" in entry):
                flush()
            current = keyword
            entry[current] = ast.literal_eval(rest)
        elif line.startswith('"') and current:
            entry[current] += ast.literal_eval(line)
        else:
            raise ValueError(f"Dòng {number} của tệp .po không đọc được: {raw!r}")
    flush()
    return messages


def mo_bytes(messages: dict[str, str]) -> bytes:
    keys = sorted(messages)
    ids = b""
    strs = b""
    offsets = []
    for key in keys:
        key_bytes, value_bytes = key.encode(), messages[key].encode()
        offsets.append((len(ids), len(key_bytes), len(strs), len(value_bytes)))
        ids += key_bytes + b"\0"
        strs += value_bytes + b"\0"
    count = len(keys)
    key_start = 7 * 4 + 16 * count
    value_start = key_start + len(ids)
    key_table, value_table = [], []
    for id_offset, id_length, str_offset, str_length in offsets:
        key_table += [id_length, id_offset + key_start]
        value_table += [str_length, str_offset + value_start]
    header = struct.pack("Iiiiiii", 0x950412DE, 0, count, 7 * 4, 7 * 4 + count * 8, 0, 0)
    tables = struct.pack(f"{len(key_table)}i", *key_table) + struct.pack(f"{len(value_table)}i", *value_table)
    return header + tables + ids + strs


def compile_all(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    written = []
    for po in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        mo.write_bytes(mo_bytes(parse_po(po.read_text(encoding="utf-8"))))
        written.append(mo)
    return written


if __name__ == "__main__":
    for path in compile_all():
        sys.stdout.write(f"Đã biên dịch {path}\n")
