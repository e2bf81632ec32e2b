"""`minutes serve`: the paste-in page on this machine."""
from __future__ import annotations

from typing import Annotated, Optional

import typer


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    host: Annotated[str, typer.Option(help="监听地址；默认只在本机可访问")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="端口")] = 8765,
    limit_kb: Annotated[int, typer.Option("--limit-kb", help="单次请求大小上限（KB）")] = 1000,
    db: Annotated[Optional[str], typer.Option("--db", help="行动项跟踪表数据库：页面的跟踪表视图读它（只读）")] = None,
) -> None:
    """在本机打开纪要整理页面：粘贴或拖入文件，查看并修改记录，下载 Word/Markdown/JSON 与行动项。

    Example: minutes serve --port 8765
    """
    try:
        import uvicorn

        from ..web.app import create_app
    except ImportError:
        typer.echo("minutes: error: the web page needs: pip install 'minutes[web]'", err=True)
        raise typer.Exit(2) from None
    import socket

    if not 0 <= port <= 65535:
        typer.echo(f"minutes: error: --port {port}: a port is a number from 0 to 65535", err=True)
        raise typer.Exit(2)
    try:  # bind before saying where: the URL is printed only when it will answer
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        with socket.socket(infos[0][0], socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(infos[0][4])
    except OSError as exc:
        typer.echo(f"minutes: error: cannot listen on {host}:{port}: {exc.strerror or exc}", err=True)
        raise typer.Exit(2) from None
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"minutes: warning: serving on {host}: anyone who can reach it can use the page", err=True)
    typer.echo(f"minutes: http://{host}:{port}/", err=True)
    uvicorn.run(create_app(limit_kb * 1000, db=db), host=host, port=port, log_level="warning")
