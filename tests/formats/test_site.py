"""The static site's pages: valid HTML5, accessible structure, links, offline, contrast."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import html5lib
import pytest

from convention_cli.cli.app import main
from convention_cli.formats.site import relative
from convention_cli.vocab import french_spacing as fr
from tests.conftest import copy_registry
from tests.paths import DATA
from tests.site_support import AS_OF, build, file_text, fixture_copy, is_page, read_page, site_files


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    tmp = tmp_path_factory.mktemp("site")
    data = fixture_copy(tmp)
    return site_files(build(data, tmp / "public", "--as-of", AS_OF))


def _pages(site: dict[str, bytes]) -> dict[str, bytes]:
    return {name: content for name, content in site.items() if is_page(name)}


def test_expected_pages_from_ids(site: dict[str, bytes]) -> None:
    assert {
        "index.html", "echeances.html", "engagements/index.html",
        "engagements/unml-relayer.html", "engagements/valoriser-signature.html",
        "groupes/index.html", "groupes/gt-1.html", "territoires/index.html",
        "territoires/la-reunion.html", "reunions/index.html", "documents/index.html",
        "style.css", "frise.svg", "sitemap.xml", "documents/bilan-annuel-2023.md",
        "documents/bilan-annuel-2023.html", "documents/bilan-annuel-2023.docx",
        "documents/bilan-annuel-2023.odt", "documents/communication-2024.md",
        "documents/communication-2024.html", "documents/releve-commission-2024-t1.md",
        "documents/releve-commission-2024-t1.html", "documents/releve-gt-1-2024-04.html",
    } <= set(site)
    # The multi-year bilan only when due (its deadline is 30 June 2026).
    assert not any(name.startswith("documents/bilan-pluriannuel") for name in site)


def test_every_page_is_valid_html5(site: dict[str, bytes]) -> None:
    """html5lib's strict parser raises on any parse error of the HTML standard."""
    for name, content in _pages(site).items():
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        try:
            parser.parse(content.decode("utf-8"))
        except html5lib.html5parser.ParseError as exc:  # pragma: no cover - reported
            pytest.fail(f"{name}: {exc}")
        assert content.startswith(b"<!DOCTYPE html>\n<html lang=\"fr\">"), name


def test_structure_of_every_page(site: dict[str, bytes]) -> None:
    for name, content in _pages(site).items():
        page = read_page(content)
        tags = [tag for tag, _ in page.tags]
        assert page.lang == "fr", name
        assert page.h1 == 1, name
        for landmark in ("header", "nav", "main", "footer"):
            assert landmark in tags, (name, landmark)
        first_link = next(attrs for tag, attrs in page.tags if tag == "a")
        assert first_link.get("href") == "#contenu", name  # skip link comes first
        assert "contenu" in page.ids, name
        for tag, attrs in page.tags:
            if tag == "img":
                assert attrs.get("alt"), name
            if tag == "table":
                continue
            assert "style" not in attrs, (name, tag)  # strict CSP: no inline style
        assert not {"script", "style", "iframe"} & set(tags), name
        text = page.plain
        assert "Version publique" in text, name
        assert "situation au 1er juillet 2024" in text, name
        assert "Site établi avec" in text, name  # provenance footer


def test_tables_have_captions_and_scrollable_regions(site: dict[str, bytes]) -> None:
    for name, content in _pages(site).items():
        html = content.decode("utf-8")
        assert html.count("<table") == html.count("<caption"), name
        for match in re.finditer(r'<div class="tableau"([^>]*)>', html):
            assert 'tabindex="0"' in match.group(1), name  # scrollable by keyboard


def test_link_checker_walks_every_page(site: dict[str, bytes]) -> None:
    """Every internal link and resource exists (file and anchor); none is absolute,
    local, or outside the site; the only external addresses are evidence links."""
    pages = {name: read_page(content) for name, content in _pages(site).items()}
    checked = 0
    for name, page in pages.items():
        for kind, value in page.links:
            if kind == "a.href" and value.startswith(("https://", "http://")):
                continue  # evidence published elsewhere: a link, never a resource
            assert not re.match(r"^([a-z]+:|/|\\)", value), (name, value)
            path, _, anchor = value.partition("#")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), path)) \
                if path else name
            assert not target.startswith(".."), (name, value)
            assert target in site, (name, value)
            if anchor:
                assert anchor in pages[target].ids, (name, value)
            checked += 1
    assert checked > 100


