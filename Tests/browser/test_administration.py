"""Two-step sign-in and the administration console as people click through them, with only
the visible labels: an administrator invites a coordinator, who sets a password and enrols an
authenticator by scanning the QR code on the page (read back by zxing-cpp), then signs in with
a code and with a recovery code; the settings, the audit log, disabling an account, "who has
looked at my information", and publishing an agreement. axe-core checks every page. These
run against their own server, so what they change reaches no other test."""
import base64
import io
import re
import time
import urllib.parse

import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from conftest import ROOT, DEMO_PASSWORD, fresh_code, sign_in


def new_page(chromium, server, **options):
    return chromium.new_context(base_url=server.url, **options).new_page()


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/signin"))


def test_invited_coordinator_enrols_by_qr_and_signs_in_with_a_code_and_a_recovery_code(
        admin_page, chromium, admin_server, mail, accessible):
    page = admin_page
    page.goto("/account")
    page.get_by_role("link", name="Settings, agreement, people and the audit log").click()
    accessible(page)
    page.get_by_role("link", name="People").click()
    accessible(page)
    page.get_by_role("link", name="Invite a member of staff").click()
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.locator(".error-summary")).to_contain_text("Enter the person's full name")
    accessible(page)
    page.get_by_label("Full name").fill("Olivia Grant")
    page.get_by_label("Email address").fill("olivia.grant@example.org")
    page.get_by_label("Coordinator").check()
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.locator(".notice")).to_contain_text("Olivia Grant has been invited")

    # the invitee, in her own browser
    link = mail.wait_for_link("olivia.grant@example.org", "/invitation")
    olivia = new_page(chromium, admin_server)
    olivia.goto(link)
    expect(olivia.get_by_role("heading", name="Welcome, Olivia Grant")).to_be_visible()
    accessible(olivia)
    olivia.get_by_label("New password", exact=True).fill("Compass-Meadow-48")
    olivia.get_by_label("New password again").fill("Compass-Meadow-48")
    olivia.get_by_role("button", name="Set my password").click()
    expect(olivia).to_have_url(re.compile(r"/account/two-factor$"))
    expect(olivia.get_by_text("Before you can see any patient's information")).to_be_visible()
    accessible(olivia)
    # nothing else opens before enrolment
    olivia.goto("/staff/cases")
    expect(olivia).to_have_url(re.compile(r"/account/two-factor$"))

    # scan the QR code as a phone would: from the pixels on the screen
    shot = Image.open(io.BytesIO(olivia.locator("img.qr").screenshot()))
    found = zxingcpp.read_barcodes(shot)
    assert len(found) == 1, "the QR code on the page does not scan"
    uri = urllib.parse.urlparse(found[0].text)
    assert uri.scheme == "otpauth" and uri.netloc == "totp"
    assert urllib.parse.unquote(uri.path).endswith(":olivia.grant@example.org")
    key = urllib.parse.parse_qs(uri.query)["secret"][0]
    typed_key = olivia.locator("#manual-key").inner_text().replace(" ", "")
    assert typed_key == key, "the key to type by hand is the one in the QR code"
    secret = base64.b32decode(key + "=" * (-len(key) % 8))

    olivia.get_by_label("6-digit code").fill("000000")
    olivia.get_by_role("button", name="Turn on two-step sign-in").click()
    expect(olivia.locator(".error-summary")).to_contain_text("That code is not right")
    accessible(olivia)
    olivia.get_by_label("6-digit code").fill(fresh_code(admin_server.url, secret, "olivia.grant@example.org"))
    olivia.get_by_role("button", name="Turn on two-step sign-in").click()
    expect(olivia.get_by_role("heading", name="Save your recovery codes")).to_be_visible()
    codes = olivia.locator(".recovery-codes li").all_inner_texts()
    assert len(codes) == 10 and len(set(codes)) == 10
    accessible(olivia)
    olivia.get_by_role("link", name="I have saved my recovery codes").click()
    olivia.goto("/account/two-factor")
    expect(olivia.get_by_text("You have 10 unused recovery codes of 10.")).to_be_visible()
    accessible(olivia)
    olivia.goto("/staff/cases")
    expect(olivia.get_by_role("heading", name="Case queue")).to_be_visible()

    # signing in again asks for a code
    sign_out(olivia)
    sign_in(olivia, "olivia.grant@example.org", "Compass-Meadow-48", totp_secret=secret)
    expect(olivia).to_have_url(re.compile(r"/account$"))

    # and, without the phone, takes a recovery code once
    sign_out(olivia)
    olivia.get_by_label("Email address").fill("olivia.grant@example.org")
    olivia.get_by_label("Password").fill("Compass-Meadow-48")
    olivia.get_by_role("button", name="Sign in").click()
    expect(olivia.get_by_role("heading", name="Enter your sign-in code")).to_be_visible()
    accessible(olivia)
    olivia.get_by_role("link", name="I do not have my phone: use a recovery code").click()
    accessible(olivia)
    olivia.get_by_label("Recovery code").fill(codes[0].upper())
    olivia.get_by_role("button", name="Sign in").click()
    expect(olivia.locator(".notice")).to_contain_text("9 of 10 are left")
    olivia.context.close()


