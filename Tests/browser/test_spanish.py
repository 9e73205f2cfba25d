"""Spanish, as a Spanish-speaking visitor meets it: the browser's language chosen on the first
visit, the switch on every page without JavaScript, Spanish errors, and no English left on the
pages whose words are in the catalogs. Every page is checked with axe-core."""
import re

import pytest
from playwright.sync_api import expect

from conftest import ROOT

# the pages whose words are all in the catalogs so far
CATALOGUED = ["/", "/signin", "/forgot-password", "/no-such-page", "/register", "/terms", "/questions", "/privacy"]


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