def test_link_checker_walks_the_downloads(site: dict[str, bytes]) -> None:
    """The documents' HTML, Word and ODT versions (relevés included) link only to web
    addresses: no local path, no link into the site that would break once downloaded."""
    downloads = [name for name in site
                 if name.startswith("documents/") and name != "documents/index.html"
                 and name.endswith((".html", ".docx", ".odt"))]
    assert len(downloads) >= 6
    for name in downloads:
        text = file_text(name, site[name])
        if name.endswith(".html"):
            targets = [value for _, value in read_page(site[name]).links]
        elif name.endswith(".docx"):
            targets = re.findall(r'Target="([^"]+)" TargetMode="External"', text)
        else:
            targets = re.findall(r'xlink:href="([^"]+)"', text)
        for target in targets:
            assert target.startswith(("https://", "http://", "mailto:", "Pictures/")), (
                name, target)


def test_meetings_link_their_releve(site: dict[str, bytes]) -> None:
    page = read_page(site["reunions/index.html"])
    links = [value for kind, value in page.links if kind == "a.href"]
    assert "../documents/releve-commission-2024-t1.html" in links
    assert "../documents/releve-commission-2024-t1.md" in links
    releve = read_page(site["documents/releve-commission-2024-t1.html"]).plain
    assert "Relevé de décisions" in releve
    documents = [value for _, value in read_page(site["documents/index.html"]).links]
    for suffix in (".html", ".docx", ".odt", ".md"):
        assert f"../documents/bilan-annuel-2023{suffix}" in documents


def test_no_external_resource_anywhere(site: dict[str, bytes]) -> None:
    for name, content in site.items():
        text = file_text(name, content)
        if name.endswith((".html", ".css")):
            assert "@import" not in text, name
            # ``url(#clip)`` of an inline SVG names a fragment of the same file.
            assert not re.search(r"url\((?!#)", text), name
            for match in re.finditer(r'<(?:link|img|script|source)\b[^>]*', text):
                assert "http" not in match.group(0), (name, match.group(0))
        if name.endswith(".svg"):
            assert "href" not in text, name


def test_content_security_policy_is_strict(site: dict[str, bytes]) -> None:
    html = site["index.html"].decode("utf-8")
    assert "default-src 'none'; style-src 'self'; img-src 'self'" in html


def test_home_page_key_figures(site: dict[str, bytes]) -> None:
    text = read_page(site["index.html"]).plain
    assert "Convention en vigueur du 18 juillet 2023 au 17 juillet 2026" in text
    assert "engagement réalisé sur" in text
    assert fr("Avancement : part des engagements") in text  # the rule used
    assert "Accord-cadre LADOM" in text  # late obligation
    assert "Diagnostic partagé lancé." in text  # last updates


def test_engagement_page_sections(site: dict[str, bytes]) -> None:
    text = read_page(site["engagements/valoriser-signature.html"]).plain
    for expected in ("Ce que dit la convention", "Historique du statut",
                     fr("25 septembre 2023 : réalisé"), "Échéances", "honorée",
                     fr("Indicateurs : cible et mesure"), "Journal", "Preuves",
                     "Article de presse"):
        assert expected in text, expected
    html = site["engagements/valoriser-signature.html"].decode("utf-8")
    assert '<a href="https://example.org/article" rel="noopener noreferrer">' in html


