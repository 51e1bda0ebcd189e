#!/usr/bin/env python3
"""The shop's inventory: a small Python service (standard library only) that knows nothing of
Faultline. It answers errors the way FastAPI does, {"detail": "..."} with the status and a
`server: uvicorn` header, and Faultline's ForeignErrors turns that into a canonical fault on the
caller's side. Some items are slow to look up, to run a caller's deadline out.

    GET /items/<name>   ->  200 {"item": "apple", "priceCents": 120, "stock": 10}
                        ->  404 {"detail": "Item 'unicorn' not found"}
"""
import argparse
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CATALOG = {
    "apple": {"priceCents": 120, "stock": 10},
    "pear": {"priceCents": 90, "stock": 4},
    "plum": {"priceCents": 150, "stock": 7},
    "gift-card": {"priceCents": 2500, "stock": 100},
    # A price someone typed by hand: orders passes it on, billing cannot read it.
    "mystery-box": {"priceCents": "ask at the till", "stock": 1},
    # Looked up in the cold store: slower than any caller's deadline.
    "grandfather-clock": {"priceCents": 45000, "stock": 1, "slow": 4.0},
}


class Inventory(BaseHTTPRequestHandler):
    server_version = "uvicorn"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        parts = self.path.split("?")[0].strip("/").split("/")
        if len(parts) != 2 or parts[0] != "items":
            return self.answer(404, {"detail": "Not Found"})
        name = parts[1]
        item = CATALOG.get(name)
        self.log_message("GET %s traceparent=%s budget=%sms", name,
                         self.headers.get("traceparent"), self.headers.get("faultline-budget-ms"))
        if item is None:
            return self.answer(404, {"detail": f"Item '{name}' not found"})
        time.sleep(item.get("slow", 0))
        body = {"item": name, "priceCents": item["priceCents"], "stock": item["stock"]}
        self.answer(200, body)

    def answer(self, status, body):
        data = json.dumps(body).encode()
        try:
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            self.log_message("the caller hung up before the answer")

    def log_message(self, fmt, *args):
        sys.stderr.write("inventory: " + (fmt % args) + "\n")


def exit_with_parent():
    """Exits when the demo driver that started this process is gone."""
    parent = os.getppid()
    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(3)
    threading.Thread(target=watch, daemon=True).start()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    port = parser.parse_args().port
    server = ThreadingHTTPServer(("127.0.0.1", port), Inventory)
    server.daemon_threads = True
    exit_with_parent()
    print(f"READY inventory http://127.0.0.1:{port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
