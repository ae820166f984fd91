"""tidings on Apache Spark: the same pipeline over a cluster (``tidings spark``).

:mod:`tidings.spark.job` plans and runs the job (pyspark, the ``spark`` extra);
:mod:`tidings.spark.tasks` is what executors run and :mod:`tidings.spark.rows` what a row
of each output table holds; both are plain Python. ``tidings load`` stores the output
(:mod:`tidings.store.load`).
"""

from tidings.spark.job import JobCounts, JobSettings, run

__all__ = ["JobCounts", "JobSettings", "run"]
