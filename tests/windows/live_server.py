#!/usr/bin/env python3
"""A live `nps.exe serve` under Wine, checked from Linux over HTTP and WebSocket.

    live_server.py WINE WINDOWS_NPS DATA_DIR

Starts the Windows server on a random loopback port with a fresh data directory; while
it runs, `nps.exe user add` writes a login into the same SQLite database (two Windows
processes on one database file: Windows file locking). Then, as a Linux client (the
standard library: urllib, and a small RFC 6455 client on a socket): login; a wrong
password gets 401 with the error shape; /ws/oracle with the token says welcome; a bad
token is closed with 4001; a time reading over HTTP streams reading_started ...
reading_complete on the socket with the same reading id; the history lists it. Ctrl-C
(SIGINT, which Wine delivers as CTRL_C_EVENT) stops the server gracefully with exit 0;
a second server on the same directory still has the login and the reading.

Prints "ok <check>" / "FAILED <check>" per check; exits 1 if any failed.
"""
import base64
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import time
import urllib.error
import urllib.request

WINE, NPS, DATA = sys.argv[1:4]
PASSWORD = "a Windows password"
failures = 0


def report(ok, name, detail=""):
    global failures
    print(f"ok     {name}" if ok else f"FAILED {name}\n    {detail}", flush=True)
    failures += 0 if ok else 1
    return ok


def start_server():
    proc = subprocess.Popen(
        [WINE, NPS, "serve", "--bind", "127.0.0.1:0", "--data-dir", DATA,
         "--heartbeat-secs", "2", "--pong-timeout-secs", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "RUST_LOG": "info"})
    line = proc.stdout.readline().decode().strip()
    if not line.startswith("listening on http://"):
        proc.kill()
        raise SystemExit(f"FAILED nps.exe serve did not start: {line!r} {proc.stderr.read()!r}")
    return proc, line.removeprefix("listening on http://")


