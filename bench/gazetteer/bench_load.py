"""Time loading the shipped gazetteer (uncached) and print medians against the 0.3 s budget.

Run: /work/venv/bin/python bench/gazetteer/bench_load.py [runs]

Both wall-clock and process CPU time are printed: on a shared machine the wall time grows with
the load of other processes, while the CPU time measures the loader itself. The budget ratio
uses the CPU median.
"""

from __future__ import annotations

import statistics
import sys
import time

from diplograph.ontology import gazetteer

BUDGET_S = 0.3


def main(runs: int = 20) -> None:
    wall, cpu = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        gaz = gazetteer._load(gazetteer.FOLDER)
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    print(f"records={len(gaz.records)} surface_forms={len(gaz.surface_forms())} runs={runs}")
    print(f"median wall {statistics.median(wall) * 1000:.1f} ms, median cpu "
          f"{statistics.median(cpu) * 1000:.1f} ms; cpu / {BUDGET_S * 1000:.0f} ms budget: "
          f"{statistics.median(cpu) / BUDGET_S:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
