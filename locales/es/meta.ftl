# El idioma mismo: su nombre, su reloj y cómo se leen las fechas y horas.
# Los patrones de fecha usan los códigos de chrono: %A día de la semana,
# %B mes, %-d día, %Y año. Los nombres vienen de la configuración regional
# indicada en locale-dates.

language-name = Español
locale-dates = es_US
# 12 o 24. En Estados Unidos se lee la hora con a. m. y p. m.
clock-hours = 12

# Las fechas de nacimiento se escriben con el día primero: 17/04/1962.
date-order = dmy
date-weekday = %A
date-month = %B
# sábado, 21 de noviembre
date-long = %A, %-d de %B
# lunes, 7 de junio de 2027
date-long-year = %A, %-d de %B de %Y
# 17 de abril de 1962
date-full = %-d de %B de %Y

time-12h = { $hour }:{ $minute } { $half ->
    [am] a. m.
   *[pm] p. m.
}
time-24h = { $hour }:{ $minute }
time-midnight = medianoche
time-range = { $start } – { $end }

duration-minutes = { $minutes } min
duration-hours = { $hours } h
duration-hours-minutes = { $hours } h { $minutes } min
duration-in = en { $duration }

# "a la 1:00", "a las 2:00".
when-at = { $hour ->
    [1] a la { $time }
   *[other] a las { $time }
}
when-today = { $hour ->
    [1] hoy a la { $time }
   *[other] hoy a las { $time }
}
when-tomorrow = { $hour ->
    [1] mañana a la { $time }
   *[other] mañana a las { $time }
}
when-weekday = { $hour ->
    [1] el { $day } a la { $time }
   *[other] el { $day } a las { $time }
}
when-date = { $hour ->
    [1] el { $day } a la { $time }
   *[other] el { $day } a las { $time }
}
