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
