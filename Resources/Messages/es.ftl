# Las palabras de Consilium en español (Estados Unidos), en la sintaxis de Project Fluent
# (https://projectfluent.org/). Escrito para pacientes y sus familias: frases cortas, trato de
# usted, sin siglas. en.ftl tiene los mismos mensajes en inglés.

## Todas las páginas

skip-to-content = Ir al contenido principal
account-nav-label = Su cuenta
signed-in-as = Ha iniciado sesión como { $name } ({ $role })
your-account = Su cuenta
sign-out = Cerrar sesión
sign-in = Iniciar sesión
language-switch-label = Idioma
footer-questions = ¿Tiene preguntas? Llámenos al { $phone }.
footer-service-of = { $service } es un servicio de { $institution }.
footer-links-label = Sobre el servicio
footer-questions-link = Preguntas y contacto
footer-terms-link = Condiciones de uso
footer-privacy-link = Aviso de privacidad
footer-development-mailbox = Buzón de desarrollo
footer-development-only = (solo en desarrollo)
error-summary-title = Hay un problema

## Funciones, tal como se le nombra a cada persona la suya

role-patient = Paciente
role-family-member = Familiar
role-treating-physician = Médico tratante
role-consultant = Especialista consultor
role-coordinator = Coordinador
role-administrator = Administrador

## Página de inicio

home-title = Una segunda opinión de nuestros especialistas
home-heading = Una segunda opinión de nuestros especialistas, sin tener que viajar
home-lead = Con { $service }, usted y su propio médico pueden pedir a uno de los especialistas de { $institution } una opinión por escrito sobre su diagnóstico o su tratamiento.
home-how-heading = Cómo funciona
home-step-register-title = Regístrese.
home-step-register = Usted, o un familiar que actúe en su nombre, crea una cuenta y firma el acuerdo del paciente.
home-step-ask-title = Haga la solicitud con su médico.
home-step-ask = Su médico tratante confirma la solicitud y nos envía sus expedientes médicos.
home-step-review-title = Un especialista revisa su caso.
home-step-review = { $days ->
        [one] Uno de nuestros especialistas estudia sus expedientes y escribe una opinión, por lo general en un día a partir de recibir los expedientes completos.
        [many] Uno de nuestros especialistas estudia sus expedientes y escribe una opinión, por lo general en { $days } de días a partir de recibir los expedientes completos.
       *[other] Uno de nuestros especialistas estudia sus expedientes y escribe una opinión, por lo general en { $days } días a partir de recibir los expedientes completos.
    }
home-step-explain-title = Su médico se lo explica.
home-step-explain = El informe se envía a su médico, quien lo revisa con usted. Usted también recibe una copia de cortesía, a menos que nos pida no enviarla.
home-good-to-know = Es bueno saber
home-paper-consultation = Es una consulta basada en sus expedientes: el especialista no lo examina en persona. Si lo prefiere, siempre puede pedir una cita en persona en uno de nuestros hospitales.
home-not-everywhere = El servicio no está disponible en todos los estados de EE. UU. ni en todos los países. Si no podemos aceptar su caso, se lo decimos enseguida.
home-private = Su información médica se mantiene privada. Solo la ven las personas que trabajan en su caso.
home-register-button = Registrarse como paciente o familiar
home-physician-question = ¿Es usted el médico tratante?
home-physician-register = Regístrese como médico
home-physician-why = para confirmar las solicitudes de sus pacientes y recibir los informes de los especialistas.
home-questions-before = ¿Tiene preguntas antes de empezar? Llámenos al { $phone }.

## Iniciar sesión

signin-title = Iniciar sesión
signin-expired = Por su seguridad, cerramos su sesión después de un tiempo sin actividad. Vuelva a iniciar sesión, por favor.
signin-signed-out = Ha cerrado la sesión.
signin-email = Correo electrónico
signin-password = Contraseña
signin-button = Iniciar sesión
signin-forgot = ¿Olvidó su contraseña?
signin-new-here = ¿Es la primera vez?
signin-register-link = Regístrese como paciente o familiar
signin-physician = ¿Es usted el médico tratante?
signin-physician-link = Regístrese como médico
signin-error-title = Error: Iniciar sesión
signin-missing = Escriba su correo electrónico y su contraseña.
signin-failed = El correo electrónico o la contraseña no son correctos.
signin-inactive = Esta cuenta no está activa. Si necesita ayuda, llámenos, por favor.

## Páginas de error

error-400-heading = No pudimos entender esa solicitud
error-400-explanation = Algo en la solicitud no tenía la forma que esperábamos. Regrese e inténtelo de nuevo, por favor.
error-403-heading = Este formulario ya no es válido
error-403-explanation = Por su seguridad, los formularios dejan de funcionar después de un tiempo o si se abren desde otro sitio. Regrese, vuelva a cargar la página e inténtelo de nuevo, por favor.
error-404-heading = No encontramos la página
error-404-explanation = No pudimos encontrar la página que pidió. Puede que se haya movido o que la dirección tenga un error.
error-413-heading = Es demasiado grande
error-413-explanation = Lo que envió es más grande de lo que aceptamos. Envíe algo más pequeño o llámenos para recibir ayuda, por favor.
error-429-heading = Demasiados intentos
error-429-explanation = Por su seguridad, pausamos los intentos durante un rato. Espere unos minutos y vuelva a intentarlo, por favor.
error-503-heading = En este momento estamos muy ocupados
error-503-explanation = Muchas personas están usando el servicio en este momento y no pudimos responder a tiempo. No se perdió nada. Vuelva a intentarlo en unos segundos, por favor.
error-500-heading = Algo salió mal de nuestro lado
error-500-explanation = Lo sentimos: no pudimos completar su solicitud. No se perdió nada de lo que escribió en su cuenta. Vuelva a intentarlo en un momento, por favor.
error-other-heading = No pudimos completar esa solicitud
error-other-explanation = Regrese e inténtelo de nuevo, por favor.
error-help = Si necesita ayuda, llámenos al { $phone }.
error-home-link = Ir a la página de inicio
error-code = Error { $code }
error-reference = Si nos llama por esto, indique este número: { $id }

## Contraseña olvidada

forgot-title = ¿Olvidó su contraseña?
forgot-error-title = Error: ¿Olvidó su contraseña?
forgot-explanation = Escriba el correo electrónico que usa para iniciar sesión. Si pertenece a una cuenta, le enviaremos un enlace para elegir una contraseña nueva.
forgot-button = Enviarme un enlace
forgot-email-invalid = Escriba el correo electrónico que usa para iniciar sesión, por ejemplo nombre@ejemplo.com.
back-to-sign-in = Volver a iniciar sesión
reset-sent-title = Revise su correo electrónico
reset-sent-explanation = Si alguna cuenta usa la dirección que escribió, le enviamos un enlace para elegir una contraseña nueva. El enlace funciona una sola vez y vence en una hora.
reset-sent-nothing-arrived = ¿No le llegó nada después de unos minutos? Revise su carpeta de correo no deseado o llámenos al { $phone }.

## Palabras de todos los formularios

error-prefix = Error:
select-prompt = Elija una opción
continue = Continuar
back = Volver
all-fields-required = Todos los campos son obligatorios.
nothing-kept = No hemos guardado nada de lo que escribió.
instead-heading = Lo que puede hacer en su lugar
back-to-home = Volver a la página principal
date-day = Día
date-month = Mes
date-year = Año

## Inscripción: los pasos

wizard-step-count = Paso { $number } de { $total }
wizard-steps-label = Pasos de la inscripción
wizard-step-done = (completado)
wizard-page-title = Paso { $number } de { $total }: { $step }
add-patient-page-title = Agregar un paciente: paso { $number } de { $total }
reg-step-personal = Datos personales
reg-step-agreement = Acuerdo y autorización del paciente
reg-step-account = Datos de la cuenta
reg-step-contact = Datos de contacto
registration-help = ¿Tiene preguntas? Lea { $questions } o llámenos al { $phone }.
registration-help-questions-link = las preguntas y respuestas
terms-link-text = Condiciones de uso (versión { $version })

## Inscripción, paso 1: el paciente