def test_administrator_changes_a_role_resets_two_step_sign_in_and_sends_an_invitation_again(
        admin_page, chromium, admin_server, mail, accessible):
    page = admin_page
    # Helen Park, consultant: made a coordinator, then her lost phone is dealt with
    page.goto("/admin/users")
    page.get_by_role("link", name="Dr. Helen Park").click()
    page.get_by_label("Coordinator").check()
    page.get_by_role("button", name="Change the role").click()
    expect(page.locator(".error-summary")).to_contain_text("open case")  # the demo gave her cases: reassign first
    accessible(page)
    # Miguel Santos, coordinator: made a consultant of cardiology
    page.goto("/admin/users")
    page.get_by_role("link", name="Miguel Santos").click()
    page.get_by_label("Consultant", exact=True).check()
    page.get_by_role("button", name="Change the role").click()
    expect(page.locator(".error-summary")).to_contain_text("Choose the consultant's specialty")
    page.get_by_label("Specialty (consultants only)").select_option("Cardiology")
    page.get_by_role("button", name="Change the role").click()
    expect(page.locator(".notice")).to_contain_text("Miguel Santos is now a consultant")
    page.get_by_role("button", name="Reset two-step sign-in").click()
    expect(page.locator(".notice")).to_contain_text("will set up two-step sign-in again")
    miguel = new_page(chromium, admin_server)
    miguel.goto("/signin")
    miguel.get_by_label("Email address").fill("miguel.santos@example.org")
    miguel.get_by_label("Password").fill(DEMO_PASSWORD)
    miguel.get_by_role("button", name="Sign in").click()
    miguel.goto("/account")
    expect(miguel).to_have_url(re.compile(r"/account/two-factor$"))
    miguel.context.close()

    # an invitation whose email went astray is sent again
    page.goto("/admin/users/invite")
    page.get_by_label("Full name").fill("Noor Haddad")
    page.get_by_label("Email address").fill("noor.haddad@example.org")
    page.get_by_label("Administrator").check()
    page.get_by_role("button", name="Send the invitation").click()
    first = mail.wait_for_link("noor.haddad@example.org", "/invitation")
    page.get_by_role("link", name="Noor Haddad").click()
    page.get_by_role("button", name="Send the invitation again").click()
    expect(page.locator(".notice")).to_contain_text("A new invitation is on its way")
    deadline = time.time() + 20
    while len([m for m in mail.messages() if "noor.haddad@example.org" in m["To"]]) < 2 and time.time() < deadline:
        time.sleep(0.25)
    links = [re.search(r"https?://\S+/invitation\?token=[A-Za-z0-9_-]+", m.get_body(preferencelist=("plain",)).get_content()).group(0)
             for m in mail.messages() if "noor.haddad@example.org" in m["To"]]
    assert len(links) == 2 and first in links
    second = next(link for link in links if link != first)
    noor = new_page(chromium, admin_server)
    noor.goto(first)
    expect(noor.get_by_role("heading", name="This link no longer works")).to_be_visible()
    noor.goto(second)
    expect(noor.get_by_role("heading", name="Welcome, Noor Haddad")).to_be_visible()
    noor.context.close()


