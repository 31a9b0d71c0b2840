# A local web server for `guide check --external` tests: prints its port,
# then answers until killed.
#   /ok 200 · /moved 301 → /ok · /found 302 → /ok · /missing 404 · /gone 410
#   /no-head 405 to HEAD, 200 to GET · /error 500 · /slow answers after 3 s
import http.server, signal, socketserver, sys, time

signal.signal(signal.SIGTERM, signal.SIG_DFL)

class Handler(http.server.BaseHTTPRequestHandler):
    def answer(self, body):
        path = self.path.split("?")[0]
        if path == "/ok": self.reply(200, body)
        elif path == "/moved": self.reply(301, body, {"Location": "/ok"})
        elif path == "/found": self.reply(302, body, {"Location": "/ok"})
        elif path == "/missing": self.reply(404, body)
        elif path == "/gone": self.reply(410, body)
        elif path == "/error": self.reply(500, body)
        elif path == "/no-head": self.reply(405 if self.command == "HEAD" else 200, body)
        elif path == "/slow":
            time.sleep(3)
            self.reply(200, body)
        else: self.reply(404, body)

    def reply(self, status, body, headers={}):
        self.send_response(status)
        for name, value in headers.items(): self.send_header(name, value)
        self.send_header("Content-Length", "2" if body else "0")
        self.end_headers()
        if body: self.wfile.write(b"ok")

    def do_HEAD(self): self.answer(False)
    def do_GET(self): self.answer(True)
    def log_message(self, *args): pass

class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True

server = Server(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
