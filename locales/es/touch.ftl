# Registro por pantalla táctil: el teclado, los botones del formulario, las
# preguntas de fecha, el botón de la confirmación y el aviso de que el
# registro no está abierto.

key-shift = Mayús
key-space = espacio
key-erase = ← Borrar
key-letters = abc
key-accents = áéñ
key-numbers = 123

form-back = Atrás
form-cancel = Cancelar
form-next = Siguiente
form-clear-ask = ¿Borrar sus respuestas?
form-clear-yes = Sí, borrarlas
form-clear-no = No, dejarlas

checkin-date-today = { $label }: esa es la fecha de hoy. Revise el día y el año, por favor.
checkin-date-which-century = { $label }: ¿{ $recent } o { $older }? Toque una, o escriba el año completo.

form-done = Listo

not-open-title = El registro no está abierto
not-open-clinic-closed = La clínica está cerrada ahora.
not-open-no-hours = Por favor, pase a la recepción o llámenos.