def test_a_physician_turns_two_step_sign_in_on_renews_recovery_codes_and_turns_it_off(chromium, admin_server, accessible):
    page = new_page(chromium, admin_server)
    sign_in(page, "ivan.petrov@example.org")
    page.get_by_role("link", name="Set up two-step sign-in").click()
    expect(page.get_by_text("Before you can see any patient's information")).to_have_count(0)
    key = page.locator("#manual-key").inner_text().replace(" ", "")
    secret = base64.b32decode(key + "=" * (-len(key) % 8))
    page.get_by_label("6-digit code").fill(fresh_code(admin_server.url, secret, "ivan.petrov@example.org"))
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    first = page.locator(".recovery-codes li").all_inner_texts()
    page.get_by_role("link", name="I have saved my recovery codes").click()
    expect(page.get_by_text("Two-step sign-in is on.")).to_be_visible()
    page.get_by_role("link", name="Recovery codes and settings").click()
    accessible(page)
    page.get_by_label("Code from your authenticator app").fill(fresh_code(admin_server.url, secret, "ivan.petrov@example.org"))
    page.get_by_role("button", name="Make new recovery codes").click()
    renewed = page.locator(".recovery-codes li").all_inner_texts()
    assert len(renewed) == 10 and not set(renewed) & set(first)
    page.goto("/account/two-factor")
    page.get_by_label("Your password").fill("not my password")
    page.get_by_role("button", name="Turn off two-step sign-in").click()
    expect(page.locator(".error-summary")).to_contain_text("This is not your current password")
    accessible(page)
    page.get_by_label("Your password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Turn off two-step sign-in").click()
    expect(page.locator(".notice")).to_contain_text("Two-step sign-in is off")
    sign_out(page)
    page.get_by_label("Email address").fill("ivan.petrov@example.org")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/account$"))
    page.context.close()


def test_settings_change_registration_and_the_home_page_at_once(admin_page, chromium, admin_server, accessible):
    page = admin_page
    page.goto("/admin/settings")
    accessible(page)
    page.get_by_label("Countries served").fill("US, ZZ")
    page.get_by_label("Turnaround target, in days").fill("0")
    page.get_by_role("button", name="Save settings").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("not two-letter country codes: ZZ")
    expect(summary).to_contain_text("from 1 to 90")
    expect(page.get_by_label("Countries served")).to_have_value("US, ZZ")
    accessible(page)
    summary.get_by_role("link", name=re.compile("two-letter country codes")).click()
    expect(page.get_by_label("Countries served")).to_be_focused()
    page.get_by_label("Countries served").fill("US")
    page.get_by_label("Turnaround target, in days").fill("12")
    page.get_by_label("Massachusetts").check()
    page.get_by_role("button", name="Save settings").click()
    expect(page.locator(".notice")).to_contain_text("in effect now")

    visitor = new_page(chromium, admin_server)
    visitor.goto("/")
    expect(visitor.get_by_text("usually within 12 days")).to_be_visible()
    visitor.goto("/register")
    visitor.get_by_label("Myself").check()
    visitor.get_by_label("Patient's first name").fill("Ruth")
    visitor.get_by_label("Patient's last name").fill("Gallagher")
    visitor.get_by_label("Day").fill("3")
    visitor.get_by_label("Month").fill("11")
    visitor.get_by_label("Year").fill("1948")
    visitor.get_by_label("Female").check()
    visitor.get_by_label("Patient's preferred language").select_option(label="English")
    visitor.get_by_role("group", name=re.compile("interpreter")).get_by_label("No", exact=True).check()
    visitor.get_by_label("Country where the patient lives").select_option(label="United States")
    visitor.get_by_label("State (if the patient lives in the United States)").select_option(label="Massachusetts")
    visitor.get_by_role("button", name="Continue").click()
    expect(visitor.get_by_role("heading", name="We cannot take this case online")).to_be_visible()
    visitor.context.close()


