# El letrero de arriba y el de toda la sala, los datos de la clínica, los
# avisos y el turno actual.

sign-open = ABIERTO
sign-closed = CERRADO
sign-closing-soon = Cierra pronto
status-line = { $state } · { $change }
status-line-countdown = { $state } · { $change } ({ $countdown })
status-line-reason = { $state } · { $reason } · { $change }
status-line-reason-countdown = { $state } · { $reason } · { $change } ({ $countdown })
status-closes = cierra { $when }
status-opens = abre { $when }
status-open-always = abierto las 24 horas
status-no-opening = no hay horario de atención
status-until-further-notice = hasta nuevo aviso
status-closed-today = Hoy está cerrado: { $reason }
status-special-today = Horario especial hoy: { $reason }
sign-reason-change = { $reason } · { $change }
sign-closing-soon-countdown = Cierra pronto · { $countdown }

hours-this-week = Horario de esta semana
hours-closed-day = Cerrado
hours-week-line = { $today ->
    [yes] { $day } (hoy): { $hours }
   *[no] { $day }: { $hours }
}
hours-week-line-note = { $today ->
    [yes] { $day } (hoy): { $hours } ({ $note })
   *[no] { $day }: { $hours } ({ $note })
}
clinic-call-us = Teléfono
clinic-visit-us = Visítenos
footer-short = Información educativa, no es consejo médico.
footer-not-advice = No es consejo médico
footer-demo = DEMOSTRACIÓN: registros aparte · Información educativa, no es consejo médico.
footer-dev = MODO DE PRUEBA: Ctrl-C sale
screen-too-small = Pantalla muy pequeña

serving-now = Turno actual
serving-calling = ▶ Llamando ◀
serving-line = Turno actual: { $ticket }

setup-title = Esta pantalla se está preparando.
setup-ask = Por favor, pase a la recepción.
