"""Registration as a person clicks through it, using the visible labels only: a patient and a
family member, Back and forth, every kind of field error, an ineligible location, a declined
agreement, the confirmation link from the captured mail, a family member adding another
patient, and an agreement published while someone registers. axe-core checks every step."""
import re
import subprocess

from playwright.sync_api import expect

from conftest import BINARY


def fill_patient(
    page, first="Ruth", last="Gallagher", day="3", month="11", year="1948", state="Massachusetts", language="English", interpreter="No"
):
    page.get_by_label("Patient's first name").fill(first)
    page.get_by_label("Patient's last name").fill(last)
    page.get_by_label("Day").fill(day)
    page.get_by_label("Month").fill(month)
    page.get_by_label("Year").fill(year)
    page.get_by_label("Female").check()
    page.get_by_label("Patient's preferred language").select_option(label=language)
    page.get_by_role("group", name=re.compile("interpreter")).get_by_label(interpreter, exact=True).check()
    page.get_by_label("Country where the patient lives").select_option(label="United States")
    if state:
        page.get_by_label("State (if the patient lives in the United States)").select_option(label=state)


def sign_agreement(page, name, courtesy=True):
    page.get_by_label("I have read this agreement and the Terms of Use, and I accept them").check()
    page.get_by_label("Type your full name to sign").fill(name)
    box = page.get_by_label("Yes, make a courtesy copy of the report available to me")
    box.check() if courtesy else box.uncheck()
    page.get_by_role("button", name="I accept: continue").click()


def fill_account(page, email, password="Harbour-Lantern-73"):
    page.get_by_label("Email address", exact=True).fill(email)
    page.get_by_label("Email address again").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_label("Password again").fill(password)
    page.get_by_role("button", name="Continue").click()


def fill_contact(page):
    page.get_by_label("Address line 1").fill("48 Commonwealth Avenue")
    page.get_by_label("Town or city").fill("Boston")
    page.get_by_label("State, province or region").fill("MA")
    page.get_by_label("ZIP or postal code").fill("02116")
    page.get_by_label("Telephone number").fill("(617) 555-0172")
    page.get_by_role("button", name="Finish registration").click()


