"""Checks the daily notification the app sent (the recorder's file, notifications.py)
against the day the app's server stored in its database (table daily_insights, the
same answer GET /api/oracle/daily gives): one notification, titled with the day's
headline and carrying its insight and lucky numbers, exactly, in LOCALE.
Prints "ok" or what differs; exit status 0 only for "ok".

    python3 check_notification.py NOTES_FILE DB_FILE LOCALE
"""
import json
import sqlite3
import sys

# Per language: the title's prefix, the lucky line's prefix, the list separator
# (locales/*/desktop.ftl: desktop-daily-title, desktop-daily-lucky).
WORDING = {
    "en": ("Your day: ", "Lucky numbers: ", ", "),
    "fa": ("روز شما: ", "عددهای خوش‌یمن: ", "، "),
}
ISOLATION = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069"))


def main(notes_path, db_path, locale):
    notes = [json.loads(line) for line in open(notes_path, encoding="utf-8")]
    if len(notes) != 1:
        return f"{len(notes)} notifications, expected 1"
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    rows = db.execute(
        "SELECT insight FROM daily_insights WHERE locale = ? ORDER BY date DESC", (locale,)
    ).fetchall()
    if len(rows) != 1:
        return f"{len(rows)} stored days in {locale}, expected 1"
    day = json.loads(rows[0][0])
    title, lucky, separator = WORDING[locale]
    want = {
        "summary": title + day["text"]["headline"].translate(ISOLATION),
        "body": day["insight"] + "\n" + lucky + separator.join(day["lucky_numbers"]),
    }
    got = {k: notes[0][k] for k in want}
    return "ok" if got == want else f"got {got!r}, expected {want!r}"


if __name__ == "__main__":
    result = main(*sys.argv[1:4])
    print(result)
    sys.exit(result != "ok")
