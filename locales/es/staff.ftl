# Modo del personal en el quiosco: el PIN, la pantalla del personal y su
# formulario de avisos. Lo lee el personal, en staff_language.

staff-problems = { $count ->
    [one] ⚠ personal: { $count } problema, vea el registro
   *[other] ⚠ personal: { $count } problemas, vea el registro
}
staff-title = Personal
staff-no-problems = No se encontraron problemas en la última recarga.

pin-title = Personal
pin-ask = Escriba el PIN del personal
pin-help = Enter: aceptar  ·  Esc: cancelar
pin-help-short = Esc: cancelar
pin-too-short = El PIN tiene de 4 a 8 dígitos
pin-wrong = { $left ->
    [one] PIN incorrecto — queda { $left } intento
   *[other] PIN incorrecto — quedan { $left } intentos
}
pin-locked-until = Bloqueado hasta { $time }

hint-reload = r recargar
hint-pause = p pausar
hint-resume = p reanudar
hint-notice = m aviso
hint-names = v nombres
hint-hide = v ocultar
hint-quit = Q salir
hint-leave = Esc/q volver
staff-quit-confirm = ¿Cerrar el quiosco? La pantalla queda en blanco. y: cerrar · otra tecla: seguir

notice-form-title = Aviso para la sala de espera
notice-form-text = Aviso
notice-form-from = Desde (hora, vacío para ahora)
notice-form-until = Hasta (hora)
notice-form-closes = Cerrar el registro y mostrar CERRADO
notice-form-yes = [x] sí
notice-form-no = [ ] no
notice-form-keys = Tab siguiente · Espacio sí/no · Enter guardar · Esc cancelar
notice-form-save = Guardar aviso
notice-form-need-text = Escriba primero el aviso.
notice-form-need-until = Diga hasta cuándo (una hora como 11:00 o 4:30 pm).
notice-form-bad-time = No es una hora: escriba 9:30, 9:30 am o 14:05.
notice-form-ends-first = Terminaría antes de empezar.
notice-form-saved = Aviso guardado en kiosk.toml.
notice-form-count = { $chars } / { $max } caracteres
notice-form-full = Lleno: { $max } caracteres como máximo
notice-form-time-day = { $tomorrow ->
    [yes] { $time } de mañana
   *[no] { $time } de hoy
}
notice-form-span = Se muestra desde { $from } hasta { $until }
notice-form-span-now = Se muestra desde ahora hasta { $until }
notice-showing = Aviso visible hasta { $until }: { $text }
notice-showing-closes = Aviso visible hasta { $until } (CERRADO, registro apagado): { $text }
notice-none = No hay ningún aviso visible.
notice-not-saved = El aviso no se guardó: { $why }
notice-save-not-toml = kiosk.toml tiene errores; corríjalo primero (vea kiosk check)
notice-save-no-place = kiosk.toml escribe los avisos de una forma que esta pantalla no puede ampliar; añádalo a mano

staff-running-on-last-good = kiosk.toml tiene errores: el quiosco usa la última copia buena (guardada { $saved }); corrija el archivo y se leerá de nuevo
staff-saved-at = { $date } a las { $time }

store-files-recovered = { $what }. Se recuperaron todos los registros; el registro sigue funcionando.
store-files-rescued = { $missing ->
    [one] { $what }. { $missing } registro está solo en la copia { $copy }; el registro sigue en la base de datos de siempre (docs/deploy.md explica cómo unirlos).
   *[other] { $what }. { $missing } registros están solo en la copia { $copy }; el registro sigue en la base de datos de siempre (docs/deploy.md explica cómo unirlos).
}
store-files-unrecovered = { $what }; la recuperación falló: { $why }
store-unconfirmed = no se pudo confirmar que el registro número { $ticket } se guardó; se envió al paciente a la recepción
staff-needs-restart = kiosk.toml cambió { $names }: reinicie el quiosco para usar el valor nuevo (hasta entonces sigue con el anterior)
