# The seed's Celery app (presentation.md, In [4]), unchanged but for where the broker is:
# broker and queue come from the benchmark, the result backend is rpc:// as in the seed.
import os

import celery

app = celery.Celery("demo", broker=os.environ["BENCH_BROKER"], backend="rpc://")
app.conf.task_default_queue = os.environ["BENCH_QUEUE"]


@app.task
def fun(x):
    return x, x**2, os.getpid()
