"""Real SMTP servers on loopback for the test suite (aiosmtpd), capturing mail into Maildirs.

Two listeners:
  --port           plain SMTP with AUTH PLAIN/LOGIN allowed on loopback (user "consilium", password "relay-secret")
  --starttls-port  SMTP that requires STARTTLS before MAIL, with the given certificate

Messages land in DIR/new as files (Maildir). Runs until killed.
"""
import argparse
import asyncio
import mailbox
import signal
import ssl

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword

USER = b"consilium"
PASSWORD = b"relay-secret"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == USER and auth_data.password == PASSWORD
    return AuthResult(success=ok, handled=False)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--starttls-port", type=int, required=True)
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    args = parser.parse_args()

    mailbox.Maildir(args.maildir, create=True)
    handler = Mailbox(args.maildir)
    plain = Controller(handler, hostname="127.0.0.1", port=args.port, authenticator=authenticator, auth_require_tls=False)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)
    secure = Controller(handler, hostname="127.0.0.1", port=args.starttls_port, tls_context=context, require_starttls=True,
                        authenticator=authenticator)
    plain.start()
    secure.start()
    print(f"smtp capture ready on {args.port} and {args.starttls_port}", flush=True)

    loop = asyncio.new_event_loop()
    stop = loop.create_future()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, lambda: stop.done() or stop.set_result(None))
    loop.run_until_complete(stop)
    plain.stop()
    secure.stop()


if __name__ == "__main__":
    main()
