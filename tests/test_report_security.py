"""The report shows workbook text as text and fetches nothing from outside templates/.

Two defences, each tested on its own (DESIGN.md, econ/report/html.py):

- Jinja2 autoescaping: a project name ``<script>...`` or ``<a rel="attachment"
  href="file:///etc/passwd">`` typed into the workbook reaches the HTML as
  ``&lt;script&gt;`` and the PDF as those characters, never as an element.
- The confined URL fetcher: even HTML that does point outside (a template or
  stylesheet gone wrong) makes WeasyPrint fetch only ``data:`` URLs and files
  under templates/. WeasyPrint's default fetcher would embed a local file named
  by ``rel="attachment"`` and follow http URLs.

What "fetched" means is observed in the PDF: an embedded file (the document's
/EmbeddedFiles, or a /FileAttachment annotation, which is what ``<a
rel="attachment">`` makes and which pypdf's ``reader.attachments`` does not
list), an image XObject, a stylesheet's visible effect (``text-transform:
uppercase``), a canary string in the decompressed streams; and, for http, the
requests a local server received. Each hostile vector is first shown to be live:
with WeasyPrint's default fetcher the same HTML does embed, draw or request the
canary.
"""

from __future__ import annotations

import base64
import dataclasses
import http.server
import shutil
import threading
from pathlib import Path

import openpyxl
import pypdf
import pytest

from econ.api import evaluate_workbook, write_reports
from econ.report import html as report_html

ROOT = Path(__file__).resolve().parent.parent
CR_SCHEME = ROOT / "inputs" / "cr_scheme.xlsx"
TEMPLATES = ROOT / "templates"

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_LINK = '<a rel="attachment" href="file:///etc/passwd">x</a>'
HOSTILE_NAME = HOSTILE_SCRIPT + " " + HOSTILE_LINK
HOSTILE_DESCRIPTION = '<img src="file:///etc/passwd"> <b>bold</b>'
HOSTILE_SOURCE = '<link rel="attachment" href="file:///etc/passwd">'
PASSWD_MARKER = "root:"  # the first line of /etc/passwd on any Linux: root:x:0:0:...
CANARY_SECRET = "ECON-CANARY-7f3a9c-do-not-embed"
# a 1x1 PNG
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5Er"
                       "kJggg==")
UPPERCASE_CSS = ".kind { text-transform: uppercase; }"


