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
    app = create_app(Desk(Path(folder), lang, data_dir()), hosts=LOOPBACK if local else (), token=token)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="on"))

    def when_ready() -> None:
        """Say where the desk is, and open the browser, once the server listens.

        The port is read from the listening socket, so ``--port 0`` names the one the
        system gave (binding a probe first and closing it would leave a race)."""
        while not server.started and not server.should_exit:
            threading.Event().wait(0.1)
        if not server.started:
            return
        bound = server.servers[0].sockets[0].getsockname()[1] if server.servers else port
        shown = f"[{host}]" if ":" in host else host
        url = f"http://{shown}:{bound}/" + (f"?token={token}" if token else "")
        click.echo(DESK[lang]["running"].format(url=url))
        if not no_browser:
            webbrowser.open(url)

    threading.Thread(target=when_ready, daemon=True).start()
    server.run()
