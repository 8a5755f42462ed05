"""``lapkin-audit desk``: start the Sekretaris's desk, a local web page, and open it."""

from __future__ import annotations

import os
import signal
import socket
import sys

import click

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command("desk")
@click.argument("folder", required=False, default=".", type=click.Path(file_okay=False))
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; another than this computer's requires the printed token.",
)
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="Port (0: any free port).")
@click.option("--no-browser", is_flag=True, help="Do not open the browser.")
@click.option("--lang", type=click.Choice(("id", "en")), default="id", show_default=True, help="Language of the pages.")
@click.option(
    "--rules",
    "rules",
    multiple=True,
    type=click.Path(exists=True, file_okay=False),
    help="Extra folder of SOP/calendar files, as for check. Repeatable.",
)
def desk(folder: str, host: str, port: int, no_browser: bool, lang: str, rules: tuple[str, ...]) -> None:
    """Start the desk on the dossiers under FOLDER (default: here) and open it in the browser.

    Binds to this computer only (127.0.0.1) unless --host says otherwise; then every
    request needs the token printed at start.
    """
    import threading
    import webbrowser
    from pathlib import Path

    import uvicorn

    from lapkin_audit.cli.common import EXIT_USAGE
    from lapkin_audit.desk import guard
    from lapkin_audit.desk.app import create_app
    from lapkin_audit.desk.history import data_dir
    from lapkin_audit.desk.state import Desk
    from lapkin_audit.lang.desk import DESK

    words = DESK[lang]
    local = host in LOOPBACK
    token = None if local else guard.new_token()
    try:
        sock = _listen(host, port)
    except OSError as error:
        click.echo(f"lapkin-audit: {words['port_busy'].format(host=host, port=port, error=error.strerror)}", err=True)
        sys.exit(EXIT_USAGE)
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{bound}/" + (f"?token={token}" if token else "")
    app = create_app(Desk(Path(folder), lang, data_dir(), rules=rules), hosts=LOOPBACK if local else (), token=token)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))

    def when_ready() -> None:
        """Say where the desk is, and open the browser, once the server listens."""
        while not server.started and not server.should_exit:
            threading.Event().wait(0.1)
        if server.started:
            click.echo(words["running"].format(url=url))
            if not no_browser:
                webbrowser.open(url)

    threading.Thread(target=when_ready, daemon=True).start()
    # Ctrl+C is how the desk is closed, not an interruption of some work: uvicorn stops
    # gracefully, then raises the signal again once its own handler is gone.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with sock:
            server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    click.echo(words["stopped"])


def _listen(host: str, port: int) -> socket.socket:
    """The desk's socket, bound here rather than by uvicorn: a port in use is said in words
    before anything starts, and --port 0 names the port the system gave. SO_REUSEADDR is
    set where it only skips TIME_WAIT; on Windows it would let a second desk share the port."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    try:
        if os.name != "nt":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except BaseException:
        sock.close()
        raise
    return sock
