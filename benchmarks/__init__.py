"""Qari's benchmarks: every speed figure the issues ask for, each against a baseline measured
in the same run (these machines are shared and noisy, so absolute times mean little).

Each ``bench_*.py`` module defines ``run(quick: bool) -> list[Result]``; ``python -m
benchmarks`` runs them all, prints a table and writes ``benchmarks/results.json``.
"""