reg-personal-heading = Datos personales
reg-expired = Su sesión de inscripción venció. Para proteger su privacidad, borramos lo que había escrito. Por favor, empiece de nuevo.
reg-location-callout = Nuestro servicio no está disponible en todos los estados de los EE. UU. ni en todos los países. Cuando escriba dónde vive el paciente, le diremos enseguida si no podemos aceptar el caso.
reg-about-patient = Sobre el paciente
reg-birth-legend = Fecha de nacimiento del paciente
reg-birth-hint = Por ejemplo: 27 3 1957.
reg-about-you-if-family = Si usted es un familiar: sobre usted
reg-about-you = Sobre usted
reg-where-patient-lives = Dónde vive el paciente
reg-who-is-registering = ¿Quién hace la inscripción?
reg-patient-first-name = Nombre del paciente
reg-patient-last-name = Apellido del paciente
reg-sex = Sexo del paciente
reg-sex-hint = Como figura en los registros de sus médicos.
reg-your-first-name = Su nombre
reg-your-last-name = Su apellido
reg-relationship = Su parentesco con el paciente
reg-authority = Su autorización para actuar por el paciente
reg-authority-hint = Solo el padre, la madre o el tutor legal puede inscribir a un paciente menor de { $age } años.
reg-country = País donde vive el paciente
reg-state = Estado (si el paciente vive en los Estados Unidos)
sex-female = Femenino
sex-male = Masculino
sex-other = Otro
sex-unknown = No se sabe, o prefiere no decirlo
registrant-self = Yo mismo: soy el paciente
registrant-family = Un familiar: actúo por el paciente
relationship-parent = Padre o madre
relationship-spouse_or_partner = Cónyuge o pareja
relationship-adult_child = Hijo o hija
relationship-sibling = Hermano o hermana
relationship-other_relative = Otro familiar
relationship-legal_guardian = Tutor legal (no es familiar)
authority-parent_of_minor = Padre o madre de un paciente menor de 18 años
authority-legal_guardian = Tutor legal
authority-health_care_proxy = Representante para decisiones médicas o apoderado
authority-family_with_permission = Familiar que actúa con el permiso del paciente
authority-as-their-parent_of_minor = padre o madre
authority-as-their-legal_guardian = tutor legal
authority-as-their-health_care_proxy = representante para decisiones médicas o apoderado
authority-as-their-family_with_permission = familiar, con su permiso
registration-error-country = Elija el país donde vive el paciente.
registration-error-state = Elija el estado donde vive el paciente.
registration-error-registrant = Indique si usted es el paciente o un familiar.
registration-error-birth-future = La fecha de nacimiento tiene que ser una fecha pasada.
registration-error-birth-too-old = Revise el año de nacimiento: es de hace más de { $years } años.
registration-error-birth-incomplete = Escriba la fecha de nacimiento del paciente: día, mes y año.
registration-error-birth-invalid = Escriba una fecha de nacimiento que exista, por ejemplo 27 3 1957.
registration-error-sex = Elija el sexo del paciente.
registration-error-relationship = Elija su parentesco con el paciente.
registration-error-authority = Elija la autorización con la que actúa por el paciente.
registration-error-minor-authority = Solo el padre, la madre o el tutor legal puede inscribir a un paciente menor de { $age } años.
registration-error-minor-self = Un paciente menor de { $age } años tiene que ser inscrito por su padre, su madre o su tutor legal. Pídales que hagan la inscripción por usted.
name-empty-patientFirstName = Escriba el nombre del paciente.
name-empty-patientLastName = Escriba el apellido del paciente.
name-empty-proxyFirstName = Escriba su nombre.
name-empty-proxyLastName = Escriba su apellido.
name-too-long-patientFirstName = Acorte el nombre del paciente a { $max } caracteres.
name-too-long-patientLastName = Acorte el apellido del paciente a { $max } caracteres.
name-too-long-proxyFirstName = Acorte su nombre a { $max } caracteres.
name-too-long-proxyLastName = Acorte su apellido a { $max } caracteres.
name-characters-patientFirstName = Use solo letras, espacios, guiones y apóstrofos en el nombre del paciente.
name-characters-patientLastName = Use solo letras, espacios, guiones y apóstrofos en el apellido del paciente.
name-characters-proxyFirstName = Use solo letras, espacios, guiones y apóstrofos en su nombre.
name-characters-proxyLastName = Use solo letras, espacios, guiones y apóstrofos en su apellido.

## Inscripción, paso 2: el acuerdo

agreement-title = Acuerdo y autorización del paciente
agreement-read-intro = Por favor, lea todo el acuerdo. Explica lo que la consulta puede hacer y lo que no, quién ve su información y lo que usted acepta.
agreement-includes-terms = Incluye nuestras { $terms }.
agreement-signing-for = Usted firma en nombre de { $patient }, como su { $authority }. Cuando el acuerdo dice “usted”, se refiere al paciente.
agreement-version-heading = Acuerdo y autorización del paciente, versión { $version }
agreement-not-translated = Le mostramos este acuerdo en inglés, que es la versión válida. Si quiere que un intérprete se lo lea, llámenos al { $phone }. No le cuesta nada.
agreement-your-acceptance = Su aceptación
agreement-tick = He leído este acuerdo y las Condiciones de uso, y los acepto
agreement-signature-label = Escriba su nombre completo para firmar
agreement-signature-hint = Escríbalo así: { $name }. Esta es su firma electrónica.
agreement-courtesy-legend = Copia de cortesía del informe
agreement-courtesy-hint = El informe se envía a su médico de cabecera. También podemos darle una copia a usted. Puede cambiar de opinión más adelante llamando al { $phone }.
agreement-courtesy-yes = Sí, quiero recibir una copia de cortesía del informe
agreement-accept-button = Acepto: continuar
agreement-decline-button = No acepto
agreement-error-tick = Marque la casilla para aceptar el acuerdo, o elija “No acepto”.
agreement-error-signature-empty = Escriba su nombre completo para firmar.
agreement-error-signature-mismatch = Escriba su nombre tal como lo dio: { $name }.

## Inscripción, paso 3: la cuenta

reg-account-heading = Datos de la cuenta
reg-email-hint = Usaremos esta dirección como la forma principal de comunicarnos con usted. No la daremos a nadie ni la usaremos para otra cosa.
reg-email-again = Repita el correo electrónico
reg-password-kept = Ya eligió una contraseña. Deje vacíos los dos campos de contraseña para conservarla.
reg-password-again = Repita la contraseña
password-rules-intro = Su contraseña necesita:
password-needs-length = Al menos { $min } caracteres, y como mucho { $max }.
password-needs-characters = Al menos una letra, un número y un carácter especial (cualquier cosa que no sea una letra ni un número; un espacio también vale).
password-needs-uncommon = No ser una contraseña común, ni contener su nombre o su correo electrónico.
password-rule-tooShort = Use al menos { $count } caracteres.
password-rule-tooLong = Use como mucho { $count } caracteres.
password-rule-noLetter = Incluya al menos una letra.
password-rule-noDigit = Incluya al menos un número.
password-rule-noSpecial = Incluya al menos un carácter especial, como ! # % o un espacio.
password-rule-common = Esta contraseña es muy común y fácil de adivinar. Elija otra.
password-rule-containsPersonalDetail = No use su nombre ni su correo electrónico en la contraseña.
account-error-email-empty = Escriba su correo electrónico.
account-error-email-form = Escriba un correo electrónico con la forma correcta, como nombre@ejemplo.com.
account-error-email-again = Escriba otra vez su correo electrónico.
account-error-email-mismatch = Los dos correos electrónicos no coinciden.
account-error-password-empty = Elija una contraseña.
account-error-password-mismatch = Las dos contraseñas no coinciden.

## Inscripción, paso 4: el contacto

