"""Spanish, as a Spanish-speaking visitor meets it: the browser's language chosen on the first
visit, the switch on every page without JavaScript, Spanish errors, and no English left on the
pages whose words are in the catalogs. Every page is checked with axe-core."""
import re

import pytest
from playwright.sync_api import expect

from conftest import DEMO_PASSWORD, DEMO_TOTP_SECRET, ROOT, fresh_code, sign_in
from test_case_life import printed_words

# the pages whose words are all in the catalogs so far
CATALOGUED = [
    "/", "/signin", "/forgot-password", "/no-such-page", "/register", "/terms", "/questions", "/privacy", "/physicians/register",
]


def messages(tag):
    """The single-line messages of a catalog, id -> text (enough to look for stray English)."""
    found = {}
    for line in (ROOT / "Resources" / "Messages" / f"{tag}.ftl").read_text().splitlines():
        match = re.match(r"^([a-zA-Z][\w-]*) = (.+)$", line)
        if match and "{" not in match.group(2):
            found[match.group(1)] = match.group(2)
    return found


def shows(visible, text):
    """Whether `text` stands in `visible` as words of its own ("parent", not inside "parentesco")."""
    return re.search(r"(?<!\w)" + re.escape(text) + r"(?!\w)", visible) is not None


@pytest.fixture
def spanish(chromium, server):
    context = chromium.new_context(base_url=server.url, locale="es-MX")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def no_script(chromium, server):
    context = chromium.new_context(base_url=server.url, java_script_enabled=False, locale="en-US")
    page = context.new_page()
    yield page
    context.close()


def test_a_spanish_browser_reads_the_pages_in_spanish_with_no_english_left(spanish, accessible):
    english, translated = messages("en"), messages("es")
    stray = [text for key, text in english.items() if translated.get(key) != text and len(text) > 3]
    for path in CATALOGUED:
        spanish.goto(path)
        assert spanish.locator("html").get_attribute("lang") == "es", path
        visible = spanish.locator("body").inner_text()
        left = [text for text in stray if shows(visible, text)]
        assert not left, f"{path} shows English: {left}"
        accessible(spanish)
    # a wrong password, answered in Spanish beside the field
    spanish.goto("/signin")
    spanish.get_by_label("Correo electrónico").fill("margaret.ellis@example.org")
    spanish.get_by_label("Contraseña").fill("Not-the-password-1")
    spanish.get_by_role("button", name="Iniciar sesión").click()
    expect(spanish.locator("#email-error")).to_have_text("El correo electrónico o la contraseña no son correctos.")
    accessible(spanish)
    spanish.goto("/")
    expect(spanish.get_by_role("heading", level=1)).to_have_text("Una segunda opinión de nuestros especialistas, sin tener que viajar")
    expect(spanish.get_by_role("link", name="Registrarse como paciente o familiar")).to_be_visible()