def test_a_patient_registers_and_confirms_the_email(page, mail, accessible):
    page.goto("/")
    page.get_by_role("link", name="Register as a patient or family member").click()
    expect(page.get_by_text("Step 1 of 4")).to_be_visible()
    accessible(page)
    page.get_by_label("Myself: I am the patient").check()
    # with JavaScript, the family-member questions hide for a patient registering themself
    expect(page.get_by_label("Your first name")).to_be_hidden()
    fill_patient(page)
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_text("Step 2 of 4")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Patient Agreement and Authorization, version"))).to_be_visible()
    expect(page.locator(".agreement")).to_contain_text("Example Health Network")
    accessible(page)
    sign_agreement(page, "Ruth Gallagher")

    expect(page.get_by_text("Step 3 of 4")).to_be_visible()
    expect(page.get_by_text("We will not share it or use it for anything else")).to_be_visible()
    accessible(page)
    fill_account(page, "ruth.gallagher@example.org")

    expect(page.get_by_text("Step 4 of 4")).to_be_visible()
    expect(page.get_by_label("Country")).to_have_value("US")
    accessible(page)
    fill_contact(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    accessible(page)
    link = mail.wait_for_link("ruth.gallagher@example.org", "/verify-email")
    page.goto(link)
    accessible(page)
    page.get_by_role("button", name="Confirm my email address").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    expect(page.get_by_role("status")).to_contain_text("your email address is confirmed")
    expect(page.get_by_role("main")).to_contain_text("Ruth Gallagher")
    expect(page.get_by_role("main")).to_contain_text("Version 1")
    accessible(page)


def test_a_family_member_registers_without_javascript(chromium, server, mail, axe):
    context = chromium.new_context(base_url=server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/register")
        page.get_by_label("A family member: I am acting for the patient").check()
        fill_patient(page, first="Noah", last="Brennan", day="17", month="4", year="2014", state="New Hampshire")
        page.get_by_label("Your first name").fill("Claire")
        page.get_by_label("Your last name").fill("Brennan")
        page.get_by_label("Your relationship to the patient").select_option(label="Parent")
        page.get_by_label("Parent of a patient under 18").check()
        page.get_by_role("button", name="Continue").click()
        expect(page.get_by_text("You are signing on behalf of")).to_contain_text("Noah Brennan")
        sign_agreement(page, "Claire Brennan", courtesy=False)
        fill_account(page, "claire.brennan@example.org")
        fill_contact(page)
        expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
        link = mail.wait_for_link("claire.brennan@example.org", "/verify-email")
        page.goto(link)
        page.get_by_role("button", name="Confirm my email address").click()
        expect(page.get_by_role("main")).to_contain_text("Noah Brennan")
        expect(page.get_by_role("main")).to_contain_text("No, declined")
        expect(page.get_by_role("link", name="Add another patient")).to_be_visible()
    finally:
        context.close()


def test_back_and_forth_keeps_every_value(page, accessible):
    page.goto("/register")
    page.get_by_label("Myself: I am the patient").check()
    fill_patient(page, first="Walter", last="Price", day="9", month="1", year="1940")
    page.get_by_role("button", name="Continue").click()
    sign_agreement(page, "Walter Price", courtesy=False)
    page.get_by_label("Email address", exact=True).fill("walter.price@example.org")
    page.get_by_role("button", name="Back").click()
    expect(page.get_by_label("Type your full name to sign")).to_have_value("Walter Price")
    expect(page.get_by_label("Yes, make a courtesy copy of the report available to me")).not_to_be_checked()
    page.get_by_role("button", name="Back").click()
    expect(page.get_by_label("Patient's first name")).to_have_value("Walter")
    expect(page.get_by_label("Year")).to_have_value("1940")
    expect(page.get_by_label("State (if the patient lives in the United States)")).to_have_value("MA")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("I have read this agreement and the Terms of Use, and I accept them").check()
    page.get_by_role("button", name="I accept: continue").click()
    expect(page.get_by_label("Email address", exact=True)).to_have_value("walter.price@example.org")


def test_every_kind_of_field_error_is_explained(page, accessible):
    page.goto("/register")
    page.get_by_role("button", name="Continue").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Say whether you are the patient or a family member.")
    expect(summary).to_contain_text("Enter the patient's date of birth")
    expect(page.locator("#patientFirstName-error")).to_have_text(re.compile("Enter the patient's first name"))
    accessible(page)
    summary.get_by_role("link", name=re.compile("first name")).click()
    expect(page.get_by_label("Patient's first name")).to_be_focused()

    page.get_by_label("Myself: I am the patient").check()
    fill_patient(page, first="Ada", last="Lind", day="31", month="2", year="1960")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#dateOfBirth-error")).to_contain_text("Enter a real date of birth")
    expect(page.get_by_label("Patient's first name")).to_have_value("Ada")
    page.get_by_label("Day").fill("28")
    page.get_by_role("button", name="Continue").click()

    page.get_by_label("I have read this agreement and the Terms of Use, and I accept them").check()
    page.get_by_label("Type your full name to sign").fill("Someone Else")
    page.get_by_role("button", name="I accept: continue").click()
    expect(page.locator("#signature-error")).to_contain_text("Type your name exactly as you gave it: Ada Lind.")
    accessible(page)
    sign_agreement(page, "Ada Lind")

    page.get_by_label("Email address", exact=True).fill("ada.lind@example.org")
    page.get_by_label("Email address again").fill("ada.lind@example.com")
    page.get_by_label("Password", exact=True).fill("p@ssw0rd")
    page.get_by_label("Password again").fill("p@ssw0rd")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#emailConfirmation-error")).to_contain_text("do not match")
    expect(page.get_by_label("Password", exact=True)).to_have_value("")
    page.get_by_label("Email address again").fill("ada.lind@example.org")
    page.get_by_label("Password", exact=True).fill("p@ssw0rd")
    page.get_by_label("Password again").fill("p@ssw0rd")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#password-error")).to_contain_text("too common")
    accessible(page)
    fill_account(page, "ada.lind@example.org", "Lind-Ada-99!")
    expect(page.locator("#password-error")).to_contain_text("Do not use your name")
    fill_account(page, "ada.lind@example.org")

    page.get_by_label("Telephone number").fill("555-0199")
    page.get_by_role("button", name="Finish registration").click()
    expect(page.locator("#addressLine1-error")).to_be_visible()
    expect(page.locator("#phone-error")).to_contain_text("10 digits")
    accessible(page)


def test_outside_the_service_area(page, accessible):
    page.goto("/register")
    page.get_by_label("Myself: I am the patient").check()
    fill_patient(page, state=None)
    page.get_by_label("Country where the patient lives").select_option(label="Mexico")
    # with JavaScript, the state question hides outside the United States
    expect(page.get_by_label("State (if the patient lives in the United States)")).to_be_hidden()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("We cannot take this case online")
    expect(page.get_by_role("main")).to_contain_text("in-person evaluation")
    expect(page.get_by_role("main")).to_contain_text("(555) 010-0199")
    accessible(page)
    page.goto("/register")
    expect(page.get_by_label("Patient's first name")).to_have_value("")


def test_declining_the_agreement(page, accessible):
    page.goto("/register")
    page.get_by_label("Myself: I am the patient").check()
    fill_patient(page, first="Ivy", last="Moss")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="I do not accept").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You did not accept the agreement")
    expect(page.get_by_role("main")).to_contain_text("in-person evaluation")
    accessible(page)
    page.get_by_role("link", name="Start the registration again").click()
    expect(page.get_by_label("Patient's first name")).to_have_value("")


def test_questions_terms_and_privacy_are_one_click_away(page, accessible):
    page.goto("/register")
    page.get_by_role("link", name="questions and answers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Questions and contact")
    accessible(page)
    page.get_by_role("link", name="Terms of Use").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Terms of Use")
    accessible(page)
    page.get_by_role("link", name="Privacy notice").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy notice")
    accessible(page)


def test_registration_fits_a_320_pixel_screen(page):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/register")
    page.get_by_label("Myself: I am the patient").check()
    fill_patient(page, first="Ellen", last="Park")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Step 2 of 4")).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the agreement page scrolls sideways by {overflow}px"


def fill_child(page):
    fill_patient(page, first="Tom", last="Ellis", day="9", month="4", year="2017")
    page.get_by_label("Your relationship to the patient").select_option(label="Parent")
    page.get_by_label("Parent of a patient under 18").check()


def test_a_family_member_adds_another_patient(page, mail, accessible):
    # A parent registered for one child, with the email confirmed.
    page.goto("/register")
    page.get_by_label("A family member: I am acting for the patient").check()
    fill_patient(page, first="Lily", last="Ellis", day="2", month="6", year="2015")
    page.get_by_label("Your first name").fill("Daniel")
    page.get_by_label("Your last name").fill("Ellis")
    page.get_by_label("Your relationship to the patient").select_option(label="Parent")
    page.get_by_label("Parent of a patient under 18").check()
    page.get_by_role("button", name="Continue").click()
    sign_agreement(page, "Daniel Ellis")
    fill_account(page, "daniel.ellis.family@example.org")
    fill_contact(page)
    page.goto(mail.wait_for_link("daniel.ellis.family@example.org", "/verify-email"))
    page.get_by_role("button", name="Confirm my email address").click()
    expect(page.get_by_role("main")).to_contain_text("Lily Ellis")
    page.get_by_role("link", name="Add another patient").click()
    expect(page.get_by_role("main")).to_contain_text("Step 1 of 2")
    fill_child(page)
    accessible(page)
    page.get_by_role("button", name="Continue").click()
    # Back keeps what was typed, and Decline drops the draft without adding anyone.
    page.get_by_role("button", name="Back").click()
    expect(page.get_by_label("Patient's first name")).to_have_value("Tom")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="I do not accept").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You did not accept the agreement")
    page.goto("/account")
    expect(page.get_by_role("main")).not_to_contain_text("Tom Ellis")
    # The second time through, signed, the patient joins the account.
    page.get_by_role("link", name="Add another patient").click()
    expect(page.get_by_label("Patient's first name")).to_have_value("")
    fill_child(page)
    page.get_by_role("button", name="Continue").click()
    accessible(page)
    sign_agreement(page, "Daniel Ellis")
    expect(page.get_by_role("main")).to_contain_text("Tom Ellis has been added to your account.")
    accessible(page)