reg-contact-heading = Datos de contacto
reg-postal-address = Su dirección postal
reg-finish-button = Terminar la inscripción
reg-agreement-changed = Mientras usted se inscribía, publicamos una nueva versión del acuerdo. Por favor, léala y acéptela; guardamos todo lo demás que escribió.
contact-address-line1 = Dirección, línea 1
contact-address-line2 = Dirección, línea 2 (opcional)
contact-city = Ciudad o pueblo
contact-region = Estado, provincia o región
contact-region-hint = En los Estados Unidos, el código de dos letras del estado, como MA.
contact-postal-code = Código postal (ZIP)
contact-country = País
contact-phone = Número de teléfono
contact-phone-hint = Un número de los EE. UU. como lo escribe siempre, por ejemplo (617) 555-0123. En otros países, empiece con + y el código del país.
contact-time = La mejor hora para llamarle (opcional)
contact-time-any = Cualquier hora
contact-time-morning = Por la mañana (de 8 a 12)
contact-time-afternoon = Por la tarde (de 12 a 5)
contact-time-evening = Al anochecer (de 5 a 8)
contact-error-addressLine1-empty = Escriba la primera línea de su dirección.
contact-error-city-empty = Escriba su ciudad o pueblo.
contact-error-region-empty = Escriba su estado, provincia o región.
contact-error-postalCode-empty = Escriba su código postal.
contact-error-too-long = Acórtelo a { $max } caracteres.
contact-error-country = Elija su país.
contact-error-us-state = Escriba un estado de los EE. UU., como MA o Massachusetts.
contact-error-zip = Escriba un código postal de 5 cifras, o de 5 y 4, como 02114 o 02114-2696.
contact-error-phone-empty = Escriba un número de teléfono.
contact-error-phone-country-code = Si el número no es de los Estados Unidos, empiece con + y el código del país, como +52 55 1234 5678.
contact-error-phone-us = Escriba un número de los EE. UU. de 10 cifras, como (617) 555-0123, o empiece con + y el código del país.
contact-error-phone-characters = Escriba el número de teléfono solo con cifras, espacios, ( ) - y un + al principio.
contact-error-time = Elija una hora de la lista.

## Inscripción: el final, y cuándo se detiene

check-email-heading = Revise su correo electrónico
check-email-lead = Para terminar, abra el mensaje que le acabamos de enviar a su correo electrónico y siga el enlace que contiene.
check-email-link = El enlace confirma que la dirección es suya y le abre la sesión. Funciona una sola vez y vence en 24 horas.
check-email-nothing-arrived = ¿No le llegó nada después de unos minutos? Revise la carpeta de correo no deseado. Si sigue sin encontrarlo, llámenos al { $phone }.
declined-heading = Usted no aceptó el acuerdo
declined-lead = Sin su aceptación del Acuerdo y autorización del paciente no podemos hacer una consulta en línea, así que su inscripción se detuvo aquí.
declined-instead = Siempre puede elegir una consulta en persona en uno de los hospitales o consultorios de { $institution }. Llámenos al { $phone } y le ayudaremos a organizarla, o a resolver cualquier duda sobre el acuerdo.
declined-start-again = Empezar de nuevo la inscripción
not-available-heading = No podemos aceptar este caso en línea
not-available-lead = Lo sentimos: nuestro servicio de segunda opinión en línea no está disponible donde vive el paciente, así que no podemos seguir con esta inscripción.
not-available-instead = Aún puede pedir una consulta en persona en uno de los hospitales o consultorios de { $institution }. Llámenos al { $phone } y le ayudaremos a organizarla.

## Una nueva versión del acuerdo, y otro paciente

accept-new-heading = Por favor, acepte el acuerdo actualizado
accept-new-lead = Actualizamos el Acuerdo y autorización del paciente. Antes de seguir, lea la versión { $version } y acéptela.
accept-new-applies-to = Su aceptación vale para: { $patients }.
accept-new-tick = He leído el acuerdo actualizado y las Condiciones de uso, y los acepto
accept-new-courtesy-legend = Copia de cortesía de los informes
accept-new-courtesy-yes = Sí, quiero recibir una copia de cortesía de los informes
accept-new-decline = Si no quiere aceptarlo, puede cerrar la sesión con el enlace de arriba y llamarnos al { $phone } para hablar de una consulta en persona.
accept-new-error-tick = Marque la casilla para aceptar la nueva versión, o cierre la sesión.
accept-new-error-signature = Escriba su nombre tal como figura en su cuenta: { $name }.
accept-new-signature-hint = Escríbalo así: { $name }.
accept-new-thanks = Gracias: aceptó la versión { $version } del acuerdo.
add-patient-added = Agregamos a { $name } a su cuenta.

## Estados y territorios de los EE. UU., como los nombran las listas

us-state-AL = Alabama
us-state-AK = Alaska
us-state-AS = Samoa Americana
us-state-AZ = Arizona
us-state-AR = Arkansas
us-state-CA = California
us-state-CO = Colorado
us-state-CT = Connecticut
us-state-DE = Delaware
us-state-DC = Distrito de Columbia
us-state-FL = Florida
us-state-GA = Georgia
us-state-GU = Guam
us-state-HI = Hawái
us-state-ID = Idaho
us-state-IL = Illinois
us-state-IN = Indiana
us-state-IA = Iowa
us-state-KS = Kansas
us-state-KY = Kentucky
us-state-LA = Luisiana
us-state-ME = Maine
us-state-MD = Maryland
us-state-MA = Massachusetts
us-state-MI = Míchigan
us-state-MN = Minnesota
us-state-MS = Mississippi
us-state-MO = Misuri
us-state-MT = Montana
us-state-NE = Nebraska
us-state-NV = Nevada
us-state-NH = Nuevo Hampshire
us-state-NJ = Nueva Jersey
us-state-NM = Nuevo México
us-state-NY = Nueva York
us-state-NC = Carolina del Norte
us-state-ND = Dakota del Norte
us-state-MP = Islas Marianas del Norte
us-state-OH = Ohio
us-state-OK = Oklahoma
us-state-OR = Oregón
us-state-PA = Pensilvania
us-state-PR = Puerto Rico
us-state-RI = Rhode Island
us-state-SC = Carolina del Sur
us-state-SD = Dakota del Sur
us-state-TN = Tennessee
us-state-TX = Texas
us-state-UT = Utah
us-state-VT = Vermont
us-state-VI = Islas Vírgenes de los EE. UU.
us-state-VA = Virginia
us-state-WA = Washington
us-state-WV = Virginia Occidental
us-state-WI = Wisconsin
us-state-WY = Wyoming

## Inscripción: el idioma del paciente

yes = Sí
no = No
reg-preferred-language = Idioma preferido del paciente
reg-preferred-language-hint = El idioma en el que el paciente se siente más cómodo para hablar de su salud.
reg-interpreter = ¿Necesita el paciente un intérprete cuando le llamemos por teléfono?
reg-interpreter-hint = Nuestros intérpretes son gratuitos, en cualquier idioma.
registration-error-language = Elija el idioma preferido del paciente.
registration-error-interpreter = Indique si el paciente necesita un intérprete cuando le llamemos por teléfono.
# idiomas cuyo nombre no da CLDR en español (spoken-language-<código ISO 639>)
spoken-language-ase = Lengua de señas americana
spoken-language-pdc = Alemán de Pensilvania

## Correo: cada aviso es una frase y un enlace, nunca información de salud

mail-hello = Hola:
mail-not-you = Si no fue usted, llámenos enseguida al { $phone }.
mail-verify-subject = Confirme su correo electrónico para { $service }
mail-verify-open = Por favor, confirme su correo electrónico abriendo este enlace:
mail-verify-after = El enlace funciona una sola vez y vence en 24 horas. Si usted no creó una cuenta en { $service }, puede ignorar este mensaje.
mail-reset-subject = Cambie su contraseña de { $service }
mail-reset-open = Alguien, probablemente usted, pidió cambiar la contraseña de su cuenta. Para elegir una contraseña nueva, abra este enlace:
mail-reset-after = El enlace funciona una sola vez y vence en una hora. Si usted no lo pidió, puede ignorar este mensaje: su contraseña no ha cambiado.
mail-invitation-subject = Le invitamos a { $service }
mail-invitation-invited = { $inviter } le invitó a unirse a { $service } como { $role }.
mail-invitation-open = Para aceptar, abra este enlace, elija su contraseña y configure el inicio de sesión en dos pasos con una aplicación de autenticación en su teléfono:
mail-invitation-after = El enlace funciona una sola vez y vence en 7 días. Si no esperaba esta invitación, puede ignorar este mensaje.
mail-two-factor-on-subject = Se activó el inicio de sesión en dos pasos en su cuenta de { $service }
mail-two-factor-on-sentence = Se acaba de activar el inicio de sesión en dos pasos en su cuenta: ahora, para entrar, también necesita un código de su aplicación de autenticación.
mail-two-factor-off-subject = Se desactivó el inicio de sesión en dos pasos en su cuenta de { $service }
mail-two-factor-off-sentence = Se acaba de desactivar el inicio de sesión en dos pasos en su cuenta: ahora basta con su contraseña para entrar.
mail-two-factor-reset-subject = Se restableció el inicio de sesión en dos pasos en su cuenta de { $service }
mail-two-factor-reset-sentence = A petición suya, se restableció el inicio de sesión en dos pasos de su cuenta: la próxima vez que entre, volverá a configurar su aplicación de autenticación, y se cerraron todas sus sesiones.
mail-two-factor-recovery-used-subject = Se usó un código de recuperación para entrar en su cuenta de { $service }
mail-two-factor-recovery-used-sentence = Alguien entró en su cuenta con uno de sus códigos de recuperación en lugar de un código de su aplicación de autenticación. { $left ->
        [one] Le queda { $left } de sus { $total } códigos.
        [many] Le quedan { $left } de sus { $total } códigos.
       *[other] Le quedan { $left } de sus { $total } códigos.
    }
