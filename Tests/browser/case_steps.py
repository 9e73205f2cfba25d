"""The steps of a case that several tests click through: the physician joins a request and sends
a record, the coordinator starts the review and assigns the cardiologist, the consultant signs
and releases. Each takes a signed-in page and `check`, run on the pages a person reads
(axe-core in the tests)."""
from playwright.sync_api import expect

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def physician_confirms_and_sends(physician, reference, folder, check, file_name="echo-report.pdf", contents=PDF):
    physician.get_by_role("link", name="Join a patient's request").click()
    physician.get_by_label("Reference number").fill(reference)
    physician.get_by_role("button", name="Find the request").click()
    physician.get_by_label("I am this patient's treating physician and I request this consultation").check()
    physician.get_by_label("Clinical history").fill("80-year-old man, moderate-to-severe mitral regurgitation, NYHA I.")
    physician.get_by_label("Your clinical question for the specialist").fill("Early repair or surveillance?")
    physician.get_by_label("Materials you will send").fill("Echo report")
    physician.get_by_role("button", name="Confirm the request").click()
    physician.get_by_role("link", name="Medical records").click()
    record = folder / file_name
    record.write_bytes(contents)
    physician.get_by_label("Files").set_input_files(str(record))
    physician.get_by_role("button", name="Send the files").click()
    expect(physician.get_by_text(file_name, exact=True)).to_be_visible(timeout=15000)
    check(physician)


def coordinator_starts_review_and_assigns(coordinator, reference, patient_name, check):
    coordinator.get_by_role("link", name="Case queue").click()
    coordinator.get_by_label("Reference number or patient name").fill(patient_name)
    coordinator.get_by_role("button", name="Show cases").click()
    check(coordinator)
    coordinator.get_by_role("link", name=reference).click()
    coordinator.get_by_role("button", name="Records are complete: start the review").click()
    expect(coordinator.get_by_role("status")).to_contain_text("turnaround clock has started")
    consultants = coordinator.get_by_label("Consultant of this specialty")
    consultants.select_option(value=consultants.locator("option", has_text="Dr. Helen Park").get_attribute("value"))
    coordinator.get_by_role("button", name="Assign this consultant").click()
    expect(coordinator.get_by_role("main")).to_contain_text("Assigned to a consultant")
    check(coordinator)


def consultant_fills(consultant, opinion, summary, record_name="echo-report.pdf"):
    """Fills the report of the case open in `consultant`."""
    consultant.get_by_label(record_name).check()
    consultant.get_by_label("Summary of the history").fill("Asymptomatic moderate-to-severe primary mitral regurgitation.")
    consultant.get_by_label("Opinion").fill(opinion)
    consultant.get_by_label("Recommendations").fill("Refer to a valve centre; repeat echo in 6 months if deferred.")
    consultant.get_by_label("Answers to the questions asked").fill("Early repair, if durable repair is likely.")
    consultant.get_by_label("Summary", exact=True).fill(summary)


def consultant_signs(consultant):
    consultant.get_by_label("Your password, to sign").fill("Demo-visit-2026!")
    consultant.get_by_role("button", name="Save and sign the report").click()
    expect(consultant.get_by_role("status")).to_contain_text("The report is signed")


def consultant_releases(consultant, check):
    consultant.get_by_role("button", name="Release the report").click()
    expect(consultant.get_by_role("heading", level=1)).to_contain_text("Release the report on request")
    check(consultant)
    consultant.get_by_role("button", name="Yes, release the report").click()
    expect(consultant.get_by_role("status")).to_contain_text("The report is released")
    check(consultant)
