# La línea de órdenes y el registro, cuando se leen en español.

set-pin-first = PIN nuevo del personal (de 4 a 8 dígitos):{" "}
set-pin-again = El mismo PIN otra vez:{" "}
set-pin-not-digits = error: el PIN solo puede tener dígitos (0 a 9); no se cambió nada
set-pin-mismatch = error: los dos PIN no coinciden; no se cambió nada
set-pin-cancelled = cancelado; no se cambió nada
set-pin-stdin = error: escriba el PIN dos veces en la entrada estándar, uno por línea; no se cambió nada
set-pin-length = error: el PIN debe tener de 4 a 8 dígitos, no { $len }; no se cambió nada
set-pin-done = El PIN del personal está listo: su hash está en { $file }, bajo [staff].
    Un quiosco en marcha lo toma en unos segundos.
set-pin-file-changed = error: { $file } cambió mientras se escribía el PIN; no se cambió nada. Ejecute la orden otra vez.
set-pin-by-hand = error: { $file } escribe su tabla [staff] de una forma que esta orden no edita (una clave con puntos o una tabla en línea); no se cambió nada.
    Añada usted esta línea a la tabla [staff]:
    {""}
    pin_hash = "{ $hash }"

desk-pin-not-set = el PIN de la recepción aún no está configurado: ejecute `kiosk staff set-pin`
desk-needs-terminal = la recepción necesita una terminal para dibujarse; ejecútela desde una ventana de terminal o por SSH

timeline-closing-soon = { $line } (cierra pronto)
# kiosk timeline: the screen goes dark at this moment ([kiosk] screen_sleep).
timeline-screen-sleeps = la pantalla se apaga (oscura hasta que despierte)
# kiosk timeline: the screen comes back at this moment.
timeline-screen-wakes = la pantalla se enciende

checkins-none-on = No hay registros el { $day }.
checkins-none-between = No hay registros del { $first } al { $last }.
history-none = No hubo cambios el { $day }.
summary-heading = Resumen del { $day }
history-added = añadido
history-status = { $to } (antes { $from })
history-edit = { $key } corregido: { $old } a { $new }
history-removed = quitado
history-restored = devuelto
history-undone = { $action }, deshecho
station-named = { $host } { $role }
role-desk = recepción
role-kiosk = quiosco

config-unreadable = no se puede leer el archivo de configuración: { $why }
check-last-good = nota: un quiosco en marcha usa la última copia buena, { $path }, hasta que se corrija este archivo
birth-invalid = birth debe ser "date" o "age", no { $value }
birth-help = birth = "date" muestra 04/17/1962, birth = "age" muestra 64
idle-out-of-range = idle_seconds debe ser de 10 a 600, no { $n }
notice-text-empty = un aviso necesita algo de `text`
notice-text-help = escriba lo que deben leer los pacientes, p. ej. text = "La Dra. Lee va con 30 minutos de retraso"
notice-time-help = escriba una fecha y una hora de 24 horas entre comillas, p. ej. "2026-12-03 07:00", o solo una fecha, "2026-12-03" (desde el inicio de ese día; para `until`, hasta su final)
notice-order-help = `until` es el primer momento en que el aviso ya no se muestra
notice-too-long = este aviso tiene { $chars } caracteres; el máximo es { $max }
notice-too-long-help = acórtelo a { $max } caracteres o menos, para que nunca se corte en la pantalla
notice-bad-time = "{ $text }" no es una fecha y hora
notice-ends-first = `until` ({ $until }) no es posterior a `from` ({ $from })
duplicates-off = no se detectan registros duplicados: el formulario no pide first_name, last_name y date_of_birth
duplicates-off-help = para detectarlos, añada duplicate_key = [...] bajo [checkin] con las claves de los campos que juntos distinguen a un paciente de otro; duplicate_key = [] indica que no quiere ninguno (y quita este aviso)
link-leads-out = este archivo es un enlace a un archivo fuera de la carpeta de diapositivas; no se lee
link-leads-out-help = ponga el archivo de la diapositiva en la carpeta, o enlace solo a archivos dentro de ella

# kiosk checkins list --all-sites: la línea sobre los registros de un sitio.
checkins-site-heading = Sitio { $site }

# [store] y [clinic] site en kiosk.toml, y kiosk store: para el personal y el técnico.
store-url-scheme = la url del almacén debe empezar por postgresql:// (o postgres://)
store-url-help = por ejemplo url = "postgresql://kiosk@db.clinic.lan/clinic"; quítela para guardar los registros en el archivo SQLite de [checkin] database
store-url-password = la url del almacén contiene una contraseña, y kiosk.toml no es lugar para ella
store-url-password-help = quítela de la url y póngala en el archivo que indica password_file (solo para el dueño, chmod 600) o en ~/.pgpass del usuario del quiosco
site-invalid = el nombre de un sitio tiene de 1 a 40 letras, cifras, '-' o '_'
site-help = por ejemplo site = "lakewood"; cada sitio tiene sus propios números y listas
# Informe de kiosk store migrate.
store-migrated-same = { $store }: el esquema está al día (versión { $to }).
store-migrated = { $store }: el esquema pasó de la versión { $from } a la { $to }.
# Informe de kiosk store copy.
store-copied = Se copiaron { $copied } registros ({ $already } ya estaban); el servidor tiene ahora los { $total } registros de este archivo, cada uno comprobado.
# La pantalla del personal, cuando no se llega al almacén compartido.
store-unreachable = no se puede llegar al almacén compartido de registros: { $detail }
