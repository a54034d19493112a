"""The app factory: the archive, the API, `/healthz`, `/metrics` and the page, behind one guard."""
from __future__ import annotations

from collections.abc import Mapping
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from storage import Archive, ArchiveError
from storage.db import is_current
from storage.version import DataVersion

from . import api, corrections, feeds, metrics, signin
from .cache import ReadCache
from .security import Access, Guard

HERE = resources.files("web")
# GETs answered from the per-worker cache (web/cache.py): the same bytes for everyone the guard lets in
CACHED = ("/api/items", "/api/estimates", "/api/sources", "/feeds/")


def _open(archive_url: str, migrate: bool) -> Archive:
    """The archive; without `migrate` (serve) it is neither created nor upgraded, and must be current."""
    archive = Archive(archive_url, migrate=migrate, create=migrate)
    if not migrate and not is_current(archive.engine):
        archive.close()
        raise ArchiveError(f"cannot open archive {archive.display_url}: its schema is missing or older than this "
                           "version's: run a command that writes (`casualty-watch crawl` or `run`) to upgrade it")
    return archive


def create_app(archive_url: str, *, token: str | None, require_token: bool, version: str,
               users: Mapping[str, str] | None = None, session_secret: str | None = None,
               migrate: bool = True) -> FastAPI:
    """An app over the archive at `archive_url`, read-only but for signed-in corrections; `require_token`
    refuses to build one without credentials (a token, or users with passwords)."""
    access = Access(token=token or None, users=dict(users or {}), session_secret=session_secret or None)
    if require_token and not access.required:
        raise ValueError("a token is required when the API is reachable beyond this machine")
    archive = _open(archive_url, migrate)  # opened now, so a bad URL fails before the server binds
    data_version = DataVersion(archive.engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):  # type: ignore[no-untyped-def]
        yield
        data_version.close()
        archive.close()

    app = FastAPI(title="casualty-watch", version=version, lifespan=lifespan,
                  description="Civilian casualty estimates for the battle for Mosul, and the stories that state them.",
                  docs_url=None, redoc_url=None)  # the docs pages load scripts from a CDN: offline, use /openapi.json
    app.state.archive = archive
    app.state.access = access
    app.state.throttle = signin.Throttle()  # wrong passwords, counted per worker
    app.add_middleware(ReadCache, version=data_version.read, prefixes=CACHED)  # inside the guard: added first
    app.add_middleware(Guard, access=access)
    app.add_exception_handler(RequestValidationError, _invalid)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(SQLAlchemyError, _database_down)  # type: ignore[arg-type]
    app.include_router(api.router)
    app.include_router(signin.router)
    app.include_router(corrections.router)
    app.include_router(feeds.router)
    _add_service_routes(app, archive, version)
    _add_page(app)
    return app


def _add_service_routes(app: FastAPI, archive: Archive, version: str) -> None:
    @app.get("/healthz", summary="Liveness and database reachability (no token needed)")
    def healthz() -> Response:
        try:
            archive.fact("schema")  # one primary-key read: is the database answering?
        except Exception as exc:  # noqa: BLE001  (any database failure means "not healthy")
            return JSONResponse({"status": "unavailable", "error": type(exc).__name__}, status_code=503)
        return JSONResponse({"status": "ok", "version": version})

    @app.get("/metrics", response_class=PlainTextResponse, summary="Prometheus text format")
    def metrics_text() -> Response:
        snap = metrics.Snapshot(
            counters=archive.counters(), totals=archive.totals(), alert_counts=archive.alert_counts(),
            last_pass_duration=archive.fact("last_pass_duration"),
            sources=[(s.name, s.status, s.consecutive_failures) for s in archive.sources()])
        return Response(metrics.render(snap), media_type=metrics.CONTENT_TYPE)


def _add_page(app: FastAPI) -> None:
    static_dir = HERE.joinpath("static")
    page = HERE.joinpath("templates", "index.html")
    app.mount("/static", StaticFiles(directory=str(static_dir)), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        return FileResponse(str(page), media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-cache"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return FileResponse(str(static_dir.joinpath("favicon.svg")), media_type="image/svg+xml")


async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
    """FastAPI's 422 with one readable line first (`detail` keeps the list it always had)."""
    errors = exc.errors()
    first = errors[0] if errors else {}
    where = ".".join(str(p) for p in first.get("loc", ())[1:]) or "request"
    return JSONResponse({"error": f"{where}: {first.get('msg', 'invalid')}",
                         "detail": [{k: e.get(k) for k in ("loc", "msg", "type")} for e in errors]},
                        status_code=422)


async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
    return JSONResponse({"error": str(exc.detail), "detail": exc.detail}, status_code=exc.status_code,
                        headers=getattr(exc, "headers", None))


async def _database_down(_request: Request, exc: SQLAlchemyError) -> JSONResponse:
    """The database stopped answering (restarted, disk full): a retryable 503, not a traceback."""
    return JSONResponse({"error": f"database unavailable ({type(exc).__name__})", "detail": "database unavailable"},
                        status_code=503, headers={"Retry-After": "5"})
