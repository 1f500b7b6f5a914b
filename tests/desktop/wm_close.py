"""Asks the X windows given (ids, as xdotool prints them) to close, the way a window
manager does when a person clicks the close button: a WM_DELETE_WINDOW client
message (ICCCM). Xvfb has no window manager, and `xdotool windowclose` would
destroy the window instead of asking. Uses python3-xlib.

    python3 wm_close.py WINDOW_ID...
"""
import sys

from Xlib import X, display, protocol


def main(ids):
    d = display.Display()
    protocols = d.intern_atom("WM_PROTOCOLS")
    delete = d.intern_atom("WM_DELETE_WINDOW")
    for wid in ids:
        window = d.create_resource_object("window", int(wid))
        event = protocol.event.ClientMessage(
            window=window,
            client_type=protocols,
            data=(32, [delete, X.CurrentTime, 0, 0, 0]),
        )
        window.send_event(event, event_mask=X.NoEventMask)
    d.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
