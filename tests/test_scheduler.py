"""The scheduling rules and the service's life cycle, with a stand-in pass (the real one is in test_service_run)."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from crawler.spec import Politeness, SourceSpec, Watch
from scheduler import AlreadyRunning, ArchiveLock, PassRequest, PassResult, Service, ServiceSettings
from scheduler.batch import DueSources
from scheduler.plan import first_due, jitter_for, misfire_grace
from test_service_support import wait_until

NOW = datetime(2017, 7, 20, 12, 0, tzinfo=UTC)


@dataclass
class _Polled:
    last_polled: datetime | None
    backoff_until: datetime | None = None


def test_a_source_never_polled_is_due_at_start_up() -> None:
    assert first_due(None, 3600, NOW) == NOW
    assert first_due(_Polled(None), 3600, NOW) == NOW


def test_a_restart_resumes_from_the_last_poll() -> None:
    assert first_due(_Polled(NOW - timedelta(minutes=1)), 6 * 3600, NOW) == NOW + timedelta(hours=6, minutes=-1)
    assert first_due(_Polled(NOW - timedelta(hours=7)), 6 * 3600, NOW) == NOW  # overdue: at once


def test_a_source_backing_off_waits_for_its_back_off() -> None:
    state = _Polled(NOW - timedelta(minutes=1), backoff_until=NOW + timedelta(hours=2))
    assert first_due(state, 60, NOW) == NOW + timedelta(hours=2)


def test_jitter_and_misfire_grace_scale_with_the_interval() -> None:
    assert jitter_for(5) == 0.5 and jitter_for(6 * 3600) == 300
    assert misfire_grace(5) == 60 and misfire_grace(6 * 3600) == 3 * 3600


def test_sources_falling_due_together_are_taken_together() -> None:
    due, stop = DueSources(), threading.Event()
    due.add("a")
    threading.Timer(0.1, due.add, args=["b"]).start()
    threading.Timer(0.15, due.add, args=["a"]).start()
    assert due.take(gather=0.4, stop=stop) == ["a", "b"]
    assert due.take(gather=0.1, stop=stop, wait=0.05) == []


class StandInPass:
    """Records each pass and marks its sources polled, as the crawler would."""

    def __init__(self, archive) -> None:  # type: ignore[no-untyped-def]
        self.archive = archive
        self.requests: list[PassRequest] = []
        self.hold = threading.Event()
        self.hold.set()
        self.closed = False

    def run(self, request: PassRequest, *, limit: float, stop: threading.Event) -> PassResult:
        self.requests.append(request)
        while not self.hold.wait(0.05):
            if stop.is_set():
                return PassResult(summary=None, error="abandoned")
        for spec in request.sources:
            self.archive.record_poll(spec.name, "ok")
        names = [s.name for s in request.sources]
        return PassResult(summary={"sources_ok": names, "new_estimates": [], "alerts": []},
                          names=tuple(names))

    def close(self) -> None:
        self.closed = True

    @property
    def batches(self) -> list[list[str]]:
        return [[s.name for s in r.sources] for r in self.requests]


def _settings(database: str, *sources: SourceSpec) -> ServiceSettings:
    return ServiceSettings(database=database, sources=sources, politeness=Politeness(), watch=Watch(("Mosul",)),
                           gather=0.3, warm=False)


def _spec(name: str, every: float) -> SourceSpec:
    return SourceSpec(name=name, kind="feed", url=f"http://127.0.0.1:9/{name}.xml", every=every)


def test_first_poll_at_start_up_is_one_pass_over_all_sources(archive) -> None:  # type: ignore[no-untyped-def]
    runner = StandInPass(archive)
    service = Service(_settings(archive.url, _spec("a", 3600), _spec("b", 3600), _spec("c", 3600)), archive,
                      runner=runner)
    service.start()
    try:
        wait_until(lambda: runner.requests, 5, "the first pass")
        time.sleep(0.5)
        assert runner.batches == [["a", "b", "c"]]
    finally:
        service.stop()
    assert runner.closed


def test_a_restart_does_not_repoll_a_source_polled_a_minute_ago(archive) -> None:  # type: ignore[no-untyped-def]
    specs = (_spec("fresh", 6 * 3600), _spec("stale", 6 * 3600))
    archive.sync_sources(specs)
    archive.record_poll("fresh", "ok", at=datetime.now(UTC) - timedelta(minutes=1))
    archive.record_poll("stale", "ok", at=datetime.now(UTC) - timedelta(hours=7))
    runner = StandInPass(archive)
    service = Service(_settings(archive.url, *specs), archive, runner=runner)
    service.start()
    try:
        wait_until(lambda: runner.requests, 5, "the first pass")
        time.sleep(0.5)
        assert runner.batches == [["stale"]]
        job = service._scheduler.get_job("poll:fresh")
        assert job.next_run_time > datetime.now(UTC) + timedelta(hours=5)
    finally:
        service.stop()


def test_each_source_gets_one_deliberately_configured_job(archive) -> None:  # type: ignore[no-untyped-def]
    runner = StandInPass(archive)
    runner.hold.clear()
    service = Service(_settings(archive.url, _spec("a", 60), _spec("b", 5)), archive, runner=runner)
    service.start()
    try:
        service._schedule(datetime.now(UTC))  # scheduling again (as a restart would) replaces, never duplicates
        jobs = {j.id: j for j in service._scheduler.get_jobs()}
        assert set(jobs) == {"poll:a", "poll:b"}
        for job, every in ((jobs["poll:a"], 60), (jobs["poll:b"], 5)):
            assert job.coalesce is True and job.max_instances == 1
            assert job.misfire_grace_time == misfire_grace(every)
            assert job.trigger.interval == timedelta(seconds=every) and job.trigger.jitter == jitter_for(every)
    finally:
        runner.hold.set()
        service.stop()


def test_sources_keep_their_own_rhythm_and_share_passes_when_due_together(archive) -> None:  # type: ignore[no-untyped-def]
    runner = StandInPass(archive)
    service = Service(_settings(archive.url, _spec("quick", 1), _spec("slow", 3600)), archive, runner=runner)
    service.start()
    try:
        wait_until(lambda: len(runner.requests) >= 3, 10, "three passes")
    finally:
        service.stop()
    assert runner.batches[0] == ["quick", "slow"]
    assert all(batch == ["quick"] for batch in runner.batches[1:])


def test_a_source_backing_off_is_left_out_of_passes(archive) -> None:  # type: ignore[no-untyped-def]
    class FailingOne(StandInPass):
        def run(self, request, *, limit, stop):  # type: ignore[no-untyped-def]
            result = super().run(request, limit=limit, stop=stop)
            self.archive.record_poll("failing", "failed", error="HTTP 503",
                                     backoff_until=datetime.now(UTC) + timedelta(hours=1))
            return result

    runner = FailingOne(archive)
    service = Service(_settings(archive.url, _spec("failing", 1), _spec("ok", 3600)), archive, runner=runner)
    service.start()
    try:
        wait_until(lambda: runner.requests, 5, "the first pass")
        time.sleep(2.5)  # "failing" falls due twice more meanwhile, but is backing off
    finally:
        service.stop()
    assert runner.batches == [["failing", "ok"]]


def test_stop_abandons_the_pass_in_flight_promptly(archive) -> None:  # type: ignore[no-untyped-def]
    runner = StandInPass(archive)
    runner.hold.clear()  # the pass never finishes by itself
    service = Service(_settings(archive.url, _spec("a", 3600)), archive, runner=runner)
    service.start()
    wait_until(lambda: runner.requests, 5, "the pass to start")
    started = time.monotonic()
    service.stop()
    assert time.monotonic() - started < 3
    assert archive.source("a").last_polled is None  # an abandoned pass is not recorded as a poll


def test_a_pass_that_dies_counts_as_a_failed_poll_for_source_health(archive) -> None:  # type: ignore[no-untyped-def]
    class Crashing(StandInPass):
        def run(self, request, *, limit, stop):  # type: ignore[no-untyped-def]
            self.requests.append(request)
            return PassResult(summary=None, error="pass process killed by SIGKILL", names=("a",))

    runner = Crashing(archive)
    settings = ServiceSettings(database=archive.url, sources=(_spec("a", 3600),), politeness=Politeness(),
                               watch=Watch(("Mosul",)), gather=0.1, warm=False, failing_after=1)
    service = Service(settings, archive, runner=runner)
    service.start()
    try:
        wait_until(lambda: archive.source("a").consecutive_failures == 1, 5, "the failure to be recorded")
        wait_until(lambda: archive.failing_alerted("a"), 5, "the source to be reported failing")
    finally:
        service.stop()
    assert "SIGKILL" in archive.source("a").last_error


def test_the_file_lock_admits_one_scheduler_per_sqlite_archive(sqlite_url) -> None:  # type: ignore[no-untyped-def]
    with ArchiveLock(sqlite_url):
        with pytest.raises(AlreadyRunning, match="another casualty-watch run"):
            ArchiveLock(sqlite_url).acquire()
    with ArchiveLock(sqlite_url):  # released on exit: the next one gets it
        pass


def test_the_advisory_lock_admits_one_scheduler_per_postgresql_archive(pg_url) -> None:  # type: ignore[no-untyped-def]
    from storage import Archive

    first, second = Archive(pg_url), Archive(pg_url)
    try:
        with ArchiveLock(pg_url, first.engine):
            with pytest.raises(AlreadyRunning):
                ArchiveLock(pg_url, second.engine).acquire()
        lock = ArchiveLock(pg_url, second.engine).acquire()
        lock.release()
    finally:
        first.close()
        second.close()