mail-two-factor-recovery-renewed-subject = Se crearon nuevos códigos de recuperación para su cuenta de { $service }
mail-two-factor-recovery-renewed-sentence = Se crearon nuevos códigos de recuperación para su cuenta; los anteriores ya no funcionan.
mail-password-changed-subject = Se cambió su contraseña de { $service }
mail-password-changed-sentence = Se acaba de cambiar la contraseña de su cuenta, y se cerraron todas las demás sesiones que tenía abiertas.
mail-password-changed-not-you = Si no lo hizo usted, llámenos enseguida al { $phone }.
mail-attempt-subject = Alguien intentó inscribirse con su correo electrónico
mail-attempt-sentence = Alguien acaba de intentar crear una cuenta nueva en { $service } con este correo electrónico, que ya tiene una cuenta. No se creó ninguna cuenta nueva.
mail-attempt-sign-in = Si fue usted, puede iniciar sesión aquí:
mail-attempt-forgot = Si olvidó su contraseña, use “{ $forgot }” en esa página. Si no fue usted, puede ignorar este mensaje.
mail-physician-invited-subject = Un paciente le pidió que participe en una consulta de segunda opinión
mail-physician-invited-sentence = Uno de sus pacientes pidió una segunda opinión a través de { $service }, un servicio de { $institution }, y le nombró a usted como su médico de cabecera.
mail-physician-invited-open = Para ver la solicitud, inicie sesión (o inscríbase como médico de cabecera) con este enlace:
mail-physician-invited-after = El enlace funciona durante 30 días. Si usted no es el médico de este paciente, puede indicarlo después de iniciar sesión.
mail-case-updated-subject-patient = Hay novedades sobre su solicitud de segunda opinión
mail-case-updated-subject-physician = Hay novedades sobre una solicitud de segunda opinión de su paciente
mail-case-updated-sentence-patient = Hubo un cambio en su solicitud de segunda opinión. Inicie sesión para verlo:
mail-case-updated-sentence-physician = Hubo un cambio en una solicitud de segunda opinión de su paciente. Inicie sesión para verlo:
mail-follow-up-subject = Una pregunta de seguimiento sobre un informe que usted firmó
mail-follow-up-sentence = El médico de cabecera hizo una pregunta de seguimiento sobre un informe de consulta que usted firmó. Inicie sesión para leerla y responder con un anexo firmado:
mail-assigned-subject = Se le asignó un caso de segunda opinión
mail-assigned-sentence = Se le asignó un caso para revisar. Inicie sesión para verlo:
mail-report-ready-subject = El informe del especialista está listo
mail-report-ready-sentence = El informe del especialista sobre una solicitud de segunda opinión está listo. Inicie sesión para leerlo:
mail-physician-rejected-subject = No pudimos verificar su inscripción en { $service }
mail-physician-rejected-sentence = No pudimos verificar su inscripción como médico de cabecera, así que su cuenta no puede usarse para participar en consultas.
mail-physician-rejected-call = Si cree que es un error, llámenos al { $phone }.

## El acuerdo y las condiciones, y sus traducciones

terms-version-heading = Condiciones de uso, versión { $version }
document-version-line = Versión { $version }, publicada el { $date }.
agreement-translated = Esta es nuestra traducción al español. La versión en inglés es la que vale legalmente: si algo no coincide, se aplica el texto en inglés.

## El informe, como lo lee el paciente

report-summary-for-you = Resumen para usted
report-summary-written-by = Escrito por { $name }, el especialista consultor, en { $language }.
report-summary-translated = Traducido al { $language } por { $translator }. Agregado por { $coordinator } el { $date }. El original del especialista está arriba.

## En qué punto está una solicitud, como se le dice a cada lector

case-state-draft-patient = Borrador
case-state-draft-physician = Borrador
case-state-draft-staff = Borrador
case-state-submitted-patient = Esperando que su médico confirme
case-state-submitted-physician = Esperando que usted confirme
case-state-submitted-staff = Esperando que el médico de cabecera confirme
case-state-physician_confirmed-patient = Confirmada por el médico de cabecera
case-state-physician_confirmed-physician = Confirmada por el médico de cabecera
case-state-physician_confirmed-staff = Confirmada por el médico de cabecera
case-state-physician_declined-patient = El médico no confirmó
case-state-physician_declined-physician = Usted no confirmó
case-state-physician_declined-staff = El médico no confirmó
case-state-in_review-patient = Nuestros coordinadores la están revisando
case-state-in_review-physician = Nuestros coordinadores la están revisando
case-state-in_review-staff = En revisión
case-state-info_requested-patient = Se pidió más información
case-state-info_requested-physician = Se pidió más información
case-state-info_requested-staff = Se pidió más información
case-state-assigned-patient = Con un especialista
case-state-assigned-physician = Con un especialista
case-state-assigned-staff = Asignada a un consultor
case-state-report_drafted-patient = El informe se está terminando
case-state-report_drafted-physician = El informe se está terminando
case-state-report_drafted-staff = Informe redactado
case-state-released-patient = Informe entregado
case-state-released-physician = Informe entregado
case-state-released-staff = Informe entregado
case-state-closed-patient = Cerrada
case-state-closed-physician = Cerrada
case-state-closed-staff = Cerrada
case-state-withdrawn-patient = Retirada
case-state-withdrawn-physician = Retirada
case-state-withdrawn-staff = Retirada
case-state-declined-patient = No es adecuada para una opinión a distancia
case-state-declined-physician = No es adecuada para una opinión a distancia
case-state-declined-staff = No es adecuada para una opinión a distancia

## Confirmar el correo electrónico, y enlaces que ya no funcionan

verify-heading = Confirme su correo electrónico
verify-lead = Pulse el botón para confirmar que este correo electrónico es suyo. Después se abrirá su sesión.
verify-button = Confirmar mi correo electrónico
verify-confirmed = Gracias: su correo electrónico está confirmado.
verify-confirmed-sign-in = Gracias: su correo electrónico está confirmado. Por favor, inicie sesión.
verify-new-link-sent = Le enviamos un nuevo enlace de confirmación a { $email }.
link-expired-heading = Este enlace ya no funciona
link-expired-lead = Los enlaces que enviamos por correo funcionan una sola vez y por un tiempo limitado. Este ya se usó o ya venció.
link-expired-password = Para elegir una contraseña nueva, { $link }.
link-expired-ask-new = pida un enlace nuevo
link-expired-confirm = Para confirmar su correo electrónico, { $link } y pida un nuevo enlace de confirmación desde la página de su cuenta.
link-expired-sign-in = inicie sesión
link-expired-invitation = Si una invitación para unirse a nuestro personal venció, un administrador puede enviarla de nuevo.

## Su cuenta