def test_indicator_target_and_measure(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    files = site_files(build(data, tmp_path / "s", "--as-of", "2025-01-15"))
    text = read_page(files["engagements/unml-relayer.html"]).plain
    assert "Notes transmises" in text
    assert "3 au 31 décembre 2024" in text
    assert "75\u202f% de la cible" in text


def test_computed_measures_like_the_bilans(tmp_path: Path) -> None:
    """The site shows what the registry counts, as the bilans do, said in words (no id, no
    file name); a computed count of zero is not a measure."""
    data = fixture_copy(tmp_path)
    with (data / "reunions.yaml").open("a", encoding="utf-8") as out:
        out.write("  - id: cu-2025-03\n    instance: commission\n    date: 2025-03-10\n"
                  "    source: Relevé de la commission\n")
    files = site_files(build(data, tmp_path / "s", "--as-of", "2025-06-01"))
    text = read_page(files["engagements/commission-trimestrielle.html"]).plain
    assert "1 au 10 mars 2025" in text  # the last one, the year under way
    assert fr("31 décembre 2024 : 1 (source : calculé du registre, commissions trimestrielles "
              "tenues par année civile (échéances honorées))") in text
    assert fr("10 mars 2025 : 1 (source : calculé du registre, commissions trimestrielles "
              "tenues par année civile (échéances honorées), année en cours)") in text
    assert "reunions.yaml" not in text
    before = site_files(build(data, tmp_path / "t", "--as-of", "2024-01-15"))
    # 2023 counts no commission: zero is no measure, nothing is claimed
    page = read_page(before["engagements/commission-trimestrielle.html"]).plain
    assert "aucune mesure" in page
    assert "0 au" not in page


def test_sitemap_lists_every_page(site: dict[str, bytes]) -> None:
    sitemap = site["sitemap.xml"].decode("utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert sorted(locations) == sorted(_pages(site))


def test_sitemap_absolute_with_url(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    files = site_files(build(data, tmp_path / "s", "--as-of", AS_OF, "--url",
                             "https://exemple.org/convention"))
    assert "<loc>https://exemple.org/convention/engagements/dgom-ladom.html</loc>" in \
        files["sitemap.xml"].decode("utf-8")


@pytest.mark.parametrize(("href", "page", "expected"), [
    ("index.html", "index.html", "index.html"),
    ("engagements/a.html", "index.html", "engagements/a.html"),
    ("engagements/a.html", "engagements/b.html", "../engagements/a.html"),
    ("index.html", "engagements/b.html", "../index.html"),
    ("reunions/index.html#r-1", "groupes/gt-1.html", "../reunions/index.html#r-1"),
])
def test_relative_links(href: str, page: str, expected: str) -> None:
    assert relative(href, page) == expected


def _luminance(colour: str) -> float:
    value = colour.lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_colour_contrast_is_aa(site: dict[str, bytes]) -> None:
    """Every rule that sets both a text colour and a background meets WCAG AA (4.5:1),
    and so do the text colours on the page's white background."""
    css = site["style.css"].decode("utf-8").split("@media print")[0]  # print: black on white
    variables: dict[str, str] = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})", css))

    def resolve(value: str) -> str | None:
        value = value.strip()
        match = re.fullmatch(r"var\(--([a-z-]+)\)", value)
        if match:
            return variables[match.group(1)]
        return value if re.fullmatch(r"#[0-9a-fA-F]{6}", value) else None

    pairs = 0
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        colour = re.search(r"(?<![-\w])color:\s*([^;]+)", body)
        background = re.search(r"background(?:-color)?:\s*([^;]+)", body)
        fg = resolve(colour.group(1)) if colour else None
        if fg is None:
            continue
        # Without a background of its own, a rule of the header sits on its band.
        default = variables["bandeau"] if selector.strip().startswith(".entete") \
            else "#ffffff"
        bg = resolve(background.group(1)) if background else default
        if bg is None:
            continue
        assert contrast(fg, bg) >= 4.5, (selector.strip(), fg, bg)
        pairs += 1
    assert pairs >= 10
    # The header's white text on its band, and links on white.
    assert contrast("#ffffff", variables["bandeau"]) >= 4.5
    for name in ("lien", "lien-visite", "discret"):
        assert contrast(variables[name], variables["fond"]) >= 4.5
        assert contrast(variables[name], variables["clair"]) >= 4.5


def test_style_sheet_has_focus_print_and_small_screens(site: dict[str, bytes]) -> None:
    css = site["style.css"].decode("utf-8")
    assert ":focus-visible { outline: 3px solid" in css
    assert "@media print" in css
    assert "@media (max-width: 40rem)" in css


def test_timeline_picture_and_text_alternative(site: dict[str, bytes]) -> None:
    svg = site["frise.svg"].decode("utf-8")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "<title>Frise de la convention du 18 juillet 2023" in svg
    # One picture: the documents' timeline (formats/timeline.py), one row per échéance.
    assert "Bilan annuel 2023 (30/06/2024)" in svg
    html = site["index.html"].decode("utf-8")
    width, height = re.search(r'viewBox="0 0 (\d+) (\d+)"', svg).groups()  # type: ignore[union-attr]
    assert f'<img src="frise.svg" width="{width}" height="{height}"' in html
    assert "La frise en texte" in html
    text = read_page(site["index.html"]).plain
    assert fr("30 juin 2024 : Accord-cadre LADOM — en retard") in text


def test_readings_are_shown_as_readings(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    path = data / "engagements.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    echeance: 2024-06-30\n",
        "    echeance: 2024-06-30\n    lectures:\n      - champ: echeance\n"
        "        motif: le texte ne fixe pas de date\n", 1), encoding="utf-8")
    files = site_files(build(data, tmp_path / "s", "--as-of", AS_OF))
    text = read_page(files["engagements/dgom-ladom.html"]).plain
    assert fr("lecture : le texte ne fixe pas de date") in text
    assert "echeance —" not in text


