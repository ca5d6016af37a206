"""Real seeds vary: CRLF, BOMs, cp1252 and latin-1, blank runs, trailing spaces. All read right."""

from __future__ import annotations

import random

import pytest
from ingest_support import counts, ingest, ingest_direct, only_entry, rendered_paragraphs

from briefing.ingest.decode import NotText, decode_seed

TITLE = "Minister’s “plan” for the café"
LEDE = "The minister said the “deal” was “done” – a résumé of talks in the café. It’s final."
SECOND = "Officials called it naïve; critics said “no”."
CP1252_TEXT = f"{TITLE}\n\n{LEDE}\n\n{SECOND}\n"

LATIN1_TITLE = "Café talks in São Paulo"
LATIN1_LEDE = "Señor Muñoz met the Élysée envoy à la française. Garçon, ¿qué?"
LATIN1_TEXT = f"{LATIN1_TITLE}\n\n{LATIN1_LEDE}\n\nThe talks ended at noon.\n"


@pytest.mark.parametrize(
    "name, data",
    [
        ("utf8", CP1252_TEXT.encode("utf-8")),
        ("utf8-bom", b"\xef\xbb\xbf" + CP1252_TEXT.encode("utf-8")),
        ("utf8-crlf", CP1252_TEXT.replace("\n", "\r\n").encode("utf-8")),
        ("utf8-bom-crlf", b"\xef\xbb\xbf" + CP1252_TEXT.replace("\n", "\r\n").encode("utf-8")),
        ("cp1252", CP1252_TEXT.encode("cp1252")),
        ("cp1252-crlf", CP1252_TEXT.replace("\n", "\r\n").encode("cp1252")),
        ("utf16-bom", CP1252_TEXT.encode("utf-16")),
    ],
)
def test_seed_encodings_decode_to_the_same_article(seeds, registry, name, data):
    root = seeds({f"{name}.txt": data})

    report = ingest_direct(root, registry)

    assert len(report.new) == 1, report.failed
    _path, metadata, body = only_entry(root)
    assert metadata["title"] == TITLE
    assert rendered_paragraphs(body) == [LEDE, SECOND]
    assert metadata["summary"] == LEDE


def test_latin1_seed_decodes_accents(seeds):
    root = seeds({"latin1.txt": LATIN1_TEXT.encode("latin-1")})

    run = ingest(root)

    assert run.code == 0, run.err
    _path, metadata, body = only_entry(root)
    assert metadata["title"] == LATIN1_TITLE
    assert rendered_paragraphs(body)[0] == LATIN1_LEDE


@pytest.mark.parametrize(
    "text, encoding",
    [
        (CP1252_TEXT, "cp1252"),
        (LATIN1_TEXT, "latin-1"),
        ("Élysée statement\n\nThe Élysée said « non » to the deal.\n", "latin-1"),
        ("Caf\u00e9 r\u00e9sum\u00e9\n\nThe caf\u00e9 was closed.\n", "latin-1"),
        ("‘Single’ quotes — and dashes\n\nText • bullet ™ and © 2024 and €5 … more.\n", "cp1252"),
        (
            "Россия и Турция\n\nРоссия и Турция договорились о совместном производстве систем С-400.\n",
            "cp1251",
        ),
        ("Η Ελλάδα\n\nΗ Ελλάδα και η Τουρκία συζήτησαν για την άμυνα στην Αθήνα σήμερα.\n", "cp1253"),
        ("ישראל\n\nישראל וטורקיה חתמו על הסכם הגנה חדש בירושלים היום.\n", "cp1255"),
        ("防衛省\n\n日本の防衛省は新しいミサイル防衛システムを発表しました。\n", "shift_jis"),
    ],
)
def test_decode_seed_detects_single_byte_encodings(text, encoding):
    assert decode_seed(text.encode(encoding)) == text


def test_crlf_lone_cr_blank_runs_and_trailing_spaces_are_normalised():
    data = b"Title   \r\n\r\n\r\n\r\nFirst line  \r\nsecond line\t \r\rOld Mac para.   \n\n\n\nLast.  "
    text = decode_seed(data)
    assert "\r" not in text
    assert all(line == line.rstrip() for line in text.split("\n"))
    assert text.startswith("Title\n\n")


