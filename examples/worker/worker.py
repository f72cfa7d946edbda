import os
import signal
import sys

import redis

queue = redis.Redis.from_url(os.environ["REDIS_URL"])
running = True


def stop(_signum, _frame):
    global running
    running = False


signal.signal(signal.SIGTERM, stop)

while running:
    item = queue.blpop("orders", timeout=5)
    if item:
        print(f"processing order {item[1].decode()}", flush=True)

sys.exit(0)
