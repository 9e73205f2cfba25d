"""The first half of a case as people click through it: a patient opens a request and prints the
letter; a new physician registers, a coordinator verifies them, they join with the reference
number and confirm; the patient sees the timeline. axe-core checks each page."""
import re

from playwright.sync_api import expect

from conftest import sign_in


def test_patient_opens_case_physician_joins_and_confirms(chromium, server, accessible):
    contexts = []

    def person():
        context = chromium.new_context(base_url=server.url)
        contexts.append(context)
        return context.new_page()

    try:
        # a new physician registers
        doctor = person()
        doctor.goto("/physicians/register")
        accessible(doctor)
        doctor.get_by_label("First name").fill("Nadia")
        doctor.get_by_label("Last name").fill("Khoury")
        doctor.get_by_label("National Provider Identifier (NPI)").fill("1245319599")
        doctor.get_by_label("State that issued your medical license").select_option(label="Massachusetts")
        doctor.get_by_label("License number").fill("MD-51234")
        doctor.get_by_label("Your specialty").fill("Family medicine")
        doctor.get_by_label("Practice name").fill("Back Bay Family Practice")
        doctor.get_by_label("Practice address line 1").fill("200 Newbury Street")
        doctor.get_by_label("Town or city").fill("Boston")
        doctor.get_by_label("State", exact=True).select_option(label="Massachusetts")
        doctor.get_by_label("ZIP code").fill("02116")
        doctor.get_by_label("Practice telephone number").fill("(617) 555-0150")
        doctor.get_by_label("Email address", exact=True).fill("nadia.khoury@example.org")
        doctor.get_by_label("Email address again").fill("nadia.khoury@example.org")
        doctor.get_by_label("Password", exact=True).fill("Clinic-Lantern-88")
        doctor.get_by_label("Password again").fill("Clinic-Lantern-88")
        doctor.get_by_role("button", name="Register").click()
        expect(doctor.get_by_role("heading", level=1)).to_have_text("Check your email")

        # the patient opens a request naming her
        patient = person()
        sign_in(patient, "margaret.ellis@example.org")
        patient.get_by_role("link", name="Ask for a second opinion").click()
        accessible(patient)
        patient.get_by_label("Kind of specialist").select_option(label="Neurology")
        patient.get_by_label("Your question, in your own words").fill("Are my headaches migraines, or should I have a scan?")
        patient.get_by_label("Your treating physician's name").fill("Dr. Nadia Khoury")
        patient.get_by_label("Your physician's email address").fill("nadia.khoury@example.org")
        patient.get_by_role("button", name="Send my request").click()
        status = patient.get_by_role("status")
        expect(status).to_contain_text("Its reference number is")
        reference = re.search(r"(\d{3} \d{3} \d{4})", status.inner_text()).group(1)
        expect(patient.get_by_role("main")).to_contain_text("Waiting for your physician to confirm")
        accessible(patient)

        # the letter prints on one clean page
        patient.get_by_role("link", name="Open the letter for your physician").click()
        expect(patient.get_by_role("main")).to_contain_text(reference)
        accessible(patient)
        patient.emulate_media(media="print")
        pdf = patient.pdf(format="Letter", print_background=False)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pages == 1, f"the letter printed on {pages} pages"
        patient.emulate_media(media="screen")

        # until verified, the physician sees no patient data
        sign_in(doctor, "nadia.khoury@example.org", "Clinic-Lantern-88")
        doctor.get_by_role("link", name="Join a patient's request").click()
        expect(doctor.get_by_role("status")).to_contain_text("waiting to be verified")

        # a coordinator verifies her
        coordinator = person()
        sign_in(coordinator, "miguel.santos@example.org")
        coordinator.get_by_role("link", name="Physicians to verify").click()
        accessible(coordinator)
        # without a note the page comes back with the error beside the note, focused
        coordinator.get_by_role("button", name="Verify Nadia Khoury").click()
        expect(coordinator.locator(".error-summary")).to_contain_text("Write what you checked")
        expect(coordinator.locator(".error-summary")).to_be_focused()
        coordinator.get_by_label("Note: what you checked").first.fill("NPPES record and MA license match")
        coordinator.get_by_role("button", name="Verify Nadia Khoury").click()
        # a confirming step says what verifying does
        expect(coordinator.get_by_role("heading", level=1)).to_have_text("Verify Nadia Khoury?")
        accessible(coordinator)
        coordinator.get_by_role("button", name="Yes, verify Nadia Khoury").click()
        expect(coordinator.get_by_role("status")).to_contain_text("Nadia Khoury is now verified")

        # she joins with the reference number; a typo is caught first
        doctor.goto("/cases/join")
        accessible(doctor)
        typo = reference[:-1] + str((int(reference[-1]) + 1) % 10)
        doctor.get_by_label("Reference number").fill(typo)
        doctor.get_by_role("button", name="Find the request").click()
        expect(doctor.locator("#reference-error")).to_contain_text("last digit does not match")
        doctor.get_by_label("Reference number").fill(reference)
        doctor.get_by_role("button", name="Find the request").click()
        expect(doctor.get_by_role("main")).to_contain_text("Margaret Ellis")
        expect(doctor.get_by_role("main")).to_contain_text("Are my headaches migraines")
        accessible(doctor)
        doctor.get_by_label("I am this patient's treating physician and I request this consultation").check()
        doctor.get_by_label("Clinical history").fill("Episodic unilateral headaches for 2 years, no red flags on exam.")
        doctor.get_by_label("Your clinical question for the specialist").fill("Is imaging indicated, and is preventive therapy advisable?")
        doctor.get_by_label("Materials you will send").fill("Clinic notes 2024-2026; headache diary")
        doctor.get_by_role("button", name="Confirm the request").click()
        expect(doctor.get_by_role("status")).to_contain_text("you have confirmed the request")
        accessible(doctor)

        # the patient sees the timeline
        patient.goto("/account")
        patient.get_by_role("link", name=reference).click()
        expect(patient.get_by_role("main")).to_contain_text("Confirmed by the treating physician")
        timeline = patient.locator(".timeline")
        expect(timeline).to_contain_text("Nadia Khoury (Treating physician)")
        expect(timeline.locator("li")).to_have_count(2)
        accessible(patient)
    finally:
        for context in contexts:
            context.close()


def test_a_declined_request_lets_the_patient_name_another_physician(page, accessible):
    sign_in(page, "margaret.ellis@example.org")
    row = page.get_by_role("row", name=re.compile("Dermatology"))
    row.get_by_role("link").click()
    expect(page.get_by_role("heading", name="Your physician did not confirm")).to_be_visible()
    accessible(page)
    page.get_by_role("button", name="Invite this physician").click()
    expect(page.locator("#physicianEmail-error")).to_be_visible()
    page.get_by_label("Your treating physician's name").fill("Dr. Ana Lopez")
    page.get_by_label("Your physician's email address").fill("ana.lopez@example.org")
    page.get_by_role("button", name="Invite this physician").click()
    expect(page.get_by_role("status")).to_contain_text("We have invited Dr. Ana Lopez")
    expect(page.get_by_role("main")).to_contain_text("Waiting for your physician to confirm")
