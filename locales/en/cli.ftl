# The command line (kiosk check, kiosk checkins, kiosk staff set-pin...) and
# the log. Read by staff, in English unless said otherwise.

# kiosk staff set-pin.
set-pin-first = New staff PIN (4 to 8 digits):{" "}
set-pin-again = The same PIN again:{" "}
set-pin-not-digits = error: the PIN must be digits only (0 to 9); nothing was changed
set-pin-mismatch = error: the two PINs differ; nothing was changed
set-pin-cancelled = cancelled; nothing was changed
set-pin-stdin = error: give the PIN twice on standard input, one per line; nothing was changed
set-pin-length = error: the PIN must have 4 to 8 digits, not { $len }; nothing was changed
set-pin-done = The staff PIN is set: its hash is in { $file }, under [staff].
    A running kiosk picks it up within a few seconds.
set-pin-file-changed = error: { $file } changed while the PIN was being typed; nothing was changed. Run the command again.
set-pin-by-hand = error: { $file } writes its [staff] table in a way this command does not edit (a dotted key or an inline table, say); nothing was changed.
    Add this line to the [staff] table yourself:
    {""}
    pin_hash = "{ $hash }"

# kiosk desk.
desk-pin-not-set = the desk PIN is not set up yet: run `kiosk staff set-pin`
desk-needs-terminal = the desk needs a terminal to draw on; run it from a terminal window or over SSH

# kiosk timeline: a change while closing is near.
timeline-closing-soon = { $line } (closing soon)
# kiosk timeline: the screen goes dark at this moment ([kiosk] screen_sleep).
timeline-screen-sleeps = screen sleeps (dark until it wakes)
# kiosk timeline: the screen comes back at this moment.
timeline-screen-wakes = screen wakes

# kiosk checkins.
checkins-none-on = No check-ins on { $day }.
checkins-none-between = No check-ins from { $first } to { $last }.
history-none = No changes on { $day }.
summary-heading = Summary of { $day }
history-added = added
# $to and $from are desk-status words.
history-status = { $to } (was { $from })
history-edit = { $key } corrected: { $old } to { $new }
history-removed = removed
history-restored = put back
history-undone = { $action }, undone
# The name a desk or kiosk goes by in the history when not set.
station-named = { $host } { $role }
role-desk = desk
role-kiosk = kiosk

# kiosk.toml's mistakes.
config-unreadable = cannot read the configuration file: { $why }
check-last-good = note: a running kiosk uses the last good copy, { $path }, until this file is fixed
birth-invalid = birth must be "date" or "age", not { $value }
birth-help = birth = "date" shows 04/17/1962, birth = "age" shows 64
idle-out-of-range = idle_seconds must be from 10 to 600, not { $n }
notice-text-empty = a notice needs some `text`
notice-text-help = write what patients should read, e.g. text = "Dr. Lee is running 30 minutes late"
notice-time-help = write a date and a 24-hour time in quotes, e.g. "2026-12-03 07:00", or a date alone, "2026-12-03" (from the start of that day; for `until`, to its end)
notice-order-help = `until` is the first moment the notice no longer shows
notice-too-long = this notice has { $chars } characters; the most is { $max }
notice-too-long-help = shorten it to { $max } characters or fewer, so it is never cut on the screen
notice-bad-time = "{ $text }" is not a date and time
notice-ends-first = `until` ({ $until }) is not after `from` ({ $from })
duplicates-off = duplicate check-ins are not detected: the form does not ask for first_name, last_name and date_of_birth
duplicates-off-help = to detect them, add duplicate_key = [...] under [checkin] with the keys of fields that together tell one patient from another; duplicate_key = [] says you want none (and silences this warning)
# A slide file that is a link to a file outside the slides folder.
link-leads-out = this is a link to a file outside the slides folder; it is not read
link-leads-out-help = put the slide file itself in the folder, or link only to files inside it

# kiosk checkins list --all-sites: the line above one site's check-ins.
checkins-site-heading = Site { $site }

# [store] and [clinic] site in kiosk.toml, and kiosk store: for staff and IT.
store-url-scheme = the store's url must start with postgresql:// (or postgres://)
store-url-help = for example url = "postgresql://kiosk@db.clinic.lan/clinic"; leave it out to keep check-ins in the SQLite file of [checkin] database
store-url-password = the store's url holds a password, and kiosk.toml is no place for one
store-url-password-help = remove it from the url and put it in the file named by password_file (owner-only, chmod 600) or in ~/.pgpass of the kiosk's user
site-invalid = a site name is 1 to 40 letters, digits, '-' or '_'
site-help = for example site = "lakewood"; each site has its own tickets and lists
# kiosk store migrate's report.
store-migrated-same = { $store }: the schema is up to date (version { $to }).
store-migrated = { $store }: the schema went from version { $from } to { $to }.
# kiosk store copy's report.
store-copied = Copied { $copied } check-ins ({ $already } were already there); the server now holds all { $total } of this file's check-ins, each checked.
# The staff screen, when the shared store cannot be reached.
store-unreachable = the shared check-in store cannot be reached: { $detail }