def test_patient_sees_who_looked_and_the_privacy_officer_finds_it_in_the_audit_log(
        chromium, admin_server, administrator_state, accessible):
    admin_state = administrator_state
    # the consultant reads the released report, then the patient looks at who has been in
    helen = new_page(chromium, admin_server)
    sign_in(helen, "helen.park@example.org")
    helen.goto("/account")
    helen.get_by_role("link", name=re.compile(r"^\d{3} \d{3} \d{4}$")).first.click()
    expect(helen.get_by_role("heading", name="Second-opinion request")).to_be_visible()
    helen.context.close()

    page = new_page(chromium, admin_server)
    sign_in(page, "walter.price@example.org")
    page.get_by_role("link", name=re.compile(r"^\d{3} \d{3} \d{4}$")).first.click()
    page.get_by_role("link", name="Who has looked at this information").click()
    # other people first, each person and thing they did once, with how often and when
    others = page.get_by_role("table", name="Other people's access, most recent first")
    expect(others).to_contain_text("Dr. Helen Park")
    expect(others).to_contain_text("Consultant")
    expect(others).not_to_contain_text("You")
    # the patient's own visits are folded away, a click from view
    own = page.get_by_role("table", name="Your own and your family's access, most recent first")
    expect(own).to_be_hidden()
    page.get_by_text(re.compile(r"^You and your family: \d+ visits?$")).click()
    expect(own).to_contain_text("You")
    accessible(page)
    page.context.close()

    page = new_page(chromium, admin_server, storage_state=admin_state)
    page.goto("/admin/audit")
    page.get_by_label("Patient").fill("Price")
    page.get_by_label("Action").select_option("case.viewed")
    page.get_by_role("button", name="Search").click()
    rows = page.locator("tbody tr")
    expect(rows.first).to_contain_text("Looked at a request")
    expect(page.locator("tbody")).to_contain_text("Dr. Helen Park")
    accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Download these events as CSV")).click()
    csv = open(download.value.path(), encoding="utf-8").read().splitlines()
    assert csv[0].startswith("sequence,occurred_at_utc,actor_user_id")
    assert len(csv) >= 2 and all(",case.viewed," in line for line in csv[1:])


def test_a_disabled_account_is_signed_out_at_once_and_can_be_enabled_again(admin_page, chromium, admin_server, accessible):
    daniel = new_page(chromium, admin_server)
    sign_in(daniel, "daniel.ellis@example.org")
    expect(daniel).to_have_url(re.compile(r"/account$"))

    page = admin_page
    page.goto("/admin/users")
    page.get_by_label("Who").select_option(label="Family member")
    page.get_by_role("button", name="Show").click()
    page.get_by_role("link", name="Daniel Ellis").click()
    accessible(page)
    page.get_by_role("button", name="Disable the account").click()
    # a consequential action asks first, in warning colours, and says what will happen
    expect(page.get_by_role("heading", level=1)).to_contain_text("account?")
    expect(page.locator(".warning-panel")).to_contain_text("signed out everywhere")
    accessible(page)
    page.get_by_role("button", name="Yes, disable the account").click()
    expect(page.locator(".notice")).to_contain_text("every session of theirs has ended")

    daniel.reload()
    expect(daniel).to_have_url(re.compile(r"/signin"))
    daniel.get_by_label("Email address").fill("daniel.ellis@example.org")
    daniel.get_by_label("Password").fill(DEMO_PASSWORD)
    daniel.get_by_role("button", name="Sign in").click()
    expect(daniel.locator("#email-error")).to_contain_text("This account is not active")

    page.get_by_role("button", name="Enable the account").click()
    expect(page.locator(".notice")).to_contain_text("enabled again")
    sign_in(daniel, "daniel.ellis@example.org")
    expect(daniel).to_have_url(re.compile(r"/account$"))
    daniel.context.close()


