"""Interleaved timing for the command-line benchmarks (B4, B5).

Runs cases in rounds, one run of each case per round, always in the order given (A B A B ...),
so that a machine that drifts during the benchmark hits every side alike. A case is either a
command, started without a shell and with its stdout read to the end through a pipe (stdin and
stderr on /dev/null), or a Python function timed in-process (kcp's floor in B5).

Peak RSS comes from separate runs under /usr/bin/time, interleaved the same way: the timing
runs start children from this interpreter, and a child's peak RSS as the kernel reports it
includes the parent's pages up to exec, so it would read as at least Python's own size.
"""

import math
import os
import platform
import statistics
import subprocess
import time


class Command:
    """A command to time: argv[0] is a path; ok_codes are the exit codes that count as success."""

    def __init__(self, name, argv, ok_codes=(0,)):
        self.name, self.argv, self.ok_codes = name, [str(a) for a in argv], tuple(ok_codes)

    def once(self):
        """Runs once; returns (elapsed ns, bytes read from its stdout)."""
        read_end, write_end = os.pipe()
        actions = [
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_DUP2, write_end, 1),
            (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
            (os.POSIX_SPAWN_CLOSE, read_end),
            (os.POSIX_SPAWN_CLOSE, write_end),
        ]
        start = time.perf_counter_ns()
        pid = os.posix_spawn(self.argv[0], self.argv, os.environ, file_actions=actions)
        os.close(write_end)
        size = 0
        while chunk := os.read(read_end, 1 << 16):
            size += len(chunk)
        _, status, _ = os.wait4(pid, 0)
        elapsed = time.perf_counter_ns() - start
        os.close(read_end)
        code = os.waitstatus_to_exitcode(status)
        if code not in self.ok_codes:
            raise RuntimeError(f"{self.name}: exit {code} (expected {self.ok_codes}): {' '.join(self.argv)}")
        return elapsed, size

    def peak_rss_kib(self):
        """One run under /usr/bin/time: the child's peak resident set, KiB."""
        out = subprocess.run(["/usr/bin/time", "-f", "%M", *self.argv], stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
        return int(out.stderr.strip().splitlines()[-1])


class InProcess:
    """A Python function to time in-process (no process start-up in the figure)."""

    def __init__(self, name, function):
        self.name, self.function = name, function

    def once(self):
        """Runs once; returns (elapsed ns, the size the function returns, e.g. bytes it read)."""
        start = time.perf_counter_ns()
        size = self.function()
        return time.perf_counter_ns() - start, size or 0


def quantile(sorted_values, q):
    """Nearest-rank quantile of an ascending list."""
    return sorted_values[max(0, math.ceil(q * len(sorted_values)) - 1)]


def summary_ms(samples_ns):
    """Median, p90, mean, stddev, min, max of samples (ns), in ms."""
    ms = sorted(s / 1e6 for s in samples_ns)
    return {"runs": len(ms), "median_ms": round(statistics.median(ms), 3), "p90_ms": round(quantile(ms, 0.9), 3),
            "mean_ms": round(statistics.fmean(ms), 3), "stddev_ms": round(statistics.stdev(ms), 3) if len(ms) > 1 else 0.0,
            "min_ms": round(ms[0], 3), "max_ms": round(ms[-1], 3)}


def run_rounds(cases, runs, warmup=0, rss_rounds=0, log=None):
    """Times every case `runs` times, interleaved, after `warmup` untimed rounds.

    Returns {name: summary} with each case's summary_ms(), the bytes its last run wrote to
    stdout, and (for commands, when rss_rounds > 0) the median and max of its peak RSS.
    """
    for _ in range(warmup):
        for case in cases:
            case.once()
    samples = {case.name: [] for case in cases}
    sizes = {}
    for round_number in range(runs):
        for case in cases:
            elapsed, sizes[case.name] = case.once()
            samples[case.name].append(elapsed)
        if log and (round_number + 1) % max(1, runs // 5) == 0:
            log(f"  round {round_number + 1}/{runs}")
    rss = {case.name: [] for case in cases if isinstance(case, Command)}
    for _ in range(rss_rounds):
        for case in cases:
            if isinstance(case, Command):
                rss[case.name].append(case.peak_rss_kib())
    results = {}
    for case in cases:
        result = summary_ms(samples[case.name])
        result["output_bytes"] = sizes[case.name]
        if rss.get(case.name):
            result["peak_rss_kib_median"] = int(statistics.median(rss[case.name]))
            result["peak_rss_kib_max"] = max(rss[case.name])
        results[case.name] = result
    return results


def machine():
    """What the figures were measured on."""
    def first(path, key):
        try:
            with open(path) as f:
                return next((line.split(":", 1)[1].strip() for line in f if line.startswith(key)), "")
        except OSError:
            return ""
    mem_kib = first("/proc/meminfo", "MemTotal").split()
    return {"cpus": os.cpu_count(), "cpu_model": first("/proc/cpuinfo", "model name"),
            "memory_gib": round(int(mem_kib[0]) / 2**20, 1) if mem_kib else None, "kernel": platform.release(),
            "python": platform.python_version(),
            # Other work on the machine while this ran shows here (1, 5, 15 min, at the end).
            "load_average": [round(x, 2) for x in os.getloadavg()]}