dashboard-name = Nombre
dashboard-role = Función
dashboard-email-confirmed = Correo confirmado
dashboard-not-yet = Todavía no
dashboard-confirm-email = Por favor, confirme su correo electrónico: lo usamos para avisarle cuando pasa algo en su caso. Busque nuestro mensaje, o pida uno nuevo.
dashboard-new-link = Enviarme un nuevo enlace de confirmación
dashboard-physician-heading = Su inscripción como médico
dashboard-physician-status = Estado: { $status }.
dashboard-physician-once-verified = Podrá ver las solicitudes de sus pacientes cuando nuestros coordinadores hayan verificado sus datos.
physician-verified = Verificado
physician-not-verified = No verificado
physician-waiting = Esperando verificación
dashboard-waiting-heading = Solicitudes que esperan su confirmación
dashboard-waiting-lead = Estos pacientes le nombraron como su médico de cabecera. Confirme cada solicitud para participar, o indique que el paciente no es suyo.
dashboard-waiting-caption = Solicitudes que esperan su confirmación
column-reference = Referencia
column-patient = Paciente
column-specialty = Especialidad
column-asked-on = Pedida el
column-action = Acción
column-where-it-stands = En qué punto está
dashboard-review-confirm = Revisar y confirmar
dashboard-request-number = solicitud { $number }
dashboard-join = Unirse a la solicitud de un paciente
dashboard-administration = Administración
dashboard-administration-link = Configuración, acuerdo, personas y registro de auditoría
dashboard-coordination = Coordinación
dashboard-queue-link = Lista de casos
dashboard-physicians-link = Médicos por verificar
dashboard-ask = Pedir una segunda opinión
dashboard-requests = Solicitudes
dashboard-requests-caption = Solicitudes de segunda opinión
dashboard-patients-you-act-for = Pacientes por los que usted actúa
dashboard-your-registration = Su inscripción
dashboard-relationship = Parentesco
dashboard-relationship-you = Usted
dashboard-agreement-signed = Acuerdo firmado
dashboard-signed-version = { $version }, el { $date }, por { $name }
dashboard-version-number = Versión { $version }
dashboard-courtesy-copy = Copia de cortesía de los informes
dashboard-courtesy-declined = No, la rechazó
dashboard-add-patient = Agregar otro paciente
dashboard-contact-heading = Sus datos de contacto
dashboard-postal-address = Dirección postal
dashboard-telephone = Teléfono
dashboard-not-given = Todavía no lo dio
dashboard-change-contact = Cambiar sus datos de contacto
dashboard-security = Seguridad
dashboard-change-password = Cambiar su contraseña
dashboard-two-factor-on = El inicio de sesión en dos pasos está activado.
dashboard-two-factor-off = El inicio de sesión en dos pasos está desactivado.
dashboard-two-factor-settings = Códigos de recuperación y configuración
dashboard-two-factor-set-up = Configurar el inicio de sesión en dos pasos
contact-time-phrase-morning = mejor por la mañana, de 8 a 12
contact-time-phrase-afternoon = mejor por la tarde, de 12 a 5
contact-time-phrase-evening = mejor al anochecer, de 5 a 8
terms-title = Condiciones de uso

## Pedir una segunda opinión

request-lead = Cuéntenos qué quiere que revise un especialista y quién es su médico de cabecera. Su médico confirma la solicitud y nos envía sus documentos médicos.
request-who-for = ¿Para quién es la consulta?
request-specialty = Tipo de especialista
request-question = Su pregunta, con sus propias palabras
request-question-hint = Por ejemplo: ¿Es la cirugía el tratamiento adecuado para mí, o hay otras opciones?
request-diagnosis = Diagnóstico actual, si lo sabe (opcional)
request-treatments = Tratamientos y medicamentos actuales (opcional)
request-your-physician = Su médico de cabecera
request-physician-name = Nombre de su médico de cabecera
request-physician-email = Correo electrónico de su médico
request-physician-email-hint = Le enviamos a su médico un enlace para unirse. No contiene información de salud.
request-physician-npi = NPI de su médico (opcional)
request-physician-npi-hint = El Identificador Nacional de Proveedor de 10 cifras, si lo sabe.
request-send = Enviar mi solicitud
request-error-patient = Elija para quién es la consulta.
request-error-specialty = Elija el tipo de especialista cuya opinión quiere.
request-error-question = Escriba la pregunta que quiere que responda el especialista.
request-error-physician-name = Escriba el nombre de su médico de cabecera.
request-error-physician-email = Escriba el correo electrónico de su médico, como nombre@consultorio.org.
request-error-npi-check = La última cifra de este NPI no coincide con las demás: revíselo, o déjelo vacío.
request-error-npi-length = Un NPI tiene exactamente 10 cifras. Si no lo sabe, déjelo vacío.
request-error-answer = Escriba su respuesta antes de enviarla.
request-opened = Su solicitud está abierta. Su número de referencia es { $reference }.
request-physician-invited = Invitamos a { $name } a unirse a su solicitud.
request-answer-sent = Gracias: enviamos su respuesta a nuestros coordinadores.

## Una solicitud, como la leen el paciente y el médico

case-heading = Solicitud de segunda opinión
case-reference = Número de referencia
case-patient-language = Idioma del paciente
case-question = Pregunta
case-diagnosis = Diagnóstico actual
case-treatments = Tratamientos y medicamentos
case-physician = Médico de cabecera
case-from-physician = Del médico de cabecera
case-clinical-history = Historia clínica
case-clinical-question = Pregunta clínica
case-materials = Documentos por enviar
case-turnaround = Tiempo de respuesta: { $clock }.
case-clock-running = { $duration } desde que se completaron los documentos, con un objetivo de { $days ->
        [one] { $days } día
        [many] { $days } días
       *[other] { $days } días
    }
case-clock-stopped = informe entregado { $duration } después de completar los documentos, con un objetivo de { $days ->
        [one] { $days } día
        [many] { $days } días
       *[other] { $days } días
    }
case-messages = Mensajes de nuestros coordinadores
case-message-decline = Por qué no se aceptó el caso
case-message-reply = Respuesta
case-message-request = Se necesita más información
case-your-answer = Su respuesta
case-answer-hint = También puede enviar documentos desde la página de documentos médicos.
case-send-answer = Enviar mi respuesta
case-access-link = Quién ha visto esta información
case-emailed-physician = Le enviamos a { $name } un enlace por correo para unirse. También puede darle una carta con el número de referencia.
case-open-letter = Abrir la carta para su médico
case-physician-declined = Su médico no confirmó
case-physician-declined-lead = { $name } nos dijo que no es su médico de cabecera. Puede nombrar a otro médico, y lo invitaremos.
case-invite-physician = Invitar a este médico
case-records-link = Documentos médicos
case-report-link = Informe de la consulta
case-timeline = Historial
case-took = { $duration } después del paso anterior
case-record-received = Documento recibido
duration-minutes = { $count ->
        [one] { $count } minuto
        [many] { $count } minutos
       *[other] { $count } minutos
    }
duration-hours = { $count ->
        [one] { $count } hora
        [many] { $count } horas
       *[other] { $count } horas
    }
duration-days = { $count ->
        [one] { $count } día
        [many] { $count } días
       *[other] { $count } días
    }
case-title = Solicitud de segunda opinión { $reference }

## Documentos médicos

back-to-request = Volver a la solicitud { $reference }
records-for = De { $patient }, solicitud { $reference }.
records-refused = No pudimos aceptar estos archivos
records-send = Enviar documentos
records-accepted = Aceptamos { $kinds }, de hasta { $size } cada uno. Puede elegir varios archivos a la vez.
records-accepted-kinds = documentos PDF, imágenes JPEG y PNG, archivos de imágenes DICOM y archivos ZIP con imágenes DICOM
records-category = ¿Qué tipo de documentos son?
records-description = Descripción (opcional)
records-description-hint = Por ejemplo: tomografía del tórax, marzo de 2026.
records-files = Archivos
records-send-button = Enviar los archivos
records-received = Documentos recibidos
records-none = Todavía no hay documentos.
records-removed = (retirado: se envió por error)
records-sent-by = { $category } · { $size } · enviado por { $name } el { $date }
records-dicom-study = DICOM: estudio de { $modality }
records-study-of = del { $date }
records-zip = Archivo ZIP con { $entries } archivos DICOM
records-check = Revisar:
records-check-coordinators = Nuestros coordinadores confirmarán que pertenece a este paciente.
records-view = Ver { $name }
records-download = Descargar { $name }
records-remove = Retirar { $name }
record-category-imaging = Imágenes
record-category-pathology = Patología
record-category-laboratory = Resultados de laboratorio
record-category-clinical_notes = Notas clínicas
record-category-other = Otros

## El informe de la consulta, como lo leen el médico y el paciente

report-courtesy-marker = (copia de cortesía del paciente)
report-request = Solicitud { $reference }
report-patient = Paciente: { $name }
report-signed-short = { $name }, firmado el { $date }
report-signed-by = Firmado por { $name } el { $date }
report-courtesy-title = Copia de cortesía para el paciente.
report-courtesy-lead = Este informe está escrito para su médico de cabecera, { $name }, que lo revisará con usted y responderá sus preguntas.
report-questions-asked = Las preguntas hechas
report-patient-question = La pregunta del paciente
report-physician-question = La pregunta clínica del médico de cabecera
report-records-reviewed = Documentos revisados
report-sent-by = enviado por { $name } el { $date }
report-history = Resumen de la historia
report-opinion = Opinión
report-recommendations = Recomendaciones
report-answers = Respuestas a las preguntas hechas
report-seal = Firmado electrónicamente por { $name } el { $date }. SHA-256 del contenido:
report-addenda = Anexos
report-addendum = Anexo
report-answer-to = Respuesta a: { $question }
report-addendum-seal = Firmado por { $name } el { $date }. SHA-256:
report-follow-ups = Preguntas de seguimiento
report-answered = respondida debajo del informe
report-waiting-answer = esperando respuesta
report-ask-label = Hacer una pregunta de seguimiento al consultor
report-questions-up-to = { $count ->
        [one] Puede hacer { $count } pregunta de seguimiento sobre este informe.
        [many] Puede hacer hasta { $count } preguntas de seguimiento sobre este informe.
       *[other] Puede hacer hasta { $count } preguntas de seguimiento sobre este informe.
    }
