#!/usr/bin/env python3
"""Opens /ws/oracle on HOST:PORT with a foreign Origin (standard library only) and
prints the close code the server sends, or "http NNN" if it refuses the upgrade."""
import base64
import os
import socket
import struct
import sys

host, port, origin = sys.argv[1], int(sys.argv[2]), sys.argv[3]
key = base64.b64encode(os.urandom(16)).decode()
s = socket.create_connection((host, port), timeout=10)
s.sendall(
    (
        f"GET /ws/oracle HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
        f"Origin: {origin}\r\n\r\n"
    ).encode()
)
buf = b""
while b"\r\n\r\n" not in buf:
    chunk = s.recv(4096)
    if not chunk:
        break
    buf += chunk
head, _, rest = buf.partition(b"\r\n\r\n")
status = int(head.split(b" ", 2)[1])
if status != 101:
    print(f"http {status}")
    sys.exit(0)


def read(n):
    global rest
    while len(rest) < n:
        chunk = s.recv(4096)
        if not chunk:
            raise SystemExit("connection closed without a close frame")
        rest += chunk
    out, rest = rest[:n], rest[n:]
    return out


while True:
    b0, b1 = read(2)
    length = b1 & 0x7F
    if length == 126:
        length = struct.unpack(">H", read(2))[0]
    elif length == 127:
        length = struct.unpack(">Q", read(8))[0]
    payload = read(length)
    if b0 & 0x0F == 0x8:
        print(struct.unpack(">H", payload[:2])[0] if len(payload) >= 2 else 1005)
        break
