#!/bin/sh
# The kiosk on a machine with a desktop (X11): a full-screen xterm with a
# large font, started again whenever it closes. Started at login by
# kiosk.desktop; see docs/deploy.md, "On a desktop instead of the console".
#
# The Linux console (kiosk.service) is the better choice where possible:
# nothing else runs on the screen, and systemd restarts the kiosk.

KIOSK=${KIOSK:-/opt/kiosk/kiosk}
CONFIG=${CONFIG:-/opt/kiosk/kiosk.toml}
FONT_SIZE=${FONT_SIZE:-18}

# Keep the screen on: no screen saver, no blanking, no power saving.
xset s off -dpms s noblank 2>/dev/null || true

while :; do
    # -fullscreen: no window frame. +sb: no scroll bar. -u8: UTF-8.
    # omitTranslation drops xterm's Ctrl-click menus, its own full-screen
    # toggle, scrolling back and font-size keys, so patients cannot use them.
    xterm -fullscreen -u8 +sb -bg black -fg white \
        -fa Monospace -fs "$FONT_SIZE" \
        -title "Clinic kiosk" \
        -xrm 'XTerm*omitTranslation: fullscreen,popup-menu,scroll-back,scroll-forw,shift-fonts' \
        -e "$KIOSK" run --config "$CONFIG"
    sleep 2
done
