import logging
import os
import signal
import sys

import redis

logging.basicConfig(filename="worker.log", level=logging.INFO)
queue = redis.Redis.from_url(os.environ["REDIS_URL"])
running = True


def stop(_signum, _frame):
    global running
    running = False


signal.signal(signal.SIGTERM, stop)

while running:
    item = queue.blpop("orders", timeout=5)
    if item:
        logging.info("processing order %s", item[1].decode())

sys.exit(0)