def test_referent_in_office_public_parts_only(site: dict[str, bytes], tmp_path: Path) -> None:
    text = read_page(site["index.html"]).plain
    assert fr("DGOM — Direction générale des outre-mer : Bureau de la vie économique, de "
              "l'emploi et de la formation (section III) ; en fonction : Cheffe de bureau.") in text
    assert fr("UNML — Union nationale des missions locales : Référents mandatés par la "
              "commission ultramarine (section III) ; aucune personne en fonction") in text
    assert "ARNAUD" not in text
    internal = site_files(build(fixture_copy(tmp_path), tmp_path / "interne", "--as-of",
                                AS_OF, "--interne"))
    assert fr("en fonction : Camille ARNAUD-SECRET, Cheffe de bureau.") in read_page(
        internal["index.html"]).plain


def test_journal_statuses_of_groups_projects_and_evaluations(tmp_path: Path) -> None:
    """A journal entry notes its owner's statut, in its owner's table: a working group
    « constitué », a project « relayé », an evaluation request « en examen »."""
    data = copy_registry(DATA, tmp_path / "registre" / "data")
    for args in (
        ["projet", "add", "--titre", "Garage", "--territoire", "guyane",
         "--date", "2024-02-10", "--source", "Courriel"],
        ["evaluation", "add", "--objet", "Mobilité", "--mission-locale", "ml-mayotte",
         "--date", "2024-02-12", "--source", "Courrier"],
        ["journal", "add", "gt-1", "--texte", "Groupe réuni", "--statut", "constitue",
         "--date", "2024-04-10", "--source", "Compte rendu"],
        ["journal", "add", "projet-garage", "--texte", "Relayé", "--statut", "relaye",
         "--date", "2024-04-11", "--source", "Courriel"],
        ["journal", "add", "evaluation-ml-mayotte-2024-02-12", "--texte", "Examen",
         "--statut", "en_examen", "--date", "2024-04-12", "--source", "Courriel"],
    ):
        assert main([*args, "--data", str(data)]) == 0, args
    files = site_files(build(data, tmp_path / "s", "--as-of", "2024-05-01"))
    text = read_page(files["groupes/gt-1.html"]).plain
    assert fr("Statut noté : constitué.") in text
    assert read_page(files["territoires/guyane.html"]).plain.count("Relayé") >= 1


def test_preuve_of_a_journal_entry_in_french(tmp_path: Path) -> None:
    """A preuve added with its entry is labelled with a French date, shown once."""
    data = fixture_copy(tmp_path)
    assert main(["journal", "add", "dgom-ladom", "--texte", "Accord signé",
                 "--date", "2024-06-10", "--preuve", "https://example.org/cp-2024",
                 "--data", str(data)]) == 0
    files = site_files(build(data, tmp_path / "s", "--as-of", AS_OF))
    text = read_page(files["engagements/dgom-ladom.html"]).plain
    assert fr("Preuve du 10 juin 2024 : cp-2024") in text
    assert fr("Preuve du 10 juin 2024 : cp-2024, 10 juin 2024") not in text
    assert "2024-06-10" not in text


def test_french_spacing_in_the_text_only(site: dict[str, bytes]) -> None:
    """The pages' text has the documents' French spacing (vocab.french_spacing): no-break
    spaces inside « » and before : ; ! ?; attributes and addresses are left as written."""
    for name, content in _pages(site).items():
        text = read_page(content).plain
        assert re.findall(r".{0,20}(?:« | [;:!?»]).{0,20}", text) == [], name
    html = site["index.html"].decode("utf-8")
    assert 'aria-label="1. Connaissance mutuelle : 25 % réalisé"' in html


def test_home_page_lists_the_parties_without_guessing_articles(site: dict[str, bytes]) -> None:
    """The registry gives no article for a party's name: the home page lists the parties
    rather than writing « entre Direction générale… »."""
    text = read_page(site["index.html"]).plain
    assert "entre Direction" not in text
    assert fr("Parties : Direction générale des outre-mer (DGOM), Union nationale des "
              "missions locales (UNML)") in text


def test_related_engagements_and_groups_by_name(tmp_path: Path) -> None:
    """« peut déboucher sur », « peut découler de » and a project's working group name what
    they link to, not its id."""
    data = copy_registry(DATA, tmp_path / "registre" / "data")
    assert main(["projet", "add", "--titre", "Garage", "--territoire", "guyane", "--date",
                 "2024-02-10", "--source", "Courriel", "--data", str(data)]) == 0
    files = site_files(build(data, tmp_path / "s", "--as-of", "2024-05-01"))
    texts = "\n".join(read_page(content).plain for content in _pages(files).values())
    assert re.search(r"peut (déboucher sur|découler de)\W+[a-z]+-[a-z-]+\b", texts) is None
    assert fr("peut déboucher sur : ") in texts
    guyane = read_page(files["territoires/guyane.html"]).plain
    assert re.search(r"groupe de travail n° \d", guyane)
    assert re.search(r"\bgt-\d", guyane) is None
