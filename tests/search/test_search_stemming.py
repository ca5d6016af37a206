"""Stemming and folding are the same in Python (the index) and in the browser (the query).

The browser runs the theme's search.js with the Snowball JavaScript the build ships; the
same words, many of which the index has never seen, go through both.
"""

from __future__ import annotations

from briefing.render.search import language_of, split_words, word_terms

WORDS = (
    "missiles missile Patriots patriot defence defense defences armour armoured armor armored "
    "organise organised organisation organize organization analyse analysed paralysed centre "
    "centres centred metre kilometres theatre travelled travelling modelled cancelled labelled "
    "catalogue dialogues programme programmes grey aluminium manoeuvre manoeuvring colourful "
    "favourite honourable labourer neighbours rumours licence offences practise ageing "
    "Turkey's Turkey’s Erdoğan's Erdoğan ERDOĞAN İstanbul Straße STRASSE Αθήνας ΑΘΗΝΑΣ "
    "S-400 S‑400 S–400 F-16s SA-21 o'brien O’Brien rock-'n'-roll x-ray ﬁnance café cafe\u0301 "
    "Zürich naïve façade Łódź Kraków München Gdańsk crème brûlée résumé "
    "generously happily running runs ran flying flies flew studies studying hopeful hopefulness "
    "internationalisation counterproductive antidisestablishmentarianism quickly "
    "the of and it's don't 2024 155mm 9K720 12,000 3.5 co-operation e-mail "
    "Привет ракеты Россия ŞİLAH ağır اسرائيل שלום 東京 ৰাজ্য"
)


def python_terms(text: str, code: str = "en") -> list[str]:
    language = language_of(code)
    return [f"{t.stem}:{t.surface}" for w in split_words(text, language) for t in word_terms(w, language)]


def test_python_and_browser_give_the_same_terms(search_page):
    search_page.open()
    browser = search_page.page.evaluate("text => window.briefingSearch.terms(text)", WORDS)
    python = python_terms(WORDS)
    mismatched = [(p, b) for p, b in zip(python, browser, strict=False) if p != b]
    assert mismatched == [] and len(python) == len(browser), mismatched or (len(python), len(browser))
    assert not search_page.errors, search_page.errors


def test_python_and_browser_put_a_term_in_the_same_shard(search_page, corpus_public):
    """Word shards by their first letters, phrase pairs by a CRC-32 of their bytes."""
    import json

    from briefing.render.search import shard_key

    buckets = json.loads((corpus_public / "search" / "meta.json").read_text())["pair_buckets"]
    search_page.open()
    for term in ["missil", "s400", "erdogan_envoy", "black_sea", "αθηνας_πολη", "東京_駅", "z"]:
        browser = search_page.page.evaluate("t => window.briefingSearch.shardKey(t)", term)
        assert browser == shard_key(term, buckets), term


def test_stems_fold_inflection_and_spelling():
    def stems(text: str) -> set[str]:
        return {term.split(":")[0] for term in python_terms(text)}

    assert stems("missiles") == stems("missile")
    assert stems("Patriots") == stems("patriot")
    assert stems("defence") == stems("defense")
    assert stems("armoured") == stems("armored") == stems("armor")
    assert stems("organisation") == stems("organization")
    assert stems("Turkey's") == stems("Turkey’s") == stems("turkey")
    assert stems("S‑400") == stems("S–400") == stems("S-400") == {"s400", "400"}
    assert stems("Erdoğan") == stems("ERDOGAN")
    # Four, hour and your keep their "our"; "the" is a stop word.
    assert stems("four hour your") == {"four", "hour"}


GERMAN = (
    "Panzer Panzern Luftverteidigung Luftverteidigungssysteme Raketen Rakete Straße Straßen Müller Bundeswehr"
)


def test_another_language_stems_with_its_own_stemmer_in_both(browser, tmp_path):
    """A German site ships the German Snowball stemmer; a language Snowball lacks is folded only."""
    from search_corpus import DOCS, entry_file
    from searching import SearchPage
    from shared_support import run_cli, write_files
    from webtools import fresh_page, http_folder

    for code, shipped in (("de", "german"), ("ja", None)):
        files = {f"content/{d.slug}.md": entry_file(d) for d in DOCS[:3]}
        files["briefing.toml"] = f'title = "T"\nlanguage = "{code}"\n'
        root = write_files(tmp_path / code, files)
        assert run_cli("build", "--site", str(root), cwd=root).code == 0
        stemmers = (
            sorted(p.name for p in (root / "public" / "search" / "stemmer").glob("*.js")) if shipped else []
        )
        assert stemmers == (sorted(["base-stemmer.js", f"{shipped}-stemmer.js"]) if shipped else [])
        with http_folder(root / "public") as url, fresh_page(browser) as page:
            search = SearchPage(page, url + "search/")
            search.open()
            terms = page.evaluate("text => window.briefingSearch.terms(text)", GERMAN)
            assert terms == python_terms(GERMAN, code)
            assert not search.failures and not search.errors
            search.open("Ankara")
            assert search.slugs() == ["s-400-batteries-reach-ankara"]
    assert python_terms("Panzern", "de") == ["panz:panzern"]
