# The language itself: its name, its clock, and how dates and times read.
# Date patterns use chrono's codes: %A weekday, %B month, %-d day, %Y year.
# Month and day names come from the locale named in locale-dates.

# On the language button, written in the language itself.
language-name = English
# The locale whose month and day names dates use (glibc's names: en_US, es_US, vi_VN...).
locale-dates = en_US
# 12 or 24: the clock this language reads by default (kiosk.toml can change it).
clock-hours = 12

# How dates of birth are typed: mdy (04/17/1962) or dmy (17/04/1962).
date-order = mdy
date-weekday = %A
date-month = %B
# Saturday, November 21
date-long = %A, %B %-d
# Monday, June 7, 2027
date-long-year = %A, %B %-d, %Y
# A date of birth in words: April 17, 1962
date-full = %B %-d, %Y

# 6:00 PM. $half is am or pm.
time-12h = { $hour }:{ $minute } { $half ->
    [am] AM
   *[pm] PM
}
# 18:00
time-24h = { $hour }:{ $minute }
time-midnight = midnight
# 9:00 AM – 6:00 PM
time-range = { $start } – { $end }

duration-minutes = { $minutes } min
duration-hours = { $hours } h
duration-hours-minutes = { $hours } h { $minutes } min
# in 2 h 15 min
duration-in = in { $duration }

# When something happens. $time is the time of day, $hour its hour as the clock shows it,
# for languages whose words change with it; $day a weekday or a date.
when-at = { $hour ->
   *[other] at { $time }
}
when-today = { $hour ->
   *[other] today at { $time }
}
when-tomorrow = { $hour ->
   *[other] tomorrow at { $time }
}
when-weekday = { $hour ->
   *[other] { $day } at { $time }
}
when-date = { $hour ->
   *[other] { $day } at { $time }
}