AGREEMENT_V_NEXT = (
    "A clearer sentence about {service} and {institution}, governed by {governing_law}. " * 4
    + "\n\nA second paragraph, with {phone} and {venue}.\n"
)


def test_an_agreement_published_mid_registration_is_shown_before_the_account_is_made(chromium, admin_server, accessible, tmp_path):
    # on the administration tests' server: a new agreement version must not reach the other tests' demo
    context = chromium.new_context(base_url=admin_server.url)
    page = context.new_page()
    page.goto("/register")
    page.get_by_label("Myself: I am the patient").check()
    # the administration tests stop serving Massachusetts on this server
    fill_patient(page, first="Ines", last="Moreau", state="Vermont")
    page.get_by_role("button", name="Continue").click()
    sign_agreement(page, "Ines Moreau")
    fill_account(page, "ines.moreau@example.org")
    expect(page.get_by_text("Step 4 of 4")).to_be_visible()

    # the institution publishes a new version while she fills in her address
    text = tmp_path / "agreement.txt"
    text.write_text(AGREEMENT_V_NEXT)
    subprocess.run([str(BINARY), "agreement", "publish", str(text)], env=admin_server.env, cwd=admin_server.data, check=True,
                   capture_output=True)
    fill_contact(page)

    # she is shown the new text before any account exists, told why, and keeps what she typed
    expect(page.get_by_text("Step 2 of 4")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("published a new version of the agreement")
    expect(page.locator(".agreement")).to_contain_text("A clearer sentence about")
    accessible(page)
    sign_agreement(page, "Ines Moreau")
    expect(page.get_by_text("Step 3 of 4")).to_be_visible()
    expect(page.get_by_label("Email address", exact=True)).to_have_value("ines.moreau@example.org")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Step 4 of 4")).to_be_visible()
    fill_contact(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    context.close()