def test_blank_runs_and_trailing_spaces_do_not_reach_the_entry(seeds):
    messy = (
        "  Navy orders frigates   \r\n\r\n\r\n\r\n   \r\n"
        "The navy ordered six.   \r\n\r\n\r\n\r\nMore.  \r\n\r\n\r\n"
    )
    root = seeds({"messy.txt": messy.encode("utf-8")})

    assert ingest(root).code == 0

    path, metadata, body = only_entry(root)
    assert metadata["title"] == "Navy orders frigates"
    assert rendered_paragraphs(body) == ["The navy ordered six.", "More."]
    assert b"\r" not in path.read_bytes()
    assert all(line == line.rstrip() for line in body.split("\n"))


def test_bom_does_not_reach_title_or_slug(seeds):
    root = seeds({"bom.txt": b"\xef\xbb\xbfNavy orders frigates\r\n\r\nBody text.\r\n"})
    run = ingest(root)
    assert counts(run)["new"] == 1
    path, metadata, _body = only_entry(root)
    assert metadata["title"] == "Navy orders frigates"
    assert path.name == "navy-orders-frigates.md"
    assert "\ufeff" not in path.read_text(encoding="utf-8")


def test_entries_are_written_as_utf8_whatever_the_seed_encoding(seeds):
    root = seeds({"cp.txt": CP1252_TEXT.encode("cp1252")})
    assert ingest(root).code == 0
    path, _metadata, _body = only_entry(root)
    text = path.read_bytes().decode("utf-8")  # raises if not UTF-8
    assert "café" in text and "“deal”" in text


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_are_not_text(seed):
    generator = random.Random(seed)
    with pytest.raises(NotText):
        decode_seed(generator.randbytes(4096))
    # Without a single NUL byte the detector itself must reject them.
    with pytest.raises(NotText):
        decode_seed(bytes(generator.randrange(1, 256) for _ in range(4096)))


def test_zip_file_is_not_text():
    with pytest.raises(NotText):
        decode_seed(b"PK\x03\x04" + bytes(range(256)) * 4)


# Issue 13: Polish, Czech and Hungarian seeds in cp1250 or ISO-8859-2 came out garbled
# ("Èeská", "¶mig³owce"), because cp1252 won whenever the detector accepted it.
CENTRAL_EUROPEAN = [
    ("Polska kupuje śmigłowce\n\nŻołnierze będą szkoleni w Łodzi, a dostawy ruszą wiosną.\n", "Polish"),
    ("Česká armáda nakoupí tanky\n\nPříští rok začnou dodávky a vojáci projdou výcvikem.\n", "Czech"),
    (
        "Új vadászgépek érkeznek\n\nAz első szállítások jövőre érkeznek, a képzés ősszel kezdődik.\n",
        "Hungarian",
    ),
    ("Slovenská armáda\n\nĽudia v Žiline si ťažko zvykajú na ďalšie zmeny.\n", "Slovak"),
    ("Armata română\n\nŞcoala şi ţara au primit noi avioane de luptă în această lună.\n", "Romanian"),
]


@pytest.mark.parametrize("encoding", ["cp1250", "iso8859_2"])
@pytest.mark.parametrize("text, language", CENTRAL_EUROPEAN, ids=[lang for _t, lang in CENTRAL_EUROPEAN])
def test_central_european_code_pages_decode_right(text, language, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"{language} is not written in {encoding}")
    assert decode_seed(data) == text


@pytest.mark.parametrize(
    "text",
    [
        "The naïve café served crème brûlée — “fine” work, said Zoë.\n",
        "Señor Muñoz dijo: “¿qué?” — año.\n",
        "Smørrebrød på Ærø, said the Danish minister.\n",
        "20°C, €5 and © 2024 ™ — and that’s final.\n",
    ],
)
def test_western_text_stays_western_beside_the_central_european_code_pages(text):
    assert decode_seed(f"A title\n\n{text}".encode("cp1252")) == f"A title\n\n{text}"


def test_a_utf8_title_over_a_cp1252_body_is_read_line_by_line(seeds):
    title = "Café “summit” in Zürich"
    body = "The naïve envoy’s résumé — “done”, said the Élysée."
    root = seeds({"mixed.txt": title.encode("utf-8") + b"\n\n" + body.encode("cp1252") + b"\n"})
    assert ingest(root).code == 0
    _path, metadata, text = only_entry(root)
    assert metadata["title"] == title
    assert rendered_paragraphs(text) == [body]
