"""The supervisor of `make production-local` (scripts/production_stack.py), with stand-in processes.

The real stack under the same supervisor is in test_faults.py (PostgreSQL pass).
"""

import os
import sys
import time

from scripts.production_stack import Supervisor, stack_commands

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]
QUITTER = [sys.executable, "-c", "import sys; sys.exit(3)"]


def wait_for(condition, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("condition not met in time")


class FastSupervisor(Supervisor):
    """The same rules, in tenths of a second."""

    first_delay = 0.1
    max_delay = 0.4
    poll_interval = 0.02


def test_a_child_that_exits_is_restarted_and_the_others_keep_running(tmp_path):
    supervisor = FastSupervisor({"web": SLEEPER, "scheduler": QUITTER}, env=None, log_dir=tmp_path).start()
    try:
        web = supervisor["web"].pid

        wait_for(lambda: supervisor.restarts["scheduler"] >= 3)

        assert supervisor["web"].pid == web and supervisor["web"].poll() is None
        assert supervisor.restarts["web"] == 0
    finally:
        supervisor.stop()
    log = (tmp_path / "scheduler.log").read_text()
    assert "scheduler s'est arrêté (code 3)" in log
    assert "scheduler redémarré" in log


def test_restarts_wait_longer_and_longer_up_to_a_limit(tmp_path):
    supervisor = FastSupervisor({"scheduler": QUITTER}, env=None, log_dir=tmp_path).start()
    try:
        wait_for(lambda: supervisor.restarts["scheduler"] >= 4)
    finally:
        supervisor.stop()

    delays = [line.rsplit("dans ", 1)[1] for line in (tmp_path / "scheduler.log").read_text().splitlines()
              if "redémarrage dans" in line]
    assert delays[:4] == ["0.1 s", "0.2 s", "0.4 s", "0.4 s"]


def test_stop_ends_every_child_and_restarts_nothing(tmp_path):
    supervisor = FastSupervisor({"web": SLEEPER, "worker": SLEEPER}, env=None, log_dir=tmp_path).start()

    supervisor.stop()
    time.sleep(0.2)

    assert all(process.poll() is not None for process in supervisor.values())
    assert supervisor.restarts == {"web": 0, "worker": 0}


def test_children_share_the_supervisors_session_each_in_a_process_group_of_its_own(tmp_path):
    """Linux shares the processor between sessions first (autogroups): in the supervisor's session
    the task worker's niceness gives the web processes way; their own groups let stop() end each
    child with its children."""
    supervisor = FastSupervisor({"web": SLEEPER, "worker": SLEEPER}, env=None, log_dir=tmp_path).start()
    try:
        for process in supervisor.values():
            assert os.getsid(process.pid) == os.getsid(0)
            assert os.getpgid(process.pid) == process.pid
    finally:
        supervisor.stop()


def test_the_stack_runs_the_reconnecting_worker_and_the_scheduler_loop():
    commands = stack_commands(worker=True, scheduler=True, tick=5)

    assert commands["worker"][2] == "db_worker"
    assert commands["scheduler"][2:4] == ["run_periodic_jobs", "--loop"]