@pytest.fixture(scope="module", autouse=True)
def default_templates():
    """These tests are about templates/ of the project, whatever ``$ECON_TEMPLATES`` says."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("ECON_TEMPLATES", raising=False)
        yield


# -- reading a PDF ----------------------------------------------------------------------------------


def pdf_objects(reader: pypdf.PdfReader):  # noqa: ANN201 - yields pypdf objects
    """Every indirect object of the file, those inside object streams included."""
    for number in range(1, int(reader.trailer["/Size"])):
        obj = reader.get_object(number)
        if obj is not None:
            yield obj


@dataclasses.dataclass
class PdfFacts:
    """What a PDF holds, as far as these tests care."""

    text: str
    attachments: list[str]  # the document's /EmbeddedFiles, as pypdf lists them
    file_annotations: int  # /FileAttachment annotations on pages (what <a rel="attachment"> makes)
    images: int
    raw: bytes
    decompressed: bytes  # every stream decoded, joined

    @classmethod
    def read(cls, path: Path) -> PdfFacts:
        reader = pypdf.PdfReader(path)
        annotations = 0
        for page in reader.pages:
            for annotation in page.get("/Annots") or []:
                if annotation.get_object().get("/Subtype") == "/FileAttachment":
                    annotations += 1
        streams = [obj.get_data() for obj in pdf_objects(reader) if isinstance(obj, pypdf.generic.StreamObject)]
        return cls(
            text=" ".join(" ".join(page.extract_text() for page in reader.pages).split()),
            attachments=list(reader.attachments), file_annotations=annotations,
            images=sum(len(page.images) for page in reader.pages), raw=path.read_bytes(),
            decompressed=b"\n".join(streams),
        )

    @property
    def embeds_a_file(self) -> bool:
        return bool(self.attachments or self.file_annotations or b"/EmbeddedFile" in self.raw)

    def holds(self, secret: str) -> bool:
        return secret in self.text or secret.encode() in self.raw or secret.encode() in self.decompressed


def page(body: str, head: str = "") -> str:
    return f'<!DOCTYPE html><html><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


# -- a local http server that records what it is asked ------------------------------------------------


class RecordingServer:
    """An http.server on 127.0.0.1 in a thread; every request path is recorded. Serves a PNG or a CSS."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        recorded = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                recorded.append(self.path)
                css = self.path.endswith(".css")
                body = UPPERCASE_CSS.encode() if css else PNG
                self.send_response(200)
                self.send_header("Content-Type", "text/css" if css else "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture(scope="module")
def server():
    recording = RecordingServer()
    recording.thread.start()
    yield recording
    recording.server.shutdown()
    recording.server.server_close()
    recording.thread.join(timeout=5)


@pytest.fixture
def http_requests(server) -> list[str]:
    """The requests ``server`` receives during one test."""
    server.requests.clear()
    return server.requests


@pytest.fixture(scope="module")
def outside(tmp_path_factory) -> Path:
    """A folder outside templates/ with canaries: a secret text, a PNG, a stylesheet that upper-cases ``.kind``."""
    folder = tmp_path_factory.mktemp("outside")
    (folder / "secret.txt").write_text(CANARY_SECRET, encoding="utf-8")
    (folder / "canary.png").write_bytes(PNG)
    (folder / "canary.css").write_text(UPPERCASE_CSS, encoding="utf-8")
    return folder


@pytest.fixture
def fetchers(monkeypatch) -> list:
    """Every fetcher ``html_to_pdf`` makes during the test, to read its ``.refused``."""
    made = []
    original = report_html.templates_only_fetcher

    def recording(root: Path | None = None):  # noqa: ANN202
        fetcher = original(root)
        made.append(fetcher)
        return fetcher

    monkeypatch.setattr(report_html, "templates_only_fetcher", recording)
    return made


def refused(fetchers: list) -> list[str]:
    assert fetchers, ("html_to_pdf made no templates_only_fetcher in this process: is the fetcher still "
                      "confined, or did rendering move to another process?")
    return [url for fetcher in fetchers for url in fetcher.refused]


# -- a hostile workbook ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict[str, Path]:
    """The example with HTML in the project name (Project!C2), the description (C3) and a source (E7),
    written as PDF and HTML: {"pdf": path, "html": path}."""
    folder = tmp_path_factory.mktemp("hostile")
    workbook = folder / "cr_scheme.xlsx"
    shutil.copyfile(CR_SCHEME, workbook)
    book = openpyxl.load_workbook(workbook)
    book["Project"]["C2"].value = HOSTILE_NAME
    book["Project"]["C3"].value = HOSTILE_DESCRIPTION
    book["Project"]["E7"].value = HOSTILE_SOURCE
    book.save(workbook)
    evaluation = evaluate_workbook(workbook)
    assert evaluation.plant.name == HOSTILE_NAME
    paths = write_reports(evaluation, folder / "out", ("pdf", "html"), "en")
    return {path.suffix.lstrip("."): path for path in paths}


@pytest.fixture(scope="module")
def hostile_pdf(hostile) -> PdfFacts:
    return PdfFacts.read(hostile["pdf"])


def test_hostile_workbook_text_is_escaped_in_the_html(hostile):
    html = hostile["html"].read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;a rel=&#34;attachment&#34; href=&#34;file:///etc/passwd&#34;&gt;x&lt;/a&gt;" in html
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt; &lt;b&gt;bold&lt;/b&gt;" in html
    assert "&lt;link rel=&#34;attachment&#34;" in html
    assert "<script" not in html
    assert "<a rel=" not in html and "<img" not in html and "<b>" not in html
    assert "<link" not in html
    assert "file:///etc/passwd" not in html.replace("&#34;file:///etc/passwd&#34;", "")


def test_hostile_project_name_is_shown_as_text_in_the_pdf(hostile_pdf):
    facts = hostile_pdf
    # the name wraps in the title and the header: compare without whitespace
    text = "".join(facts.text.split())
    assert "".join(HOSTILE_NAME.split()) in text
    assert "".join(HOSTILE_DESCRIPTION.split()) in text
    assert "".join(HOSTILE_SOURCE.split()) in text


def test_hostile_project_name_embeds_nothing_and_leaks_no_passwd(hostile_pdf):
    facts = hostile_pdf
    assert facts.attachments == []
    assert facts.file_annotations == 0
    assert b"/EmbeddedFile" not in facts.raw  # /EmbeddedFile and /EmbeddedFiles
    assert not facts.holds(PASSWD_MARKER)
    assert facts.images == 0, "the report draws its charts as vectors; an image means something was fetched"


# -- HTML that points outside, rendered with html_to_pdf ------------------------------------------------


def outside_vectors(outside: Path) -> dict[str, tuple[str, str]]:
    """Hostile HTML naming files outside templates/: name -> (html, what would show if fetched)."""
    secret, png, css = (f"file://{outside / name}" for name in ("secret.txt", "canary.png", "canary.css"))
    kind = '<p class="kind">quiet</p>'
    return {
        "link attachment": (page(kind, f'<link rel="attachment" href="{secret}">'), "embedded"),
        "a attachment": (page(f'<a rel="attachment" href="{secret}">x</a>'), "embedded"),
        "img": (page(f'<img src="{png}">'), "image"),
        "svg image": (page(f'<svg width="20" height="20"><image href="{png}" width="20" height="20"/></svg>'),
                      "image"),
        "object": (page(f'<object data="{png}" type="image/png"></object>'), "image"),
        "stylesheet": (page(kind, f'<link rel="stylesheet" href="{css}">'), "uppercase"),
        "@import": (page(kind, f'<style>@import url("{css}");</style>'), "uppercase"),
    }


def shows(facts: PdfFacts, effect: str) -> bool:
    if effect == "embedded":
        return facts.embeds_a_file and facts.holds(CANARY_SECRET)
    if effect == "image":
        return facts.images > 0
    return "QUIET" in facts.text


VECTOR_NAMES = ["link attachment", "a attachment", "img", "svg image", "object", "stylesheet", "@import"]


@pytest.mark.parametrize("name", VECTOR_NAMES)
def test_each_outside_vector_is_live_with_weasyprints_default_fetcher(outside, tmp_path, name):
    """The control: without econ's fetcher, WeasyPrint embeds, draws or applies the canary."""
    from weasyprint import HTML

    html, effect = outside_vectors(outside)[name]
    target = tmp_path / "default.pdf"
    HTML(string=html, base_url=str(TEMPLATES) + "/").write_pdf(target)
    assert shows(PdfFacts.read(target), effect)


@pytest.mark.parametrize("name", VECTOR_NAMES)
def test_html_to_pdf_refuses_files_outside_templates(outside, tmp_path, fetchers, name):
    html, effect = outside_vectors(outside)[name]
    target = tmp_path / "confined.pdf"
    report_html.html_to_pdf(html, target)
    facts = PdfFacts.read(target)
    assert not shows(facts, effect)
    assert not facts.embeds_a_file
    assert not facts.holds(CANARY_SECRET)
    assert facts.images == 0
    assert any(url.startswith(f"file://{outside}") for url in refused(fetchers))


PASSWD_VECTORS = {
    "link attachment": page("<p>x</p>", '<link rel="attachment" href="file:///etc/passwd">'),
    "a attachment": page('<a rel="attachment" href="file:///etc/passwd">x</a>'),
    "img": page('<img src="file:///etc/passwd">'),
    "stylesheet": page("<p>x</p>", '<link rel="stylesheet" href="file:///etc/passwd">'),
    "@import": page("<p>x</p>", '<style>@import url("file:///etc/passwd");</style>'),
    "relative ..": page("<p>x</p>", '<link rel="attachment" href="../../../../../../../../etc/passwd">'),
}


@pytest.mark.parametrize("name", list(PASSWD_VECTORS))
def test_html_to_pdf_never_embeds_etc_passwd(tmp_path, fetchers, name):
    target = tmp_path / "passwd.pdf"
    report_html.html_to_pdf(PASSWD_VECTORS[name], target)
    facts = PdfFacts.read(target)
    assert facts.attachments == [] and facts.file_annotations == 0
    assert b"/EmbeddedFile" not in facts.raw
    assert not facts.holds(PASSWD_MARKER)
    assert "file:///etc/passwd" in refused(fetchers)


def test_html_to_pdf_refuses_a_relative_path_out_of_templates(tmp_path, fetchers):
    """``../README.md`` resolves against templates/ to the project's README: outside, so refused."""
    target = tmp_path / "relative.pdf"
    report_html.html_to_pdf(page("<p>x</p>", '<link rel="attachment" href="../README.md">'), target)
    facts = PdfFacts.read(target)
    assert not facts.embeds_a_file
    assert f"file://{ROOT / 'README.md'}" in refused(fetchers)


def http_vectors(server: RecordingServer) -> dict[str, str]:
    kind = '<p class="kind">quiet</p>'
    return {
        "img": page(f'<img src="{server.url("/x.png")}">'),
        "stylesheet": page(kind, f'<link rel="stylesheet" href="{server.url("/x.css")}">'),
        "@import": page(kind, f'<style>@import url("{server.url("/i.css")}");</style>'),
        "font": page("<p>x</p>", f'<style>@font-face {{ font-family: X; src: url({server.url("/f.ttf")}); }} '
                                 f'p {{ font-family: X; }}</style>'),
        "attachment": page(f'<a rel="attachment" href="{server.url("/a.txt")}">x</a>'),
        "background": page(f'<div style="width:9px;height:9px;background:url({server.url("/b.png")})"></div>'),
    }


def test_the_http_vector_is_live_with_weasyprints_default_fetcher(server, http_requests, tmp_path, monkeypatch):
    """The control: WeasyPrint's default fetcher does ask the local server for the image."""
    from weasyprint import HTML

    for variable in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(variable, raising=False)
    target = tmp_path / "default.pdf"
    HTML(string=http_vectors(server)["img"], base_url=str(TEMPLATES) + "/").write_pdf(target)
    assert http_requests == ["/x.png"]
    assert PdfFacts.read(target).images == 1


@pytest.mark.parametrize("name", ["img", "stylesheet", "@import", "font", "attachment", "background"])
def test_html_to_pdf_makes_no_http_request(server, http_requests, tmp_path, fetchers, name):
    target = tmp_path / "http.pdf"
    report_html.html_to_pdf(http_vectors(server)[name], target)
    assert http_requests == []
    facts = PdfFacts.read(target)
    assert facts.images == 0 and not facts.embeds_a_file
    assert "QUIET" not in facts.text
    assert any(url.startswith(f"http://127.0.0.1:{server.port}/") for url in refused(fetchers))


# -- what the fetcher allows ---------------------------------------------------------------------------


def test_html_to_pdf_fetches_data_urls(tmp_path, fetchers):
    target = tmp_path / "data.pdf"
    data_url = "data:image/png;base64," + base64.b64encode(PNG).decode()
    report_html.html_to_pdf(page(f'<img src="{data_url}" style="width: 10mm">'), target)
    assert PdfFacts.read(target).images == 1
    assert refused(fetchers) == []


def test_html_to_pdf_fetches_the_stylesheet_in_templates(tmp_path, fetchers):
    """report.css upper-cases the title page's ``.kind``: proof that the stylesheet was read."""
    target = tmp_path / "css.pdf"
    report_html.html_to_pdf(page('<section class="title-page"><p class="kind">quiet</p></section>',
                                 '<link rel="stylesheet" href="report.css">'), target)
    assert "QUIET" in PdfFacts.read(target).text
    assert refused(fetchers) == []


def test_html_to_pdf_may_attach_a_file_from_templates(tmp_path, fetchers):
    """The positive control of the attachment checks above: a file under templates/ is embedded and found."""
    target = tmp_path / "attached.pdf"
    report_html.html_to_pdf(page("<p>x</p>", '<link rel="attachment" href="report.css">'), target)
    facts = PdfFacts.read(target)
    assert facts.attachments == ["report.css"]
    assert b"/EmbeddedFile" in facts.raw
    assert facts.holds("Print stylesheet of the feasibility report")  # report.css's first line, decompressed
    assert refused(fetchers) == []


def test_html_to_pdf_does_not_follow_a_symlink_out_of_its_folder(outside, tmp_path, fetchers):
    """A link inside the allowed folder that points outside is judged by where it leads."""
    base = tmp_path / "templates"
    base.mkdir()
    (base / "inside.css").write_text(UPPERCASE_CSS, encoding="utf-8")
    (base / "link.css").symlink_to(outside / "canary.css")
    kind = '<p class="kind">quiet</p>'
    allowed, linked = tmp_path / "allowed.pdf", tmp_path / "linked.pdf"
    report_html.html_to_pdf(page(kind, '<link rel="stylesheet" href="inside.css">'), allowed, base=base)
    report_html.html_to_pdf(page(kind, '<link rel="stylesheet" href="link.css">'), linked, base=base)
    assert "QUIET" in PdfFacts.read(allowed).text
    assert "QUIET" not in PdfFacts.read(linked).text
    assert refused(fetchers) == [f"file://{base / 'link.css'}"]


# -- templates_only_fetcher, directly ------------------------------------------------------------------


def refused_urls(server: RecordingServer) -> dict[str, str]:
    templates = report_html.templates_dir()
    return {
        "/etc/passwd": "file:///etc/passwd",
        "upper-case scheme": "FILE:///etc/passwd",
        "localhost host": "file://localhost/etc/passwd",
        "http": server.url("/x.png"),
        "https": f"https://127.0.0.1:{server.port}/x.png",
        "ftp": "ftp://127.0.0.1/x",
        ".. out of templates": f"file://{templates}/../README.md",
        "encoded .. out of templates": f"file://{templates}/%2e%2e/README.md",
        "templates itself": f"file://{templates}",
        "missing file in templates": f"file://{templates}/no-such-file.css",
        "no scheme": "report.css",
    }


@pytest.mark.parametrize("name", ["/etc/passwd", "upper-case scheme", "localhost host", "http", "https", "ftp",
                                  ".. out of templates", "encoded .. out of templates", "templates itself",
                                  "missing file in templates", "no scheme"])
def test_templates_only_fetcher_refuses_and_records(server, http_requests, name):
    url = refused_urls(server)[name]
    fetcher = report_html.templates_only_fetcher()
    # ValueError: WeasyPrint logs it and goes on without the resource (a FatalURLFetchingError would abort)
    with pytest.raises(ValueError, match="refused"):
        fetcher.fetch(url)
    assert fetcher.refused == [url]
    assert http_requests == []


def test_templates_only_fetcher_refuses_a_sibling_folder_whose_name_starts_like_its_own(tmp_path):
    """``templates-evil/`` is not inside ``templates/``, though its path begins with the same characters."""
    root, sibling = tmp_path / "templates", tmp_path / "templates-evil"
    root.mkdir()
    sibling.mkdir()
    (root / "inside.css").write_text("inside", encoding="utf-8")
    (sibling / "outside.css").write_text("outside", encoding="utf-8")
    fetcher = report_html.templates_only_fetcher(root)
    with pytest.raises(ValueError, match="refused"):
        fetcher.fetch(f"file://{sibling / 'outside.css'}")
    response = fetcher.fetch(f"file://{root / 'inside.css'}")
    try:
        assert response.read() == b"inside"
    finally:
        response.close()
    assert fetcher.refused == [f"file://{sibling / 'outside.css'}"]


def test_templates_only_fetcher_is_rooted_at_templates():
    assert report_html.templates_only_fetcher().root == TEMPLATES.resolve()


@pytest.mark.parametrize("url, expected", [
    ("data:text/plain;base64," + base64.b64encode(b"inline bytes").decode(), b"inline bytes"),
    ("data:text/plain,plain%20text", b"plain text"),
    (f"file://{TEMPLATES / 'report.css'}", (TEMPLATES / "report.css").read_bytes()),
    (f"file://{TEMPLATES / 'report.css'}?query#fragment", (TEMPLATES / "report.css").read_bytes()),
    (f"file://{TEMPLATES / 'report.html.j2'}", (TEMPLATES / "report.html.j2").read_bytes()),
])
def test_templates_only_fetcher_allows_data_and_files_in_templates(url, expected):
    fetcher = report_html.templates_only_fetcher()
    response = fetcher.fetch(url)
    try:
        assert response.read() == expected
    finally:
        response.close()
    assert fetcher.refused == []


# -- Jinja2 autoescaping ----------------------------------------------------------------------------------


def test_select_autoescape_would_not_escape_the_template_name():
    """Why render_html sets ``autoescape=True``: jinja2's usual helper leaves ``.html.j2`` unescaped."""
    import jinja2

    assert report_html.TEMPLATE.endswith(".html.j2")
    assert jinja2.select_autoescape()(report_html.TEMPLATE) is False


def test_render_html_escapes_a_description_with_markup(cr_evaluation):
    plant = dataclasses.replace(cr_evaluation.plant, name="Plant <i>one</i>",
                                description="Uses <b>bold</b> & <script>alert(1)</script>")
    html = report_html.render_html(dataclasses.replace(cr_evaluation, plant=plant), "en", charts={})
    assert "Uses &lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Plant &lt;i&gt;one&lt;/i&gt;" in html
    assert "<b>" not in html and "<i>" not in html and "<script" not in html
