"""A consultant's draft saves itself while they type (JavaScript), and a second tab's older
copy is told it cannot overwrite it."""
import re

from playwright.sync_api import expect

from conftest import sign_in


def open_assigned_report(page):
    sign_in(page, "helen.park@example.org")
    page.get_by_role("row", name=re.compile("Assigned to a consultant")).first.get_by_role("link").click()
    page.get_by_role("link", name="Consultation report").click()


def test_the_draft_saves_itself(chromium, server, accessible):
    context = chromium.new_context(base_url=server.url)
    page = context.new_page()
    try:
        page.clock.install()
        open_assigned_report(page)
        accessible(page)
        page.get_by_label("Opinion").fill("Apixaban 2.5 mg twice daily is appropriate at this kidney function.")
        page.clock.run_for(31_000)
        expect(page.get_by_text(re.compile("Draft saved automatically"))).to_be_visible()
        page.reload()
        expect(page.get_by_label("Opinion")).to_have_value("Apixaban 2.5 mg twice daily is appropriate at this kidney function.")

        # a second tab still holding the previous version cannot overwrite the newer draft
        stale = context.new_page()
        stale.goto(page.url)
        page.get_by_label("Recommendations").fill("Check kidney function every 3 months.")
        page.get_by_role("button", name="Save the draft").click()
        expect(page.get_by_role("status")).to_contain_text("Your draft is saved")
        stale.get_by_label("Opinion").fill("Something else entirely.")
        stale.get_by_role("button", name="Save the draft").click()
        expect(stale.get_by_role("alert")).to_contain_text("saved from another window")
        expect(stale.get_by_label("Opinion")).to_have_value("Something else entirely.")
        accessible(stale)
    finally:
        context.close()
