"""Is the pipeline's output unchanged? Every record of N corpus articles, as JSON, against a
reference file written by an earlier run (before a speed change, say).

The first run writes the records (one JSON line per input: the analysis or its error);
later runs with ``--against`` compare theirs line by line and name the first records that
differ. The pipeline runs in this process (``n_process=1``) so that the comparison does not
depend on how chunks fall to workers.

Run from the repo root (nothing is written into the repository):

    .venv/bin/python scripts/pipeline_output_check.py --out /tmp/before.jsonl [--limit 200]
    .venv/bin/python scripts/pipeline_output_check.py --out /tmp/after.jsonl \\
        --against /tmp/before.jsonl

With ``--profile FILE`` the run is profiled (cProfile, by CPU time) and the statistics saved
to FILE.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from itertools import islice
from pathlib import Path
from typing import Any

from tidings.benchmarks.pipeline import DEFAULT_CORPUS
from tidings.errors import TidingsError
from tidings.model import to_dict
from tidings.pipeline import Pipeline, Settings
from tidings.sources import iter_documents


def record_lines(corpus: Path, limit: int, profile: Path | None) -> list[str]:
    """One JSON line per input: its Analysis as a dict, or its error's type and message."""
    pipeline = Pipeline(Settings(n_process=1))
    items = list(islice(iter_documents([str(corpus)]), limit))
    profiler: Any = None
    if profile is not None:
        import cProfile

        # CPU time, not wall time: the figures hold on a machine other jobs share
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
    start = time.process_time()
    results = list(pipeline.analyze_many(items))
    cpu = time.process_time() - start
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(str(profile))
    print(f"{len(results)} records, {cpu:.1f} CPU s", file=sys.stderr)
    lines = []
    for result in results:
        if isinstance(result, TidingsError):
            record: Any = {"error": type(result).__name__, "message": str(result)}
        else:
            record = to_dict(result)
        lines.append(json.dumps(record, sort_keys=True, ensure_ascii=False))
    return lines


def compare(ours: list[str], reference: list[str]) -> int:
    """How many records differ (printing the first few); the counts must match too."""
    if len(ours) != len(reference):
        print(f"record counts differ: {len(ours)} here, {len(reference)} in the reference")
        return max(len(ours), len(reference))
    differ = [i for i, (a, b) in enumerate(zip(ours, reference, strict=True)) if a != b]
    for i in differ[:5]:
        a, b = json.loads(ours[i]), json.loads(reference[i])
        keys = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
        print(f"record {i} differs in {keys}")
    return len(differ)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--out", type=Path, required=True, help="where to write the records")
    parser.add_argument("--against", type=Path, help="a reference file to compare with")
    parser.add_argument("--profile", type=Path, help="save cProfile statistics here")
    args = parser.parse_args()
    if not args.corpus.exists():
        parser.error(f"--corpus {args.corpus}: no such file")
    lines = record_lines(args.corpus, args.limit, args.profile)
    text = "".join(line + "\n" for line in lines)
    args.out.write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    print(f"{len(lines)} records written to {args.out}, sha256 {digest}")
    if args.against is None:
        return 0
    reference = args.against.read_text(encoding="utf-8").splitlines()
    differ = compare(lines, reference)
    same = "byte-identical" if differ == 0 else f"{differ} record(s) differ"
    print(f"against {args.against}: {same}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