def test_a_patient_changes_her_telephone_number_from_the_account_page(chromium, admin_server, accessible):
    page = new_page(chromium, admin_server)
    sign_in(page, "margaret.ellis@example.org")
    page.get_by_role("link", name="Change your contact details").click()
    accessible(page)
    page.get_by_label("Telephone number").fill("617-555")
    page.get_by_role("button", name="Save my contact details").click()
    expect(page.locator(".error-summary")).to_contain_text("Enter a U.S. number of 10 digits")
    expect(page.get_by_label("Telephone number")).to_have_value("617-555")
    accessible(page)
    page.get_by_label("Telephone number").fill("617 555 0188")
    page.get_by_label("Best time to call you (optional)").select_option(label="Evenings (5 pm to 8 pm)")
    page.get_by_role("button", name="Save my contact details").click()
    expect(page.locator(".notice")).to_contain_text("Your contact details are saved")
    telephone = page.locator("dt", has_text="Telephone").locator("xpath=following-sibling::dd")
    expect(telephone).to_have_text("(617) 555-0188, best evenings, 5 pm to 8 pm")
    expect(telephone.get_by_role("link")).to_have_attribute("href", "tel:+16175550188")
    page.context.close()


def test_an_agreement_version_is_previewed_then_published_and_patients_accept_it(admin_page, chromium, admin_server, accessible):
    page = admin_page
    page.goto("/admin/agreement")
    accessible(page)
    text = page.get_by_label("Text of the new version")
    text.fill(text.input_value() + "\n\nWe added this paragraph so that patients know about a new video visit option.")
    page.get_by_role("button", name="Preview version 2").click()
    expect(page.get_by_role("heading", name=re.compile("Preview: Patient Agreement and Authorization, version 2"))).to_be_visible()
    expect(page.locator(".document-preview")).to_contain_text("a new video visit option")
    accessible(page)
    page.get_by_role("button", name="Change the text").click()
    expect(page.get_by_label("Text of the new version")).to_have_value(re.compile("a new video visit option"))
    page.get_by_role("button", name="Preview version 2").click()
    page.get_by_role("button", name="Publish version 2").click()
    expect(page.locator(".notice")).to_contain_text("Version 2 is published")

    walter = new_page(chromium, admin_server)
    sign_in(walter, "walter.price@example.org")
    expect(walter).to_have_url(re.compile(r"/agreement/accept$"))
    expect(walter.get_by_text("a new video visit option")).to_be_visible()
    walter.context.close()

    # the Spanish translation of version 2, checked, then published from the console
    page.goto("/admin/agreement/translation?kind=agreement")
    expect(page.get_by_text("Not translated: Spanish readers see the English text")).to_be_visible()
    accessible(page)
    spanish = (ROOT / "Resources" / "Agreements" / "patient-agreement.es.txt").read_text().strip()
    box = page.get_by_label("Spanish translation of version 2")
    box.fill(spanish)
    page.get_by_role("button", name="Publish the Spanish translation of version 2").click()
    expect(page.locator(".error-summary")).to_contain_text("The original has 15 paragraphs and the translation 14")
    expect(box).to_have_value(spanish)
    accessible(page)
    box.fill(spanish + "\n\nAñadimos este párrafo para que los pacientes sepan que hay una nueva opción de visita por video.")
    page.get_by_role("button", name="Publish the Spanish translation of version 2").click()
    expect(page.locator(".notice")).to_contain_text("The Spanish translation of version 2 is published")
    reader = chromium.new_context(base_url=admin_server.url, locale="es-US").new_page()
    reader.goto("/agreement/2")
    expect(reader.get_by_role("heading", level=1)).to_have_text("Acuerdo y autorización del paciente")
    expect(reader.get_by_text("Versión 2, publicada el")).to_be_visible()
    expect(reader.get_by_text("nueva opción de visita por video")).to_be_visible()
    expect(reader.get_by_role("note")).to_contain_text("La versión en inglés es la que vale legalmente")
    reader.context.close()