def http(addr, method, path, body=None, token=None):
    """(status, JSON body) of one request."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"http://{addr}{path}", data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


class WebSocket:
    """Just enough of RFC 6455 for a client: text frames in and out, close codes."""

    def __init__(self, addr, token):
        host, port = addr.rsplit(":", 1)
        self.sock = socket.create_connection((host, int(port)), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            (f"GET /ws/oracle?token={token} HTTP/1.1\r\nHost: {addr}\r\nUpgrade: websocket\r\n"
             f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
             "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                raise ConnectionError("closed during the handshake")
            head += chunk
        self.status = int(head.split(b" ", 2)[1])
        self.pings = 0

    def _exact(self, n):
        buf = b""
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            if not chunk:
                raise ConnectionError("closed")
            buf += chunk
        return buf

    def send_text(self, text):
        payload, mask = text.encode(), os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(bytes([0x81, 0x80 | len(payload)]) + mask + masked)

    def idle(self, seconds):
        """Reads for `seconds`, answering pings; the frames that came, or ("close", code)."""
        frames, deadline = [], time.time() + seconds
        while (left := deadline - time.time()) > 0:
            self.sock.settimeout(left)
            try:
                frame = self.frame()
            except TimeoutError:
                break
            if frame[0] != "ping":
                frames.append(frame)
            if frame[0] == "close":
                break
        self.sock.settimeout(30)
        return frames

    def frame(self):
        """One frame: ("text", str), ("ping", None) after answering it, or ("close", code)."""
        b0, b1 = self._exact(2)
        n = b1 & 0x7F
        if n == 126:
            n = struct.unpack(">H", self._exact(2))[0]
        elif n == 127:
            n = struct.unpack(">Q", self._exact(8))[0]
        payload = self._exact(n)
        opcode = b0 & 0x0F
        if opcode == 0x8:
            return "close", struct.unpack(">H", payload[:2])[0] if len(payload) >= 2 else None
        text = payload.decode() if opcode == 0x1 else ""
        if text == "ping":
            self.pings += 1
            self.send_text("pong")
            return "ping", None
        return "text", text

    def next(self):
        """The next text or close frame (pings are answered on the way)."""
        while (frame := self.frame())[0] == "ping":
            pass
        return frame


def events_until_complete(ws, request_id):
    """The names of the reading's events, the data of each name (the last one) and the
    progress figures in order."""
    names, data, progress = [], {}, []
    deadline = time.time() + 60
    while time.time() < deadline:
        kind, value = ws.next()
        if kind != "text":
            break
        event = json.loads(value)
        if event["data"].get("request_id") != request_id:
            continue
        names.append(event["event"])
        data[event["event"]] = event["data"]
        if "progress" in event["data"]:
            progress.append(event["data"]["progress"])
        if event["event"] in ("reading_complete", "reading_error"):
            break
    return names, data, progress


def main():
    server, addr = start_server()
    report(addr.startswith("127.0.0.1:"), f"nps.exe serve listens on loopback ({addr})")
    status, health = http(addr, "GET", "/api/health")
    report(status == 200 and health.get("status") == "ok", "GET /api/health answers 200", health)

    added = subprocess.run([WINE, NPS, "user", "add", "alice", "--data-dir", DATA],
                           input=f"{PASSWORD}\n".encode(), capture_output=True, timeout=120)
    report(added.returncode == 0, "nps.exe user add writes a login into the running server's database",
           added.stderr)
    status, login = http(addr, "POST", "/api/auth/login", {"username": "alice", "password": PASSWORD})
    report(status == 200 and login.get("token_type") == "bearer" and login.get("access_token"),
           "POST /api/auth/login answers a bearer token", (status, login))
    token = login.get("access_token", "")
    status, wrong = http(addr, "POST", "/api/auth/login", {"username": "alice", "password": "nope"})
    report(status == 401 and set(wrong.get("error", {})) == {"code", "message"},
           "a wrong password gets 401 with {error: {code, message}}", (status, wrong))

    bad = WebSocket(addr, "not-a-jwt")
    report(bad.status == 101 and bad.next() == ("close", 4001),
           "/ws/oracle with a bad token is accepted, then closed with 4001")
    ws = WebSocket(addr, token)
    kind, text = ws.next()
    welcome = json.loads(text) if kind == "text" else {}
    report(welcome.get("event") == "welcome" and welcome["data"]["user_id"] == "alice",
           "/ws/oracle with the token says welcome to alice", (kind, text))

    status, reading = http(addr, "POST", "/api/oracle/reading",
                           {"request_id": "wine-1", "locale": "fa"}, token)
    reading_id = (reading or {}).get("reading_id")
    report(status == 200 and reading_id is not None, "POST /api/oracle/reading answers 200 with a reading id",
           (status, reading))
    names, data, progress = events_until_complete(ws, "wine-1")
    report(names[:1] == ["reading_started"] and names[-1:] == ["reading_complete"]
           and data["reading_complete"]["reading_id"] == reading_id,
           f"its live events on the socket: {' > '.join(names)}", data)
    report(len(progress) >= 2 and progress == sorted(progress) and progress[0] == 0,
           f"progress is monotonic from 0: {progress}")
    # The server pings every 2 s and drops a socket silent for 2 + 2 s: answered pings
    # keep it open.
    frames = ws.idle(7)
    report(ws.pings >= 2 and not any(f[0] == "close" for f in frames),
           f"the socket stays open over 7 s of heartbeats ({ws.pings} pings answered)", frames)

    status, history = http(addr, "GET", "/api/oracle/readings", token=token)
    ids = [item.get("reading_id") for item in (history or {}).get("items", [])]
    report(status == 200 and reading_id in ids, "GET /api/oracle/readings lists the reading", history)

    server.send_signal(signal.SIGINT)
    try:
        code = server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        code = "still running after 30 s"
    log = server.stderr.read().decode(errors="replace")
    report(code == 0 and "shutdown signal received" in log,
           f"Ctrl-C (SIGINT → CTRL_C_EVENT) stops nps.exe serve gracefully (exit {code})", log[-600:])
    kind, value = ws.next() if code == 0 else (None, None)
    report(code == 0 and (kind, value) == ("close", 1001), "the socket is closed with 1001 (going away)",
           (kind, value))

    again, addr = start_server()
    status, login = http(addr, "POST", "/api/auth/login", {"username": "alice", "password": PASSWORD})
    token = login.get("access_token", "") if status == 200 else ""
    status, history = http(addr, "GET", "/api/oracle/readings", token=token)
    ids = [item.get("reading_id") for item in (history or {}).get("items", [])]
    report(reading_id in ids, "after a restart on the same directory: the login and the reading are there",
           (status, history))
    again.send_signal(signal.SIGINT)
    again.wait(timeout=30)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
