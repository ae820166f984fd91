"""Benchmarks that measure tidings against public reference sets (extraction, throughput)."""
