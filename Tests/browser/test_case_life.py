"""The whole life of a case across five browser sessions: a patient registers and opens it; the
physician confirms and sends a record; the coordinator starts the review and assigns; the
consultant writes and signs, and releases; the physician reads and asks a follow-up; the
consultant answers; the patient reads the courtesy copy. axe-core checks every page."""
import html
import io
import re
import subprocess
import unicodedata

from playwright.sync_api import expect
from pypdf import PdfReader

from case_steps import (consultant_fills, consultant_releases, consultant_signs, coordinator_starts_review_and_assigns,
                        physician_confirms_and_sends)
from conftest import sign_in
from test_registration import fill_account, fill_contact, fill_patient, sign_agreement


def test_the_life_of_a_case(chromium, server, mail, tmp_path, accessible):
    contexts = []

    def session():
        context = chromium.new_context(base_url=server.url)
        contexts.append(context)
        return context.new_page()

    try:
        # 1. the patient registers, confirms the email and opens a cardiology request naming Dr Reyes
        patient = session()
        patient.goto("/register")
        patient.get_by_label("Myself: I am the patient").check()
        fill_patient(patient, first="Harold", last="Whitfield", day="8", month="2", year="1946")
        patient.get_by_role("button", name="Continue").click()
        sign_agreement(patient, "Harold Whitfield")
        fill_account(patient, "harold.whitfield@example.org")
        fill_contact(patient)
        patient.goto(mail.wait_for_link("harold.whitfield@example.org", "/verify-email"))
        patient.get_by_role("button", name="Confirm my email address").click()
        patient.get_by_role("link", name="Ask for a second opinion").click()
        patient.get_by_label("Kind of specialist").select_option(label="Cardiology")
        patient.get_by_label("Your question, in your own words").fill("Should my leaking mitral valve be repaired now or watched?")
        patient.get_by_label("Your treating physician's name").fill("Dr. Samuel Reyes")
        patient.get_by_label("Your physician's email address").fill("samuel.reyes@example.org")
        patient.get_by_role("button", name="Send my request").click()
        reference = re.search(r"(\d{3} \d{3} \d{4})", patient.get_by_role("status").inner_text()).group(1)
        accessible(patient)

        # 2. the physician joins, confirms and sends a record
        physician = session()
        sign_in(physician, "samuel.reyes@example.org")
        physician_confirms_and_sends(physician, reference, tmp_path, accessible)

        # 3. the coordinator starts the review and assigns the cardiologist
        coordinator = session()
        sign_in(coordinator, "miguel.santos@example.org")
        coordinator_starts_review_and_assigns(coordinator, reference, "Whitfield", accessible)

        # 4. the consultant writes, signs and releases
        consultant = session()
        sign_in(consultant, "helen.park@example.org")
        consultant.get_by_role("link", name=reference).click()
        consultant.get_by_role("link", name="Consultation report").click()
        accessible(consultant)
        long_opinion = "Repair is reasonable given a high likelihood of durable repair.\n\n" + "\n\n".join(
            f"Point {n}: the echocardiogram shows preserved ventricular function and no pulmonary hypertension." for n in range(1, 61))
        consultant_fills(consultant, long_opinion,
                         "Considering the echocardiographic documentation, surgical mitral valve repair constitutes the preferable "
                         "intervention, notwithstanding procedural considerations.")
        consultant.get_by_role("button", name="Save the draft").click()
        expect(consultant.get_by_role("status")).to_contain_text("Your draft is saved")
        # the summary's reading grade, measured and advised on beside the field
        expect(consultant.locator("#patientSummary-grade")).to_contain_text("We advise grade 8 or below")
        plain = "Your heart valve leaks. Surgery to repair it soon is the best choice. Ask your doctor when."
        consultant.get_by_label("Summary", exact=True).fill(plain)
        consultant.get_by_role("button", name="Save the draft").click()
        expect(consultant.locator("#patientSummary-grade")).to_contain_text("plain enough for most patients")
        consultant_signs(consultant)
        consultant_releases(consultant, accessible)

        # 5. the physician reads it and asks a follow-up; the consultant answers
        physician.goto("/account")
        physician.get_by_role("link", name=reference).click()
        physician.get_by_role("link", name="Consultation report").click()
        expect(physician.get_by_role("main")).to_contain_text("Repair is reasonable")
        # printed, every page carries the institution, the request, the patient and the signature
        physician.emulate_media(media="print")
        printed_pdf = physician.pdf(format="Letter")
        pdf = PdfReader(io.BytesIO(printed_pdf))
        physician.emulate_media(media="screen")
        assert len(pdf.pages) >= 2, "the long report should span pages"
        # where each printed word lands: the running header takes its own space on every page, so
        # no word is drawn over another (a heading under the header would be, and be unreadable)
        words = printed_words(printed_pdf, tmp_path)
        assert any(w.text == "Recommendations" for w in words), "the Recommendations heading is printed"
        for page_number in {w.page for w in words}:
            on_page = [w for w in words if w.page == page_number]
            header = [w for w in on_page if w.top < min(x.top for x in on_page) + 1]
            assert header and header[0].text == "Example", f"page {page_number} starts with the running header"
            for i, a in enumerate(on_page):
                for b in on_page[i + 1:]:
                    assert not a.overlaps(b), f"page {page_number}: {a.text!r} is printed over {b.text!r}"
        for number, printed in enumerate(pdf.pages, start=1):
            # NFKC undoes typographic ligatures ("ﬁ") in the extracted text
            text = " ".join(unicodedata.normalize("NFKC", printed.extract_text()).split())
            for expected in ["Example Health Network", reference, "Harold Whitfield", "Dr. Helen Park, signed"]:
                assert expected in text, f"page {number} lacks {expected!r}"
        physician.get_by_label("Ask the consultant a follow-up question").fill("Is anticoagulation needed after repair?")
        physician.get_by_role("button", name="Send the question").click()
        expect(physician.get_by_role("status")).to_contain_text("Your question has been sent")
        accessible(physician)
        consultant.reload()
        consultant.get_by_label("This addendum answers").select_option(label="Is anticoagulation needed after repair?")
        consultant.get_by_label("Addendum text").fill("Warfarin for three months after repair, then aspirin.")
        consultant.get_by_label("Your password, to sign").fill("Demo-visit-2026!")
        consultant.get_by_role("button", name="Sign the addendum").click()
        expect(consultant.get_by_role("status")).to_contain_text("Your addendum is signed")

        # 6. the patient reads the courtesy copy, with the answer beneath it
        patient.goto("/account")
        patient.get_by_role("link", name=reference).click()
        expect(patient.get_by_role("main")).to_contain_text("Report released")
        patient.get_by_role("link", name="Consultation report").click()
        expect(patient.get_by_role("main")).to_contain_text("Repair is reasonable")
        expect(patient.get_by_role("main")).to_contain_text("Warfarin for three months")
        expect(patient.get_by_role("main")).to_contain_text("Electronically signed by Dr. Helen Park")
        # the courtesy copy opens with the summary written for the patient, above the clinical report
        summary = patient.get_by_role("heading", name="Summary for you")
        records = patient.get_by_role("heading", name="Records reviewed")
        assert summary.bounding_box()["y"] < records.bounding_box()["y"]
        expect(patient.locator(".patient-summary")).to_contain_text("Surgery to repair it soon is the best choice.")
        accessible(patient)
    finally:
        for context in contexts:
            context.close()


class PrintedWord:
    def __init__(self, page, text, left, top, right, bottom):
        self.page, self.text, self.left, self.top, self.right, self.bottom = page, text, left, top, right, bottom

    def overlaps(self, other, slack=0.5):
        return (self.left + slack < other.right and other.left + slack < self.right
                and self.top + slack < other.bottom and other.top + slack < self.bottom)


def printed_words(pdf_bytes, folder):
    """Every word of a PDF with its page and box, as poppler's pdftotext -bbox reads them."""
    source, boxes = folder / "printed.pdf", folder / "printed.html"
    source.write_bytes(pdf_bytes)
    subprocess.run(["pdftotext", "-bbox", str(source), str(boxes)], check=True)
    words = []
    for number, page in enumerate(re.findall(r"<page.*?</page>", boxes.read_text(), re.S), start=1):
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page):
            words.append(PrintedWord(number, html.unescape(m.group(5)), *map(float, m.group(1, 2, 3, 4))))
    return words
