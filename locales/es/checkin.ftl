# El formulario de registro, su botón en las diapositivas y el resultado.
# Para pacientes: frases cortas, palabras comunes, "usted".

checkin-title = Registrarse
checkin-intro = Escriba sus datos, por favor.
checkin-button = Registrarse
checkin-help = Enter: siguiente  ·  Tab: mover  ·  Esc: atrás
checkin-help-short = Enter: siguiente · Esc: atrás
checkin-help-choice = ←/→ o 1–9: elegir  ·  Enter: siguiente  ·  Esc: atrás
checkin-choose-hint = Use ← → o 1–9 para elegir
checkin-date-placeholder = DD/MM/AAAA
checkin-time-placeholder = p. ej. 9:30 am
checkin-phone-placeholder = código de área y número
checkin-optional = (opcional)
field-first_name = Nombre
field-last_name = Apellido
field-date_of_birth = Fecha de nacimiento
checkin-choice-position = { $index } de { $count }

checkin-please-enter = { $field ->
   *[other] Por favor, escriba su { $field }.
}
checkin-please-choose = { $field ->
   *[other] Por favor, elija su { $field }.
}
checkin-use-letters = { $field ->
   *[other] Por favor, escriba su { $field } con letras.
}
checkin-date-format = { $label }: escríbala como DD/MM/AAAA, por ejemplo 17/04/1962
checkin-date-month-first = { $label }: el mes va primero. Escríbala como MM/DD/AAAA, por ejemplo 04/17/1962
checkin-date-day-first = { $label }: el día va primero. Escríbala como DD/MM/AAAA, por ejemplo 17/04/1962
checkin-date-no-such-day = { $label }: { $month } de { $year } tiene solo { $days } días. Revise el día, por favor.
checkin-date-future = { $label }: no puede ser en el futuro. Revise el año, por favor.
checkin-date-too-old = { $label }: revise el año, por favor. Por ejemplo 17/04/1962
checkin-time-format = { $label }: escriba una hora como 9:30 am o 14:05
checkin-phone-digits = { $label }: escriba los 10 dígitos, primero el código de área
checkin-phone-area-code = { $label }: revise el código de área, por favor
checkin-understood-as = Entendido: { $shown }
checkin-still-there = ¿Sigue ahí? Se borra en { $seconds } s — toque o pulse una tecla
checkin-still-there-short = ¿Sigue ahí? { $seconds } s

checkin-prompt = ▶  Registrarse: pulse Enter o toque aquí
checkin-prompt-short = Enter: registrarse
checkin-saving = Un momento…
checkin-please-sit = Tome asiento, por favor. Le llamaremos por su número.
checkin-sorry = Lo sentimos, no pudimos registrarle aquí.
checkin-see-desk = Por favor, pase a la recepción.
checkin-touch-to-continue = Toque la pantalla o pulse una tecla para seguir.
checkin-closed = El registro está cerrado
checkin-opens = El registro abre { $when }
checkin-checked-in-name = Gracias, { $name }. Ya está en la lista.
checkin-checked-in = Gracias. Ya está en la lista.
checkin-maybe-listed = Puede que usted ya esté en la lista de hoy.
checkin-your-number = Su número es { $ticket }.
checkin-your-number-label = Su número es
