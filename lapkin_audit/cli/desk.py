"""``lapkin-audit desk``: start the Sekretaris's desk, a local web page, and open it."""

from __future__ import annotations

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
def desk(folder: str, host: str, port: int, no_browser: bool, lang: str) -> None:
    """Start the desk on the dossiers under FOLDER (default: here) and open it in the browser.

    Binds to this computer only (127.0.0.1) unless --host says otherwise; then every
    request needs the token printed at start.
    """
    import socket
    import threading
    import webbrowser
    from pathlib import Path

    import uvicorn

    from lapkin_audit.desk import guard
    from lapkin_audit.desk.app import Desk, create_app
    from lapkin_audit.desk.history import data_dir
    from lapkin_audit.lang.desk import DESK

    local = host in LOOPBACK
    token = None if local else guard.new_token()
    if port == 0:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.bind((host, 0))
            port = probe.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    app = create_app(Desk(Path(folder), lang, data_dir()), hosts=LOOPBACK if local else (), token=token)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="on"))
    click.echo(DESK[lang]["running"].format(url=url))

    def open_when_ready() -> None:
        while not server.started and not server.should_exit:
            threading.Event().wait(0.1)  # the browser is opened once the server listens
        if server.started:
            webbrowser.open(url)

    if not no_browser:
        threading.Thread(target=open_when_ready, daemon=True).start()
    server.run()
