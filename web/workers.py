"""Worker processes that share the load: each accepts on its own socket of one SO_REUSEPORT group.

uvicorn's supervisor hands every worker the one listening socket. An event loop that wakes on it accepts
every connection waiting (asyncio takes up to the backlog per wake-up), so when clients connect together one
worker takes all their keep-alive connections and the others idle: measured with bench/load.py, 2 workers and
20 clients, one worker used 7.9 s of CPU and the other none in one 8-second run in three, at half the rate.
On Linux each worker here gets its own socket bound to the same address with SO_REUSEPORT, and the kernel
spreads new connections over the group by a hash of their addresses. The sockets stay open in the supervisor,
so a worker that dies is replaced on the same socket and the connections waiting in its queue are kept. Only
processes of the same user may join such a group (Linux checks the effective UID).
"""
from __future__ import annotations

import logging
import socket
import sys
from collections.abc import Callable, Sequence

from uvicorn.config import STARTUP_FAILURE, Config
from uvicorn.supervisors.multiprocess import Multiprocess, Process

log = logging.getLogger("uvicorn.error")
BALANCED = sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def listening_group(bind: Callable[[int, bool], socket.socket], port: int, count: int) -> list[socket.socket]:
    """`count` sockets listening on one address: an SO_REUSEPORT group on Linux (the first one's port, when
    `port` is 0, is the group's), else one socket all workers share. `bind(port, reuse_port)` makes one."""
    first = bind(port, BALANCED and count > 1)
    if not BALANCED or count == 1:
        return [first]
    group = [first]
    try:
        for _ in range(count - 1):
            group.append(bind(first.getsockname()[1], True))
    except BaseException:
        for sock in group:
            sock.close()
        raise
    return group


class BalancedWorkers(Multiprocess):
    """uvicorn's Multiprocess, with worker `i` accepting on `sockets[i]` (all of them when one is given)."""

    def __init__(self, config: Config, sockets: Sequence[socket.socket]) -> None:
        super().__init__(config, sockets=list(sockets))
        self.slots = list(sockets)

    def _spawn(self, slot: int) -> Process:
        process = Process(self.config, [self.slots[slot % len(self.slots)]] if len(self.slots) > 1 else self.slots)
        process.start()
        return process

    def init_processes(self) -> None:
        for slot in range(self.processes_num):
            self.processes.append(self._spawn(slot))

    def restart_all(self) -> None:
        """SIGHUP: each worker replaced on its own socket, the new one ready before the old one stops."""
        for slot, old in enumerate(self.processes):
            if self.should_exit.is_set():
                return
            new = self._spawn(slot)
            if not new.wait_until_ready(self.config.timeout_worker_healthcheck, self.should_exit):
                new.kill()
                new.join()
                return
            old.terminate()
            old.join()
            self.processes[slot] = new

    def keep_subprocess_alive(self) -> None:
        if self.should_exit.is_set():
            return
        for slot, process in enumerate(self.processes):
            if process.is_alive(timeout=self.config.timeout_worker_healthcheck):
                continue
            process.kill()
            process.join()
            if process.exitcode == STARTUP_FAILURE:  # the app or socket is broken: every restart would fail
                self.should_exit.set()
                return
            if self.should_exit.is_set():
                return
            log.info("Child process [%s] died", process.pid)
            self.processes[slot] = self._spawn(slot)
