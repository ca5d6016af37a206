"""The tagger on the evaluation corpus: overall precision >= 0.95 and recall >= 0.90.

The corpus (tests/entities/corpus) holds short defence and geopolitics articles written
for these tests, each with the tags a careful analyst would give it. bench/eval_entities.py
prints the same scores per type, the misses, and the throughput.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "eval_entities.py"


@pytest.fixture(scope="module")
def evaluation():
    spec = importlib.util.spec_from_file_location("eval_entities", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_corpus_is_large_and_varied(evaluation):
    articles = evaluation.load_corpus()
    assert len(articles) >= 24
    for article in articles:
        assert article.paragraphs and any(article.expected.values()), article.name


def test_precision_and_recall(evaluation, registry):
    result = evaluation.score(evaluation.load_corpus(), registry)
    report = "\n".join(result.errors)
    assert result.precision() >= 0.95, report
    assert result.recall() >= 0.90, report
    for group in evaluation.GROUPS:
        assert result.precision(group) >= 0.85, (group, report)
        assert result.recall(group) >= 0.80, (group, report)