def test_the_switch_works_without_javascript_and_comes_back_to_the_same_page(no_script):
    # (axe-core runs as a script, so it cannot run here: the same pages are checked above and below)
    page = no_script
    page.goto("/signin")
    switch = page.get_by_role("navigation", name="Language")
    expect(switch.get_by_text("English")).to_have_attribute("aria-current", "true")
    switch.get_by_role("link", name="Español").click()
    expect(page).to_have_url(re.compile(r"/signin$"))
    assert page.locator("html").get_attribute("lang") == "es"
    expect(page.get_by_role("heading", level=1)).to_have_text("Iniciar sesión")
    # an empty form is answered in Spanish, beside the field, with the summary first
    page.get_by_role("button", name="Iniciar sesión").click()
    expect(page.get_by_role("alert")).to_contain_text("Hay un problema")
    expect(page.get_by_role("alert")).to_contain_text("Escriba su correo electrónico y su contraseña.")
    expect(page).to_have_title(re.compile(r"^Error: Iniciar sesión"))
    # the choice holds on the next page, and the switch goes back
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("segunda opinión")
    page.get_by_role("navigation", name="Idioma").get_by_role("link", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("second opinion")


def test_each_language_is_named_in_itself_and_the_switch_fits_a_phone(spanish):
    spanish.set_viewport_size({"width": 320, "height": 640})
    for path in CATALOGUED:
        spanish.goto(path)
        link = spanish.get_by_role("link", name="English")
        assert link.get_attribute("lang") == "en" and link.get_attribute("hreflang") == "en"
        current = spanish.get_by_role("navigation", name="Idioma").get_by_text("Español")
        assert current.get_attribute("lang") == "es"
        overflow = spanish.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px in Spanish"
        # the switch sits in the header, on one line, fully on screen
        box = spanish.get_by_role("navigation", name="Idioma").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 320, f"{path}: {box}"
        words = spanish.evaluate(
            """() => [...document.querySelectorAll('.language-switch li')].map(li => li.getClientRects().length)""")
        assert words == [1, 1], f"{path}: a language name wraps: {words}"


def no_english(page, english_left, skip=None):
    """No English message of the catalogs on the page, outside `skip` (an English-only section)."""
    visible = page.locator("main").inner_text()
    if skip is not None:
        visible = visible.replace(page.locator(skip).inner_text(), "")
    left = [text for text in english_left if shows(visible, text)]
    assert not left, f"{page.url} shows English: {left}"


def test_a_family_member_registers_in_spanish(spanish, mail, accessible):
    english, translated = messages("en"), messages("es")
    stray = [text for key, text in english.items() if translated.get(key) != text and len(text) > 3]
    page = spanish
    page.goto("/")
    page.get_by_role("link", name="Registrarse como paciente o familiar").click()
    expect(page.get_by_text("Paso 1 de 4")).to_be_visible()
    no_english(page, stray)
    accessible(page)
    page.get_by_label("Un familiar: actúo por el paciente").check()
    page.get_by_label("Nombre del paciente").fill("Rosa")
    page.get_by_label("Apellido del paciente").fill("Delgado")
    page.get_by_label("Día", exact=True).fill("9")
    page.get_by_label("Mes", exact=True).fill("4")
    page.get_by_label("Año", exact=True).fill("1946")
    page.get_by_label("Femenino").check()
    # her language first among the choices, named in Spanish
    page.get_by_label("Idioma preferido del paciente").select_option(label="Español")
    page.get_by_role("group", name=re.compile("intérprete")).get_by_label("Sí", exact=True).check()
    page.get_by_label("Su nombre", exact=True).fill("Lucía")
    # a mistake first: answered in Spanish, beside the field and in the summary
    page.get_by_label("País donde vive el paciente").select_option(label="Estados Unidos")
    page.get_by_label("Estado (si el paciente vive en los Estados Unidos)").select_option(label="Nueva York")
    page.get_by_role("button", name="Continuar").click()
    expect(page.locator("#proxyLastName-error")).to_contain_text("Escriba su apellido.")
    expect(page.locator(".error-summary")).to_contain_text("Hay un problema")
    no_english(page, stray)
    accessible(page)
    page.get_by_label("Su apellido", exact=True).fill("Delgado")
    page.get_by_label("Su parentesco con el paciente").select_option(label="Hijo o hija")
    page.get_by_label("Familiar que actúa con el permiso del paciente").check()
    page.get_by_role("button", name="Continuar").click()

    expect(page.get_by_text("Paso 2 de 4")).to_be_visible()
    expect(page.locator(".callout")).to_contain_text("Usted firma en nombre de Rosa Delgado, como su familiar, con su permiso.")
    # the institution's translation, said to be one: the English text binds
    expect(page.get_by_role("note")).to_contain_text("La versión en inglés es la que vale legalmente")
    assert page.locator("section.agreement").get_attribute("lang") == "es"
    expect(page.locator("section.agreement")).to_contain_text("Su médico de cabecera sigue a cargo de su atención.")
    no_english(page, stray)
    accessible(page)
    page.get_by_label("He leído este acuerdo y las Condiciones de uso, y los acepto").check()
    page.get_by_label("Escriba su nombre completo para firmar").fill("Lucía Delgado")
    page.get_by_role("button", name="Acepto: continuar").click()

    expect(page.get_by_text("Paso 3 de 4")).to_be_visible()
    no_english(page, stray)
    accessible(page)
    page.get_by_label("Correo electrónico", exact=True).fill("lucia.delgado@example.org")
    page.get_by_label("Repita el correo electrónico").fill("lucia.delgado@example.org")
    page.get_by_label("Contraseña", exact=True).fill("Mar-y-sol 1946")
    page.get_by_label("Repita la contraseña").fill("Mar-y-sol 1946")
    page.get_by_role("button", name="Continuar").click()

    expect(page.get_by_text("Paso 4 de 4")).to_be_visible()
    no_english(page, stray)
    accessible(page)
    page.get_by_label("Dirección, línea 1").fill("210 Calle Luna")
    page.get_by_label("Ciudad o pueblo").fill("Bronx")
    page.get_by_label("Estado, provincia o región").fill("NY")
    page.get_by_label("Código postal (ZIP)").fill("10451")
    page.get_by_label("Número de teléfono").fill("(718) 555-0148")
    page.get_by_role("button", name="Terminar la inscripción").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Revise su correo electrónico")
    no_english(page, stray)
    accessible(page)
    # the confirmation arrives over SMTP in Spanish, and says so in its headers' text
    link = mail.wait_for_link("lucia.delgado@example.org", "/verify-email")
    message = next(m for m in mail.messages() if "lucia.delgado@example.org" in m["To"])
    assert str(message["Subject"]).strip().startswith("Confirme su correo electrónico para Consilium")
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert body.startswith("Hola:") and "vence en 24 horas" in body and link in body
    # the link confirms the address and opens her account, in Spanish
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirme su correo electrónico")
    no_english(page, stray)
    accessible(page)
    page.get_by_role("button", name="Confirmar mi correo electrónico").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Su cuenta")
    expect(page.get_by_role("status")).to_contain_text("Gracias: su correo electrónico está confirmado.")
    main = page.get_by_role("main")
    expect(main).to_contain_text("Familiar")
    expect(main).to_contain_text("Hijo o hija")
    # the date she signed, in Spanish, in the institution's zone
    expect(main).to_contain_text(re.compile(r"Versión 1, el \d{1,2} de [a-z]+ de 20\d\d, \d{1,2}:\d\d [ap]\. m\. E[SD]T, por Lucía Delgado"))
    no_english(page, stray)
    accessible(page)
    # she asks for a second opinion for her mother, in Spanish
    page.get_by_role("link", name="Pedir una segunda opinión").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pedir una segunda opinión")
    page.get_by_role("button", name="Enviar mi solicitud").click()
    expect(page.locator(".error-summary")).to_contain_text("Escriba la pregunta que quiere que responda el especialista.")
    expect(page.locator("#physicianEmail-error")).to_contain_text("Escriba el correo electrónico de su médico")
    no_english(page, stray)
    accessible(page)
    page.get_by_label("Tipo de especialista").select_option(index=1)
    page.get_by_label("Su pregunta, con sus propias palabras").fill("¿Es la cirugía la mejor opción para su válvula?")
    page.get_by_label("Nombre de su médico de cabecera").fill("Samuel Reyes")
    page.get_by_label("Correo electrónico de su médico").fill("samuel.reyes@example.org")
    page.get_by_role("button", name="Enviar mi solicitud").click()
    expect(page.get_by_role("status")).to_contain_text("Su solicitud está abierta. Su número de referencia es")
    expect(page.get_by_role("heading", level=1)).to_have_text("Solicitud de segunda opinión")
    expect(page.get_by_role("main")).to_contain_text("Esperando que su médico confirme")
    expect(page.get_by_role("link", name="Abrir la carta para su médico")).to_be_visible()
    no_english(page, stray)
    accessible(page)
    # her mother's records: the page, the kinds of record and the sizes in Spanish
    page.get_by_role("link", name="Documentos médicos").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Documentos médicos")
    expect(page.get_by_text("Todavía no hay documentos.")).to_be_visible()
    no_english(page, stray)
    accessible(page)
    page.get_by_label("¿Qué tipo de documentos son?").select_option(label="Resultados de laboratorio")
    page.get_by_label("Archivos").set_input_files(
        files=[{"name": "analisis.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}])
    page.get_by_role("button", name="Enviar los archivos").click()
    expect(page.locator("#records-received")).to_contain_text("Resultados de laboratorio")
    expect(page.locator("#records-received")).to_contain_text("enviado por Lucía Delgado el")
    expect(page.get_by_role("link", name="Descargar analisis.pdf")).to_be_visible()
    no_english(page, stray)
    accessible(page)


def stray_english():
    english, translated = messages("en"), messages("es")
    return [text for key, text in english.items() if translated.get(key) != text and len(text) > 3]


def sign_in_in_spanish(page, email_address):
    """Signs in through the Spanish pages, the sign-in code included when the account has one."""
    page.goto("/signin")
    page.get_by_label("Correo electrónico").fill(email_address)
    page.get_by_label("Contraseña").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()
    if page.url.endswith("/signin/code"):
        expect(page.get_by_role("heading", level=1)).to_have_text("Escriba su código de inicio de sesión")
        page.get_by_label("Código de 6 dígitos").fill(fresh_code(page.url.split("/signin")[0], DEMO_TOTP_SECRET, email_address))
        page.get_by_role("button", name="Iniciar sesión").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Su cuenta")


def test_a_spanish_speaking_patient_reads_the_courtesy_copy_with_its_translated_summary(spanish, accessible, tmp_path):
    """Walter Price reads Spanish best: his released report opens with the summary written for
    him, the coordinator's signed Spanish translation beside it, said to be a translation and by
    whom; the clinical report is the consultant's English, marked as such. Printed, the Spanish
    frame runs on every page and nothing is drawn over anything else."""
    page = spanish
    stray = stray_english()
    sign_in_in_spanish(page, "walter.price@example.org")
    page.get_by_role("row").filter(has_text="Informe entregado").get_by_role("link").first.click()
    expect(page.get_by_role("main")).to_contain_text("Informe entregado")
    page.get_by_role("link", name="Informe de la consulta").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Informe de la consulta")
    summary = page.get_by_role("heading", name="Resumen para usted")
    records = page.get_by_role("heading", name="Documentos revisados")
    assert summary.bounding_box()["y"] < records.bounding_box()["y"], "the patient's copy opens with the summary"
    section = page.locator(".patient-summary")
    expect(section.locator(".summary-translation")).to_contain_text("Su corazón a veces deja de latir unos segundos.")
    expect(section.locator(".summary-translation")).to_contain_text("Ana Ruiz, intérprete médica certificada")
    expect(section).to_contain_text("Escrito por Dr. Helen Park, el especialista consultor, en inglés.")
    # each text is marked with the language it is in, so a screen reader reads it right
    assert section.locator(".summary-translation .prose").get_attribute("lang") == "es"
    assert section.locator("p.prose").first.get_attribute("lang") == "en"
    assert page.locator("h2:has-text('Opinión') + p.prose").get_attribute("lang") == "en"
    # no English of ours: the consultant's own words are English, and are skipped
    visible = page.locator("main").inner_text()
    for own in page.locator("main [lang=en]").all_inner_texts():
        visible = visible.replace(own, "")
    left = [text for text in stray if shows(visible, text)]
    assert not left, f"the Spanish report shows English: {left}"
    accessible(page)
    # who has looked at his information, in Spanish
    page.get_by_role("link", name=re.compile(r"^Volver a la solicitud")).click()
    page.get_by_role("link", name="Quién ha visto esta información").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quién ha visto la información de Walter Price")
    expect(page.get_by_role("main")).to_contain_text("Leyó el informe del especialista")
    no_english(page, stray)
    accessible(page)
    page.go_back()
    page.go_back()
    # printed: the Spanish running header on every page, and no word drawn over another
    page.emulate_media(media="print")
    printed = page.pdf(format="Letter")
    page.emulate_media(media="screen")
    words = printed_words(printed, tmp_path)
    text = " ".join(w.text for w in words)
    assert "(copia de cortesía del paciente)" in text, "the printed copy says it is the patient's courtesy copy"
    for number in {w.page for w in words}:
        on_page = [w for w in words if w.page == number]
        # the running header may take two lines in Spanish: it is the page's first two lines
        lines = sorted({round(w.top) for w in on_page})[:2]
        header = " ".join(w.text for w in on_page if round(w.top) in lines)
        assert "Informe de la consulta" in header and "Walter Price" in header, f"page {number} header: {header!r}"
        for i, a in enumerate(on_page):
            for b in on_page[i + 1:]:
                assert not a.overlaps(b), f"page {number}: {a.text!r} is printed over {b.text!r}"


def test_the_treating_physician_reads_the_report_in_spanish_with_the_summary_last(spanish, accessible):
    page = spanish
    sign_in_in_spanish(page, "samuel.reyes@example.org")
    page.get_by_role("link", name=re.compile(r"^\d{3} \d{3} \d{4}$")).first.wait_for()
    for link in page.get_by_role("link", name=re.compile(r"^\d{3} \d{3} \d{4}$")).all():
        page.goto(link.get_attribute("href"))
        if page.get_by_role("link", name="Informe de la consulta").count():
            break
        page.go_back()
    page.get_by_role("link", name="Informe de la consulta").click()
    summary = page.get_by_role("heading", name="Resumen para el paciente, tal como se escribió para él")
    answers = page.get_by_role("heading", name="Respuestas a las preguntas hechas")
    assert answers.bounding_box()["y"] < summary.bounding_box()["y"], "the physician's copy shows the summary last"
    expect(page.get_by_label("Hacer una pregunta de seguimiento al consultor")).to_be_visible()
    page.get_by_role("button", name="Enviar la pregunta").click()
    expect(page.get_by_role("alert")).to_contain_text("Escriba su pregunta antes de enviarla.")
    accessible(page)
    # joining another request, in Spanish
    page.goto("/cases/join")
    expect(page.get_by_role("heading", level=1)).to_have_text("Unirse a la solicitud de un paciente")
    page.get_by_label("Número de referencia").fill("123")
    page.get_by_role("button", name="Buscar la solicitud").click()
    expect(page.locator("#reference-error")).to_contain_text("Un número de referencia tiene 10 dígitos.")
    no_english(page, stray_english())
    accessible(page)


def test_the_letter_is_printed_in_the_physicians_language_on_one_page(spanish, accessible):
    page = spanish
    sign_in_in_spanish(page, "margaret.ellis@example.org")
    # a new request waits for her physician, and offers the letter for them
    page.get_by_role("link", name="Pedir una segunda opinión").click()
    page.get_by_label("Tipo de especialista").select_option(index=1)
    page.get_by_label("Su pregunta, con sus propias palabras").fill("¿Necesito otra prueba?")
    page.get_by_label("Nombre de su médico de cabecera").fill("Dr. Ana Torres")
    page.get_by_label("Correo electrónico de su médico").fill("ana.torres@example.org")
    page.get_by_role("button", name="Enviar mi solicitud").click()
    page.get_by_role("link", name="Abrir la carta para su médico").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Una carta para su médico")
    expect(page.locator("article.letter")).to_have_attribute("lang", "es")
    expect(page.locator("article.letter")).to_contain_text("Número de referencia:")
    expect(page.locator("article.letter")).to_contain_text("Estimado/a Dr. Ana Torres:")
    accessible(page)
    page.get_by_role("link", name="English").last.click()
    assert page.locator("html").get_attribute("lang") == "es", "the page around the letter stays Spanish"
    expect(page.locator("article.letter")).to_have_attribute("lang", "en")
    expect(page.locator("article.letter")).to_contain_text("Reference number:")
    expect(page.get_by_text("La carta está en inglés.")).to_be_visible()
    accessible(page)
    page.emulate_media(media="print")
    pdf = page.pdf(format="Letter")
    page.emulate_media(media="screen")
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1, "the letter prints on one page"


def test_the_coordinator_finds_who_needs_an_interpreter(chromium, server, accessible):
    context = chromium.new_context(base_url=server.url)
    page = context.new_page()
    try:
        sign_in(page, "miguel.santos@example.org")
        page.goto("/staff/cases")
        everyone = page.locator("main tbody tr").count()
        page.get_by_label("Patient's language").select_option(label="Needs an interpreter")
        page.get_by_role("button", name="Show cases").click()
        expect(page).to_have_url(re.compile(r"language=interpreter"))
        rows = page.locator("main tbody tr")
        assert 0 < rows.count() < everyone, "the filter keeps some requests and not others"
        for row in rows.all():
            expect(row.locator("td").nth(3)).to_contain_text("interpreter")
        expect(rows.filter(has_text="Walter Price").first.locator("td").nth(3)).to_contain_text("Spanish")
        assert not rows.filter(has_text="Margaret Ellis").count(), "a patient who needs no interpreter is not listed"
        # the choice stays selected, and the case page says it too
        expect(page.get_by_label("Patient's language")).to_have_value("interpreter")
        rows.first.locator("a").click()
        expect(page.get_by_role("main")).to_contain_text("interpreter")
        accessible(page)
    finally:
        context.close()


def test_a_consultant_signs_in_with_the_code_page_in_spanish(spanish, accessible):
    page = spanish
    page.goto("/signin")
    page.get_by_label("Correo electrónico").fill("helen.park@example.org")
    page.get_by_label("Contraseña").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()
    expect(page).to_have_url(re.compile(r"/signin/code$"))
    # a wrong code is answered in Spanish beside the field
    page.get_by_label("Código de 6 dígitos").fill("000000")
    page.get_by_role("button", name="Iniciar sesión").click()
    expect(page.locator("#code-error")).to_have_text(
        "Ese código no es correcto. Escriba los 6 dígitos que muestra ahora su aplicación de autenticación.")
    no_english(page, stray_english())
    accessible(page)
    page.get_by_role("link", name="No tengo mi teléfono: usar un código de recuperación").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Usar un código de recuperación")
    no_english(page, stray_english())
    accessible(page)
    page.get_by_role("link", name="Mejor usar el código de mi aplicación de autenticación").click()
    page.get_by_label("Código de 6 dígitos").fill(fresh_code(page.url.split("/signin")[0], DEMO_TOTP_SECRET, "helen.park@example.org"))
    page.get_by_role("button", name="Iniciar sesión").click()
    expect(page).not_to_have_url(re.compile(r"/signin"))