report-questions-more = { $count ->
        [0] Ya no puede hacer más preguntas sobre este informe.
        [one] Puede hacer { $count } más.
        [many] Puede hacer { $count } más.
       *[other] Puede hacer { $count } más.
    }
report-send-question = Enviar la pregunta
report-summary-as-written = Resumen para el paciente, tal como se escribió para él

## Contraseña y datos de contacto

password-change-lead = Al cambiar su contraseña, se cierran todas sus demás sesiones.
password-current = Contraseña actual
password-new = Contraseña nueva
password-new-again = Repita la contraseña nueva
password-change-button = Cambiar mi contraseña
password-change-not-current = Esta no es su contraseña actual.
password-change-done = Se cambió su contraseña.
password-reset-heading = Elija una contraseña nueva
password-reset-button = Guardar mi contraseña nueva
password-reset-done = Se cambió su contraseña. Por favor, inicie sesión con su contraseña nueva.
back-to-account = Volver a su cuenta
contact-lead = Los usamos para comunicarnos con usted sobre sus solicitudes. No los damos a nadie ni los usamos para otra cosa.
contact-save = Guardar mis datos de contacto
contact-saved = Sus datos de contacto están guardados.
cancel = Cancelar

## Preguntas y el aviso de privacidad

questions-title = Preguntas y contacto
questions-lead = Si su pregunta no tiene respuesta aquí, llámenos al { $phone }. Con gusto le ayudamos, y podemos responder sus preguntas sobre el acuerdo antes de que lo firme.
questions-how = ¿Cómo funciona?
questions-how-answer = Usted, o un familiar que actúa por usted, se inscribe y firma el Acuerdo y autorización del paciente. Después pide una consulta junto con su propio médico, su médico de cabecera, que confirma la solicitud y nos envía sus documentos médicos. Uno de los especialistas de { $institution } estudia los documentos y escribe una opinión. El informe va a su médico, que se lo explica; usted también recibe una copia de cortesía, salvo que nos diga que no la quiere.
questions-talk = ¿Hablaré con el especialista?
questions-talk-answer = No. El especialista da una opinión a partir de sus documentos y no le examina. Todo lo que dice el especialista le llega a través de su propio médico. Si quiere que le vean en persona, podemos ayudarle a pedir una cita en uno de nuestros hospitales.
questions-how-long = ¿Cuánto tarda?
questions-how-long-answer = Por lo general, alrededor de una semana desde el día en que tenemos todos los documentos que necesita el especialista. Si necesitamos algo más, se lo decimos a usted y a su médico.
questions-cost = ¿Cuánto cuesta?
questions-cost-answer = Le decimos el precio, si lo hay, antes de que empiece el especialista. Llámenos para preguntar si su seguro podría cubrirlo.
questions-who = ¿Quién puede inscribirse?
questions-who-answer = Los pacientes que viven donde el servicio está disponible, y los familiares que actúan por ellos: el padre o la madre de un paciente menor de 18 años, un tutor legal, un representante para decisiones médicas o apoderado, u otro familiar con el permiso del paciente. Solo el padre, la madre o el tutor legal puede inscribir a un paciente menor de 18 años.
questions-physician = ¿Es usted médico de cabecera?
questions-physician-answer = Si uno de sus pacientes le nombró en una solicitud, o usted quiere participar con él, { $link }. Nuestros coordinadores revisan su NPI y su licencia antes de que pueda ver una solicitud; después usted la confirma, envía los documentos y recibe el informe del especialista.
questions-physician-link = inscríbase como médico
questions-not-available = ¿Y si el servicio no está disponible donde vivo?
questions-not-available-answer = Se lo decimos en cuanto escribe dónde vive el paciente, y no guardamos nada de lo que escribió. Aún puede pedir una consulta en persona en uno de nuestros hospitales.
questions-emergencies = ¿Es para emergencias?
questions-emergencies-answer = No. Si tiene una emergencia médica, llame al 911 o vaya a la sala de emergencias más cercana.
questions-privacy = ¿Quién ve mi información?
questions-privacy-answer = Solo las personas que trabajan en su caso. Lea nuestro { $link } para conocer los detalles.
questions-privacy-link = aviso de privacidad
privacy-lead = { $institution } administra { $service }. Este aviso explica qué guardamos sobre usted, por qué, durante cuánto tiempo y quién lo ve.
privacy-what = Qué guardamos
privacy-what-account = Su cuenta: su nombre, su correo electrónico y una forma cifrada de su contraseña que nadie puede leer.
privacy-what-patient = Los datos del paciente: nombre, fecha de nacimiento, sexo, dónde vive y el idioma que prefiere; y, si usted es un familiar, su parentesco y la autorización con la que actúa.
privacy-what-agreement = El acuerdo que firmó: qué versión, en qué idioma lo leyó, el nombre que escribió, cuándo, y desde qué dirección de internet y qué navegador.
privacy-what-contact = Su dirección postal, su número de teléfono y la hora a la que prefiere que le llamemos.
privacy-what-case = El caso: las preguntas hechas, los documentos enviados, el informe del especialista y sus respuestas de seguimiento.
privacy-what-log = Un registro de cada vez que alguien abre o cambia el caso, para poder decirle siempre quién lo vio.
privacy-who = Quién lo ve
privacy-who-answer = El paciente y los familiares que inscribió, el médico de cabecera del paciente una vez que confirma la solicitud, el especialista asignado al caso y los coordinadores del servicio. Nadie más. Nunca vendemos su información ni la usamos para publicidad.
privacy-email = Correo electrónico
privacy-email-answer = Usamos su correo electrónico solo para avisarle que pasó algo en su caso, con un enlace para iniciar sesión. Nuestros mensajes nunca contienen información de salud.
privacy-how-long = Durante cuánto tiempo lo guardamos
privacy-how-long-answer = Mientras la ley nos exija guardar los registros médicos; después lo borramos.
privacy-choices = Sus opciones
privacy-choices-answer = Puede preguntarnos qué información tenemos sobre usted, pedirnos que la corrijamos o rechazar la copia de cortesía del informe en cualquier momento. Llámenos al { $phone }.

## A treating physician's registration

physician-register-heading = Inscribirse como médico tratante
physician-register-lead = Inscríbase aquí si uno de sus pacientes pidió una segunda opinión por medio de { $service }. Todos los campos son obligatorios, salvo los marcados como opcionales. Verificamos la identidad de cada médico antes de que pueda ver información de un paciente; esto suele tardar un día hábil.
physician-your-practice = Su consultorio
physician-register-button = Inscribirse
physician-already-registered = ¿Ya está inscrito?
physician-first-name = Nombre
physician-last-name = Apellido
physician-email-hint = Le escribimos aquí cuando un paciente le necesita. Nunca lo compartimos.
physician-npi = Identificador Nacional de Proveedor (NPI)
physician-npi-hint = 10 dígitos.
physician-licence-state = Estado que emitió su licencia médica
physician-licence-number = Número de licencia
physician-specialty = Su especialidad
physician-specialty-hint = Por ejemplo: medicina interna, medicina familiar, cardiología.
physician-practice-name = Nombre del consultorio
physician-address-line1 = Dirección del consultorio, línea 1
physician-address-line2 = Dirección del consultorio, línea 2 (opcional)
physician-state = Estado
physician-postal-code = Código postal (ZIP)
physician-phone = Teléfono del consultorio
physician-error-firstName-empty = Escriba su nombre.
physician-error-firstName-characters = Use solo letras, espacios, guiones y apóstrofos en su nombre.
physician-error-lastName-empty = Escriba su apellido.
physician-error-lastName-characters = Use solo letras, espacios, guiones y apóstrofos en su apellido.
physician-error-too-long = Acórtelo a { $max } caracteres.
physician-error-npi-empty = Escriba su NPI de 10 dígitos.
physician-error-npi-digits = Un NPI tiene exactamente 10 dígitos.
physician-error-npi-check-digit = El último dígito de este NPI no concuerda con los demás: revise si hay un error de escritura.
physician-error-npi-taken = Ya hay un médico inscrito con este NPI. Inicie sesión, o llámenos si esto es un error.
physician-error-licenceState = Elija el estado que emitió su licencia.
physician-error-licenceNumber-empty = Escriba su número de licencia.
physician-error-specialty-empty = Escriba su especialidad.
physician-error-practiceName-empty = Escriba el nombre de su consultorio.
physician-error-addressLine1-empty = Escriba la primera línea de la dirección del consultorio.
physician-error-city-empty = Escriba la ciudad o el pueblo del consultorio.
physician-error-state = Elija el estado del consultorio.
physician-error-postalCode = Escriba un código postal de 5 dígitos, o de 5 y 4.
physician-error-phone = Escriba el teléfono del consultorio, por ejemplo (617) 555-0123.

