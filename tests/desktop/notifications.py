"""A desktop notification service for scripts/test-desktop.sh: owns
org.freedesktop.Notifications on the session bus it runs in and records every
Notify call (app name, summary, body) as one JSON line in the file it is given,
answering as a real server would (a fresh id). Writes FILE.ready once it owns the
name. Uses jeepney (python3-jeepney), pure Python.

    python3 notifications.py FILE
"""
import json
import sys

from jeepney import HeaderFields, MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

NAME = "org.freedesktop.Notifications"
DO_NOT_QUEUE = 4


def main(path):
    conn = open_dbus_connection(bus="SESSION")
    owner = conn.send_and_get_reply(message_bus.RequestName(NAME, DO_NOT_QUEUE))
    if owner.body[0] != 1:
        sys.exit(f"cannot own {NAME}: {owner.body[0]}")
    open(path + ".ready", "w").write("ready")
    count = 0
    while True:
        msg = conn.receive()
        if msg.header.message_type != MessageType.method_call:
            continue
        member = msg.header.fields.get(HeaderFields.member)
        if member == "Notify":
            app_name, _replaces, _icon, summary, body = msg.body[:5]
            count += 1
            with open(path, "a", encoding="utf-8") as out:
                record = {"app_name": app_name, "summary": summary, "body": body}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            conn.send(new_method_return(msg, "u", (count,)))
        elif member == "GetCapabilities":
            conn.send(new_method_return(msg, "as", (["body"],)))
        elif member == "GetServerInformation":
            conn.send(new_method_return(msg, "ssss", ("nps-test", "nps", "1", "1.2")))
        else:
            conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod"))


if __name__ == "__main__":
    main(sys.argv[1])
