# One measurement of the seed's app from the client side, printed as one JSON line:
#   measure.py TASKS SINGLES
# TASKS round trips sent at once and collected with join_native (Celery's fastest way to collect many results),
# then SINGLES calls one after another, for the median latency of one call.
import json
import statistics
import sys
import time

from celery.result import ResultSet

from seed_app import fun

tasks, singles = int(sys.argv[1]), int(sys.argv[2])
fun.delay(0).get(timeout=60)  # the worker is up once its first answer is back

seconds = None
if tasks > 0:
    start = time.perf_counter()
    results = ResultSet([fun.delay(x) for x in range(1, tasks + 1)]).join_native(timeout=300)
    seconds = time.perf_counter() - start
    if sorted(r[0] for r in results) != list(range(1, tasks + 1)):
        sys.exit("wrong results")

latencies = []
for x in range(singles):
    start = time.perf_counter()
    fun.delay(x).get(timeout=30)
    latencies.append((time.perf_counter() - start) * 1000)

print(json.dumps({"seconds": seconds, "latency_ms": statistics.median(latencies) if latencies else None}))
