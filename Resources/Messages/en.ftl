# Consilium's words in English (United States), in Project Fluent's syntax
# (https://projectfluent.org/). es.ftl holds the same messages in Spanish; a test fails
# when a message or a placeholder is in one file and not the other.
# Messages are plain text: the templates keep the markup. Placeholders are named: { $name }.

## Every page

skip-to-content = Skip to main content
account-nav-label = Your account
signed-in-as = Signed in as { $name } ({ $role })
your-account = Your account
sign-out = Sign out
sign-in = Sign in
language-switch-label = Language
footer-questions = Questions? Call us at { $phone }.
footer-service-of = { $service } is a service of { $institution }.
footer-links-label = About the service
footer-questions-link = Questions and contact
footer-terms-link = Terms of Use
footer-privacy-link = Privacy notice
footer-development-mailbox = Development mailbox
footer-development-only = (development only)
error-summary-title = There is a problem

## Roles, as a person's own role is named to them

role-patient = Patient
role-family-member = Family member
role-treating-physician = Treating physician
role-consultant = Consultant
role-coordinator = Coordinator
role-administrator = Administrator

## Home page

home-title = A second opinion from our specialists
home-heading = A second opinion from our specialists, without travelling
home-lead = { $service } lets you and your own doctor ask one of the specialists of { $institution } for a written opinion on your diagnosis or treatment.
home-how-heading = How it works
home-step-register-title = Register.
home-step-register = You, or a family member acting for you, create an account and sign the patient agreement.
home-step-ask-title = Ask with your doctor.
home-step-ask = Your treating physician confirms the request and sends us your medical records.
home-step-review-title = A specialist reviews your case.
home-step-review = { $days ->
        [one] One of our specialists studies your records and writes an opinion, usually within one day of receiving complete records.
       *[other] One of our specialists studies your records and writes an opinion, usually within { $days } days of receiving complete records.
    }
home-step-explain-title = Your doctor explains it.
home-step-explain = The report goes to your doctor, who talks it through with you. You also receive a courtesy copy unless you ask us not to send one.
home-good-to-know = Good to know
home-paper-consultation = This is a consultation on paper: the specialist does not examine you in person. You can always choose an in-person visit at one of our hospitals instead.
home-not-everywhere = The service is not available in every U.S. state or country. We tell you right away if we cannot take your case.
home-private = Your medical information is kept private and seen only by the people working on your case.
home-register-button = Register as a patient or family member
home-physician-question = Are you a treating physician?
home-physician-register = Register as a physician
home-physician-why = to confirm your patients' requests and receive the specialists' reports.
home-questions-before = Questions before you start? Call us at { $phone }.

## Sign in

signin-title = Sign in
signin-expired = For your security you were signed out after a period of inactivity. Please sign in again.
signin-signed-out = You have signed out.
signin-email = Email address
signin-password = Password
signin-button = Sign in
signin-forgot = Forgot your password?
signin-new-here = New here?
signin-register-link = Register as a patient or family member
signin-physician = Are you a treating physician?
signin-physician-link = Register as a physician
signin-error-title = Error: Sign in
signin-missing = Enter your email address and your password.
signin-failed = The email address or password is not correct.
signin-inactive = This account is not active. Please call us if you need help.

## Error pages

error-400-heading = We could not understand that request
error-400-explanation = Something in the request was not in the form we expected. Please go back and try again.
error-403-heading = This form has expired
error-403-explanation = For your security, forms stop working after a while or when opened from another site. Please go back, reload the page and try again.
error-404-heading = Page not found
error-404-explanation = We could not find the page you asked for. It may have moved, or the address may be mistyped.
error-413-heading = That was too large
error-413-explanation = What you sent is larger than we accept. Please send something smaller, or call us for help.
error-429-heading = Too many attempts
error-429-explanation = For your security we have paused further attempts for a little while. Please wait a few minutes and try again.
error-503-heading = We are very busy just now
error-503-explanation = Many people are using the service at this moment, so we could not answer in time. Nothing was lost. Please try again in a few seconds.
error-500-heading = Something went wrong on our side
error-500-explanation = We are sorry: we could not complete your request. Nothing you entered has been lost from your account. Please try again in a moment.
error-other-heading = We could not complete that request
error-other-explanation = Please go back and try again.
error-help = If you need help, call us at { $phone }.
error-home-link = Go to the home page
error-code = Error { $code }

## Forgotten password

forgot-title = Forgot your password?
forgot-error-title = Error: Forgot your password?
forgot-explanation = Enter the email address you use to sign in. If it belongs to an account, we will email you a link to choose a new password.
forgot-button = Send me a link
forgot-email-invalid = Enter the email address you use to sign in, like name@example.com.
back-to-sign-in = Back to sign in
reset-sent-title = Check your email
reset-sent-explanation = If an account uses the address you entered, we have sent it a link to choose a new password. The link works once and expires in one hour.
reset-sent-nothing-arrived = Nothing arrived after a few minutes? Check your spam folder, or call us at { $phone }.
