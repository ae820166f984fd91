"""``spark-submit …/tidings/spark/__main__.py INPUT... --out DIR``: the ``tidings spark``
command as a driver script that spark-submit can launch on a cluster."""

import sys

from tidings.cli import app

if __name__ == "__main__":
    app(["spark", *sys.argv[1:]], prog_name="tidings")
