# La recepción (kiosk desk) y la lista en la pantalla del personal. Solo la
# lee el personal, en staff_language.

desk-title = Recepción
desk-empty = Todavía no hay registros hoy.
desk-loading = Leyendo los registros de hoy…
desk-no-name = (sin nombre)
desk-column-ticket = #
desk-column-name = Nombre
desk-column-checked-in = Llegó
desk-column-waiting = Espera
desk-column-status = Estado
desk-column-born = Nació
desk-column-age = Edad
desk-new = NUEVO
desk-none = —
desk-average-wait = Espera media
desk-longest-wait = Espera más larga
desk-key-enter = Enter
desk-key-esc = Esc
desk-key-ctrl = Ctrl-
desk-do-select = elegir
desk-do-call = llamar
desk-do-seen = atendido
desk-do-no-show = no vino
desk-do-undo = deshacer
desk-do-quit = salir
desk-do-find = buscar
desk-do-add = añadir
desk-do-edit = corregir
desk-do-remove = quitar
desk-do-summary = resumen
desk-no-one-waiting = No hay nadie esperando.
desk-nothing-to-undo = No hay nada que deshacer.
desk-status = { $status ->
    [waiting] esperando
    [called] llamado
    [seen] atendido
   *[no-show] no vino
}
desk-count = { $status ->
    [waiting] Esperando { $count }
    [called] Llamados { $count }
    [seen] Atendidos { $count }
   *[no-show] No vinieron { $count }
}
desk-tried-again = { $name } · lo intentó de nuevo { $time }
desk-patient-language = { $name } · { $language }
desk-repeat-tries = { $count ->
    [one] { $count } registro repetido: vea la lista
   *[other] { $count } registros repetidos: vea la lista
}
desk-changed = #{ $ticket } { $name }: { $word }
desk-changed-undo = #{ $ticket } { $name }: { $word } otra vez (deshecho)
desk-already = #{ $ticket } { $name } ya está { $word }.
desk-changed-elsewhere = No se guardó: #{ $ticket } { $name } se cambió en otro lugar; la lista muestra lo último.
desk-changed-elsewhere-undo = No se puede deshacer: #{ $ticket } { $name } se cambió en otro lugar; la lista muestra lo último.
desk-save-failed = No se pudo guardar el cambio: { $error }
desk-read-failed = No se pudieron leer los registros: { $error }

desk-same-names = * { $count } tienen el mismo nombre: revise la fecha de nacimiento
desk-find-prompt = Buscar: { $query }_
desk-find-kept = { $shown } de { $total } con "{ $query }"
desk-find-help = escriba un nombre, número o fecha de nacimiento · Enter fijar · Esc borrar
desk-filter-help = / cambiar · Esc ver todos
desk-find-nothing = Nadie en la lista de hoy coincide.
desk-more-above = ↑ { $count } más
desk-more-below = ↓ { $count } más
desk-hidden-called = #{ $ticket } llamado
desk-hidden-next = #{ $ticket } sigue

desk-add-title = Añadir un paciente (sin cita o por teléfono)
desk-edit-title = Corregir #{ $ticket }
desk-added = #{ $ticket } { $name }: añadido
desk-already-listed = #{ $ticket } { $name } ya está en la lista de hoy: no se añadió nada
desk-edited = #{ $ticket } { $name }: corregido
desk-edited-undo = #{ $ticket } { $name }: corregido (deshecho)
desk-unchanged = #{ $ticket }: no cambió nada
desk-removed = #{ $ticket } { $name }: quitado (u deshace)
desk-removed-undo = #{ $ticket } { $name }: se deshizo el alta
desk-restored = #{ $ticket } { $name }: de vuelta en la lista (deshecho)
desk-confirm-mark = #{ $ticket } { $name } está { $from }. ¿Marcar { $to }? y sí · otra tecla no
desk-confirm-remove = ¿Quitar #{ $ticket } { $name } por error de registro? y sí · otra tecla no
desk-not-changed = No cambió nada.

summary-title = El día hasta ahora
summary-help = cualquier tecla vuelve a la lista
summary-status = Por estado
summary-source = Por origen
summary-waits = Esperas
summary-per-hour = Registros por hora
summary-removed = quitados
summary-total = Registros
summary-average = Media (llamados o atendidos)
summary-longest = Más larga
source-kiosk = quiosco
source-desk = recepción
hour-12h = { $hour } { $half ->
    [am] a. m.
   *[pm] p. m.
}
hour-24h = { $hour }:00