## A treating physician joins a patient's request

join-invite-heading = Un paciente le pide su opinión
join-invite-lead = Uno de sus pacientes le nombró como su médico tratante en una solicitud de segunda opinión. Inicie sesión para verla; si aún no tiene cuenta, inscríbase primero y luego vuelva a abrir este enlace.
join-heading = Unirse a la solicitud de un paciente
join-not-verified = Nuestros coordinadores todavía deben verificar su inscripción. Cuando lo hagan, podrá escribir aquí el número de referencia, o seguir el enlace del correo que le enviamos.
join-lead = Escriba el número de referencia que aparece en la carta de su paciente.
join-find = Buscar la solicitud
join-reference = Número de referencia
join-reference-hint = El número de 10 dígitos de la carta de su paciente.
join-error-digits = Un número de referencia tiene 10 dígitos.
join-error-check-digit = El último dígito de este número no concuerda con los demás: revise si hay un error de escritura.
join-error-not-found = No encontramos ninguna solicitud que le espere con ese número. Confirme el número con su paciente, y que le nombró con el correo electrónico de esta cuenta o con su NPI.
join-confirm-heading = Confirmar la solicitud
join-patient = Paciente
join-patient-born = { $name }, fecha de nacimiento: { $date }
join-patients-question = La pregunta del paciente
join-your-confirmation = Su confirmación
join-confirm-statement = Soy el médico tratante de este paciente y solicito esta consulta
join-not-my-patient = No es mi paciente
join-clinical-history = Historia clínica
join-clinical-question = Su pregunta clínica para el especialista
join-materials = Documentos que enviará
join-materials-hint = Por ejemplo: TC de tórax del 3 de marzo, informe de patología, las tres últimas notas de consulta.
join-error-confirm = Marque la casilla para confirmar que es el médico tratante de este paciente, o elija “No es mi paciente”.
join-error-clinicalHistory-empty = Escriba la historia clínica.
join-error-clinicalQuestion-empty = Escriba la pregunta clínica.
join-error-materials-empty = Escriba los documentos que enviará.
join-error-too-long = Acórtelo a { $max } caracteres.
join-declined-notice = Gracias. Le dijimos al paciente que usted no es su médico tratante.
join-confirmed-notice = Gracias: confirmó la solicitud. Se lo comunicamos al paciente.

## Why a request was refused (the detail of an error page)

refused-not-now = Esto no se puede hacer en este momento de la solicitud.
refused-not-waiting-for-physician = Esta solicitud no está esperando a otro médico.
refused-not-waiting-for-answer = Esta solicitud no está esperando información de usted.
refused-report-signed = Un informe firmado no se puede cambiar. Agregue un anexo firmado.
refused-release = Solo se puede entregar un informe firmado que aún no se haya entregado.
refused-addendum = Los anexos van después de un informe firmado.
refused-answered = Esta pregunta ya tiene una respuesta firmada.
refused-translation-summary = Una traducción va después de un informe firmado que tiene un resumen para el paciente.
refused-translation = Una traducción va después de un informe firmado.
refused-not-multipart = Envíe los archivos como un formulario de varias partes (multipart).
email-not-verified-notice = Primero confirme su correo electrónico: use el enlace que le enviamos, o pida uno nuevo aquí abajo.

## Sending records: what was received, and why a file was refused

upload-received = { $count ->
        [one] Recibimos su archivo.
        [many] Recibimos sus { $count } de archivos.
       *[other] Recibimos sus { $count } archivos.
    }
upload-refused-kind = No pudimos aceptar “{ $file }”: { $reason }. Aceptamos { records-accepted-kinds }.
upload-refused-too-large = “{ $file }” pesa más de los { $limit } que aceptamos por archivo. No se guardó nada.
upload-refused-case-full = Estos archivos superarían el espacio que le queda al caso ({ $limit }). No se guardó nada.
upload-refused-no-files = Elija al menos un archivo para enviar.
upload-refused-malformed = El envío no llegó completo. Inténtelo de nuevo, por favor.
upload-reason-dicom-program = es un archivo DICOM cuyo encabezado contiene un programa
upload-reason-empty = está vacío
upload-reason-kind = no es de ninguno de los tipos que aceptamos
upload-reason-image-header = no se puede leer el encabezado de la imagen
upload-reason-image-pixels = es una imagen de { $width } × { $height } píxeles, más de los { $millions } millones que aceptamos
upload-reason-image-short = termina antes de lo que indica el encabezado de la imagen
upload-reason-zip-entry = el archivo ZIP contiene “{ $name }”, que no es un archivo DICOM
upload-reason-zip-encrypted = el archivo ZIP tiene elementos cifrados, que no podemos revisar
upload-reason-zip-sizes = el archivo ZIP tiene elementos guardados sin su tamaño, que no podemos revisar
upload-reason-zip-method = el archivo ZIP usa el método de compresión { $method }, que no podemos revisar
upload-reason-zip-empty = el archivo ZIP no contiene ningún archivo DICOM
upload-reason-zip-unreadable = no es un archivo ZIP legible
# The words of the upload script (Public/js/uploads.js), given to it by the page
upload-js-progress = Progreso de
upload-js-received = Recibido
upload-js-not-received = No recibido:
upload-js-try-again = inténtelo de nuevo
upload-js-connection-failed = falló la conexión
upload-js-summary = Archivos recibidos:
upload-js-summary-refused = Los archivos marcados “No recibido” no se guardaron: puede elegirlos otra vez.

## The letter a patient gives their physician

letter-title = Carta para su médico
letter-back = Volver a la solicitud { $reference }
letter-heading = Una carta para su médico
letter-lead = Imprímala, o guárdela como PDF desde la ventana de impresión, y entréguesela a { $name }. También le enviamos la misma invitación por correo electrónico.
letter-in-language = La carta está en { $language }. También en:
letter-print = Imprimir la carta
letter-label = La carta
letter-telephone = Teléfono
letter-dear = Estimado/a { $name }:
letter-subject = Su paciente pide una segunda opinión: solicitud { $reference }
letter-your-patient = Su paciente, { $patient }, pidió una segunda opinión por medio de { $service }, un servicio de { $institution }, y le nombró a usted como su médico tratante.
letter-review = Un especialista de { $institution } revisará el caso a partir de los documentos que usted envíe y escribirá un informe de consulta. El informe estará a su disposición, y usted sigue siendo responsable de la atención del paciente y de explicarle la opinión.
letter-reference = Número de referencia:
letter-to-take-part = Para participar:
letter-step-register = Inscríbase como médico tratante en { $url } (o inicie sesión si ya tiene una cuenta). Verificamos su identidad una sola vez.
letter-step-join = Escriba el número de referencia en { $url }, confirme la solicitud y díganos qué documentos enviará.
letter-questions = ¿Preguntas? Llame a { $service } al { $phone }.
letter-thanks = Atentamente,

## Two-step sign-in: the code, recovery codes, and setting it up

code-heading = Escriba su código de inicio de sesión
code-lead = Abra la aplicación de autenticación de su teléfono y escriba el código de 6 dígitos que muestra para { $service }.
code-label = Código de 6 dígitos
code-use-recovery = No tengo mi teléfono: usar un código de recuperación
code-someone-else = Iniciar sesión como otra persona
code-error-replayed = Ese código ya se usó. Espere a que la aplicación muestre uno nuevo y escríbalo.
code-error-wrong = Ese código no es correcto. Escriba los 6 dígitos que muestra ahora su aplicación de autenticación.
recovery-heading = Usar un código de recuperación
recovery-lead = Escriba uno de los códigos de recuperación que guardó cuando activó el inicio de sesión en dos pasos. Cada código sirve una sola vez.
recovery-label = Código de recuperación
recovery-hint = Por ejemplo { $example }. Las mayúsculas y los guiones no importan.
recovery-use-app = Mejor usar el código de mi aplicación de autenticación
recovery-none = ¿No tiene el teléfono ni los códigos de recuperación? Llámenos al { $phone }: cuando confirmemos quién es usted, un administrador le permitirá activar de nuevo el inicio de sesión en dos pasos.
recovery-error-wrong = Ese código de recuperación no es correcto, o ya se usó.
recovery-used-notice = { $left ->
        [one] Usó un código de recuperación; le queda { $left } de { $total }.
        [many] Usó un código de recuperación; le quedan { $left } de { $total }.
       *[other] Usó un código de recuperación; le quedan { $left } de { $total }.
    }
recovery-new-phone = Si perdió su teléfono, desactive y vuelva a activar el inicio de sesión en dos pasos desde la página de su cuenta para configurar un teléfono nuevo.
recovery-new-phone-staff = Si perdió su teléfono, pida a un administrador que restablezca el inicio de sesión en dos pasos para configurar un teléfono nuevo.
enrol-required = Como su trabajo abre los expedientes de muchos pacientes, una contraseña sola no basta. Antes de ver información de un paciente, active el inicio de sesión en dos pasos: cada vez que inicie sesión, escribirá también un código de una aplicación de su teléfono.
enrol-why = El inicio de sesión en dos pasos protege sus expedientes aunque alguien sepa su contraseña: cada vez que inicia sesión, también escribe un código de una aplicación de su teléfono.
enrol-install = Instale una aplicación de autenticación
enrol-install-examples = Por ejemplo Google Authenticator, Microsoft Authenticator o 1Password, desde la tienda de aplicaciones de su teléfono.
enrol-add = Agregue { $service } a la aplicación
enrol-scan = En la aplicación, elija agregar una cuenta y escanee este código QR con la cámara de su teléfono.
enrol-qr-alt = Código QR para su aplicación de autenticación. Si no puede escanearlo, escriba la clave que aparece abajo.
enrol-qr-title = Código QR para su aplicación de autenticación
enrol-manual-key = Si no puede escanearlo, elija escribir una clave a mano y escriba esta clave (los espacios no importan; está basada en el tiempo):
enrol-enter-code = Escriba el código que muestra la aplicación
enrol-turn-on = Activar el inicio de sesión en dos pasos
enrol-error-code = Ese código no es correcto. Revise que la aplicación muestre { $service } y escriba los 6 dígitos que muestra ahora.
two-factor-heading = Inicio de sesión en dos pasos
two-factor-on-lead = El inicio de sesión en dos pasos está activado: al iniciar sesión, escribe su contraseña y luego un código de su aplicación de autenticación.
recovery-codes-heading = Códigos de recuperación
two-factor-codes-left = { $left ->
        [one] Tiene { $left } código de recuperación sin usar de { $total }.
        [many] Tiene { $left } de códigos de recuperación sin usar de { $total }.
       *[other] Tiene { $left } códigos de recuperación sin usar de { $total }.
    }
two-factor-few-left = Haga códigos nuevos ahora, para no quedarse sin acceso si pierde su teléfono.
two-factor-new-codes-stop-old = Al hacer códigos nuevos, los anteriores dejan de funcionar.
two-factor-app-code = Código de su aplicación de autenticación
two-factor-make-codes = Hacer códigos de recuperación nuevos
two-factor-new-phone = Un teléfono nuevo
two-factor-new-phone-lead = Si cambia de teléfono, pase las cuentas de la aplicación al teléfono nuevo. Si no puede, llámenos al { $phone }: un administrador le permitirá activar de nuevo el inicio de sesión en dos pasos.
two-factor-turn-off-heading = Desactivarlo
two-factor-your-password = Su contraseña
two-factor-turn-off = Desactivar el inicio de sesión en dos pasos
two-factor-back = Volver a su cuenta
two-factor-error-code = Ese código no es correcto, o ya se usó. Escriba el código que muestra ahora su aplicación.
two-factor-error-password = Esta no es su contraseña actual.
two-factor-off-notice = El inicio de sesión en dos pasos está desactivado. Inicia sesión solo con su contraseña.
codes-heading = Guarde sus códigos de recuperación
codes-lead = Si pierde su teléfono, cada uno de estos códigos le permite iniciar sesión una vez en lugar del código de la aplicación. Imprima esta página o anótelos, y guárdelos en un lugar seguro.
codes-only-once = Es la única vez que se muestran.
codes-saved = Ya guardé mis códigos de recuperación

## Who has looked at the patient's information

access-title = Quién ha visto esta información
access-heading = Quién ha visto la información de { $name }
access-lead = Cada vez que alguien abre, envía o cambia la solicitud, los documentos o el informe de { $name }, anotamos quién fue y cuándo. Si algo aquí le sorprende, llámenos al { $phone }.
access-nobody = Nadie la ha visto todavía.
access-others = Otras personas
access-nobody-else = Nadie más que usted y su familia la ha visto todavía.
access-others-caption = Accesos de otras personas, del más reciente al más antiguo
access-own-summary = Usted y su familia: { $visits }
access-own-caption = Sus accesos y los de su familia, del más reciente al más antiguo
access-who = Quién
access-what = Qué hizo
access-how-often = Cuántas veces
access-when = Cuándo
access-last = Última vez: { $date }
access-first = Primera vez: { $date }
access-capped = Solo contamos los { $limit } más recientes. Llámenos para obtener el registro completo.
access-you = Usted
access-former-account = Una cuenta que ya no existe
access-automatic = { $service }, automáticamente
access-times = { $count ->
        [one] Una vez
        [many] { $count } de veces
       *[other] { $count } veces
    }
access-visits = { $count ->
        [one] { $count } visita
        [many] { $count } de visitas
       *[other] { $count } visitas
    }
access-action-case-opened = Abrió la solicitud
access-action-case-viewed = Vio la solicitud
access-action-case-letter-viewed = Abrió la carta para el médico tratante
access-action-case-state-changed = Hizo avanzar la solicitud
access-action-record-uploaded = Envió un documento médico
access-action-record-viewed = Vio un documento médico
access-action-record-list-viewed = Vio la lista de documentos médicos
access-action-record-downloaded = Descargó un documento médico
access-action-record-entered-in-error = Retiró un documento médico enviado por error
access-action-report-viewed = Leyó el informe del especialista
access-action-report-draft-saved = Trabajó en el informe del especialista
access-action-report-addendum-signed = Agregó algo al informe
access-action-case-follow-up-asked = Hizo una pregunta de seguimiento
access-action-consent-courtesy-copy-declined-by-phone = Anotó su decisión sobre la copia de cortesía
confirm-go-back = Volver

## What kind of file a record is, and why a request moved, as its timeline says

file-kind-pdf = Documento PDF
file-kind-jpeg = Imagen JPEG
file-kind-png = Imagen PNG
file-kind-dicom = Imagen DICOM
file-kind-zip = Archivo ZIP de imágenes DICOM
file-kind-other = Archivo
timeline-reason-caseOpened = Se abrió la solicitud
timeline-reason-physicianConfirmed = Confirmado como médico tratante del paciente
timeline-reason-physicianDeclined = No es paciente de este médico
timeline-reason-physicianRenamed = Se nombró a otro médico tratante
timeline-reason-reviewBegins = Documentos completos; empieza la revisión
timeline-reason-informationRequested = Se pidió más información
timeline-reason-notSuitable = No es adecuado para una opinión a distancia
timeline-reason-informationSent = Se envió la información
timeline-reason-moreRecordsSent = Se enviaron más documentos
timeline-reason-reportSigned = Se firmó el informe
timeline-reason-reportReleased = Se entregó el informe
timeline-reason-caseClosed = Se cerró la solicitud
timeline-reason-assigned = Asignado a { $name }
timeline-reason-reassigned = Reasignado a { $name }
report-title = Informe de la consulta { $reference }
report-error-question = Escriba su pregunta antes de enviarla.
report-error-follow-up-limit = { $count ->
        [one] Cada solicitud puede tener { $count } pregunta de seguimiento, y ya se hizo.
        [many] Cada solicitud puede tener { $count } de preguntas de seguimiento, y ya se hicieron todas.
       *[other] Cada solicitud puede tener { $count } preguntas de seguimiento, y ya se hicieron todas.
    }
report-question-sent = Enviamos su pregunta al consultor.
